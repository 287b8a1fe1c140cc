"""Dates as reported: a vague date is the first day of its span, and reads as that span."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from issues.models import IssueStatus, Statement
from issues.services import issue_status_save, statement_save
from rounds.dates import DatePrecision, date_errors, format_reported_date, span_end, span_start, validate_reported_date
from tests.factories import IssueFactory, PersonFactory, ProcessFactory

MONDAY = datetime.date(2026, 2, 16)
WEDNESDAY = datetime.date(2026, 2, 18)
SUNDAY = datetime.date(2026, 2, 22)


@pytest.mark.parametrize("day", [WEDNESDAY, SUNDAY, datetime.date(2026, 2, 17)])
def test_a_date_of_week_precision_must_be_the_monday_of_its_week(day):
    [problem] = date_errors(day, DatePrecision.WEEK)
    assert "stored as the first day of its week: use 2026-02-16" in problem


def test_a_monday_is_a_good_date_of_week_precision():
    assert date_errors(MONDAY, DatePrecision.WEEK) == []


@pytest.mark.parametrize("day", [datetime.date(2026, 2, 17), datetime.date(2026, 2, 28)])
def test_a_date_of_month_precision_must_be_the_first_of_its_month(day):
    [problem] = date_errors(day, DatePrecision.MONTH)
    assert "stored as the first day of its month: use 2026-02-01" in problem


def test_the_first_of_the_month_is_a_good_date_of_month_precision():
    assert date_errors(datetime.date(2026, 2, 1), DatePrecision.MONTH) == []


def test_validate_reported_date_files_the_problem_under_the_given_field():
    with pytest.raises(ValidationError) as refused:
        validate_reported_date(WEDNESDAY, DatePrecision.WEEK, field="carried_out_on")
    assert "use 2026-02-16" in refused.value.message_dict["carried_out_on"][0]


def test_a_future_date_is_refused_only_where_the_future_is_not_allowed():
    next_year = datetime.date.today().replace(year=datetime.date.today().year + 1, month=1, day=1)
    assert date_errors(next_year) == []
    [problem] = date_errors(next_year, allow_future=False)
    assert "is in the future" in problem


@pytest.mark.django_db
def test_a_statement_dated_by_week_on_a_wednesday_is_refused_with_the_monday_to_use(editor):
    statement = Statement(
        process=ProcessFactory(),
        speaker=PersonFactory(),
        date=WEDNESDAY,
        date_precision=DatePrecision.WEEK,
        text="Talks will resume next week.",
    )

    with pytest.raises(ValidationError) as refused:
        statement_save(statement, by=editor)

    assert "use 2026-02-16" in " ".join(refused.value.message_dict["date"])


@pytest.mark.django_db
def test_a_status_dated_by_month_on_the_17th_is_refused_with_the_first_to_use(editor):
    status = IssueStatus(
        issue=IssueFactory(), date=datetime.date(2026, 2, 17), date_precision="month", status="stalled"
    )

    with pytest.raises(ValidationError) as refused:
        issue_status_save(status, by=editor)

    assert "use 2026-02-01" in " ".join(refused.value.message_dict["date"])


@pytest.mark.parametrize(
    ("value", "precision", "last_day"),
    [
        (WEDNESDAY, DatePrecision.DAY, WEDNESDAY),
        (MONDAY, DatePrecision.WEEK, SUNDAY),
        (datetime.date(2026, 12, 28), DatePrecision.WEEK, datetime.date(2027, 1, 3)),
        (datetime.date(2026, 2, 1), DatePrecision.MONTH, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 2, 1), DatePrecision.MONTH, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 12, 1), DatePrecision.MONTH, datetime.date(2026, 12, 31)),
        (datetime.date(2026, 1, 1), DatePrecision.MONTH, datetime.date(2026, 1, 31)),
    ],
)
def test_span_end_is_the_last_day_of_the_span(value, precision, last_day):
    assert span_end(value, precision) == last_day


@pytest.mark.parametrize(
    ("precision", "first_day"),
    [(DatePrecision.DAY, WEDNESDAY), (DatePrecision.WEEK, MONDAY), (DatePrecision.MONTH, datetime.date(2026, 2, 1))],
)
def test_span_start_is_the_first_day_of_the_span(precision, first_day):
    assert span_start(WEDNESDAY, precision) == first_day


@pytest.mark.parametrize(
    ("value", "precision", "text"),
    [
        (MONDAY, DatePrecision.WEEK, "week of 16 Feb 2026"),
        (datetime.date(2026, 2, 2), DatePrecision.WEEK, "week of 2 Feb 2026"),
        (datetime.date(2026, 2, 1), DatePrecision.MONTH, "February 2026"),
        (datetime.date(2026, 2, 5), DatePrecision.DAY, "5 Feb 2026"),
        (None, DatePrecision.DAY, "date not known"),
    ],
)
def test_format_reported_date_reads_as_the_span(value, precision, text):
    assert format_reported_date(value, precision) == text
