"""The values of the round document: records written as documents, and document values
read back into field values, each refusal naming where it stands."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable, Iterable
from typing import Any, cast, overload

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime, parse_time

from delegations.models import Person
from issues.models import PUBLIC_STATES, Statement
from issues.roundio.document import ALIASES, KIND, SLUGGED, STATEMENT_ISSUES, DocumentPart
from negotrack.fields import ChoiceSetField
from negotrack.records import Record


class ValueProblem(ValueError):
    """A value the document cannot hold where it stands."""


# --- records to documents -------------------------------------------------------------


@overload
def natural_key(record: Record) -> str: ...
@overload
def natural_key(record: None) -> None: ...
def natural_key(record: Record | None) -> str | None:
    if record is None:
        return None
    return record.slug if isinstance(record, SLUGGED) else str(record.uuid)


def to_document(model_field: models.Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(model_field, models.DateTimeField):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(model_field, models.DateField | models.TimeField):
        return value.isoformat()
    if isinstance(model_field, models.UUIDField):
        return str(value)
    return value


def record_document(kind: DocumentPart, record: Record) -> dict[str, Any]:
    """The record as the document writes it; its references and many-to-many values must
    be loaded with it (`DocumentPart.related`)."""
    data: dict[str, Any] = {}
    for key in kind.keys:
        if key in kind.refs:
            data[key] = natural_key(getattr(record, key))
        elif key in kind.many:
            data[key] = sorted(natural_key(related) for related in getattr(record, key).all())
        elif kind.model is Statement and key == STATEMENT_ISSUES:
            links = [
                {"issue": link.issue.slug, "uuid": str(link.uuid)} for link in cast(Statement, record).issue_links.all()
            ]
            data[key] = sorted(links, key=lambda link: link["issue"])
        elif kind.model is Person and key == ALIASES:
            data[key] = cast(Person, record).alias_list
        else:
            model_field = cast("models.Field[Any, Any]", kind.model._meta.get_field(key))  # a plain field
            data[key] = to_document(model_field, getattr(record, model_field.attname))
    return data


def dumps(document: dict[str, Any]) -> str:
    """The one serialization of a document: indented, keys as built, UTF-8 as it is."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --- documents to values --------------------------------------------------------------


def from_document(model_field: models.Field[Any, Any], value: Any) -> Any:
    """The Python value of a field from the document's value; ValueProblem if it cannot be."""
    if value is None:
        if model_field.null:
            return None
        raise ValueProblem("must have a value, not null")
    if isinstance(model_field, models.DateTimeField):
        parsed = _parsed(parse_datetime, value, "a date and time such as 2026-02-18T09:30:00+00:00")
        if parsed.tzinfo is None:
            raise ValueProblem(f"{value!r} needs its offset from UTC (2026-02-18T09:30:00+00:00)")
        return parsed
    if isinstance(model_field, models.DateField):
        return _parsed(parse_date, value, "a date (YYYY-MM-DD)")
    if isinstance(model_field, models.TimeField):
        return _parsed(parse_time, value, "a time (HH:MM or HH:MM:SS)")
    if isinstance(model_field, models.UUIDField):
        return parse_uuid(value)
    if isinstance(model_field, models.BooleanField):
        if not isinstance(value, bool):
            raise ValueProblem(f"must be true or false, not {value!r}")
        return value
    if isinstance(model_field, models.IntegerField):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueProblem(f"must be a whole number, not {value!r}")
        return value
    if isinstance(model_field, models.JSONField):
        return value
    if not isinstance(value, str):
        raise ValueProblem(f"must be text, not {value!r}")
    return value


def _parsed(parse: Callable[[str], Any], value: Any, what: str) -> Any:
    if not isinstance(value, str):
        raise ValueProblem(f"must be {what}, not {value!r}")
    try:
        parsed = parse(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueProblem(f"{value!r} is not {what}")
    return parsed


def parse_uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise ValueProblem(f"must be a UUID, not {value!r}")
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueProblem(f"{value!r} is not a UUID") from None


def _key_of(target: DocumentPart, value: Any) -> str:
    """A reference to a record of `target`, in its canonical spelling."""
    if target.slugged:
        if not isinstance(value, str) or not value:
            raise ValueProblem(f"must be the slug of a {target.name}, not {value!r}")
        return value
    return str(parse_uuid(value))


def _text_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueProblem(f"must be a list, not {value!r}")
    return value


def read_value(kind: DocumentPart, key: str, value: Any) -> Any:
    """The canonical document value of `key` (the same value always spelled the same)."""
    if key == "uuid":
        return str(parse_uuid(value))
    if key in kind.refs:
        target = KIND[kind.refs[key]]
        if value is None:
            if kind.model._meta.get_field(key).null:
                return None
            raise ValueProblem(f"must name a {target.name}, not null")
        return _key_of(target, value)
    if key in kind.many:
        target = KIND[kind.many[key]]
        keys: list[str] = []
        for index, item in enumerate(_text_list(value)):
            try:
                keys.append(_key_of(target, item))
            except ValueProblem as problem:
                raise ValueProblem(f"item {index}: {problem}") from None
        return sorted(set(keys))
    if kind.model is Statement and key == STATEMENT_ISSUES:
        return _statement_issues(value)
    if kind.model is Person and key == ALIASES:
        names = _text_list(value)
        if not all(isinstance(name, str) for name in names):
            raise ValueProblem("must be a list of names")
        return [name.strip() for name in dict.fromkeys(names) if name.strip()]
    if key == "state" and value not in PUBLIC_STATES:
        states = ", ".join(PUBLIC_STATES)
        raise ValueProblem(f"{value!r} is not a state of the public record ({states}): the document holds no drafts")
    model_field = cast("models.Field[Any, Any]", kind.model._meta.get_field(key))  # a plain field
    if isinstance(model_field, ChoiceSetField):
        return _choice_set(model_field, value)
    return to_document(model_field, from_document(model_field, value))


def _choice_set(model_field: ChoiceSetField, value: Any) -> list[str]:
    """A set of choices (a delegation's roles) by the field's own rules, in its order."""
    try:
        model_field.validate(value, None)
    except ValidationError as error:
        raise ValueProblem(" ".join(error.messages)) from None
    return model_field.in_order(value)


def _statement_issues(value: Any) -> list[dict[str, str]]:
    links: dict[str, dict[str, str]] = {}
    for index, item in enumerate(_text_list(value)):
        if not isinstance(item, dict) or set(item) != {"issue", "uuid"}:
            raise ValueProblem(f'item {index}: must be {{"issue": slug, "uuid": UUID}}, not {item!r}')
        issue = _key_of(KIND["issues"], item["issue"])
        if issue in links:
            raise ValueProblem(f"item {index}: the issue {issue!r} is named twice")
        links[issue] = {"issue": issue, "uuid": str(parse_uuid(item["uuid"]))}
    return [links[issue] for issue in sorted(links)]


def read_record(kind: DocumentPart, raw: Any, path: str, problems: list[str]) -> dict[str, Any] | None:
    """The record's canonical document form, or None with what is wrong added to `problems`."""
    if not isinstance(raw, dict):
        problems.append(f"{path}: must be an object, not {json_type(raw)}")
        return None
    missing = [key for key in kind.keys if key not in raw]
    unknown = sorted(key for key in raw if key not in kind.keys)
    if missing:
        problems.append(f"{path}: missing {_keys(missing)}")
    if unknown:
        problems.append(f"{path}: unknown {_keys(unknown)}")
    if missing or unknown:
        return None
    data: dict[str, Any] = {}
    ok = True
    for key in kind.keys:
        try:
            data[key] = read_value(kind, key, raw[key])
        except ValueProblem as problem:
            problems.append(f"{path}.{key}: {problem}")
            ok = False
    return data if ok else None


def _keys(keys: Iterable[str]) -> str:
    keys = list(keys)
    return f"key{'s' if len(keys) > 1 else ''} {', '.join(repr(key) for key in keys)}"


def json_type(value: Any) -> str:
    """How a JSON value is called in a message."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")
