"""Nothing reaches the public record without a reviewer (DESIGN.md, Publication): an
editor's change to a record that published records show waits as a pending revision,
in every interface, until a reviewer publishes it from the review queue."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delegations import services as delegation_services
from delegations.models import Attendance, Person
from negotrack.groups import system_user
from negotrack.models import Change, PendingRevision
from negotrack.records import delete_record
from negotrack.registry import require_record_type, reviewed_kinds
from negotrack.revisions import revision_discard, revision_publish
from rounds import services as round_services
from rounds.models import Session
from tests.admin_forms import page_form_data, signed_in
from tests.factories import (
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PersonFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)
from tests.feed import FEED_DB, follow

GOOD_URL = "https://www.reuters.com/world/geneva-talks/"
PHISHING_URL = "https://reuters.example.net/login"


@pytest.fixture
def cited(db):
    """A published statement at a round, citing a source, said by a person, about an issue."""
    source = SourceFactory(url=GOOD_URL)
    issue = IssueFactory()
    statement = StatementFactory(process=issue.process, sources=[source], issues=[issue], publish=True)
    return statement, source


def _reload(record):
    return type(record).objects.get(pk=record.pk)


# --- the API ---------------------------------------------------------------------------------


def test_an_editors_change_to_a_cited_source_waits_and_nothing_public_moves(cited, editor, reviewer, token_api, client):
    statement, source = cited
    before_feed = token_api(None).get("/api/v1/changes/").json()
    response = token_api(editor).patch(f"/api/v1/sources/{source.uuid}/", {"url": PHISHING_URL}, format="json")

    assert response.status_code == 202, response.content
    body = response.json()
    assert body["pending_revision"]["changed_fields"] == ["url"]
    assert body["pending_revision"]["proposed"] == {"url": PHISHING_URL}
    assert body["pending_revision"]["proposed_by"] == "editor"
    assert body["record"]["url"] == GOOD_URL
    assert response["ETag"] == f'"{source.version}"'
    assert "awaits a reviewer" in body["detail"]

    # Pages, the API and the public feed still show the source as it was.
    assert _reload(source).url == GOOD_URL
    assert token_api(None).get(f"/api/v1/sources/{source.uuid}/").json()["url"] == GOOD_URL
    page = client.get(f"/rounds/{statement.round.slug}/").content.decode()
    assert PHISHING_URL not in page
    assert token_api(None).get("/api/v1/changes/").json()["results"] == before_feed["results"]

    # The review queue lists it; a reviewer publishes it, and then it is public.
    reviewer_client = signed_in(reviewer)
    queue = reviewer_client.get(reverse("review:queue")).content.decode()
    assert PHISHING_URL in queue and f"revision-{body['pending_revision']['uuid']}" in queue
    reviewer_client.post(reverse("review:publish-change", kwargs={"uuid": body["pending_revision"]["uuid"]}))
    assert _reload(source).url == PHISHING_URL
    assert token_api(None).get(f"/api/v1/sources/{source.uuid}/").json()["url"] == PHISHING_URL


def test_a_reviewers_own_change_is_public_at_once(cited, reviewer, token_api):
    _, source = cited
    response = token_api(reviewer).patch(f"/api/v1/sources/{source.uuid}/", {"title": "Talks end"}, format="json")
    assert response.status_code == 200
    assert _reload(source).title == "Talks end"
    assert not PendingRevision.objects.exists()


def test_a_record_nothing_published_shows_changes_at_once(editor, token_api):
    source = SourceFactory()
    StatementFactory(sources=[source])  # a draft cites it: nothing public shows it yet
    response = token_api(editor).patch(f"/api/v1/sources/{source.uuid}/", {"url": GOOD_URL}, format="json")
    assert response.status_code == 200
    assert _reload(source).url == GOOD_URL
    assert not PendingRevision.objects.exists()


def test_an_editors_change_to_a_speaker_waits(cited, editor, token_api):
    statement, _ = cited
    person = statement.speaker
    response = token_api(editor).patch(
        f"/api/v1/people/{person.slug}/", {"name": "Someone Else", "aliases": ["Else"]}, format="json"
    )
    assert response.status_code == 202
    assert sorted(response.json()["pending_revision"]["changed_fields"]) == ["aliases", "name"]
    assert _reload(person).name == person.name
    assert token_api(None).get(f"/api/v1/statements/{statement.uuid}/").json()["speaker"]["name"] == person.name


def test_the_schema_documents_the_202(token_api, db):
    schema = token_api(None).get("/api/v1/schema/?format=json").json()
    answers = schema["paths"]["/api/v1/sources/{uuid}/"]["patch"]["responses"]
    answer = answers["202"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert "pending_revision" in schema["components"]["schemas"][answer]["properties"]


# --- the services: every kind the published record shows -------------------------------------


def _shown_records():
    """A published statement and status at one round, and one record of each reviewed
    kind that they show."""
    source = SourceFactory()
    membership = MembershipFactory()
    delegation = membership.delegation
    talk_round = delegation.round
    session = SessionFactory(round=talk_round)
    attendance = delegation_services.attendance_save(
        Attendance(session=session, membership=membership), by=system_user()
    )
    statement = StatementFactory(
        process=talk_round.process, round=talk_round, speaker=membership.person, party=delegation.party,
        sources=[source], publish=True,
    )  # fmt: skip
    issue = IssueFactory(process=talk_round.process)
    IssueStatusFactory(issue=issue, round=talk_round, sources=[SourceFactory()], publish=True)
    return {
        "rounds.source": (source, "title", "Another title"),
        "rounds.process": (talk_round.process, "name", "Renamed talks"),
        "rounds.round": (talk_round, "venue", "Another venue"),
        "rounds.session": (session, "summary", "Another summary"),
        "delegations.delegation": (delegation, "note", "Another note"),
        "delegations.membership": (membership, "title", "Another title"),
        "delegations.attendance": (attendance, "session", SessionFactory(round=talk_round)),
        "delegations.person": (statement.speaker, "name", "Another Name"),
        "delegations.party": (statement.party, "name", "Another party"),
        "issues.issue": (issue, "name", "Another issue"),
    }


def test_every_reviewed_kind_waits_once_published_records_show_it(editor):
    shown = _shown_records()
    assert sorted(shown) == reviewed_kinds()
    for label, (record, name, value) in shown.items():
        stored = getattr(_reload(record), name)
        changed = _reload(record)
        setattr(changed, name, value)
        saved = require_record_type(label).save(changed, by=editor)
        assert saved.pending_revision is not None, label
        assert getattr(_reload(record), name) == stored, label
        assert saved.pending_revision.changed_fields == [name], label


def test_a_change_waits_in_the_change_log_as_a_draft(cited, editor):
    _, source = cited
    source.title = "Changed"
    round_services.source_save(source, by=editor)
    change = Change.objects.order_by("-id").first()
    assert (change.action, change.publication_state, change.user) == ("propose", "draft", editor)


def test_an_editors_second_change_joins_the_first(cited, editor):
    _, source = cited
    first = _reload(source)
    first.title = "First"
    round_services.source_save(first, by=editor)
    second = _reload(source)
    second.outlet = "Second outlet"
    round_services.source_save(second, by=editor)
    revision = PendingRevision.objects.get()
    assert sorted(revision.changed_fields) == ["outlet", "title"]
    assert revision.after["title"] == "First" and revision.after["outlet"] == "Second outlet"


def test_setting_a_field_back_leaves_nothing_to_review(cited, editor):
    _, source = cited
    changed = _reload(source)
    changed.title = "First"
    round_services.source_save(changed, by=editor)
    back = _reload(source)
    back.title = "First"
    round_services.source_save(back, by=editor)  # still "First": joins
    assert PendingRevision.objects.count() == 1


def test_publishing_keeps_who_proposed_it_in_the_history(cited, editor, reviewer):
    _, source = cited
    source.title = "Proposed title"
    revision = round_services.source_save(source, by=editor).pending_revision
    revision_publish(revision, by=reviewer)
    row = _reload(source).history.order_by("-history_id").first()
    assert (row.title, row.history_user, row.history_change_reason) == (
        "Proposed title",
        reviewer,
        "proposed by editor",
    )
    revision.refresh_from_db()
    assert (revision.state, revision.resolved_by) == ("published", reviewer)


def test_an_editor_cannot_publish_or_discard(cited, editor):
    _, source = cited
    source.title = "Proposed"
    revision = round_services.source_save(source, by=editor).pending_revision
    with pytest.raises(PermissionDenied):
        revision_publish(revision, by=editor)
    with pytest.raises(PermissionDenied):
        revision_discard(revision, by=editor)
    response = signed_in(editor).post(reverse("review:publish-change", kwargs={"uuid": revision.uuid}))
    assert response.status_code == 403
    assert _reload(source).title != "Proposed"


def test_a_discarded_change_never_reaches_the_record(cited, editor, reviewer):
    _, source = cited
    source.title = "Proposed"
    revision = round_services.source_save(source, by=editor).pending_revision
    signed_in(reviewer).post(reverse("review:discard-change", kwargs={"uuid": revision.uuid}), {"note": "Not so."})
    revision.refresh_from_db()
    assert (revision.state, revision.note) == ("discarded", "Not so.")
    assert _reload(source).title != "Proposed"
    with pytest.raises(ValidationError):
        revision_publish(revision, by=reviewer)
    history = signed_in(editor).get(reverse("records:history", args=["rounds.source", source.uuid])).content.decode()
    assert "Proposed change: discarded" in history and "Not so." in history


def test_a_change_overtaken_by_another_is_stale(cited, editor, reviewer):
    _, source = cited
    first = _reload(source)
    first.title = "Editor's title"
    revision = round_services.source_save(first, by=editor).pending_revision
    overtaking = _reload(source)
    overtaking.title = "Reviewer's title"
    round_services.source_save(overtaking, by=reviewer)
    with pytest.raises(ValidationError, match="changed where this change applies"):
        revision_publish(revision, by=reviewer)
    assert _reload(source).title == "Reviewer's title"
    queue = signed_in(reviewer).get(reverse("review:queue")).content.decode()
    assert "publishing it would undo that" in queue
    assert reverse("review:publish-change", kwargs={"uuid": revision.uuid}) not in queue


def test_many_to_many_changes_wait_and_publish(cited, editor, reviewer):
    statement, _ = cited
    talk_round = _reload(statement.round)
    added = SourceFactory()
    revision = round_services.round_save(talk_round, by=editor, sources=[added]).pending_revision
    assert revision.changed_fields == ["sources"]
    assert list(_reload(talk_round).sources.all()) == []
    revision_publish(revision, by=reviewer)
    assert list(_reload(talk_round).sources.all()) == [added]


# --- the admin, and deleting ---------------------------------------------------------------


def test_the_admin_says_the_change_awaits_review(cited, editor):
    statement, _ = cited
    person = statement.speaker
    client = signed_in(editor)
    url = reverse("admin:delegations_person_change", args=[person.pk])
    data = page_form_data(client.get(url))
    data["name"] = "Renamed In Admin"
    response = client.post(url, data, follow=True)
    text = response.content.decode()
    assert "awaits a reviewer" in text and "was changed successfully" not in text
    assert _reload(person).name == person.name
    assert PendingRevision.objects.get().after["name"] == "Renamed In Admin"


def test_an_editor_may_not_delete_what_published_records_show(cited, editor, reviewer):
    statement, _ = cited
    session = SessionFactory(round=statement.round)
    with pytest.raises(PermissionDenied, match="only a reviewer"):
        delete_record(session, by=editor)
    assert Session.objects.filter(pk=session.pk).exists()
    delete_record(_reload(session), by=reviewer)
    assert not Session.objects.filter(pk=session.pk).exists()


def test_what_nothing_published_shows_an_editor_may_still_delete(editor):
    session = SessionFactory()
    delete_record(session, by=editor)
    assert not Session.objects.filter(pk=session.pk).exists()


# --- the queue's cost ------------------------------------------------------------------------


def test_the_review_queue_reads_a_fixed_number_of_queries(editor, reviewer, django_assert_max_num_queries):
    statement = StatementFactory(sources=[SourceFactory()], publish=True)
    client = signed_in(reviewer)
    people = [statement.speaker]
    for _n in range(2):
        person = PersonFactory()
        StatementFactory(process=statement.process, round=statement.round, speaker=person, publish=True)
        people.append(person)

    def propose_all():
        for n, person in enumerate(people):
            person = _reload(person)
            person.name = f"Renamed {n} {person.name}"
            delegation_services.person_save(person, by=editor)

    propose_all()
    client.get(reverse("review:queue"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("review:queue"))
    for _n in range(3):
        StatementFactory(process=statement.process, round=statement.round, speaker=PersonFactory(), publish=True)
    people = list(Person.objects.filter(statements__isnull=False).distinct())
    propose_all()
    assert PendingRevision.objects.filter(state="open").count() == 6
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("review:queue"))


def test_the_admin_offers_an_editor_no_delete_for_what_published_records_show(cited, editor, reviewer):
    statement, source = cited
    url = reverse("admin:rounds_source_change", args=[source.pk])
    delete_url = reverse("admin:rounds_source_delete", args=[source.pk])
    assert delete_url not in signed_in(editor).get(url).content.decode()
    assert signed_in(editor).post(delete_url, {"post": "yes"}).status_code == 403
    assert delete_url in signed_in(reviewer).get(url).content.decode()


@FEED_DB
def test_editors_read_a_proposed_change_in_their_feed_as_an_update(editor, token_api):
    source = SourceFactory(url=GOOD_URL)
    StatementFactory(sources=[source], publish=True)
    public_before, _ = follow(token_api(None))
    token_api(editor).patch(f"/api/v1/sources/{source.uuid}/", {"title": "Proposed"}, format="json")
    events, _ = follow(token_api(editor), include="drafts")
    last = events[-1]
    assert (last["event"], last["action"], last["uuid"], last["version"]) == (
        "propose",
        "update",
        str(source.uuid),
        source.version,
    )
    assert follow(token_api(None))[0] == public_before
