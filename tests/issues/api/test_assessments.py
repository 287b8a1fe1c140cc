"""statuses/, positions/, agreements/: the public record, and drafts for editors who ask."""

import datetime

import pytest

from issues import services
from tests.factories import (
    AgreementFactory,
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db

KINDS = {
    "statuses": IssueStatusFactory,
    "positions": PositionFactory,
    "agreements": AgreementFactory,
}


def listed(client, kind, query=""):
    response = client.get(f"/api/v1/{kind}/{query}")
    assert response.status_code == 200, response.content
    return [item["uuid"] for item in response.json()["results"]]


@pytest.fixture
def signed_in(client, request):
    def sign_in(persona):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return sign_in


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("persona", ["anonymous", "analyst", "outsider", "editor", "reviewer"])
def test_drafts_stay_out_of_lists_and_details_without_include_drafts(signed_in, kind, persona):
    published, draft = KINDS[kind](publish=True), KINDS[kind]()
    client = signed_in(persona)
    assert listed(client, kind) == [str(published.uuid)]
    assert client.get(f"/api/v1/{kind}/{published.uuid}/").status_code == 200
    assert client.get(f"/api/v1/{kind}/{draft.uuid}/").status_code == 404


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("persona", ["anonymous", "analyst", "outsider"])
def test_include_drafts_shows_nothing_more_to_readers_outside_the_editorial_groups(signed_in, kind, persona):
    published, draft = KINDS[kind](publish=True), KINDS[kind]()
    client = signed_in(persona)
    assert listed(client, kind, "?include=drafts") == [str(published.uuid)]
    assert client.get(f"/api/v1/{kind}/{draft.uuid}/?include=drafts").status_code == 404


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_and_reviewers_see_drafts_when_they_ask(signed_in, kind, persona):
    published, draft = KINDS[kind](publish=True), KINDS[kind]()
    client = signed_in(persona)
    assert sorted(listed(client, kind, "?include=drafts")) == sorted([str(published.uuid), str(draft.uuid)])


@pytest.mark.parametrize("kind", KINDS)
def test_a_withdrawn_record_is_listed_as_a_correction_notice(client, reviewer, kind):
    record = KINDS[kind](publish=True)
    services.record_withdraw(record, by=reviewer, note="Not confirmed.", on_date=datetime.date(2026, 2, 20))
    [item] = client.get(f"/api/v1/{kind}/").json()["results"]
    assert item["state"] == "withdrawn"
    assert item["notice"] == {"state": "withdrawn", "on": "2026-02-20", "note": "Not confirmed."}


def test_a_status_shows_its_fields_and_brief_sources(client):
    status = IssueStatusFactory(status="raised", publish=True)
    body = client.get(f"/api/v1/statuses/{status.uuid}/").json()
    assert {"uuid", "version", "created_at", "updated_at", "summary", "effective_date"} <= set(body)
    assert (body["issue"], body["round"], body["status"]) == (status.issue.slug, status.round.slug, "raised")
    assert body["definition"].startswith("Put on the agenda")
    assert body["notice"] is None
    assert {"uuid", "outlet", "title", "url", "published_on"} <= set(body["sources"][0])


def test_statuses_filter_by_process_issue_round_and_status(client):
    wanted = IssueStatusFactory(status="progress", publish=True)
    other = IssueStatusFactory(status="stalled", publish=True)
    assert listed(client, "statuses", f"?process={wanted.issue.process.slug}") == [str(wanted.uuid)]
    assert listed(client, "statuses", f"?issue={wanted.issue.slug}") == [str(wanted.uuid)]
    assert listed(client, "statuses", f"?round={other.round.slug}") == [str(other.uuid)]
    assert listed(client, "statuses", "?status=stalled") == [str(other.uuid)]


def test_positions_and_agreements_filter_by_party(client):
    party = PartyFactory()
    position = PositionFactory(party=party, publish=True)
    PositionFactory(publish=True)
    agreement = AgreementFactory(parties=[party, PartyFactory()], publish=True)
    AgreementFactory(publish=True)
    assert listed(client, "positions", f"?party={party.slug}") == [str(position.uuid)]
    assert listed(client, "agreements", f"?party={party.slug}") == [str(agreement.uuid)]


def test_agreements_filter_by_issue_and_round(client):
    talk_round = RoundFactory()

    issue = IssueFactory(process=talk_round.process)
    agreement = AgreementFactory(process=talk_round.process, round=talk_round, issues=[issue], publish=True)
    AgreementFactory(publish=True)
    assert listed(client, "agreements", f"?issue={issue.slug}") == [str(agreement.uuid)]
    assert listed(client, "agreements", f"?round={talk_round.slug}") == [str(agreement.uuid)]


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("statuses/?status=excellent", "status"),
        ("statuses/?issue=nope", "issue"),
        ("positions/?party=nope", "party"),
        ("agreements/?round=nope", "round"),
        ("agreements/?process=nope", "process"),
    ],
)
def test_a_bad_filter_answers_400_naming_the_field(client, path, field):
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("uuid", ["not-a-uuid", "3f2c9a5e-0000-4000-8000-000000000000"])
def test_a_malformed_or_unknown_uuid_answers_404_in_json(client, kind, uuid):
    response = client.get(f"/api/v1/{kind}/{uuid}/")
    assert response.status_code == 404
    assert response.json()["detail"]
