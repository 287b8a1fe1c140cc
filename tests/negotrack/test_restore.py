"""Restoring an earlier version of a record: an ordinary write through the services, with
its version check, history, change log and timeline marks; a published record gets a
correction instead of an edit in place; a deleted record comes back with its UUID."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from issues.models import PublicationState, Statement, TimelineState
from issues.services import draft_delete, draft_publish, issue_save, statement_save
from negotrack.models import Change
from negotrack.records import VersionConflict
from negotrack.restore import restore_version
from rounds.models import Source
from rounds.services import source_save
from tests.factories import IssueFactory, IssueStatusFactory, PartyFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def versions_of(record):
    """Its history rows, oldest first."""
    return list(type(record).history.filter(uuid=record.uuid).order_by("history_date", "history_id"))


def changes_of(record):
    return Change.objects.filter(record_type=record._meta.label_lower, record_uuid=record.uuid).order_by("id")


def restore(record, version, *, by, expected_version=None):
    return restore_version(
        record_type=record._meta.label_lower,
        uuid=record.uuid,
        history_id=version.history_id,
        by=by,
        expected_version=record.version if expected_version is None else expected_version,
    )


def edit_statement(statement, *, by, text=None, issues=None):
    statement = Statement.objects.get(pk=statement.pk)
    if text is not None:
        statement.text = text
    return statement_save(statement, by=by, issues=issues, confirm_date=True)


def test_it_restores_an_earlier_version_of_a_source(editor):
    source = SourceFactory(title="First title", by=editor)
    source.title = "Second title"
    source_save(source, by=editor)
    first = versions_of(source)[0]

    restored = restore(source, first, by=editor)

    source.refresh_from_db()
    assert restored.pk == source.pk
    assert source.title == "First title"
    assert source.version == 3
    latest = versions_of(source)[-1]
    assert (latest.history_type, latest.version, latest.history_user) == ("~", 3, editor)
    change = changes_of(source).last()
    assert (change.action, change.record_version, change.changed_fields, change.user) == (
        "update",
        3,
        ["title"],
        editor,
    )


def test_it_restores_a_draft_statements_text_and_issue_links(editor):
    first_issue = IssueFactory()
    second_issue = IssueFactory(process=first_issue.process)
    statement = StatementFactory(process=first_issue.process, text="First words.", issues=[first_issue], by=editor)
    statement = edit_statement(statement, by=editor, text="Second words.", issues=[second_issue])
    first = versions_of(statement)[0]

    restore(statement, first, by=editor)

    statement.refresh_from_db()
    assert statement.text == "First words."
    assert statement.state == PublicationState.DRAFT
    assert list(statement.issues.all()) == [first_issue]


def test_a_statement_whose_party_the_editor_confirmed_is_restored_without_asking_again(editor):
    statement = StatementFactory(party=PartyFactory(name="Ukraine"), text="First words.", by=editor)
    statement.text = "Second words."
    statement_save(statement, by=editor, confirm_party=True)

    restore(statement, versions_of(statement)[0], by=editor)

    statement.refresh_from_db()
    assert (statement.text, statement.party.name) == ("First words.", "Ukraine")


def test_a_published_statement_is_corrected_not_edited(editor, reviewer):
    statement = StatementFactory(text="First words.", by=editor)
    statement = edit_statement(statement, by=editor, text="Published words.")
    draft_publish(statement, by=reviewer)
    first = versions_of(statement)[0]

    draft = restore(statement, first, by=editor)

    statement.refresh_from_db()
    assert statement.state == PublicationState.PUBLISHED
    assert statement.text == "Published words."
    assert draft.pk != statement.pk
    assert draft.state == PublicationState.DRAFT
    assert draft.revises_id == statement.pk
    assert Statement.objects.get(pk=draft.pk).text == "First words."


def test_a_deleted_record_comes_back_with_its_uuid(editor):
    issue = IssueFactory()
    statement = StatementFactory(process=issue.process, text="Gone words.", issues=[issue], by=editor)
    uuid, last_version = statement.uuid, statement.version
    draft_delete(statement, by=editor)
    first = Statement.history.filter(uuid=uuid, history_type="+").get()

    restored = restore_version(
        record_type="issues.statement", uuid=uuid, history_id=first.history_id, by=editor, expected_version=last_version
    )

    again = Statement.objects.get(uuid=uuid)
    assert again.pk == restored.pk
    assert again.text == "Gone words."
    assert list(again.issues.all()) == [issue]
    assert Change.objects.filter(record_uuid=uuid).order_by("id").last().action == "create"


def test_a_deleted_record_whose_parent_is_gone_is_refused_clearly(editor):
    source = SourceFactory(by=editor)
    via = SourceFactory(by=editor)
    source.via = via
    source_save(source, by=editor)
    from negotrack.records import delete_record

    delete_record(Source.objects.get(pk=source.pk), by=editor)
    delete_record(Source.objects.get(pk=via.pk), by=editor)
    second = Source.history.filter(uuid=source.uuid, history_type="~").get()

    with pytest.raises(ValidationError) as refused:
        restore_version(
            record_type="rounds.source", uuid=source.uuid, history_id=second.history_id, by=editor, expected_version=2
        )
    assert "no longer exists" in " ".join(refused.value.message_dict["via"])
    assert not Source.objects.filter(uuid=source.uuid).exists()


def test_a_stale_version_is_refused_and_nothing_is_saved(editor):
    source = SourceFactory(title="First title", by=editor)
    source.title = "Second title"
    source_save(source, by=editor)
    first = versions_of(source)[0]
    rows_before = (Source.history.count(), Change.objects.count())

    with pytest.raises(VersionConflict):
        restore(source, first, by=editor, expected_version=1)

    source.refresh_from_db()
    assert source.title == "Second title"
    assert (Source.history.count(), Change.objects.count()) == rows_before


def test_a_restore_that_changes_nothing_writes_nothing(editor):
    source = SourceFactory(title="Same title", by=editor)
    source.title = "Other title"
    source_save(source, by=editor)
    source.title = "Same title"
    source_save(source, by=editor)
    rows_before = (Source.history.count(), Change.objects.count())

    restore(source, versions_of(source)[0], by=editor)

    source.refresh_from_db()
    assert source.version == 3
    assert (Source.history.count(), Change.objects.count()) == rows_before


def test_a_restore_marks_the_issues_timeline(editor, reviewer):
    issue = IssueFactory(description="First description.", by=editor)
    issue.description = "Second description."
    issue_save(issue, by=editor)
    generation = TimelineState.objects.get(issue=issue).generation

    restore(issue, versions_of(issue)[0], by=editor)

    assert TimelineState.objects.get(issue=issue).generation == generation + 1
    assert changes_of(issue).last().changed_fields == ["description"]


def test_a_restore_of_a_cited_source_marks_the_timelines_that_show_it(editor, reviewer):
    source = SourceFactory(title="First title", by=editor)
    status = IssueStatusFactory(sources=[source], by=editor)
    draft_publish(status, by=reviewer)
    source.refresh_from_db()
    source.title = "Second title"
    source_save(source, by=reviewer)  # an editor's change would wait for review
    generation = TimelineState.objects.get(issue=status.issue).generation

    restore(source, versions_of(source)[0], by=reviewer)

    assert TimelineState.objects.get(issue=status.issue).generation == generation + 1


def test_a_withdrawn_record_cannot_be_restored(editor, reviewer):
    from issues.services import record_withdraw

    statement = StatementFactory(text="First words.", by=editor)
    statement = edit_statement(statement, by=editor, text="Published words.")
    draft_publish(statement, by=reviewer)
    record_withdraw(statement, by=reviewer, note="Misattributed.")

    with pytest.raises(ValidationError, match="correction notice"):
        restore(statement, versions_of(statement)[0], by=editor)


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_only_editors_restore(persona, request, editor):
    source = SourceFactory(title="First title", by=editor)
    source.title = "Second title"
    source_save(source, by=editor)

    with pytest.raises(PermissionDenied):
        restore(source, versions_of(source)[0], by=request.getfixturevalue(persona))
    source.refresh_from_db()
    assert source.title == "Second title"


def test_a_reviewer_and_an_admin_restore(reviewer, admin_user, editor):
    source = SourceFactory(title="First title", by=editor)
    for title, user in (("Second title", editor), ("Third title", editor)):
        source.title = title
        source_save(source, by=user)
    restore(source, versions_of(source)[0], by=reviewer)
    source.refresh_from_db()
    assert source.title == "First title"
    restore(source, versions_of(source)[1], by=admin_user)
    source.refresh_from_db()
    assert source.title == "Second title"


def test_the_deletion_itself_and_an_unknown_version_are_refused(editor):
    source = SourceFactory(by=editor)
    uuid = source.uuid
    from negotrack.records import delete_record

    delete_record(source, by=editor)
    deletion = Source.history.filter(uuid=uuid, history_type="-").get()
    with pytest.raises(ValidationError, match="deletion"):
        restore_version(
            record_type="rounds.source", uuid=uuid, history_id=deletion.history_id, by=editor, expected_version=1
        )
    with pytest.raises(ValidationError, match="not in the record's history"):
        restore_version(record_type="rounds.source", uuid=uuid, history_id=0, by=editor, expected_version=1)
    with pytest.raises(ValidationError, match="not a kind of record"):
        restore_version(record_type="auth.user", uuid=uuid, history_id=0, by=editor, expected_version=1)
