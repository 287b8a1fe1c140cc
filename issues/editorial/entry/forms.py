"""The rows of the entry form: what every row shares, what the rows that cite sources
share, and the statement rows (the source rows are in source_rows.py)."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse

from delegations.matching import Outcome, listed
from delegations.models import Party, Person
from issues import services
from issues.editorial.entry.offer import Offer
from issues.editorial.markup import DrawnForm, DrawnFormSet, SharedChoices
from issues.models import Issue, Statement, StatementKind
from issues.proposals.speakers import Sureness
from issues.services.statements import statement_date_warning
from negotrack.limits import NAME_LENGTH, TEXT_LENGTH, TITLE_LENGTH, help_up_to
from negotrack.records import User
from rounds.dates import DatePrecision, date_errors
from rounds.models import Source

if TYPE_CHECKING:
    from issues.editorial.entry.from_report import Read

T = TypeVar("T")

# What a proposal ticked says when its words are on record already (as a draft or published).
ON_RECORD = "These words are on record already: a statement is saved once. Untick it."


def date_input() -> forms.DateInput:
    """A date picker where the browser has one, ISO days where it does not."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PublishedOnField(forms.DateField):
    """The day a report was published, held to a source's rule: from 1900 to today."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, label="Published on", widget=date_input(), **kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        problems = date_errors(value, allow_future=False)
        if problems:
            raise ValidationError(problems)


class BaseRow(DrawnForm):
    """A row of the form: one record."""

    # Where the services' messages about a model field go on this row.
    error_fields: dict[str, str] = {}

    def __init__(self, *args: Any, offer: Offer, source_choices: SharedChoices, **kwargs: Any) -> None:
        # Every section's rows are made with the same arguments; the rows that cite a
        # source (RecordRow, below) read `source_choices`.
        super().__init__(*args, label_suffix="", **kwargs)
        self.offer = offer
        self.unconfirmed: set[str] = set()  # the fields whose confirmation the services asked for

    def choice_field(self, name: str) -> forms.ChoiceField:
        """One of the row's choice fields (`fields` holds them as plain fields)."""
        return cast(forms.ChoiceField, self.fields[name])

    def clean(self) -> dict[str, Any]:
        return self.cleaned_data  # as Form.clean does; the stubs allow a clean() that returns None

    @property
    def is_blank(self) -> bool:
        return not self.has_changed()

    @property
    def number(self) -> int:
        """The row's number in its section, from 1."""
        return int(cast(str, self.prefix).rsplit("-", 1)[1]) + 1  # a formset names every row

    def refuse(self, error: ValidationError) -> None:
        """Put a service's refusal by the fields it names, on this row."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            if any(e.code == f"confirm_{name}" for e in errors):
                self.unconfirmed.add(name)
            target = self.error_fields.get(name, name)
            self.add_error(target if target in self.fields else None, errors)


class RecordRow(BaseRow):
    """A row of one record, citing any of the entry's sources by their numbers (a fact is
    often reported by several outlets)."""

    sources = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Sources", help_text="one or several"
    )

    def __init__(self, *args: Any, source_choices: SharedChoices, **kwargs: Any) -> None:
        super().__init__(*args, source_choices=source_choices, **kwargs)
        self.choice_field("sources").choices = source_choices
        self.fields["sources"].initial = ["1"] if source_choices else []

    def clean_sources(self) -> list[int]:
        return [int(number) for number in self.cleaned_data["sources"]]


def cited_choices(source_labels: list[str]) -> SharedChoices:
    """The entry's sources as the rows cite them, by their numbers: "1: Reuters — …"."""
    return SharedChoices(
        (str(number), f"{number}: {label}" if label else f"Source {number}")
        for number, label in enumerate(source_labels, start=1)
    )


def picked(offer_items: Mapping[str, T], keys: Iterable[str]) -> list[T]:
    """The offered items of the keys picked."""
    return [offer_items[key] for key in keys]


class StatementRow(RecordRow):
    error_fields = {
        "kind": "statement_kind",
        "round": NON_FIELD_ERRORS,
        "session": NON_FIELD_ERRORS,
    }

    speaker = forms.CharField(
        max_length=NAME_LENGTH,
        required=False,
        label="Speaker",
        help_text="a name or an alias, as it was reported",
        widget=forms.TextInput(attrs={"list": "speakers", "autocomplete": "off"}),
    )
    speaker_description = forms.CharField(
        max_length=NAME_LENGTH, required=False, label="or, when not named", help_text="e.g. a senior Russian official"
    )
    party = forms.ChoiceField(required=False, label="Speaks for", help_text="blank: their delegation at this round")
    confirm_party = forms.BooleanField(required=False, label="The party is right")
    speaker_title = forms.CharField(
        max_length=TITLE_LENGTH,
        required=False,
        label="Title",
        help_text=help_up_to(TITLE_LENGTH, "blank: their title in the delegation"),
    )
    date = forms.DateField(label="Date", widget=date_input())
    date_precision = forms.ChoiceField(
        choices=SharedChoices(DatePrecision.choices), initial=DatePrecision.DAY, label="Known to the"
    )
    confirm_date = forms.BooleanField(required=False, label="The date is right")
    medium = forms.ChoiceField(
        choices=SharedChoices(Statement.Medium.choices), initial=Statement.Medium.PRESS_REMARKS, label="How"
    )
    statement_kind = forms.ChoiceField(
        choices=SharedChoices(StatementKind.choices), initial=StatementKind.QUOTE, label="Quote or paraphrase"
    )
    language = forms.CharField(max_length=12, initial="en", label="Language", help_text="a code: en, ru, uk")
    text = forms.CharField(
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Text",
        required=False,
        help_text=help_up_to(TEXT_LENGTH),
    )
    translation = forms.CharField(
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="English translation",
        help_text=help_up_to(TEXT_LENGTH),
    )
    text_is_translation = forms.BooleanField(required=False, label="The text is the report's own translation")
    issues = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple, label="Issues")
    # A row proposed from a report (from_report.py) says how sure its speaker is, and the
    # statement on record with the same words, if any; it is saved only when ticked.
    proposed = forms.TypedChoiceField(
        choices=[(str(sureness.value), sureness.label) for sureness in Sureness],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.HiddenInput,
    )
    on_record = forms.UUIDField(required=False, widget=forms.HiddenInput)
    take = forms.BooleanField(required=False, label="Take this statement")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choice_field("party").choices = self.offer.party_choices
        self.choice_field("issues").choices = self.offer.issue_choices
        self.fields["date"].initial = self.offer.default_date()
        if self.is_proposal and self.on_record_key:
            # Not to be ticked: the words are saved already. A form that ticks it anyway
            # is refused (clean), not quietly ignored as a disabled field would be.
            self.fields["take"].widget.attrs["disabled"] = True

    # What an editor types of a statement; the rest of a row (party, title, date, source)
    # may be filled in for them, and a row with none of these is blank whatever it holds.
    TYPED = ("speaker", "speaker_description", "text", "translation")

    def has_changed(self) -> bool:
        if self.is_proposal and not self.taken:
            return False  # a proposal left unticked is skipped, however it was filled in
        return any(str(self[name].data or "").strip() for name in self.TYPED)

    @property
    def is_proposal(self) -> bool:
        """Whether the row was proposed from a report (typed by hand otherwise)."""
        return bool(str(self["proposed"].value() or ""))

    @property
    def sureness(self) -> Sureness | None:
        """How sure the proposal's speaker is, as the report's reading found them."""
        try:
            return Sureness(int(str(self["proposed"].value())))
        except ValueError:
            return None

    @property
    def is_doubtful(self) -> bool:
        """A proposal whose speaker is only suggested, or not on record: checked first."""
        sureness = self.sureness
        return sureness is not None and sureness <= Sureness.NEW

    @property
    def proposal_class(self) -> str:
        """The row's classes as a proposal: doubtful, or on record already; "" when typed by hand."""
        if not self.is_proposal:
            return ""
        doubtful = " proposal-doubtful" if self.is_doubtful else ""
        return f" proposal-row{doubtful}{' proposal-on-record' if self.on_record_key else ''}"

    @property
    def taken(self) -> bool:
        return bool(self["take"].value())

    @property
    def on_record_key(self) -> str:
        """The UUID of the statement on record with the proposal's words, or ""."""
        value = str(self["on_record"].value() or "")
        try:
            return str(uuid.UUID(value)) if value else ""
        except ValueError:
            return ""

    @property
    def read(self) -> Read | None:
        """What the report's reading found beside the row's fields (from_report.Read), on
        the row as a report opened it; None once the form has been sent."""
        return self.initial.get("read")

    @property
    def new_person_url(self) -> str:
        """For a speaker the report names who is not on record: the admin's form for
        adding them, their name filled in."""
        name = str(self["speaker"].value() or "").strip()
        if self.sureness != Sureness.NEW or not name:
            return ""
        return f"{reverse('admin:delegations_person_add')}?{urlencode({'name': name})}"

    @property
    def date_warning(self) -> str | None:
        """Why a proposal's date needs confirming, shown before the editor saves (a row
        refused for it says so by its date, as any row does)."""
        if not self.is_proposal or "date" in self.unconfirmed or (self.is_bound and self.errors.get("date")):
            return None
        try:
            day = self.fields["date"].to_python(self["date"].value())
        except ValidationError:
            return None
        precision = str(self["date_precision"].value() or "")
        if not isinstance(day, datetime.date) or precision not in DatePrecision.values:
            return None
        return statement_date_warning(Statement(round=self.offer.round, date=day, date_precision=precision))

    def said(self) -> tuple[Any, ...] | None:
        """Who said what on which day, as the services tell a duplicate: None unless the
        row is valid."""
        if not self.is_valid() or self.is_blank:
            return None
        data = self.cleaned_data
        speaker = data["speaker"].pk if data["speaker"] else data["speaker_description"].strip().lower()
        return (speaker, data["date"], " ".join(data["text"].split()))

    def clean_speaker(self) -> Person | None:
        found = self.offer.matcher.match(self.cleaned_data["speaker"])
        if not found.typed:
            return None
        if found.outcome is Outcome.RESOLVED:
            return found.person
        if found.outcome is Outcome.AMBIGUOUS:
            raise ValidationError(
                f"“{found.typed}” names more than one person: {listed(found.people)}. "
                "Type the full name, or the slug in brackets."
            )
        if found.outcome is Outcome.SUGGESTIONS:
            names = " or ".join(f"“{person.name}”" for person in found.people)
            raise ValidationError(
                f"No one named “{found.typed}” is on record. Did you mean {names}? Type the name as on record, "
                "or add the person in the admin first if this is someone else."
            )
        raise ValidationError(
            f"No one named “{found.typed}” is on record: pick a name from the list, add the person in the admin "
            "first, or describe the speaker in the next field."
        )

    def clean_party(self) -> Party | None:
        key = self.cleaned_data["party"]
        return self.offer.parties[key] if key else None

    def clean_issues(self) -> list[Issue]:
        return picked(self.offer.issues, self.cleaned_data["issues"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "speaker" in data and not data["speaker"] and not data.get("speaker_description", "").strip():
            self.add_error("speaker", "Name the speaker, or describe them when they are not named.")
        if not data.get("text", "").strip():
            self.add_error("text", "Give the words, as said or as reported.")
        if data.get("date") and data.get("date_precision"):
            problems = date_errors(data["date"], data["date_precision"], allow_future=False)
            if problems:
                self.add_error("date", problems)
        if data.get("take") and data.get("on_record"):
            self.add_error("take", ON_RECORD)
        return data

    def save(self, *, by: User, sources: list[Source]) -> Statement:
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
            statement,
            by=by,
            issues=data["issues"],
            sources=sources,
            confirm_date=data["confirm_date"],
            confirm_party=data["confirm_party"],
        )


class NewRows(DrawnFormSet):
    """Rows of new records: a row left as it opened is skipped, whichever it is."""

    def initial_form_count(self) -> int:
        return 0
