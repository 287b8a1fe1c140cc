"""The review queue's page, and the actions on one record: publish or send back a draft,
publish or discard a change awaiting review.

Editors see the queue read-only, with a link to edit each draft in the admin; reviewers
(and superusers) act on it through the publication services. Anyone else is sent to sign
in, or refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from uuid import UUID

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from issues.editorial.review.items import Item, build_queue, by_round, model_named, recently_published
from issues.models import Publishable
from issues.services import can_review, draft_publish, draft_send_back
from negotrack.groups import editorial_only
from negotrack.models import PendingRevision
from negotrack.records import may_publish_changes
from negotrack.revisions import (
    DescribedRevision,
    describe_revisions,
    open_revisions,
    revision_discard,
    revision_publish,
    revision_record,
)

STALE = "This {name} was changed by someone else meanwhile: nothing was {done}. Look at it again below."


def queue_url() -> str:
    return reverse("review:queue")


def row_tag(record: Publishable) -> str:
    return f"row-{record.uuid}"


def refusal_texts(record: Publishable, error: Exception, done: str) -> list[str]:
    """What a reviewer reads on a record's row when a service refused to act on it."""
    if getattr(error, "code", None) == "version_conflict":
        return [STALE.format(name=record._meta.verbose_name, done=done)]
    if isinstance(error, ValidationError):
        return [f"Nothing was {done}: {text}" for text in error.messages]
    return [f"Nothing was {done}: {error}"]


def render_queue(
    request: HttpRequest,
    notices: Mapping[str, list[Message]],
    page_notices: list[Message],
    *,
    status: int = 200,
) -> HttpResponse:
    """The queue as it stands, each notice on the row its key names (`row-<uuid>` or
    `revision-<uuid>`); a notice for a row no longer listed goes to the top of the page."""
    queue = build_queue(request.user)
    revisions = describe_revisions(list(open_revisions()))
    rows: dict[str, Item | DescribedRevision] = {row_tag(item.record): item for item in queue}
    rows.update({f"revision-{described.revision.uuid}": described for described in revisions})
    page_notices = list(page_notices)
    for key, texts in notices.items():
        row = rows.get(key)
        (row.notices if row else page_notices).extend(texts)
    context = {
        "queue": queue,
        "groups": by_round(queue),
        "revisions": revisions,
        "may_publish_changes": may_publish_changes(request.user),
        "published": recently_published(request.user),
        "page_notices": page_notices,
        "nav": "review",
        "breadcrumbs": [("Review queue", None)],
    }
    return render(request, "review/queue.html", context, status=status)


@require_GET
@editorial_only
def review_queue(request: HttpRequest) -> HttpResponse:
    notices: dict[str, list[Message]] = {}
    page_notices: list[Message] = []
    for message in messages.get_messages(request):
        key = message.extra_tags.split(" ")[0] if message.extra_tags else ""
        (notices.setdefault(key, []) if key else page_notices).append(message)
    return render_queue(request, notices, page_notices)


def _load_for_review(request: HttpRequest, kind: str, uuid: UUID) -> Publishable:
    model = model_named(kind)
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


def _act(
    request: HttpRequest, kind: str, uuid: UUID, *, done: str, action: Callable[[Publishable], object]
) -> HttpResponseRedirect:
    record = _load_for_review(request, kind, uuid)
    seen = _seen_version(request)
    if seen != record.version:
        messages.error(request, STALE.format(name=record._meta.verbose_name, done=done), extra_tags=row_tag(record))
        return HttpResponseRedirect(queue_url())
    try:
        action(record)
    except (ValidationError, PermissionDenied) as error:  # RecordLocked is a ValidationError
        for text in refusal_texts(record, error, done):
            messages.error(request, text, extra_tags=row_tag(record))
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
