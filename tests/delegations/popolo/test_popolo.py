"""popolo/?process=: who sat for whom in one process, as Popolo JSON, checked against the
Popolo specification's schemas (simplified in this folder's *.schema.json)."""

import datetime
import json
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from rest_framework.throttling import AnonRateThrottle

from delegations import services
from delegations.models import DelegationRole, MembershipRole, PartyKind
from negotrack.groups import system_user
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/popolo/"
HERE = Path(__file__).parent
JAN_23, JAN_24 = datetime.date(2026, 1, 23), datetime.date(2026, 1, 24)
FEB_17, FEB_18 = datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)


def validator() -> Draft202012Validator:
    """The document's schema, its $refs to the Popolo classes resolved from this folder."""
    schemas = {path.name: json.loads(path.read_text()) for path in HERE.glob("*.schema.json")}
    registry = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    document = schemas["document.schema.json"]
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def talks(django_db_setup, django_db_blocker):
    """Two rounds of one process, made once for the module and rolled back after it:
    Umerov sits at both, a Russian official is on record by his Cyrillic name, the UAE hosts
    and mediates; beside them a process with no delegations and one whose people must not
    show."""
    with django_db_blocker.unblock(), transaction.atomic():
        process = ProcessFactory(slug="ru-ua")
        first = RoundFactory(process=process, city="Abu Dhabi", start_date=JAN_23, end_date=JAN_24)
        second = RoundFactory(process=process, city="Geneva", start_date=FEB_17, end_date=FEB_18)
        ukraine = PartyFactory(slug="ukraine", name="Ukraine")
        russia = PartyFactory(slug="russia", name="Russia")
        uae = PartyFactory(slug="uae", name="United Arab Emirates", short_name="UAE")
        un = PartyFactory(slug="un", name="United Nations", kind=PartyKind.ORGANIZATION)
        umerov = PersonFactory(name="Rustem Umerov", aliases="Umjerow\nУмєров", description="Ukraine's negotiator")
        kostyukov = PersonFactory(name="Игорь Костюков", aliases="Igor Kostyukov")
        host = PersonFactory(name="Abdullah bin Zayed")
        report = SourceFactory(outlet="Reuters", title="Talks end", url="https://example.org/talks-end")
        unlinked = SourceFactory(outlet="TASS", title="No link")
        delegations = {
            "ukraine-1": DelegationFactory(round=first, party=ukraine),
            "russia-1": DelegationFactory(round=first, party=russia, note="nearly two dozen other officials"),
            "uae-1": DelegationFactory(
                round=first, party=uae, roles=[DelegationRole.MEDIATOR, DelegationRole.HOST], sources=[report]
            ),
            "ukraine-2": DelegationFactory(round=second, party=ukraine),
            "un-2": DelegationFactory(round=second, party=un, roles=[DelegationRole.OBSERVER]),
        }
        members = {
            "umerov-1": MembershipFactory(
                delegation=delegations["ukraine-1"], person=umerov, role=MembershipRole.HEAD,
                title="Secretary of the National Security and Defense Council", sources=[report, unlinked],
            ),
            "umerov-2": MembershipFactory(
                delegation=delegations["ukraine-2"], person=umerov, role=MembershipRole.HEAD, title="",
            ),
            "kostyukov-1": MembershipFactory(
                delegation=delegations["russia-1"], person=kostyukov, role=MembershipRole.HEAD, title="Head of the GRU"
            ),
            "host-1": MembershipFactory(
                delegation=delegations["uae-1"], person=host, role=MembershipRole.CHAIR, title="Foreign minister"
            ),
        }  # fmt: skip
        quiet = ProcessFactory(slug="quiet-talks")
        RoundFactory(process=quiet)
        elsewhere = MembershipFactory(person=PersonFactory(name="Someone Elsewhere"))
        yield {
            "process": process, "rounds": (first, second), "parties": (ukraine, russia, uae, un),
            "people": {"umerov": umerov, "kostyukov": kostyukov, "host": host}, "delegations": delegations,
            "members": members, "quiet": quiet, "elsewhere": elsewhere,
        }  # fmt: skip
        transaction.set_rollback(True)


def read(client, process="ru-ua"):
    response = client.get(URL, {"process": process})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def by_id(entries):
    return {entry["id"]: entry for entry in entries}


def test_the_answer_is_valid_against_the_popolo_schemas(client, talks):
    document = read(client)
    errors = sorted(validator().iter_errors(document), key=lambda error: list(error.absolute_path))
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in errors[:5]]
    # Every id named is in the document, once.
    people, organizations = by_id(document["persons"]), by_id(document["organizations"])
    assert len(people) == len(document["persons"]) and len(organizations) == len(document["organizations"])
    for membership in document["memberships"]:
        assert membership["person_id"] in people
        assert organizations[membership["organization_id"]]["classification"] == "delegation"
        assert membership["on_behalf_of_id"] == organizations[membership["organization_id"]]["parent_id"]
    for organization in document["organizations"]:
        assert organization["parent_id"] is None or organization["parent_id"] in organizations


def test_the_schemas_refuse_what_the_specification_does_not_allow(client, talks):
    """The check above can fail: a property Popolo does not define, a date in another
    shape, a link without a URL."""
    document = read(client)
    document["persons"][0]["hair_colour"] = "brown"
    document["memberships"][0]["start_date"] = "17 February 2026"
    document["organizations"][0]["links"][0].pop("url")
    failed = {tuple(error.absolute_path) for error in validator().iter_errors(document)}
    assert failed == {("persons", 0), ("memberships", 0, "start_date"), ("organizations", 0, "links", 0)}


def test_people_read_in_their_own_scripts_with_their_aliases_and_our_identifiers(client, talks):
    people = by_id(read(client)["persons"])
    umerov, kostyukov = talks["people"]["umerov"], talks["people"]["kostyukov"]
    entry = people[str(umerov.uuid)]
    assert entry["name"] == "Rustem Umerov"
    assert entry["other_names"] == [{"name": "Umjerow", "note": None}, {"name": "Умєров", "note": None}]
    assert entry["identifiers"] == [
        {"scheme": "negotrack", "identifier": str(umerov.uuid)},
        {"scheme": "negotrack-slug", "identifier": umerov.slug},
    ]
    assert entry["summary"] == "Ukraine's negotiator"
    assert entry["links"] == [
        {"url": f"http://testserver/api/v1/people/{umerov.slug}/", "note": "negotrack API"},
        {"url": f"http://testserver/people/{umerov.slug}/", "note": "negotrack page"},
    ]
    assert client.get(entry["links"][0]["url"]).json()["uuid"] == str(umerov.uuid)
    cyrillic = people[str(kostyukov.uuid)]
    assert (cyrillic["name"], cyrillic["other_names"]) == ("Игорь Костюков", [{"name": "Igor Kostyukov", "note": None}])
    assert cyrillic["summary"] is None
    # By name; the people of another process are not there.
    assert [person["name"] for person in read(client)["persons"]] == [
        "Abdullah bin Zayed",
        "Rustem Umerov",
        "Игорь Костюков",
    ]


def test_the_answer_is_utf_8_json_with_the_scripts_as_they_are(client, talks):
    response = client.get(URL, {"process": "ru-ua"})
    assert response["Content-Type"] == "application/json"
    assert "Игорь Костюков" in response.content.decode("utf-8")


def test_a_person_in_two_delegations_has_a_membership_in_each_with_the_rounds_days(client, talks):
    document = read(client)
    umerov = str(talks["people"]["umerov"].uuid)
    mine = [membership for membership in document["memberships"] if membership["person_id"] == umerov]
    first, second = talks["members"]["umerov-1"], talks["members"]["umerov-2"]
    assert [membership["id"] for membership in mine] == [str(first.uuid), str(second.uuid)]
    assert mine[0] == {
        "id": str(first.uuid),
        "person_id": umerov,
        "organization_id": str(talks["delegations"]["ukraine-1"].uuid),
        "on_behalf_of_id": str(talks["parties"][0].uuid),
        "role": "head of delegation",
        "label": "Secretary of the National Security and Defense Council",
        "start_date": "2026-01-23",
        "end_date": "2026-01-24",
        "links": [{"url": f"http://testserver/api/v1/memberships/{first.uuid}/", "note": "negotrack API"}],
        # The cited source without a URL cannot be a Popolo link.
        "sources": [{"url": "https://example.org/talks-end", "note": "Reuters: Talks end"}],
        "created_at": mine[0]["created_at"],
        "updated_at": mine[0]["updated_at"],
    }
    assert (mine[1]["label"], mine[1]["start_date"], mine[1]["end_date"]) == (None, "2026-02-17", "2026-02-18")
    assert mine[1]["organization_id"] == str(talks["delegations"]["ukraine-2"].uuid)
    chair = by_id(document["memberships"])[str(talks["members"]["host-1"].uuid)]
    assert (chair["role"], chair["label"]) == ("chair of the talks", "Foreign minister")


def test_parties_come_first_then_each_delegation_inside_its_party_for_its_rounds_days(client, talks):
    organizations = read(client)["organizations"]
    ukraine, russia, uae, un = talks["parties"]
    delegations = talks["delegations"]
    assert [entry["id"] for entry in organizations] == [
        str(record.uuid)
        for record in (
            russia, ukraine, uae, un,  # the parties by name
            # Round by round, negotiating parties first, each by the party's name.
            delegations["russia-1"], delegations["ukraine-1"], delegations["uae-1"],
            delegations["ukraine-2"], delegations["un-2"],
        )
    ]  # fmt: skip
    found = by_id(organizations)
    party = found[str(uae.uuid)]
    assert (party["name"], party["classification"], party["parent_id"]) == ("United Arab Emirates", "state", None)
    assert party["other_names"] == [{"name": "UAE", "note": "short name"}]
    assert party["identifiers"][1] == {"scheme": "negotrack-slug", "identifier": "uae"}
    assert party["links"][1] == {"url": "http://testserver/parties/uae/", "note": "negotrack page"}
    assert found[str(un.uuid)]["classification"] == "organization"
    hosts = found[str(delegations["uae-1"].uuid)]
    assert hosts["name"] == "Delegation of United Arab Emirates, Abu Dhabi, 23–24 Jan 2026"
    assert (hosts["classification"], hosts["parent_id"]) == ("delegation", str(uae.uuid))
    assert (hosts["founding_date"], hosts["dissolution_date"]) == ("2026-01-23", "2026-01-24")
    assert hosts["abstract"] == "Mediator and host at the round in Abu Dhabi, 23–24 Jan 2026"
    assert hosts["sources"] == [{"url": "https://example.org/talks-end", "note": "Reuters: Talks end"}]
    assert hosts["identifiers"] == [{"scheme": "negotrack", "identifier": str(delegations["uae-1"].uuid)}]
    talk_round = talks["rounds"][0]
    assert hosts["links"][1] == {
        "url": f"http://testserver/rounds/{talk_round.slug}/",
        "note": "negotrack page of the round",
    }
    assert found[str(delegations["russia-1"].uuid)]["description"] == "nearly two dozen other officials"
    assert found[str(delegations["ukraine-1"].uuid)]["description"] is None


def test_a_round_without_days_on_record_leaves_the_dates_null(client, talks):
    scheduled = RoundFactory(
        process=talks["process"], city="Riyadh", start_date=None, end_date=None, status="scheduled"
    )
    delegation = DelegationFactory(round=scheduled, party=talks["parties"][0])
    MembershipFactory(delegation=delegation, person=talks["people"]["umerov"])
    document = read(client)
    last = document["organizations"][-1]
    assert (last["id"], last["founding_date"], last["dissolution_date"]) == (str(delegation.uuid), None, None)
    assert (document["memberships"][-1]["start_date"], document["memberships"][-1]["end_date"]) == (None, None)
    assert not list(validator().iter_errors(document))


def test_a_process_without_delegations_answers_three_empty_lists(client, talks):
    assert read(client, "quiet-talks") == {"persons": [], "organizations": [], "memberships": []}


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({}, "Name a process by its slug: ?process=<slug>."),
        ({"process": ""}, "Name a process by its slug: ?process=<slug>."),
        ({"process": "atlantis"}, "No process has the slug 'atlantis'."),
        ({"process": "ru-ua\x00"}, "No process has the slug 'ru-ua\\x00'."),
    ],
)
def test_a_missing_or_unknown_process_answers_400_naming_the_processes_it_takes(client, talks, query, said):
    response = client.get(URL, query)
    assert response.status_code == 400
    slugs = sorted(["ru-ua", "quiet-talks", talks["elsewhere"].delegation.round.process.slug])
    assert response.json() == {"process": [f"{said} It takes the slug of a process on record: {', '.join(slugs)}."]}


def test_a_refusal_names_at_most_twenty_processes(client, talks):
    for n in range(20):
        ProcessFactory(slug=f"more-talks-{n:02}")
    message = client.get(URL, {"process": "atlantis"}).json()["process"][0]
    assert message.endswith(", and more (/api/v1/processes/ lists them all).")
    assert message.count(",") == 20


def test_a_repeat_read_answers_304_until_the_record_changes(client, talks):
    first = client.get(URL, {"process": "ru-ua"})
    assert first["ETag"].startswith('W/"') and "Last-Modified" in first
    again = client.get(URL, {"process": "ru-ua"}, headers={"if-none-match": first["ETag"]})
    assert (again.status_code, again.content) == (304, b"")
    person = talks["people"]["kostyukov"]
    person.description = "Head of Russia's GRU"
    services.person_save(person, by=system_user())
    changed = client.get(URL, {"process": "ru-ua"}, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert by_id(changed.json()["persons"])[str(person.uuid)]["summary"] == "Head of Russia's GRU"


def test_anonymous_readers_are_held_to_the_apis_rate_limit(client, talks, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min"})
    answers = [client.get(URL, {"process": "ru-ua"}).status_code for _ in range(3)]
    assert answers == [200, 200, 429]


def test_the_queries_do_not_grow_with_the_people_delegations_and_sources(client, talks):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            read(client)
        return len(captured)

    few = queries()
    source = SourceFactory(url="https://example.org/more")
    for n in range(6):
        talk_round = RoundFactory(process=talks["process"], start_date=FEB_18, end_date=FEB_18)
        for party in talks["parties"][:2]:
            delegation = DelegationFactory(round=talk_round, party=party, sources=[source])
            for _ in range(3):
                MembershipFactory(delegation=delegation, person=PersonFactory(aliases=f"Alias {n}"), sources=[source])
    document = read(client)
    assert len(document["persons"]) == 3 + 36 and len(document["memberships"]) == 4 + 36
    assert queries() == few


def test_an_editors_change_waiting_for_review_is_not_shown(client, talks, editor, token_api):
    """Umerov speaks in a published statement: an editor's change to him waits for a
    reviewer, and the document shows him as the record does."""
    umerov = talks["people"]["umerov"]
    StatementFactory(
        process=talks["process"], round=talks["rounds"][1], speaker=umerov, date=FEB_17, sources=[SourceFactory()],
        publish=True,
    )  # fmt: skip
    response = token_api(editor).patch(f"/api/v1/people/{umerov.slug}/", {"name": "Someone Else"}, format="json")
    assert response.status_code == 202
    assert by_id(read(client)["persons"])[str(umerov.uuid)]["name"] == "Rustem Umerov"
