"""The timeline builder in SQL (PostgreSQL) against the Python builder, the definition of a
timeline: every column of every entry equal on a varied record; and the fingerprints the
rebuild records (SQL on PostgreSQL, Python on SQLite) moved by any change the timeline
shows, and by nothing else."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from delegations.models import Party, Person
from issues import services
from issues.models import Agreement, Issue, IssueStatus, Position, Statement, TimelineEntry
from issues.timelines import builder, rebuild
from negotrack.groups import system_user
from negotrack.records import service_write
from rounds.dates import DatePrecision
from rounds.models import Round, Source
from tests.factories import (
    AgreementFactory,
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)
from tests.issues.timelines.test_rebuild_batch import talks

pytestmark = pytest.mark.django_db

FEB_19 = datetime.date(2026, 2, 19)

COLUMNS = ("position", "key", "kind", "date", "date_precision", "round_id", "party_id", "title", "text", "before",
           "after", "record_type", "record_uuid", "sources")  # fmt: skip


def as_python_builds(issue_id: int) -> list[tuple]:
    return [
        (position, entry.key, entry.kind, entry.date, entry.date_precision, entry.round_id, entry.party_id,
         entry.title[:500], entry.text, entry.before[:200], entry.after[:200], entry.record_type, entry.record_uuid,
         [{"uuid": str(s.uuid), "outlet": s.outlet, "title": s.title, "url": s.url} for s in entry.sources])
        for position, entry in enumerate(builder.build(builder.load(issue_id)))
    ]  # fmt: skip


def stored(issue_id: int) -> list[tuple]:
    return list(TimelineEntry.objects.filter(issue_id=issue_id).order_by("position").values_list(*COLUMNS))


def varied_record() -> list[Issue]:
    """Issues whose records cover what the builder tells apart: statuses and stances one
    after another, a party's and another's, an agreement with its parties, statements with
    and without a known speaker, party or translation, records between rounds (a week's
    precision), a round without its last day, withdrawn and corrected records, several
    sources a record, long titles."""
    issues = talks(3)
    process = issues[0].process
    one_day = RoundFactory(process=process, start_date=datetime.date(2026, 3, 2), end_date=None)
    later = RoundFactory(process=process, start_date=datetime.date(2026, 4, 6), end_date=datetime.date(2026, 4, 8))
    issue = issues[0]
    first = IssueStatusFactory(issue=issue, round=one_day, status="raised", publish=True)
    IssueStatusFactory(issue=issue, round=later, status="near_agreement", summary="Close.", publish=True)
    IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 4, 20), date_precision=DatePrecision.WEEK,
                       status="stalled", publish=True)  # fmt: skip
    party, other = PartyFactory(name="Party one"), PartyFactory(name="Party two")
    for talk_round, stance in ((one_day, "open"), (later, "firm")):
        PositionFactory(issue=issue, party=party, round=talk_round, stance=stance, text=f"{stance}.", publish=True)
    PositionFactory(issue=issue, party=other, round=later, stance="x" * 200, publish=True)
    AgreementFactory(process=process, round=later, issues=[issue], title="Exchange " + "y" * 290,
                     parties=[PartyFactory(name="Zeta"), PartyFactory(name="Alpha"), PartyFactory(name="Éire")],
                     sources=[SourceFactory(), SourceFactory(), SourceFactory()], publish=True)  # fmt: skip
    AgreementFactory(process=process, round=None, date=datetime.date(2026, 4, 8), issues=[issue], publish=True)
    StatementFactory(process=process, round=later, issues=[issue], speaker=None, speaker_description="A diplomat",
                     party=None, translation="Translated.", date=datetime.date(2026, 4, 7), publish=True)  # fmt: skip
    uncited = StatementFactory(
        process=process,
        round=None,
        issues=[issue],
        party=party,
        date=datetime.date(2026, 3, 1),
        date_precision=DatePrecision.MONTH,
        publish=True,
    )
    with service_write():  # a source deleted since
        uncited.sources.clear()
    StatementFactory(process=process, round=later, date=later.start_date, issues=[issue])  # a draft: not shown
    reviewer = system_user()
    draft = services.correction_start(first, by=reviewer)
    draft.status = "discussed"
    services.issue_status_save(draft, by=reviewer)
    services.draft_publish(draft, by=reviewer)
    stance = Position.objects.filter(issue=issue, party=party, stance="open").get()
    services.record_withdraw(stance, by=reviewer, note="Misread.", on_date=datetime.date(2026, 3, 9))
    IssueFactory(process=process)  # an issue with no record
    return list(Issue.objects.filter(process=process).order_by("pk"))


@pytest.mark.postgres  # the SQL builder is PostgreSQL's
def test_the_sql_builder_writes_every_column_of_every_entry_as_the_python_builder_builds_it():
    issues = varied_record()
    call_command("seed_demo", stdout=io.StringIO())
    ids = list(Issue.objects.order_by("pk").values_list("pk", flat=True))
    for issue_id, result in rebuild.rebuild_issues(ids, force=True):
        assert result is not None and result.entries == len(stored(issue_id))
    kinds = {kind for issue in issues for _, _, kind, *_ in stored(issue.pk)}
    assert kinds == {"status_change", "position_change", "agreement", "statement", "correction"}
    assert any(len(stored(issue_id)) > 10 for issue_id in ids)
    for issue_id in ids:
        assert stored(issue_id) == as_python_builds(issue_id), Issue.objects.get(pk=issue_id).slug


def fingerprint(issue: Issue) -> str:
    return rebuild.fingerprints([issue.pk])[issue.pk]


def test_the_fingerprint_moves_with_every_change_the_timeline_shows_and_with_nothing_else():
    issues = varied_record()
    issue = issues[0]
    statement = (
        Statement.objects.filter(
            issue_links__issue=issue, speaker__isnull=False, state="published", sources__isnull=False
        )
        .order_by("pk")
        .first()
    )
    for _ in rebuild.rebuild_issues([each.pk for each in issues], force=True):
        pass
    assert rebuild.stale_issue_ids() == []
    seen = {fingerprint(issue)}
    assert fingerprint(issue) in seen  # the same record, the same digest

    def changes(number: int, edit) -> None:
        with service_write():  # around the services: no mark, as the reconciliation must find it
            edit()
        digest = fingerprint(issue)
        assert digest not in seen, f"edit {number} left the fingerprint as it was"
        seen.add(digest)

    agreement = Agreement.objects.filter(issues=issue, parties__isnull=False).first()
    status = IssueStatus.objects.filter(issue=issue, state="published").first()
    position = Position.objects.filter(issue=issue, state="published").first()
    withdrawn = Position.objects.filter(issue=issue, state="withdrawn").first()
    for number, edit in enumerate((
        lambda: Statement.objects.filter(pk=statement.pk).update(text="Changed."),
        lambda: Statement.objects.filter(pk=statement.pk).update(translation="Übersetzt."),
        lambda: Statement.objects.filter(pk=statement.pk).update(date=FEB_19),
        lambda: Statement.objects.filter(pk=statement.pk).update(date_precision=DatePrecision.WEEK),
        lambda: Statement.objects.filter(pk=statement.pk).update(published_at=timezone.now()),
        lambda: Statement.objects.filter(pk=statement.pk).update(party=PartyFactory()),
        lambda: Person.objects.filter(pk=statement.speaker_id).update(name="Renamed"),
        lambda: Party.objects.filter(pk=position.party_id).update(name="Renamed party"),
        lambda: Source.objects.filter(statements=statement).update(title="A better headline"),
        lambda: Source.objects.filter(statements=statement).update(outlet="Another outlet"),
        lambda: Source.objects.filter(statements=statement).update(url="https://example.org/other"),
        lambda: statement.sources.add(SourceFactory()),
        lambda: Round.objects.filter(pk=status.round_id).update(end_date=datetime.date(2026, 5, 1)),
        lambda: IssueStatus.objects.filter(pk=status.pk).update(summary="Other words."),
        lambda: IssueStatus.objects.filter(pk=status.pk).update(status="agreed"),
        lambda: Position.objects.filter(pk=position.pk).update(stance="softer"),
        lambda: Position.objects.filter(pk=withdrawn.pk).update(correction_note="Misheard."),
        lambda: Position.objects.filter(pk=withdrawn.pk).update(withdrawn_on=datetime.date(2026, 3, 10)),
        lambda: Agreement.objects.filter(pk=agreement.pk).update(terms="Other terms."),
        lambda: agreement.parties.add(PartyFactory()),
        lambda: Statement.objects.filter(pk=statement.pk).update(state="withdrawn", withdrawn_on=FEB_19),
        lambda: Issue.objects.filter(pk=issue.pk).update(name="Renamed issue"),
        lambda: StatementFactory(process=issue.process, issues=[issue], publish=True),
    )):  # fmt: skip
        changes(number, edit)
    before = fingerprint(issue)
    with service_write():  # what no timeline shows
        Person.objects.filter(pk=statement.speaker_id).update(description="Now a minister.")
        Statement.objects.filter(pk=statement.pk).update(review_note="Checked twice.")
        StatementFactory(process=issue.process, issues=[issue], publish=False)
    assert fingerprint(issue) == before
    assert issue.pk in rebuild.stale_issue_ids()
