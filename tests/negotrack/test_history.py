"""The history page of a record: every version newest first, who made it and what changed,
field by field, for every write path; a statement's issue links; who may see it; and
restoring a version from it."""

import re

import pytest
from django.urls import reverse

from delegations.models import DelegationRole
from delegations.services import delegation_save
from issues.models import Statement
from issues.services import correction_start, draft_delete, draft_publish, record_withdraw, statement_save
from negotrack.groups import system_user
from negotrack.records import delete_record
from rounds.models import Source
from rounds.services import source_save
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    PartyFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def history_url(record):
    return reverse("records:history", kwargs={"record_type": record._meta.label_lower, "uuid": record.uuid})


def page_text(response) -> str:
    """The page's text, tags removed and spaces folded, for plain reading."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", text)


def versions(response):
    return response.context["versions"]


def changes(version) -> dict[str, tuple]:
    return {
        change.label: (change.removed, change.added) if change.is_list else (change.old, change.new)
        for change in version.changes
    }


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def edit_statement(statement, *, by, **values):
    statement = Statement.objects.get(pk=statement.pk)
    issues = values.pop("issues", None)
    for name, value in values.items():
        setattr(statement, name, value)
    return statement_save(statement, by=by, issues=issues, confirm_date=True)


# --- every write path leaves a readable diff ------------------------------------------------


def test_a_create_lists_the_values_it_set(signed_in, editor):
    source = SourceFactory(outlet="Reuters", title="Talks end", by=editor)

    response = signed_in.get(history_url(source))

    assert response.status_code == 200
    (created,) = versions(response)
    assert created.kind == "created"
    assert created.row.history_user == editor
    assert changes(created)["outlet"] == ("—", "Reuters")
    assert changes(created)["title"] == ("—", "Talks end")
    assert "Version 1: created" in page_text(response)


def test_a_change_through_the_services_shows_before_and_after(signed_in, editor):
    source = SourceFactory(title="Talks end", by=editor)
    source.title = "Talks end without a deal"
    source_save(source, by=editor)

    newest = versions(signed_in.get(history_url(source)))[0]

    assert (newest.kind, newest.row.version) == ("changed", 2)
    assert changes(newest) == {"title": ("Talks end", "Talks end without a deal")}


def test_a_delegations_roles_read_as_words_and_a_version_of_them_is_restored(signed_in, editor):
    delegation = DelegationFactory(by=editor)
    delegation.roles = [DelegationRole.HOST, DelegationRole.MEDIATOR]
    delegation_save(delegation, by=editor)
    page = signed_in.get(history_url(delegation))

    assert changes(versions(page)[0]) == {"roles": ("negotiating party", "mediator and host")}

    restore = reverse("records:restore", kwargs={"record_type": "delegations.delegation", "uuid": delegation.uuid})
    signed_in.post(restore, restore_form(page, 1))
    delegation.refresh_from_db()
    assert (delegation.roles, delegation.version) == (["negotiating_party"], 3)


def test_a_change_through_the_api_shows_its_user_and_diff(signed_in, token_api, editor):
    statement = StatementFactory(text="First words.", by=editor)
    url = f"/api/v1/statements/{statement.uuid}/"
    response = token_api(editor).patch(url, {"text": "Second words.", "medium": "interview"}, format="json")
    assert response.status_code == 200

    newest = versions(signed_in.get(history_url(statement)))[0]

    assert newest.row.history_user == editor
    assert changes(newest) == {"text": ("First words.", "Second words."), "how": ("remarks to the press", "interview")}


def test_publish_withdraw_and_correction_show_their_state_changes(signed_in, editor, reviewer):
    statement = StatementFactory(text="Words.", by=editor)
    draft_publish(statement, by=reviewer)
    draft = correction_start(Statement.objects.get(pk=statement.pk), by=editor)
    draft_publish(draft, by=reviewer)
    record_withdraw(Statement.objects.get(pk=draft.pk), by=reviewer, note="Misattributed.")

    old = versions(signed_in.get(history_url(statement)))
    assert changes(old[0])["state"] == ("published", "superseded by a correction")
    assert changes(old[1])["state"] == ("draft", "published")
    assert old[1].row.history_user == reviewer
    new = versions(signed_in.get(history_url(draft)))
    assert [version.row.version for version in new] == [3, 2, 1]
    assert changes(new[0])["state"] == ("published", "withdrawn")
    assert changes(new[0])["correction note"] == ("—", "Misattributed.")
    assert changes(new[2])["revises"][1] == str(Statement.objects.get(pk=statement.pk))


def test_a_deleted_record_keeps_its_history_under_its_uuid(signed_in, editor):
    statement = StatementFactory(text="Gone words.", by=editor)
    draft_delete(statement, by=editor)

    response = signed_in.get(history_url(statement))

    assert response.status_code == 200
    assert [version.kind for version in versions(response)] == ["deleted", "created"]
    assert versions(response)[0].row.history_user == editor
    assert response.context["record"] is None
    assert "Restore this version" in response.content.decode()


def test_many_to_many_changes_show_what_was_added_and_removed(signed_in, editor):
    first, second = SourceFactory(outlet="TASS"), SourceFactory(outlet="Kyiv Independent")
    russia, ukraine, usa = PartyFactory(name="Russia"), PartyFactory(name="Ukraine"), PartyFactory(name="USA")
    agreement = AgreementFactory(parties=[russia, ukraine], sources=[first], by=editor)
    from issues.services import agreement_save

    agreement.refresh_from_db()
    agreement_save(agreement, by=editor, parties=[russia, usa], sources=[first, second])

    newest = versions(signed_in.get(history_url(agreement)))[0]

    assert changes(newest)["parties"] == (["Ukraine"], ["USA"])
    removed, added = changes(newest)["sources"]
    assert removed == [] and len(added) == 1 and "Kyiv Independent" in added[0]


def test_a_statements_issue_links_show_when_added_and_removed(signed_in, editor):
    territory = IssueFactory(name="Territory")
    ceasefire = IssueFactory(name="Ceasefire", process=territory.process)
    statement = StatementFactory(process=territory.process, issues=[territory], by=editor)
    edit_statement(statement, by=editor, issues=[ceasefire])

    links = signed_in.get(history_url(statement)).context["links"]

    assert [(link.issue, link.kind, link.user) for link in links] == [
        ("Ceasefire", "added", editor),
        ("Territory", "removed", editor),
        ("Territory", "added", editor),
    ]


def test_commands_write_as_the_system_user(signed_in):
    source = SourceFactory()  # the factories write as the commands do

    assert "by negotrack-system" in page_text(signed_in.get(history_url(source)))
    assert versions(signed_in.get(history_url(source)))[0].row.history_user == system_user()


def test_a_script_in_a_statements_text_shows_escaped(signed_in, editor):
    statement = StatementFactory(text="Fine.", by=editor)
    edit_statement(statement, by=editor, text="<script>alert(1)</script>")

    body = signed_in.get(history_url(statement)).content.decode()

    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_an_unknown_record_or_type_answers_404(signed_in, editor):
    source = SourceFactory(by=editor)
    assert signed_in.get(f"/records/rounds.source/{Statement().uuid}/history/").status_code == 404
    assert signed_in.get(f"/records/auth.user/{source.uuid}/history/").status_code == 404
    assert signed_in.get(f"/records/nothing/{source.uuid}/history/").status_code == 404


# --- who may see it -------------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_sign_in(client):
    source = SourceFactory()
    response = client.get(history_url(source))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/?next=")


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_signed_in_readers_outside_the_editorial_groups_are_refused(client, request, persona):
    source = SourceFactory()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(history_url(source)).status_code == 403
    version = Source.history.get(uuid=source.uuid)
    restore = reverse("records:restore", kwargs={"record_type": "rounds.source", "uuid": source.uuid})
    assert client.post(restore, {"history_id": version.history_id, "expected_version": 1}).status_code == 403


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_see_it(client, request, persona):
    source = SourceFactory()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(history_url(source)).status_code == 200


# --- restoring from the page -----------------------------------------------------------------


def restore_form(response, version_number):
    """The history id and version of the form under one version, as the page has them."""
    body = response.content.decode()
    version = next(v for v in versions(response) if v.row.version == version_number)
    assert f'name="history_id" value="{version.row.history_id}"' in body
    expected = re.search(r'name="expected_version" value="(\d+)"', body)[1]
    return {"history_id": version.row.history_id, "expected_version": expected}


def test_an_editor_restores_a_version_from_the_page(signed_in, editor):
    source = SourceFactory(title="First title", by=editor)
    source.title = "Second title"
    source_save(source, by=editor)
    page = signed_in.get(history_url(source))
    restore = reverse("records:restore", kwargs={"record_type": "rounds.source", "uuid": source.uuid})

    response = signed_in.post(restore, restore_form(page, 1), follow=True)

    assert response.redirect_chain == [(history_url(source), 302)]
    assert "Restored: the record is now at version 3." in page_text(response)
    source.refresh_from_db()
    assert source.title == "First title"


def test_a_stale_form_says_someone_else_changed_it_and_changes_nothing(signed_in, editor, reviewer):
    source = SourceFactory(title="First title", by=editor)
    source.title = "Second title"
    source_save(source, by=editor)
    page = signed_in.get(history_url(source))
    source.title = "Reviewer's title"
    source_save(source, by=reviewer)
    restore = reverse("records:restore", kwargs={"record_type": "rounds.source", "uuid": source.uuid})

    response = signed_in.post(restore, restore_form(page, 1), follow=True)

    assert "changed by someone else meanwhile" in page_text(response)
    source.refresh_from_db()
    assert (source.title, source.version) == ("Reviewer's title", 3)


def test_a_validation_error_is_shown_and_changes_nothing(signed_in, editor):
    source = SourceFactory(by=editor)
    via = SourceFactory(outlet="Via outlet", by=editor)
    source.via = via
    source_save(source, by=editor)
    source.via = None
    source_save(source, by=editor)
    delete_record(Source.objects.get(pk=via.pk), by=editor)
    page = signed_in.get(history_url(source))
    restore = reverse("records:restore", kwargs={"record_type": "rounds.source", "uuid": source.uuid})

    response = signed_in.post(restore, restore_form(page, 2), follow=True)

    assert "Nothing was restored: The source this version points to no longer exists" in page_text(response)
    source.refresh_from_db()
    assert source.version == 3


def test_restoring_a_published_statement_leads_to_its_correction(signed_in, editor, reviewer):
    statement = StatementFactory(text="First words.", by=editor)
    statement = edit_statement(statement, by=editor, text="Published words.")
    draft_publish(statement, by=reviewer)
    page = signed_in.get(history_url(statement))
    restore = reverse("records:restore", kwargs={"record_type": "issues.statement", "uuid": statement.uuid})

    response = signed_in.post(restore, restore_form(page, 1), follow=True)

    draft = Statement.objects.get(revises=statement)
    assert response.redirect_chain == [(history_url(draft), 302)]
    assert "a correction draft now carries the earlier values" in page_text(response)
    assert draft.text == "First words."
    assert Statement.objects.get(pk=statement.pk).text == "Published words."


def test_the_restore_form_needs_csrf(client, editor):
    from django.test import Client

    source = SourceFactory(title="First title", by=editor)
    source.title = "Second title"
    source_save(source, by=editor)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    version = Source.history.filter(uuid=source.uuid).order_by("history_id").first()
    restore = reverse("records:restore", kwargs={"record_type": "rounds.source", "uuid": source.uuid})
    assert strict.post(restore, {"history_id": version.history_id, "expected_version": 2}).status_code == 403
    assert 'name="csrfmiddlewaretoken"' in strict.get(history_url(source)).content.decode()


# --- query counts ---------------------------------------------------------------------------


def test_the_history_page_costs_the_same_queries_for_two_versions_or_twenty(client, editor, django_assert_num_queries):
    client.force_login(editor)
    client.get("/records/changes/")  # the session and the user's groups, once
    first = IssueFactory(name="Issue 0")
    process = first.process
    issues = [first, IssueFactory(name="Issue 1", process=process), IssueFactory(name="Issue 2", process=process)]
    few = StatementFactory(process=process, issues=issues[:1], by=editor)
    edit_statement(few, by=editor, text="Changed once.")
    many = StatementFactory(process=process, issues=issues[:1], by=editor)
    for n in range(20):
        edit_statement(many, by=editor, text=f"Change {n}.", issues=[issues[n % 3]])

    with django_assert_num_queries(QUERIES_HISTORY) as small:
        assert client.get(history_url(few)).status_code == 200
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(history_url(many))
        assert response.status_code == 200
    assert len(versions(response)) == 21


QUERIES_HISTORY = 13 + 1  # + the changes proposed for review


def test_the_admins_change_form_links_to_the_history_page(signed_in, editor):
    source = SourceFactory(by=editor)

    body = signed_in.get(reverse("admin:rounds_source_change", args=[source.pk])).content.decode()

    assert f'href="{history_url(source)}"' in body
    assert "History and restore" in body


def test_an_anonymous_restore_is_sent_to_sign_in_and_changes_nothing(client, editor):
    source = SourceFactory(title="First title", by=editor)
    source.title = "Second title"
    source_save(source, by=editor)
    version = Source.history.filter(uuid=source.uuid).order_by("history_id").first()
    restore = reverse("records:restore", kwargs={"record_type": "rounds.source", "uuid": source.uuid})

    response = client.post(restore, {"history_id": version.history_id, "expected_version": 2})

    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")
    source.refresh_from_db()
    assert source.title == "Second title"


def test_restoring_what_is_already_there_says_so_and_writes_nothing(signed_in, editor):
    source = SourceFactory(title="Same title", by=editor)
    source.title = "Other title"
    source_save(source, by=editor)
    source.title = "Same title"
    source_save(source, by=editor)
    page = signed_in.get(history_url(source))
    restore = reverse("records:restore", kwargs={"record_type": "rounds.source", "uuid": source.uuid})

    response = signed_in.post(restore, restore_form(page, 1), follow=True)

    assert "Nothing to restore: the record already has the values of that version." in page_text(response)
    source.refresh_from_db()
    assert source.version == 3
