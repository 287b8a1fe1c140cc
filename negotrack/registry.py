"""The registry of record types: one place that says what each kind of record is.

Each app registers its record types in its `AppConfig.ready()`: the services that save
and delete a record, the many-to-many fields the save service takes, how the changes feed
names it and which API route shows it, and, for a publishable record, how the review queue
describes it. Restore, the changes feed, round import, the review queue, the admin and the
API read this registry, so a new model is registered once. The core imports no app: the
apps call in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models

if TYPE_CHECKING:
    from negotrack.records import Record

# The publication states the core needs to tell apart (the values of the issues app's
# PublicationState, which sits above this layer).
DRAFT = "draft"
PUBLISHED = "published"

SaveService = Callable[..., Any]
DeleteService = Callable[..., None]


@dataclass(frozen=True)
class LinkedRecords:
    """Records of their own that a record's save service takes as one list: a statement's
    issue links (each a record with a history) are saved from the list of its issues."""

    attribute: str  # the reverse relation on the record, e.g. "issue_links"
    argument: str  # the save service's keyword for the list, e.g. "issues"
    link_model: str  # the link model's label (app_label.model_name)
    owner_field: str  # the link's field pointing at the record, e.g. "statement"
    target_field: str  # the link's field pointing at what the list holds, e.g. "issue"

    def model(self) -> type[Record]:
        return apps.get_model(self.link_model)

    def target_model(self) -> type[models.Model]:
        return self.model()._meta.get_field(self.target_field).related_model  # type: ignore[return-value]


@dataclass(frozen=True)
class Review:
    """How the review queue shows a publishable record: what to load with it, and its
    fields as (label, text) pairs a reviewer reads."""

    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    describe: Callable[[Any], list[tuple[str, str]]] | None = None


@dataclass(frozen=True)
class RecordType:
    """One kind of record and everything the core needs to know of it."""

    model: type[Record]
    feed_name: str  # how the changes feed names it: its API collection
    save: SaveService | None = None  # `save(record, *, by, **many)`; None for a part saved with its owner
    delete: DeleteService | None = None  # `delete(record, *, by)`; None: the core's plain delete
    many: tuple[str, ...] = ()  # the many-to-many fields the save service takes as lists
    route: str | None = None  # the API route name of its detail ("statement" for statement-detail)
    lookup: str = "uuid"  # the field its API detail is found by
    publishable: bool = False  # moves through draft → published → withdrawn or superseded
    part_of: str | None = None  # the label of the record it is saved with (a statement's issue link)
    links: LinkedRecords | None = None
    restore_options: dict[str, Any] = field(default_factory=dict)  # passed to `save` when restoring
    correct: SaveService | None = None  # `correct(record, *, by)`: the draft correcting a published record
    review: Review | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


@dataclass(frozen=True)
class FeedKind:
    """An event of the changes feed that is not a write of a record of its own (an issue's
    timeline rebuilt), named by the record it is about."""

    label: str  # the change log's `record_type` for it
    feed_name: str
    model: str  # the label of the record its UUID names
    route: str | None = None
    lookup: str = "uuid"
    view: str = "detail"


@dataclass(frozen=True)
class HealthCheck:
    """A part of /healthz that an app adds: `read()` returns a JSON-ready value."""

    name: str
    read: Callable[[], Any]


# Whether a published record shows a record (see `register_shown_publicly`).
ShownPublicly = Callable[[Any], bool]

_record_types: dict[str, RecordType] = {}
_shown_publicly: dict[str, ShownPublicly] = {}
_feed_kinds: dict[str, FeedKind] = {}
_health_checks: dict[str, HealthCheck] = {}


def register(*record_types: RecordType) -> None:
    """Called by an app in its `ready()`; registering a label twice replaces the entry
    only if it is the same, so that `ready()` may run more than once."""
    for record_type in record_types:
        known = _record_types.get(record_type.label)
        if known is not None and known != record_type:
            raise ImproperlyConfigured(f"{record_type.label} is registered twice, differently.")
        _record_types[record_type.label] = record_type


def register_shown_publicly(label: str, shown: ShownPublicly) -> None:
    """Puts a kind of record under review once published records show it (DESIGN.md,
    Publication): from then on an editor's change to it waits for a reviewer. Registered
    by the app that publishes (it knows what its published records show), for its own
    kinds of record and those of the apps below it."""
    _shown_publicly[label] = shown


def shown_publicly(record: models.Model) -> bool:
    """Whether a published record shows `record`: False for a kind nothing registered."""
    shown = _shown_publicly.get(record._meta.label_lower)
    return shown is not None and shown(record)


def reviewed_kinds() -> list[str]:
    """The kinds of record whose changes wait for review once published records show them."""
    return sorted(_shown_publicly)


def register_feed_kind(kind: FeedKind) -> None:
    _feed_kinds[kind.label] = kind


def register_health_check(check: HealthCheck) -> None:
    _health_checks[check.name] = check


def record_types() -> Sequence[RecordType]:
    """Every registered record type, in the order the apps registered them."""
    return tuple(_record_types.values())


def publishable_types() -> Sequence[RecordType]:
    return tuple(record_type for record_type in _record_types.values() if record_type.publishable)


def record_type(model_or_label: type[models.Model] | str) -> RecordType | None:
    label = model_or_label if isinstance(model_or_label, str) else model_or_label._meta.label_lower
    return _record_types.get(label)


def require_record_type(model_or_label: type[models.Model] | str) -> RecordType:
    found = record_type(model_or_label)
    if found is None:
        raise ImproperlyConfigured(f"{model_or_label} is not a registered record type (see negotrack.registry).")
    return found


def feed_kinds() -> dict[str, FeedKind]:
    """Every event type of the changes feed by change-log label: the record types, then
    the events registered beside them."""
    kinds = {
        record_type.label: FeedKind(
            record_type.label, record_type.feed_name, record_type.label, record_type.route, record_type.lookup
        )
        for record_type in _record_types.values()
    }
    kinds.update(_feed_kinds)
    return kinds


def feed_names() -> list[str]:
    return sorted(kind.feed_name for kind in feed_kinds().values())


def health_checks() -> Sequence[HealthCheck]:
    return tuple(_health_checks.values())
