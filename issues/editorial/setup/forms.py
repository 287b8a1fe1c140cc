"""The parts of the set-up form: the round itself, its sessions and its delegations (the
members are in members.py)."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.text import slugify

from delegations.models import Delegation, DelegationRole, Party
from delegations.services import delegation_save, free_slug, party_save
from issues.editorial.entry.forms import date_input
from issues.editorial.markup import DrawnForm, SharedChoices
from issues.editorial.setup.offer import SetupOffer
from negotrack.records import User
from rounds.models import Process, Round, Session
from rounds.services import process_save, round_save, session_save

# A date further ahead than this is a typing slip (9999 for 2025), not a scheduled round.
YEARS_AHEAD = 10


def time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def not_too_far(value: datetime.date | None) -> datetime.date | None:
    if value and value.year > timezone.localdate().year + YEARS_AHEAD:
        raise ValidationError(f"{value:%d %b %Y} is more than {YEARS_AHEAD} years ahead: check the year.")
    return value


class SetupPart(DrawnForm):
    """A part of the form: the round, or one row of sessions, delegations or members. A
    row that edits a record carries its UUID and the version it was read at."""

    # Where the services' messages about a model field go on this part.
    error_fields: dict[str, str] = {}

    record = forms.CharField(widget=forms.HiddenInput, required=False, max_length=36)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, offer: SetupOffer, numbered_rows: dict[str, SharedChoices], **kwargs: Any) -> None:
        super().__init__(*args, label_suffix="", **kwargs)
        self.offer = offer
        self.numbered_rows = numbered_rows  # the sessions and delegations, by their numbers
        self.waiting = 0  # changes of this part that wait for a reviewer

    def choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def clean(self) -> dict[str, Any]:
        return self.cleaned_data

    @property
    def number(self) -> int:
        """The row's number in its section, from 1."""
        return int(cast(str, self.prefix).rsplit("-", 1)[1]) + 1

    @property
    def is_blank(self) -> bool:
        return False

    def has_changed(self) -> bool:
        # A formset checks a row only when it changed: a row is checked unless it is blank,
        # whatever it opened with (a member row opens with its delegation picked).
        return not self.is_blank

    def refuse(self, error: ValidationError) -> None:
        """Put a service's refusal by the fields it names."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            target = self.error_fields.get(name, name)
            self.add_error(target if target in self.fields else None, errors)

    def on_record(self, records: dict[str, Any], kind: str) -> Any:
        """The record this row edits (with the version the editor read), or None for a new one."""
        key = self.cleaned_data.get("record") or ""
        if not key:
            return None
        record = records.get(key)
        if record is None:
            raise ValidationError(f"This {kind} is not on record at this round any more: reload the page.")
        if self.cleaned_data.get("version") is not None:
            record.version = self.cleaned_data["version"]
        return record


class RoundPart(SetupPart):
    error_fields = {"slug": NON_FIELD_ERRORS}

    process = forms.ChoiceField(required=False, label="Process")
    new_process = forms.CharField(max_length=200, required=False, label="Or a new process: name")
    new_process_short = forms.CharField(max_length=60, required=False, label="Short name")
    start_date = forms.DateField(
        required=False, label="First day", widget=date_input(), help_text="blank while not known"
    )
    end_date = forms.DateField(required=False, label="Last day", widget=date_input(), help_text="blank: one day")
    status = forms.ChoiceField(
        choices=SharedChoices(Round.Status.choices), initial=Round.Status.SCHEDULED, label="Status"
    )
    city = forms.CharField(max_length=100, required=False, label="City")
    country = forms.CharField(max_length=100, required=False, label="Country")
    venue = forms.CharField(max_length=200, required=False, label="Venue")
    format = forms.ChoiceField(
        choices=SharedChoices(Round.Format.choices), initial=Round.Format.TRILATERAL, label="Format"
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Summary")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choice_field("process").choices = self.offer.process_choices

    def clean_process(self) -> Process | None:
        key = self.cleaned_data["process"]
        return self.offer.processes[key] if key else None

    def clean_start_date(self) -> datetime.date | None:
        return not_too_far(self.cleaned_data["start_date"])

    def clean_end_date(self) -> datetime.date | None:
        return not_too_far(self.cleaned_data["end_date"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        new = data.get("new_process", "").strip()
        if data.get("process") and new:
            self.add_error("process", "Pick a process on record or name a new one, not both.")
        elif not data.get("process") and not new and "process" in data:
            self.add_error("process", "Pick the process, or name a new one.")
        return data

    def save(self, *, by: User) -> Round:
        data = self.cleaned_data
        process = data["process"] or self._new_process(by=by)
        talk_round = self.on_record({str(self.offer.round.uuid): self.offer.round} if self.offer.round else {}, "round")
        talk_round = talk_round or Round()
        talk_round.process = process
        for name in ("start_date", "end_date", "status", "format"):
            setattr(talk_round, name, data[name])
        for name in ("city", "country", "venue", "summary"):
            setattr(talk_round, name, data[name].strip())
        return round_save(talk_round, by=by)

    def _new_process(self, *, by: User) -> Process:
        name = " ".join(self.cleaned_data["new_process"].split())
        # slugify drops dashes that are not hyphens: "Russia–Ukraine" would run together.
        base = slugify(name.replace("–", "-").replace("—", "-")) or "process"
        slug = free_slug(base, {process.slug for process in self.offer.processes.values()})
        process = Process(name=name, short_name=self.cleaned_data["new_process_short"].strip(), slug=slug)
        try:
            return process_save(process, by=by)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                named = {"name": "new_process", "short_name": "new_process_short", "slug": "new_process"}
                raise ValidationError({named.get(k, k): v for k, v in error.error_dict.items()}) from None
            raise


class SessionRow(SetupPart):
    error_fields = {"round": NON_FIELD_ERRORS}

    date = forms.DateField(required=False, label="Date", widget=date_input())
    start_time = forms.TimeField(required=False, label="Starts", widget=time_input())
    end_time = forms.TimeField(required=False, label="Ends", widget=time_input())
    time_zone = forms.CharField(
        max_length=64, required=False, label="Time zone", help_text="with times: Europe/Istanbul"
    )
    track = forms.ChoiceField(
        choices=SharedChoices(Session.Track.choices), initial=Session.Track.PLENARY, label="Track"
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Summary")

    @property
    def is_blank(self) -> bool:
        return not any(self[name].data for name in ("record", "date", "start_time", "end_time", "summary"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "date" in data and not data["date"]:
            self.add_error("date", "Give the session's date, or clear the row.")
        return data

    def label(self) -> str:
        """What the member rows call this session, from what was typed or is on record."""
        parts = [str(self["date"].value() or "")[:10], str(self["start_time"].value() or "")[:5]]
        track = dict(Session.Track.choices).get(str(self["track"].value() or Session.Track.PLENARY), "")
        return " ".join(part for part in [*parts, track] if part)

    def save(self, *, by: User, talk_round: Round) -> Session:
        data = self.cleaned_data
        session = self.on_record(self.offer.sessions, "session") or Session(round=talk_round)
        for name in ("date", "start_time", "end_time", "track"):
            setattr(session, name, data[name])
        session.time_zone = data["time_zone"].strip()
        session.summary = data["summary"].strip()
        return session_save(session, by=by)


class DelegationRow(SetupPart):
    error_fields = {"round": NON_FIELD_ERRORS, "sources": NON_FIELD_ERRORS}

    party = forms.ChoiceField(required=False, label="Party")
    new_party = forms.CharField(max_length=200, required=False, label="Or a new party")
    roles = forms.MultipleChoiceField(
        choices=SharedChoices(DelegationRole.choices),
        initial=[DelegationRole.NEGOTIATING_PARTY.value],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Roles at this round",
    )
    unnamed_members = forms.IntegerField(
        min_value=0,
        max_value=999,
        required=False,
        label="Members not named",
        help_text="how many the reports count but do not name; blank when not known",
    )
    note = forms.CharField(
        max_length=1000,
        required=False,
        label="Note",
        help_text="what reports differ on: “nearly two dozen other officials”",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choice_field("party").choices = self.offer.party_choices
        self.fields["party"].widget.attrs["data-names"] = "delegations"
        self.fields["new_party"].widget.attrs["data-names"] = "delegations"

    @property
    def is_blank(self) -> bool:
        return not any(self[name].data for name in ("record", "party", "new_party", "unnamed_members", "note"))

    def clean_party(self) -> Party | None:
        key = self.cleaned_data["party"]
        return self.offer.parties[key] if key else None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        new = data.get("new_party", "").strip()
        if data.get("party") and new:
            self.add_error("party", "Pick a party on record or name a new one, not both.")
        elif "party" in data and not data["party"] and not new:
            self.add_error("party", "Pick the party, or name a new one.")
        if "roles" in data and not data["roles"]:
            self.add_error("roles", "Give the party at least one role at the round.")
        return data

    def label(self) -> str:
        """What the member rows call this delegation: its party, as picked or typed."""
        party = self.offer.parties.get(str(self["party"].value() or ""))
        return party.name if party else " ".join(str(self["new_party"].value() or "").split())

    def save(self, *, by: User, talk_round: Round, new_parties: dict[str, Party]) -> Delegation:
        data = self.cleaned_data
        party = data["party"] or self._new_party(by=by, new_parties=new_parties)
        delegation = self.on_record(self.offer.delegations, "delegation") or Delegation(round=talk_round)
        delegation.party = party
        delegation.roles = data["roles"]
        delegation.unnamed_members = data["unnamed_members"]
        delegation.note = data["note"].strip()
        return delegation_save(delegation, by=by)

    def _new_party(self, *, by: User, new_parties: dict[str, Party]) -> Party:
        """The party named: on record already, made by an earlier row, or new."""
        name = " ".join(self.cleaned_data["new_party"].split())
        known = self.offer.party_named(name) or new_parties.get(name.casefold())
        if known:
            return known
        try:
            party = party_save(Party(name=name), by=by)
        except ValidationError as error:
            raise ValidationError({"new_party": error.messages}) from None
        new_parties[name.casefold()] = party
        return party
