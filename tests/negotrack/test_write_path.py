"""The one write path: every change to the record goes through a service, which checks the
version, keeps the slug, and leaves exactly one history row and one change-log row."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from delegations.models import Attendance, Person
from delegations.services import attendance_save, person_save
from issues.models import Issue, IssueStatus, Statement, StatementIssue
from issues.services import draft_publish, issue_save, statement_save
from negotrack.models import Change
from negotrack.records import VersionConflict, WriteOutsideServices
from rounds.models import Process, Round, Source
from rounds.services import process_save, round_delete, round_save
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
    services_by_model,
)

pytestmark = pytest.mark.django_db

FEB_17 = datetime.date(2026, 2, 17)


def history_of(record):
    return type(record).history.filter(uuid=record.uuid).order_by("history_id")


def changes_of(record):
    return Change.objects.filter(record_type=record._meta.label_lower, record_uuid=record.uuid).order_by("id")


def messages_on(field, save, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        save(*args, **kwargs)
    return " ".join(refused.value.message_dict[field])


# --- writes outside the services -----------------------------------------------------------


def test_it_refuses_save_of_a_new_record_outside_the_services():
    with pytest.raises(WriteOutsideServices, match="service functions"):
        Process(slug="stray", name="Stray talks").save()
    assert not Process.objects.filter(slug="stray").exists()


def test_it_refuses_objects_create_outside_the_services():
    with pytest.raises(WriteOutsideServices):
        Source.objects.create(outlet="Stray outlet")
    assert not Source.objects.filter(outlet="Stray outlet").exists()


def test_it_refuses_save_of_an_existing_record_outside_the_services():
    process = ProcessFactory(name="Geneva talks")
    process.name = "Renamed behind the services' back"
    with pytest.raises(WriteOutsideServices):
        process.save()
    stored = Process.objects.get(pk=process.pk)
    assert (stored.name, stored.version) == ("Geneva talks", 1)


def test_it_refuses_delete_outside_the_services():
    process = ProcessFactory()
    with pytest.raises(WriteOutsideServices):
        process.delete()
    assert Process.objects.filter(pk=process.pk).exists()


def test_it_refuses_queryset_update_outside_the_services():
    process = ProcessFactory(name="Geneva talks")
    with pytest.raises(WriteOutsideServices, match=r"QuerySet\.update\(\)"):
        Process.objects.filter(pk=process.pk).update(name="Renamed")
    assert Process.objects.get(pk=process.pk).name == "Geneva talks"


def test_it_refuses_update_through_a_related_manager_outside_the_services():
    talk_round = RoundFactory(city="Geneva")
    with pytest.raises(WriteOutsideServices):
        talk_round.process.rounds.update(city="Abu Dhabi")
    assert Round.objects.get(pk=talk_round.pk).city == "Geneva"


def test_it_refuses_update_of_publishable_records_outside_the_services():
    status = IssueStatusFactory(status="discussed")
    with pytest.raises(WriteOutsideServices):
        IssueStatus.objects.drafts().update(status="agreed")
    assert IssueStatus.objects.get(pk=status.pk).status == "discussed"


def test_it_refuses_queryset_delete_outside_the_services():
    process = ProcessFactory()
    with pytest.raises(WriteOutsideServices, match=r"QuerySet\.delete\(\)"):
        Process.objects.filter(pk=process.pk).delete()
    assert Process.objects.filter(pk=process.pk).exists()


def test_it_refuses_bulk_create_outside_the_services():
    with pytest.raises(WriteOutsideServices, match=r"bulk_create\(\)"):
        Source.objects.bulk_create([Source(outlet="Bulk outlet 1"), Source(outlet="Bulk outlet 2")])
    assert not Source.objects.filter(outlet__startswith="Bulk outlet").exists()


def test_it_refuses_bulk_update_outside_the_services():
    source = SourceFactory(outlet="Reuters")
    source.outlet = "Renamed"
    with pytest.raises(WriteOutsideServices, match=r"bulk_update\(\)"):
        Source.objects.bulk_update([source], ["outlet"])
    assert Source.objects.get(pk=source.pk).outlet == "Reuters"


def test_it_refuses_linking_a_statement_to_an_issue_through_the_related_manager():
    statement = StatementFactory()
    issue = IssueFactory(process=statement.process)
    # add() writes inside atomic(savepoint=False): give the refusal a savepoint to roll back to.
    with pytest.raises(WriteOutsideServices), transaction.atomic():
        statement.issues.add(issue)
    assert not StatementIssue.objects.filter(statement=statement).exists()


def test_it_refuses_changing_a_rounds_sources_outside_the_services():
    talk_round = RoundFactory()
    source = SourceFactory()
    with pytest.raises(WriteOutsideServices), transaction.atomic():
        talk_round.sources.add(source)
    assert not talk_round.sources.exists()


# --- the version check ---------------------------------------------------------------------


def test_a_save_over_a_version_that_changed_meanwhile_raises_a_version_conflict_and_writes_nothing(editor, reviewer):
    process = ProcessFactory(name="Geneva talks")
    mine = Process.objects.get(pk=process.pk)
    theirs = Process.objects.get(pk=process.pk)
    theirs.name = "Their name"
    process_save(theirs, by=reviewer)
    history_before, changes_before = history_of(process).count(), changes_of(process).count()

    mine.name = "My name"
    with pytest.raises(VersionConflict) as conflict:
        process_save(mine, by=editor)

    message = conflict.value.messages[0]
    assert "changed by someone else" in message
    assert "you started from version 1, it is now at version 2" in message
    assert conflict.value.code == "version_conflict"
    stored = Process.objects.get(pk=process.pk)
    assert (stored.name, stored.version) == ("Their name", 2)
    assert history_of(process).count() == history_before
    assert changes_of(process).count() == changes_before


def test_a_stale_statement_save_changes_neither_the_statement_nor_its_issue_links(editor, reviewer):
    statement = StatementFactory(text="Original words.", by=editor)
    issue = IssueFactory(process=statement.process)
    mine = Statement.objects.get(pk=statement.pk)
    theirs = Statement.objects.get(pk=statement.pk)
    theirs.text = "Their words."
    statement_save(theirs, by=reviewer)
    changes_before = Change.objects.count()

    mine.text = "My words."
    with pytest.raises(VersionConflict):
        statement_save(mine, by=editor, issues=[issue])

    assert Statement.objects.get(pk=statement.pk).text == "Their words."
    assert not StatementIssue.objects.filter(statement=statement).exists()
    assert Change.objects.count() == changes_before


def test_a_delete_over_a_version_that_changed_meanwhile_raises_a_version_conflict_and_deletes_nothing(editor):
    talk_round = RoundFactory(city="Geneva")
    theirs = Round.objects.get(pk=talk_round.pk)
    theirs.venue = "Intercontinental"
    round_save(theirs, by=editor)

    with pytest.raises(VersionConflict):
        round_delete(talk_round, by=editor)

    assert Round.objects.filter(pk=talk_round.pk).exists()
    assert not changes_of(talk_round).filter(action=Change.Action.DELETE).exists()


# --- no change, no write -------------------------------------------------------------------


def test_a_save_with_no_change_writes_nothing(editor):
    source = SourceFactory()
    talk_round = RoundFactory(sources=[source])
    again = Round.objects.get(pk=talk_round.pk)

    round_save(again, by=editor, sources=[source])

    assert Round.objects.get(pk=talk_round.pk).version == 1
    assert history_of(talk_round).count() == 1
    assert changes_of(talk_round).count() == 1


def test_a_statement_save_with_no_change_writes_nothing(editor):
    statement = StatementFactory()
    issue = IssueFactory(process=statement.process)
    statement_save(statement, by=editor, issues=[issue])
    changes_before = Change.objects.count()

    statement_save(Statement.objects.get(pk=statement.pk), by=editor, issues=[issue])

    assert Statement.objects.get(pk=statement.pk).version == 1
    assert Change.objects.count() == changes_before


def test_a_save_that_normalizes_to_what_is_stored_writes_nothing(editor):
    person = PersonFactory(aliases="Umerov\nUmjerow")
    again = Person.objects.get(pk=person.pk)
    again.aliases = "Umerov\nUmjerow\nUmerov"

    person_save(again, by=editor)

    assert Person.objects.get(pk=person.pk).version == 1
    assert changes_of(person).count() == 1


# --- one history row and one change-log row per write ---------------------------------------


@pytest.mark.parametrize(
    "factory",
    [
        SourceFactory,
        ProcessFactory,
        RoundFactory,
        SessionFactory,
        PartyFactory,
        PersonFactory,
        DelegationFactory,
        MembershipFactory,
        IssueFactory,
        IssueStatusFactory,
        PositionFactory,
        AgreementFactory,
        StatementFactory,
    ],
    ids=lambda factory: factory._meta.model.__name__,
)
def test_every_create_service_leaves_one_history_row_and_one_change_row(factory, editor):
    record = factory(by=editor)

    [row] = history_of(record)
    assert (row.history_type, row.history_user, row.version) == ("+", editor, 1)
    [change] = changes_of(record)
    assert change.action == Change.Action.CREATE
    assert change.record_type == record._meta.label_lower
    assert change.record_version == 1
    assert change.user == editor


def test_creating_a_record_logs_its_fields_as_changed(editor):
    process = Process(slug="geneva-talks", name="Geneva talks")
    process_save(process, by=editor)

    [change] = changes_of(process)
    assert change.record_type == "rounds.process"
    assert change.record_uuid == process.uuid
    assert {"slug", "name", "description"} <= set(change.changed_fields)
    assert not {"id", "version", "created_at", "updated_at"} & set(change.changed_fields)


def test_updating_a_record_leaves_one_history_row_and_one_change_row_naming_the_changed_fields(editor, reviewer):
    process = ProcessFactory(by=editor)
    process.name = "Renamed talks"
    process.description = "Now with a description."

    process_save(process, by=reviewer)

    rows = list(history_of(process))
    assert len(rows) == 2
    assert (rows[-1].history_type, rows[-1].history_user, rows[-1].version) == ("~", reviewer, 2)
    assert rows[-1].name == "Renamed talks"
    change = changes_of(process).last()
    assert changes_of(process).count() == 2
    assert (change.action, change.record_version, change.user) == (Change.Action.UPDATE, 2, reviewer)
    assert change.changed_fields == ["name", "description"]


def test_a_write_with_many_to_many_values_leaves_a_single_history_row(editor):
    first, second = SourceFactory(), SourceFactory()
    talk_round = RoundFactory(sources=[first, second], by=editor)
    assert history_of(talk_round).count() == 1

    round_save(talk_round, by=editor, sources=[first])

    assert history_of(talk_round).count() == 2
    change = changes_of(talk_round).last()
    assert (change.action, change.record_version, change.changed_fields) == (Change.Action.UPDATE, 2, ["sources"])
    assert list(talk_round.sources.all()) == [first]


def test_a_statement_and_each_of_its_issue_links_get_their_own_rows(editor):
    statement = StatementFactory(by=editor)
    first, second = IssueFactory(process=statement.process), IssueFactory(process=statement.process)

    statement.text = "Territory and the ceasefire were discussed."
    statement_save(statement, by=editor, issues=[first, second])

    assert history_of(statement).count() == 2
    links = list(StatementIssue.objects.filter(statement=statement))
    assert {link.issue for link in links} == {first, second}
    for link in links:
        [row] = history_of(link)
        assert (row.history_type, row.history_user) == ("+", editor)
        [change] = changes_of(link)
        assert (change.action, change.record_type) == (Change.Action.CREATE, "issues.statementissue")


def test_publishing_leaves_one_history_row_and_a_publish_change(reviewer):
    status = IssueStatusFactory()

    draft_publish(status, by=reviewer)

    rows = list(history_of(status))
    assert len(rows) == 2
    assert (rows[-1].history_user, rows[-1].state) == (reviewer, "published")
    change = changes_of(status).last()
    assert (change.action, change.record_version, change.publication_state) == (Change.Action.PUBLISH, 2, "published")
    assert change.user == reviewer
    assert "state" in change.changed_fields


# --- deletes and their cascades --------------------------------------------------------------


def test_deleting_a_round_logs_each_record_that_cascades_with_it(editor):
    session = SessionFactory()
    talk_round = session.round
    delegation = DelegationFactory(round=talk_round)
    membership = MembershipFactory(delegation=delegation)
    attendance = attendance_save(Attendance(session=session, membership=membership), by=editor)
    doomed = [talk_round, session, delegation, membership, attendance]

    round_delete(talk_round, by=editor)

    for record in doomed:
        assert not type(record).objects.filter(pk=record.pk).exists(), record
        [change] = changes_of(record).filter(action=Change.Action.DELETE)
        assert (change.user, change.record_version) == (editor, record.version)
        last = history_of(record).last()
        assert (last.history_type, last.history_user) == ("-", editor)
    # What the cascade stops at (PROTECT) stays.
    assert Person.objects.filter(pk=membership.person_id).exists()
    assert Process.objects.filter(pk=talk_round.process_id).exists()


# --- slugs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "factory", [ProcessFactory, PartyFactory, PersonFactory, IssueFactory], ids=lambda f: f._meta.model.__name__
)
def test_it_refuses_to_change_a_fixed_slug(factory, editor):
    record = factory()
    original = record.slug
    record.slug = "a-new-slug"
    save = services_by_model()[type(record)][0]

    message = messages_on("slug", save, record, by=editor)

    assert f"The slug {original!r} is fixed" in message
    assert type(record).objects.get(pk=record.pk).slug == original


def test_renaming_a_person_keeps_their_slug(editor):
    person = PersonFactory(name="Rustem Umerov")
    assert person.slug == "rustem-umerov"
    person.name = "Rustem Umierov"
    person_save(person, by=editor)
    assert Person.objects.get(pk=person.pk).slug == "rustem-umerov"


def test_changing_an_issues_topic_keeps_its_slug(editor):
    issue = IssueFactory(process=ProcessFactory(slug="ru-ua"), topic="territory")
    assert issue.slug == "ru-ua-territory"
    issue.topic = "territorial-questions"
    services_by_model()[type(issue)][0](issue, by=editor)
    assert type(issue).objects.get(pk=issue.pk).slug == "ru-ua-territory"


def test_it_refuses_a_second_issue_on_the_same_topic_in_a_process(editor):
    first = IssueFactory(topic="territory")
    second = Issue(process=first.process, topic="territory", name="Territory again")

    message = messages_on("topic", issue_save, second, by=editor)

    assert "This process already has an agenda issue on this topic" in message
    assert first.process.issues.count() == 1


def test_a_second_issue_on_the_same_topic_gets_one_message_on_the_topic_only(editor):
    first = IssueFactory(topic="territory")

    with pytest.raises(ValidationError) as refused:
        issue_save(Issue(process=first.process, topic="territory", name="Territory again"), by=editor)

    assert set(refused.value.message_dict) == {"topic"}


def test_the_same_topic_in_another_process_gets_its_own_slug():
    first = IssueFactory(process=ProcessFactory(slug="ru-ua"), topic="territory")
    second = IssueFactory(process=ProcessFactory(slug="us-iran"), topic="territory")
    assert (first.slug, second.slug) == ("ru-ua-territory", "us-iran-territory")


def test_a_scheduled_round_without_dates_gets_a_provisional_slug_fixed_once_its_first_day_is_known(editor):
    process = ProcessFactory(slug="ru-ua")
    talk_round = round_save(Round(process=process, city="Geneva", status=Round.Status.SCHEDULED), by=editor)
    assert talk_round.slug.startswith("ru-ua-scheduled-")
    assert talk_round.slug_is_provisional

    talk_round.start_date = FEB_17
    round_save(talk_round, by=editor)

    stored = Round.objects.get(pk=talk_round.pk)
    assert (stored.slug, stored.slug_is_provisional) == ("geneva-2026-02-17", False)


def test_a_fixed_round_slug_stays_when_the_city_or_the_first_day_moves(editor):
    talk_round = RoundFactory(city="Geneva", start_date=FEB_17, end_date=FEB_17)
    assert talk_round.slug == "geneva-2026-02-17"

    talk_round.city = "Lausanne"
    talk_round.start_date = talk_round.end_date = datetime.date(2026, 2, 16)
    round_save(talk_round, by=editor)

    assert Round.objects.get(pk=talk_round.pk).slug == "geneva-2026-02-17"


def test_it_refuses_to_change_a_fixed_round_slug_by_hand(editor):
    talk_round = RoundFactory(city="Geneva", start_date=FEB_17)
    talk_round.slug = "lausanne-2026-02-17"

    message = messages_on("slug", round_save, talk_round, by=editor)

    assert "'geneva-2026-02-17' is fixed" in message
    assert Round.objects.get(pk=talk_round.pk).slug == "geneva-2026-02-17"


def test_a_second_process_meeting_in_the_same_city_on_the_same_day_puts_its_slug_in_front():
    first = RoundFactory(process=ProcessFactory(slug="ru-ua"), city="Geneva", start_date=FEB_17)
    second = RoundFactory(process=ProcessFactory(slug="us-iran"), city="Geneva", start_date=FEB_17)

    assert first.slug == "geneva-2026-02-17"
    assert second.slug == "us-iran-geneva-2026-02-17"


def test_a_provisional_slug_fixed_on_a_taken_city_and_day_puts_the_process_in_front(editor):
    RoundFactory(process=ProcessFactory(slug="ru-ua"), city="Geneva", start_date=FEB_17)
    later = round_save(
        Round(process=ProcessFactory(slug="us-iran"), city="Geneva", status=Round.Status.SCHEDULED), by=editor
    )

    later.start_date = FEB_17
    round_save(later, by=editor)

    assert Round.objects.get(pk=later.pk).slug == "us-iran-geneva-2026-02-17"
