"""Publishing the checked drafts of a round at once.

Each checked draft goes through `draft_publish` on its own, in a savepoint of its own, so
one refusal undoes nothing of the others. The page comes back with each refusal on its
row and a summary at the top; it answers 200 once the batch has run, whatever each draft's
outcome, and 400 when nothing was checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from issues.editorial.review.items import publishable_models
from issues.editorial.review.views import STALE, refusal_texts, render_queue, row_tag
from issues.models import Publishable
from issues.services import can_review, draft_publish
from negotrack.groups import editorial_only
from negotrack.records import User


@dataclass
class Batch:
    published: list[Publishable] = field(default_factory=list)
    refused: dict[str, list[Message]] = field(default_factory=dict)  # by row
    lost: list[Message] = field(default_factory=list)  # drafts no longer found

    def refuse(self, record: Publishable, texts: list[str]) -> None:
        self.refused.setdefault(row_tag(record), []).extend(Message(messages.ERROR, text) for text in texts)


def _checked(value: str) -> tuple[type[Publishable], UUID, int] | None:
    """A checkbox's value, `<kind>:<uuid>:<version seen>`, or None when it is not one."""
    kind, _, rest = value.partition(":")
    uuid, _, version = rest.partition(":")
    model = publishable_models().get(kind)
    try:
        return (model, UUID(uuid), int(version)) if model else None
    except ValueError:
        return None


def _publish_one(batch: Batch, user: User, model: type[Publishable], uuid: UUID, seen: int) -> None:
    record = model.objects.filter(uuid=uuid).first()
    if record is None:
        batch.lost.append(Message(messages.ERROR, f"A checked {model._meta.verbose_name} is no longer on record."))
        return
    if record.version != seen:
        batch.refuse(record, [STALE.format(name=record._meta.verbose_name, done="published")])
        return
    try:
        with transaction.atomic():
            draft_publish(record, by=user)
    except (ValidationError, PermissionDenied) as error:  # RecordLocked is a ValidationError
        batch.refuse(record, refusal_texts(record, error, "published"))
    else:
        batch.published.append(record)


def _summary(batch: Batch) -> list[Message]:
    refused = len(batch.refused) + len(batch.lost)
    level = messages.ERROR if refused else messages.SUCCESS
    lines = [Message(level, f"{len(batch.published)} published, {refused} refused.")]
    for record in batch.published:
        lines.append(Message(messages.SUCCESS, f"{str(record._meta.verbose_name).capitalize()} published: {record}."))
    return [*lines, *batch.lost]


@require_POST
@editorial_only
def publish_checked(request: HttpRequest) -> HttpResponse:
    if not any(can_review(request.user, model) for model in publishable_models().values()):
        raise PermissionDenied("Only reviewers publish records.")
    checked = [_checked(value) for value in request.POST.getlist("draft")]
    if not checked:
        nothing = Message(messages.ERROR, "Nothing was published: check the drafts to publish first.")
        return render_queue(request, {}, [nothing], status=400)
    batch = Batch()
    for found in checked:
        if found is None:
            batch.lost.append(Message(messages.ERROR, "A checked draft could not be read: nothing was done with it."))
        else:
            _publish_one(batch, request.user, *found)
    return render_queue(request, batch.refused, _summary(batch))
