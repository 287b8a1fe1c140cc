"""A statement's party must be one its speaker sat for, or the editor says it is right."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from issues.models import Statement
from issues.services import correction_start, draft_publish, statement_save
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    RoundFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

FEB_17, FEB_18 = datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)


@pytest.fixture
def geneva():
    """Medinsky for Russia at Geneva, Fidan for Türkiye at an earlier round only."""
    talks = RoundFactory(city="Geneva", start_date=FEB_17, end_date=FEB_18)
    earlier = RoundFactory(process=talks.process, city="Istanbul", start_date=datetime.date(2025, 5, 16))
    russia, turkey = PartyFactory(name="Russia"), PartyFactory(name="Türkiye")
    medinsky, fidan = PersonFactory(name="Vladimir Medinsky"), PersonFactory(name="Hakan Fidan")
    MembershipFactory(delegation=DelegationFactory(round=talks, party=russia), person=medinsky)
    MembershipFactory(delegation=DelegationFactory(round=earlier, party=turkey), person=fidan)
    return talks, russia, turkey, medinsky, fidan


def said(talks, **values):
    return Statement(process=talks.process, round=talks, date=FEB_18, text="We met for two hours.", **values)


def test_a_party_the_speaker_never_sat_for_needs_the_editors_confirmation(geneva, editor):
    talks, russia, _, _, fidan = geneva
    statement = said(talks, speaker=fidan, party=russia)

    with pytest.raises(ValidationError) as refused:
        statement_save(statement, by=editor)

    message = " ".join(refused.value.message_dict["party"])
    assert "Hakan Fidan never sat in a delegation of Russia (on record only for Türkiye)" in message
    assert "confirm the party" in message
    assert refused.value.error_dict["party"][0].code == "confirm_party"
    assert not Statement.objects.exists()
    statement_save(statement, by=editor, confirm_party=True)
    assert Statement.objects.get(pk=statement.pk).party == russia


def test_the_party_of_a_delegation_at_this_round_or_another_needs_no_confirmation(geneva, editor):
    talks, russia, turkey, medinsky, fidan = geneva
    assert statement_save(said(talks, speaker=medinsky, party=russia), by=editor).pk
    assert statement_save(said(talks, speaker=fidan, party=turkey), by=editor).pk  # sat for Türkiye at Istanbul


def test_a_speaker_in_no_delegation_is_refused_with_any_party_but_not_without_one(geneva, editor):
    talks, russia, *_ = geneva
    nobody = PersonFactory(name="Ann Other")

    with pytest.raises(ValidationError, match="in no delegation on record"):
        statement_save(said(talks, speaker=nobody, party=russia), by=editor)
    assert statement_save(said(talks, speaker=nobody), by=editor).pk


def test_an_unnamed_official_is_not_checked(geneva, editor):
    talks, russia, *_ = geneva
    statement = said(talks, speaker_description="a senior Turkish official", party=russia)
    assert statement_save(statement, by=editor).pk


def test_a_date_and_a_party_both_unconfirmed_are_refused_together(geneva, editor):
    talks, russia, _, _, fidan = geneva
    statement = said(talks, speaker=fidan, party=russia)
    statement.date = datetime.date(2025, 12, 1)

    with pytest.raises(ValidationError) as refused:
        statement_save(statement, by=editor)

    assert set(refused.value.message_dict) == {"date", "party"}


def test_a_party_once_confirmed_is_not_asked_again_when_the_draft_or_a_correction_is_saved(geneva, editor, reviewer):
    talks, russia, _, _, fidan = geneva
    statement = said(talks, speaker=fidan, party=russia)
    statement_save(statement, by=editor, sources=[SourceFactory()], confirm_party=True)
    statement.text = "We met for three hours."
    statement_save(statement, by=editor)
    statement.party = PartyFactory(name="Iran")  # another party he never sat for: asked again
    with pytest.raises(ValidationError, match="never sat in a delegation of Iran"):
        statement_save(statement, by=editor)

    statement.party = russia
    draft_publish(statement, by=reviewer)
    correction = correction_start(statement, by=editor)
    correction.text = "We met for four hours."
    assert statement_save(correction, by=editor).party == russia
