"""Public reads go to the read replica, and everything else to the primary
(negotrack.replica), counted query by query on each database.

The tests' `replica` is a second connection to the test database (tests/settings.py), and
these tests turn PUBLIC_READS_FROM_REPLICA on as DATABASE_REPLICA_URL does. They commit,
as a site does: a second connection sees only what the primary committed, and a read
inside a transaction on the primary stays there, so that a test wrapped in one would
never reach the replica at all. Each committing test costs a flush of the database and a
put-back of what the migrations made (tests/flush.py), so each one walks several requests.
"""

from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from typing import NamedTuple

import pytest
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from issues.models import Statement
from negotrack.replica import public_read
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])

SIGN_IN = "/accounts/sign-in/"
SAID = "The sides agreed to meet again in March."


@pytest.fixture
def replica_on(settings):
    settings.PUBLIC_READS_FROM_REPLICA = True


@pytest.fixture
def statement():
    """A published statement at a round: the public record the readers read."""
    return StatementFactory(publish=True, text=SAID)


class Counted(NamedTuple):
    response: HttpResponse
    body: bytes
    on_primary: int
    on_replica: int


def counted(call: Callable[[], HttpResponse]) -> Counted:
    """The answer, its body (a streamed one read to its end) and the queries it made on
    the primary and on the replica."""
    with ExitStack() as stack:
        primary = stack.enter_context(CaptureQueriesContext(connections["default"]))
        replica = stack.enter_context(CaptureQueriesContext(connections["replica"]))
        response = call()
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return Counted(response, body, len(primary), len(replica))


def test_anonymous_reads_query_the_replica_alone(client, statement, replica_on):
    page = counted(partial(client.get, f"/rounds/{statement.round.slug}/"))
    assert page.response.status_code == 200 and SAID in page.body.decode()
    assert (page.on_primary, page.on_replica > 0) == (0, True)

    api = counted(partial(client.get, "/api/v1/statements/"))
    assert api.response.status_code == 200
    assert [found["uuid"] for found in api.response.json()["results"]] == [str(statement.uuid)]
    assert (api.on_primary, api.on_replica > 0) == (0, True)

    # The validators come from the change log on the replica, like the answer they stand for.
    again = counted(partial(client.get, "/api/v1/statements/", HTTP_IF_NONE_MATCH=api.response["ETag"]))
    assert again.response.status_code == 304
    assert (again.on_primary, again.on_replica) == (0, 1)

    # A streamed answer reads the replica until its last chunk, and nothing public is left after it.
    csv = counted(partial(client.get, "/api/v1/statements/?format=csv"))
    assert csv.response.status_code == 200 and str(statement.uuid) in csv.body.decode()
    assert (csv.on_primary, csv.on_replica > 0) == (0, True)
    assert router.db_for_read(Statement) == "default"


def test_a_read_inside_a_transaction_on_the_primary_stays_on_the_primary(statement):
    with public_read():
        assert Statement.objects.db == "replica"
        with transaction.atomic():
            assert Statement.objects.db == "default"
            assert Statement.objects.get(pk=statement.pk).text == SAID


def test_signed_in_and_token_reads_query_the_primary_alone(
    client, token_api, editor, reviewer, analyst, statement, replica_on
):
    for user in (editor, reviewer, analyst):
        client.force_login(user)
        for path in (f"/rounds/{statement.round.slug}/", "/api/v1/statements/"):
            read = counted(partial(client.get, path))
            assert read.response.status_code == 200
            assert (read.on_primary > 0, read.on_replica) == (True, 0), (user.username, path)
    with_token = counted(partial(token_api(reviewer).get, "/api/v1/statements/?include=drafts"))
    assert with_token.response.status_code == 200
    assert (with_token.on_primary > 0, with_token.on_replica) == (True, 0)


def test_every_write_queries_the_primary_alone(client, token_api, editor, reviewer, statement, replica_on):
    editors_api = token_api(editor)
    draft = StatementFactory(process=statement.process, round=statement.round, text="A draft.")
    # Each write with the answer it gets, in this order: the sign-ins are a reader's who is
    # not signed in yet.
    writes = {
        "a failed sign-in": (200, partial(client.post, SIGN_IN, {"username": "editor", "password": "wrong"})),
        "a sign-in": (302, partial(client.post, SIGN_IN, {"username": "editor", "password": "pw-editor"})),
        "a sign-out": (302, partial(client.post, "/accounts/sign-out/")),
        "a new source": (
            201,
            partial(editors_api.post, "/api/v1/sources/", {"outlet": "Reuters", "title": "Resumed"}, format="json"),
        ),
        "a draft changed": (
            200,
            partial(editors_api.patch, f"/api/v1/statements/{draft.uuid}/", {"text": "Changed."}, format="json"),
        ),
        "a draft published": (200, partial(token_api(reviewer).post, f"/api/v1/statements/{draft.uuid}/publish/")),
    }
    for name, (status, write) in writes.items():
        written = counted(write)
        assert written.response.status_code == status, (name, written.body)
        assert (written.on_primary > 0, written.on_replica) == (True, 0), name


def test_the_changes_feed_and_healthz_read_the_primary_alone(client, statement, replica_on):
    for path in ("/api/v1/changes/", "/healthz"):
        read = counted(partial(client.get, path))
        assert read.response.status_code == 200
        assert (read.on_primary > 0, read.on_replica) == (True, 0), path


def test_without_a_replica_nothing_changes(client, statement, settings):
    assert settings.PUBLIC_READS_FROM_REPLICA is False  # DATABASE_REPLICA_URL is unset
    page = counted(partial(client.get, f"/rounds/{statement.round.slug}/"))
    assert page.response.status_code == 200 and (page.on_primary > 0, page.on_replica) == (True, 0)
    without = counted(partial(client.get, "/api/v1/statements/"))
    assert (without.on_primary > 0, without.on_replica) == (True, 0)
    settings.PUBLIC_READS_FROM_REPLICA = True
    with_replica = counted(partial(client.get, "/api/v1/statements/"))
    assert (with_replica.on_primary, with_replica.on_replica) == (0, without.on_primary)
    assert with_replica.body == without.body and with_replica.response["ETag"] == without.response["ETag"]
