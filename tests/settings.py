"""The settings the tests run with: the project's own, plus a kind of record that only the
tests register (tests/registered), to show that one registration is all a new publishable
record type needs."""

from negotrack.settings import *  # noqa: F403
from negotrack.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.registered"]
