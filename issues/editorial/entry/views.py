"""The after-session entry pages: the rounds to enter, and the entry form of a round or
one of its sessions."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.db.models import F
from django.db.models.options import Options
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from issues.editorial.entry.from_report import ReportForm, Summary, proposed_rows
from issues.editorial.entry.offer import Offer
from issues.editorial.entry.sheet import SECTIONS, Sheet
from issues.models import Publishable
from issues.proposals.propose import propose
from negotrack.groups import editorial_only
from rounds.models import Process, Round, Session


def entry_url(talk_round: Round, session: Session | None = None) -> str:
    url = reverse("entry:round", args=[talk_round.slug])
    return f"{url}?session={session.uuid}" if session else url


def _session(request: HttpRequest, talk_round: Round) -> Session | None:
    wanted = request.GET.get("session")
    if not wanted:
        return None
    try:
        key = uuid.UUID(wanted)
    except ValueError:
        raise Http404("No such session.") from None
    return get_object_or_404(Session, round=talk_round, uuid=key)


@editorial_only
@require_http_methods(["GET", "POST"])
def round_entry(request: HttpRequest, slug: str) -> HttpResponse:
    talk_round = get_object_or_404(Round.objects.select_related("process"), slug=slug)
    session = _session(request, talk_round)
    offer = Offer.load(talk_round, session)
    status = 200
    report_form, summary = ReportForm(), None
    if request.method == "POST" and "propose" in request.POST:
        report_form, sheet, summary, status = _from_report(request, offer)
    elif request.method == "POST":
        sheet = Sheet(offer, request.POST)
        more, remove = request.POST.get("more", ""), request.POST.get("remove", "")
        if more in SECTIONS:
            sheet = Sheet(offer, typed=sheet.typed(), more=more)
        elif remove:
            sheet = Sheet(offer, typed=sheet.typed(without=remove))
        elif (saved := sheet.save(by=request.user)) is not None:
            messages.success(request, _saved_message(saved))
            return HttpResponseRedirect(entry_url(talk_round, session))
        else:
            status = 400
    else:
        sheet = Sheet(offer)
    context = {
        "offer": offer,
        "sheet": sheet,
        "round": talk_round,
        "session": session,
        "sessions": talk_round.sessions.order_by("date", "start_time", "id"),
        "action": entry_url(talk_round, session),
        "report_form": report_form,
        "summary": summary,
        "nav": "entry",
    }
    return TemplateResponse(request, "entry/round.html", context, status=status)


def _from_report(request: HttpRequest, offer: Offer) -> tuple[ReportForm, Sheet, Summary | None, int]:
    """ "From a report": the form opens with the statements the report proposes, each
    unticked; nothing is saved. A report refused (empty, too long) leaves the form as it
    opens, its message by the report."""
    report_form = ReportForm(request.POST)
    if not report_form.is_valid():
        return report_form, Sheet(offer), None, 400
    proposals = propose(offer.round, report_form.report())
    return report_form, Sheet(offer, typed=proposed_rows(offer, proposals)), Summary.of(proposals), 200


def _saved_message(saved: list[Publishable]) -> str:
    counts: dict[Options[Publishable], int] = {}
    for record in saved:
        counts[record._meta] = counts.get(record._meta, 0) + 1
    if not counts:
        return "Nothing was entered: every row was blank."
    parts = [
        f"{count} {meta.verbose_name if count == 1 else meta.verbose_name_plural}" for meta, count in counts.items()
    ]
    return f"Saved as drafts for review: {', '.join(parts)}."


@editorial_only
@require_GET
def entry_index(request: HttpRequest) -> HttpResponse:
    """Rounds to enter a session for, newest first, per process."""
    newest_first = F("start_date").desc(nulls_first=True)  # rounds without dates yet lie ahead
    rounds = Round.objects.select_related("process").order_by("process__name", newest_first, "-id")
    processes: dict[Process, list[Round]] = {}
    for talk_round in rounds:
        processes.setdefault(talk_round.process, []).append(talk_round)
    return TemplateResponse(request, "entry/index.html", {"processes": processes, "nav": "entry"})
