"""Webhooks through a real Celery worker and beat on a Redis of the test's own: a
publication is sent after its commit, and one published while Redis was stopped is sent
by beat's reconciliation once Redis is back, each once and in order."""

from __future__ import annotations

import time

import pytest

from negotrack.celery import app
from negotrack.groups import SUBSCRIBERS, add_to_group
from tests import processes
from tests.factories import ProcessFactory, StatementFactory
from tests.processes import wait_for
from tests.webhooks.receiver import Receiver

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


SETTLING = 180  # seconds; a second or two when nothing else holds a transaction open


@pytest.fixture
def broker(transactional_db, tmp_path, settings):
    """Our own Redis, this process's Celery pointed at it, a worker and beat on it; all of
    them stopped at the end."""
    from issues.timelines import tasks as timeline_tasks

    reason = processes.missing()
    if reason:
        pytest.skip(reason)
    redis, url = processes.start_redis(tmp_path)
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    settings.REDIS_URL = settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(broker_url=url, task_always_eager=False)
    processes.reset_celery_producers()
    timeline_tasks._redis.cache_clear()
    env = processes.celery_env(url, WEBHOOKS_RECONCILE_SECONDS="1", WEBHOOKS_ALLOW_PRIVATE_TARGETS="1")
    state = {"redis": redis, "started": []}
    try:
        state["started"].append(processes.start_worker(tmp_path, env, name="webhooks-worker"))
        state["started"].append(processes.start_beat(tmp_path, env))
        yield state, tmp_path, url
    finally:
        for service in [*reversed(state["started"]), state["redis"]]:
            service.stop()
        print("\n".join(f"--- {s.name} ---\n{s.output()[-3000:]}" for s in state["started"]))
        app.conf.update(saved)
        processes.reset_celery_producers()
        timeline_tasks._redis.cache_clear()


def test_what_was_published_while_redis_was_stopped_is_sent_once_it_is_back(
    broker, settings, django_user_model, reviewer, token_api
):
    state, directory, url = broker
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    receiver = Receiver()
    try:
        tool = django_user_model.objects.create_user("tool", password="pw-tool")
        add_to_group(tool, SUBSCRIBERS)
        made = token_api(tool).post(
            "/api/v1/webhooks/", {"url": receiver.url, "events": ["statement.published"]}, format="json"
        )
        assert made.status_code == 201, made.content
        process = ProcessFactory()
        before, during = (StatementFactory(process=process, text=f"Said {n}.") for n in ("before", "during"))

        published = token_api(reviewer).post(f"/api/v1/statements/{before.uuid}/publish/")
        assert published.status_code == 200, published.content
        # Generous: a change is dispatched once every transaction before it has finished,
        # on the whole database server (tests/feed.py), which other work may hold back.
        wait_for(lambda: len(receiver.accepted()) == 1, SETTLING, "the event sent after the commit")

        state["redis"].stop()
        started = time.monotonic()
        published = token_api(reviewer).post(f"/api/v1/statements/{during.uuid}/publish/")
        assert published.status_code == 200, published.content  # the edit never fails for the broker
        assert time.monotonic() - started < 5
        time.sleep(2)
        assert len(receiver.accepted()) == 1  # nothing can send it while the broker is away

        port = int(url.rsplit(":", 1)[1].split("/")[0])
        state["redis"], _ = processes.start_redis(directory, port=port)
        wait_for(lambda: len(receiver.accepted()) == 2, SETTLING, "the reconciliation to send what Redis missed")
        time.sleep(2)  # a later round of the reconciliation sends nothing twice
        assert [event["data"]["uuid"] for event in receiver.accepted()] == [str(before.uuid), str(during.uuid)]
        assert len(receiver.received) == 2
    finally:
        receiver.stop()
