"""A walk over every admin write path: each must leave its history row, its version bump,
its change-log row and, where it moves one, the current status and the timeline marks
(publication marks the issue's timeline; drafts never do)."""

import datetime

import pytest
from django.urls import reverse

from delegations.models import Attendance, Delegation, Membership, Party, Person
from issues.models import Agreement, Issue, IssueStatus, Position, Statement, StatementIssue, TimelineState
from negotrack.models import Change
from rounds.models import Process, Round, Session, Source
from tests.admin_forms import add_inline_row, inline_prefix, page_form_data, signed_in
from tests.factories import (
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


class Trace:
    """What one record has left behind so far: history rows and change-log actions."""

    def __init__(self, record):
        self.model, self.uuid = type(record), record.uuid

    @property
    def history(self):
        return self.model.history.filter(uuid=self.uuid).order_by("history_id")

    @property
    def actions(self):
        return list(
            Change.objects.filter(record_type=self.model._meta.label_lower, record_uuid=self.uuid)
            .order_by("id")
            .values_list("action", flat=True)
        )


class Marks:
    """Whether an issue's timeline was marked since the last look."""

    def __init__(self, issue):
        self.issue_id, self.seen = issue.pk, self.generation(issue.pk)

    @staticmethod
    def generation(issue_id) -> int:
        return TimelineState.objects.filter(issue_id=issue_id).values_list("generation", flat=True).first() or 0

    def moved(self) -> bool:
        now = self.generation(self.issue_id)
        moved, self.seen = now != self.seen, now
        return moved


def submit_change(client, record, changes: dict, *, extra=None):
    """Open the record's change page, change some fields and save it."""
    page = client.get(url(type(record), "change", record.pk))
    assert page.status_code == 200
    data = {**page_form_data(page), **changes}
    if extra:
        extra(page, data)
    response = client.post(url(type(record), "change", record.pk), data)
    assert response.status_code == 302, _errors(response)
    return response


def submit_add(client, model, values: dict, *, extra=None):
    page = client.get(url(model, "add"))
    assert page.status_code == 200
    data = {**page_form_data(page), **values}
    if extra:
        extra(page, data)
    response = client.post(url(model, "add"), data)
    assert response.status_code == 302, _errors(response)
    return model.objects.order_by("-id").first()


def _errors(response):
    if response.context is None:
        return response.status_code
    form_errors = response.context["adminform"].form.errors
    inline_errors = [f.errors for inline in response.context["inline_admin_formsets"] for f in inline.formset.forms]
    return form_errors, inline_errors


def test_plain_records_leave_history_version_and_change_rows_on_add_change_and_delete(editor):
    client = signed_in(editor)
    cases = [
        (Source, {"outlet": "Anadolu Agency", "title": "Talks constructive"}, {"title": "Talks 'constructive'"}),
        (Process, {"name": "Armenia–Azerbaijan talks", "slug": "armenia-azerbaijan"}, {"short_name": "AM–AZ"}),
        (Party, {"name": "Oman", "slug": "oman", "kind": "state"}, {"short_name": "OM"}),
        (Person, {"name": "Abbas Araghchi", "slug": "abbas-araghchi"}, {"aliases": "Araqchi\nعراقچی"}),
    ]
    for model, values, changes in cases:
        record = submit_add(client, model, values)
        trace = Trace(record)
        assert (record.version, trace.history.count(), trace.actions) == (1, 1, ["create"])
        assert trace.history.last().history_user == editor

        submit_change(client, record, changes)
        record.refresh_from_db()
        assert (record.version, trace.history.count(), trace.actions) == (2, 2, ["create", "update"])
        field = next(iter(changes))
        assert Change.objects.filter(record_uuid=record.uuid).last().changed_fields == [field]

        response = client.post(url(model, "delete", record.pk), {"post": "yes"})
        assert response.status_code == 302
        assert not model.objects.filter(pk=record.pk).exists()
        assert trace.actions == ["create", "update", "delete"]
        assert trace.history.last().history_type == "-"


def test_a_round_with_inline_sessions_and_delegations_writes_each_row_through_its_service(editor):
    process, source, party = ProcessFactory(), SourceFactory(), PartyFactory()
    client = signed_in(editor)

    def inlines(page, data):
        add_inline_row(data, inline_prefix(page, "session"), {"date": "2026-02-17", "track": "political"})
        add_inline_row(data, inline_prefix(page, "delegation"), {"party": party.pk, "roles": ["host", "mediator"]})

    talk_round = submit_add(
        client,
        Round,
        {
            "process": process.pk,
            "city": "Geneva",
            "country": "Switzerland",
            "start_date": "2026-02-17",
            "end_date": "2026-02-18",
            "status": "concluded",
            "format": "trilateral",
            "sources": [source.pk],
        },
        extra=inlines,
    )
    session, delegation = talk_round.sessions.get(), talk_round.delegations.get()
    assert delegation.roles == ["mediator", "host"]  # two checkboxes, kept in the roles' order
    for record in (talk_round, session, delegation):
        assert Trace(record).actions == ["create"]
        assert Trace(record).history.get().history_user == editor
    assert list(talk_round.sources.all()) == [source]
    assert talk_round.slug == "geneva-2026-02-17"

    # Changing an inline row alone bumps that row, not the round.
    submit_change(client, talk_round, {f"{'sessions'}-0-summary": "Political working group."})
    session.refresh_from_db()
    talk_round.refresh_from_db()
    assert (session.version, Trace(session).actions) == (2, ["create", "update"])
    assert talk_round.version == 1

    # Deleting an inline row goes through the delete service.
    submit_change(client, talk_round, {"delegations-0-DELETE": "on"})
    assert not Delegation.objects.exists()
    assert Trace(delegation).actions == ["create", "delete"]

    # Deleting the round takes its sessions with it, each logged.
    client.post(url(Round, "delete", talk_round.pk), {"post": "yes"})
    assert Trace(talk_round).actions[-1] == "delete"
    assert Trace(session).actions[-1] == "delete"
    assert not Session.objects.exists()


def test_a_delegation_with_inline_members_and_a_session_with_inline_attendance(editor):
    delegation = DelegationFactory()
    person = PersonFactory()
    client = signed_in(editor)
    submit_change(
        client,
        delegation,
        {},
        extra=lambda page, data: add_inline_row(
            data, inline_prefix(page, "membership"), {"person": person.pk, "role": "head", "title": "Kremlin adviser"}
        ),
    )
    membership = Membership.objects.get()
    assert (membership.role, membership.title, Trace(membership).actions) == ("head", "Kremlin adviser", ["create"])

    session = SessionFactory(round=delegation.round)
    submit_change(
        client,
        session,
        {},
        extra=lambda page, data: add_inline_row(data, inline_prefix(page, "attendance"), {"membership": membership.pk}),
    )
    attendance = Attendance.objects.get()
    assert Trace(attendance).actions == ["create"]

    submit_change(client, membership, {"title": "Aide to the President"})
    assert Trace(membership).actions == ["create", "update"]


def test_drafts_publication_and_current_status_through_the_admin(editor, reviewer):
    issue = IssueFactory()
    talk_round = RoundFactory(process=issue.process)
    source = SourceFactory()
    editing, reviewing = signed_in(editor), signed_in(reviewer)
    marks = Marks(issue)

    status = submit_add(
        editing,
        IssueStatus,
        {"issue": issue.pk, "round": talk_round.pk, "status": "near_agreement", "sources": [source.pk]},
    )
    assert status.state == "draft"
    issue.refresh_from_db()
    assert issue.current_status is None, "a draft is not part of the public record"

    submit_change(editing, status, {"summary": "Almost all questions of a monitoring mechanism agreed."})
    assert not marks.moved(), "a draft never reaches a timeline"
    submit_change(reviewing, status, {"_publish": "Save and publish"})
    assert marks.moved()
    status.refresh_from_db()
    issue.refresh_from_db()
    assert status.state == "published"
    assert status.published_by == reviewer
    assert issue.current_status == status
    # Saving and publishing without a change in between logs no empty "update".
    assert Trace(status).actions == ["create", "update", "publish"]
    assert Trace(status).history.count() == 3

    # Once published it is read-only: the change page no longer saves.
    response = editing.post(url(IssueStatus, "change", status.pk), {"summary": "edited in place"})
    assert response.status_code == 403
    status.refresh_from_db()
    assert status.summary.startswith("Almost all")


def test_positions_agreements_and_statements_through_the_admin(editor, reviewer):
    issue = IssueFactory()
    talk_round = RoundFactory(process=issue.process)
    party, other = PartyFactory(), PartyFactory()
    source = SourceFactory()
    speaker = PersonFactory()
    editing, reviewing = signed_in(editor), signed_in(reviewer)

    position = submit_add(
        editing,
        Position,
        {
            "issue": issue.pk,
            "party": party.pk,
            "round": talk_round.pk,
            "stance": "demands all of Donbas",
            "sources": [source.pk],
        },
    )
    submit_change(reviewing, position, {"_publish": "Save and publish"})
    position.refresh_from_db()
    assert (position.state, position.is_current) == ("published", True)

    agreement = submit_add(
        editing,
        Agreement,
        {
            "process": issue.process.pk,
            "round": talk_round.pk,
            "title": "Prisoner exchange",
            "terms": "314 prisoners of war, 157 for 157.",
            "figures": '[{"label": "prisoners of war exchanged", "value": 314}]',
            "parties": [party.pk, other.pk],
            "issues": [issue.pk],
            "sources": [source.pk],
        },
    )
    assert set(agreement.parties.all()) == {party, other}
    assert Trace(agreement).actions == ["create"]
    assert agreement.history.get().history_user == editor

    statement = submit_add(
        editing,
        Statement,
        {
            "process": issue.process.pk,
            "round": talk_round.pk,
            "speaker": speaker.pk,
            "date": "2026-02-18",
            "date_precision": "day",
            "medium": "press_remarks",
            "kind": "quote",
            "language": "en",
            "text": "Difficult but businesslike.",
            "agenda_issues": [issue.pk],
            "sources": [source.pk],
        },
    )
    link = StatementIssue.objects.get(statement=statement)
    assert link.issue == issue
    assert Trace(link).actions == ["create"]
    assert link.history.get().history_user == editor

    # Unlinking the issue deletes the link record, with its own history.
    submit_change(editing, statement, {"agenda_issues": []})
    assert not StatementIssue.objects.exists()
    assert Trace(link).actions == ["create", "delete"]

    # A draft can be deleted; it leaves a delete row.
    editing.post(url(Statement, "delete", statement.pk), {"post": "yes"})
    assert Trace(statement).actions[-1] == "delete"


def test_withdrawal_send_back_and_correction_routes(editor, reviewer):
    status = IssueStatusFactory(publish=True)
    draft = IssueStatusFactory(
        issue=status.issue,
        round=RoundFactory(
            process=status.issue.process, start_date=datetime.date(2026, 3, 1), end_date=datetime.date(2026, 3, 2)
        ),
    )
    editing, reviewing = signed_in(editor), signed_in(reviewer)
    marks = Marks(status.issue)

    # Editors may not send back or withdraw.
    assert editing.post(url(IssueStatus, "publication", draft.pk, "send_back"), {"note": "x"}).status_code == 403

    response = reviewing.post(url(IssueStatus, "publication", draft.pk, "send_back"), {"note": "Which source?"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.state, draft.review_note) == ("draft", "Which source?")
    assert Trace(draft).actions == ["create", "send_back"]
    assert not marks.moved()

    response = editing.post(url(IssueStatus, "publication", status.pk, "correct"))
    correction = IssueStatus.objects.get(revises=status)
    assert response.status_code == 302 and response.url == url(IssueStatus, "change", correction.pk)
    submit_change(editing, correction, {"status": "progress"})
    assert not marks.moved()
    submit_change(reviewing, correction, {"_publish": "Save and publish"})
    assert marks.moved()
    status.refresh_from_db()
    correction.refresh_from_db()
    assert (status.state, correction.state) == ("superseded", "published")
    assert Trace(status).actions[-1] == "supersede"
    status.issue.refresh_from_db()
    assert status.issue.current_status == correction

    response = reviewing.post(
        url(IssueStatus, "publication", correction.pk, "withdraw"),
        {"note": "The report was retracted.", "on_date": "2026-02-20"},
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert (correction.state, correction.withdrawn_on) == ("withdrawn", datetime.date(2026, 2, 20))
    assert Trace(correction).actions[-1] == "withdraw"
    assert marks.moved()
    correction.issue.refresh_from_db()
    assert correction.issue.current_status is None


def test_the_issue_admin_writes_through_its_service(editor):
    process = ProcessFactory()
    issue = submit_add(signed_in(editor), Issue, {"process": process.pk, "topic": "territory", "name": "Territory"})
    assert issue.slug == f"{process.slug}-territory"
    assert Trace(issue).actions == ["create"]
    MembershipFactory()  # the walk's factories write through the services too
    assert Change.objects.filter(record_type="delegations.membership").count() == 1
    assert StatementFactory().history.count() == 1


def test_every_record_shows_its_history_with_who_changed_it(editor, reviewer):
    status = IssueStatusFactory(by=editor)
    client = signed_in(reviewer)
    submit_change(client, status, {"summary": "Reviewed."})
    records = [status, status.issue, status.round, status.sources.get(), DelegationFactory(by=editor)]
    for record in records:
        assert client.get(url(type(record), "history", record.pk)).status_code == 200
    history = client.get(url(IssueStatus, "history", status.pk)).content.decode()
    assert "editor" in history and "reviewer" in history
