"""Timelines: the pure builder, the marks an edit leaves, the rebuild that clears them, the
reconciliation, the command and the API route."""

import dataclasses
import datetime
import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegations.services import person_save
from issues import services
from issues.models import Issue, Statement, TimelineEntry, TimelineState
from issues.timelines import builder, rebuild, tasks
from issues.timelines.builder import EntryKind
from negotrack.groups import system_user
from negotrack.models import Change
from negotrack.records import service_write
from rounds.models import Round
from rounds.services import round_save, source_save
from tests.factories import (
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)
from tests.feed import FEED_DB, follow, summary

pytestmark = pytest.mark.django_db

FEB_4, FEB_17 = datetime.date(2026, 2, 4), datetime.date(2026, 2, 17)


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())


def built(issue) -> list[builder.BuiltEntry]:
    return builder.build(builder.load(issue.pk))


def stored(issue) -> list[tuple]:
    return list(
        TimelineEntry.objects.filter(issue=issue).order_by("position").values_list("key", "kind", "date", "title")
    )


def expected(issue) -> list[tuple]:
    return [(entry.key, entry.kind, entry.date, entry.title) for entry in built(issue)]


def state(issue) -> TimelineState:
    return TimelineState.objects.get(issue=issue)


# --- the builder ------------------------------------------------------------------------------


def test_the_prisoner_exchange_timeline_shows_the_agreement_at_the_second_abu_dhabi_round(demo):
    issue = Issue.objects.get(slug="russia-ukraine-prisoner-exchange")
    entries = built(issue)
    agreements = [entry for entry in entries if entry.kind == EntryKind.AGREEMENT]
    assert [entry.title for entry in agreements] == ["Exchange of 314 prisoners of war"]
    assert Round.objects.get(pk=agreements[0].round_id).slug == "abu-dhabi-2026-02-04"
    changes = [entry for entry in entries if entry.kind == EntryKind.STATUS_CHANGE]
    assert (changes[0].before, changes[0].after) == ("", "agreed")
    assert [entry.date for entry in entries] == sorted(entry.date for entry in entries)
    assert len({entry.key for entry in entries}) == len(entries)
    assert all(entry.sources for entry in entries)


def test_status_changes_carry_the_status_before_and_after():
    issue = IssueFactory()
    for day, status in ((FEB_4, "raised"), (FEB_17, "discussed")):
        talk_round = RoundFactory(process=issue.process, start_date=day, end_date=day)
        IssueStatusFactory(issue=issue, round=talk_round, status=status, publish=True)
    changes = [(entry.before, entry.after) for entry in built(issue) if entry.kind == EntryKind.STATUS_CHANGE]
    assert changes == [("", "raised"), ("raised", "discussed")]


def test_the_builder_gives_the_same_entries_for_the_same_record(demo):
    issue = Issue.objects.get(slug="russia-ukraine-territory")
    first, second = builder.load(issue.pk), builder.load(issue.pk)
    assert builder.build(first) == builder.build(second)
    assert builder.fingerprint(first) == builder.fingerprint(second)


def test_a_change_to_any_field_of_the_inputs_changes_the_fingerprint():
    source = builder.SourceRef(uuid.uuid4(), "Reuters", "Talks resume", "https://example.org/talks")
    notice = builder.Notice("withdrawn", FEB_17, "Misquoted.")
    published_at = datetime.datetime(2026, 2, 4, 9, tzinfo=datetime.UTC)
    record = builder.Input(kind="statement", record_type="issues.statement", uuid=uuid.uuid4(), date=FEB_4,
                           date_precision="day", round_id=1, published_at=published_at, party_id=2,
                           party_name="Ukraine", title="Umerov (Ukraine)", text="We are ready.", value="",
                           sources=(source,), notice=notice, pk=3)  # fmt: skip

    def other(value):
        if isinstance(value, str):
            return value + "!"
        if isinstance(value, uuid.UUID):
            return uuid.uuid4()
        if isinstance(value, datetime.date):  # a datetime too
            return value + datetime.timedelta(days=1)
        if isinstance(value, int):
            return value + 1
        return {(source,): (), notice: None}[value]

    def digest(*records, issue_id=1, issue_name="Territory"):
        return builder.fingerprint(builder.Inputs(issue_id=issue_id, issue_name=issue_name, records=records))

    changed = [digest(record, issue_id=2), digest(record, issue_name="Territory!"), digest(),
               digest(dataclasses.replace(record, title="Umerov (Ukraine) We", text=" are ready."))]  # fmt: skip
    for field in dataclasses.fields(builder.Input):
        changed.append(digest(dataclasses.replace(record, **{field.name: other(getattr(record, field.name))})))
    for field in dataclasses.fields(builder.SourceRef):
        changed_source = dataclasses.replace(source, **{field.name: other(getattr(source, field.name))})
        changed.append(digest(dataclasses.replace(record, sources=(changed_source,))))
    for field in dataclasses.fields(builder.Notice):
        changed_notice = dataclasses.replace(notice, **{field.name: other(getattr(notice, field.name))})
        changed.append(digest(dataclasses.replace(record, notice=changed_notice)))
    assert len({digest(record), *changed}) == 1 + len(changed)
    assert digest(record) == digest(dataclasses.replace(record))


def test_drafts_never_appear_in_a_timeline():
    issue = IssueFactory()
    StatementFactory(process=issue.process, issues=[issue], text="A draft nobody may read yet.")
    IssueStatusFactory(issue=issue, round=RoundFactory(process=issue.process))
    assert built(issue) == []


def test_a_withdrawn_statement_shows_as_a_correction_only():
    issue = IssueFactory()
    statement = StatementFactory(process=issue.process, issues=[issue], publish=True)
    services.record_withdraw(statement, by=system_user(), note="Misattributed.", on_date=FEB_17)
    entries = built(issue)
    # Dated where the statement stood in the story; its title says when it was withdrawn.
    assert [(entry.kind, entry.date, entry.text) for entry in entries] == [
        (EntryKind.CORRECTION, statement.date, "Misattributed.")
    ]
    assert entries[0].title.startswith("Withdrawn on 17 Feb 2026: the statement")


def test_a_published_correction_replaces_the_entry_and_leaves_a_notice():
    issue = IssueFactory()
    statement = StatementFactory(process=issue.process, issues=[issue], publish=True, text="First wording.")
    draft = services.correction_start(statement, by=system_user())
    draft.text = "Corrected wording."
    services.statement_save(draft, by=system_user())
    services.draft_publish(draft, by=system_user())
    kinds = {entry.kind: entry for entry in built(issue)}
    assert kinds[EntryKind.STATEMENT].text == "Corrected wording."
    assert kinds[EntryKind.CORRECTION].record_uuid == statement.uuid


def test_position_changes_carry_each_partys_previous_stance():
    issue, party = IssueFactory(), PartyFactory(name="Russia")
    for day, stance in ((FEB_4, "all of Donbas"), (FEB_17, "all of Donbas, and more")):
        PositionFactory(issue=issue, party=party, round=None, date=day, stance=stance, publish=True)
    changes = [(entry.before, entry.after) for entry in built(issue) if entry.kind == EntryKind.POSITION_CHANGE]
    assert changes == [("", "all of Donbas"), ("all of Donbas", "all of Donbas, and more")]


# --- marks -------------------------------------------------------------------------------------


@pytest.fixture
def published_statement():
    issue = IssueFactory()
    statement = StatementFactory(process=issue.process, issues=[issue], publish=True)
    rebuild.rebuild_issue(issue.pk)
    assert state(issue).is_current
    return issue, statement


def test_publishing_marks_the_issues_and_drafts_mark_nothing():
    issue = IssueFactory()
    rebuild.rebuild_issue(issue.pk)
    draft = StatementFactory(process=issue.process, issues=[issue])
    assert state(issue).is_current
    services.draft_publish(draft, by=system_user())
    assert not state(issue).is_current
    assert state(issue).marked_since is not None


@pytest.mark.parametrize("edit", ["source", "round", "person", "withdraw", "issue"])
def test_every_change_behind_a_timeline_marks_it(published_statement, edit):
    issue, statement = published_statement
    if edit == "source":
        source = statement.sources.get()
        source.title = "A better headline"
        source_save(source, by=system_user())
    elif edit == "round":
        talk_round = statement.round
        talk_round.end_date = talk_round.end_date + datetime.timedelta(days=1)
        round_save(talk_round, by=system_user())
    elif edit == "person":
        speaker = statement.speaker
        speaker.name = "Renamed Speaker"
        person_save(speaker, by=system_user())
    elif edit == "withdraw":
        services.record_withdraw(statement, by=system_user(), note="Wrong.")
    else:
        issue.name = "Renamed issue"
        services.issue_save(issue, by=system_user())
    assert not state(issue).is_current


# --- the rebuild ----------------------------------------------------------------------------------


def test_a_rebuild_writes_the_entries_clears_the_mark_and_logs_one_change(published_statement):
    issue, statement = published_statement
    assert stored(issue) == expected(issue)
    assert state(issue).built_at is not None
    assert Change.objects.filter(record_type="issues.timeline", record_uuid=issue.uuid).count() == 1


def test_a_rebuild_with_nothing_changed_writes_nothing_and_emits_nothing(published_statement):
    issue, statement = published_statement
    speaker = statement.speaker
    speaker.description = "a description the timeline does not show"
    person_save(speaker, by=system_user())
    assert not state(issue).is_current
    changes = Change.objects.count()
    built_at = state(issue).built_at
    result = rebuild.rebuild_issue(issue.pk)
    assert (result.changed, result.current) == (False, True)
    assert Change.objects.count() == changes
    assert state(issue).built_at == built_at


def test_a_rebuild_that_races_an_edit_leaves_the_issue_marked(published_statement, monkeypatch):
    issue, statement = published_statement
    other = StatementFactory(process=issue.process, round=statement.round, issues=[issue])
    real_timelines = rebuild.timelines_of

    def load_then_edit(issue_ids):
        timelines = real_timelines(issue_ids)
        services.draft_publish(other, by=system_user())  # an edit lands after the rebuild read the generations
        return timelines

    monkeypatch.setattr(rebuild, "timelines_of", load_then_edit)
    result = rebuild.rebuild_issue(issue.pk)
    assert result is None or not result.current
    monkeypatch.setattr(rebuild, "timelines_of", real_timelines)
    assert not state(issue).is_current
    rebuild.rebuild_issue(issue.pk)
    assert state(issue).is_current and stored(issue) == expected(issue)
    assert str(other.uuid) in " ".join(key for key, *_ in stored(issue))


def test_the_reconciliation_finds_an_out_of_date_timeline_without_a_mark(published_statement):
    issue, statement = published_statement
    with service_write():  # an edit that went around the services: no mark
        Statement.objects.filter(pk=statement.pk).update(text="Changed behind the services' back.")
    assert state(issue).is_current
    assert rebuild.stale_issue_ids() == [issue.pk]
    results = rebuild.reconcile()
    assert [result.issue_id for result in results] == [issue.pk]
    assert "Changed behind" in TimelineEntry.objects.get(issue=issue).text


def test_edits_committed_without_a_broker_rebuild_in_the_process(django_capture_on_commit_callbacks, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # as with REDIS_URL unset
    issue = IssueFactory()
    draft = StatementFactory(process=issue.process, issues=[issue])
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_publish(draft, by=system_user())
    assert state(issue).is_current
    assert stored(issue) == expected(issue)


def test_a_failing_rebuild_never_fails_the_edit(django_capture_on_commit_callbacks, monkeypatch):
    issue = IssueFactory()
    draft = StatementFactory(process=issue.process, issues=[issue])

    def broken(issue_id, **kwargs):
        raise RuntimeError("the rebuild broke")

    monkeypatch.setattr(rebuild, "rebuild_issue", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_publish(draft, by=system_user())
    assert Statement.objects.get(pk=draft.pk).state == "published"
    assert not state(issue).is_current


def test_a_broker_that_does_not_answer_is_waited_for_once_per_edit(monkeypatch, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    tried = []

    def unreachable(issue_id):
        tried.append(issue_id)
        raise TimeoutError("the broker did not answer")

    monkeypatch.setattr(tasks, "enqueue_rebuild", unreachable)
    rebuild.request_rebuilds([3, 4, 5])
    assert tried == [3]  # the other two wait for the reconciliation, not for two more timeouts


# --- the command and the API ------------------------------------------------------------------------


def test_the_command_rebuilds_one_every_or_the_marked_timelines(demo):
    out = io.StringIO()
    call_command("rebuild_timelines", stdout=out, verbosity=0)
    assert "rebuilt" in out.getvalue()
    assert not TimelineState.objects.exclude(built_generation=F("generation")).exists()
    for issue in Issue.objects.all():
        assert stored(issue) == expected(issue)
    call_command("rebuild_timelines", "--issue", "russia-ukraine-territory", stdout=out, verbosity=0)
    call_command("rebuild_timelines", "--all", stdout=out, verbosity=0)
    with pytest.raises(CommandError, match="No agenda issue"):
        call_command("rebuild_timelines", "--issue", "no-such-issue", verbosity=0)
    for refused in ("0", "17"):
        with pytest.raises(CommandError, match="--connections must be from 1 to 16"):
            call_command("rebuild_timelines", "--all", "--connections", refused, verbosity=0)


def test_the_timeline_route_serves_it_whole_with_its_currency(client, demo):
    issue = Issue.objects.get(slug="russia-ukraine-prisoner-exchange")
    rebuild.rebuild_issue(issue.pk)
    response = client.get(f"/api/v1/issues/{issue.slug}/timeline/")
    assert response.status_code == 200
    body = response.json()
    assert body["is_current"] is True and body["built_at"]
    assert [entry["key"] for entry in body["entries"]] == [entry.key for entry in built(issue)]
    agreement = next(entry for entry in body["entries"] if entry["kind"] == "agreement")
    assert agreement["round"] == "abu-dhabi-2026-02-04"
    assert agreement["record"]["url"].endswith(f"/api/v1/agreements/{agreement['record']['uuid']}/")
    etag = response["ETag"]
    rebuild.mark([issue.pk])
    marked = client.get(f"/api/v1/issues/{issue.slug}/timeline/", headers={"if-none-match": etag})
    assert marked.status_code == 200 and marked.json()["is_current"] is False
    assert client.get("/api/v1/issues/no-such-issue/timeline/").status_code == 404


# --- any sequence of edits and rebuilds ends with the builder's timeline ---------------------------------


OPERATIONS = st.lists(
    st.sampled_from(["publish", "withdraw", "retitle_source", "rename_speaker", "rebuild", "rebuild_twice"]),
    min_size=1,
    max_size=8,
)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_any_sequence_of_edits_and_rebuilds_ends_with_the_builders_timeline(operations):
    with transaction.atomic():
        process = ProcessFactory()
        issue = IssueFactory(process=process)
        speaker, source = PersonFactory(), SourceFactory()
        talk_round = RoundFactory(process=process)
        published: list = []
        for step, operation in enumerate(operations):
            if operation == "publish":
                statement = StatementFactory(process=process, round=talk_round, speaker=speaker, issues=[issue],
                                             sources=[source], text=f"Statement {step}.")  # fmt: skip
                services.draft_publish(statement, by=system_user())
                published.append(statement)
            elif operation == "withdraw" and published:
                services.record_withdraw(published.pop(0), by=system_user(), note=f"Withdrawn at step {step}.")
            elif operation == "retitle_source":
                source.title = f"Title {step}"
                source_save(source, by=system_user())
            elif operation == "rename_speaker":
                speaker.name = f"Speaker {step}"
                person_save(speaker, by=system_user())
            elif operation in ("rebuild", "rebuild_twice"):
                for _ in range(2 if operation == "rebuild_twice" else 1):
                    rebuild.rebuild_issue(issue.pk)
        for issue_id in rebuild.marked_issue_ids():
            rebuild.rebuild_issue(issue_id)
        assert stored(issue) == expected(issue)
        assert (
            TimelineState.objects.get(issue=issue).is_current or not TimelineState.objects.filter(issue=issue).exists()
        )
        transaction.set_rollback(True)


@FEED_DB
def test_a_rebuild_that_changed_the_timeline_is_one_event_of_the_changes_feed(client):
    issue = IssueFactory()
    draft = StatementFactory(process=issue.process, issues=[issue])
    _, since = follow(client)
    services.draft_publish(draft, by=system_user())  # committed: the timeline rebuilds in-process after it
    events, since = follow(client, since)
    assert summary(events) == [("statements", "create", "publish"), ("timelines", "update", "rebuild")]
    rebuilt = events[1]
    assert rebuilt["uuid"] == str(issue.uuid) and rebuilt["refs"] == {"issue": issue.slug}
    assert rebuilt["url"].endswith(f"/api/v1/issues/{issue.slug}/timeline/")
    assert rebuild.rebuild_issue(issue.pk).changed is False  # nothing new: no event
    assert follow(client, since)[0] == []


def test_the_timeline_route_and_a_rebuild_run_as_many_queries_for_50_entries_as_for_5(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    issue = IssueFactory()
    talk_round = RoundFactory(process=issue.process)

    def add(count):
        for _ in range(count):
            StatementFactory(process=issue.process, round=talk_round, issues=[issue], party=PartyFactory(),
                             publish=True)  # fmt: skip

    def counted() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as rebuilding:
            rebuild.rebuild_issue(issue.pk)
        with CaptureQueriesContext(connection) as reading:
            assert client.get(f"/api/v1/issues/{issue.slug}/timeline/").status_code == 200
        return len(rebuilding), len(reading)

    add(5)
    few = counted()
    add(45)
    assert TimelineEntry.objects.filter(issue=issue).count() == 5
    assert counted() == few
    assert TimelineEntry.objects.filter(issue=issue).count() == 50


def test_one_transactions_edits_cost_one_rebuild_of_each_issue(django_capture_on_commit_callbacks, monkeypatch):
    issue = IssueFactory()
    drafts = [StatementFactory(process=issue.process, issues=[issue]) for _ in range(3)]
    loads = []
    real_timelines = rebuild.timelines_of
    monkeypatch.setattr(rebuild, "timelines_of", lambda issue_ids: loads.extend(issue_ids) or real_timelines(issue_ids))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for draft in drafts:
            services.draft_publish(draft, by=system_user())
    assert loads == [issue.pk]
    assert state(issue).is_current and len(stored(issue)) == 3
