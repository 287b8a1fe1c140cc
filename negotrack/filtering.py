"""The API's filters: django-filter's, refusing a control character in a filter's value as
a 400 that names the filter, before any query sees it (negotrack.text)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django_filters import ModelChoiceFilter
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.views import APIView

from negotrack.text import text_problem


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: APIView) -> QuerySet[Any]:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            problems = {
                name: [problem]
                for name in filterset_class.base_filters
                for value in request.query_params.getlist(name)
                if (problem := text_problem(value, single_line=True))
            }
            if problems:
                raise serializers.ValidationError(problems)
        return super().filter_queryset(request, queryset, view)


class SlugField(serializers.SlugRelatedField):
    """A record named by its slug in a query, where a control character names nothing."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and text_problem(data, single_line=True):
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


def slug_filter(model: type[Model], described: str, *, field_name: str | None = None) -> ModelChoiceFilter:
    """A filter that takes a record's slug (`described` says what it selects) and answers
    400 when no record has it. `field_name` is the path to the record, when it is not the
    filter's own name."""
    return ModelChoiceFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=model._default_manager.all(),
        help_text=f"{described}; an unknown slug answers 400",
    )
