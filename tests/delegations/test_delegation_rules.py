"""Who sat where: one delegation per party and round, one head, members at their own round,
and people found by any of their names."""

import pytest
from django.core.exceptions import ValidationError

from delegations.models import Attendance, Delegation, DelegationRole, Membership, MembershipRole, Person
from delegations.services import attendance_save, delegation_save, membership_save, person_save
from tests.factories import DelegationFactory, MembershipFactory, PersonFactory, RoundFactory, SessionFactory

pytestmark = pytest.mark.django_db


def messages_on(field, save, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        save(*args, **kwargs)
    return " ".join(refused.value.message_dict[field])


def test_it_refuses_a_second_delegation_of_a_party_at_the_same_round(editor):
    first = DelegationFactory()
    second = Delegation(round=first.round, party=first.party, role=DelegationRole.OBSERVER)

    message = messages_on("party", delegation_save, second, by=editor)

    assert "This party already has a delegation at this round" in message
    assert Delegation.objects.filter(round=first.round).count() == 1


def test_it_accepts_the_same_party_at_another_round(editor):
    first = DelegationFactory()
    delegation_save(Delegation(round=RoundFactory(process=first.round.process), party=first.party), by=editor)
    assert Delegation.objects.filter(party=first.party).count() == 2


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
