"""Statements proposed from a report on the demo record: speakers on record and not,
pronouns and titles followed back, days, issues, statements already on record, the
report's source, the least sure first, and a query count that a longer report does not
change."""

import datetime

import pytest

from delegations.models import Person
from issues.models import PublicationState, Statement
from issues.proposals.propose import propose
from issues.proposals.report import Report
from issues.proposals.speakers import Sureness
from rounds.models import Round, Source
from rounds.services import source_save

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

STORY = "\n".join(
    [
        "Skip to main content",
        "Talks in Geneva end without a deal",
        "GENEVA, Feb 18 (Wire) - Ukrainian President Volodymyr Zelensky said on Tuesday that the "
        "monitoring of a ceasefire was the most advanced part of the talks.",
        '"We are ready to work on a ceasefire monitoring mission," he told reporters. "But not at any price."',
        'Kremlin spokesman Dmitry Peskov said the talks had been "difficult but businesslike".',
        '"The territorial question remains the main one," the Kremlin spokesman told journalists on Wednesday.',
        'Swiss Foreign Minister Ignazio Cassis said: "Switzerland is ready to host the next round of talks."',
        '"The prisoner exchange will go ahead this week," a senior Ukrainian official said.',
        "Advertisement",
        "Sign up for our newsletter",
        "",
    ]
)


def proposed(text=STORY, **given):
    talk_round = Round.objects.get(slug="geneva-2026-02-17")
    return propose(talk_round, Report(text=text, published_on=datetime.date(2026, 2, 18), **given))


def by_words(proposals):
    return {" ".join(proposal.words.split()[:5]): proposal for proposal in proposals.statements}


def test_who_said_what_and_when():
    found = by_words(proposed())
    zelensky = Person.objects.get(slug="volodymyr-zelensky")
    peskov = Person.objects.get(slug="dmitry-peskov")
    said = found["the monitoring of a ceasefire"]
    assert (said.kind, said.speaker.person, said.date, said.speaker.sureness) == (
        "paraphrase",
        zelensky,
        datetime.date(2026, 2, 17),
        Sureness.EXACT,
    )
    ready = found["We are ready to work"]
    assert (ready.kind, ready.speaker.person, ready.speaker.sureness) == ("quote", zelensky, Sureness.FOLLOWED)
    assert ready.medium == Statement.Medium.PRESS_REMARKS and ready.medium_words == "told reporters"
    assert ready.date == datetime.date(2026, 2, 17)  # the same voice's day, carried
    assert ready.translated  # Zelensky's name is on record in Ukrainian: his English words are a translation
    assert found["But not at any price."].speaker.person == zelensky
    territory = found["The territorial question remains the"]
    assert (territory.speaker.person, territory.date) == (peskov, datetime.date(2026, 2, 18))
    assert "russia-ukraine-territory" in {issue.slug for issue in territory.issues}
    cassis = found["Switzerland is ready to host"]
    assert (cassis.speaker.person, cassis.speaker.new_name, cassis.speaker.sureness) == (
        None,
        "Ignazio Cassis",
        Sureness.NEW,
    )
    unnamed = found["The prisoner exchange will go"]
    assert (unnamed.speaker.person, unnamed.speaker.description) == (None, "a senior Ukrainian official")
    assert unnamed.speaker.party is not None and unnamed.speaker.party.slug == "ukraine"
    assert "russia-ukraine-prisoner-exchange" in {issue.slug for issue in unnamed.issues}


def test_the_least_sure_first_and_nothing_saved():
    before = (Statement.objects.count(), Source.objects.count(), Person.objects.count())
    sureness = [proposal.sureness for proposal in proposed().statements]
    assert sureness == sorted(sureness)
    assert (Statement.objects.count(), Source.objects.count(), Person.objects.count()) == before


def test_what_the_report_says_of_itself_and_a_source_on_record(editor):
    source = source_save(
        Source(outlet="Wire", title="Talks end", url="https://wire.example/geneva-talks-end"), by=editor
    )
    proposals = proposed(url=source.url)
    assert proposals.source == source
    assert proposals.body.title == "Talks in Geneva end without a deal"
    assert proposals.body.outlet == "Wire"
    assert proposed().source is None


def test_words_already_on_record_are_marked():
    statement = Statement.objects.filter(state=PublicationState.PUBLISHED, kind="quote").order_by("pk").first()
    speaker = statement.speaker.name
    text = f'{speaker} told reporters: "{statement.text}"'
    [proposal] = proposed(text + "\n").statements
    assert proposal.on_record == statement


def test_a_longer_report_costs_no_more_queries(django_assert_max_num_queries, django_assert_num_queries):
    with django_assert_max_num_queries(12) as short:
        proposed()
    with django_assert_num_queries(len(short.captured_queries)):
        proposals = proposed("\n".join([STORY] * 20))
    assert len(proposals.statements) >= 20 * 7


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x00",
        "“" * 500,
        '"' * 1001,
        "« » “ ” „ ‟ ' \" " * 300,
        "Zelensky said that.",
        "a\n" * 5000,
        # Paragraphs of the longest report, in thousands of sentences and quotes: each
        # is read once, not again for every quote (they took minutes before).
        ("Zelensky said that the talks were hard. " * 6000)[:200_000],
        ('"We are ready to talk," he said. ' * 8000)[:200_000] + ".",
    ],
)
def test_odd_texts_propose_without_failing(text):
    assert isinstance(proposed(text).statements, list)
