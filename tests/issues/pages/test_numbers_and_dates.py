"""Figures and counts are written as English writes numbers (1,000), and days one way
everywhere ("6 Dec 2026"); the API keeps its plain numbers."""

import datetime
import uuid

import pytest

from issues.pages.templatetags.record import number
from issues.timelines import builder
from rounds.dates import format_day, format_reported_date
from tests.factories import AgreementFactory, RoundFactory
from tests.pages import fragment, page, text


@pytest.mark.parametrize(
    ("value", "precision", "written"),
    [
        (datetime.date(2026, 12, 6), "day", "6 Dec 2026"),
        (datetime.date(2026, 2, 16), "week", "week of 16 Feb 2026"),
        (datetime.date(2026, 3, 1), "month", "March 2026"),
    ],
)
def test_a_reported_date_is_written_without_a_leading_zero(value, precision, written):
    assert format_reported_date(value, precision) == written


def test_a_correction_on_a_timeline_is_dated_as_every_other_day():
    notice = builder.Notice("withdrawn", datetime.date(2026, 3, 6), "Misread.")
    record = builder.Input(
        kind="status", record_type="issues.issuestatus", uuid=uuid.uuid4(),
        date=datetime.date(2026, 2, 17), date_precision="day", round_id=None, published_at=None,
        value="agreed", notice=notice,
    )  # fmt: skip
    [entry] = builder.build(builder.Inputs(issue_id=1, issue_name="Territory", records=(record,)))
    assert entry.title == "Withdrawn on 6 Mar 2026: the status “agreed”"
    assert format_day(datetime.date(2026, 3, 6), year=False) == "6 Mar"


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (datetime.date(2026, 2, 4), datetime.date(2026, 2, 5), "4–5 Feb 2026"),
        (datetime.date(2026, 1, 30), datetime.date(2026, 2, 1), "30 Jan – 1 Feb 2026"),
        (datetime.date(2025, 12, 30), datetime.date(2026, 1, 2), "30 Dec 2025 – 2 Jan 2026"),
    ],
)
def test_a_rounds_dates_name_each_year_they_cross(start, end, label):
    assert RoundFactory.build(start_date=start, end_date=end).date_label == label


@pytest.mark.parametrize(
    ("value", "written"),
    [(7, "7"), (1000, "1,000"), (1234567, "1,234,567"), (2500.0, "2,500"), (0.5, "0.5"), ("n/a", "n/a"), (None, None)],
)
def test_the_number_filter_separates_thousands_with_commas(value, written):
    assert number(value) == written


@pytest.mark.django_db
def test_figures_and_counts_are_written_with_thousands_separated_and_the_api_keeps_numbers(client):
    figures = [{"label": "prisoners exchanged", "value": 1000}, {"label": "tonnes of grain", "value": 12500.5}]
    agreement = AgreementFactory(figures=figures, publish=True)

    markup = page(client, f"/rounds/{agreement.round.slug}/")
    card = text(fragment(markup, f"agreement-{agreement.uuid}"))
    assert "1,000 prisoners exchanged" in card and "12,500.5 tonnes of grain" in card

    api = client.get(f"/api/v1/agreements/{agreement.uuid}/").json()
    assert [figure["value"] for figure in api["figures"]] == [1000, 12500.5]
