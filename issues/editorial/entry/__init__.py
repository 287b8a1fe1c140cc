"""The after-session entry page: one form for what a round, or one of its sessions, brought
(statements, issue statuses, party positions and agreements, and the sources they cite),
saved as drafts for review.

Every row goes through the services of its record, all in one transaction: when any row is
refused, nothing is saved, each refusal stands by its row, and the form comes back with what
was typed. Rows left blank are skipped. Without JavaScript, "another row" buttons post the
form back with one more row; with it, the row is added in place.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from delegations.models import Membership, Party, Person
from issues import services
from issues.editorial.review import when_label
from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Statement
from issues.vocabulary import AssessmentStatus
from negotrack.groups import editorial_only
from negotrack.records import RecordLocked, VersionConflict
from rounds.dates import DatePrecision, date_errors
from rounds.models import Process, Round, Session, Source
from rounds.services import source_save


def date_input():
    """A date picker where the browser has one, ISO days where it does not."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# Blank rows the form opens with, per kind; "another row" adds one at a time.
OPENING_ROWS = {"sources": 2, "statements": 3, "positions": 1, "agreements": 1}
MOST_ROWS = 60
NEWEST_SOURCES = 30


# --- what the form offers: loaded once a request --------------------------------------


@dataclass
class Speaker:
    label: str  # a name or an alias, as typed
    person: Person
    party_id: int | None = None
    title: str = ""


@dataclass
class Offer:
    """The round, and the choices its form offers, each loaded in one query."""

    round: Round
    session: Session | None
    process: Process
    issues: dict[str, Issue]
    parties: dict[str, Party]
    round_parties: list[str]  # keys of the parties with a delegation at the round
    sources: dict[str, Source]
    members: dict[int, Membership]  # person pk -> their membership at the round
    speakers: list[Speaker] = field(default_factory=list)

    @classmethod
    def load(cls, talk_round: Round, session: Session | None) -> Offer:
        process = talk_round.process
        issues = {
            str(issue.pk): issue for issue in Issue.objects.filter(process=process).order_by("sort_order", "name")
        }
        parties = {str(party.pk): party for party in Party.objects.order_by("name")}
        memberships = list(
            Membership.objects.filter(delegation__round=talk_round)
            .select_related("person", "delegation")
            .order_by("delegation__party__name", "role", "person__name")
        )
        members = {membership.person_id: membership for membership in memberships}
        round_parties = list(
            dict.fromkeys(str(party_id) for party_id in talk_round.delegations.values_list("party_id", flat=True))
        )
        speakers = []
        for membership in memberships:
            for label in [membership.person.name, *membership.person.alias_list]:
                speakers.append(Speaker(label, membership.person, membership.delegation.party_id, membership.title))
        others = Person.objects.filter(statements__process=process).exclude(pk__in=list(members)).distinct()
        speakers += [Speaker(person.name, person) for person in others.order_by("name")]
        return cls(
            round=talk_round,
            session=session,
            process=process,
            issues=issues,
            parties=parties,
            round_parties=round_parties,
            sources=_sources_offered(talk_round),
            members=members,
            speakers=speakers,
        )

    def party_choices(self) -> list:
        """The round's parties first, then every other."""
        first = [(key, self.parties[key].name) for key in self.round_parties if key in self.parties]
        rest = [(key, party.name) for key, party in self.parties.items() if key not in self.round_parties]
        return [("", "—")] + ([("At this round", first), ("Others", rest)] if first else rest)

    def issue_choices(self) -> list:
        return [(key, issue.name) for key, issue in self.issues.items()]

    def default_date(self):
        if self.session:
            return self.session.date
        last = self.round.end_date or self.round.start_date
        today = timezone.localdate()
        return min(last, today) if last else today


def _sources_offered(talk_round: Round) -> dict[str, Source]:
    """What the round and its records cite already, then the newest sources."""
    cited = Q(rounds=talk_round)
    for model in (Statement, IssueStatus, Position, Agreement):
        through = model.sources.through
        cited |= Q(pk__in=through.objects.filter(**{f"{model._meta.model_name}__round": talk_round}).values("source"))
    newest = Source.objects.order_by("-created_at").values("pk")[:NEWEST_SOURCES]
    offered = Source.objects.filter(cited | Q(pk__in=newest)).distinct().order_by("-published_on", "outlet", "pk")
    return {str(source.pk): source for source in offered}


# --- the rows ---------------------------------------------------------------------------


class BaseRow(forms.Form):
    """A row of the form: one record."""

    # Where the services' messages about a model field go on this row.
    error_fields: dict[str, str] = {}

    def __init__(self, *args, offer: Offer, source_labels: list[str], **kwargs):
        # Every section's rows are made with the same arguments; the rows that cite a
        # source (Row, below) read `source_labels`.
        super().__init__(*args, label_suffix="", **kwargs)
        self.offer = offer
        self.asks_confirmation = False

    @property
    def is_blank(self) -> bool:
        return not self.has_changed()

    @property
    def number(self) -> int:
        """The row's number in its section, from 1."""
        return int(self.prefix.rsplit("-", 1)[1]) + 1

    def refuse(self, error: ValidationError) -> None:
        """Put a service's refusal by the fields it names, on this row."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            if name == "date" and any(e.code == "confirm_date" for e in errors):
                self.asks_confirmation = True
            target = self.error_fields.get(name, name)
            self.add_error(target if target in self.fields else None, errors)


class SourceRow(BaseRow):
    """A source the entry cites: one on record, or a new one described here. The rows
    below cite it by its number."""

    error_fields = {"via": NON_FIELD_ERRORS}

    existing = forms.ChoiceField(required=False, label="On record", help_text="cited at this round, or lately")
    outlet = forms.CharField(max_length=200, required=False, label="Or a new one: outlet")
    title = forms.CharField(max_length=500, required=False, label="Headline")
    url = forms.URLField(max_length=1000, required=False, label="URL", assume_scheme="https")
    published_on = forms.DateField(required=False, label="Published on", widget=date_input())

    NEW = ("outlet", "title", "url", "published_on")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing"].choices = [("", "—")] + [
            (key, str(source)) for key, source in self.offer.sources.items()
        ]

    def clean_existing(self):
        key = self.cleaned_data["existing"]
        return self.offer.sources[key] if key else None

    def clean_published_on(self):
        published_on = self.cleaned_data["published_on"]
        problems = date_errors(published_on, allow_future=False)
        if problems:
            raise ValidationError(problems)
        return published_on

    def clean(self):
        data = super().clean()
        describes_new = any(data.get(name) for name in self.NEW)
        if data.get("existing") and describes_new:
            self.add_error("existing", "Pick a source on record or describe a new one, not both.")
        elif describes_new and not data.get("outlet"):
            self.add_error("outlet", "Name the outlet of the new source.")
        return data

    def label(self) -> str:
        """What the rows below call this source, from what was picked or typed."""
        key = self["existing"].data
        if key in self.offer.sources:
            return str(self.offer.sources[key])
        return " — ".join(str(self[name].data).strip() for name in ("outlet", "title") if self[name].data)

    def save(self, *, by, known: dict) -> Source:
        """The source on record, or the new one: one for every row that gives the same URL
        (or the same outlet, headline and day), and the source on record with that URL."""
        data = self.cleaned_data
        if data["existing"]:
            return data["existing"]
        new = Source(
            outlet=data["outlet"].strip(),
            title=data["title"].strip(),
            url=data["url"],
            published_on=data["published_on"],
        )
        key = ("url", new.url) if new.url else ("about", new.outlet, new.title, new.published_on)
        if key not in known:
            on_record = Source.objects.filter(url=new.url).first() if new.url else None
            known[key] = on_record or source_save(new, by=by)
        return known[key]


class Row(BaseRow):
    """A row of one record, citing one of the entry's sources by its number."""

    source = forms.ChoiceField(required=False, label="Source")

    def __init__(self, *args, source_labels: list[str], **kwargs):
        super().__init__(*args, source_labels=source_labels, **kwargs)
        self.fields["source"].choices = [("", "none yet")] + [
            (str(number), f"{number}: {label}" if label else f"Source {number}")
            for number, label in enumerate(source_labels, start=1)
        ]
        self.fields["source"].initial = "1" if source_labels else ""
        self.fields["source"].widget.attrs["data-cites"] = "sources"

    def clean_source(self):
        number = self.cleaned_data["source"]
        return int(number) if number else None


def _picked(offer_items: dict, keys) -> list:
    return [offer_items[key] for key in keys]


class StatementRow(Row):
    error_fields = {
        "sources": "source",
        "kind": "statement_kind",
        "round": NON_FIELD_ERRORS,
        "session": NON_FIELD_ERRORS,
    }

    speaker = forms.CharField(
        max_length=200,
        required=False,
        label="Speaker",
        help_text="a name or an alias, as it was reported",
        widget=forms.TextInput(attrs={"list": "speakers", "autocomplete": "off"}),
    )
    speaker_description = forms.CharField(
        max_length=200, required=False, label="or, when not named", help_text="e.g. a senior Russian official"
    )
    party = forms.ChoiceField(required=False, label="Speaks for", help_text="blank: their delegation at this round")
    speaker_title = forms.CharField(
        max_length=300, required=False, label="Title", help_text="blank: their title in the delegation"
    )
    date = forms.DateField(label="Date", widget=date_input())
    date_precision = forms.ChoiceField(choices=DatePrecision.choices, initial=DatePrecision.DAY, label="Known to the")
    confirm_date = forms.BooleanField(required=False, label="The date is right")
    medium = forms.ChoiceField(choices=Statement.Medium.choices, initial=Statement.Medium.PRESS_REMARKS, label="How")
    statement_kind = forms.ChoiceField(
        choices=Statement.Kind.choices, initial=Statement.Kind.QUOTE, label="Quote or paraphrase"
    )
    language = forms.CharField(max_length=12, initial="en", label="Language", help_text="a code: en, ru, uk")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Text", required=False)
    translation = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="English translation")
    text_is_translation = forms.BooleanField(required=False, label="The text is the report's own translation")
    issues = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple, label="Issues")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = self.offer.party_choices()
        self.fields["issues"].choices = self.offer.issue_choices()
        self.fields["date"].initial = self.offer.default_date()

    def clean_speaker(self):
        typed = " ".join(self.cleaned_data["speaker"].split())
        if not typed:
            return None
        wanted = typed.casefold()
        found = {
            person.pk: person
            for person in Person.objects.matching(typed)
            if wanted in {label.casefold() for label in [person.name, *person.alias_list]}
        }
        if not found:
            raise ValidationError(
                f"No one named “{typed}” is on record: pick a name from the list, add the person in the admin "
                "first, or describe the speaker in the next field."
            )
        if len(found) > 1:
            names = ", ".join(sorted(f"{person.name} ({person.slug})" for person in found.values()))
            raise ValidationError(f"“{typed}” names more than one person ({names}): type the full name.")
        return next(iter(found.values()))

    def clean_party(self):
        key = self.cleaned_data["party"]
        return self.offer.parties[key] if key else None

    def clean_issues(self):
        return _picked(self.offer.issues, self.cleaned_data["issues"])

    def clean(self):
        data = super().clean()
        if "speaker" in data and not data["speaker"] and not data.get("speaker_description", "").strip():
            self.add_error("speaker", "Name the speaker, or describe them when they are not named.")
        if not data.get("text", "").strip():
            self.add_error("text", "Give the words, as said or as reported.")
        if data.get("date") and data.get("date_precision"):
            problems = date_errors(data["date"], data["date_precision"], allow_future=False)
            if problems:
                self.add_error("date", problems)
        return data

    def save(self, *, by, sources):
        data = self.cleaned_data
        speaker = data["speaker"]
        membership = self.offer.members.get(speaker.pk) if speaker else None
        statement = Statement(
            process=self.offer.process,
            round=self.offer.round,
            session=self.offer.session,
            speaker=speaker,
            speaker_description=data["speaker_description"].strip(),
            party=data["party"] or (membership.delegation.party if membership else None),
            speaker_title=data["speaker_title"].strip() or (membership.title if membership else ""),
            date=data["date"],
            date_precision=data["date_precision"],
            medium=data["medium"],
            kind=data["statement_kind"],
            language=data["language"],
            text=data["text"].strip(),
            translation=data["translation"].strip(),
            text_is_translation=data["text_is_translation"],
        )
        return services.statement_save(
            statement, by=by, issues=data["issues"], sources=sources, confirm_date=data["confirm_date"]
        )


def _correcting(model, **same):
    """The record published with the `same` keys (at the round), which a new entry corrects."""
    return model.objects.filter(state=PublicationState.PUBLISHED, **same).first()


class StatusRow(Row):
    error_fields = {"sources": "source", "issue": NON_FIELD_ERRORS, "round": NON_FIELD_ERRORS}

    issue = forms.ChoiceField(
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Not an agenda issue of this round's process: it takes no status here."},
    )
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(required=False, label="Status after this round")
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="What the reports say")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issue"].choices = self.offer.issue_choices()
        self.fields["status"].choices = [("", "no change to record")] + list(AssessmentStatus.choices)

    @property
    def is_blank(self) -> bool:
        return not any(self[name].data for name in ("status", "summary"))

    def clean_issue(self):
        return self.offer.issues[self.cleaned_data["issue"]]

    def clean(self):
        data = super().clean()
        if not data.get("status") and not self.is_blank:
            self.add_error("status", "Pick the status after this round, or clear the row.")
        return data

    def save(self, *, by, sources):
        data = self.cleaned_data
        issue = data["issue"]
        published = _correcting(IssueStatus, issue=issue, round=self.offer.round)
        status = (
            services.correction_start(published, by=by)
            if published
            else IssueStatus(issue=issue, round=self.offer.round)
        )
        status.status = data["status"]
        status.summary = data["summary"].strip()
        return services.issue_status_save(status, by=by, sources=sources or None)


class PositionRow(Row):
    error_fields = {"sources": "source", "round": NON_FIELD_ERRORS}

    party = forms.ChoiceField(label="Party")
    issue = forms.ChoiceField(
        label="Issue", error_messages={"invalid_choice": "Not an agenda issue of this round's process."}
    )
    stance = forms.CharField(max_length=200, label="Stance", help_text="a short label: “demands all of Donbas”")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="In full, as reported")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = self.offer.party_choices()
        self.fields["issue"].choices = [("", "—")] + self.offer.issue_choices()

    def clean_party(self):
        return self.offer.parties[self.cleaned_data["party"]]

    def clean_issue(self):
        return self.offer.issues[self.cleaned_data["issue"]]

    def save(self, *, by, sources):
        data = self.cleaned_data
        same = {"issue": data["issue"], "party": data["party"], "round": self.offer.round}
        published = _correcting(Position, **same)
        position = services.correction_start(published, by=by) if published else Position(**same)
        position.stance = data["stance"].strip()
        position.text = data["text"].strip()
        return services.position_save(position, by=by, sources=sources or None)


FIGURE = re.compile(r"^(?P<label>.+?)\s*[:=]\s*(?P<value>-?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>.*)$")


def parse_figures(text: str) -> list[dict]:
    """Lines of “label: number unit” as the agreement's figures."""
    figures = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = FIGURE.match(line.strip())
        if not match:
            raise ValidationError(
                f"Line {number} is not a figure: write “label: number”, e.g. “prisoners of war exchanged: 157”."
            )
        value = match["value"].replace(",", "")
        figure = {"label": match["label"], "value": float(value) if "." in value else int(value)}
        if match["unit"]:
            figure["unit"] = match["unit"]
        figures.append(figure)
    return figures


class AgreementRow(Row):
    error_fields = {"sources": "source", "round": NON_FIELD_ERRORS}

    title = forms.CharField(max_length=300, label="Title")
    terms = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Terms, as reported")
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keys = self.offer.round_parties or list(self.offer.parties)
        self.fields["parties"].choices = [(key, self.offer.parties[key].name) for key in keys]
        self.fields["issues"].choices = self.offer.issue_choices()

    def clean_figures(self):
        return parse_figures(self.cleaned_data["figures"])

    def clean_parties(self):
        return _picked(self.offer.parties, self.cleaned_data["parties"])

    def clean_issues(self):
        return _picked(self.offer.issues, self.cleaned_data["issues"])

    def save(self, *, by, sources):
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


class NewRows(forms.BaseFormSet):
    """Rows of new records: a row left as it opened is skipped, whichever it is."""

    def initial_form_count(self):
        return 0


# --- the whole form ---------------------------------------------------------------------


SECTIONS = {
    "sources": (SourceRow, NewRows, "Source"),
    "statements": (StatementRow, NewRows, "Statement"),
    "statuses": (StatusRow, forms.BaseFormSet, "Status of"),
    "positions": (PositionRow, NewRows, "Position"),
    "agreements": (AgreementRow, NewRows, "Agreement"),
}


class Sheet:
    """The rows of one after-session entry: the sources it cites, then its statements,
    statuses, positions and agreements."""

    def __init__(self, offer: Offer, data=None, *, typed: dict[str, list[dict]] | None = None, more: str = ""):
        self.offer = offer
        if data is not None:
            data = data.copy()  # a stale status row is given the statuses it sees now
        typed = typed or {}
        self.formsets = {}
        labels: list[str] = []
        for prefix, (row, base, _) in SECTIONS.items():
            if prefix == "statuses":  # one row an issue
                initial = typed.get(prefix) or self.status_rows()
                extra, most = 0, max(len(offer.issues), 1)
            else:
                initial = typed.get(prefix, [])
                extra = (len(initial) + (1 if more == prefix else 0)) if typed else OPENING_ROWS[prefix]
                most = MOST_ROWS
            formset = forms.formset_factory(row, formset=base, extra=extra, max_num=most, absolute_max=most)
            kwargs = {"offer": offer, "source_labels": labels}
            self.formsets[prefix] = formset(data, initial=initial, prefix=prefix, form_kwargs=kwargs)
            if prefix == "sources":
                labels = [form.label() for form in self.formsets[prefix].forms]

    def status_rows(self) -> list[dict]:
        return [{"issue": key, "seen": self.seen.get(key, "")} for key in self.offer.issues]

    @cached_property
    def seen(self) -> dict[str, str]:
        """Per issue, the statuses an editor sees beside its row (the last assessed one, and
        drafts at this round), as a token that changes when any of them does."""
        return {
            key: " ".join(f"{status.uuid}:{status.version}" for status in shown) for key, shown in self.beside.items()
        }

    @cached_property
    def beside(self) -> dict[str, list[IssueStatus]]:
        """Per issue, its last assessed status up to this round, then its drafts at the round:
        one query, whatever the number of rounds on record."""
        talk_round, process = self.offer.round, self.offer.process
        last = IssueStatus.objects.published().filter(issue=OuterRef("pk"))
        if talk_round.effective_date:
            last = last.filter(effective_date__lte=talk_round.effective_date)
        last = last.order_by("-effective_date", "-published_at", "-id").values("pk")[:1]
        last_of_each = Issue.objects.filter(process=process).annotate(last=Subquery(last)).values("last")
        statuses = (
            IssueStatus.objects.filter(
                Q(pk__in=last_of_each) | Q(state=PublicationState.DRAFT, round=talk_round, issue__process=process)
            )
            .select_related("round")
            .order_by("issue_id", "-state", "created_at", "id")  # "published" sorts before "draft"
        )
        beside: dict[str, list[IssueStatus]] = {key: [] for key in self.offer.issues}
        for status in statuses:
            beside.setdefault(str(status.issue_id), []).append(status)
        return beside

    def status_lines(self):
        """Each status row with its issue and the statuses shown beside it."""
        beside = self.beside
        for form in self.formsets["statuses"].forms:
            key = str(form["issue"].value())
            yield form, self.offer.issues.get(key), beside.get(key, [])

    def sections(self):
        for prefix, (_, _, label) in SECTIONS.items():
            yield prefix, label, self.formsets[prefix]

    def rows(self):
        for prefix, label, formset in self.sections():
            for number, form in enumerate(formset.forms, start=1):
                if prefix == "statuses":
                    issue = self.offer.issues.get(str(form["issue"].value()))
                    name = f"{label} {issue.name}" if issue else f"{label} an unknown issue"
                else:
                    name = f"{label} {number}"
                yield f"{prefix}-{number - 1}", name, form

    def typed(self) -> dict[str, list[dict]]:
        """What was typed in each row, to open the form again with it."""
        return {
            prefix: [{name: form[name].data for name in form.fields} for form in formset.forms]
            for prefix, formset in self.formsets.items()
        }

    def is_valid(self) -> bool:
        valid = all([formset.is_valid() for formset in self.formsets.values()])
        return self.check_seen() and valid

    def check_seen(self) -> bool:
        """A status row refuses to save over statuses that changed since the form was opened."""
        fresh = True
        for form in self.formsets["statuses"].forms:
            if form.is_blank or not form.is_valid():
                continue
            key = str(form.cleaned_data["issue"].pk)
            if form.cleaned_data["seen"] != self.seen.get(key, ""):
                beside = self.beside.get(key, [])
                now = "; ".join(_status_label(status) for status in beside) or "none"
                form.add_error(
                    "status",
                    f"The statuses of this issue changed while the form was open (now: {now}). "
                    "Check them and save again.",
                )
                form.data[form.add_prefix("seen")] = self.seen.get(key, "")
                fresh = False
        return fresh

    @property
    def row_errors(self):
        return [(anchor, name, form) for anchor, name, form in self.rows() if form.errors]

    @property
    def non_form_errors(self):
        return [error for formset in self.formsets.values() for error in formset.non_form_errors()]

    def save(self, *, by) -> list | None:
        """Every row that is not blank, through its service, all or nothing: None when any
        row was refused (and its errors are on it). Rows the form checks refuse are not sent
        to the services, but the others are, so every refusal shows at once."""
        valid = self.is_valid()
        active = [form for _, _, form in self.rows() if not form.is_blank]
        saved, cited, known = [], {}, {}
        with transaction.atomic():
            for form in active:
                if form.errors:
                    continue
                try:
                    with transaction.atomic():
                        if isinstance(form, SourceRow):
                            cited[form.number] = form.save(by=by, known=known)
                        else:
                            number = form.cleaned_data["source"]
                            saved.append(form.save(by=by, sources=[cited[number]] if number in cited else []))
                except ValidationError as error:
                    form.refuse(error)
                except (RecordLocked, VersionConflict, PermissionDenied) as error:
                    form.add_error(None, str(error))
            if not valid or any(form.errors for form in active):
                transaction.set_rollback(True)
                return None
        return saved


def _status_label(status: IssueStatus) -> str:
    draft = " (draft)" if status.state == PublicationState.DRAFT else ""
    return f"{status.get_status_display()} {when_label(status)}{draft}"


# --- the pages ----------------------------------------------------------------------------


def entry_url(talk_round: Round, session: Session | None = None) -> str:
    url = reverse("entry:round", args=[talk_round.slug])
    return f"{url}?session={session.uuid}" if session else url


def _session(request, talk_round: Round) -> Session | None:
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
def round_entry(request, slug):
    talk_round = get_object_or_404(Round.objects.select_related("process"), slug=slug)
    session = _session(request, talk_round)
    offer = Offer.load(talk_round, session)
    status = 200
    if request.method == "POST":
        sheet = Sheet(offer, request.POST)
        more = request.POST.get("more", "")
        if more in SECTIONS:
            sheet = Sheet(offer, typed=sheet.typed(), more=more)
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
        "nav": "entry",
    }
    return TemplateResponse(request, "entry/round.html", context, status=status)


def _saved_message(saved: list) -> str:
    counts: dict = {}
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
def entry_index(request):
    """Rounds to enter a session for, newest first, per process."""
    newest_first = F("start_date").desc(nulls_first=True)  # rounds without dates yet lie ahead
    rounds = Round.objects.select_related("process").order_by("process__name", newest_first, "-id")
    processes: dict[Process, list[Round]] = {}
    for talk_round in rounds:
        processes.setdefault(talk_round.process, []).append(talk_round)
    return TemplateResponse(request, "entry/index.html", {"processes": processes, "nav": "entry"})
