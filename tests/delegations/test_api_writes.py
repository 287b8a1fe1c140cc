"""Tools set up parties, delegations, memberships and attendance through the API, with the
services' rules: one delegation a party at a round, one head a delegation, one chair a
round, attendance only at a session of the member's round."""

import pytest

from delegations.models import Delegation
from tests.record_writes import NUL, WriteRouteTests, Writes, bad_cases, refusal

pytestmark = pytest.mark.django_db

PARTIES = Writes(
    "parties",
    "slug",
    create=lambda s: {"slug": "usa", "name": "United States", "short_name": "US"},
    change=lambda s: (s.turkey, {"name": "Türkiye", "kind": "state"}),
    shown=lambda s: (s.ukraine, {"short_name": "UA"}),
    bad=[
        (lambda s: {"name": "Russia"}, "name", "already exists"),
        (lambda s: {"name": "Oman", "kind": "empire"}, "kind", "valid choice"),
        (lambda s: {"name": NUL}, "detail", "NUL"),
    ],
)
DELEGATIONS = Writes(
    "delegations",
    "uuid",
    create=lambda s: {"round": s.istanbul.slug, "party": "ukraine", "unnamed_members": 11},
    change=lambda s: (s.turkey_at_istanbul, {"roles": ["mediator", "host"], "unnamed_members": 0, "note": "Fidan"}),
    shown=lambda s: (s.shown_delegation, {"note": "nearly two dozen other officials"}),
    bad=[
        (lambda s: {"round": "atlantis-2025-05-16", "party": "ukraine"}, "round", "No round has the slug"),
        (lambda s: {"round": s.istanbul.slug, "party": "atlantis"}, "party", "No party has the slug"),
        (lambda s: {"round": s.istanbul.slug, "party": "russia"}, "party", "already has a delegation"),
        (lambda s: {"round": s.istanbul.slug, "party": "ukraine", "roles": ["chair"]}, "roles", "valid choice"),
        (lambda s: {"round": s.istanbul.slug, "party": "ukraine", "roles": []}, "roles", "at least one role"),
        (lambda s: {"round": s.istanbul.slug, "party": "ukraine", "roles": "host"}, "roles", "list"),
        (lambda s: {"round": s.istanbul.slug, "party": "ukraine", "unnamed_members": -1}, "unnamed_members", "0"),
        (lambda s: {"round": s.istanbul.slug, "party": "ukraine", "unnamed_members": 1000}, "unnamed_members", "999"),
        (lambda s: {"round": s.istanbul.slug, "party": "ukraine", "unnamed_members": "11"}, "unnamed_members", "valid"),
    ],
)
MEMBERSHIPS = Writes(
    "memberships",
    "uuid",
    create=lambda s: {"delegation": str(s.russia_at_istanbul.uuid), "person": s.galuzin.slug,
                      "title": "Deputy Foreign Minister"},  # fmt: skip
    change=lambda s: (s.quiet_member, {"title": "Aide to the President", "note": "named by TASS"}),
    shown=lambda s: (s.shown_member, {"title": "Minister of Defence"}),
    bad=[
        (lambda s: {"delegation": str(s.russia_at_istanbul.uuid), "person": "nobody"}, "person",
         "No person has the slug"),
        (lambda s: {"delegation": "not-a-uuid", "person": s.galuzin.slug}, "delegation", "Give the delegation's UUID"),
        (lambda s: {"delegation": str(s.russia_at_istanbul.uuid), "person": s.galuzin.slug, "role": "boss"},
         "role", "valid choice"),
        (lambda s: {"delegation": str(s.russia_at_istanbul.uuid), "person": s.galuzin.slug, "role": "chair"},
         "role", "Hakan Fidan (Turkey) already chairs this round"),
        (lambda s: {"delegation": str(s.russia_at_istanbul.uuid), "person": s.galuzin.slug, "role": "head"},
         "role", "already has a head"),
        (lambda s: {"delegation": str(s.russia_at_istanbul.uuid), "person": s.medinsky.slug}, "person",
         "already a member"),
    ],
)  # fmt: skip
ATTENDANCES = Writes(
    "attendances",
    "uuid",
    create=lambda s: {"session": str(s.quiet_session.uuid), "membership": str(s.chair.uuid)},
    change=lambda s: (s.quiet_attendance, {"membership": str(s.chair.uuid)}),
    shown=lambda s: (s.shown_attendance, {"session": str(s.quiet_session.uuid), "membership": str(s.chair.uuid)}),
    bad=[
        (lambda s: {"session": str(s.quiet_session.uuid), "membership": str(s.shown_member.uuid)}, "membership",
         "at another round"),
        (lambda s: {"session": str(s.quiet_session.uuid), "membership": str(s.quiet_member.uuid)}, "membership",
         "already recorded"),
        (lambda s: {"session": "00000000-0000-0000-0000-000000000000", "membership": str(s.chair.uuid)}, "session",
         "No session has the UUID"),
    ],
)  # fmt: skip


class TestDelegationWrites(WriteRouteTests):
    # Create: the token, its groups and permissions, the body's references; in a savepoint
    # the model's checks, the insert, its history and change-log rows (and the chair rule
    # for a membership); the answer's read with what it nests. A change adds the record's
    # read, its row lock and whether published records show it.
    QUERIES = {
        "parties": (13, 22),
        "delegations": (22, 27),
        "memberships": (24, 25),
        "attendances": (17, 19),
    }

    @pytest.fixture(params=[PARTIES, DELEGATIONS, MEMBERSHIPS, ATTENDANCES], ids=str)
    def writes(self, request):
        return request.param

    @pytest.fixture(params=bad_cases(PARTIES, DELEGATIONS, MEMBERSHIPS, ATTENDANCES))
    def bad(self, request):
        return request.param


def test_a_host_that_mediates_holds_both_roles_in_their_order(scene, token_api, editor):
    body = {"round": scene.istanbul.slug, "party": "ukraine", "roles": ["host", "mediator"]}
    response = token_api(editor).post("/api/v1/delegations/", body, format="json")
    assert response.status_code == 201, response.content
    assert (response.json()["roles"], response.json()["role"]) == (["mediator", "host"], "mediator")


def test_a_delegation_is_a_negotiating_party_unless_told_otherwise(scene, token_api, editor):
    body = {"round": scene.istanbul.slug, "party": "ukraine"}
    assert token_api(editor).post("/api/v1/delegations/", body, format="json").json()["roles"] == ["negotiating_party"]


def test_a_put_leaving_out_the_roles_makes_the_delegation_a_negotiating_party_again(scene, token_api, reviewer):
    turkey = scene.turkey_at_istanbul
    body = {"round": scene.istanbul.slug, "party": "turkey"}
    response = token_api(reviewer).put(f"/api/v1/delegations/{turkey.uuid}/", body, format="json")
    assert response.json()["roles"] == ["negotiating_party"]


def test_a_chair_moved_with_their_delegation_to_a_chaired_round_is_refused(scene, token_api, reviewer):
    turkey = scene.turkey_at_istanbul
    chaired = {"delegation": str(scene.shown_delegation.uuid), "person": scene.galuzin.slug, "role": "chair"}
    assert token_api(reviewer).post("/api/v1/memberships/", chaired, format="json").status_code == 201
    response = token_api(reviewer).patch(f"/api/v1/delegations/{turkey.uuid}/", {"round": "geneva-2026-02-17"},
                                         format="json")  # fmt: skip
    assert "chairs for this delegation" in refusal(response, "round")
    assert Delegation.objects.get(pk=turkey.pk).round == scene.istanbul


def test_the_chair_changes_role_and_another_member_may_chair(scene, token_api, reviewer):
    client = token_api(reviewer)
    assert (
        client.patch(f"/api/v1/memberships/{scene.chair.uuid}/", {"role": "member"}, format="json").status_code == 200
    )
    body = {"role": "chair"}
    response = client.patch(f"/api/v1/memberships/{scene.quiet_member.uuid}/", body, format="json")
    assert response.status_code == 200, response.content
    assert client.get("/api/v1/rounds/istanbul-2025-05-16/").json()["chair"]["name"] == "Vladimir Medinsky"


def test_attendance_lists_by_round_and_person(scene, token_api):
    reader = token_api(None)
    rows = reader.get("/api/v1/attendances/", {"round": scene.istanbul.slug}).json()["results"]
    assert [(row["person"], row["session"]) for row in rows] == [(scene.medinsky.slug, str(scene.quiet_session.uuid))]
    assert reader.get("/api/v1/attendances/", {"person": scene.umerov.slug}).json()["count"] == 1
    assert reader.get("/api/v1/attendances/", {"person": "nobody"}).status_code == 400
