"""The entry page's "From a report": the news report an editor pastes, and the rows of the
entry form its proposed statements open with (issues.proposals reads the report; nothing
here saves).

Source 1 is the report (the source on record with its URL, when there is one), and each
proposal is a statement row citing it, filled in and left unticked: the editor checks
it, mends it, ticks it, and saves the form as any other, all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from delegations.models import Person
from issues.editorial.entry.forms import PublishedOnField
from issues.editorial.entry.offer import Offer
from issues.editorial.entry.sheet import MOST_ROWS
from issues.editorial.markup import DrawnForm
from issues.models import PublicationState
from issues.proposals.propose import MOST_CHARACTERS, Proposal, Proposals
from issues.proposals.report import Report
from issues.proposals.speakers import Sureness
from negotrack.limits import help_up_to
from rounds.models import Source

MOST_PROPOSED = MOST_ROWS  # a report's proposals shown, at most: the rows a form takes


class ReportForm(DrawnForm):
    """A report as the editor pastes it, with what they know of it; what they leave blank
    is read from the text where it says it."""

    text = forms.CharField(
        max_length=MOST_CHARACTERS,
        label="The report",
        help_text=help_up_to(MOST_CHARACTERS, "its text as copied from the browser, menus and captions included"),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    outlet = forms.CharField(max_length=200, required=False, label="Outlet", help_text="blank: as the text says")
    title = forms.CharField(max_length=500, required=False, label="Headline", help_text="blank: as the text says")
    url = forms.URLField(max_length=1000, required=False, label="URL", assume_scheme="https")
    published_on = PublishedOnField(help_text="blank: as the text says")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="report", label_suffix="", **kwargs)

    def report(self) -> Report:
        data = self.cleaned_data
        return Report(
            text=data["text"],
            outlet=data["outlet"].strip(),
            title=data["title"].strip(),
            url=data["url"],
            published_on=data["published_on"],
        )


@dataclass
class Read:
    """What a proposal's row shows as it opens, beside its fields: the words of the report
    that gave its date and medium, the people a doubtful speaker may be, and the state of
    the statement on record with its words. Not posted back: once the form has been sent,
    the row's own messages say what is wrong."""

    date_words: str
    medium_words: str
    suggestions: list[Person]
    on_record_state: str

    @property
    def on_record_draft(self) -> bool:
        return self.on_record_state == PublicationState.DRAFT


def proposed_rows(offer: Offer, proposals: Proposals) -> dict[str, list[dict[str, Any]]]:
    """The form's rows, as the sheet takes what was typed: the report as source 1, a row
    for each proposal in the order given (the least sure first), and a blank row of each
    kind for what the editor adds by hand."""
    shown = proposals.statements[:MOST_PROPOSED]
    statements = [_statement_row(offer, proposal) for proposal in shown]
    if len(statements) < MOST_PROPOSED:
        statements.append({})
    return {
        "sources": [_source_row(offer, proposals), {}],
        "statements": statements,
        "positions": [{}],
        "agreements": [{}],
    }


def _source_row(offer: Offer, proposals: Proposals) -> dict[str, Any]:
    """The report: the source on record with its URL, picked when the form offers it,
    else described by its URL (which the source row takes as the source on record); a new
    source described as the editor gave it or the text says it otherwise."""
    source: Source | None = proposals.source
    if source is not None and str(source.pk) in offer.sources:
        return {"existing": str(source.pk)}
    if source is not None:
        outlet, title, url, published_on = source.outlet, source.title, source.url, source.published_on
    else:
        body = proposals.body
        outlet, title, url, published_on = body.outlet, body.title, body.url, body.published_on
    return {
        "existing": "",
        "outlet": outlet[:200],
        "title": title[:500],
        "url": url[:1000],
        "published_on": published_on.isoformat() if published_on else "",
    }


def _statement_row(offer: Offer, proposal: Proposal) -> dict[str, Any]:
    speaker = proposal.speaker
    on_record = proposal.on_record
    return {
        "proposed": str(int(proposal.sureness)),
        "on_record": str(on_record.uuid) if on_record is not None else "",
        "take": False,
        # A named speaker not on record stays in the speaker field, refused until the
        # person is added (the row says so); an unnamed one is described.
        "speaker": speaker.typed,
        "speaker_description": "" if speaker.typed else speaker.description,
        "party": str(speaker.party.pk) if speaker.party is not None else "",
        "speaker_title": proposal.title,
        "date": proposal.date.isoformat(),
        "date_precision": proposal.precision,
        "confirm_date": False,
        "medium": proposal.medium,
        "statement_kind": proposal.kind,
        "language": proposal.language,
        "text": proposal.words,
        "translation": "",
        "text_is_translation": proposal.translated,
        "issues": [str(issue.pk) for issue in proposal.issues if str(issue.pk) in offer.issues],
        "sources": ["1"],
        "read": Read(
            date_words=proposal.date_words,
            medium_words=proposal.medium_words,
            suggestions=list(speaker.suggestions),
            on_record_state=on_record.state if on_record is not None else "",
        ),
    }


@dataclass
class Summary:
    """What the page says above the rows a report opened: how many statements it proposes,
    how many are shown, and whether its source is on record already."""

    proposed: int
    shown: int
    doubtful: int
    on_record: int
    source_on_record: bool
    outlet: str

    @classmethod
    def of(cls, proposals: Proposals) -> Summary:
        statements = proposals.statements
        return cls(
            proposed=len(statements),
            shown=min(len(statements), MOST_PROPOSED),
            doubtful=sum(proposal.sureness <= Sureness.NEW for proposal in statements),
            on_record=sum(proposal.on_record is not None for proposal in statements),
            source_on_record=proposals.source is not None,
            outlet=proposals.body.outlet,
        )
