"""Parties, people, and who sat in which delegation at which round and session."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When

from negotrack.fields import ChoiceSetField
from negotrack.limits import SUMMARY_LENGTH, limited_text
from negotrack.records import Record, RecordHistory, RecordQuerySet
from negotrack.search import contains_any_case
from rounds.models import Round, Session, Source


class PartyKind(models.TextChoices):
    STATE = "state", "state"
    ORGANIZATION = "organization", "international organization"
    OTHER = "other", "other"


class Party(Record):
    """A side, a mediator or a host: Russia, Ukraine, United States, UAE."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=16, choices=PartyKind.choices, default=PartyKind.STATE)

    history = RecordHistory()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(RecordQuerySet):
    def matching(self, text: str) -> PersonQuerySet:
        """People whose name or one of whose aliases contains `text`."""
        return contains_any_case(self, ["name", "aliases"], text.strip())


class Person(Record):
    """A named official, with the other spellings they are reported under."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200, help_text="as usually written in English")
    aliases = limited_text(
        SUMMARY_LENGTH,
        blank=True,
        help_text="other spellings and transliterations, one a line (Umerov, Umjerow, Умєров)",
    )
    description = models.CharField(max_length=300, blank=True, help_text="who they are, in a line")

    history = RecordHistory()
    objects = PersonQuerySet.as_manager()  # type: ignore[misc]  # the stubs take Record's for a class variable

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def clean(self) -> None:
        self.aliases = "\n".join(dict.fromkeys(self.alias_list))


class DelegationRole(models.TextChoices):
    """What a party does at a round; it may do several things at once (a host country
    often mediates too). Their order is the order of importance: a delegation's roles are
    kept in it, and a round's delegations are listed by it."""

    NEGOTIATING_PARTY = "negotiating_party", "negotiating party"
    MEDIATOR = "mediator", "mediator"
    HOST = "host", "host"
    OBSERVER = "observer", "observer"


def negotiating_party() -> list[str]:
    """A new delegation's roles until the editor says otherwise."""
    return [DelegationRole.NEGOTIATING_PARTY.value]


def first_role_rank() -> Case:
    """A delegation's first role as its rank in DelegationRole's order (negotiating parties
    first), for an ORDER BY: a key lookup per role, no join and no subquery."""
    return Case(
        *(When(roles__0=role.value, then=Value(rank)) for rank, role in enumerate(DelegationRole)),
        default=Value(len(DelegationRole)),
        output_field=IntegerField(),
    )


class DelegationQuerySet(RecordQuerySet):
    def holding(self, role: str) -> DelegationQuerySet:
        """Delegations that hold `role`, alone or beside other roles."""
        return self.filter(Delegation._meta.get_field("roles").holding(role))

    def in_role_order(self) -> DelegationQuerySet:
        """Negotiating parties first, then mediators, hosts and observers (each delegation
        by the first of its roles), each by the party's name.

        Not the model's default ordering: Django cannot follow a conditional expression
        there from the models that order by their delegation (a membership).
        """
        return self.order_by(first_role_rank(), "party__name")


class Delegation(Record):
    """One party at one round, with its roles there."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="delegations")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="delegations")
    roles = ChoiceSetField(
        member_choices=DelegationRole.choices,
        default=negotiating_party,
        help_text="what the party did at the round: one role or several (a host that also mediates)",
        error_messages={"blank": "Give the party at least one role at the round."},
    )
    unnamed_members = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(999)],
        help_text="how many members the reports count but do not name; empty when not known",
    )
    note = limited_text(
        SUMMARY_LENGTH,
        blank=True,
        help_text='members not named, and differing reports ("nearly two dozen other officials")',
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="delegations")

    history = RecordHistory(m2m_fields=[sources])
    objects = DelegationQuerySet.as_manager()  # type: ignore[misc]  # the stubs take Record's for a class variable

    constraint_error_fields = {"delegation_one_per_party_per_round": "party"}

    class Meta:
        ordering = ["round", "party__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "party"],
                name="delegation_one_per_party_per_round",
                violation_error_message="This party already has a delegation at this round.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} at {self.round}" if self.round_id and self.party_id else "new delegation"

    @property
    def first_role(self) -> str | None:
        """The first of its roles in DelegationRole's order: the one that says most."""
        return self.roles[0] if self.roles else None

    def get_roles_display(self) -> str:
        """Its roles in a phrase: "mediator and host"."""
        return Delegation._meta.get_field("roles").display(self.roles)


class MembershipRole(models.TextChoices):
    HEAD = "head", "head of delegation"
    # The person who chaired the talks (a host country's foreign minister, say): at most
    # one a round, across its delegations (delegations.services.chair_problems).
    CHAIR = "chair", "chair of the talks"
    MEMBER = "member", "member"
    ADVISER = "adviser", "adviser"


def member_rank() -> Case:
    """A membership's role as its rank in MembershipRole's order (heads first), for an ORDER BY."""
    return Case(
        *(When(role=role.value, then=Value(rank)) for rank, role in enumerate(MembershipRole)),
        default=Value(len(MembershipRole)),
        output_field=IntegerField(),
    )


class Membership(Record):
    """One person in one delegation, with the title they held then."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    title = models.CharField(max_length=300, blank=True, help_text="the title held at the time of the round")
    role = models.CharField(max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    note = models.CharField(max_length=500, blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="memberships")

    history = RecordHistory(m2m_fields=[sources])

    constraint_error_fields = {
        "membership_one_per_person_per_delegation": "person",
        "membership_one_head_per_delegation": "role",
    }

    class Meta:
        ordering = ["delegation", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"],
                name="membership_one_per_person_per_delegation",
                violation_error_message="This person is already a member of this delegation.",
            ),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role="head"),
                name="membership_one_head_per_delegation",
                violation_error_message="This delegation already has a head.",
            ),
        ]

    def __str__(self) -> str:
        if not (self.person_id and self.delegation_id):
            return "new membership"
        return f"{self.person}, {self.title}" if self.title else str(self.person)


class Attendance(Record):
    """A member of a delegation who took part in one session, where that is known."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="attendances")

    history = RecordHistory()

    constraint_error_fields = {"attendance_once_per_session": "membership"}

    class Meta:
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "membership"],
                name="attendance_once_per_session",
                violation_error_message="This member is already recorded at this session.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.person} at {self.session}"

    def clean(self) -> None:
        if self.session_id and self.membership_id and self.session.round_id != self.membership.delegation.round_id:
            raise ValidationError({"membership": "This member's delegation is at another round than the session."})
