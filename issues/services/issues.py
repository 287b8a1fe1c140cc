"""Agenda issues, and what is current on each: its latest status and each party's latest
position, kept in the transaction of the change that moves them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from issues.models import Agreement, Issue, IssueStatus, Position
from negotrack.records import User, save_record, service_write
from rounds.models import Round


def issue_slug(issue: Issue) -> str:
    """An agenda issue's slug: "{process}-{topic}", so that topics repeat across processes."""
    return f"{issue.process.slug}-{slugify(issue.topic)}"


def issue_slug_taken(clash: Issue) -> ValidationError:
    """The refusal of a topic whose slug another process's issue holds."""
    taken = f"already taken by “{clash}” of {clash.process}"
    return ValidationError({"topic": f"This topic would make the slug {clash.slug!r}, {taken}."})


def issue_save(issue: Issue, *, by: User) -> Issue:
    with transaction.atomic():
        if issue.process_id and issue.topic and not issue.slug:
            slug = issue_slug(issue)
            clash = Issue.objects.filter(slug=slug).exclude(process=issue.process).first()
            if clash:
                raise issue_slug_taken(clash)
            issue.slug = slug
        return save_record(issue, by=by)


# Which published status or position is the latest: by effective date, then by when it was
# published (issues.services.as_known orders the record as it stood the same way).
LATEST_FIRST = ("-effective_date", "-published_at", "-id")


def current_status_refresh(issue: Issue) -> None:
    """Point the issue at its latest published status by effective date."""
    latest = (
        IssueStatus.objects.published().filter(issue=issue).order_by(*LATEST_FIRST).values_list("pk", flat=True).first()
    )
    stored = Issue.objects.filter(pk=issue.pk).values_list("current_status_id", flat=True).get()
    if stored != latest:
        with service_write():
            Issue.objects.filter(pk=issue.pk).update(current_status_id=latest)
    issue.current_status_id = latest


def current_position_refresh(*, issue_id: int, party_id: int) -> None:
    """Mark the party's latest published position on the issue as current, and only that one."""
    positions = Position.objects.filter(issue_id=issue_id, party_id=party_id)
    latest = positions.published().order_by(*LATEST_FIRST).values_list("pk", flat=True).first()
    with service_write():
        if latest is None:
            positions.filter(is_current=True).update(is_current=False)
        else:
            positions.filter(is_current=True).exclude(pk=latest).update(is_current=False)
            positions.filter(pk=latest, is_current=False).update(is_current=True)


def assessments_follow_round(talk_round: Round) -> None:
    """A round's dates moved: move the effective dates of what was assessed there, and
    what is current with them."""
    effective = talk_round.effective_date
    if effective is None and any(
        model.objects.filter(round=talk_round).exists() for model in (IssueStatus, Position, Agreement)
    ):
        raise ValidationError(
            {"start_date": "Statuses, positions or agreements were assessed at this round: it keeps its dates."}
        )
    with service_write():
        for model in (IssueStatus, Position, Agreement):
            model.objects.filter(round=talk_round).exclude(effective_date=effective).update(effective_date=effective)
    for issue in Issue.objects.filter(statuses__round=talk_round).distinct():
        current_status_refresh(issue)
    pairs = Position.objects.filter(round=talk_round).values_list("issue_id", "party_id").distinct()
    for issue_id, party_id in pairs:
        current_position_refresh(issue_id=issue_id, party_id=party_id)
