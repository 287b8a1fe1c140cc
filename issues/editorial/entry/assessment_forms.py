"""The rows of the assessments an entry records: issue statuses, party positions and
agreements (with their figures)."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from delegations.models import Party
from issues import services
from issues.editorial.entry.forms import RecordRow, date_input, picked
from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Publishable
from negotrack.limits import SUMMARY_LENGTH, TITLE_LENGTH, help_up_to
from negotrack.records import User
from rounds.models import Source


def _correcting(model: type[Publishable], **same: Any) -> Publishable | None:
    """The record published with the `same` keys (at the round), which a new entry corrects."""
    return model.objects.filter(state=PublicationState.PUBLISHED, **same).first()


class StatusRow(RecordRow):
    error_fields = {"issue": NON_FIELD_ERRORS, "round": NON_FIELD_ERRORS}

    issue = forms.ChoiceField(
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Not an agenda issue of this round's process: it takes no status here."},
    )
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(required=False, label="Status after this round")
    summary = forms.CharField(
        max_length=SUMMARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="What the reports say",
        help_text=help_up_to(SUMMARY_LENGTH),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choice_field("issue").choices = self.offer.issue_choices
        self.choice_field("status").choices = self.offer.status_choices

    @property
    def is_blank(self) -> bool:
        return not any(self[name].data for name in ("status", "summary"))

    def clean_issue(self) -> Issue:
        return self.offer.issues[self.cleaned_data["issue"]]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("status") and not self.is_blank:
            self.add_error("status", "Pick the status after this round, or clear the row.")
        return data

    def save(self, *, by: User, sources: list[Source]) -> IssueStatus:
        data = self.cleaned_data
        issue = data["issue"]
        published = _correcting(IssueStatus, issue=issue, round=self.offer.round)
        status = (
            cast(IssueStatus, services.correction_start(published, by=by))
            if published
            else IssueStatus(issue=issue, round=self.offer.round)
        )
        status.status = data["status"]
        status.summary = data["summary"].strip()
        return services.issue_status_save(status, by=by, sources=sources or None)


class PositionRow(RecordRow):
    error_fields = {"round": NON_FIELD_ERRORS}

    party = forms.ChoiceField(label="Party")
    issue = forms.ChoiceField(
        label="Issue", error_messages={"invalid_choice": "Not an agenda issue of this round's process."}
    )
    stance = forms.CharField(max_length=200, label="Stance", help_text="a short label: “demands all of Donbas”")
    text = forms.CharField(
        max_length=SUMMARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="In full, as reported",
        help_text=help_up_to(SUMMARY_LENGTH),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choice_field("party").choices = self.offer.party_choices
        self.choice_field("issue").choices = self.offer.issue_or_none_choices

    def clean_party(self) -> Party:
        return self.offer.parties[self.cleaned_data["party"]]

    def clean_issue(self) -> Issue:
        return self.offer.issues[self.cleaned_data["issue"]]

    def save(self, *, by: User, sources: list[Source]) -> Position:
        data = self.cleaned_data
        same = {"issue": data["issue"], "party": data["party"], "round": self.offer.round}
        published = _correcting(Position, **same)
        position = cast(Position, services.correction_start(published, by=by)) if published else Position(**same)
        position.stance = data["stance"].strip()
        position.text = data["text"].strip()
        return services.position_save(position, by=by, sources=sources or None)


FIGURE = re.compile(r"^(?P<label>.+?)\s*[:=]\s*(?P<value>-?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>.*)$")


def parse_figures(text: str) -> list[dict[str, Any]]:
    """Lines of “label: number unit” as the agreement's figures."""
    figures: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = FIGURE.match(line.strip())
        if not match:
            raise ValidationError(
                f"Line {number} is not a figure: write “label: number”, e.g. “prisoners of war exchanged: 157”."
            )
        value = match["value"].replace(",", "")
        figure: dict[str, Any] = {"label": match["label"], "value": float(value) if "." in value else int(value)}
        if match["unit"]:
            figure["unit"] = match["unit"]
        figures.append(figure)
    return figures


class AgreementRow(RecordRow):
    error_fields = {"round": NON_FIELD_ERRORS}

    title = forms.CharField(max_length=TITLE_LENGTH, label="Title", help_text=help_up_to(TITLE_LENGTH))
    terms = forms.CharField(
        max_length=SUMMARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Terms, as reported",
        help_text=help_up_to(SUMMARY_LENGTH),
    )
    figures = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Figures",
        help_text="one a line, “label: number unit”: prisoners of war exchanged: 157",
    )
    parties = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, label="Parties bound by it")
    issues = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple, label="Issues it settles")
    carried_out_on = forms.DateField(
        required=False, label="Carried out on", help_text="if it was, and when", widget=date_input()
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choice_field("parties").choices = self.offer.bound_party_choices
        self.choice_field("issues").choices = self.offer.issue_choices

    def clean_figures(self) -> list[dict[str, Any]]:
        return parse_figures(self.cleaned_data["figures"])

    def clean_parties(self) -> list[Party]:
        return picked(self.offer.parties, self.cleaned_data["parties"])

    def clean_issues(self) -> list[Issue]:
        return picked(self.offer.issues, self.cleaned_data["issues"])

    def save(self, *, by: User, sources: list[Source]) -> Agreement:
        data = self.cleaned_data
        agreement = Agreement(
            process=self.offer.process,
            round=self.offer.round,
            title=data["title"].strip(),
            terms=data["terms"].strip(),
            figures=data["figures"],
            carried_out_on=data["carried_out_on"],
        )
        return services.agreement_save(
            agreement, by=by, parties=data["parties"], issues=data["issues"], sources=sources
        )
