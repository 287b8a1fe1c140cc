"""The settings the tests run with: the project's own, plus a kind of record that only the
tests register (tests/registered), to show that one registration is all a new publishable
record type needs, and a read replica that is the test database itself.

The `replica` alias is a test mirror of `default` (Django's TEST MIRROR: a second
connection to the same test database, which the test runner neither creates nor
migrates), whatever DATABASE_REPLICA_URL says, so that the router's tests can count each
alias's queries. Public reads go to it only where a test turns PUBLIC_READS_FROM_REPLICA
on (tests/negotrack/test_read_replica.py); everywhere else the tests run as a site
without a replica does, and a query that reached the alias would fail the test that made
it, since no other test lists it among its databases.
"""

from negotrack.settings import *  # noqa: F403
from negotrack.settings import DATABASES, INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.registered"]

DATABASES = {
    "default": DATABASES["default"],
    "replica": {**DATABASES["default"], "TEST": {"MIRROR": "default"}},
}
PUBLIC_READS_FROM_REPLICA = False
