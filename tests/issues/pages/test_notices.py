"""A withdrawn statement shows on every page only as its correction notice (the day it was
withdrawn and why), never its text; and the counts of statements count the published ones."""

import datetime

import pytest

from issues import services
from issues.pages.feeds import ProcessStatementFeed
from tests.factories import IssueFactory, PartyFactory, PersonFactory, RoundFactory, StatementFactory
from tests.pages import fragment, page, section, text, urls

pytestmark = pytest.mark.django_db

WITHDRAWN_ON = datetime.date(2026, 2, 20)
LONG_TEXT = "Слова, в которых мы ошиблись. " * 1600  # some 90 KB, within the 50,000 characters a text takes


@pytest.fixture
def withdrawn(reviewer, django_capture_on_commit_callbacks):
    """Two published statements by one speaker at a round, and a third, the newest, withdrawn."""
    issue = IssueFactory()
    talk_round = RoundFactory(process=issue.process)
    # A second round, so that the compare page has two to show.
    RoundFactory(process=issue.process, start_date=datetime.date(2026, 1, 10), end_date=datetime.date(2026, 1, 10))
    person, party = PersonFactory(name="Anna Envoy"), PartyFactory(name="Ruritania")
    said = {"process": issue.process, "round": talk_round, "speaker": person, "party": party, "issues": [issue]}
    for day in (17, 18):
        StatementFactory(**said, date=datetime.date(2026, 2, day), text=f"Said on {day} Feb.", publish=True)
    wrong = StatementFactory(**said, date=datetime.date(2026, 2, 19), text=LONG_TEXT, publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.record_withdraw(wrong, by=reviewer, note="Misattributed.", on_date=WITHDRAWN_ON)
    pages = urls(process=issue.process, talk_round=talk_round, issue=issue, person=person, party=party)
    return wrong, pages


@pytest.mark.parametrize("name", ["home", "round", "person", "statements", "compare"])
def test_a_withdrawn_statement_shows_its_notice_and_not_its_text(client, withdrawn, name):
    wrong, pages = withdrawn
    markup = page(client, pages[name])
    assert "Слова, в которых мы ошиблись." not in markup
    card = text(fragment(markup, f"statement-{wrong.uuid}"))
    assert card.endswith("Withdrawn on 20 Feb 2026: Misattributed.")
    assert "Anna Envoy" in markup


def test_the_issue_timeline_and_the_feed_show_no_text_of_a_withdrawn_statement(client, withdrawn):
    wrong, pages = withdrawn
    timeline = section(page(client, pages["issue"]), "timeline")
    assert "Withdrawn on 20 Feb 2026" in timeline
    assert "Слова, в которых мы ошиблись." not in timeline
    feed = client.get(f"/processes/{wrong.process.slug}/statements.atom").content.decode()
    assert "Withdrawn on 20 Feb 2026" in feed and "Misattributed." in feed
    assert "Слова, в которых мы ошиблись." not in feed
    assert ProcessStatementFeed().item_title(wrong) == "Withdrawn on 20 Feb 2026: Anna Envoy (Ruritania)"


def test_the_counts_of_statements_count_the_published_ones(client, withdrawn):
    wrong, pages = withdrawn
    assert "2 statements at this round." in section(page(client, pages["round"]), "statements")
    assert "2 statements on record." in section(page(client, pages["person"]), "statements")
    assert section(page(client, pages["statements"] + f"?round={wrong.round.slug}"), "results").startswith(
        "2 statements found"
    )
    compare = section(page(client, pages["compare"]), "statements")
    assert "2 statements." in compare
