"""A round with everything that happened there, and two rounds of a process side by side."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from delegations.models import Attendance, Delegation, Membership, MembershipRole
from issues.editorial.drafts import page_drafts
from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Statement
from issues.pages.views.base import cited, crumbs, page, render_page
from issues.pages.views.overview import agreements_for_listing, statements_for_listing
from issues.queries import HEAD_FIRST, published_before
from rounds.models import Round, Session

# Statements shown per speaker on a round's page; the rest are one link away.
PER_SPEAKER = 5


def _delegations() -> QuerySet[Delegation]:
    """Negotiating parties first, then those who mediate, host or observe; heads of delegation first."""
    members = Membership.objects.select_related("person").order_by(HEAD_FIRST, "person__name")
    return (
        Delegation.objects.select_related("party")
        .prefetch_related(Prefetch("memberships", members, to_attr="member_list"), cited())
        .in_role_order()
    )


def _sessions() -> QuerySet[Session]:
    attendance = Attendance.objects.select_related("membership__person", "membership__delegation__party").order_by(
        "membership__delegation__party__name", "membership__person__name"
    )
    return Session.objects.prefetch_related(Prefetch("attendances", attendance, to_attr="attendance_list")).order_by(
        "date", "start_time", "id"
    )


def assessments(talk_round: Round) -> list[dict[str, Any]]:
    """Each agenda issue of the round's process with its public status at this round, the
    move from the issue's previous assessment, and the correction notices."""
    issues = Issue.objects.filter(process_id=talk_round.process_id).order_by("sort_order", "name")
    statuses = (
        IssueStatus.objects.public()
        .filter(round=talk_round)
        .annotate(previous_status=published_before("effective_date"))
        .prefetch_related(cited())
        .order_by("published_at", "id")
    )
    by_issue: dict[int, dict[str, Any]] = {
        issue.pk: {"issue": issue, "status": None, "notices": []} for issue in issues
    }
    for status in statuses:
        entry = by_issue.get(status.issue_id)
        if entry is None:
            continue
        if status.state == PublicationState.PUBLISHED:
            entry["status"] = status
        else:
            entry["notices"].append(status)
    return list(by_issue.values())


def speaker_key(statement: Statement) -> tuple[int, str]:
    return (statement.speaker_id or 0, statement.speaker_description)


def statements_by_speaker(talk_round: Round) -> list[dict[str, Any]]:
    """The round's statements grouped by speaker, the newest few of each, withdrawn and
    corrected ones as their notices; the counts count the published statements alone, for a
    notice is no longer something that was said."""
    public = Statement.objects.public().filter(round=talk_round)
    published = Count("id", filter=Q(state=PublicationState.PUBLISHED))
    counts = {
        (row["speaker_id"] or 0, row["speaker_description"]): row["count"]
        for row in public.values("speaker_id", "speaker_description").annotate(count=published).order_by()
    }
    newest = public.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("speaker_id"), F("speaker_description")],
            order_by=[F("date").desc(), F("id").desc()],
        )
    ).filter(rank__lte=PER_SPEAKER)
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for statement in statements_for_listing(newest).order_by("-date", "-id"):
        group = groups.setdefault(
            speaker_key(statement),
            {"speaker": statement.speaker, "label": statement.speaker_label, "party": statement.party, "items": []},
        )
        group["items"].append(statement)
    for key, group in groups.items():
        shown = sum(statement.state == PublicationState.PUBLISHED for statement in group["items"])
        group["count"] = counts.get(key, shown)
        group["more"] = group["count"] - shown
    return sorted(groups.values(), key=lambda g: (g["party"].name if g["party"] else "~", g["label"]))


@page(drafts=True)
def round_detail(request: HttpRequest, slug: str) -> HttpResponse:
    talk_round = get_object_or_404(
        Round.objects.select_related("process").prefetch_related(
            cited(),
            Prefetch("delegations", _delegations(), to_attr="delegation_list"),
            Prefetch("sessions", _sessions(), to_attr="session_list"),
        ),
        slug=slug,
    )
    agreements = agreements_for_listing(Agreement.objects.public().filter(round=talk_round)).order_by("id")
    groups = statements_by_speaker(talk_round)
    statements_url = reverse("pages:statements") + f"?round={talk_round.slug}"
    delegations: list[Delegation] = talk_round.delegation_list  # type: ignore[attr-defined]  # prefetched to_attr
    members = (member for delegation in delegations for member in delegation.member_list)  # type: ignore[attr-defined]
    return render_page(
        request,
        "pages/round_detail.html",
        {
            "round": talk_round,
            "delegations": delegations,
            "chair": next((member for member in members if member.role == MembershipRole.CHAIR), None),
            "sessions": talk_round.session_list,  # type: ignore[attr-defined]  # prefetched to_attr
            "assessments": assessments(talk_round),
            "agreements": agreements,
            "speaker_groups": groups,
            "statement_count": sum(group["count"] for group in groups),
            "statements_url": statements_url,
            "drafts": page_drafts(
                request, {model: Q(round=talk_round) for model in (Statement, IssueStatus, Position, Agreement)}
            ),
            "breadcrumbs": crumbs(
                (talk_round.process, reverse("pages:process", args=[talk_round.process.slug])), (talk_round, None)
            ),
        },
    )
