"""The round document, format version 3: its kinds of record, their keys, and their values.

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

Version 2 gives a delegation its `roles`, a list (`["mediator", "host"]`), where version 1
gave it one `role`. Version 3 gives it `unnamed_members`, how many members the reports
count but do not name (null when not known). Documents of versions 1 and 2 are still read
(`upgraded`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from delegations.models import Attendance, Delegation, Membership, Party, Person
from issues.models import Agreement, Issue, IssueStatus, Position, Publishable, Statement
from negotrack.records import Record
from negotrack.registry import SaveService, require_record_type
from rounds.models import Process, Round, Session, Source

FORMAT = "negotrack-round"
VERSION = 3

SLUGGED = (Process, Round, Party, Person, Issue)

# Where a publishable record stands in its publication; the rest of its keys are its content.
PUBLICATION = ("state", "revises", "published_at", "withdrawn_on", "correction_note", "superseded_at")
# What moves when a published record is withdrawn or superseded, and nothing else may.
WITHDRAWAL = {"state", "withdrawn_on", "correction_note"}
SUPERSESSION = {"state", "superseded_at"}


def _sortable(value: Any) -> tuple[int, Any]:
    return (0, "") if value is None else (1, value)


def by(*keys: str) -> Callable[[dict], tuple]:
    """A sort key over records of the document, nulls first."""
    return lambda data: tuple(_sortable(data[key]) for key in keys)


@dataclass(frozen=True)
class DocumentPart:
    """One kind of record in the document: a part of it, a record or a list of them."""

    key: str  # the document's key for it
    model: type[Record]
    fields: tuple[str, ...]  # its keys after its identity, in document order
    refs: dict[str, str] = field(default_factory=dict)  # reference -> the kind it names
    many: dict[str, str] = field(default_factory=dict)  # many-to-many -> the kind it names
    sort: Callable[[dict], tuple] = by("uuid")
    single: bool = False  # one record (the round, its process), not a list

    @property
    def save(self) -> SaveService:
        """Its save service, from the registry of record types."""
        save = require_record_type(self.model).save
        assert save is not None, f"{self.model} has no save service of its own"
        return save

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
KINDS: tuple[DocumentPart, ...] = (
    DocumentPart("process", Process, ("name", "short_name", "description"), single=True),
    DocumentPart("parties", Party, ("name", "short_name", "kind"), sort=by("slug")),
    DocumentPart("people", Person, ("name", "aliases", "description"), sort=by("slug")),
    DocumentPart(
        "sources",
        Source,
        ("outlet", "title", "url", "published_on", "via"),
        refs={"via": "sources"},
        sort=by("published_on", "outlet", "title", "uuid"),
    ),
    DocumentPart(
        "issues",
        Issue,
        ("process", "topic", "name", "description", "sort_order"),
        refs={"process": "process"},
        sort=by("sort_order", "slug"),
    ),
    DocumentPart(
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
        refs={"process": "process"},
        many=_SOURCES,
        single=True,
    ),  # fmt: skip
    DocumentPart(
        "sessions",
        Session,
        ("round", "date", "start_time", "end_time", "time_zone", "track", "summary"),
        refs={"round": "round"},
        sort=by("date", "start_time", "track", "uuid"),
    ),
    DocumentPart(
        "delegations",
        Delegation,
        ("round", "party", "roles", "unnamed_members", "note", "sources"),
        refs={"round": "round", "party": "parties"},
        many=_SOURCES,
        sort=by("party", "uuid"),
    ),
    DocumentPart(
        "memberships",
        Membership,
        ("delegation", "person", "title", "role", "note", "sources"),
        refs={"delegation": "delegations", "person": "people"},
        many=_SOURCES,
        sort=by("delegation", "person", "uuid"),
    ),
    DocumentPart(
        "attendance",
        Attendance,
        ("session", "membership"),
        refs={"session": "sessions", "membership": "memberships"},
        sort=by("session", "membership", "uuid"),
    ),
    DocumentPart(
        "statuses",
        IssueStatus,
        ("issue", "round", "date", "date_precision", "status", "summary", "sources", *PUBLICATION),
        refs={"issue": "issues", "round": "round", "revises": "statuses"},
        many=_SOURCES,
        sort=by("issue", "published_at", "uuid"),
    ),
    DocumentPart(
        "positions",
        Position,
        ("issue", "party", "round", "date", "date_precision", "stance", "text", "sources", *PUBLICATION),
        refs={"issue": "issues", "party": "parties", "round": "round", "revises": "positions"},
        many=_SOURCES,
        sort=by("issue", "party", "published_at", "uuid"),
    ),
    DocumentPart(
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
        refs={"process": "process", "round": "round", "revises": "agreements"},
        many={"parties": "parties", "issues": "issues", **_SOURCES},
        sort=by("published_at", "uuid"),
    ),  # fmt: skip
    DocumentPart(
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


def upgraded(document: dict[str, Any], version: int) -> dict[str, Any]:
    """A document of an older format version as this version writes it.

    Version 1 → 2: a delegation's one `role` becomes `roles`, a set of one, in its place
    among the keys. Version 2 → 3: a delegation gains `unnamed_members`, not known (null).
    A value that is not right stays as it was, for the reading to refuse where it stands.
    """
    if version < 2 and isinstance(document.get("delegations"), list):
        delegations = [_roles_from_role(item) for item in document["delegations"]]
        document = {**document, "version": 2, "delegations": delegations}
    if version < 3 and isinstance(document.get("delegations"), list):
        delegations = [_unnamed_not_known(item) for item in document["delegations"]]
        document = {**document, "version": 3, "delegations": delegations}
    return document


def _unnamed_not_known(delegation: Any) -> Any:
    if not isinstance(delegation, dict) or "unnamed_members" in delegation:
        return delegation
    return {
        **{key: value for key, value in delegation.items() if key != "note" and key != "sources"},
        "unnamed_members": None,
        **{key: value for key, value in delegation.items() if key in ("note", "sources")},
    }


def _roles_from_role(delegation: Any) -> Any:
    if not isinstance(delegation, dict) or "role" not in delegation or "roles" in delegation:
        return delegation
    return {
        ("roles" if key == "role" else key): ([value] if key == "role" else value) for key, value in delegation.items()
    }
