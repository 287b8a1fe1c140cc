"""The review queue: every draft, oldest first, for reviewers to publish or send back, and
the records published last, each with the way to withdraw it.

Editors see the queue read-only, with a link to edit each draft in the admin; reviewers
(and superusers) act on it through the publication services. Anyone else is sent to sign
in, or refused.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from issues.editorial.descriptions import describe
from issues.models import PublicationState, Publishable
from issues.services import can_review, draft_publish, draft_send_back, record_withdraw, withdrawal_date_problem
from negotrack.groups import admin_change_url, editorial_only
from negotrack.models import PendingRevision
from negotrack.records import User, may_publish_changes
from negotrack.registry import Review, publishable_types, require_record_type
from negotrack.revisions import (
    DescribedRevision,
    describe_revisions,
    open_revisions,
    revision_discard,
    revision_publish,
    revision_record,
)

RECENTLY_PUBLISHED = 20
STALE = "This {name} was changed by someone else meanwhile: nothing was {done}. Look at it again below."


def queue_url() -> str:
    return reverse("review:queue")


def publishable_models() -> dict[str, type[Publishable]]:
    """The kinds of record the queue shows, by model name: every publishable record type
    registered (negotrack.registry)."""
    return {
        str(record_type.model._meta.model_name): cast("type[Publishable]", record_type.model)  # registered publishable
        for record_type in publishable_types()
    }


def _model(kind: str) -> type[Publishable]:
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


def _queryset(model: type[Publishable], *, prefix: str = "") -> tuple[list[str], list[str]]:
    review = require_record_type(model).review or Review()
    related = [f"{prefix}{name}" for name in review.related]
    prefetch = [f"{prefix}{name}" for name in review.prefetch]
    return related, prefetch


def drafts_of(model: type[Publishable]) -> QuerySet[Publishable]:
    """The drafts of `model`, oldest first, with all that `describe` reads for them and for
    the record each corrects: a page filters them further."""
    related, prefetch = _queryset(model)
    revised_related, revised_prefetch = _queryset(model, prefix="revises__")
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
        related, prefetch = _queryset(model)
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


# --- the pages ----------------------------------------------------------------------------


def _row_tag(record: Publishable) -> str:
    return f"row-{record.uuid}"


@require_GET
@editorial_only
def review_queue(request: HttpRequest) -> HttpResponse:
    queue = build_queue(request.user)
    revisions = describe_revisions(list(open_revisions()))
    rows: dict[str, Item | DescribedRevision] = {_row_tag(item.record): item for item in queue}
    rows.update({f"revision-{described.revision.uuid}": described for described in revisions})
    page_notices: list[Message] = []
    for message in messages.get_messages(request):
        item = rows.get(message.extra_tags.split(" ")[0]) if message.extra_tags else None
        (item.notices if item else page_notices).append(message)
    context = {
        "queue": queue,
        "revisions": revisions,
        "may_publish_changes": may_publish_changes(request.user),
        "published": recently_published(request.user),
        "page_notices": page_notices,
        "nav": "review",
        "breadcrumbs": [("Review queue", None)],
    }
    return render(request, "review/queue.html", context)


def _load_for_review(request: HttpRequest, kind: str, uuid: UUID) -> Publishable:
    model = _model(kind)
    if not can_review(request.user, model):
        raise PermissionDenied("Only reviewers publish, withdraw or send back records.")
    record = model.objects.filter(uuid=uuid).first()
    if record is None:
        raise Http404("No such record.")
    return record


def _seen_version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("expected_version", ""))
    except ValueError:
        return None


def _refused(request: HttpRequest, record: Publishable, error: Exception, done: str) -> None:
    name = record._meta.verbose_name
    if getattr(error, "code", None) == "version_conflict":
        texts = [STALE.format(name=name, done=done)]
    elif isinstance(error, ValidationError):
        texts = [f"Nothing was {done}: {text}" for text in error.messages]
    else:
        texts = [f"Nothing was {done}: {error}"]
    for text in texts:
        messages.error(request, text, extra_tags=_row_tag(record))


def _act(
    request: HttpRequest, kind: str, uuid: UUID, *, done: str, action: Callable[[Publishable], object]
) -> HttpResponseRedirect:
    record = _load_for_review(request, kind, uuid)
    seen = _seen_version(request)
    if seen != record.version:
        messages.error(request, STALE.format(name=record._meta.verbose_name, done=done), extra_tags=_row_tag(record))
        return HttpResponseRedirect(queue_url())
    try:
        action(record)
    except (ValidationError, PermissionDenied) as error:  # RecordLocked is a ValidationError
        _refused(request, record, error, done)
        return HttpResponseRedirect(queue_url())
    messages.success(request, f"{str(record._meta.verbose_name).capitalize()} {done}: {record}.")
    return HttpResponseRedirect(queue_url())


@require_POST
@editorial_only
def publish_draft(request: HttpRequest, kind: str, uuid: UUID) -> HttpResponse:
    return _act(request, kind, uuid, done="published", action=lambda record: draft_publish(record, by=request.user))


@require_POST
@editorial_only
def send_back_draft(request: HttpRequest, kind: str, uuid: UUID) -> HttpResponse:
    note = request.POST.get("note", "")
    return _act(
        request, kind, uuid, done="sent back", action=lambda record: draft_send_back(record, by=request.user, note=note)
    )


def _resolve_revision(
    request: HttpRequest, uuid: UUID, *, done: str, action: Callable[[PendingRevision], object]
) -> HttpResponseRedirect:
    if not may_publish_changes(request.user):
        raise PermissionDenied("Only reviewers publish or discard changes awaiting review.")
    revision = PendingRevision.objects.filter(uuid=uuid).first()
    if revision is None:
        raise Http404("No such change awaiting review.")
    tag = f"revision-{revision.uuid}"
    try:
        action(revision)
    except (ValidationError, PermissionDenied) as error:
        texts = error.messages if isinstance(error, ValidationError) else [str(error)]
        for text in texts:
            messages.error(request, f"Nothing was {done}: {text}", extra_tags=tag)
        return HttpResponseRedirect(queue_url())
    record = revision_record(revision)
    messages.success(request, f"Change {done}: {record if record is not None else 'a deleted record'}.")
    return HttpResponseRedirect(queue_url())


@require_POST
@editorial_only
def publish_revision(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return _resolve_revision(
        request, uuid, done="published", action=lambda revision: revision_publish(revision, by=request.user)
    )


@require_POST
@editorial_only
def discard_revision(request: HttpRequest, uuid: UUID) -> HttpResponse:
    note = request.POST.get("note", "")
    return _resolve_revision(
        request,
        uuid,
        done="discarded",
        action=lambda revision: revision_discard(revision, by=request.user, note=note),
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Public note",
        help_text="Shown on the public record: why the record is withdrawn.",
    )
    on_date = forms.DateField(label="Withdrawn on", help_text="YYYY-MM-DD; today unless you say otherwise.")
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise ValidationError("Say publicly why the record is withdrawn.")
        return note

    def clean_on_date(self) -> datetime.date:
        on_date: datetime.date = self.cleaned_data["on_date"]
        problem = withdrawal_date_problem(on_date)
        if problem:
            raise ValidationError(problem)
        return on_date


@require_http_methods(["GET", "POST"])
@editorial_only
def withdraw_record(request: HttpRequest, kind: str, uuid: UUID) -> HttpResponse:
    model = _model(kind)
    if not can_review(request.user, model):
        raise PermissionDenied("Only reviewers withdraw records.")
    related, prefetch = _queryset(model)
    record = model.objects.select_related(*related).prefetch_related(*prefetch).filter(uuid=uuid).first()
    if record is None:
        raise Http404("No such record.")
    name = str(record._meta.verbose_name)
    if request.method == "POST":
        form = WithdrawForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if data["expected_version"] != record.version:
                form.add_error(None, STALE.format(name=name, done="withdrawn"))
                # The page now shows the record as it is: a second submit acts on that.
                posted = cast(QueryDict, form.data).copy()  # the form was bound to request.POST
                posted["expected_version"] = str(record.version)
                form.data = posted
            else:
                try:
                    record_withdraw(record, by=request.user, note=data["note"], on_date=data["on_date"])
                except (ValidationError, PermissionDenied) as error:
                    if getattr(error, "code", None) == "version_conflict":
                        form.add_error(None, STALE.format(name=name, done="withdrawn"))
                    else:
                        texts = error.messages if isinstance(error, ValidationError) else [str(error)]
                        for text in texts:
                            form.add_error(None, f"Nothing was withdrawn: {text}")
                else:
                    messages.success(request, f"{name.capitalize()} withdrawn: {record}.")
                    return HttpResponseRedirect(queue_url())
    else:
        form = WithdrawForm(initial={"on_date": timezone.localdate(), "expected_version": record.version})
    context = {
        "record": record,
        "kind_label": name,
        "fields": describe(record),
        "form": form,
        "is_published": record.state == PublicationState.PUBLISHED,
        "nav": "review",
        "breadcrumbs": [("Review queue", queue_url()), (f"Withdraw {record}", None)],
    }
    return render(request, "review/withdraw.html", context, status=400 if form.errors else 200)
