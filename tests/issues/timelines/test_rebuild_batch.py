"""Rebuilding many timelines at once (`rebuild_issues`, which `rebuild_timelines` runs): a
batch of issues read in one set of queries and written in one COPY, with the same entries,
fingerprints, marks and change-log events as rebuilding each issue alone."""

import threading
import time

import pytest
from django.db import DatabaseError, connection, connections
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from issues import services
from issues.models import Issue, TimelineEntry, TimelineState
from issues.timelines import builder, rebuild
from negotrack.groups import system_user
from negotrack.models import Change
from tests.factories import (
    AgreementFactory,
    IssueFactory,
    IssueStatusFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)
from tests.feed import FEED_DB

pytestmark = pytest.mark.django_db

COLUMNS = ("position", "key", "kind", "date", "date_precision", "round", "party", "title", "text", "before", "after",
           "record_type", "record_uuid", "sources")  # fmt: skip


def talks(issue_count: int, statements_each: int = 2) -> list[Issue]:
    """Agenda issues of one process, each with a status, a position and statements that
    also concern the next issue (citing a source they share and one of their own); an
    agreement settling the first two, and a withdrawn statement of the first."""
    process = ProcessFactory()
    talk_round = RoundFactory(process=process)
    issues = [IssueFactory(process=process) for _ in range(issue_count)]
    shared = SourceFactory()
    for number, issue in enumerate(issues):
        IssueStatusFactory(issue=issue, round=talk_round, publish=True)
        PositionFactory(issue=issue, round=talk_round, publish=True)
        for n in range(statements_each):
            StatementFactory(process=process, round=talk_round, issues=[issue, issues[(number + 1) % issue_count]],
                             sources=[shared, SourceFactory()], text=f"Statement {n} on {issue.name}.",
                             publish=True)  # fmt: skip
    AgreementFactory(process=process, round=talk_round, issues=issues[:2], publish=True)
    withdrawn = StatementFactory(process=process, round=talk_round, issues=[issues[0]], publish=True)
    services.record_withdraw(withdrawn, by=system_user(), note="Misquoted.")
    return issues


def stored(issue: Issue) -> list[tuple]:
    return list(TimelineEntry.objects.filter(issue=issue).order_by("position").values_list(*COLUMNS))


def rebuilt_events(issues: list[Issue]) -> list[tuple]:
    return list(
        Change.objects.filter(record_type="issues.timeline", record_uuid__in=[issue.uuid for issue in issues])
        .order_by("id")
        .values_list("record_uuid", "record_version")
    )


def test_a_batch_reads_each_issue_as_it_reads_it_alone():
    issues = talks(4)
    together = builder.load_many([issue.pk for issue in issues])
    assert list(together) == [issue.pk for issue in issues]
    for issue in issues:
        alone = builder.load(issue.pk)
        assert together[issue.pk] == alone
        assert builder.fingerprint(together[issue.pk]) == builder.fingerprint(alone)
    kinds = [record.kind for record in together[issues[0].pk].records]
    assert sorted(set(kinds)) == ["agreement", "position", "statement", "status"]
    assert any(record.notice for record in together[issues[0].pk].records)  # the withdrawn statement
    assert [record.kind for record in together[issues[2].pk].records].count("agreement") == 0


def test_rebuilding_in_batches_writes_what_rebuilding_each_issue_alone_writes():
    issues = talks(5)
    results = dict(rebuild.rebuild_issues([issue.pk for issue in issues], batch_size=2))
    assert list(results) == [issue.pk for issue in issues]
    batched = {issue.pk: stored(issue) for issue in issues}
    states = {state.issue_id: state for state in TimelineState.objects.filter(issue__in=issues)}
    for issue in issues:
        result = results[issue.pk]
        assert result is not None and (result.changed, result.current) == (True, True)
        assert result.entries == len(batched[issue.pk]) > 0
        assert states[issue.pk].is_current
        assert states[issue.pk].fingerprint == rebuild.fingerprints([issue.pk])[issue.pk]
    for issue in issues:
        rebuild.rebuild_issue(issue.pk, force=True)
        assert stored(issue) == batched[issue.pk]


def test_a_batch_logs_one_rebuilt_event_per_issue_in_the_order_given_and_none_when_nothing_changed():
    issues = talks(3)
    order = [issues[2], issues[0], issues[1]]
    list(rebuild.rebuild_issues([issue.pk for issue in order]))
    generations = dict(TimelineState.objects.values_list("issue_id", "generation"))
    assert rebuilt_events(issues) == [(issue.uuid, generations[issue.pk]) for issue in order]
    again = dict(rebuild.rebuild_issues([issue.pk for issue in order]))
    assert [(result.changed, result.current, result.entries) for result in again.values()] == [
        (False, True, len(stored(issue))) for issue in order
    ]
    assert len(rebuilt_events(issues)) == 3


def test_a_batch_rebuild_runs_as_many_queries_for_six_issues_as_for_two():
    few, many = talks(2), talks(6, statements_each=4)

    def counted(issues: list[Issue]) -> int:
        with CaptureQueriesContext(connection) as queries:
            results = dict(rebuild.rebuild_issues([issue.pk for issue in issues], force=True))
        assert all(result is not None and result.changed for result in results.values())
        return len(queries)

    assert counted(many) == counted(few)
    assert (
        TimelineEntry.objects.filter(issue__in=many).count() > 3 * TimelineEntry.objects.filter(issue__in=few).count()
    )


def test_a_batch_skips_an_issue_that_no_longer_exists():
    issues = talks(2)
    results = dict(rebuild.rebuild_issues([issues[0].pk, 999_999, issues[1].pk]))
    assert results[999_999] is None
    assert all(results[issue.pk] is not None and results[issue.pk].current for issue in issues)


@pytest.mark.postgres
@FEED_DB
def test_an_edit_that_races_a_batch_has_the_batch_rebuilt_one_issue_at_a_time(monkeypatch):
    """The batch reads every issue in one snapshot; an edit committed meanwhile makes its
    transaction fail when it clears that issue's mark, and each issue is rebuilt alone."""
    monkeypatch.setattr(rebuild, "request_rebuilds", lambda issue_ids: None)  # no rebuild but the test's
    issues = talks(3)
    ids = [issue.pk for issue in issues]
    late = StatementFactory(process=issues[1].process, issues=[issues[1]], text="A statement published late.")
    real_timelines = rebuild.timelines_of
    loads = []

    def publish_late() -> None:
        try:
            services.draft_publish(late, by=system_user())
        finally:
            connections.close_all()

    def load_then_edit(issue_ids):
        timelines = real_timelines(issue_ids)
        if not loads:  # an edit commits after the batch has taken its snapshot
            editor = threading.Thread(target=publish_late)
            editor.start()
            editor.join(30)
        loads.append(list(issue_ids))
        return timelines

    monkeypatch.setattr(rebuild, "timelines_of", load_then_edit)
    results = dict(rebuild.rebuild_issues(ids))
    assert loads == [ids, [ids[0]], [ids[1]], [ids[2]]]
    assert all(result is not None and result.current for result in results.values())
    assert not TimelineState.objects.exclude(built_generation=F("generation")).exists()
    assert f"statement:{late.uuid}" in [key for _, key, *_ in stored(issues[1])]
    generations = dict(TimelineState.objects.values_list("issue_id", "generation"))
    assert rebuilt_events(issues) == [(issue.uuid, generations[issue.pk]) for issue in issues]


# --- several batches at once, each on a connection of its own (PostgreSQL) ---------------------------


def backends() -> int:
    """The sessions open on the test database, this one's included."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def batches_seen(monkeypatch) -> list[tuple[threading.Thread, list[int]]]:
    """Each batch rebuilt from now on, with the thread that rebuilt it."""
    seen = []
    real_batch = rebuild._rebuild_batch

    def noted(batch, *, force):
        seen.append((threading.current_thread(), list(batch)))
        return real_batch(batch, force=force)

    monkeypatch.setattr(rebuild, "_rebuild_batch", noted)
    return seen


def back_to(count: int) -> bool:
    """The sessions closed come down to `count` (a server process ends a moment after its
    client has said goodbye)."""
    deadline = time.monotonic() + 10
    while backends() != count and time.monotonic() < deadline:
        time.sleep(0.05)
    return backends() == count


@pytest.mark.postgres
@FEED_DB
def test_batches_rebuilt_on_two_connections_write_what_one_connection_writes_and_close_theirs(monkeypatch):
    issues = talks(7)
    ids = [issue.pk for issue in issues]
    order = ids[3:] + ids[:3]
    list(rebuild.rebuild_issues(ids, force=True, batch_size=2))
    alone = {issue.pk: stored(issue) for issue in issues}
    seen = batches_seen(monkeypatch)
    before = backends()
    results = list(rebuild.rebuild_issues(order, force=True, batch_size=2, connections=2))
    assert [issue_id for issue_id, _ in results] == order
    assert all(result is not None and result.changed and result.current for _, result in results)
    threads = {thread.name for thread, _ in seen}
    assert len(threads) == 2 and all(name.startswith("timeline-rebuild") for name in threads)
    assert {issue.pk: stored(issue) for issue in issues} == alone
    assert not TimelineState.objects.exclude(built_generation=F("generation")).exists()
    assert back_to(before)


@pytest.mark.postgres
@FEED_DB
def test_a_batch_that_fails_on_its_connection_fails_the_rebuild_and_its_issues_stay_as_they_were(monkeypatch):
    issues = talks(4)
    ids = [issue.pk for issue in issues]
    list(rebuild.rebuild_issues(ids, force=True))
    kept = {issue.pk: stored(issue) for issue in issues}
    real_timelines = rebuild.timelines_of

    def failing(issue_ids):
        if issues[2].pk in issue_ids:
            raise DatabaseError("the server went away")
        return real_timelines(issue_ids)

    monkeypatch.setattr(rebuild, "timelines_of", failing)
    before = backends()
    with pytest.raises(DatabaseError, match="went away"):
        list(rebuild.rebuild_issues(ids, force=True, batch_size=2, connections=2))
    assert {issue.pk: stored(issue) for issue in issues} == kept
    assert back_to(before)


def test_inside_a_transaction_the_batches_run_on_its_connection_one_after_another(monkeypatch):
    """Another connection could not see the transaction's rows (a test's, here)."""
    issues = talks(3)
    seen = batches_seen(monkeypatch)
    results = dict(rebuild.rebuild_issues([issue.pk for issue in issues], batch_size=1, connections=2))
    assert all(result is not None and result.changed for result in results.values())
    assert seen == [(threading.main_thread(), [issue.pk]) for issue in issues]
