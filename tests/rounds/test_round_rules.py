"""What the record refuses of a round, a session and a source, each with a message an editor can act on."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rounds.models import Round, Session, Source
from rounds.services import round_save, session_save, source_save
from tests.factories import ProcessFactory, RoundFactory, SourceFactory

pytestmark = pytest.mark.django_db

FEB_16, FEB_17, FEB_18 = datetime.date(2026, 2, 16), datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)


def messages_on(field, save, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        save(*args, **kwargs)
    return " ".join(refused.value.message_dict[field])


def new_round(**values):
    values.setdefault("process", ProcessFactory())
    values.setdefault("city", "Geneva")
    return Round(**values)


# --- rounds ------------------------------------------------------------------------------------


def test_it_refuses_a_round_that_ends_before_it_starts(editor):
    talk_round = new_round(start_date=FEB_17, end_date=FEB_16, status=Round.Status.CONCLUDED)

    message = messages_on("end_date", round_save, talk_round, by=editor)

    assert "cannot end (16 Feb 2026) before it starts (17 Feb 2026)" in message
    assert not Round.objects.filter(uuid=talk_round.uuid).exists()


def test_it_refuses_an_end_date_without_a_start_date(editor):
    talk_round = new_round(end_date=FEB_18, status=Round.Status.SCHEDULED)

    assert "Give the first day as well as the last" in messages_on("start_date", round_save, talk_round, by=editor)
    assert not Round.objects.filter(uuid=talk_round.uuid).exists()


@pytest.mark.parametrize("status", [Round.Status.UNDER_WAY, Round.Status.CONCLUDED])
def test_it_refuses_a_round_under_way_or_concluded_without_a_start_date(status, editor):
    talk_round = new_round(status=status)

    message = messages_on("start_date", round_save, talk_round, by=editor)

    assert "under way or concluded needs its first day" in message


@pytest.mark.parametrize("status", [Round.Status.SCHEDULED, Round.Status.CANCELLED])
def test_it_accepts_a_scheduled_or_cancelled_round_without_dates_or_place(status, editor):
    talk_round = round_save(Round(process=ProcessFactory(), status=status), by=editor)
    assert Round.objects.get(pk=talk_round.pk).start_date is None


def test_it_refuses_a_second_round_with_the_same_ordinal_in_a_process(editor):
    first = RoundFactory(ordinal=3)
    second = new_round(process=first.process, ordinal=3, start_date=FEB_17, status=Round.Status.CONCLUDED)

    message = messages_on("ordinal", round_save, second, by=editor)

    assert "already has a round with this number" in message
    assert first.process.rounds.count() == 1


def test_it_accepts_the_same_ordinal_in_another_process(editor):
    RoundFactory(ordinal=3)
    other = RoundFactory(ordinal=3)
    assert Round.objects.filter(ordinal=3).count() == 2
    assert other.pk


def test_it_refuses_a_concluded_round_that_starts_in_the_future(editor):
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    talk_round = new_round(start_date=next_week, status=Round.Status.CONCLUDED)

    assert "has not started yet cannot be concluded" in messages_on("status", round_save, talk_round, by=editor)


def test_it_accepts_a_scheduled_round_in_the_future(editor):
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    talk_round = round_save(new_round(start_date=next_week, status=Round.Status.SCHEDULED), by=editor)
    assert talk_round.pk


@pytest.mark.parametrize("field", ["start_date", "end_date"])
def test_it_refuses_round_dates_before_1900(field, editor):
    values = {"start_date": datetime.date(1899, 12, 30), "end_date": datetime.date(1899, 12, 31)}
    talk_round = new_round(status=Round.Status.CONCLUDED, **values)

    assert "Dates before 1900 are refused" in messages_on(field, round_save, talk_round, by=editor)


# --- sessions ----------------------------------------------------------------------------------


def test_it_refuses_a_session_outside_its_rounds_dates(editor):
    talk_round = RoundFactory(start_date=FEB_17, end_date=FEB_18)
    session = Session(round=talk_round, date=datetime.date(2026, 2, 19))

    message = messages_on("date", session_save, session, by=editor)

    assert "must fall within the round's dates (17–18 Feb 2026)" in message
    assert not talk_round.sessions.exists()


def test_it_accepts_a_session_on_the_last_day_of_its_round(editor):
    talk_round = RoundFactory(start_date=FEB_17, end_date=FEB_18)
    session_save(Session(round=talk_round, date=FEB_18), by=editor)
    assert talk_round.sessions.count() == 1


def test_it_refuses_a_session_when_its_round_has_no_dates(editor):
    talk_round = round_save(new_round(status=Round.Status.SCHEDULED), by=editor)
    session = Session(round=talk_round, date=FEB_17)

    assert "Give the round its dates before adding a session" in messages_on("date", session_save, session, by=editor)


def test_it_refuses_a_session_time_without_a_time_zone(editor):
    session = Session(round=RoundFactory(), date=FEB_17, start_time=datetime.time(10, 0))

    assert "Give the time zone of the times" in messages_on("time_zone", session_save, session, by=editor)


def test_it_refuses_a_time_zone_that_is_not_a_time_zone_name(editor):
    session = Session(round=RoundFactory(), date=FEB_17, start_time=datetime.time(10, 0), time_zone="Europe/Geneva")

    message = messages_on("time_zone", session_save, session, by=editor)

    assert "'Europe/Geneva' is not a time zone name" in message


def test_it_refuses_a_session_that_ends_before_it_starts(editor):
    session = Session(
        round=RoundFactory(),
        date=FEB_17,
        start_time=datetime.time(15, 0),
        end_time=datetime.time(11, 30),
        time_zone="Europe/Zurich",
    )

    assert "cannot end before it starts" in messages_on("end_time", session_save, session, by=editor)


def test_it_accepts_a_session_with_times_in_a_named_time_zone(editor):
    session = session_save(
        Session(
            round=RoundFactory(),
            date=FEB_17,
            start_time=datetime.time(10, 0),
            end_time=datetime.time(16, 0),
            time_zone="Europe/Zurich",
        ),
        by=editor,
    )
    assert Session.objects.get(pk=session.pk).time_zone == "Europe/Zurich"


# --- sources -----------------------------------------------------------------------------------


def test_it_refuses_a_source_published_in_the_future(editor):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    source = Source(outlet="Reuters", published_on=tomorrow)

    assert "is in the future" in messages_on("published_on", source_save, source, by=editor)


def test_it_refuses_a_source_known_through_itself(editor):
    source = SourceFactory()
    source.via = source

    assert "cannot be known through itself" in messages_on("via", source_save, source, by=editor)
