"""Golden answers: every API route and every page answers as it did when the answers were
recorded, so that a change made for speed (issue 19) is shown to change no answer.

The record is the benchmark generator's at a small scale and a fixed seed, with every
timeline built and a few editorial steps on top (tests/golden_record.py). Each group of
answers (the API, the analysts' pages, the editors' pages, the Atom feeds, the changes
feed) is compared with its file in tests/golden/, after what differs from run to run is
normalised (tests/golden_normal.py); a failure shows the first answers that differ, as a
diff. What is asked is in tests/golden_requests.py: the API is walked from its schema, so
that a new route is read, and fails until it is recorded, without being listed.

A failing run shows what changed. When that change is meant, record the answers again, on
PostgreSQL, and say in the commit which answers changed and why:

    NEGOTRACK_RECORD_GOLDEN=1 SECRET_KEY=x HTTPS_ONLY=0 DATABASE_URL=postgres://… REDIS_URL=redis://… \\
      .venv/bin/python -m pytest -p no:cacheprovider tests/test_golden_answers.py

Recording writes tests/golden/<group>.json.gz and skips the comparison; without the
variable nothing is ever written.

The answers are recorded on PostgreSQL and compared in both of CI's passes, but for two
that depend on the database: the schema (its integer bounds come from the database:
32767 for a small integer on PostgreSQL, none on SQLite), compared on PostgreSQL only, and
the changes feed, whose test is marked `postgres`: jsonb gives the `refs` keys in
PostgreSQL's own order, and a savepoint rolled back on PostgreSQL still takes a change-log
id, so the cursors after it differ by one. Everything else answers alike on both (the
statement search included: the words searched for match whole words only).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection, transaction

import issues.pages.views.base
import negotrack.api
import tests.golden_requests
from negotrack.throttling import AnonymousReadThrottle
from tests.feed import FEED_DB, settle
from tests.golden_normal import Names, differences, feed_cursors, normalised, recorded_answers, recording, write_answers
from tests.golden_record import GoldenRecord, build
from tests.golden_requests import GROUPS, Reader, read_changes

pytestmark = pytest.mark.slow

# Answers that depend on the database they come from, compared on PostgreSQL only.
POSTGRESQL_ONLY = {"anonymous /api/v1/schema/"}


def compare_with_recorded(group: str, reader: Reader) -> None:
    if recording():
        assert connection.vendor == "postgresql", "Golden answers are recorded on PostgreSQL (the docstring says why)."
        path = write_answers(group, reader.answers)
        pytest.skip(f"recorded {len(reader.answers)} answers in {path}; run again without recording to compare")
    expected, actual = recorded_answers(group), reader.answers
    if connection.vendor != "postgresql":
        for key in POSTGRESQL_ONLY:
            expected.pop(key, None)
            actual.pop(key, None)
    report = differences(expected, actual)
    if report:
        pytest.fail(f"The {group} answers differ from tests/golden/{group}.json.gz:\n{report}", pytrace=False)


def personas(record: GoldenRecord) -> dict:
    return {"editor": record.editor, "reviewer": record.reviewer}


@pytest.fixture(scope="class")
def golden(django_db_setup, django_db_blocker):
    """The record, built once for the class and rolled back after it, with the names of
    its UUIDs."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build()
        yield built, Names()
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestEveryAnswerIsAsRecorded:
    @pytest.mark.parametrize("group", GROUPS)
    def test_the_group_answers_as_recorded(self, golden, group):
        built, names = golden
        reader = Reader(personas(built), lambda text: normalised(text, names))
        GROUPS[group](reader, built)
        compare_with_recorded(group, reader)

    @pytest.mark.parametrize("group", ["api", "pages"])
    def test_answers_kept_for_the_next_reader_are_the_recorded_ones(self, golden, group, settings, monkeypatch):
        """Read twice with answers kept (negotrack.answers): the second reading, served
        what the first kept wherever it could be, answers as recorded too."""
        if recording():
            pytest.skip("recording")
        settings.ANSWERS_KEPT_SECONDS = 600
        # The reader empties the cache before each request, for the rate limits' sake: here
        # it keeps the answers, and the limits stand aside.
        monkeypatch.setattr(tests.golden_requests, "cache", SimpleNamespace(clear=lambda: None))
        monkeypatch.setattr(AnonymousReadThrottle, "allow_request", lambda self, request, view: True)
        built, names = golden
        first, second = (Reader(personas(built), lambda text: normalised(text, names)) for _ in range(2))
        GROUPS[group](first, built)
        served = []
        for module in (negotrack.api, issues.pages.views.base):
            kept = module.kept_answer
            monkeypatch.setattr(module, "kept_answer", lambda *a, f=kept: served.append(answer := f(*a)) or answer)
        GROUPS[group](second, built)
        assert sum(answer is not None for answer in served) > len(second.answers) / 2
        compare_with_recorded(group, second)


@pytest.mark.postgres
@FEED_DB
def test_the_changes_feed_answers_as_recorded():
    """The feed shows committed changes only, so it reads a record of its own, committed
    in one transaction (and flushed after the test)."""
    with transaction.atomic():
        built = build()
    settle()
    names = Names()
    reader = Reader(personas(built), lambda text: feed_cursors(normalised(text, names)))
    read_changes(reader)
    compare_with_recorded("changes", reader)
