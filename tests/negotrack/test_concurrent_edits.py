"""Two editors saving the same record at once: one wins, the other is told, nothing is lost."""

import threading

import pytest
from django.db import connection, connections

from negotrack.groups import system_user
from negotrack.records import VersionConflict
from rounds.models import Source
from rounds.services import source_save
from tests.factories import SourceFactory


@pytest.mark.postgres
# Serialized rollback, as in every transactional test here: the flush after it must not
# leave the next one without the groups and content types the migrations made.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_concurrent_saves_from_one_version_exactly_one_lands():
    if connection.vendor != "postgresql":
        pytest.skip("row locks under real concurrency need PostgreSQL")
    source = SourceFactory(title="original")
    user = system_user()
    start = threading.Barrier(2)
    outcomes = []

    def edit(title):
        copy = Source.objects.get(pk=source.pk)  # both read version 1
        start.wait()
        copy.title = title
        try:
            source_save(copy, by=user)
            outcomes.append(("saved", title))
        except VersionConflict:
            outcomes.append(("conflict", title))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit, args=(title,)) for title in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(kind for kind, _ in outcomes) == ["conflict", "saved"]
    winner = next(title for kind, title in outcomes if kind == "saved")
    source.refresh_from_db()
    assert (source.title, source.version) == (winner, 2)
    assert source.history.count() == 2
