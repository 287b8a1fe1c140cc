"""rounds/ and rounds/{slug}/: rounds in order, and the detail with what happened there."""

import datetime

import pytest

from delegations.models import DelegationRole, MembershipRole
from issues import services
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def held(process, day, **extra):
    return RoundFactory(process=process, start_date=day, end_date=day, **extra)


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_rounds_are_listed_in_chronological_order_with_their_record_fields(client):
    process = ProcessFactory()
    later = held(process, datetime.date(2026, 2, 17))
    earlier = held(process, datetime.date(2025, 5, 16))
    body = client.get("/api/v1/rounds/").json()
    assert [item["slug"] for item in body["results"]] == [earlier.slug, later.slug]
    assert {"uuid", "version", "created_at", "updated_at"} <= set(body["results"][0])


def test_rounds_filter_by_process_status_and_year(client):
    process = ProcessFactory()
    in_2025 = held(process, datetime.date(2025, 5, 16))
    in_2026 = held(process, datetime.date(2026, 2, 17))
    elsewhere = held(ProcessFactory(), datetime.date(2026, 3, 1))
    assert slugs(client.get(f"/api/v1/rounds/?process={process.slug}")) == [in_2025.slug, in_2026.slug]
    assert slugs(client.get("/api/v1/rounds/?year=2026")) == [in_2026.slug, elsewhere.slug]
    assert slugs(client.get("/api/v1/rounds/?status=scheduled")) == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("process=no-such-process", "process"),
        ("status=finished", "status"),
        ("year=soon", "year"),
        ("year=99999", "year"),
    ],
)
def test_a_bad_round_filter_answers_400_naming_the_field(client, query, field):
    response = client.get(f"/api/v1/rounds/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_an_unknown_round_slug_and_a_page_past_the_end_answer_404_in_json(client):
    assert client.get("/api/v1/rounds/nowhere-2026-01-01/").json()["detail"]
    response = client.get("/api/v1/rounds/?page=9")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_the_round_detail_nests_sessions_and_delegations_with_the_head_first(client):
    talk_round = RoundFactory()
    SessionFactory(round=talk_round)
    delegation = DelegationFactory(round=talk_round)
    MembershipFactory(delegation=delegation, person__name="Aaron Adviser", role=MembershipRole.ADVISER)
    head = MembershipFactory(delegation=delegation, person__name="Zoe Head", role=MembershipRole.HEAD, title="envoy")
    body = client.get(f"/api/v1/rounds/{talk_round.slug}/").json()
    assert len(body["sessions"]) == 1
    [nested] = body["delegations"]
    assert nested["party"] == {"slug": delegation.party.slug, "name": delegation.party.name}
    first = nested["members"][0]
    assert (first["person"], first["name"], first["title"], first["role"]) == (
        head.person.slug,
        "Zoe Head",
        "envoy",
        "head",
    )
    assert [member["role"] for member in nested["members"]] == ["head", "adviser"]


def test_the_round_detail_names_its_chair_and_each_partys_roles_negotiating_parties_first(client):
    talk_round = RoundFactory()
    host = DelegationFactory(
        round=talk_round, party__name="United Arab Emirates", party__slug="uae",
        roles=[DelegationRole.HOST, DelegationRole.MEDIATOR],
    )  # fmt: skip
    side = DelegationFactory(round=talk_round, party__name="Zembla", party__slug="zembla")
    chair = MembershipFactory(
        delegation=host, person__name="Abdullah bin Zayed", title="foreign minister", role=MembershipRole.CHAIR
    )
    MembershipFactory(delegation=host, role=MembershipRole.HEAD)
    body = client.get(f"/api/v1/rounds/{talk_round.slug}/").json()
    assert body["chair"] == {
        "person": chair.person.slug,
        "name": "Abdullah bin Zayed",
        "title": "foreign minister",
        "party": {"slug": "uae", "name": "United Arab Emirates"},
    }
    assert [(d["party"]["slug"], d["roles"], d["role"]) for d in body["delegations"]] == [
        (side.party.slug, ["negotiating_party"], "negotiating_party"),
        ("uae", ["mediator", "host"], "mediator"),
    ]
    assert [m["role"] for m in body["delegations"][1]["members"]] == ["head", "chair"]


def test_a_round_without_a_chair_on_record_answers_null(client):
    talk_round = RoundFactory()
    MembershipFactory(delegation=DelegationFactory(round=talk_round), role=MembershipRole.HEAD)
    assert client.get(f"/api/v1/rounds/{talk_round.slug}/").json()["chair"] is None


def test_the_round_detail_shows_each_status_with_its_change_since_the_previous_assessment(client):
    process = ProcessFactory()
    first, second = held(process, datetime.date(2026, 1, 10)), held(process, datetime.date(2026, 2, 17))
    territory, monitoring = IssueFactory(process=process, sort_order=1), IssueFactory(process=process, sort_order=2)
    IssueStatusFactory(issue=territory, round=first, status="discussed", publish=True)
    IssueStatusFactory(issue=territory, round=second, status="deadlocked", summary="No movement.", publish=True)
    IssueStatusFactory(issue=monitoring, round=second, status="progress", publish=True)
    statuses = client.get(f"/api/v1/rounds/{second.slug}/").json()["issue_statuses"]
    assert [(s["issue"]["slug"], s["status"], s["change"]) for s in statuses] == [
        (territory.slug, "deadlocked", "worse"),
        (monitoring.slug, "progress", "new"),
    ]
    assert statuses[0]["summary"] == "No movement."
    assert statuses[0]["definition"].startswith("Discussed, with positions that remain opposed")
    assert set(statuses[0]["sources"][0]) >= {"uuid", "outlet", "title", "url", "published_on"}


def test_the_round_detail_shows_a_withdrawn_status_as_a_notice_and_never_a_draft(client, reviewer):
    talk_round = RoundFactory()
    withdrawn = IssueStatusFactory(round=talk_round, issue__process=talk_round.process, publish=True)
    services.record_withdraw(withdrawn, by=reviewer, note="Misreported.", on_date=datetime.date(2026, 2, 20))
    IssueStatusFactory(round=talk_round, issue__process=talk_round.process, summary="secret draft")
    [notice] = client.get(f"/api/v1/rounds/{talk_round.slug}/").json()["issue_statuses"]
    assert notice["notice"] == {"state": "withdrawn", "on": "2026-02-20", "note": "Misreported."}
    assert notice["change"] is None


def test_the_round_detail_lists_its_published_agreements_with_parties_and_issues(client):
    talk_round = RoundFactory()
    issue = IssueFactory(process=talk_round.process)
    parties = [PartyFactory(), PartyFactory()]
    AgreementFactory(
        process=talk_round.process,
        round=talk_round,
        parties=parties,
        issues=[issue],
        figures=[{"label": "prisoners exchanged", "value": 314}],
        publish=True,
    )
    AgreementFactory(process=talk_round.process, round=talk_round, title="draft deal")
    [agreement] = client.get(f"/api/v1/rounds/{talk_round.slug}/").json()["agreements"]
    assert sorted(agreement["parties"]) == sorted(party.slug for party in parties)
    assert agreement["issues"] == [issue.slug]
    assert agreement["figures"] == [{"label": "prisoners exchanged", "value": 314}]


def test_deleting_a_round_answers_405(client, editor):
    """Editors create and change rounds through the API (test_setup_writes.py); deleting
    stays in the admin."""
    talk_round = RoundFactory()
    client.force_login(editor)
    assert client.delete("/api/v1/rounds/").status_code == 405
    assert client.delete(f"/api/v1/rounds/{talk_round.slug}/").status_code == 405
