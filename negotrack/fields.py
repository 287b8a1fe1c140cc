"""A model field the record needs and Django lacks: several values of one set of choices."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import get_text_list


class ChoiceSetField(models.JSONField):
    """Values out of `member_choices`, each at most once, kept as a JSON list in the
    choices' order (a party's roles at a round: `["mediator", "host"]`).

    A JSON list rather than PostgreSQL's ArrayField, so that the embedded SQLite default
    holds it too. SQLite has no JSON `contains`, so `holding()` looks for a value at each
    place of the list instead, which both databases answer; the list is as short as the
    choices are few. Cleaning puts the values in the choices' order, so the same set is
    always stored, exported and compared as the same list. Forms show one checkbox a
    choice.
    """

    description = "A set of values out of a list of choices"

    def __init__(self, *args: Any, member_choices: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        self.member_choices = [(str(value), str(label)) for value, label in member_choices]
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["member_choices"] = self.member_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    @property
    def labels(self) -> dict[str, str]:
        return dict(self.member_choices)

    def in_order(self, values: Iterable[str]) -> list[str]:
        """`values` in the choices' order; a value that is no choice goes last."""
        rank = {value: index for index, (value, _) in enumerate(self.member_choices)}
        return sorted(values, key=lambda value: rank.get(value, len(rank)))

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        if value in self.empty_values:
            return
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError("Give a list of choices, not %(value)r.", code="invalid", params={"value": value})
        unknown = [item for item in value if item not in self.labels]
        if unknown:
            raise ValidationError(
                "%(value)r is not one of the choices (%(choices)s).",
                code="invalid_choice",
                params={"value": unknown[0], "choices": ", ".join(self.labels)},
            )
        twice = [item for index, item in enumerate(value) if item in value[:index]]
        if twice:
            raise ValidationError("%(value)r is given twice.", code="duplicate", params={"value": twice[0]})

    def clean(self, value: Any, model_instance: models.Model | None) -> Any:
        cleaned = super().clean(value, model_instance)
        return self.in_order(cleaned) if isinstance(cleaned, list) else cleaned

    def formfield(self, **kwargs: Any) -> Any:
        defaults: dict[str, Any] = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.member_choices,
            "widget": forms.CheckboxSelectMultiple,
            "error_messages": {"required": self.error_messages["blank"]},
        }
        # models.Field's, not JSONField's: the form holds a list of choices, not JSON text.
        return models.Field.formfield(self, **{**defaults, **kwargs})

    def display(self, values: Iterable[str]) -> str:
        """The values' labels in a phrase: "mediator and host"."""
        return str(get_text_list([self.labels.get(value, value) for value in values], "and"))

    def holding(self, value: str) -> Q:
        """A filter for the rows whose set holds `value`, among others or alone."""
        return Q(*(Q(**{f"{self.name}__{place}": value}) for place in range(len(self.member_choices))), _connector=Q.OR)
