"""Drafts reach editors and reviewers only: no list, detail, filter, search, CSV, status,
matrix or changes answer shows one to anyone else, even when they ask for drafts."""

import datetime

import pytest

from negotrack.groups import system_user
from tests.api_routes import ROUTES, World, collection_of, concrete
from tests.factories import IssueFactory, IssueStatusFactory, services_by_model

pytestmark = pytest.mark.django_db

MARK = "zzdraftmarkzz"
READS = [path for path, offered in ROUTES if "GET" in offered]


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def world():
    world = World()
    for kind, field in (("statements", "text"), ("statuses", "summary"), ("positions", "stance"),
                        ("agreements", "title")):  # fmt: skip
        draft = world.drafts[kind]
        setattr(draft, field, f"{MARK} {kind}")
        service, _ = services_by_model()[type(draft)]
        service(draft, by=system_user())
    # An issue assessed only in a draft: every public answer says it was not discussed.
    world.unassessed = IssueFactory(process=world.process, topic="zaporizhzhia")
    world.draft_only = IssueStatusFactory(issue=world.unassessed, round=world.round, status="collapsed",
                                          summary=MARK, sources=[world.source])  # fmt: skip
    return world


def queries_for(path: str) -> list[str]:
    """The query strings each read is tried with: drafts asked for, filtered, searched, as CSV."""
    base = ["", "include=drafts"]
    collection = collection_of(path)
    if path.endswith("/status-matrix/"):
        return ["process=ru-ua", "process=ru-ua&include=drafts", "process=ru-ua&format=csv&include=drafts"]
    if path.endswith("/status/"):
        return ["", "as_of=2026-03-01", "as_of=2026-03-01&include=drafts"]
    if path.endswith("/popolo/"):
        return ["process=ru-ua", "process=ru-ua&include=drafts"]
    if collection == "statements" and "{" not in path:
        return [*base, f"q={MARK}&include=drafts", "format=csv&include=drafts", "process=ru-ua&include=drafts"]
    if "{" not in path and collection in ("statuses", "positions", "agreements"):
        return [*base, "process=ru-ua&include=drafts"]
    return base


@pytest.mark.parametrize("persona", ["anonymous", "outsider"])
def test_no_read_shows_a_draft_to_readers_outside_the_groups(token_api, outsider, world, persona):
    client = token_api(outsider if persona == "outsider" else None)
    drafts = [str(draft.uuid) for draft in world.drafts.values()] + [str(world.draft_only.uuid)]
    tried = 0
    for path in READS:
        url = concrete(path, world, published=True)
        if path.endswith("/status/"):
            url = path.replace("{slug}", world.unassessed.slug)
        for query in queries_for(path):
            response = client.get(f"{url}?{query}" if query else url)
            assert response.status_code == 200, (url, query, response.status_code)
            text = body_of(response)
            assert MARK not in text, (url, query)
            assert not any(uuid in text for uuid in drafts), (url, query)
            assert "collapsed" not in text, (url, query)
            tried += 1
    for kind, draft in world.drafts.items():
        assert client.get(f"/api/v1/{kind}/{draft.uuid}/?include=drafts").status_code == 404
    assert tried >= 2 * len(READS)


def test_editors_who_ask_see_the_drafts(token_api, editor, world):
    client = token_api(editor)
    listed = client.get("/api/v1/statements/?include=drafts").json()["results"]
    assert str(world.drafts["statements"].uuid) in {row["uuid"] for row in listed}
    assert MARK in body_of(client.get(f"/api/v1/statements/?q={MARK}&include=drafts&format=csv"))
    # Current status and the matrix are the public record's, for editors too.
    status = client.get(f"/api/v1/issues/{world.unassessed.slug}/status/?as_of=2026-03-01").json()
    assert status["status"] == "not_discussed"
    assert datetime.date.fromisoformat(status["as_of"]) == datetime.date(2026, 3, 1)
