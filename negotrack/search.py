"""Case-insensitive matching in every script, on both databases.

PostgreSQL's `icontains` folds case in any script. SQLite's folds ASCII only, so
"зеленский" would miss "Зеленский": on SQLite we register Python's `str.casefold` as a
database function and compare folded text.
"""

from typing import Any, TypeVar

from django.db import connections, models
from django.db.backends.signals import connection_created
from django.db.models import Q


class CaseFold(models.Func):
    function = "NEGOTRACK_CASEFOLD"
    output_field = models.TextField()


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def register_casefold(sender: object, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("NEGOTRACK_CASEFOLD", 1, _casefold, deterministic=True)


_Q = TypeVar("_Q", bound=models.QuerySet[Any])

connection_created.connect(register_casefold, dispatch_uid="negotrack.search.casefold")


def contains_any_case(queryset: _Q, fields: list[str], text: str) -> _Q:
    """Rows where any of `fields` contains `text`, whatever its case and script."""
    if connections[queryset.db].vendor != "sqlite":
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": text})
        return queryset.filter(condition)
    folded = {f"_folded_{field}": CaseFold(field) for field in fields}
    condition = Q()
    for name in folded:
        condition |= Q(**{f"{name}__contains": text.casefold()})
    return queryset.alias(**folded).filter(condition)
