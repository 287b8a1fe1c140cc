"""After a commit that wrote the change log, the worker is asked once to send the webhooks;
a broker that cannot be reached never fails the write (beat's reconciliation sends them);
without a broker nothing runs in the request."""

from __future__ import annotations

import logging

import pytest

from issues.models import Statement
from issues.timelines import rebuild
from tests.factories import StatementFactory
from webhooks import tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # as with a broker
    monkeypatch.setattr(rebuild, "request_rebuilds", lambda ids: None)  # no timeline job to a shared Redis
    calls = []
    monkeypatch.setattr(tasks.send_webhooks, "apply_async", lambda **options: calls.append(options))
    return calls


def test_a_transaction_that_writes_many_changes_asks_the_worker_once_after_it_commits(
    asked, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        StatementFactory(publish=True, by=reviewer)  # its source, the statement, its publication
    assert asked == [{"retry": False}]


def test_a_broker_that_cannot_be_reached_never_fails_the_write(
    asked, reviewer, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def unreachable(**options):
        raise ConnectionError("Redis is away")

    monkeypatch.setattr(tasks.send_webhooks, "apply_async", unreachable)
    with caplog.at_level(logging.WARNING, logger="webhooks.tasks"), django_capture_on_commit_callbacks(execute=True):
        statement = StatementFactory(publish=True, by=reviewer)
    assert Statement.objects.get(pk=statement.pk).state == "published"
    assert "the reconciliation will send them" in caplog.text


def test_without_a_broker_nothing_is_asked_in_the_request(settings, reviewer, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks() as callbacks:
        StatementFactory(publish=True, by=reviewer)
    assert tasks._enqueue not in callbacks


def test_the_command_refuses_a_timer_shorter_than_a_second():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="1 second or more"):
        call_command("send_webhooks", "--every", "0.5")
