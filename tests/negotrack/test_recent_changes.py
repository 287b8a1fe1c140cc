"""The recent-changes page: the change log newest first, filtered by editor, kind of record
and dates, each row leading to the record's history; editors only; a fixed query count."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from negotrack.models import Change
from rounds.services import source_save
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

URL = "/records/changes/"


def rows(response):
    return [row["change"] for row in response.context["rows"]]


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def test_it_lists_every_change_newest_first_with_who_and_a_link(signed_in, editor, reviewer):
    source = SourceFactory(title="First", by=editor)
    source.title = "Second"
    source_save(source, by=reviewer)

    response = signed_in.get(URL)

    assert response.status_code == 200
    listed = rows(response)
    assert listed == list(Change.objects.order_by("-occurred_at", "-id"))
    assert (listed[0].action, listed[0].user, listed[0].changed_fields) == ("update", reviewer, ["title"])
    history = reverse("records:history", kwargs={"record_type": "rounds.source", "uuid": source.uuid})
    body = response.content.decode()
    assert f'href="{history}"' in body
    assert "reviewer" in body


def test_it_filters_by_editor_kind_of_record_and_dates(signed_in, editor, reviewer):
    source = SourceFactory(by=editor)
    statement = StatementFactory(by=reviewer)
    old = Change.objects.filter(record_uuid=source.uuid).get()
    # The change log is written by the services only; this moves one row back in time.
    Change.objects.filter(pk=old.pk).update(occurred_at=timezone.now() - datetime.timedelta(days=10))

    by_editor = rows(signed_in.get(URL, {"editor": "editor"}))
    assert {change.user for change in by_editor} == {editor}
    statements = rows(signed_in.get(URL, {"model": "issues.statement"}))
    assert [change.record_uuid for change in statements] == [statement.uuid]
    today = timezone.localdate()
    recent = rows(signed_in.get(URL, {"since": (today - datetime.timedelta(days=1)).isoformat()}))
    assert old not in recent and recent
    earlier = rows(signed_in.get(URL, {"until": (today - datetime.timedelta(days=5)).isoformat()}))
    assert earlier == [old]


def test_bad_filters_are_shown_not_a_500(signed_in):
    response = signed_in.get(URL, {"since": "not a date", "model": "auth.user"})
    assert response.status_code == 200
    assert rows(response) == []
    assert 'role="alert"' in response.content.decode()


def test_it_pages_by_fifty(signed_in, editor):
    for _n in range(52):
        SourceFactory(by=editor)  # one change each
    first = signed_in.get(URL)
    assert len(rows(first)) == 50
    assert first.context["page"].paginator.num_pages == 2
    second = signed_in.get(URL, {"page": 2})
    assert len(rows(second)) == 2


def test_anonymous_readers_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/?next=")


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_others_signed_in_are_refused(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_see_it(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 200


QUERIES_RECENT_CHANGES = 5


def test_the_page_costs_the_same_queries_with_little_or_much_data(client, editor, reviewer, django_assert_num_queries):
    client.force_login(editor)
    SourceFactory(by=editor)
    with django_assert_num_queries(QUERIES_RECENT_CHANGES):
        assert client.get(URL).status_code == 200
    for n in range(30):
        StatementFactory(by=reviewer if n % 2 else editor)
    assert Change.objects.count() > 100
    with django_assert_num_queries(QUERIES_RECENT_CHANGES):
        response = client.get(URL, {"model": "issues.statement", "page": 1})
        assert response.status_code == 200
    assert len(rows(response)) == 30
