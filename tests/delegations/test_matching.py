"""The person matcher: who a name as a report writes it names, and whom a new person may be."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from delegations.matching import Outcome, PersonMatcher, edits_allowed, match_person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker):
    """The people of the table, made once for the module and rolled back after it. Two
    Dmitrievs (Kirill is the round's delegate) and two of one name tell the ambiguous cases."""
    with django_db_blocker.unblock(), transaction.atomic():
        made = {
            person.slug: person
            for person in [
                PersonFactory(name="Rustem Umerov", aliases="Umerov\nUmjerow\nУмєров"),
                PersonFactory(name="Vladimir Medinsky", aliases="Мединский"),
                PersonFactory(name="Hakan Fidan"),
                PersonFactory(name="Jean-Yves Le Drian"),
                PersonFactory(name="Kirill Dmitriev"),
                PersonFactory(name="Dmitry Dmitriev"),
                PersonFactory(name="Sergei Ivanov"),
                PersonFactory(name="Sergei Ivanov"),
            ]
        }
        yield made
        transaction.set_rollback(True)


DELEGATES = ("kirill-dmitriev",)

# What a name typed as reports write it names: (typed, with the round's delegates, outcome,
# the slugs of the people it gives, in order).
TABLE = [
    # exact: the full name, whatever the case and spacing
    ("Rustem Umerov", False, Outcome.RESOLVED, ["rustem-umerov"]),
    ("  rustem   UMEROV ", False, Outcome.RESOLVED, ["rustem-umerov"]),
    # a surname
    ("Medinsky", False, Outcome.RESOLVED, ["vladimir-medinsky"]),
    ("Fidan", False, Outcome.RESOLVED, ["hakan-fidan"]),
    # an alias, in any script
    ("Umjerow", False, Outcome.RESOLVED, ["rustem-umerov"]),
    ("умєров", False, Outcome.RESOLVED, ["rustem-umerov"]),
    ("МЕДИНСКИЙ", False, Outcome.RESOLVED, ["vladimir-medinsky"]),
    # another part of a name, in whole words
    ("Hakan", False, Outcome.RESOLVED, ["hakan-fidan"]),
    ("le drian", False, Outcome.RESOLVED, ["jean-yves-le-drian"]),
    ("Jean Yves", False, Outcome.RESOLVED, ["jean-yves-le-drian"]),
    # a slug names one of two people of the same name
    ("sergei-ivanov-2", False, Outcome.RESOLVED, ["sergei-ivanov-2"]),
    # transliteration: close in Latin letters, suggested, never chosen
    ("Умеров", False, Outcome.SUGGESTIONS, ["rustem-umerov"]),
    ("Мединський", False, Outcome.SUGGESTIONS, ["vladimir-medinsky"]),
    ("Фидан", False, Outcome.SUGGESTIONS, ["hakan-fidan"]),
    # misspelling: a letter missing, extra or changed
    ("Medinskiy", False, Outcome.SUGGESTIONS, ["vladimir-medinsky"]),
    ("Medinskyy", False, Outcome.SUGGESTIONS, ["vladimir-medinsky"]),
    ("Vladimir Medinskyy", False, Outcome.SUGGESTIONS, ["vladimir-medinsky"]),
    ("Umerow", False, Outcome.SUGGESTIONS, ["rustem-umerov"]),
    ("Fidam", False, Outcome.SUGGESTIONS, ["hakan-fidan"]),
    ("Dmitrijev", True, Outcome.SUGGESTIONS, ["kirill-dmitriev", "dmitry-dmitriev"]),
    # ambiguous: the people it could be
    ("Dmitriev", False, Outcome.AMBIGUOUS, ["dmitry-dmitriev", "kirill-dmitriev"]),
    ("Sergei Ivanov", True, Outcome.AMBIGUOUS, ["sergei-ivanov", "sergei-ivanov-2"]),
    # ambiguous, settled by the round's delegates
    ("Dmitriev", True, Outcome.RESOLVED, ["kirill-dmitriev"]),
    # unknown
    ("Kirill Budanov", False, Outcome.UNKNOWN, []),
    ("Medin", False, Outcome.UNKNOWN, []),  # a piece of a word is no part of a name
    ("Ivan", False, Outcome.UNKNOWN, []),
    ("   ", False, Outcome.UNKNOWN, []),
]


@pytest.mark.parametrize(("typed", "at_round", "outcome", "slugs"), TABLE)
def test_a_name_as_reports_write_it_names_whom_the_table_says(people, typed, at_round, outcome, slugs):
    prefer = {people[slug].pk for slug in DELEGATES} if at_round else set()

    found = match_person(typed, prefer=prefer)

    assert (found.outcome, [person.slug for person in found.people]) == (outcome, slugs)
    assert found.person == (people[slugs[0]] if outcome is Outcome.RESOLVED else None)


@pytest.mark.parametrize(("word", "edits"), [("Kim", 0), ("Fidan", 1), ("Umerov", 2), ("Medinsky", 2)])
def test_longer_words_may_be_further_off(word, edits):
    assert edits_allowed(word) == edits


def queries(call):
    with CaptureQueriesContext(connection) as captured:
        result = call()
    return result, [query["sql"] for query in captured]


def test_a_name_that_fits_costs_one_query_narrowed_by_the_database(people):
    found, sql = queries(lambda: match_person("Umerov"))

    assert found.outcome is Outcome.RESOLVED
    assert len(sql) == 1 and "WHERE" in sql[0]


def test_close_spellings_cost_one_more_query_once_for_all_the_names_a_matcher_is_given(people):
    matcher = PersonMatcher()

    outcomes, sql = queries(lambda: [matcher.match(name).outcome for name in ("Medinskiy", "Umerow", "Nobody")])

    assert outcomes == [Outcome.SUGGESTIONS, Outcome.SUGGESTIONS, Outcome.UNKNOWN]
    assert len(sql) == 3 + 1  # each name narrowed, then everyone's names read once


@pytest.mark.parametrize(
    ("names", "slugs"),
    [
        (["Vladimir Medinskiy"], ["vladimir-medinsky"]),
        (["Medinsky"], ["vladimir-medinsky"]),
        (["Umjerow"], ["rustem-umerov"]),
        (["Kyrylo Budanov", "Umerow"], ["rustem-umerov"]),  # by an alias of the new person
        (["Dmitriev"], ["dmitry-dmitriev", "kirill-dmitriev"]),
        (["Kyrylo Budanov", "Budanow"], []),
    ],
)
def test_a_new_person_looks_like_whom_their_names_would_name_or_nearly(people, names, slugs):
    found, sql = queries(lambda: PersonMatcher().lookalikes(names))

    assert [person.slug for person in found] == slugs
    assert len(sql) == 1
