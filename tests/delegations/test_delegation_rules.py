"""Who sat where: one delegation per party and round, with one role or several; one head
a delegation and one chair a round; members at their own round; and people found by any
of their names."""

import pytest
from django.core.exceptions import ValidationError

from delegations.models import Attendance, Delegation, DelegationRole, Membership, MembershipRole, Person
from delegations.services import (
    attendance_save,
    delegation_save,
    membership_save,
    person_save,
    refuse_second_chairs,
)
from tests.factories import DelegationFactory, MembershipFactory, PersonFactory, RoundFactory, SessionFactory

MEDIATOR, HOST, OBSERVER = DelegationRole.MEDIATOR, DelegationRole.HOST, DelegationRole.OBSERVER

pytestmark = pytest.mark.django_db


def messages_on(field, save, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        save(*args, **kwargs)
    return " ".join(refused.value.message_dict[field])


def test_it_refuses_a_second_delegation_of_a_party_at_the_same_round(editor):
    first = DelegationFactory()
    second = Delegation(round=first.round, party=first.party, roles=[DelegationRole.OBSERVER])

    message = messages_on("party", delegation_save, second, by=editor)

    assert "This party already has a delegation at this round" in message
    assert Delegation.objects.filter(round=first.round).count() == 1


def test_it_accepts_the_same_party_at_another_round(editor):
    first = DelegationFactory()
    delegation_save(Delegation(round=RoundFactory(process=first.round.process), party=first.party), by=editor)
    assert Delegation.objects.filter(party=first.party).count() == 2


def test_a_new_delegation_is_a_negotiating_party_unless_told_otherwise(editor):
    delegation = delegation_save(Delegation(round=RoundFactory(), party=DelegationFactory().party), by=editor)
    assert Delegation.objects.get(pk=delegation.pk).roles == ["negotiating_party"]


def test_a_party_holds_several_roles_at_a_round_kept_in_the_roles_order(editor):
    delegation = DelegationFactory(roles=[OBSERVER, HOST, MEDIATOR])
    assert Delegation.objects.get(pk=delegation.pk).roles == ["mediator", "host", "observer"]
    assert delegation.get_roles_display() == "mediator, host and observer"
    assert delegation.first_role == "mediator"


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        ([], "Give the party at least one role at the round."),
        (["host", "host"], "'host' is given twice."),
        (["host", "chair"], "'chair' is not one of the choices (negotiating_party, mediator, host, observer)."),
        ("host", "Give a list of choices, not 'host'."),
    ],
)
def test_it_refuses_roles_that_are_no_set_of_roles(editor, roles, message):
    delegation = Delegation(round=RoundFactory(), party=DelegationFactory().party, roles=roles)
    assert messages_on("roles", delegation_save, delegation, by=editor) == message
    assert Delegation.objects.count() == 1


def test_delegations_are_found_by_a_role_they_hold_alone_or_beside_others():
    talk_round = RoundFactory()
    host_and_mediator = DelegationFactory(round=talk_round, roles=[HOST, MEDIATOR])
    host = DelegationFactory(round=talk_round, roles=[HOST])
    observer = DelegationFactory(round=talk_round, roles=[OBSERVER])
    party = DelegationFactory(round=talk_round)

    assert set(Delegation.objects.holding(HOST)) == {host_and_mediator, host}
    assert list(Delegation.objects.holding(MEDIATOR)) == [host_and_mediator]
    assert list(Delegation.objects.holding(OBSERVER)) == [observer]
    assert list(Delegation.objects.holding(DelegationRole.NEGOTIATING_PARTY)) == [party]


def test_delegations_in_role_order_put_negotiating_parties_first_then_by_their_first_role(editor):
    talk_round = RoundFactory()
    observer = DelegationFactory(round=talk_round, roles=[OBSERVER], party__name="Aland")
    host = DelegationFactory(round=talk_round, roles=[HOST], party__name="Bhutan")
    mediator_and_host = DelegationFactory(round=talk_round, roles=[HOST, MEDIATOR], party__name="Chad")
    later_side = DelegationFactory(round=talk_round, party__name="Zambia")
    side = DelegationFactory(round=talk_round, party__name="Yemen")

    ordered = list(Delegation.objects.filter(round=talk_round).in_role_order())

    assert ordered == [side, later_side, mediator_and_host, host, observer]


def test_it_refuses_a_person_twice_in_one_delegation(editor):
    first = MembershipFactory()
    second = Membership(delegation=first.delegation, person=first.person, role=MembershipRole.ADVISER)

    message = messages_on("person", membership_save, second, by=editor)

    assert "already a member of this delegation" in message
    assert first.delegation.memberships.count() == 1


def test_it_refuses_a_second_head_of_a_delegation(editor):
    head = MembershipFactory(role=MembershipRole.HEAD)
    second = Membership(delegation=head.delegation, person=PersonFactory(), role=MembershipRole.HEAD)

    assert "This delegation already has a head" in messages_on("role", membership_save, second, by=editor)


def test_a_round_has_at_most_one_chair_across_its_delegations(editor):
    chair = MembershipFactory(
        role=MembershipRole.CHAIR, person__name="Abdullah bin Zayed", delegation__party__name="UAE"
    )
    other = DelegationFactory(round=chair.delegation.round)
    second = Membership(delegation=other, person=PersonFactory(), role=MembershipRole.CHAIR)

    message = messages_on("role", membership_save, second, by=editor)

    assert message == "Abdullah bin Zayed (UAE) already chairs this round: a round has one chair."
    assert not other.memberships.exists()


def test_a_chair_is_saved_again_and_another_round_has_its_own(editor):
    chair = MembershipFactory(role=MembershipRole.CHAIR)
    chair.title = "foreign minister"
    membership_save(chair, by=editor)
    elsewhere = MembershipFactory(role=MembershipRole.CHAIR)
    assert chair.delegation.round != elsewhere.delegation.round
    assert Membership.objects.filter(role=MembershipRole.CHAIR).count() == 2


def test_a_delegation_does_not_take_its_chair_to_a_round_that_has_one(editor):
    chair = MembershipFactory(role=MembershipRole.CHAIR)
    moving = MembershipFactory(role=MembershipRole.CHAIR, person__name="Sayyid Badr").delegation
    moving.round = chair.delegation.round

    message = messages_on("round", delegation_save, moving, by=editor)

    assert message.startswith("Sayyid Badr chairs for this delegation, and ")
    assert message.endswith("already chairs this round: a round has one chair.")


def test_a_bulk_load_is_refused_whole_when_it_gives_a_round_two_chairs():
    talk_round = RoundFactory()
    first, second = DelegationFactory(round=talk_round), DelegationFactory(round=talk_round)
    chairs = [
        Membership(delegation=first, person=PersonFactory(), role=MembershipRole.CHAIR),
        Membership(delegation=second, person=PersonFactory(name="Second Chair"), role=MembershipRole.CHAIR),
    ]
    with pytest.raises(ValidationError, match=r"membership 2: Official [A-Z][a-z]+ \(.*\) already chairs this round"):
        refuse_second_chairs(chairs)
    refuse_second_chairs(chairs[:1])


def test_a_delegation_may_have_one_head_and_many_members(editor):
    head = MembershipFactory(role=MembershipRole.HEAD)
    for _ in range(2):
        membership_save(Membership(delegation=head.delegation, person=PersonFactory()), by=editor)
    assert head.delegation.memberships.count() == 3


def test_it_refuses_attendance_of_a_member_whose_delegation_is_at_another_round(editor):
    membership = MembershipFactory()
    session_elsewhere = SessionFactory(round=RoundFactory(process=membership.delegation.round.process))
    attendance = Attendance(session=session_elsewhere, membership=membership)

    message = messages_on("membership", attendance_save, attendance, by=editor)

    assert "delegation is at another round than the session" in message
    assert not Attendance.objects.exists()


def test_it_records_attendance_of_a_member_at_a_session_of_their_round(editor):
    membership = MembershipFactory()
    session = SessionFactory(round=membership.delegation.round)
    attendance_save(Attendance(session=session, membership=membership), by=editor)
    assert Attendance.objects.filter(session=session, membership=membership).exists()


def test_it_refuses_the_same_member_twice_at_a_session(editor):
    membership = MembershipFactory()
    session = SessionFactory(round=membership.delegation.round)
    attendance_save(Attendance(session=session, membership=membership), by=editor)

    message = messages_on("membership", attendance_save, Attendance(session=session, membership=membership), by=editor)

    assert "already recorded at this session" in message


def test_a_persons_aliases_are_stripped_and_de_duplicated(editor):
    person = person_save(
        Person(name="Rustem Umerov", aliases="Umerov\n  Umjerow \n\nUmerov\nУмєров\nUmjerow"), by=editor
    )

    assert Person.objects.get(pk=person.pk).aliases == "Umerov\nUmjerow\nУмєров"
    assert person.alias_list == ["Umerov", "Umjerow", "Умєров"]


def test_people_are_found_by_name_or_by_alias(editor):
    umerov = PersonFactory(name="Rustem Umerov", aliases="Umjerow\nУмєров")
    PersonFactory(name="Kirill Dmitriev", aliases="Дмитриев")

    assert list(Person.objects.matching("umerov")) == [umerov]
    assert list(Person.objects.matching("  Umjerow ")) == [umerov]
    assert list(Person.objects.matching("Умєров")) == [umerov]
    assert list(Person.objects.matching("Умє")) == [umerov]
    assert not Person.objects.matching("Witkoff").exists()


def test_people_are_found_by_a_cyrillic_alias_in_any_case(editor):
    zelensky = PersonFactory(name="Volodymyr Zelensky", aliases="Zelenskyy\nЗеленский\nЗеленський")

    assert list(Person.objects.matching("зеленский")) == [zelensky]
    assert list(Person.objects.matching("ЗЕЛЕНСЬКИЙ")) == [zelensky]
