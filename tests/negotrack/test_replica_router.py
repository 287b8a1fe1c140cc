"""Which requests are public reads, and where the router sends a query (negotrack.replica),
without a database: the requests against both aliases are in test_read_replica.py."""

from types import SimpleNamespace

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group, User
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from rest_framework.authtoken.models import Token

from issues.models import Statement
from negotrack.models import Change
from negotrack.replica import PublicReadRouter, is_public_read, public_read
from rounds.models import Process

SIGNED_IN = SimpleNamespace(is_authenticated=True)


def request(method="GET", path="/", user=None, **headers):
    made = RequestFactory().generic(method, path, **headers)
    made.user = user or AnonymousUser()
    return made


@pytest.fixture
def replica_on(settings):
    settings.PUBLIC_READS_FROM_REPLICA = True


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
@pytest.mark.parametrize(
    "path", ["/", "/rounds/geneva-2026-02-17/", "/statements/", "/api/v1/issues/", "/api/v1/statements/"]
)
def test_a_reading_request_of_a_reader_not_signed_in_is_a_public_read(replica_on, method, path):
    assert is_public_read(request(method, path))


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_write_is_no_public_read_even_from_a_reader_not_signed_in(replica_on, method):
    assert not is_public_read(request(method, "/accounts/sign-in/" if method == "POST" else "/api/v1/sources/"))
    assert not is_public_read(request(method, "/api/v1/statements/"))


def test_a_signed_in_reader_or_an_api_token_reads_the_primary(replica_on):
    assert not is_public_read(request(user=SIGNED_IN))
    assert not is_public_read(request(path="/api/v1/statements/", HTTP_AUTHORIZATION="Token 0123abcd"))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/changes/",
        "/healthz",
        "/admin/",
        "/admin/login/",
        "/accounts/sign-in/",
        "/accounts/sign-out/",
    ],
)
def test_the_changes_feed_healthz_the_admin_and_signing_in_read_the_primary(replica_on, path):
    assert not is_public_read(request(path=path))


def test_without_a_replica_no_request_is_a_public_read_and_none_asks_who_is_signed_in(settings):
    assert settings.PUBLIC_READS_FROM_REPLICA is False  # DATABASE_REPLICA_URL is unset
    unasked = request()
    unasked.user = None  # reading it would fail
    assert not is_public_read(unasked)


def test_a_public_read_goes_to_the_replica_and_anything_else_to_the_primary():
    router = PublicReadRouter()
    assert router.db_for_read(Statement) == router.db_for_read(Change) == "default"
    with public_read():
        assert router.db_for_read(Statement) == router.db_for_read(Process) == router.db_for_read(Change) == "replica"
    assert router.db_for_read(Statement) == "default"


@pytest.mark.parametrize("model", [User, Group, Session, Token, AccessAttempt])
def test_accounts_sessions_tokens_and_sign_in_attempts_are_read_on_the_primary_even_in_a_public_read(model):
    with public_read():
        assert PublicReadRouter().db_for_read(model) == "default"


def test_every_write_goes_to_the_primary_even_of_a_record_read_from_the_replica():
    router = PublicReadRouter()
    read_there = Statement()
    read_there._state.db = "replica"
    with public_read():
        assert router.db_for_write(Statement, instance=read_there) == "default"
    assert router.db_for_write(Statement) == "default"


def test_records_of_the_primary_and_the_replica_may_be_related():
    on_primary, on_replica = Statement(), Process()
    on_primary._state.db, on_replica._state.db = "default", "replica"
    assert PublicReadRouter().allow_relation(on_primary, on_replica) is True


@pytest.mark.parametrize("app_label", sorted(config.label for config in apps.get_app_configs()))
def test_migrations_never_run_on_the_replica(app_label):
    router = PublicReadRouter()
    assert router.allow_migrate("replica", app_label) is False
    assert router.allow_migrate("default", app_label) is None  # Django's own rules there
