"""The read API of the delegations app: parties, people, delegations, memberships."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from delegations.models import DelegationRole, MembershipRole
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def uuids(response):
    assert response.status_code == 200
    return [row["uuid"] for row in response.json()["results"]]


def queries_for(api, url):
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200
    return len(queries)


# Parties


def test_a_party_reads_by_its_slug(api):
    party = PartyFactory(name="United Arab Emirates", slug="uae", short_name="UAE")
    body = api.get("/api/v1/parties/uae/").json()
    assert body["uuid"] == str(party.uuid)
    assert (body["name"], body["short_name"], body["kind"]) == ("United Arab Emirates", "UAE", "state")
    assert {"version", "created_at", "updated_at", "slug"} <= body.keys()


def test_parties_list_in_pages(api):
    PartyFactory.create_batch(2)
    body = api.get("/api/v1/parties/").json()
    assert body["count"] == 2 and len(body["results"]) == 2


def test_an_unknown_party_slug_answers_404_json(api):
    response = api.get("/api/v1/parties/atlantis/")
    assert response.status_code == 404
    assert "detail" in response.json()


# People


def test_a_person_reads_by_slug_with_aliases_as_a_list(api):
    person = PersonFactory(name="Rustem Umerov", aliases="Umjerow\nУмєров", description="Ukraine's chief negotiator")
    body = api.get(f"/api/v1/people/{person.slug}/").json()
    assert body["name"] == "Rustem Umerov"
    assert body["aliases"] == ["Umjerow", "Умєров"]
    assert body["description"] == "Ukraine's chief negotiator"
    assert {"uuid", "version", "created_at", "updated_at"} <= body.keys()


def test_people_match_q_by_name_or_alias_in_any_script(api):
    umerov = PersonFactory(name="Rustem Umerov", aliases="Umjerow\nУмєров")
    zelensky = PersonFactory(name="Volodymyr Zelensky", aliases="Зеленский")
    PersonFactory(name="Steve Witkoff")
    assert uuids(api.get("/api/v1/people/", {"q": "umjer"})) == [str(umerov.uuid)]
    assert uuids(api.get("/api/v1/people/", {"q": "умєров"})) == [str(umerov.uuid)]
    assert uuids(api.get("/api/v1/people/", {"q": "зеленский"})) == [str(zelensky.uuid)]
    assert uuids(api.get("/api/v1/people/", {"q": "ZELENSKY"})) == [str(zelensky.uuid)]
    assert len(uuids(api.get("/api/v1/people/"))) == 3


def test_an_unknown_person_slug_answers_404_json(api):
    response = api.get("/api/v1/people/nobody-at-all/")
    assert response.status_code == 404
    assert "detail" in response.json()


# Delegations


def test_a_delegation_reads_with_its_round_party_sources_and_members(api):
    original = SourceFactory(outlet="TASS")
    source = SourceFactory(outlet="Reuters", via=original)
    delegation = DelegationFactory(
        roles=[DelegationRole.MEDIATOR], note="nearly two dozen other officials", sources=[source]
    )
    head = MembershipFactory(delegation=delegation, role=MembershipRole.HEAD, title="special envoy")
    body = api.get(f"/api/v1/delegations/{delegation.uuid}/").json()
    assert body["round"] == delegation.round.slug
    assert body["party"] == delegation.party.slug
    assert (body["roles"], body["role"]) == (["mediator"], "mediator")
    assert body["note"] == "nearly two dozen other officials"
    assert body["sources"] == [
        {
            "uuid": str(source.uuid),
            "outlet": "Reuters",
            "title": source.title,
            "url": "",
            "published_on": "2026-02-18",
            "via": str(original.uuid),
        }
    ]
    assert body["members"] == [
        {
            "uuid": str(head.uuid),
            "person": head.person.slug,
            "name": head.person.name,
            "title": "special envoy",
            "role": "head",
        }
    ]
    assert {"uuid", "version", "created_at", "updated_at"} <= body.keys()


def test_delegations_filter_by_round_party_and_process(api):
    process = ProcessFactory()
    talk_round = RoundFactory(process=process)
    wanted = DelegationFactory(round=talk_round)
    same_round = DelegationFactory(round=talk_round)
    same_party = DelegationFactory(party=wanted.party)
    assert set(uuids(api.get("/api/v1/delegations/", {"round": talk_round.slug}))) == {
        str(wanted.uuid),
        str(same_round.uuid),
    }
    assert set(uuids(api.get("/api/v1/delegations/", {"party": wanted.party.slug}))) == {
        str(wanted.uuid),
        str(same_party.uuid),
    }
    assert set(uuids(api.get("/api/v1/delegations/", {"process": process.slug}))) == {
        str(wanted.uuid),
        str(same_round.uuid),
    }
    both = {"round": talk_round.slug, "party": wanted.party.slug}
    assert uuids(api.get("/api/v1/delegations/", both)) == [str(wanted.uuid)]


def test_a_delegation_reads_with_all_its_roles_in_their_order_the_first_as_its_deprecated_role(api):
    delegation = DelegationFactory(roles=[DelegationRole.HOST, DelegationRole.MEDIATOR])
    body = api.get(f"/api/v1/delegations/{delegation.uuid}/").json()
    assert (body["roles"], body["role"]) == (["mediator", "host"], "mediator")


def test_delegations_filter_by_a_role_they_hold_alone_or_beside_others(api):
    talk_round = RoundFactory()
    host_and_mediator = DelegationFactory(round=talk_round, roles=[DelegationRole.MEDIATOR, DelegationRole.HOST])
    mediator = DelegationFactory(round=talk_round, roles=[DelegationRole.MEDIATOR])
    DelegationFactory(round=talk_round)
    observer = DelegationFactory(round=talk_round, roles=[DelegationRole.OBSERVER, DelegationRole.HOST])
    assert set(uuids(api.get("/api/v1/delegations/", {"role": "mediator"}))) == {
        str(host_and_mediator.uuid),
        str(mediator.uuid),
    }
    assert set(uuids(api.get("/api/v1/delegations/", {"role": "host"}))) == {
        str(host_and_mediator.uuid),
        str(observer.uuid),
    }
    assert uuids(api.get("/api/v1/delegations/", {"role": "observer", "round": talk_round.slug})) == [
        str(observer.uuid)
    ]


@pytest.mark.parametrize(("name", "value"), [("round", "no-such-thing"), ("party", "no-such-thing"),
                                             ("process", "no-such-thing"), ("role", "chair")])  # fmt: skip
def test_an_unknown_value_in_a_delegation_filter_answers_400_naming_the_filter(api, name, value):
    response = api.get("/api/v1/delegations/", {name: value})
    assert response.status_code == 400
    assert name in response.json()


def test_an_unknown_or_malformed_delegation_uuid_answers_404(api):
    assert api.get(f"/api/v1/delegations/{uuid.uuid4()}/").status_code == 404
    response = api.get("/api/v1/delegations/not-a-uuid/")
    assert response.status_code == 404
    assert "detail" in response.json()


# Memberships


def test_a_membership_reads_with_its_delegation_person_round_and_party(api):
    source = SourceFactory()
    membership = MembershipFactory(title="chief of staff", note="named by Axios", sources=[source])
    body = api.get(f"/api/v1/memberships/{membership.uuid}/").json()
    assert body["delegation"] == str(membership.delegation.uuid)
    assert body["person"] == membership.person.slug
    assert body["round"] == membership.delegation.round.slug
    assert body["party"] == membership.delegation.party.slug
    assert (body["title"], body["role"], body["note"]) == ("chief of staff", "member", "named by Axios")
    assert [row["uuid"] for row in body["sources"]] == [str(source.uuid)]
    assert body["sources"][0]["via"] is None
    assert {"uuid", "version", "created_at", "updated_at"} <= body.keys()


def test_memberships_filter_by_person_and_round(api):
    person = PersonFactory()
    first = MembershipFactory(person=person)
    second = MembershipFactory(person=person)
    other_in_first_round = MembershipFactory(delegation=DelegationFactory(round=first.delegation.round))
    assert set(uuids(api.get("/api/v1/memberships/", {"person": person.slug}))) == {
        str(first.uuid),
        str(second.uuid),
    }
    assert set(uuids(api.get("/api/v1/memberships/", {"round": first.delegation.round.slug}))) == {
        str(first.uuid),
        str(other_in_first_round.uuid),
    }


@pytest.mark.parametrize("name", ["person", "round"])
def test_an_unknown_slug_in_a_membership_filter_answers_400_naming_the_filter(api, name):
    response = api.get("/api/v1/memberships/", {name: "no-such-thing"})
    assert response.status_code == 400
    assert name in response.json()


def test_a_malformed_membership_uuid_answers_404_not_500(api):
    assert api.get("/api/v1/memberships/0000-not-quite/").status_code == 404


# What every route shares


@pytest.mark.parametrize(
    ("path", "make_one", "key"),
    [
        ("parties", PartyFactory, "slug"),
        ("people", PersonFactory, "slug"),
        ("delegations", DelegationFactory, "uuid"),
        ("memberships", MembershipFactory, "uuid"),
    ],
)
def test_deleting_answers_405_to_anyone(api, editor, path, make_one, key):
    """Editors create and change these through the API (tests/delegations/test_api_writes.py);
    deleting stays in the admin."""
    record = make_one()
    for who in (None, editor):
        api.force_authenticate(who)
        assert api.delete(f"/api/v1/{path}/").status_code == 405
        assert api.delete(f"/api/v1/{path}/{getattr(record, key)}/").status_code == 405


def test_a_page_holds_at_most_200_rows_and_a_bigger_page_size_answers_400(api):
    PartyFactory.create_batch(201)
    body = api.get("/api/v1/parties/", {"page_size": 200}).json()
    assert body["count"] == 201
    assert len(body["results"]) == 200
    assert body["next"] is not None
    response = api.get("/api/v1/parties/", {"page_size": 1000})
    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


def test_a_page_past_the_end_answers_404_json(api):
    PersonFactory()
    response = api.get("/api/v1/people/", {"page": 3})
    assert response.status_code == 404
    assert "detail" in response.json()


def delegation_with_members_and_sources():
    delegation = DelegationFactory(sources=[SourceFactory(via=SourceFactory()), SourceFactory()])
    MembershipFactory(delegation=delegation, role=MembershipRole.HEAD)
    MembershipFactory(delegation=delegation)
    return delegation


def membership_with_sources():
    return MembershipFactory(sources=[SourceFactory(via=SourceFactory())])


@pytest.mark.parametrize(
    ("path", "make_one"),
    [
        ("parties", PartyFactory),
        ("people", lambda: PersonFactory(aliases="One\nTwo")),
        ("delegations", delegation_with_members_and_sources),
        ("memberships", membership_with_sources),
    ],
)
def test_a_list_runs_the_same_number_of_queries_for_5_rows_as_for_50(api, path, make_one):
    for _ in range(5):
        make_one()
    with_5 = queries_for(api, f"/api/v1/{path}/")
    for _ in range(45):
        make_one()
    assert api.get(f"/api/v1/{path}/").json()["count"] == 50
    assert queries_for(api, f"/api/v1/{path}/") == with_5
