"""Timelines kept by real Celery processes, through faults: a Redis server and workers of
the test's own (never the shared ones), a frozen broker, a worker killed in the middle of
a rebuild, rebuilds delivered twice or run at once, and bursts of edits."""

from __future__ import annotations

import datetime
import re
import signal
import threading
import time

import pytest
from django.db import connection, connections
from django.db.models import F
from django.utils import timezone
from redis import Redis

from issues import services
from issues.models import Issue, PublicationState, Statement, StatementIssue, TimelineEntry, TimelineState
from issues.timelines import builder, rebuild, tasks
from negotrack.bulk import create_records
from negotrack.celery import app
from negotrack.groups import system_user
from negotrack.models import Change
from rounds.services import source_save
from tests import processes
from tests.factories import (
    IssueFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)
from tests.processes import wait_for

# Transactional, so that the worker sees what the test commits; serialized rollback, so
# that the flush after each test keeps the groups a data migration made.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FEB_17 = datetime.date(2026, 2, 17)
STATEMENTS = "/api/v1/statements/"


@pytest.fixture(autouse=True)
def _services_here():
    reason = processes.missing()
    if reason:
        pytest.skip(reason)


class Stack:
    """Our own Redis, this process's Celery pointed at it, and the workers and beats started
    on it; every process is stopped at the end of the test, whatever happened."""

    def __init__(self, directory, redis, url):
        self.directory, self.redis, self.url = directory, redis, url
        self.env = processes.celery_env(url, TIMELINE_RECONCILE_SECONDS="1")
        self.started: list[processes.Service] = []

    def worker(self, name: str = "worker") -> processes.Service:
        worker = processes.start_worker(self.directory, self.env, name=name)
        self.started.append(worker)
        return worker

    def beat(self) -> processes.Service:
        beat = processes.start_beat(self.directory, self.env)
        self.started.append(beat)
        return beat

    def freeze_redis(self) -> None:
        self.redis.signal(signal.SIGSTOP)

    def thaw_redis(self) -> None:
        self.redis.signal(signal.SIGCONT)

    def stop(self) -> None:
        for service in [*reversed(self.started), self.redis]:
            service.stop()

    def idle(self, worker: processes.Service) -> bool:
        """Every task the worker received has finished, and none waits in the queue."""
        output = worker.output()
        finished = len(re.findall(r"\] (?:succeeded in|raised|failed)", output))
        with Redis.from_url(self.url) as redis:
            return output.count("] received") == finished and redis.llen("celery") == 0

    def logs(self) -> str:
        return "\n".join(f"--- {service.name} ---\n{service.output()[-4000:]}" for service in self.started)


@pytest.fixture
def stack(transactional_db, tmp_path, settings):
    redis, url = processes.start_redis(tmp_path)
    stack = Stack(tmp_path, redis, url)
    # negotrack.celery reads the Django settings, and keeps what it read: change both, and
    # keep Celery's values first (they may be read through from the settings changed here).
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    settings.REDIS_URL = settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(broker_url=url, task_always_eager=False)
    processes.reset_celery_producers()
    tasks._redis.cache_clear()
    try:
        yield stack
    finally:
        stack.stop()
        print(stack.logs())  # shown when the test fails
        app.conf.update(saved)
        processes.reset_celery_producers()
        tasks._redis.cache_clear()


# --- the record -----------------------------------------------------------------------------------


@pytest.fixture
def talks(stack):
    """A round, a speaker, a party, a source to cite, and agenda issues to talk about."""
    process = ProcessFactory(slug="ru-ua", name="Russia–Ukraine talks")
    talk_round = RoundFactory(process=process, city="Geneva", start_date=FEB_17, end_date=FEB_17)
    speaker, party = PersonFactory(name="Rustem Umerov"), PartyFactory(slug="ukraine", name="Ukraine")
    # He heads his party's delegation there, so the statements' party is his.
    MembershipFactory(delegation__round=talk_round, delegation__party=party, person=speaker, role="head")
    return {
        "process": process,
        "round": talk_round,
        "speaker": speaker,
        "party": party,
        "issues": [IssueFactory(process=process, topic=f"topic-{n}") for n in range(6)],
        "source": SourceFactory(outlet="Reuters"),
    }


def statement_body(talks, issues, text="The talks were intensive and substantive."):
    return {
        "process": talks["process"].slug,
        "round": talks["round"].slug,
        "speaker": talks["speaker"].slug,
        "party": talks["party"].slug,
        "date": "2026-02-17",
        "medium": "press_remarks",
        "kind": "quote",
        "language": "en",
        "text": text,
        "issues": [issue.slug for issue in issues],
        "sources": [str(talks["source"].uuid)],
    }


def state(issue) -> TimelineState:
    return TimelineState.objects.get(issue=issue)


def stored_keys(issue) -> list[str]:
    return list(TimelineEntry.objects.filter(issue=issue).order_by("position").values_list("key", flat=True))


def built_keys(issue) -> list[str]:
    return [entry.key for entry in builder.build(builder.load(issue.pk))]


def rebuilds_logged(issue) -> int:
    return Change.objects.filter(record_type="issues.timeline", record_uuid=issue.uuid).count()


def read_timeline(client, issue) -> dict:
    response = client.get(f"/api/v1/issues/{issue.slug}/timeline/")
    assert response.status_code == 200, response.content
    return response.json()


def current_with(client, issue, key: str | None = None):
    """The timeline answer once it is current (and shows `key`), else None."""
    body = read_timeline(client, issue)
    keys = [entry["key"] for entry in body["entries"]]
    return body if body["is_current"] and (key is None or key in keys) else None


def all_current(issues) -> bool:
    built = TimelineState.objects.filter(issue__in=issues, built_at__isnull=False, built_generation=F("generation"))
    return built.count() == len(issues)


def rebuild_runs(worker) -> list[float]:
    """How long each rebuild task the worker finished took, in seconds."""
    finished = re.findall(r"rebuild_timeline\[[^\]]+\] succeeded in ([\d.]+)s", worker.output())
    return [float(seconds) for seconds in finished]


# --- 1. the worker rebuilds after an edit ------------------------------------------------------------


def test_a_statement_published_through_the_api_is_on_the_timeline_within_five_seconds(
    stack, talks, token_api, editor, reviewer, client
):
    stack.worker()  # no beat: only the rebuild the edit asked for can make it current
    issue = talks["issues"][0]
    wait_for(lambda: all_current([issue]), 20, "the new issue's first timeline")

    created = token_api(editor).post(STATEMENTS, statement_body(talks, [issue]), format="json")
    assert created.status_code == 201, created.content
    uuid = created.json()["uuid"]
    published_at = time.monotonic()
    published = token_api(reviewer).post(f"{STATEMENTS}{uuid}/publish/", {}, format="json")
    assert published.status_code == 200, published.content

    body = wait_for(lambda: current_with(client, issue, f"statement:{uuid}"), 5, "the statement on the timeline")
    print(f"published statement on the timeline after {time.monotonic() - published_at:.2f} s")
    assert [entry["key"] for entry in body["entries"]] == built_keys(issue)


# --- 2. a frozen broker never holds an edit up -----------------------------------------------------------


def test_with_redis_frozen_a_publication_is_saved_at_once_and_the_timeline_catches_up_after(
    stack, talks, token_api, editor, reviewer, client
):
    stack.worker()
    beat = stack.beat()
    issues = talks["issues"]  # one statement about six issues: six rebuilds to ask for
    wait_for(lambda: all_current(issues), 20, "the issues' first timelines")
    created = token_api(editor).post(STATEMENTS, statement_body(talks, issues), format="json")
    assert created.status_code == 201, created.content
    uuid = created.json()["uuid"]

    stack.freeze_redis()
    try:
        time.sleep(0.5)  # what the worker had in hand before the freeze is done
        started = time.monotonic()
        published = token_api(reviewer).post(f"{STATEMENTS}{uuid}/publish/", {}, format="json")
        latency = time.monotonic() - started
        print(f"publication with Redis frozen answered in {latency:.2f} s")
        assert published.status_code == 200, published.content
        assert latency < 5
        assert Statement.objects.get(uuid=uuid).state == PublicationState.PUBLISHED
        time.sleep(1)
        for issue in issues:
            assert read_timeline(client, issue)["is_current"] is False
            assert not state(issue).is_current
    finally:
        stack.thaw_redis()
    thawed = time.monotonic()

    for issue in issues:
        wait_for(lambda issue=issue: current_with(client, issue, f"statement:{uuid}"), 20, "the timelines to catch up")
    print(f"timelines current {time.monotonic() - thawed:.2f} s after Redis thawed")
    for issue in issues:
        assert stored_keys(issue) == built_keys(issue)

    # Without the reconciliation, the next edit is rebuilt on its own again: nothing the
    # freeze left behind holds its rebuild back.
    beat.stop()
    created = token_api(editor).post(STATEMENTS, statement_body(talks, issues, "A second statement."), format="json")
    uuid = created.json()["uuid"]
    assert token_api(reviewer).post(f"{STATEMENTS}{uuid}/publish/", {}, format="json").status_code == 200
    for issue in issues:
        wait_for(lambda issue=issue: current_with(client, issue, f"statement:{uuid}"), 5, "the next edit's rebuilds")


# --- 3. a worker killed in the middle of a rebuild -----------------------------------------------------------


def load_statements(issue, count: int, *, source, speaker) -> None:
    """`count` published statements about `issue`, through the bulk path of the services."""
    by = system_user()
    now = timezone.now()
    words = "The parties discussed the mechanism of monitoring and the sequence of steps at length. " * 6
    statements = [
        Statement(process=issue.process, speaker=speaker, date=FEB_17 - datetime.timedelta(days=n % 300),
                  text=f"{n}: {words}", state=PublicationState.PUBLISHED, published_at=now, published_by=by)
        for n in range(count)
    ]  # fmt: skip
    create_records(Statement, statements, by=by, m2m={"sources": [[source]] * count})
    create_records(StatementIssue, [StatementIssue(statement=s, issue=issue) for s in statements], by=by)


def rebuild_writing(issue) -> int | None:
    """The database backend of the rebuild that holds the issue's lock, while it writes the
    new entries (after it deleted the old ones), if there is one."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT activity.pid FROM pg_locks advisory JOIN pg_stat_activity activity ON activity.pid = advisory.pid
            WHERE advisory.locktype = 'advisory' AND advisory.classid = %s AND advisory.objid = %s
              AND advisory.objsubid = 2 AND advisory.granted
              AND activity.state = 'active' AND activity.query LIKE %s
            """,
            [rebuild.REBUILD_LOCKS, issue.pk, "/* negotrack: timeline entries written */%"],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def backend_alive(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone() is not None


def test_a_worker_killed_in_the_middle_of_a_rebuild_leaves_the_old_timeline_and_a_new_one_finishes_it(
    stack, talks, client
):
    issue, source, speaker = talks["issues"][0], talks["source"], talks["speaker"]
    load_statements(issue, 6000, source=source, speaker=speaker)
    worker = stack.worker()
    wait_for(lambda: all_current([issue]) and rebuild_runs(worker), 60, "the first timeline of the big issue")
    print(f"rebuild of an issue with 6000 statements: {max(rebuild_runs(worker)):.2f} s in the worker")
    old = stored_keys(issue)
    assert old == built_keys(issue) and len(old) == 6000

    # One more statement: the worker starts a rebuild; kill it while it writes the new entries.
    last = StatementFactory(process=issue.process, round=talks["round"], speaker=speaker, issues=[issue],
                            sources=[source], publish=True)  # fmt: skip
    backend = wait_for(lambda: rebuild_writing(issue), 30, "the rebuild to write its entries", 0.001)
    worker.kill()
    # The database ends the dead worker's session, and with it the rebuild's transaction.
    wait_for(lambda: not backend_alive(backend), 10, "the dead worker's database session to end")

    assert stored_keys(issue) == old  # the old timeline, whole: nothing of the new one
    body = read_timeline(client, issue)
    assert body["is_current"] is False and len(body["entries"]) == len(old)

    stack.worker(name="second-worker")
    stack.beat()  # the message died with the worker: the reconciliation finishes the job
    wait_for(lambda: current_with(client, issue, f"statement:{last.uuid}"), 60, "a new worker to finish the rebuild")
    assert stored_keys(issue) == built_keys(issue)
    assert len(stored_keys(issue)) == 6001


# --- 4. rebuilds delivered twice, or run at once ------------------------------------------------------------


def test_a_rebuild_delivered_twice_to_the_worker_ends_as_one_rebuild(stack, talks):
    issue = talks["issues"][0]
    worker = stack.worker()
    wait_for(lambda: all_current(talks["issues"]) and stack.idle(worker), 20, "the new issues' first timelines")
    before, runs = rebuilds_logged(issue), len(rebuild_runs(worker))

    statement = StatementFactory(process=issue.process, round=talks["round"], speaker=talks["speaker"],
                                 issues=[issue], sources=[talks["source"]])  # fmt: skip
    services.draft_publish(statement, by=system_user())  # its rebuild is queued once it commits
    tasks.rebuild_timeline.apply_async(args=[issue.pk])  # and the same message comes again

    wait_for(lambda: len(rebuild_runs(worker)) >= runs + 2, 20, "both deliveries to run")
    assert rebuilds_logged(issue) == before + 1  # the second found nothing to do, and logged nothing
    assert state(issue).is_current
    assert stored_keys(issue) == built_keys(issue)
    assert f"statement:{statement.uuid}" in stored_keys(issue)


def test_two_rebuilds_of_one_issue_at_once_end_as_one_rebuild(stack, talks):
    issue, source, speaker = talks["issues"][0], talks["source"], talks["speaker"]
    load_statements(issue, 400, source=source, speaker=speaker)
    rebuild.mark([issue.pk])
    before = rebuilds_logged(issue)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def rebuild_at_once():
        try:
            barrier.wait(10)
            results.append(rebuild.rebuild_issue(issue.pk))
        except Exception as error:  # reported below, with the other thread's result
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=rebuild_at_once) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert all(result is not None and result.current for result in results), results
    assert sorted(result.changed for result in results) == [False, True]  # one wrote, the other found it done
    assert rebuilds_logged(issue) == before + 1
    assert state(issue).is_current
    assert stored_keys(issue) == built_keys(issue) and len(stored_keys(issue)) == 400


# --- 5. bursts coalesce ----------------------------------------------------------------------------------------


def test_a_burst_of_twenty_edits_costs_a_rebuild_a_gathering_second(stack, talks):
    issue, source = talks["issues"][0], talks["source"]
    worker = stack.worker()  # no beat: every rebuild here is one an edit asked for
    StatementFactory(process=issue.process, round=talks["round"], speaker=talks["speaker"], issues=[issue],
                     sources=[source], publish=True)  # fmt: skip
    wait_for(lambda: all_current(talks["issues"]) and stack.idle(worker), 20, "the timeline with the statement")
    before, runs = rebuilds_logged(issue), len(rebuild_runs(worker))

    started = time.monotonic()
    for n in range(20):  # each its own transaction, each asking for a rebuild once it commits
        source.title = f"Report on the talks, version {n + 1}"
        source_save(source, by=system_user())
    burst = time.monotonic() - started
    wait_for(lambda: all_current([issue]) and stack.idle(worker), 20, "the timeline after the burst")

    rebuilt = rebuilds_logged(issue) - before
    task_runs = len(rebuild_runs(worker)) - runs
    print(f"20 edits in {burst:.2f} s: {rebuilt} rebuilds logged, {task_runs} rebuild tasks run")
    # The first edit's rebuild starts at once; the edits that come in while one runs wait
    # the gathering second for the next: at most one more a second the burst lasts, plus
    # the last (twenty saves take half a second here, two on a loaded machine).
    most = 2 + int(burst / tasks.GATHER_SECONDS)
    assert 1 <= rebuilt <= most < 20
    assert task_runs <= most
    entry = TimelineEntry.objects.get(issue=issue, kind="statement")
    assert entry.sources[0]["title"] == "Report on the talks, version 20"
    assert Issue.objects.count() == 6
