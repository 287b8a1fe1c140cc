"""The member rows of the set-up form: who sat in which delegation, with the title and role
they held, and the sessions they sat in.

People are typed as reports name them and found by the one matcher (delegations.matching):
a name that names one person is that person; a name several go by, or a close spelling, is
refused with the people it may be, to pick on the row; a name nobody goes by is a new person,
whom the person service refuses when they look like someone on record, unless the editor
picks "This is a new person".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from delegations.matching import Outcome, listed, spelled
from delegations.models import Delegation, Membership, MembershipRole, Person
from delegations.services import PersonLooksKnown, membership_save, person_save
from issues.editorial.markup import SharedChoices
from issues.editorial.setup.forms import SetupPart
from negotrack.records import User

NEW_PERSON = "new"


class MemberRow(SetupPart):
    error_fields = {"delegation": "delegation", "person": "person"}

    delegation = forms.ChoiceField(label="Delegation")
    person = forms.CharField(
        max_length=200,
        required=False,
        label="Name",
        help_text="a name or an alias, as reported; a new name adds the person",
        widget=forms.TextInput(attrs={"list": "people", "autocomplete": "off"}),
    )
    # The person picked among those offered on the row (their slug), or NEW_PERSON.
    pick = forms.CharField(max_length=80, required=False, widget=forms.HiddenInput)
    title = forms.CharField(max_length=300, required=False, label="Title", help_text="held at the time of the round")
    role = forms.ChoiceField(choices=SharedChoices(MembershipRole.choices), initial=MembershipRole.MEMBER, label="Role")
    sessions = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Sat in sessions", help_text="where known"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offered: list[Person] = []  # the people the typed name may be, to pick from
        self.choice_field("delegation").choices = self.numbered_rows["delegations"]
        self.fields["delegation"].widget.attrs["data-numbered"] = "delegations"
        self.choice_field("sessions").choices = self.numbered_rows["sessions"]
        self.fields["sessions"].widget.attrs["data-numbered"] = "sessions"

    @property
    def is_blank(self) -> bool:
        return not any(self[name].data for name in ("record", "person", "title"))

    def clean_delegation(self) -> int:
        return int(self.cleaned_data["delegation"])

    def clean_sessions(self) -> list[int]:
        return [int(number) for number in self.cleaned_data["sessions"]]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "person" in data:
            if not spelled(data["person"]):
                self.add_error("person", "Name the person, or clear the row.")
            else:
                data["found"] = self._found(data)
        return data

    def _found(self, data: dict[str, Any]) -> Person | None:
        """The person the row names; None for a new person, added when the row is saved."""
        typed, pick = spelled(data["person"]), data.get("pick", "")
        current = self._current()
        if current and spelled(current.person.name) == typed and not pick:
            return current.person
        if pick == NEW_PERSON:
            return None
        if pick:
            picked = self.offer.matcher.match(pick)
            if picked.person is not None and picked.person.slug == pick:
                return picked.person
        found = self.offer.matcher.match(typed)
        if found.outcome is Outcome.RESOLVED:
            return found.person
        if found.outcome is Outcome.AMBIGUOUS:
            self.offer_people(found.people)
            self.add_error("person", f"“{typed}” names more than one person: {listed(found.people)}. Pick one.")
        elif found.outcome is Outcome.SUGGESTIONS:
            self.offer_people(found.people)
            names = " or ".join(f"“{person.name}”" for person in found.people)
            self.add_error(
                "person",
                f"No one named “{typed}” is on record. Did you mean {names}? Pick them, or “This is a new person”.",
            )
        return None

    def offer_people(self, people: Sequence[Person]) -> None:
        """The people to pick from on the row, in the order given, with who they are (the
        matcher reads names only): one query."""
        described = Person.objects.only("id", "slug", "name", "description").in_bulk([p.pk for p in people])
        self.offered = [described.get(person.pk, person) for person in people]

    def _current(self) -> Membership | None:
        key = self.cleaned_data.get("record") or ""
        return self.offer.memberships.get(key) if key else None

    def save(self, *, by: User, delegation: Delegation, new_people: dict[str, Person]) -> Membership:
        data = self.cleaned_data
        person = data["found"] or self._new_person(by=by, new_people=new_people)
        membership = self.on_record(self.offer.memberships, "member") or Membership()
        membership.delegation = delegation
        membership.person = person
        membership.title = data["title"].strip()
        membership.role = data["role"]
        return membership_save(membership, by=by)

    def _new_person(self, *, by: User, new_people: dict[str, Person]) -> Person:
        """The person typed, added: once for every row that types the same new name."""
        name = spelled(self.cleaned_data["person"])
        if name.casefold() in new_people:
            return new_people[name.casefold()]
        try:
            person = person_save(Person(name=name), by=by, confirm_new=self.cleaned_data["pick"] == NEW_PERSON)
        except PersonLooksKnown as error:
            self.offer_people(error.people)
            raise ValidationError(
                {
                    "person": f"“{name}” looks like someone on record: {listed(error.people)}. Pick them, "
                    "or “This is a new person”."
                }
            ) from None
        new_people[name.casefold()] = person
        return person


def numbered(labels: list[str], kind: str, *, blank: bool) -> list[tuple[str, str]]:
    """Choices of the rows of another section by their number: "1: Turkey"; after "—"
    when `blank`."""
    rows = [
        (str(number), f"{number}: {label}" if label else f"{kind} {number}")
        for number, label in enumerate(labels, start=1)
    ]
    return [("", "—"), *rows] if blank else rows
