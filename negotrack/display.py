"""How editors' pages show the values of a record: the names of the records it points to,
looked up once per kind, and a field's change from one value to another."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from negotrack.fields import ChoiceSetField


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    is_list: bool = False


class Labels:
    """The names of the records that versions point to, one query per related model."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
        self.names: dict[tuple[type[models.Model], Any], str] = {}

    def want(self, model: type[models.Model], pks: Iterable[Any]) -> None:
        self.wanted[model].update(pk for pk in pks if pk is not None)

    def load(self) -> None:
        for model, pks in self.wanted.items():
            if not pks:
                continue
            related = [f.name for f in model._meta.concrete_fields if f.is_relation]
            for obj in model._base_manager.filter(pk__in=pks).select_related(*related):
                self.names[model, obj.pk] = str(obj)

    def name(self, model: type[models.Model], pk: Any) -> str:
        return self.names.get((model, pk), f"a deleted {model._meta.verbose_name} (#{pk})")


def display_value(model_field: Any, value: Any, labels: Labels) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(model_field, ChoiceSetField) and isinstance(value, list):
        return model_field.display(value)
    if model_field.is_relation:
        return labels.name(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
