"""The round document, format version 1: its kinds of record, their keys, and their values.

```
{"format": "negotrack-round", "version": 1,
 "round": {...}, "process": {...},
 "sessions": [...], "delegations": [...], "memberships": [...], "attendance": [...],
 "statuses": [...], "positions": [...], "agreements": [...], "statements": [...],
 "issues": [...], "parties": [...], "people": [...], "sources": [...]}
```

Every record carries its UUID; processes, rounds, parties, people and issues also their
slug, by which the others refer to them (the rest are referred to by UUID). Dates are ISO
dates, times ISO times, publication moments ISO date-times in UTC. Lists are sorted and
keys come in a fixed order, so that the same record always makes the same bytes. What
changes with every save (versions, created and updated times) and what the services
derive (effective dates, current statuses) stays out.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.dateparse import parse_date, parse_datetime, parse_time

from delegations.models import Attendance, Delegation, Membership, Party, Person
from delegations.services import attendance_save, delegation_save, membership_save, party_save, person_save
from issues.models import PUBLIC_STATES, Agreement, Issue, IssueStatus, Position, Publishable, Statement
from issues.services import agreement_save, issue_save, issue_status_save, position_save, statement_save
from negotrack.records import Record
from rounds.models import Process, Round, Session, Source
from rounds.services import process_save, round_save, session_save, source_save

FORMAT = "negotrack-round"
VERSION = 1

SLUGGED = (Process, Round, Party, Person, Issue)

# Where a publishable record stands in its publication; the rest of its keys are its content.
PUBLICATION = ("state", "revises", "published_at", "withdrawn_on", "correction_note", "superseded_at")
# What moves when a published record is withdrawn or superseded, and nothing else may.
WITHDRAWAL = {"state", "withdrawn_on", "correction_note"}
SUPERSESSION = {"state", "superseded_at"}


def _sortable(value) -> tuple:
    return (0, "") if value is None else (1, value)


def by(*keys: str) -> Callable[[dict], tuple]:
    """A sort key over records of the document, nulls first."""
    return lambda data: tuple(_sortable(data[key]) for key in keys)


@dataclass(frozen=True)
class Kind:
    """One kind of record in the document."""

    key: str  # the document's key for it
    model: type[Record]
    fields: tuple[str, ...]  # its keys after its identity, in document order
    save: Callable
    refs: dict[str, str] = field(default_factory=dict)  # reference -> the kind it names
    many: dict[str, str] = field(default_factory=dict)  # many-to-many -> the kind it names
    sort: Callable[[dict], tuple] = by("uuid")
    single: bool = False  # one record (the round, its process), not a list

    @property
    def slugged(self) -> bool:
        return issubclass(self.model, SLUGGED)

    @property
    def publishable(self) -> bool:
        return issubclass(self.model, Publishable)

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def keys(self) -> tuple[str, ...]:
        return ("slug", "uuid", *self.fields) if self.slugged else ("uuid", *self.fields)

    def related(self) -> tuple[list[str], list[str]]:
        """What to select and prefetch with its records to write their documents."""
        prefetch = list(self.many)
        if self.model is Statement:
            prefetch.append("issue_links__issue")
        return list(self.refs), prefetch


_SOURCES = {"sources": "sources"}

# In the order the importer writes them: each kind after the kinds it refers to.
KINDS: tuple[Kind, ...] = (
    Kind("process", Process, ("name", "short_name", "description"), process_save, single=True),
    Kind("parties", Party, ("name", "short_name", "kind"), party_save, sort=by("slug")),
    Kind("people", Person, ("name", "aliases", "description"), person_save, sort=by("slug")),
    Kind(
        "sources",
        Source,
        ("outlet", "title", "url", "published_on", "via"),
        source_save,
        refs={"via": "sources"},
        sort=by("published_on", "outlet", "title", "uuid"),
    ),
    Kind(
        "issues",
        Issue,
        ("process", "topic", "name", "description", "sort_order"),
        issue_save,
        refs={"process": "process"},
        sort=by("sort_order", "slug"),
    ),
    Kind(
        "round",
        Round,
        (
            "slug_is_provisional",
            "process",
            "ordinal",
            "city",
            "country",
            "venue",
            "start_date",
            "end_date",
            "format",
            "status",
            "summary",
            "outcome",
            "sources",
        ),
        round_save,
        refs={"process": "process"},
        many=_SOURCES,
        single=True,
    ),  # fmt: skip
    Kind(
        "sessions",
        Session,
        ("round", "date", "start_time", "end_time", "time_zone", "track", "summary"),
        session_save,
        refs={"round": "round"},
        sort=by("date", "start_time", "track", "uuid"),
    ),
    Kind(
        "delegations",
        Delegation,
        ("round", "party", "role", "note", "sources"),
        delegation_save,
        refs={"round": "round", "party": "parties"},
        many=_SOURCES,
        sort=by("party", "uuid"),
    ),
    Kind(
        "memberships",
        Membership,
        ("delegation", "person", "title", "role", "note", "sources"),
        membership_save,
        refs={"delegation": "delegations", "person": "people"},
        many=_SOURCES,
        sort=by("delegation", "person", "uuid"),
    ),
    Kind(
        "attendance",
        Attendance,
        ("session", "membership"),
        attendance_save,
        refs={"session": "sessions", "membership": "memberships"},
        sort=by("session", "membership", "uuid"),
    ),
    Kind(
        "statuses",
        IssueStatus,
        ("issue", "round", "date", "date_precision", "status", "summary", "sources", *PUBLICATION),
        issue_status_save,
        refs={"issue": "issues", "round": "round", "revises": "statuses"},
        many=_SOURCES,
        sort=by("issue", "published_at", "uuid"),
    ),
    Kind(
        "positions",
        Position,
        ("issue", "party", "round", "date", "date_precision", "stance", "text", "sources", *PUBLICATION),
        position_save,
        refs={"issue": "issues", "party": "parties", "round": "round", "revises": "positions"},
        many=_SOURCES,
        sort=by("issue", "party", "published_at", "uuid"),
    ),
    Kind(
        "agreements",
        Agreement,
        (
            "process",
            "round",
            "date",
            "date_precision",
            "title",
            "terms",
            "figures",
            "parties",
            "issues",
            "carried_out_on",
            "carried_out_precision",
            "sources",
            *PUBLICATION,
        ),
        agreement_save,
        refs={"process": "process", "round": "round", "revises": "agreements"},
        many={"parties": "parties", "issues": "issues", **_SOURCES},
        sort=by("published_at", "uuid"),
    ),  # fmt: skip
    Kind(
        "statements",
        Statement,
        (
            "process",
            "round",
            "session",
            "speaker",
            "speaker_description",
            "party",
            "speaker_title",
            "date",
            "date_precision",
            "medium",
            "kind",
            "language",
            "text",
            "translation",
            "text_is_translation",
            "issues",
            "sources",
            *PUBLICATION,
        ),
        statement_save,
        refs={
            "process": "process",
            "round": "round",
            "session": "sessions",
            "speaker": "people",
            "party": "parties",
            "revises": "statements",
        },
        many=_SOURCES,
        sort=by("date", "speaker", "speaker_description", "published_at", "uuid"),
    ),  # fmt: skip
)
KIND = {kind.key: kind for kind in KINDS}

# The document's keys, in the order it writes them: the round and its contents first,
# then the records they refer to.
DOCUMENT_KEYS = (
    "format", "version", "round", "process", "sessions", "delegations", "memberships", "attendance",
    "statuses", "positions", "agreements", "statements", "issues", "parties", "people", "sources",
)  # fmt: skip

# Keys whose values are not a field's plain value.
STATEMENT_ISSUES = "issues"  # of a statement: its issue links, [{"issue": slug, "uuid": link UUID}]
ALIASES = "aliases"  # of a person: a list of names (the model keeps them one a line)


class ValueProblem(ValueError):
    """A value the document cannot hold where it stands."""


# --- records to documents -------------------------------------------------------------


def natural_key(record: Record | None) -> str | None:
    if record is None:
        return None
    return record.slug if isinstance(record, SLUGGED) else str(record.uuid)


def to_document(model_field: models.Field, value):
    if value is None:
        return None
    if isinstance(model_field, models.DateTimeField):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(model_field, models.DateField | models.TimeField):
        return value.isoformat()
    if isinstance(model_field, models.UUIDField):
        return str(value)
    return value


def record_document(kind: Kind, record: Record) -> dict:
    """The record as the document writes it; its references and many-to-many values must
    be loaded with it (`Kind.related`)."""
    data = {}
    for key in kind.keys:
        if key in kind.refs:
            data[key] = natural_key(getattr(record, key))
        elif key in kind.many:
            data[key] = sorted(natural_key(related) for related in getattr(record, key).all())
        elif kind.model is Statement and key == STATEMENT_ISSUES:
            links = [{"issue": link.issue.slug, "uuid": str(link.uuid)} for link in record.issue_links.all()]
            data[key] = sorted(links, key=lambda link: link["issue"])
        elif kind.model is Person and key == ALIASES:
            data[key] = record.alias_list
        else:
            model_field = kind.model._meta.get_field(key)
            data[key] = to_document(model_field, getattr(record, model_field.attname))
    return data


def dumps(document: dict) -> str:
    """The one serialization of a document: indented, keys as built, UTF-8 as it is."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --- documents to values --------------------------------------------------------------


def from_document(model_field: models.Field, value):
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


def _parsed(parse, value, what: str):
    if not isinstance(value, str):
        raise ValueProblem(f"must be {what}, not {value!r}")
    try:
        parsed = parse(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueProblem(f"{value!r} is not {what}")
    return parsed


def parse_uuid(value) -> uuid.UUID:
    if not isinstance(value, str):
        raise ValueProblem(f"must be a UUID, not {value!r}")
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueProblem(f"{value!r} is not a UUID") from None


def _key_of(target: Kind, value) -> str:
    """A reference to a record of `target`, in its canonical spelling."""
    if target.slugged:
        if not isinstance(value, str) or not value:
            raise ValueProblem(f"must be the slug of a {target.name}, not {value!r}")
        return value
    return str(parse_uuid(value))


def _text_list(value) -> list:
    if not isinstance(value, list):
        raise ValueProblem(f"must be a list, not {value!r}")
    return value


def read_value(kind: Kind, key: str, value):
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
        keys = []
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
    model_field = kind.model._meta.get_field(key)
    return to_document(model_field, from_document(model_field, value))


def _statement_issues(value) -> list[dict]:
    links = {}
    for index, item in enumerate(_text_list(value)):
        if not isinstance(item, dict) or set(item) != {"issue", "uuid"}:
            raise ValueProblem(f'item {index}: must be {{"issue": slug, "uuid": UUID}}, not {item!r}')
        issue = _key_of(KIND["issues"], item["issue"])
        if issue in links:
            raise ValueProblem(f"item {index}: the issue {issue!r} is named twice")
        links[issue] = {"issue": issue, "uuid": str(parse_uuid(item["uuid"]))}
    return [links[issue] for issue in sorted(links)]


def read_record(kind: Kind, raw, path: str, problems: list[str]) -> dict | None:
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
    data, ok = {}, True
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


def json_type(value) -> str:
    """How a JSON value is called in a message."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")
