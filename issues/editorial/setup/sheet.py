"""The set-up sheet: the round and all the rows of its set-up, checked together and saved
all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeAlias, TypeVar

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import QueryDict

from delegations.models import Attendance, Delegation, Membership, Party, Person
from delegations.services import attendance_save
from issues.editorial.entry.forms import NewRows
from issues.editorial.markup import SharedChoices
from issues.editorial.setup.forms import DelegationRow, RoundPart, SessionRow, SetupPart
from issues.editorial.setup.members import MemberRow, numbered
from issues.editorial.setup.offer import SetupOffer
from negotrack.records import RecordLocked, User, VersionConflict, delete_record
from rounds.models import Round, Session

T = TypeVar("T")
Rows: TypeAlias = "forms.BaseFormSet[Any]"
Typed: TypeAlias = dict[str, Any]

SECTIONS: dict[str, tuple[type[SetupPart], str, int]] = {
    # prefix: the row, what the summary calls it, the most rows a form takes
    "sessions": (SessionRow, "Session", 40),
    "delegations": (DelegationRow, "Delegation", 30),
    "members": (MemberRow, "Member", 200),
}


def opening_rows() -> Typed:
    """A new round opens with a session, two delegations and two members in each."""
    members = [{"delegation": str(number)} for number in (1, 1, 2, 2)]
    return {"round": {}, "sessions": [{}], "delegations": [{}, {}], "members": members}


def recorded_rows(offer: SetupOffer) -> Typed:
    """The round as on record: its sessions, delegations, members and attendance."""
    talk_round = offer.round
    assert talk_round is not None
    names = ("start_date", "end_date", "status", "city", "country", "venue", "format", "summary")
    round_row = {name: getattr(talk_round, name) for name in names}
    round_row.update(process=str(talk_round.process_id), record=str(talk_round.uuid), version=talk_round.version)
    session_number = {session.pk: number for number, session in enumerate(offer.sessions.values(), start=1)}
    sessions = [
        {
            "record": str(s.uuid), "version": s.version, "date": s.date, "start_time": s.start_time,
            "end_time": s.end_time, "time_zone": s.time_zone, "track": s.track, "summary": s.summary,
        }
        for s in offer.sessions.values()
    ]  # fmt: skip
    delegation_number = {d.pk: number for number, d in enumerate(offer.delegations.values(), start=1)}
    delegations = [
        {
            "record": str(d.uuid),
            "version": d.version,
            "party": str(d.party_id),
            "roles": d.roles,
            "unnamed_members": d.unnamed_members,
            "note": d.note,
        }
        for d in offer.delegations.values()
    ]
    members = sorted(offer.memberships.values(), key=lambda m: delegation_number[m.delegation_id])
    member_rows = [
        {
            "record": str(m.uuid), "version": m.version, "delegation": str(delegation_number[m.delegation_id]),
            "person": m.person.name, "title": m.title, "role": m.role,
            "sessions": [str(session_number[pk]) for pk in offer.attended.get(m.pk, {})],
        }
        for m in members
    ]  # fmt: skip
    return {"round": round_row, "sessions": sessions, "delegations": delegations, "members": member_rows}


@dataclass
class Saved:
    """What a save wrote, for the message that says so."""

    round: Round
    sessions: int = 0
    delegations: int = 0
    members: int = 0
    waiting: int = 0  # changes that wait for a reviewer


class SetupSheet:
    """The round's part and the rows of its sessions, delegations and members."""

    def __init__(self, offer: SetupOffer, data: QueryDict | None = None, *, typed: Typed | None = None) -> None:
        self.offer = offer
        typed = typed if typed is not None else ({} if data is not None else self._opening())
        # The sessions and delegations as the member rows pick them, by their numbers.
        numbered_rows: dict[str, SharedChoices] = {}
        kwargs = {"offer": offer, "numbered_rows": numbered_rows}
        self.round_part = RoundPart(data, initial=typed.get("round", {}), prefix="round", **kwargs)
        self.formsets: dict[str, Rows] = {}
        for prefix, (row, kind, most) in SECTIONS.items():
            initial = typed.get(prefix, [])
            formset = forms.formset_factory(row, formset=NewRows, extra=len(initial), max_num=most, absolute_max=most)
            self.formsets[prefix] = formset(data, initial=initial, prefix=prefix, form_kwargs=kwargs)
            if prefix != "members":
                labels = [form.label() for form in self.formsets[prefix].forms]
                numbered_rows[prefix] = SharedChoices(numbered(labels, kind, blank=prefix == "delegations"))

    def _opening(self) -> Typed:
        return recorded_rows(self.offer) if self.offer.round else opening_rows()

    # --- what the page shows -------------------------------------------------------------

    def groups(self) -> Iterator[tuple[Any, list[Any]]]:
        """Each delegation row with its member rows; then (None, members) for member rows
        whose delegation is no row of the form."""
        members: dict[str, list[Any]] = {}
        for form in self.formsets["members"].forms:
            members.setdefault(str(form["delegation"].value() or ""), []).append(form)
        for form in self.formsets["delegations"].forms:
            yield form, members.pop(str(form.number), [])
        left = [form for forms_left in members.values() for form in forms_left]
        if left:
            yield None, left

    def parts(self) -> Iterator[tuple[str, str, SetupPart]]:
        """Every part of the form with its anchor and the name the summary gives it."""
        yield "round", "The round", self.round_part
        for prefix, (_, label, _) in SECTIONS.items():
            for form in self.formsets[prefix].forms:
                yield form.prefix, f"{label} {form.number}", form

    @property
    def part_errors(self) -> list[tuple[str, str, SetupPart]]:
        return [(anchor, name, form) for anchor, name, form in self.parts() if form.errors]

    @property
    def non_form_errors(self) -> list[Any]:
        return [error for formset in self.formsets.values() for error in formset.non_form_errors()]

    def typed(self) -> Typed:
        """What was typed, to open the form again with it."""
        rows: Typed = {"round": {name: self.round_part[name].data for name in self.round_part.fields}}
        for prefix, formset in self.formsets.items():
            rows[prefix] = [{name: form[name].data for name in form.fields} for form in formset.forms]
        return rows

    # --- saving --------------------------------------------------------------------------

    def is_valid(self) -> bool:
        return all([self.round_part.is_valid(), *[formset.is_valid() for formset in self.formsets.values()]])

    def save(self, *, by: User) -> Saved | None:
        """The round and every row that is not blank, through their services, all or
        nothing: None when anything was refused (each refusal is on its part). Rows the form
        refuses are not sent to the services, but the others are, so every refusal shows
        at once."""
        valid = self.is_valid()
        with transaction.atomic():
            talk_round = self._through(self.round_part, lambda: self.round_part.save(by=by))
            saved = Saved(talk_round) if talk_round else None
            if saved is not None:
                self._save_rows(saved, by=by)
            if not valid or saved is None or any(form.errors for _, _, form in self.parts()):
                transaction.set_rollback(True)
                return None
        return saved

    def _save_rows(self, saved: Saved, *, by: User) -> None:
        """Sessions, then delegations, then their members and who sat where: each row
        after the rows it names."""
        sessions: dict[int, Session] = {}
        for form in self._active("sessions"):
            if (session := self._through(form, partial(form.save, by=by, talk_round=saved.round))) is not None:
                sessions[form.number] = session
                saved.sessions += 1
        delegations: dict[int, Delegation] = {}
        new_parties: dict[str, Party] = {}
        for form in self._active("delegations"):
            save = partial(form.save, by=by, talk_round=saved.round, new_parties=new_parties)
            if (delegation := self._through(form, save)) is not None:
                delegations[form.number] = delegation
                saved.delegations += 1
        new_people: dict[str, Person] = {}
        for form in self._active("members"):
            number = form.cleaned_data["delegation"]
            if number not in delegations:
                if self._is_blank_row("delegations", number):
                    form.add_error("delegation", f"Delegation {number} is blank: name its party first.")
                continue
            save = partial(form.save, by=by, delegation=delegations[number], new_people=new_people)
            if (membership := self._through(form, save)) is not None:
                saved.members += 1
                self._through(form, partial(self._attend, form, membership, sessions, by=by))
        for _, _, form in self.parts():
            saved.waiting += form.waiting

    def _attend(self, form: MemberRow, membership: Membership, sessions: dict[int, Session], *, by: User) -> None:
        """Who sat where: attendance added for the sessions ticked, removed for those not."""
        wanted = {sessions[n].pk: sessions[n] for n in form.cleaned_data["sessions"] if n in sessions}
        for number in form.cleaned_data["sessions"]:
            if number not in sessions and self._is_blank_row("sessions", number):
                raise ValidationError({"sessions": f"Session {number} is blank: give its date first."})
        on_record = self.offer.attended.get(membership.pk, {})
        for session_pk, session in wanted.items():
            if session_pk not in on_record:
                attendance_save(Attendance(session=session, membership=membership), by=by)
        for session_pk, attendance in on_record.items():
            if session_pk not in wanted:
                delete_record(attendance, by=by)

    def _active(self, prefix: str) -> list[Any]:
        return [form for form in self.formsets[prefix].forms if not form.is_blank]

    def _is_blank_row(self, prefix: str, number: int) -> bool:
        rows = self.formsets[prefix].forms
        return not 1 <= number <= len(rows) or rows[number - 1].is_blank

    @staticmethod
    def _through(form: SetupPart, save: Callable[[], T]) -> T | None:
        """One part through its service in a savepoint: None, and the refusal on the part,
        when refused."""
        if form.errors:
            return None
        try:
            with transaction.atomic():
                record = save()
        except (RecordLocked, VersionConflict) as error:
            form.add_error(None, error.messages)
            return None
        except ValidationError as error:
            form.refuse(error)
            return None
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return None
        if getattr(record, "pending_revision", None) is not None:
            form.waiting += 1
        return record
