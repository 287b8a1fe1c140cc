"""The set-up pages: a new round at /entry/new/, and a round's set-up at
/entry/{round}/set-up/."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from issues.editorial.setup.offer import SetupOffer
from issues.editorial.setup.previous import previous_round, with_previous
from issues.editorial.setup.sheet import SECTIONS, Saved, SetupSheet
from negotrack.groups import editorial_only
from rounds.models import Round


@editorial_only
@require_http_methods(["GET", "POST"])
def round_new(request: HttpRequest) -> HttpResponse:
    return _set_up(request, None)


@editorial_only
@require_http_methods(["GET", "POST"])
def round_setup(request: HttpRequest, slug: str) -> HttpResponse:
    return _set_up(request, get_object_or_404(Round.objects.select_related("process"), slug=slug))


def _set_up(request: HttpRequest, talk_round: Round | None) -> HttpResponse:
    offer = SetupOffer.load(talk_round)
    status, notice = 200, ""
    if request.method != "POST":
        sheet = SetupSheet(offer)
    else:
        sheet = SetupSheet(offer, request.POST)
        more = request.POST.get("more", "")
        if request.POST.get("start_from") == "previous":
            sheet, notice = _from_previous(offer, sheet)
        elif more in SECTIONS or more.startswith("members-"):
            sheet = SetupSheet(offer, typed=_one_more(sheet.typed(), more))
        elif (saved := sheet.save(by=request.user)) is not None:
            messages.success(request, _saved_message(saved, created=talk_round is None))
            return HttpResponseRedirect(reverse("entry:setup", args=[saved.round.slug]))
        else:
            status = 400
    context = {
        "offer": offer,
        "sheet": sheet,
        "round": talk_round,
        "notice": notice,
        "action": reverse("entry:setup", args=[talk_round.slug]) if talk_round else reverse("entry:new"),
        "nav": "entry",
    }
    return TemplateResponse(request, "setup/round.html", context, status=status)


def _one_more(typed: dict, more: str) -> dict:
    """What was typed, with one more row of a section (a member row in delegation n for
    "members-n")."""
    prefix, _, number = more.partition("-")
    if len(typed[prefix]) < SECTIONS[prefix][2]:
        typed[prefix].append({"delegation": number} if number.isdigit() else {})
    return typed


def _from_previous(offer: SetupOffer, sheet: SetupSheet) -> tuple[SetupSheet, str]:
    typed = sheet.typed()
    previous = previous_round(offer, typed["round"])
    if previous is None:
        return SetupSheet(offer, typed=typed), "The process picked has no earlier round to start from."
    filled = SetupSheet(offer, typed=with_previous(typed, previous))
    return filled, (
        f"The delegations and members of {previous} are copied below: change them as needed. "
        "Nothing is saved until you save."
    )


def _saved_message(saved: Saved, *, created: bool) -> str:
    done = "set up" if created else "saved"
    counts = [
        f"{count} {word}{'' if count == 1 else 's'}"
        for count, word in ((saved.sessions, "session"), (saved.delegations, "delegation"), (saved.members, "member"))
        if count
    ]
    message = f"The round {saved.round} is {done}" + (f": {', '.join(counts)}." if counts else ".")
    if saved.waiting:
        changes = "change waits" if saved.waiting == 1 else "changes wait"
        message += f" {saved.waiting} {changes} for review, as published records show them: a reviewer publishes them."
    return message
