"""Draft, published, withdrawn, superseded: who may move a record, and what each move leaves."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from issues.models import PublicationState, StatementIssue
from issues.services import (
    agreement_save,
    correction_start,
    draft_delete,
    draft_publish,
    draft_send_back,
    issue_status_save,
    record_withdraw,
    statement_link_issues,
    statement_save,
)
from negotrack.models import Change
from negotrack.records import RecordLocked
from tests.factories import (
    AgreementFactory,
    IssueFactory,
    IssueStatusFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    services_by_model,
)

pytestmark = pytest.mark.django_db

PUBLISHABLE_FACTORIES = [IssueStatusFactory, PositionFactory, AgreementFactory, StatementFactory]
by_model = pytest.mark.parametrize("factory", PUBLISHABLE_FACTORIES, ids=lambda f: f._meta.model.__name__)


def changes_of(record):
    return Change.objects.filter(record_type=record._meta.label_lower, record_uuid=record.uuid).order_by("id")


def stored(record):
    return type(record).objects.get(pk=record.pk)


def messages_on(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    return " ".join(refused.value.message_dict[field])


# --- who may publish, withdraw and send back ------------------------------------------------


@by_model
@pytest.mark.parametrize("persona", ["editor", "outsider", "analyst"])
def test_only_reviewers_may_publish(factory, persona, request):
    draft = factory()
    with pytest.raises(PermissionDenied, match="Only reviewers"):
        draft_publish(draft, by=request.getfixturevalue(persona))
    assert stored(draft).state == PublicationState.DRAFT


@by_model
@pytest.mark.parametrize("persona", ["reviewer", "admin_user"])
def test_reviewers_publish(factory, persona, request):
    user = request.getfixturevalue(persona)
    draft = factory()

    draft_publish(draft, by=user)

    record = stored(draft)
    assert (record.state, record.published_by) == (PublicationState.PUBLISHED, user)
    assert record.published_at is not None


@pytest.mark.parametrize("persona", ["editor", "outsider", "analyst"])
def test_only_reviewers_may_withdraw(persona, request):
    status = IssueStatusFactory(publish=True)
    with pytest.raises(PermissionDenied):
        record_withdraw(status, by=request.getfixturevalue(persona), note="Misread.")
    assert stored(status).state == PublicationState.PUBLISHED


@pytest.mark.parametrize("persona", ["editor", "outsider", "analyst"])
def test_only_reviewers_may_send_a_draft_back(persona, request):
    status = IssueStatusFactory()
    with pytest.raises(PermissionDenied):
        draft_send_back(status, by=request.getfixturevalue(persona), note="Cite the readout.")
    assert stored(status).review_note == ""


# --- a published record is never changed in place ------------------------------------------


@by_model
def test_editing_a_published_record_is_refused_with_the_correction_and_withdraw_routes(factory, editor):
    record = factory(publish=True)
    version = record.version
    record.summary = record.stance = record.title = record.text = "Changed in place"
    save = services_by_model()[type(record)][0]

    with pytest.raises(RecordLocked) as locked:
        save(record, by=editor)

    message = locked.value.messages[0]
    assert "is published and cannot be edited in place" in message
    assert "start a correction" in message
    assert "withdraw it" in message
    assert stored(record).version == version


@by_model
def test_deleting_a_published_record_is_refused_with_the_correction_and_withdraw_routes(factory, reviewer):
    record = factory(publish=True)

    with pytest.raises(RecordLocked) as locked:
        draft_delete(record, by=reviewer)

    message = locked.value.messages[0]
    assert "cannot be deleted in place" in message
    assert "start a correction" in message and "withdraw it" in message
    assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("route", ["withdrawn", "superseded"])
def test_editing_a_withdrawn_or_superseded_record_is_refused_without_offering_routes_it_does_not_have(
    route, editor, reviewer
):
    status = IssueStatusFactory(publish=True)
    if route == "withdrawn":
        record_withdraw(status, by=reviewer, note="Misread.")
    else:
        draft_publish(correction_start(status, by=editor), by=reviewer)
    record = stored(status)
    record.summary = "Changed in place"

    with pytest.raises(RecordLocked) as locked:
        issue_status_save(record, by=editor)

    message = locked.value.messages[0]
    assert f"is {route}" in message
    assert "start a correction" not in message and "withdraw it" not in message


def test_publishing_a_published_record_again_is_refused(reviewer):
    status = IssueStatusFactory(publish=True)
    with pytest.raises(RecordLocked, match="cannot be published again"):
        draft_publish(stored(status), by=reviewer)


def test_saving_a_published_statement_with_other_issues_is_refused(editor):
    statement = StatementFactory(publish=True)
    issue = IssueFactory(process=statement.process)

    with pytest.raises(RecordLocked, match="start a correction"):
        statement_save(stored(statement), by=editor, issues=[issue])

    assert not StatementIssue.objects.filter(statement=statement).exists()


def test_relinking_the_issues_of_a_published_statement_is_refused(editor):
    statement = StatementFactory(publish=True)
    issue = IssueFactory(process=statement.process)

    with pytest.raises(RecordLocked, match="start a correction"):
        statement_link_issues(stored(statement), issues=[issue], by=editor)

    assert not StatementIssue.objects.filter(statement=statement).exists()


# --- corrections -----------------------------------------------------------------------------


def test_a_correction_of_a_status_copies_its_fields_and_sources(editor):
    sources = [SourceFactory(), SourceFactory()]
    original = IssueStatusFactory(status="agreed", summary="Agreed, say both sides.", sources=sources, publish=True)

    draft = correction_start(original, by=editor)

    draft = stored(draft)
    assert (draft.state, draft.revises, draft.version) == (PublicationState.DRAFT, original, 1)
    assert draft.uuid != original.uuid
    assert (draft.issue, draft.round, draft.status, draft.summary) == (
        original.issue,
        original.round,
        "agreed",
        "Agreed, say both sides.",
    )
    assert set(draft.sources.all()) == set(sources)
    assert (draft.published_at, draft.published_by) == (None, None)
    assert stored(original).state == PublicationState.PUBLISHED


def test_a_correction_of_a_statement_copies_its_issue_links(editor, reviewer):
    statement = StatementFactory()
    issues = [IssueFactory(process=statement.process), IssueFactory(process=statement.process)]
    statement_save(statement, by=editor, issues=issues)
    draft_publish(statement, by=reviewer)

    draft = correction_start(statement, by=editor)

    assert set(draft.issues.all()) == set(issues)
    assert set(stored(statement).issues.all()) == set(issues)
    assert (draft.text, draft.speaker, draft.round) == (statement.text, statement.speaker, statement.round)
    assert set(draft.sources.all()) == set(statement.sources.all())
    for link in StatementIssue.objects.filter(statement=draft):
        assert changes_of(link).get().action == Change.Action.CREATE


def test_a_correction_of_an_agreement_copies_its_parties_issues_and_figures(editor, reviewer):
    agreement = AgreementFactory(figures=[{"label": "prisoners of war exchanged", "value": 314}])
    issue = IssueFactory(process=agreement.process)
    agreement_save(agreement, by=editor, issues=[issue])
    draft_publish(agreement, by=reviewer)

    draft = correction_start(agreement, by=editor)

    assert set(draft.parties.all()) == set(agreement.parties.all())
    assert list(draft.issues.all()) == [issue]
    assert draft.figures == [{"label": "prisoners of war exchanged", "value": 314}]


def test_a_correction_of_a_position_is_not_current_until_published(editor):
    original = PositionFactory(publish=True)
    assert stored(original).is_current

    draft = correction_start(original, by=editor)

    assert not stored(draft).is_current


def test_only_a_published_record_can_be_corrected(editor):
    with pytest.raises(RecordLocked, match="Only a published record can be corrected; this one is draft"):
        correction_start(IssueStatusFactory(), by=editor)


def test_publishing_a_correction_supersedes_the_original(editor, reviewer):
    original = IssueStatusFactory(status="agreed", publish=True)
    draft = correction_start(original, by=editor)
    draft.status = "near_agreement"
    issue_status_save(draft, by=editor)

    draft_publish(draft, by=reviewer)

    old, new = stored(original), stored(draft)
    assert (old.state, new.state) == (PublicationState.SUPERSEDED, PublicationState.PUBLISHED)
    assert old.superseded_at == new.published_at
    supersede = changes_of(original).last()
    assert (supersede.action, supersede.publication_state, supersede.user) == ("supersede", "superseded", reviewer)
    assert changes_of(draft).last().action == Change.Action.PUBLISH
    original.issue.refresh_from_db()
    assert original.issue.current_status == new


def test_a_correction_of_a_record_withdrawn_meanwhile_cannot_be_published_and_nothing_changes(editor, reviewer):
    original = IssueStatusFactory(publish=True)
    draft = correction_start(original, by=editor)
    record_withdraw(original, by=reviewer, note="Wrong round.")
    changes_before = Change.objects.count()

    with pytest.raises(ValidationError) as refused:
        draft_publish(draft, by=reviewer)

    assert "is withdrawn now, so the correction cannot replace it" in refused.value.messages[0]
    assert stored(draft).state == PublicationState.DRAFT
    assert stored(original).state == PublicationState.WITHDRAWN
    assert Change.objects.count() == changes_before


def test_a_correction_that_fails_after_superseding_leaves_the_original_published(editor, reviewer):
    issue = IssueFactory()
    first_round, second_round = RoundFactory(process=issue.process), RoundFactory(process=issue.process)
    original = IssueStatusFactory(issue=issue, round=first_round, status="progress", publish=True)
    IssueStatusFactory(issue=issue, round=second_round, status="stalled", publish=True)
    draft = correction_start(original, by=editor)
    draft.round = second_round
    issue_status_save(draft, by=editor)
    changes_before = Change.objects.count()
    issue.refresh_from_db()
    current_before = issue.current_status_id

    # The original is superseded first; the correction then collides with the second round's status.
    message = messages_on("round", draft_publish, draft, by=reviewer)

    assert "already has a published status for this round" in message
    assert stored(original).state == PublicationState.PUBLISHED
    assert stored(original).superseded_at is None
    assert stored(draft).state == PublicationState.DRAFT
    assert Change.objects.count() == changes_before
    issue.refresh_from_db()
    assert issue.current_status_id == current_before


# --- withdraw, send back, delete -------------------------------------------------------------


def test_withdrawing_records_the_day_and_the_public_note(reviewer):
    status = IssueStatusFactory(publish=True)

    record_withdraw(status, by=reviewer, note="  The report was about another issue.  ")

    record = stored(status)
    assert record.state == PublicationState.WITHDRAWN
    assert record.withdrawn_on == timezone.localdate()
    assert record.correction_note == "The report was about another issue."
    change = changes_of(status).last()
    assert (change.action, change.publication_state, change.user) == ("withdraw", "withdrawn", reviewer)


def test_withdrawing_on_a_given_day_records_that_day(reviewer):
    statement = StatementFactory(publish=True)
    record_withdraw(statement, by=reviewer, note="Misattributed.", on_date=datetime.date(2026, 2, 20))
    assert stored(statement).withdrawn_on == datetime.date(2026, 2, 20)


@pytest.mark.parametrize("note", ["", "   "])
def test_withdrawing_needs_a_note(note, reviewer):
    status = IssueStatusFactory(publish=True)

    message = messages_on("correction_note", record_withdraw, status, by=reviewer, note=note)

    assert "Say publicly why the record is withdrawn" in message
    assert stored(status).state == PublicationState.PUBLISHED


def test_only_a_published_record_can_be_withdrawn(reviewer):
    draft = IssueStatusFactory()
    with pytest.raises(RecordLocked, match="Only a published record can be withdrawn; this one is draft"):
        record_withdraw(draft, by=reviewer, note="Never mind.")


def test_sending_a_draft_back_keeps_it_a_draft_with_the_reviewers_note(reviewer):
    draft = StatementFactory()

    draft_send_back(draft, by=reviewer, note=" Cite the official readout. ")

    record = stored(draft)
    assert (record.state, record.review_note) == (PublicationState.DRAFT, "Cite the official readout.")
    change = changes_of(draft).last()
    assert (change.action, change.publication_state) == ("send_back", "draft")


def test_sending_back_needs_a_note(reviewer):
    draft = StatementFactory()
    assert "Tell the editor what to change" in messages_on("review_note", draft_send_back, draft, by=reviewer, note=" ")


def test_publishing_clears_the_note_of_a_draft_sent_back_and_changed(reviewer, editor):
    draft = AgreementFactory()
    draft_send_back(draft, by=reviewer, note="Add the figures.")
    draft.figures = [{"label": "prisoners of war exchanged", "value": 314}]
    agreement_save(draft, by=editor)
    draft_publish(draft, by=reviewer)
    assert (stored(draft).review_note, stored(draft).sent_back_version) == ("", None)


@by_model
def test_a_draft_sent_back_is_not_published_until_someone_saves_it(factory, reviewer, editor):
    draft = factory()
    draft_send_back(draft, by=reviewer, note="Cite the official readout.")
    sent_back = stored(draft)

    with pytest.raises(RecordLocked) as refused:
        draft_publish(sent_back, by=reviewer)
    assert refused.value.code == "sent_back"
    when = f"{timezone.localdate(sent_back.sent_back_at):%-d %B %Y}"
    assert refused.value.messages == [
        f"This {draft._meta.verbose_name} was sent back on {when} with the note “Cite the official readout.”: "
        "an editor must change it before it is published."
    ]
    assert stored(draft).state == PublicationState.DRAFT

    save, many = services_by_model()[type(draft)]
    confirm = {"confirm_date": True} if "confirm_date" in many else {}
    save(sent_back, by=editor, sources=[*sent_back.sources.all(), SourceFactory()], **confirm)
    assert stored(draft).version == sent_back.version > draft.version
    draft_publish(stored(draft), by=reviewer)
    assert stored(draft).state == PublicationState.PUBLISHED


def test_a_draft_sent_back_twice_waits_for_a_save_after_the_second(reviewer, editor):
    draft = IssueStatusFactory()
    draft_send_back(draft, by=reviewer, note="Which readout?")
    draft.summary = "Both sides confirmed the monitoring mission."
    issue_status_save(draft, by=editor)
    draft_send_back(draft, by=reviewer, note="Date it.")
    with pytest.raises(RecordLocked, match="with the note “Date it.”"):
        draft_publish(draft, by=reviewer)


def test_a_copy_read_before_the_send_back_is_refused_too(reviewer):
    draft = PositionFactory()
    read_before = stored(draft)
    draft_send_back(draft, by=reviewer, note="Which outlet?")
    with pytest.raises(RecordLocked, match="sent back"):
        draft_publish(read_before, by=reviewer)


def test_a_published_record_cannot_be_sent_back(reviewer):
    status = IssueStatusFactory(publish=True)
    with pytest.raises(RecordLocked, match="cannot be sent back"):
        draft_send_back(status, by=reviewer, note="Too late.")


@by_model
def test_an_editor_can_delete_a_draft(factory, editor):
    draft = factory()

    draft_delete(draft, by=editor)

    assert not type(draft).objects.filter(pk=draft.pk).exists()
    change = changes_of(draft).get(action=Change.Action.DELETE)
    assert change.user == editor


def test_deleting_a_draft_statement_deletes_and_logs_its_issue_links(editor):
    statement = StatementFactory()
    issue = IssueFactory(process=statement.process)
    statement_save(statement, by=editor, issues=[issue])
    link = StatementIssue.objects.get(statement=statement)

    draft_delete(statement, by=editor)

    assert not StatementIssue.objects.filter(pk=link.pk).exists()
    assert changes_of(link).last().action == Change.Action.DELETE
    assert StatementIssue.history.filter(uuid=link.uuid).order_by("history_id").last().history_type == "-"
