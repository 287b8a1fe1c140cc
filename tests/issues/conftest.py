"""Fixtures of the page tests."""

import pytest
from django.db import transaction

from tests.pages import load_demo


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo record, loaded once for a class of tests that only read it (a load takes
    about a second). Each test's transaction nests inside this one, which is rolled back
    after the class, so nothing leaks into other tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)
