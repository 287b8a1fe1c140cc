"""Where an issue stands: the vocabulary, how a status is dated, one published status per
round or date, and the current status and positions that the services keep."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from issues.models import IssueStatus, Position
from issues.services import correction_start, draft_publish, issue_status_save, position_save, record_withdraw
from issues.vocabulary import DEFINITIONS, AssessmentStatus, compare
from rounds.models import Round
from rounds.services import round_save
from tests.factories import IssueFactory, IssueStatusFactory, PartyFactory, PositionFactory, RoundFactory

pytestmark = pytest.mark.django_db

FEB_17, FEB_18 = datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)


def messages_on(field, save, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        save(*args, **kwargs)
    return " ".join(refused.value.message_dict[field])


def round_on(process, start, end=None):
    return RoundFactory(process=process, start_date=start, end_date=end or start)


def current_status_of(issue):
    issue.refresh_from_db()
    return issue.current_status


# --- the vocabulary --------------------------------------------------------------------------


def test_the_vocabulary_runs_from_worst_to_best():
    assert [status.value for status in AssessmentStatus] == [
        "collapsed",
        "deadlocked",
        "stalled",
        "not_discussed",
        "raised",
        "discussed",
        "progress",
        "near_agreement",
        "agreed",
        "implemented",
    ]
    assert [status.rank for status in AssessmentStatus] == list(range(10))


def test_every_status_has_a_one_line_definition():
    for status in AssessmentStatus:
        definition = status.definition
        assert definition == DEFINITIONS[status]
        assert definition.strip() and "\n" not in definition
    assert len(set(DEFINITIONS.values())) == len(AssessmentStatus)


@pytest.mark.parametrize(
    ("previous", "current", "movement"),
    [
        (None, "stalled", "new"),
        ("stalled", "progress", "improved"),
        ("not_discussed", "raised", "improved"),
        ("agreed", "deadlocked", "worse"),
        ("implemented", "agreed", "worse"),
        ("discussed", "discussed", "unchanged"),
    ],
)
def test_compare_says_how_a_status_moved_from_the_previous_one(previous, current, movement):
    assert compare(previous, current) == movement


# --- how a status is dated ---------------------------------------------------------------------


def test_it_refuses_a_status_with_both_a_round_and_a_date(editor):
    issue = IssueFactory()
    status = IssueStatus(issue=issue, round=RoundFactory(process=issue.process), date=FEB_18, status="stalled")

    assert "either the round or a date between rounds, not both" in messages_on(
        "date", issue_status_save, status, by=editor
    )
    assert not IssueStatus.objects.exists()


def test_it_refuses_a_status_with_neither_a_round_nor_a_date(editor):
    status = IssueStatus(issue=IssueFactory(), status="stalled")

    assert "Give the round it was assessed at, or a date between rounds" in messages_on(
        "round", issue_status_save, status, by=editor
    )


def test_it_refuses_a_status_at_a_round_of_another_process(editor):
    issue = IssueFactory()
    elsewhere = RoundFactory()
    status = IssueStatus(issue=issue, round=elsewhere, status="stalled")

    message = messages_on("round", issue_status_save, status, by=editor)

    assert f"This round belongs to another process ({elsewhere.process})" in message


def test_it_refuses_a_status_at_a_round_without_dates(editor):
    issue = IssueFactory()
    scheduled = round_save(Round(process=issue.process, status=Round.Status.SCHEDULED), by=editor)
    status = IssueStatus(issue=issue, round=scheduled, status="raised")

    assert "This round has no dates yet" in messages_on("round", issue_status_save, status, by=editor)


def test_it_refuses_a_status_dated_in_the_future(editor):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    status = IssueStatus(issue=IssueFactory(), date=tomorrow, status="stalled")

    assert "is in the future" in messages_on("date", issue_status_save, status, by=editor)


def test_it_refuses_a_status_dated_before_1900(editor):
    status = IssueStatus(issue=IssueFactory(), date=datetime.date(1899, 12, 31), status="stalled")

    assert "Dates before 1900 are refused" in messages_on("date", issue_status_save, status, by=editor)


def test_it_refuses_a_status_value_outside_the_vocabulary(editor):
    issue = IssueFactory()
    status = IssueStatus(issue=issue, round=RoundFactory(process=issue.process), status="excellent")

    assert "'excellent' is not a valid choice" in messages_on("status", issue_status_save, status, by=editor)


def test_a_status_takes_effect_on_its_rounds_last_day_or_on_its_own_date(editor):
    issue = IssueFactory()
    at_round = IssueStatusFactory(issue=issue, round=round_on(issue.process, FEB_17, FEB_18))
    between = IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 3, 1))

    assert IssueStatus.objects.get(pk=at_round.pk).effective_date == FEB_18
    assert IssueStatus.objects.get(pk=between.pk).effective_date == datetime.date(2026, 3, 1)


# --- one published status per round, or per date ----------------------------------------------


def test_it_refuses_a_second_published_status_for_one_issue_and_round_but_not_a_second_draft(reviewer):
    issue = IssueFactory()
    talk_round = RoundFactory(process=issue.process)
    IssueStatusFactory(issue=issue, round=talk_round, status="discussed", publish=True)
    second = IssueStatusFactory(issue=issue, round=talk_round, status="progress")
    assert IssueStatus.objects.filter(issue=issue, round=talk_round).count() == 2

    message = messages_on("round", draft_publish, second, by=reviewer)

    assert "already has a published status for this round: correct that one" in message
    assert IssueStatus.objects.get(pk=second.pk).state == "draft"
    assert current_status_of(issue).status == "discussed"


def test_it_refuses_a_second_published_status_for_one_issue_on_one_date_but_not_a_second_draft(reviewer):
    issue = IssueFactory()
    day = datetime.date(2026, 3, 1)
    IssueStatusFactory(issue=issue, round=None, date=day, status="stalled", publish=True)
    second = IssueStatusFactory(issue=issue, round=None, date=day, status="deadlocked")

    message = messages_on("date", draft_publish, second, by=reviewer)

    assert "already has a published status on this date: correct that one" in message
    assert IssueStatus.objects.get(pk=second.pk).state == "draft"


def test_two_issues_may_each_have_a_published_status_for_one_round(reviewer):
    issue = IssueFactory()
    other = IssueFactory(process=issue.process)
    talk_round = RoundFactory(process=issue.process)
    IssueStatusFactory(issue=issue, round=talk_round, publish=True)
    IssueStatusFactory(issue=other, round=talk_round, publish=True)
    assert IssueStatus.objects.published().filter(round=talk_round).count() == 2


def test_it_refuses_a_second_published_position_of_a_party_on_an_issue_at_one_round(reviewer):
    first = PositionFactory(publish=True)
    second = PositionFactory(issue=first.issue, party=first.party, round=first.round, stance="softened")

    message = messages_on("round", draft_publish, second, by=reviewer)

    assert "This party already has a published position on this issue for this round" in message
    assert Position.objects.get(pk=second.pk).state == "draft"


def test_it_refuses_a_second_published_position_of_a_party_on_an_issue_on_one_date(reviewer):
    day = datetime.date(2026, 3, 1)
    first = PositionFactory(round=None, date=day, publish=True)
    second = PositionFactory(issue=first.issue, party=first.party, round=None, date=day, stance="softened")

    assert "already has a published position on this issue on this date" in messages_on(
        "date", draft_publish, second, by=reviewer
    )


def test_it_refuses_a_position_at_a_round_of_another_process(editor):
    issue = IssueFactory()
    position = Position(issue=issue, party=PartyFactory(), round=RoundFactory(), stance="holds firm")

    assert "This round belongs to another process" in messages_on("round", position_save, position, by=editor)


def test_it_refuses_to_publish_a_status_without_a_source(reviewer):
    status = IssueStatusFactory(sources=[])

    message = messages_on("sources", draft_publish, status, by=reviewer)

    assert "Cite at least one source before publishing" in message
    assert IssueStatus.objects.get(pk=status.pk).state == "draft"


# --- the current status ----------------------------------------------------------------------


def test_the_current_status_is_none_before_any_published_status():
    issue = IssueFactory()
    IssueStatusFactory(issue=issue)
    assert current_status_of(issue) is None


def test_a_status_between_rounds_later_than_the_last_round_is_the_current_status():
    issue = IssueFactory()
    IssueStatusFactory(issue=issue, round=round_on(issue.process, FEB_17, FEB_18), status="discussed", publish=True)
    between = IssueStatusFactory(
        issue=issue, round=None, date=datetime.date(2026, 3, 1), status="stalled", publish=True
    )
    # Published later, but effective earlier: it does not win.
    IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 2, 10), status="raised", publish=True)

    assert current_status_of(issue) == between


def test_a_later_round_takes_over_from_a_status_between_rounds():
    issue = IssueFactory()
    IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 3, 1), status="stalled", publish=True)
    later = IssueStatusFactory(
        issue=issue, round=round_on(issue.process, datetime.date(2026, 3, 10)), status="progress", publish=True
    )
    assert current_status_of(issue) == later


def test_withdrawing_the_current_status_falls_back_to_the_previous_one(reviewer):
    issue = IssueFactory()
    previous = IssueStatusFactory(issue=issue, round=round_on(issue.process, FEB_17, FEB_18), publish=True)
    latest = IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 3, 1), status="stalled", publish=True)
    assert current_status_of(issue) == latest

    record_withdraw(latest, by=reviewer, note="The report was about another issue.")

    assert current_status_of(issue) == previous


def test_withdrawing_the_only_status_leaves_no_current_status(reviewer):
    issue = IssueFactory()
    only = IssueStatusFactory(issue=issue, publish=True)
    record_withdraw(only, by=reviewer, note="Misread.")
    assert current_status_of(issue) is None


def test_a_published_correction_becomes_the_current_status(reviewer):
    issue = IssueFactory()
    original = IssueStatusFactory(issue=issue, status="agreed", publish=True)
    correction = correction_start(original, by=reviewer)
    correction.status = "near_agreement"
    issue_status_save(correction, by=reviewer)

    draft_publish(correction, by=reviewer)

    assert current_status_of(issue) == correction


def test_a_correction_that_moves_a_status_to_another_issue_leaves_the_old_issue_without_it(reviewer):
    issue = IssueFactory()
    other = IssueFactory(process=issue.process)
    original = IssueStatusFactory(issue=issue, publish=True)
    correction = correction_start(original, by=reviewer)
    correction.issue = other
    issue_status_save(correction, by=reviewer)

    draft_publish(correction, by=reviewer)

    assert current_status_of(other) == correction
    assert current_status_of(issue) is None


# --- positions -------------------------------------------------------------------------------


def current_positions(issue):
    return set(Position.objects.filter(issue=issue, is_current=True))


def test_each_partys_latest_published_position_is_its_current_one():
    issue = IssueFactory()
    russia, ukraine = PartyFactory(), PartyFactory()
    first_round = round_on(issue.process, datetime.date(2026, 2, 4), datetime.date(2026, 2, 5))
    second_round = round_on(issue.process, FEB_17, FEB_18)
    later = PositionFactory(issue=issue, party=russia, round=second_round, stance="all of Donbas", publish=True)
    earlier = PositionFactory(issue=issue, party=russia, round=first_round, stance="the whole region", publish=True)
    ukrainian = PositionFactory(issue=issue, party=ukraine, round=first_round, stance="current line", publish=True)
    PositionFactory(issue=issue, party=ukraine, round=second_round, stance="a draft, not yet public")

    assert current_positions(issue) == {later, ukrainian}
    assert not Position.objects.get(pk=earlier.pk).is_current


def test_withdrawing_a_partys_current_position_makes_its_previous_one_current(reviewer):
    issue = IssueFactory()
    party = PartyFactory()
    previous = PositionFactory(
        issue=issue, party=party, round=round_on(issue.process, datetime.date(2026, 2, 4)), publish=True
    )
    latest = PositionFactory(issue=issue, party=party, round=round_on(issue.process, FEB_17), publish=True)

    record_withdraw(latest, by=reviewer, note="Misattributed.")

    assert current_positions(issue) == {previous}


def test_a_draft_position_is_never_current(editor):
    position = PositionFactory()
    position.stance = "softened"
    position_save(position, by=editor)
    assert not Position.objects.get(pk=position.pk).is_current


def test_a_correction_that_moves_a_position_to_another_party_leaves_the_old_party_without_it(reviewer):
    original = PositionFactory(publish=True)
    correction = correction_start(original, by=reviewer)
    correction.party = PartyFactory()
    position_save(correction, by=reviewer)

    draft_publish(correction, by=reviewer)

    assert current_positions(original.issue) == {correction}
