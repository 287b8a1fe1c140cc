"""Writes through the API: drafts by editors, publication by reviewers, every refusal a
4xx that says what and where, and nothing saved half-way."""

import datetime
import json

import pytest
from django.utils import timezone

from issues.models import Agreement, IssueStatus, Position, PublicationState, Statement, StatementIssue
from negotrack.models import Change
from tests.factories import (
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/statements/"
FEB_17 = datetime.date(2026, 2, 17)


@pytest.fixture
def geneva():
    """A round with a session, a speaker (of the party's delegation at an earlier round), a
    party, two issues and a source to cite."""
    process = ProcessFactory(slug="ru-ua", name="Russia–Ukraine talks")
    talk_round = RoundFactory(process=process, city="Geneva", start_date=FEB_17, end_date=FEB_17)
    speaker, party = PersonFactory(name="Rustem Umerov"), PartyFactory(slug="ukraine", name="Ukraine")
    earlier = RoundFactory(process=process, city="Istanbul", start_date=datetime.date(2025, 5, 16), end_date=None)
    MembershipFactory(delegation=DelegationFactory(round=earlier, party=party), person=speaker)  # not a delegate here
    return {
        "process": process,
        "round": talk_round,
        "session": SessionFactory(round=talk_round, date=FEB_17),
        "speaker": speaker,
        "party": party,
        "issues": [IssueFactory(process=process, topic="territory"), IssueFactory(process=process, topic="zpp")],
        "source": SourceFactory(outlet="Reuters"),
    }


def statement_body(geneva, **changes):
    body = {
        "process": geneva["process"].slug,
        "round": geneva["round"].slug,
        "session": str(geneva["session"].uuid),
        "speaker": geneva["speaker"].slug,
        "party": geneva["party"].slug,
        "speaker_title": "secretary of the national security council",
        "date": "2026-02-17",
        "medium": "press_remarks",
        "kind": "quote",
        "language": "en",
        "text": "The talks were intensive and substantive.",
        "issues": [issue.slug for issue in geneva["issues"]],
        "sources": [str(geneva["source"].uuid)],
    }
    return {**body, **changes}


def nothing_saved(before_changes: int) -> bool:
    return not Statement.objects.exists() and Change.objects.count() == before_changes


# --- creating drafts ---------------------------------------------------------------------


def test_an_editor_creates_a_draft_statement_with_a_token(token_api, editor, geneva):
    response = token_api(editor).post(URL, statement_body(geneva), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    statement = Statement.objects.get(uuid=body["uuid"])
    assert body["state"] == "draft" and body["version"] == 1
    assert body["issues"] == [issue.slug for issue in geneva["issues"]]
    assert response["Location"].endswith(f"{URL}{statement.uuid}/")
    assert response["ETag"] == '"1"'
    assert set(statement.issues.all()) == set(geneva["issues"])
    assert statement.history.get().history_user == editor
    assert Change.objects.filter(record_uuid=statement.uuid).get().user == editor
    assert StatementIssue.objects.filter(statement=statement).count() == 2


def test_a_duplicate_of_a_recorded_statement_is_refused_with_a_message_on_its_text(token_api, editor, geneva):
    assert token_api(editor).post(URL, statement_body(geneva), format="json").status_code == 201
    changes = Change.objects.count()

    response = token_api(editor).post(
        URL, statement_body(geneva, text=" The talks were  intensive and substantive."), format="json"
    )

    assert response.status_code == 400
    assert "already recorded (a draft): this would be a duplicate" in " ".join(response.json()["text"])
    assert Statement.objects.count() == 1 and Change.objects.count() == changes


def test_a_draft_stays_out_of_public_reads_and_shows_to_editors_who_ask(token_api, editor, outsider, geneva):
    uuid = token_api(editor).post(URL, statement_body(geneva), format="json").json()["uuid"]
    assert token_api(None).get(URL).json()["results"] == []
    assert token_api(None).get(f"{URL}{uuid}/?include=drafts").status_code == 404
    assert token_api(outsider).get(f"{URL}?include=drafts").json()["results"] == []
    assert [row["uuid"] for row in token_api(editor).get(f"{URL}?include=drafts").json()["results"]] == [uuid]


def test_a_statement_by_an_unnamed_speaker(token_api, editor, geneva):
    body = statement_body(geneva, speaker=None, speaker_description="a senior Russian official", party=None)
    response = token_api(editor).post(URL, body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["speaker"] is None


def test_a_session_cookie_writes_only_with_its_csrf_token(editor, geneva):
    from rest_framework.test import APIClient

    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(editor)
    refused = browser.post(URL, statement_body(geneva), format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    csrf = browser.get("/api/v1/statements/").cookies.get("csrftoken")
    if csrf is None:  # the API sets no cookie by itself: take one as a browser page would
        from django.middleware.csrf import _get_new_csrf_string

        browser.cookies["csrftoken"] = csrf_value = _get_new_csrf_string()
    else:
        csrf_value = csrf.value
    accepted = browser.post(URL, statement_body(geneva), format="json", HTTP_X_CSRFTOKEN=csrf_value)
    assert accepted.status_code == 201, accepted.content


# --- who may write --------------------------------------------------------------------------


def test_a_write_without_credentials_answers_401_and_saves_nothing(token_api, geneva):
    before = Change.objects.count()
    response = token_api(None).post(URL, statement_body(geneva), format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "token" in response.json()["detail"].lower()
    assert nothing_saved(before)


def test_a_bad_token_answers_401(geneva):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token-we-gave")
    assert client.post(URL, statement_body(geneva), format="json").status_code == 401


def test_a_signed_in_outsider_gets_403_and_saves_nothing(token_api, outsider, geneva):
    before = Change.objects.count()
    response = token_api(outsider).post(URL, statement_body(geneva), format="json")
    assert response.status_code == 403
    assert "editors and reviewers" in response.json()["detail"]
    assert nothing_saved(before)


# --- bad input: 400 naming the field, nothing saved ----------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"speaker": "nobody-of-that-name"}, "speaker", "No person has the slug “nobody-of-that-name”"),
        ({"process": "no-such-process"}, "process", "No process has the slug"),
        ({"session": "not-a-uuid"}, "session", "Give the session's UUID"),
        ({"sources": ["00000000-0000-0000-0000-000000000000"]}, "sources", "No source has the UUID"),
        ({"date": "17/02/2026"}, "date", "Date has wrong format"),
        ({"date": "2026-02-30"}, "date", "Date has wrong format"),
        ({"date": "1899-12-31"}, "date", "1900"),
        ({"medium": "telepathy"}, "medium", "not a valid choice"),
        ({"text": ""}, "text", "may not be blank"),
        ({"text": "word " * 10_001}, "text", "no more than 50000 characters"),
        ({"language": "ru", "text": "Да.", "translation": "yes " * 12_501}, "translation", "no more than 50000"),
        ({"speaker": None, "speaker_description": ""}, "speaker", "describe them"),
        ({"language": "uk"}, "translation", "English translation"),
        ({"round": None, "session": None, "date": "2026-01-01"}, None, None),
    ],
)
def test_bad_input_answers_400_on_its_field(token_api, editor, geneva, changes, field, words):
    before = Change.objects.count()
    response = token_api(editor).post(URL, statement_body(geneva, **changes), format="json")
    if field is None:  # a statement between rounds: fine
        assert response.status_code == 201, response.content
        return
    assert response.status_code == 400, response.content
    assert words in " ".join(response.json()[field])
    assert nothing_saved(before)


def test_a_date_in_the_future_is_refused(token_api, editor, geneva):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    body = statement_body(geneva, round=None, session=None, date=tomorrow)
    response = token_api(editor).post(URL, body, format="json")
    assert response.status_code == 400
    assert "future" in " ".join(response.json()["date"])


def test_an_issue_of_another_process_is_refused_by_name(token_api, editor, geneva):
    elsewhere = IssueFactory(process=ProcessFactory(slug="us-iran"), topic="enrichment", name="Enrichment")
    before = Change.objects.count()
    body = statement_body(geneva, issues=[geneva["issues"][0].slug, elsewhere.slug])
    response = token_api(editor).post(URL, body, format="json")
    assert response.status_code == 400
    assert response.json()["issues"] == ["Not agenda issues of this process: Enrichment."]
    assert nothing_saved(before)


def test_a_date_far_from_its_round_needs_confirm_date(token_api, editor, geneva):
    body = statement_body(geneva, session=None, date="2026-04-01")
    refused = token_api(editor).post(URL, body, format="json")
    assert refused.status_code == 400
    assert "Confirm the date" in refused.json()["date"][0]
    accepted = token_api(editor).post(URL, {**body, "confirm_date": True}, format="json")
    assert accepted.status_code == 201, accepted.content


def test_the_longest_texts_in_characters_of_four_bytes_escaped_fit_in_a_body_the_api_reads(token_api, editor, geneva):
    longest = "\U0001d11e" * 50_000  # a musical sign: 4 bytes in UTF-8, 12 as a JSON escape
    body = statement_body(geneva, language="ru", text=longest, translation=longest)
    payload = json.dumps(body, ensure_ascii=True)
    assert len(payload) > 1_200_000

    response = token_api(editor).generic("POST", URL, payload, content_type="application/json")

    assert response.status_code == 201, response.content[:300]
    assert len(Statement.objects.get().text) == 50_000


def test_a_party_the_speaker_never_sat_for_needs_confirm_party(token_api, editor, geneva):
    body = statement_body(geneva, party=PartyFactory(slug="russia", name="Russia").slug)
    refused = token_api(editor).post(URL, body, format="json")
    assert refused.status_code == 400
    assert (
        "Rustem Umerov never sat in a delegation of Russia (on record only for Ukraine)" in refused.json()["party"][0]
    )
    assert token_api(editor).post(URL, {**body, "confirm_party": "yes"}, format="json").status_code == 400
    accepted = token_api(editor).post(URL, {**body, "confirm_party": True}, format="json")
    assert accepted.status_code == 201, accepted.content
    assert accepted.json()["party"] == "russia"


def test_a_statement_by_an_unnamed_official_is_not_asked_to_confirm_its_party(token_api, editor, geneva):
    body = statement_body(geneva, speaker=None, speaker_description="a senior Russian official", party="ukraine")
    assert token_api(editor).post(URL, body, format="json").status_code == 201


@pytest.mark.parametrize(
    ("payload", "content_type"),
    [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        ("null", "application/json"),
        ("text=hello", "text/plain"),
    ],
)
def test_a_body_that_is_not_a_json_object_answers_4xx(token_api, editor, payload, content_type):
    response = token_api(editor).generic("POST", URL, payload, content_type=content_type)
    assert response.status_code in (400, 415)
    assert response.json()
    assert not Statement.objects.exists()


def test_a_status_outside_the_vocabulary_is_refused(token_api, editor, geneva):
    body = {"issue": geneva["issues"][0].slug, "round": geneva["round"].slug, "status": "great"}
    response = token_api(editor).post("/api/v1/statuses/", body, format="json")
    assert response.status_code == 400
    assert "not a valid choice" in response.json()["status"][0]
    assert not IssueStatus.objects.exists()


# --- changing drafts, and the version check ---------------------------------------------------


@pytest.fixture
def draft(geneva, editor):
    return StatementFactory(
        process=geneva["process"], round=geneva["round"], speaker=geneva["speaker"], sources=[geneva["source"]],
        date=FEB_17, by=editor,
    )  # fmt: skip


def test_an_editor_changes_a_draft(token_api, editor, draft):
    response = token_api(editor).patch(f"{URL}{draft.uuid}/", {"text": "Better wording."}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["text"], response.json()["version"]) == ("Better wording.", 2)
    assert Change.objects.filter(record_uuid=draft.uuid).last().changed_fields == ["text"]


def test_a_write_over_a_newer_version_answers_409_and_changes_nothing(token_api, editor, draft):
    client = token_api(editor)
    assert client.patch(f"{URL}{draft.uuid}/", {"text": "First.", "version": 1}, format="json").status_code == 200
    response = client.patch(f"{URL}{draft.uuid}/", {"text": "Second.", "version": 1}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "version_conflict"
    assert response.json()["current_version"] == 2
    assert Statement.objects.get(pk=draft.pk).text == "First."


def test_if_match_with_the_detail_etag_passes_and_a_stale_one_answers_412(token_api, editor, draft):
    client = token_api(editor)
    etag = client.get(f"{URL}{draft.uuid}/?include=drafts")["ETag"]
    assert etag.startswith('W/"1-')
    changed = client.patch(f"{URL}{draft.uuid}/", {"text": "Fixed."}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200, changed.content
    stale = client.patch(f"{URL}{draft.uuid}/", {"text": "Again."}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert "version 2" in stale.json()["detail"]
    by_version = client.patch(f"{URL}{draft.uuid}/", {"text": "Again."}, format="json", HTTP_IF_MATCH='"2"')
    assert by_version.status_code == 200
    any_version = client.patch(f"{URL}{draft.uuid}/", {"text": "Once more."}, format="json", HTTP_IF_MATCH="*")
    assert any_version.status_code == 200
    assert Statement.objects.get(pk=draft.pk).text == "Once more."


def test_a_put_replaces_the_fields_it_is_given(token_api, editor, draft, geneva):
    response = token_api(editor).put(f"{URL}{draft.uuid}/", statement_body(geneva, text="Whole."), format="json")
    assert response.status_code == 200, response.content
    assert response.json()["text"] == "Whole."
    assert response.json()["session"] == str(geneva["session"].uuid)


def test_relinking_issues_through_the_api_keeps_each_link_a_record(token_api, editor, draft, geneva):
    territory, zpp = geneva["issues"]
    client = token_api(editor)
    assert client.patch(f"{URL}{draft.uuid}/", {"issues": [territory.slug]}, format="json").status_code == 200
    assert client.patch(f"{URL}{draft.uuid}/", {"issues": [zpp.slug]}, format="json").status_code == 200
    actions = Change.objects.filter(record_type="issues.statementissue").values_list("action", flat=True)
    assert list(actions) == ["create", "delete", "create"]


def test_an_editor_deletes_a_draft(token_api, editor, draft):
    response = token_api(editor).delete(f"{URL}{draft.uuid}/")
    assert response.status_code == 204
    assert not Statement.objects.filter(pk=draft.pk).exists()
    assert Change.objects.filter(record_uuid=draft.uuid).last().action == "delete"


# --- published records: 409 naming the routes --------------------------------------------------


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_change_aimed_at_a_published_record_answers_409_naming_the_routes(token_api, editor, geneva, method):
    statement = StatementFactory(process=geneva["process"], sources=[geneva["source"]], publish=True)
    before = Change.objects.count()
    response = getattr(token_api(editor), method)(f"{URL}{statement.uuid}/", {"text": "Edited."}, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "published_record"
    assert body["correction"].endswith(f"{URL}{statement.uuid}/correction/")
    assert body["withdraw"].endswith(f"{URL}{statement.uuid}/withdraw/")
    assert body["correction"] in body["detail"] and body["withdraw"] in body["detail"]
    assert Change.objects.count() == before


def test_a_withdrawn_record_answers_409_as_a_correction_notice(token_api, editor, reviewer, geneva):
    statement = StatementFactory(process=geneva["process"], sources=[geneva["source"]], publish=True)
    token_api(reviewer).post(f"{URL}{statement.uuid}/withdraw/", {"note": "Misattributed."}, format="json")
    response = token_api(editor).patch(f"{URL}{statement.uuid}/", {"text": "x"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "correction_notice"


# --- publication ---------------------------------------------------------------------------------


def test_a_reviewer_publishes_and_the_public_sees_it(token_api, reviewer, draft):
    response = token_api(reviewer).post(f"{URL}{draft.uuid}/publish/", {}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "published"
    assert token_api(None).get(f"{URL}{draft.uuid}/").status_code == 200


def test_an_editor_cannot_publish_withdraw_or_send_back(token_api, editor, draft):
    client = token_api(editor)
    for route, body in (("publish", {}), ("withdraw", {"note": "x"}), ("send-back", {"note": "x"})):
        response = client.post(f"{URL}{draft.uuid}/{route}/", body, format="json")
        assert response.status_code == 403, route
        assert "reviewers" in response.json()["detail"]
    assert Statement.objects.get(pk=draft.pk).state == PublicationState.DRAFT


def test_publishing_without_a_source_answers_400_on_sources(token_api, reviewer, geneva):
    draft = StatementFactory(process=geneva["process"], sources=[])
    response = token_api(reviewer).post(f"{URL}{draft.uuid}/publish/", {}, format="json")
    assert response.status_code == 400
    assert "source" in response.json()["sources"][0]
    assert Statement.objects.get(pk=draft.pk).state == PublicationState.DRAFT


def test_publishing_a_version_the_reviewer_did_not_read_answers_412(token_api, editor, reviewer, draft):
    token_api(editor).patch(f"{URL}{draft.uuid}/", {"text": "Changed after review began."}, format="json")
    response = token_api(reviewer).post(f"{URL}{draft.uuid}/publish/", {}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 412
    assert Statement.objects.get(pk=draft.pk).state == PublicationState.DRAFT


def test_withdrawing_needs_a_public_note_and_dates_it(token_api, reviewer, geneva):
    statement = StatementFactory(process=geneva["process"], sources=[geneva["source"]], publish=True)
    client = token_api(reviewer)
    assert client.post(f"{URL}{statement.uuid}/withdraw/", {}, format="json").json() == {
        "note": ["This field is required."]
    }
    response = client.post(f"{URL}{statement.uuid}/withdraw/", {"note": "Misattributed.", "on": "2026-02-20"},
                           format="json")  # fmt: skip
    assert response.status_code == 200
    assert response.json()["notice"] == {"state": "withdrawn", "on": "2026-02-20", "note": "Misattributed."}
    again = client.post(f"{URL}{statement.uuid}/withdraw/", {"note": "Again."}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "not_published"


def test_a_draft_sent_back_carries_the_note(token_api, editor, reviewer, draft):
    response = token_api(reviewer).post(f"{URL}{draft.uuid}/send-back/", {"note": "Which outlet?"}, format="json")
    assert response.status_code == 200
    assert token_api(editor).get(f"{URL}{draft.uuid}/?include=drafts").json()["review_note"] == "Which outlet?"


def test_publishing_a_draft_sent_back_and_unchanged_answers_409_with_its_code(token_api, editor, reviewer, draft):
    client = token_api(reviewer)
    client.post(f"{URL}{draft.uuid}/send-back/", {"note": "Which outlet?"}, format="json")

    refused = client.post(f"{URL}{draft.uuid}/publish/", {}, format="json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "sent_back"
    assert "with the note “Which outlet?”: an editor must change it" in refused.json()["detail"]
    assert Statement.objects.get(pk=draft.pk).state == PublicationState.DRAFT

    token_api(editor).patch(f"{URL}{draft.uuid}/", {"text": "Better wording."}, format="json")
    assert client.post(f"{URL}{draft.uuid}/publish/", {}, format="json").status_code == 200


def test_a_correction_is_a_new_draft_that_supersedes_the_record_once_published(token_api, editor, reviewer, geneva):
    statement = StatementFactory(process=geneva["process"], sources=[geneva["source"]], publish=True)
    started = token_api(editor).post(f"{URL}{statement.uuid}/correction/", {}, format="json")
    assert started.status_code == 201, started.content
    correction = started.json()
    assert (correction["state"], correction["revises"]) == ("draft", str(statement.uuid))
    token_api(editor).patch(f"{URL}{correction['uuid']}/", {"text": "Corrected wording."}, format="json")
    assert token_api(reviewer).post(f"{URL}{correction['uuid']}/publish/", {}, format="json").status_code == 200
    old = token_api(None).get(f"{URL}{statement.uuid}/").json()
    assert old["state"] == "superseded" and old["notice"]["state"] == "superseded"


def test_a_correction_of_a_draft_answers_409(token_api, editor, draft):
    response = token_api(editor).post(f"{URL}{draft.uuid}/correction/", {}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "not_published"


# --- assessments -----------------------------------------------------------------------------


def test_an_editor_records_a_status_a_position_and_an_agreement(token_api, editor, reviewer, geneva):
    client, source = token_api(editor), str(geneva["source"].uuid)
    territory = geneva["issues"][0]
    status = client.post("/api/v1/statuses/", {"issue": territory.slug, "round": geneva["round"].slug,
                                               "status": "discussed", "sources": [source]}, format="json")  # fmt: skip
    assert status.status_code == 201, status.content
    position = client.post(
        "/api/v1/positions/",
        {"issue": territory.slug, "party": "ukraine", "date": "2026-02-18", "stance": "no withdrawal",
         "sources": [source]},
        format="json",
    )  # fmt: skip
    assert position.status_code == 201, position.content
    agreement = client.post(
        "/api/v1/agreements/",
        {"process": "ru-ua", "round": geneva["round"].slug, "title": "Exchange", "terms": "157 for 157",
         "figures": [{"label": "released by each side", "value": 157}], "parties": ["ukraine"],
         "issues": [territory.slug], "sources": [source]},
        format="json",
    )  # fmt: skip
    assert agreement.status_code == 201, agreement.content
    assert agreement.json()["figures"] == [{"label": "released by each side", "value": 157}]
    publisher = token_api(reviewer)
    for kind, made in (("statuses", status), ("positions", position), ("agreements", agreement)):
        assert publisher.post(f"/api/v1/{kind}/{made.json()['uuid']}/publish/", {}, format="json").status_code == 200
    issue = token_api(None).get(f"/api/v1/issues/{territory.slug}/").json()
    assert issue["current_status"]["status"] == "discussed"
    assert [row["stance"] for row in issue["positions"]] == ["no withdrawal"]
    assert IssueStatus.objects.get().state == Position.objects.get().state == Agreement.objects.get().state


def test_a_second_published_status_for_a_round_answers_400_naming_the_round(token_api, reviewer, geneva):
    territory = geneva["issues"][0]
    IssueStatusFactory(issue=territory, round=geneva["round"], sources=[geneva["source"]], publish=True)
    draft = IssueStatusFactory(issue=territory, round=geneva["round"], sources=[geneva["source"]])
    response = token_api(reviewer).post(f"/api/v1/statuses/{draft.uuid}/publish/", {}, format="json")
    assert response.status_code == 400
    assert "already has a published status" in response.json()["round"][0]


@pytest.mark.parametrize(
    ("figures", "words"),
    [("314", "must be a list"), ([{"value": 3}], "label and a value"), ([{"label": "x", "value": "many"}], "number")],
)
def test_malformed_figures_answer_400(token_api, editor, geneva, figures, words):
    body = {"process": "ru-ua", "round": geneva["round"].slug, "title": "t", "terms": "t", "parties": ["ukraine"],
            "figures": figures}  # fmt: skip
    response = token_api(editor).post("/api/v1/agreements/", body, format="json")
    assert response.status_code == 400
    assert words in response.json()["figures"][0]
    assert not Agreement.objects.exists()


def test_an_agreement_without_parties_is_refused(token_api, editor, geneva):
    body = {"process": "ru-ua", "round": geneva["round"].slug, "title": "t", "terms": "t"}
    response = token_api(editor).post("/api/v1/agreements/", body, format="json")
    assert response.status_code == 400
    assert "parties" in response.json()


# --- the speaker by name ----------------------------------------------------------------------


def named(geneva, speaker_name, **changes):
    body = statement_body(geneva, speaker_name=speaker_name, **changes)
    del body["speaker"]
    return body


def speaker_errors(response):
    assert response.status_code == 400, response.content
    return " ".join(response.json()["speaker_name"])


def test_a_speaker_named_as_reports_write_them_is_the_person_on_record(token_api, editor, geneva):
    response = token_api(editor).post(URL, named(geneva, "umerov"), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["speaker"]["slug"] == "rustem-umerov"
    assert "speaker_name" not in response.json()


def test_a_name_two_people_go_by_names_the_rounds_delegate(token_api, editor, geneva):
    sergei = PersonFactory(name="Sergei Umerov")
    client = token_api(editor)

    listed = speaker_errors(client.post(URL, named(geneva, "Umerov"), format="json"))
    assert "“Umerov” names more than one person: Rustem Umerov (rustem-umerov), Sergei Umerov (sergei-umerov)" in listed

    MembershipFactory(delegation=DelegationFactory(round=geneva["round"], party=geneva["party"]), person=sergei)
    response = client.post(URL, named(geneva, "Umerov"), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["speaker"]["slug"] == "sergei-umerov"


def test_a_change_by_name_prefers_the_delegates_of_the_statements_round(token_api, editor, geneva):
    sergei = PersonFactory(name="Sergei Umerov")
    MembershipFactory(delegation=DelegationFactory(round=geneva["round"], party=geneva["party"]), person=sergei)
    client = token_api(editor)
    uuid = client.post(URL, statement_body(geneva), format="json").json()["uuid"]

    response = client.patch(f"{URL}{uuid}/", {"speaker_name": "UMEROV"}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["speaker"]["slug"] == "sergei-umerov"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("Umerow", "No one named “Umerow” is on record. Did you mean Rustem Umerov (rustem-umerov)?"),
        ("Kyrylo Budanov", "No one named “Kyrylo Budanov” is on record: add the person first"),
    ],
)
def test_a_name_that_fits_no_one_answers_400_with_whom_it_is_close_to(token_api, editor, geneva, typed, words):
    before = Change.objects.count()

    assert words in speaker_errors(token_api(editor).post(URL, named(geneva, typed), format="json"))
    assert nothing_saved(before)


def test_a_speaker_by_slug_and_by_name_at_once_answers_400(token_api, editor, geneva):
    body = statement_body(geneva, speaker_name="Umerov")

    assert "not both" in speaker_errors(token_api(editor).post(URL, body, format="json"))


# --- sources and people ------------------------------------------------------------------------


def test_an_editor_adds_a_source_and_a_person_to_cite_and_name(token_api, editor):
    client = token_api(editor)
    source = client.post("/api/v1/sources/", {"outlet": "Kyiv Independent", "url": "https://example.org/a",
                                              "published_on": "2026-02-18"}, format="json")  # fmt: skip
    assert source.status_code == 201, source.content
    person = client.post("/api/v1/people/", {"name": "Kyrylo Budanov", "aliases": ["Budanow", "Буданов"]},
                         format="json")  # fmt: skip
    assert person.status_code == 201, person.content
    assert (person.json()["slug"], person.json()["aliases"]) == ("kyrylo-budanov", ["Budanow", "Буданов"])
    assert person["Location"].endswith("/api/v1/people/kyrylo-budanov/")
    renamed = client.patch("/api/v1/people/kyrylo-budanov/", {"description": "head of intelligence"}, format="json")
    assert renamed.status_code == 200 and renamed.json()["version"] == 2
    assert client.delete("/api/v1/people/kyrylo-budanov/").status_code == 405
    assert client.delete(f"/api/v1/sources/{source.json()['uuid']}/").status_code == 405


def test_a_new_person_who_looks_like_someone_on_record_answers_409_naming_them(token_api, editor):
    PersonFactory(name="Vladimir Medinsky", aliases="Мединский")
    client = token_api(editor)
    before = Change.objects.count()

    response = client.post("/api/v1/people/", {"name": "Vladimir Medinskiy"}, format="json")

    assert response.status_code == 409, response.content
    body = response.json()
    assert body["code"] == "possible_duplicate"
    assert "confirm_new: true" in body["detail"]
    assert body["possible_duplicates"] == [
        {
            "slug": "vladimir-medinsky",
            "name": "Vladimir Medinsky",
            "aliases": ["Мединский"],
            "url": "http://testserver/api/v1/people/vladimir-medinsky/",
        }
    ]
    assert Change.objects.count() == before

    confirmed = client.post("/api/v1/people/", {"name": "Vladimir Medinskiy", "confirm_new": True}, format="json")
    assert confirmed.status_code == 201, confirmed.content
    assert confirmed.json()["slug"] == "vladimir-medinskiy"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"outlet": ""}, "outlet"),
        ({"outlet": "x", "url": "not a url"}, "url"),
        ({"outlet": "x", "published_on": "2999-01-01"}, "published_on"),
        ({"outlet": "x", "via": "12"}, "via"),
    ],
)
def test_a_bad_source_answers_400_on_its_field(token_api, editor, body, field):
    response = token_api(editor).post("/api/v1/sources/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_options_describes_the_fields_a_write_takes(token_api, editor):
    described = token_api(editor).options(URL).json()["actions"]["POST"]
    assert described["speaker"]["type"] == "field" and "slug" in described["speaker"]["help_text"]
    assert described["confirm_date"]["type"] == "boolean"
    assert "state" not in described  # publication is the reviewers' routes, not a field
