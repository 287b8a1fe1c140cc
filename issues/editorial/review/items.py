"""What the review queue lists: every draft with all it will make public, beside the record
it corrects, grouped by the round it belongs to; and the records published last.

A fixed number of queries however many drafts: each kind registers what to load with its
records (negotrack.registry.Review).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.contrib.messages.storage.base import Message
from django.db.models import QuerySet
from django.http import Http404

from issues.editorial.descriptions import describe
from issues.models import Publishable
from issues.services import can_review, sent_back_problem
from negotrack.groups import admin_change_url
from negotrack.records import User
from negotrack.registry import Review, publishable_types, require_record_type

RECENTLY_PUBLISHED = 20


def publishable_models() -> dict[str, type[Publishable]]:
    """The kinds of record the queue shows, by model name: every publishable record type
    registered (negotrack.registry)."""
    return {
        str(record_type.model._meta.model_name): cast("type[Publishable]", record_type.model)  # registered publishable
        for record_type in publishable_types()
    }


def model_named(kind: str) -> type[Publishable]:
    try:
        return publishable_models()[kind]
    except KeyError:
        raise Http404("No such kind of record.") from None


@dataclass
class FieldRow:
    label: str
    new: str
    old: str = ""
    differs: bool = False


@dataclass
class Item:
    kind: str
    kind_label: str
    record: Any
    fields: list[FieldRow]
    corrects: Any = None
    made_by: Any = None
    made_at: Any = None
    may_review: bool = False
    admin_url: str | None = None
    notices: list[Message] = field(default_factory=list)
    sent_back: str | None = None  # why it cannot be published yet


def loaded_with(model: type[Publishable], *, prefix: str = "") -> tuple[list[str], list[str]]:
    """What to select and prefetch with records of `model` for `describe`."""
    review = require_record_type(model).review or Review()
    related = [f"{prefix}{name}" for name in review.related]
    prefetch = [f"{prefix}{name}" for name in review.prefetch]
    return related, prefetch


def drafts_of(model: type[Publishable]) -> QuerySet[Publishable]:
    """The drafts of `model`, oldest first, with all that `describe` reads for them and for
    the record each corrects: a page filters them further."""
    related, prefetch = loaded_with(model)
    revised_related, revised_prefetch = loaded_with(model, prefix="revises__")
    return (
        model.objects.drafts()
        .select_related(*related, "revises", *revised_related)
        .prefetch_related(*prefetch, *revised_prefetch)
        .order_by("created_at", "id")
    )


def _makers(model: type[Publishable], records: Iterable[Publishable]) -> dict[int, Any]:
    """Who made each record and when: the first row of its history, one query per kind."""
    rows = (
        model._record_history.cls.history.model.objects.filter(id__in=[r.pk for r in records], history_type="+")
        .select_related("history_user")
        .order_by("history_date")
    )
    return {row.id: row for row in rows}


def draft_items(model: type[Publishable], drafts: Iterable[Publishable], *, may_review: bool = False) -> list[Item]:
    """Each of `drafts` (of `model`, from `drafts_of`) as the queue shows it: its fields,
    beside those of the record it corrects, and who made it when. A fixed number of
    queries, however many drafts."""
    drafts = list(drafts)
    makers = _makers(model, drafts) if drafts else {}
    items: list[Item] = []
    for draft in drafts:
        new = describe(draft)
        corrects = draft.revises  # None without a query when it corrects nothing
        if corrects:
            old = dict(describe(corrects))
            rows = [FieldRow(label, value, old[label], old[label] != value) for label, value in new]
        else:
            rows = [FieldRow(label, value) for label, value in new]
        made = makers.get(draft.pk)
        items.append(
            Item(
                kind=str(model._meta.model_name),
                kind_label=str(model._meta.verbose_name),
                record=draft,
                fields=rows,
                corrects=corrects,
                made_by=made.history_user if made else None,
                made_at=made.history_date if made else draft.created_at,
                may_review=may_review,
                admin_url=admin_change_url(draft),
                sent_back=sent_back_problem(draft),
            )
        )
    return items


def oldest_first(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (item.record.created_at, item.kind, item.record.pk))


def build_queue(user: User) -> list[Item]:
    items: list[Item] = []
    for model in publishable_models().values():
        items += draft_items(model, drafts_of(model), may_review=can_review(user, model))
    return oldest_first(items)


def recently_published(user: User) -> list[Item]:
    items: list[Item] = []
    for kind, model in publishable_models().items():
        related, prefetch = loaded_with(model)
        published = (
            model.objects.published()
            .select_related(*related, "published_by")
            .prefetch_related(*prefetch)
            .order_by("-published_at", "-id")[:RECENTLY_PUBLISHED]
        )
        may_review = can_review(user, model)
        for record in published:
            rows = [FieldRow(label, value) for label, value in describe(record)]
            items.append(Item(kind, str(model._meta.verbose_name), record, rows, may_review=may_review))
    items.sort(key=lambda item: (item.record.published_at, item.record.pk), reverse=True)
    return items[:RECENTLY_PUBLISHED]


# --- groups by round ---------------------------------------------------------------------------


@dataclass
class Group:
    """The drafts of one round, or of one process between rounds, in the queue's order."""

    key: str  # for the page's ids
    label: str
    process: str
    is_round: bool
    items: list[Item] = field(default_factory=list)

    @property
    def may_review(self) -> bool:
        return any(item.may_review for item in self.items)


def _process_of(record: Any) -> Any:
    """A record's process: its own, or its agenda issue's; None for a kind without either."""
    if getattr(record, "process_id", None):
        return record.process
    if getattr(record, "issue_id", None):
        return record.issue.process
    return None


def _group_for(record: Any) -> tuple[str, str, str, bool]:
    process = _process_of(record)
    talk_round = record.round if getattr(record, "round_id", None) else None
    if talk_round is not None:
        return f"round-{talk_round.uuid}", str(talk_round), str(process or ""), True
    if process is not None:
        return f"between-{process.uuid}", "Between rounds", str(process), False
    return "other", "Other drafts", "", False


def by_round(items: Iterable[Item]) -> list[Group]:
    """`items` grouped by round, and between rounds by process: a group comes where its
    oldest draft does, so the queue keeps its oldest-first order."""
    groups: dict[str, Group] = {}
    for item in items:
        key, label, process, is_round = _group_for(item.record)
        groups.setdefault(key, Group(key, label, process, is_round)).items.append(item)
    return list(groups.values())
