"""generate_bench_data: a large invented record, written through the bulk path of the services.

Most tests read one scale-0.05 run, made once for the module and rolled back after it;
the full-scale timing (scale 1 in under two minutes on PostgreSQL) is measured by hand,
not here.
"""

import io
import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, F
from django.test.utils import CaptureQueriesContext

from delegations.models import Delegation, Membership, Party, Person
from issues.demo.bench.plan import Plan
from issues.models import Issue, IssueStatus, Position, Statement, StatementIssue
from negotrack.bulk import create_records
from negotrack.groups import system_user
from negotrack.models import Change
from negotrack.records import save_record
from rounds.models import Process, Round, Session, Source
from tests.factories import PartyFactory, PersonFactory, ProcessFactory, SourceFactory

pytestmark = pytest.mark.django_db

SCALE = 0.05
RECORD_MODELS = [
    Source, Process, Round, Session, Party, Person, Delegation, Membership,
    Issue, IssueStatus, Position, Statement, StatementIssue,
]  # fmt: skip


def generate(scale, *, seed=1, **options) -> str:
    out = io.StringIO()
    call_command("generate_bench_data", scale=scale, seed=seed, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


@pytest.fixture(scope="class")
def bench(django_db_setup, django_db_blocker):
    """One run for the tests that only read it, rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = generate(SCALE)
        yield output
        transaction.set_rollback(True)


# --- counts --------------------------------------------------------------------------


def test_the_plan_at_scale_one_is_the_full_benchmark_record():
    plan = Plan.for_scale(1)
    assert (plan.processes, plan.rounds, plan.delegations, plan.memberships, plan.people) == (4, 200, 600, 5000, 400)
    assert (plan.issues_per_process, plan.statuses, plan.statements) == (40, 8000, 50_000)
    assert plan.rounds_per_process == (50, 50, 50, 50)
    assert 0 < plan.positions < plan.statuses


def test_the_scale_multiplies_every_count_and_keeps_at_least_one_of_each():
    one, two = Plan.for_scale(1), Plan.for_scale(2)
    assert (two.processes, two.rounds, two.people, two.issues, two.statements) == (
        2 * one.processes, 2 * one.rounds, 2 * one.people, 2 * one.issues, 2 * one.statements,
    )  # fmt: skip
    tiny = Plan.for_scale(0.0001)
    assert min(tiny.processes, tiny.rounds, tiny.people, tiny.memberships, tiny.issues, tiny.statements) >= 1


class TestOneRunAtScaleFivePercent:
    """Tests that read one scale-0.05 run, made once for the class."""

    def test_a_run_writes_the_counts_its_scale_asks_for(self, bench):
        plan = Plan.for_scale(SCALE)
        assert (plan.processes, plan.rounds, plan.people, plan.issues, plan.statements) == (1, 10, 20, 8, 2500)
        assert Process.objects.count() == plan.processes
        assert Round.objects.count() == plan.rounds
        assert Delegation.objects.count() == plan.delegations == 30
        assert Membership.objects.count() == plan.memberships == 250
        assert Person.objects.count() == plan.people
        assert Issue.objects.count() == plan.issues
        assert IssueStatus.objects.count() == plan.statuses == 80
        assert Position.objects.count() == plan.positions == 20
        assert Statement.objects.count() == plan.statements
        assert Source.objects.count() == plan.sources
        assert "2,500 statements" in bench

    # the write path

    @pytest.mark.parametrize("model", RECORD_MODELS, ids=lambda model: model.__name__)
    def test_every_created_record_has_one_history_row_and_one_create_in_the_change_log(self, bench, model):
        records = dict(model.objects.values_list("id", "uuid"))
        assert records
        history = list(model.history.values_list("id", "uuid", "history_type", "history_user", "version"))
        assert sorted(row[0] for row in history) == sorted(records)
        assert {(row[1], row[2], row[3], row[4]) for row in history} == {
            (uuid, "+", system_user().pk, 1) for uuid in records.values()
        }
        changes = list(
            Change.objects.filter(record_type=model._meta.label_lower).values_list(
                "record_uuid", "action", "record_version"
            )
        )
        assert Counter(uuid for uuid, _, _ in changes) == Counter(records.values())
        assert {(action, version) for _, action, version in changes} == {("create", 1)}

    def test_the_change_log_holds_nothing_but_the_creates(self, bench):
        assert set(Change.objects.values_list("action", flat=True)) == {"create"}
        assert Change.objects.count() == sum(model.objects.count() for model in RECORD_MODELS)

    @pytest.mark.parametrize(
        "model", [Round, Delegation, Membership, IssueStatus, Position, Statement], ids=lambda model: model.__name__
    )
    def test_the_history_of_the_cited_sources_copies_every_through_row(self, bench, model):
        field = model._meta.get_field("sources")
        owner = field.m2m_field_name()
        current = set(field.remote_field.through.objects.values_list("id", f"{owner}_id", "source_id"))
        assert current
        m2m_history = model._record_history.m2m_models[field]
        assert set(m2m_history.objects.values_list("id", f"{owner}_id", "source_id")) == current
        assert set(m2m_history.objects.values_list("history__history_type", flat=True)) == {"+"}
        assert not m2m_history.objects.exclude(history__id=F(f"{owner}_id")).exists()

    # the record

    def test_statements_link_one_to_three_issues_of_their_own_process_and_cite_a_source(self, bench):
        links = Counter(StatementIssue.objects.values_list("statement_id", flat=True))
        assert set(links) == set(Statement.objects.values_list("id", flat=True))
        assert set(links.values()) == {1, 2, 3}
        assert not StatementIssue.objects.exclude(issue__process=F("statement__process")).exists()
        assert not Statement.objects.filter(sources=None).exists()

    def test_statements_are_published_with_a_realistic_text(self, bench):
        assert set(Statement.objects.values_list("state", flat=True)) == {"published"}
        assert not Statement.objects.filter(published_at=None).exists()
        assert not Statement.objects.filter(published_by=None).exists()
        for text, language, translation in Statement.objects.values_list("text", "language", "translation")[:500]:
            assert 40 <= len(text) <= 2000
            assert len(re.findall(r"[.!?](\s|$)", text)) >= 2, text
            assert language == "en" or translation
        assert not Statement.objects.filter(session__isnull=False).exclude(session__round=F("round")).exists()

    def test_statuses_and_positions_are_published_and_take_effect_on_their_rounds_last_day(self, bench):
        for model in (IssueStatus, Position):
            assert set(model.objects.values_list("state", flat=True)) == {"published"}
            assert not model.objects.exclude(effective_date=F("round__end_date")).exists()
            assert not model.objects.filter(sources=None).exists()

    def test_each_issue_has_one_published_status_for_each_round_of_its_process(self, bench):
        pairs = set(IssueStatus.objects.values_list("issue_id", "round_id"))
        expected = {
            (issue.pk, talk_round.pk)
            for issue in Issue.objects.all()
            for talk_round in Round.objects.filter(process=issue.process_id)
        }
        assert pairs == expected
        assert IssueStatus.objects.count() == len(expected)

    def test_every_issue_points_at_its_latest_published_status(self, bench):
        for issue in Issue.objects.all():
            latest = issue.statuses.published().order_by("-effective_date", "-published_at", "-id").first()
            assert issue.current_status_id == latest.pk

    def test_each_party_has_one_current_position_its_latest_on_each_issue(self, bench):
        pairs = set(Position.objects.values_list("issue_id", "party_id"))
        for issue_id, party_id in pairs:
            positions = Position.objects.filter(issue_id=issue_id, party_id=party_id)
            latest = positions.order_by("-effective_date", "-published_at", "-id").first()
            assert list(positions.filter(is_current=True)) == [latest]

    def test_rounds_have_consecutive_days_one_to_three_sessions_and_three_parties(self, bench):
        for talk_round in Round.objects.annotate(
            sessions_held=Count("sessions", distinct=True), parties=Count("delegations__party", distinct=True)
        ):
            assert talk_round.city and talk_round.country and talk_round.status == "concluded"
            assert 0 <= (talk_round.end_date - talk_round.start_date).days <= 2
            assert 1 <= talk_round.sessions_held <= 3
            assert talk_round.parties == 3
        assert not Session.objects.exclude(date__gte=F("round__start_date"), date__lte=F("round__end_date")).exists()
        leaders = Membership.objects.filter(role__in=["head", "chair"])
        assert set(Counter(leaders.values_list("delegation_id", flat=True)).values()) == {1}

    def test_two_sides_negotiate_beside_a_mediator_or_a_host_who_may_mediate_too_and_chairs(self, bench):
        thirds = Counter()
        for delegation in Delegation.objects.prefetch_related("memberships"):
            leader = next(m.role for m in delegation.memberships.all() if m.role in ("head", "chair"))
            assert leader == ("chair" if "host" in delegation.roles else "head")
            if delegation.roles != ["negotiating_party"]:
                thirds[tuple(delegation.roles)] += 1
        assert set(thirds) <= {("mediator",), ("host",), ("mediator", "host")}
        assert {("host",), ("mediator", "host")} & set(thirds), "this run has a host, so a chair"
        assert thirds.total() == Round.objects.count()
        chairs = Counter(Membership.objects.filter(role="chair").values_list("delegation__round", flat=True))
        assert set(chairs.values()) == {1}

    def test_people_have_aliases_and_slugs_of_their_own(self, bench):
        people = list(Person.objects.all())
        assert all(person.alias_list for person in people)
        assert len({person.slug for person in people}) == len(people)


# --- runs of their own ---------------------------------------------------------------


def _snapshot() -> dict:
    """What a seed decides: everything but keys, UUIDs and timestamps."""
    return {
        "rounds": list(Round.objects.order_by("id").values_list("slug", "city", "start_date", "end_date", "format")),
        "people": list(Person.objects.order_by("id").values_list("name", "aliases", "description")),
        "memberships": list(
            Membership.objects.order_by("id").values_list("delegation__party__name", "person__slug", "role")
        ),
        "statuses": list(IssueStatus.objects.order_by("id").values_list("issue__slug", "round__slug", "status")),
        "statements": list(
            Statement.objects.order_by("id").values_list("date", "speaker__slug", "speaker_description", "text")
        ),
        "links": list(StatementIssue.objects.order_by("id").values_list("statement__text", "issue__slug")),
        "sources": list(Source.objects.order_by("id").values_list("outlet", "title", "url", "published_on")),
    }


def _snapshot_of_run(seed) -> dict:
    with transaction.atomic():
        generate(0.01, seed=seed)
        snapshot = _snapshot()
        transaction.set_rollback(True)
    return snapshot


def test_the_same_seed_writes_the_same_record_and_another_seed_another():
    first = _snapshot_of_run(5)
    assert first["statements"]
    assert _snapshot_of_run(5) == first
    other = _snapshot_of_run(6)
    assert other["statements"] != first["statements"]


def test_it_refuses_a_database_that_already_holds_processes():
    ProcessFactory()
    with pytest.raises(CommandError, match="already holds 1 negotiation process.*--append"):
        generate(0.01)
    assert not Statement.objects.exists()


def test_with_append_it_adds_to_the_record_and_reuses_its_parties():
    ProcessFactory(slug="russia-ukraine", name="Russia–Ukraine peace talks, US-brokered")
    russia = PartyFactory(name="Russia", slug="russia")
    generate(0.01, append=True)
    assert Process.objects.filter(slug="russia-ukraine-2").exists()
    assert list(Party.objects.filter(name="Russia")) == [russia]
    assert Delegation.objects.filter(party=russia).exists()


def test_it_refuses_a_scale_that_is_not_positive():
    with pytest.raises(CommandError, match="--scale must be a positive number"):
        generate(0)


# --- the bulk path itself ------------------------------------------------------------


def _history_row(model, record) -> dict:
    row = model.history.filter(id=record.pk).values().get()
    return {
        key: value
        for key, value in row.items()
        if key not in {"id", "uuid", "history_id", "history_date", "created_at", "updated_at"}
    }


def _change_row(record) -> dict:
    return (
        Change.objects.filter(record_uuid=record.uuid)
        .values("action", "record_type", "record_version", "publication_state", "changed_fields", "user")
        .get()
    )


def test_the_bulk_path_writes_the_history_and_change_rows_the_single_path_writes():
    by = system_user()
    process, person, source = ProcessFactory(), PersonFactory(), SourceFactory()

    def statement():
        return Statement(process=process, speaker=person, date=source.published_on, text="We are ready.")

    single = save_record(statement(), by=by, m2m={"sources": [source]})
    (bulk,) = create_records(Statement, [statement()], by=by, m2m={"sources": [[source]]})
    assert _history_row(Statement, bulk) == _history_row(Statement, single)
    assert _change_row(bulk) == _change_row(single)
    m2m_history = Statement._record_history.m2m_models[Statement._meta.get_field("sources")]
    for record in (single, bulk):
        (row,) = m2m_history.objects.filter(statement=record).values("source", "history__id", "history__history_type")
        assert row == {"source": source.pk, "history__id": record.pk, "history__history_type": "+"}


def test_the_bulk_path_refuses_a_faulty_batch_naming_each_faulty_record_and_writes_nothing():
    by = system_user()
    process = ProcessFactory()
    good = Statement(process=process, speaker_description="a senior official", date="2026-02-18", text="Fine.")
    no_speaker = Statement(process=process, date="2026-02-18", text="Who said this?")
    missing_person = Statement(process=process, speaker_id=987_654, date="2026-02-18", text="A ghost.")
    with pytest.raises(ValidationError) as refused:
        create_records(Statement, [good, no_speaker, missing_person], by=by)
    assert "statement 2: speaker" in str(refused.value)
    assert "statement 3: speaker" in str(refused.value) and "987654" in str(refused.value)
    assert not Statement.objects.exists()
    assert not Change.objects.filter(record_type="issues.statement").exists()


def test_the_bulk_path_makes_no_query_per_record():
    by = system_user()
    process, person, source = ProcessFactory(), PersonFactory(), SourceFactory()

    def queries_for(count):
        statements = [
            Statement(process=process, speaker=person, date=source.published_on, text=f"Statement {n}.")
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as captured:
            create_records(Statement, statements, by=by, m2m={"sources": [[source]] * count})
        return len(captured)

    assert queries_for(3) == queries_for(30)  # 30 statements still fit one INSERT on SQLite
