"""Adding a publishable kind of record takes one registration: `tests.registered`, an app of
the test settings only, registers `Communique` in its `ready()` and nowhere else, and
restore, the changes feed and the review queue all find it."""

import pytest
from django.urls import reverse

from issues.models import PublicationState
from negotrack.registry import publishable_types, record_type
from negotrack.restore import restore_version
from tests.factories import SourceFactory
from tests.feed import FEED_DB, settle
from tests.registered.models import Communique, communique_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def communique(admin_user):
    """A draft saved twice (its title changed once), then published from the review queue."""
    draft = communique_save(
        Communique(title="Joint communiqué, first reading", text="The parties agreed to meet again in March."),
        by=admin_user,
        sources=[SourceFactory()],
    )
    draft.title = "Joint communiqué"
    return communique_save(draft, by=admin_user)


def test_the_registration_is_all_there_is(communique):
    assert record_type(Communique).feed_name == "communiques"
    assert Communique in [entry.model for entry in publishable_types()]


def test_the_review_queue_shows_its_draft_and_publishes_it(client, admin_user, communique):
    client.force_login(admin_user)
    queue = client.get(reverse("review:queue")).content.decode()
    assert "Joint communiqué" in queue
    assert "The parties agreed to meet again in March." in queue

    publish = reverse("review:publish", kwargs={"kind": "communique", "uuid": communique.uuid})
    response = client.post(publish, {"expected_version": communique.version})
    assert response.status_code == 302
    communique.refresh_from_db()
    assert communique.state == PublicationState.PUBLISHED


@FEED_DB
def test_the_changes_feed_names_it_and_shows_publishing_as_a_create(client, admin_user, communique):
    settle()
    public = [event for event in client.get("/api/v1/changes/").json()["results"] if event["type"] == "communiques"]
    assert public == []  # a draft is not public

    client.force_login(admin_user)
    client.post(
        reverse("review:publish", kwargs={"kind": "communique", "uuid": communique.uuid}),
        {"expected_version": communique.version},
    )
    client.logout()
    settle()
    public = [event for event in client.get("/api/v1/changes/").json()["results"] if event["type"] == "communiques"]
    assert [(event["action"], event["uuid"]) for event in public] == [("create", str(communique.uuid))]


def test_restoring_a_published_one_starts_a_correction_with_the_old_values(client, admin_user, communique):
    client.force_login(admin_user)
    client.post(
        reverse("review:publish", kwargs={"kind": "communique", "uuid": communique.uuid}),
        {"expected_version": communique.version},
    )
    communique.refresh_from_db()
    first = Communique.history.filter(uuid=communique.uuid, history_type="+").get()

    correction = restore_version(
        record_type="registered.communique",
        uuid=communique.uuid,
        history_id=first.history_id,
        by=admin_user,
        expected_version=communique.version,
    )

    assert correction.pk != communique.pk
    assert correction.state == PublicationState.DRAFT
    assert correction.revises_id == communique.pk
    assert correction.title == "Joint communiqué, first reading"
    assert list(correction.sources.all()) == list(communique.sources.all())
