"""Shared fixtures: the personas of the editorial workflow, the services rule in CI, and
which of CI's two passes runs which tests.

With NEGOTRACK_REQUIRE_SERVICES=1 (the CI run against PostgreSQL and Redis) a test that
skips fails instead: a missing service must never pass for a green run.

CI runs the suite twice, side by side (.ci/run): the PostgreSQL pass (DATABASE_URL points
at PostgreSQL, REDIS_URL is set) and the SQLite pass (the embedded default a newcomer's
`python3 dev.py test` runs). Every test runs in both, except:

  - tests marked `postgres`, `redis` or `postgres_pass` run in the PostgreSQL pass only:
    they need its services (the worker faults, pg_dump, concurrent writers), or exercise
    the API as deployed and take minutes (Schemathesis). Elsewhere they are deselected;
  - tests marked `sqlite_pass` run in the SQLite pass only: the browser tests, which drive
    the site as the embedded default serves it;
  - tests that cannot reach the database (pytest-django blocks it: no `django_db` mark and
    no fixture that opens it) run in the SQLite pass only, unless marked for the other: the
    database cannot change what they find, so a second run would only cost time.

The pass is chosen by the database the tests run on, nothing else; the line after
"collected" says what was left to the other pass.
"""

import os

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, transaction
from django.db.backends.postgresql.creation import DatabaseCreation
from django.db.backends.postgresql.operations import DatabaseOperations
from django.test import override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from negotrack import cache_breaker
from negotrack.groups import EDITORS, REVIEWERS, add_to_group
from tests.flush import delete_each_table, insert_each_table

REQUIRE_SERVICES = os.environ.get("NEGOTRACK_REQUIRE_SERVICES") == "1"
POSTGRES_PASS_ONLY = ("postgres", "redis", "postgres_pass")
SQLITE_PASS_ONLY = ("sqlite_pass",)
LEFT_TO_THE_OTHER_PASS = pytest.StashKey[int]()


def this_pass() -> str:
    return "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"


def reaches_the_database(item: pytest.Item) -> bool:
    # `fixturenames` holds every fixture the test needs, those its fixtures need included;
    # each fixture that opens the database (db, transactional_db, live_server, shared data
    # per module) needs django_db_setup.
    return item.get_closest_marker("django_db") is not None or "django_db_setup" in getattr(item, "fixturenames", ())


def runs_elsewhere(item: pytest.Item) -> bool:
    if this_pass() == "SQLite":
        return any(item.get_closest_marker(name) for name in POSTGRES_PASS_ONLY)
    if any(item.get_closest_marker(name) for name in SQLITE_PASS_ONLY):
        return True
    marked_here = any(item.get_closest_marker(name) for name in POSTGRES_PASS_ONLY)
    return not marked_here and not reaches_the_database(item)


def pytest_collection_modifyitems(config, items):
    kept, left = [], []
    for item in items:
        (left if runs_elsewhere(item) else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
    config.stash[LEFT_TO_THE_OTHER_PASS] = len(left)


def pytest_report_collectionfinish(config):
    left = config.stash.get(LEFT_TO_THE_OTHER_PASS, 0)
    other = "SQLite" if this_pass() == "PostgreSQL" else "PostgreSQL"
    return f"the {this_pass()} pass: {left} tests deselected, they run in the {other} pass (tests/conftest.py)"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_SERVICES and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"skipped, and NEGOTRACK_REQUIRE_SERVICES=1 forbids skips here: {reason}"


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """MD5 instead of PBKDF2 while the tests run: a persona's password costs microseconds,
    not a quarter of a second. Processes that tests start (the browser tests' site, gunicorn,
    workers) keep the production hashers and make their own users."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _committing_tests_in_bulk():
    """Around a committing test, PostgreSQL's tables are emptied by DELETE, not TRUNCATE, and
    a serialized rollback's rows put back a table at a time: the same tables, without most
    of a second a test (tests/flush.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", delete_each_table)
        patch.setattr(DatabaseCreation, "deserialize_db_from_string", insert_each_table)
        yield


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """The anonymous rate limits (the API's, the pages') count in the default cache, which
    outlives a test: without this, a suite that reads often enough gets 429s by accident. Each test
    gets an empty cache in memory (never the Redis of REDIS_URL, which clearing would flush);
    the tests of the Redis cache itself set their own."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    cache_breaker.reset()  # a test that made the cache unreachable leaves no pause behind


@pytest.fixture(autouse=True)
def _answers_built(settings):
    """Every answer built, never served kept (negotrack.answers): the query counts pinned
    across the suite are what building an answer costs. The tests of kept answers, and the
    golden answers' second reading, turn keeping on."""
    settings.ANSWERS_KEPT_SECONDS = 0


@pytest.fixture(autouse=True)
def _tasks_in_process(settings):
    """Background jobs run in the test's process after each commit, even where REDIS_URL
    is set: no test leaves tasks for a worker that is not there in a shared Redis. The
    tests of the worker itself start their own Redis and worker, and say so."""
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture(autouse=True)
def _plain_static_names(settings):
    """No test runs collectstatic first: static names stay as they are. (The test client
    speaks plain HTTP too: `dev.py test` sets HTTPS_ONLY=0. The production settings, HTTPS
    and hashed names included, are tested in processes of their own.)"""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _user(username, *, groups=(), **extra):
    user = get_user_model().objects.create_user(username=username, password="pw-" + username, **extra)
    for group in groups:
        add_to_group(user, group)
    return user


@pytest.fixture
def editor(db):
    return _user("editor", groups=[EDITORS], is_staff=True)


@pytest.fixture
def reviewer(db):
    return _user("reviewer", groups=[REVIEWERS], is_staff=True)


@pytest.fixture
def outsider(db):
    """Signed in, staff even, but in neither editorial group."""
    return _user("outsider", is_staff=True)


@pytest.fixture
def analyst(db):
    return _user("analyst")


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-admin")


@pytest.fixture
def token_api(db):
    """`token_api(user)`: an API client that sends `user`'s token, as editors' scripts do
    (`token_api(None)` sends none)."""

    def client_for(user):
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return client_for


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    """Two rounds to set up through the API, one that published records show and one that
    nothing published shows yet (tests.record_writes), made once for the module and rolled
    back after it."""
    from tests.record_writes import build_scene

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scene()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def as_known_story(django_db_setup, django_db_blocker):
    """A small record published on 10 February 2026 and partly corrected and withdrawn on
    20 February (tests.as_known_record), made once for the module and rolled back after it."""
    from tests.as_known_record import build_story

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_story()
        transaction.set_rollback(True)
