"""The record the golden answers are read from (tests/test_golden_answers.py): the benchmark
generator's record at a small scale and a fixed seed, every timeline built, and a few
editorial steps on top, so that drafts, a correction, a withdrawal, a draft sent back, an
agreement and a change awaiting review show wherever they show.

Everything here is a function of the seed, ids and UUIDs included (`ids_from_one`,
`seeded_uuids`), except what the answers normalise away (tests/golden_normal.py):
created, updated and published times, and transaction ids.
"""

from __future__ import annotations

import datetime
import io
import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from unittest import mock

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from delegations.models import Attendance, Membership, Party, Person
from delegations.services import attendance_save, person_save
from issues import services
from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Statement
from negotrack.groups import EDITORS, REVIEWERS
from negotrack.pagination import Pagination
from negotrack.records import User
from rounds.models import Process, Round, Session, Source
from tests.conftest import _user

# Small enough to generate in a few seconds; large enough that statements, sources and
# memberships span pages (1,000 statements, 250 sources) and the CSV is read in two chunks.
SCALE = 0.02
SEED = 19

# The editorial steps happen on fixed days after the invented record ends (30 June 2026).
WITHDRAWN_ON = datetime.date(2026, 7, 2)
CORRECTED_AT = datetime.datetime(2026, 7, 3, 9, 0, tzinfo=datetime.UTC)
AGREED_AT = datetime.datetime(2026, 7, 3, 10, 0, tzinfo=datetime.UTC)


@dataclass
class GoldenRecord:
    """What the requests name: the personas, and the records the editorial steps touched."""

    editor: User
    reviewer: User
    process: Process
    last_round: Round
    issue: Issue
    withdrawn: Statement
    draft: Statement


def build() -> GoldenRecord:
    """The benchmark record with its timelines and the editorial steps, in the caller's
    transaction (the timelines are rebuilt here: no commit runs the rebuilds after it)."""
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    ids_from_one()
    with seeded_uuids():
        call_command("generate_bench_data", scale=SCALE, seed=SEED, **quiet)
        editor = _user("golden-editor", groups=[EDITORS], is_staff=True)
        reviewer = _user("golden-reviewer", groups=[REVIEWERS], is_staff=True)
        record = editorial_steps(editor, reviewer)
    call_command("rebuild_timelines", all=True, verbosity=0, **quiet)
    sources_pages_end_between_ties()
    return record


def sources_pages_end_between_ties() -> None:
    """The sources list's first two pages, which the test reads, must each end between two
    sources that do not tie (same day, same outlet: tests/golden_normal.py), or which
    sources a page holds would be up to the database. A seed decides it once and for all."""
    size = Pagination.page_size
    ends = list(Source.objects.values_list("published_on", "outlet")[: 2 * size + 1])
    for end in (size, 2 * size):
        assert ends[end - 1] != ends[end], f"with seed {SEED} the sources tied across the end of page {end // size}"


@contextmanager
def seeded_uuids() -> Iterator[None]:
    """New records' UUIDs drawn from a seeded generator, not the system's: entries of a
    timeline that share a day are ordered by their records' UUIDs (their keys), which
    also decides which statements an issue page shows, so the record needs the same
    UUIDs in every run. (uuid.uuid4 takes its 16 bytes from `os.urandom`.)"""
    drawn = random.Random(SEED)
    with mock.patch.object(uuid, "os", SimpleNamespace(urandom=drawn.randbytes)):
        yield


def ids_from_one() -> None:
    """Every empty table's ids start at 1 again, so that the same record has the same ids
    in every run: a rollback does not rewind PostgreSQL's sequences, and a flush (after a
    test that commits) does not reset SQLite's. Ids show in the entry page's choices and
    in the statements' cursors. A table that holds rows keeps its sequence."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        empty = []
        for sequence in connection.introspection.sequence_list():
            cursor.execute(f"SELECT 1 FROM {quote(sequence['table'])} LIMIT 1")
            if cursor.fetchone() is None:
                empty.append(sequence)
        for statement in connection.ops.sequence_reset_by_name_sql(no_style(), empty):
            cursor.execute(statement)


def editorial_steps(editor: User, reviewer: User) -> GoldenRecord:
    """At the last round of the first process: its newest statement withdrawn, the first
    issue's status corrected, an agreement published, a statement left a draft, a position
    sent back, an edit to a speaker's description waiting for review, and the heads of
    delegation at the first session (the generator records no attendance)."""
    process = Process.objects.order_by("slug").first()
    assert process is not None, "the generator wrote no process"
    last_round = Round.objects.for_process(process).chronological().last()
    issue = Issue.objects.filter(process=process).order_by("sort_order", "name", "id").first()
    assert last_round is not None and issue is not None
    said = Statement.objects.published().filter(round=last_round, speaker__isnull=False, party__isnull=False)
    newest, speaker = said.order_by("-date", "-id")[:2]
    withdrawn = services.record_withdraw(
        newest, by=reviewer, note="The words were the mediator's, not the speaker's.", on_date=WITHDRAWN_ON
    )

    assessed = IssueStatus.objects.published().get(issue=issue, round=last_round)
    correction = services.correction_start(assessed, by=editor)
    correction.status = "progress" if assessed.status != "progress" else "discussed"
    correction.summary = "Corrected: the reports of the last day tell of progress."
    services.issue_status_save(correction, by=editor, sources=list(assessed.sources.all()))
    services.draft_publish(correction, by=reviewer, at=CORRECTED_AT)

    parties = list(Party.objects.filter(delegations__round=last_round).order_by("slug")[:2])
    source = speaker.sources.order_by("id").first()
    agreement = Agreement(
        process=process,
        round=last_round,
        title="Exchange of prisoners of war",
        terms="Each side releases 157 prisoners of war.",
        figures=[{"label": "released by each side", "value": 157}],
    )
    services.agreement_save(agreement, by=editor, parties=parties, issues=[issue], sources=[source])
    services.draft_publish(agreement, by=reviewer, at=AGREED_AT)

    draft = Statement(
        process=process,
        round=last_round,
        speaker=speaker.speaker,
        party=speaker.party,
        date=last_round.end_date,
        text="We will meet again within a month. The technical groups continue their work.",
    )
    services.statement_save(draft, by=editor, issues=[issue], sources=[source])

    position = Position(issue=issue, party=parties[0], round=last_round, stance="ready to exchange all for all")
    services.position_save(position, by=editor, sources=[source])
    services.draft_send_back(position, by=reviewer, note="Cite the readout that says so.")

    person = Person.objects.get(pk=speaker.speaker_id)
    person.description = "Described anew by an editor, waiting for review."
    person_save(person, by=editor)
    session = Session.objects.filter(round=last_round).order_by("date", "id").first()
    for head in Membership.objects.filter(delegation__round=last_round, role__in=["head", "chair"]).order_by("id"):
        attendance_save(Attendance(session=session, membership=head), by=reviewer)
    assert withdrawn.state == PublicationState.WITHDRAWN
    return GoldenRecord(editor, reviewer, process, last_round, issue, withdrawn, draft)
