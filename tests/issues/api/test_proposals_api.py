"""`POST /api/v1/rounds/{slug}/proposals/`: a news report in, the statements it gives out,
with their speakers found on the demo's record, and nothing saved. Editors and reviewers
only; bad input answers 400 naming the field; the queries do not grow with the report."""

import json

import pytest
from django.conf import settings
from django.db import transaction

from delegations.models import Party, Person
from issues.models import Statement
from negotrack.models import Change
from rounds.models import Source
from tests.factories import SourceFactory
from tests.pages import load_demo

ROUND = "geneva-2026-02-17"
URL = f"/api/v1/rounds/{ROUND}/proposals/"
ADDRESS = "https://www.reuters.com/world/europe/geneva-talks-end-2026-02-18/"
# A wire story on the demo's Geneva round, with what a pasted page brings along.
REPORT = """Geneva talks end without a deal on territory, envoys say more talks soon

GENEVA, Feb 18 (Reuters) - Ukrainian and Russian negotiators ended two days of US-brokered talks in Geneva on \
Wednesday without agreement on occupied territory, though both sides said a ceasefire monitoring mechanism was \
nearly settled.

"We have agreed on almost every question of how a ceasefire would be monitored," Rustem Umerov told reporters \
after the second day.

"Our delegation will report to Moscow and we are ready to meet again soon," Medinsky said at a news conference.

Swiss Foreign Minister Ignazio Cassis said Switzerland was ready to host the next round.

A senior Ukrainian official said the prisoner exchange agreed in Abu Dhabi would go ahead next week.

Kremlin spokesman Dmitry Peskov told journalists on Tuesday that Russia's territorial demands had not changed.

Kirill Dmitriev, the Kremlin envoy, repeated what he told state media after the Abu Dhabi round: "There is \
definitely progress, things are moving forward in a good, positive direction."

Advertisement
Read more: Prisoner swap agreed at Abu Dhabi talks
"""
DMITRIEV_ON_RECORD = "There is definitely progress, things are moving forward in a good, positive direction."


@pytest.fixture(scope="module")
def demo_record(django_db_setup, django_db_blocker):
    """The demo record, loaded once for the module and rolled back after it: each test's
    transaction nests inside this one."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_record, db):
    return demo_record


def stored() -> dict[str, int]:
    """What a proposal must never change."""
    return {model.__name__: model.objects.count() for model in (Statement, Source, Person, Party, Change)}


def propose(client, body, **headers):
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def by_speaker(answer) -> dict[str, dict]:
    return {(said["speaker"]["person"] or said["speaker"]["name"]): said for said in answer["statements"]}


# --- what a report proposes --------------------------------------------------------------


def test_a_report_proposes_its_statements_with_speakers_found_on_record(demo, token_api, editor):
    before = stored()
    response = propose(token_api(editor), {"text": REPORT})
    assert response.status_code == 200, response.content
    assert stored() == before
    answer = response.json()
    # Read from the text: the outlet from the wire's dateline, the day from it ("Feb 18")
    # and the report's day before the words of each attribution ("on Tuesday").
    assert answer["report"] == {
        "outlet": "Reuters",
        "title": "Geneva talks end without a deal on territory, envoys say more talks soon",
        "url": "",
        "published_on": "2026-02-18",  # the dateline's day, in the year of the round
        "source": None,
    }
    said = by_speaker(answer)

    umerov = said["rustem-umerov"]
    assert umerov["kind"] == "quote"
    assert umerov["words"].startswith("We have agreed on almost every question")
    assert umerov["speaker"] == {
        "person": "rustem-umerov", "name": "Rustem Umerov", "new": False, "description": "",
        "sureness": "exact", "sureness_label": "found exactly", "suggestions": [],
    }  # fmt: skip
    assert umerov["party"] == "ukraine"
    assert umerov["medium"] == "press_remarks" and umerov["medium_words"] == "told reporters"
    assert "russia-ukraine-ceasefire-monitoring" in umerov["issues"]

    medinsky = said["vladimir-medinsky"]
    assert (medinsky["kind"], medinsky["party"], medinsky["medium"]) == ("quote", "russia", "press_conference")
    assert medinsky["speaker"]["sureness"] == "surname"  # "Medinsky" alone

    peskov = said["dmitry-peskov"]
    assert peskov["kind"] == "paraphrase"
    assert (peskov["date"], peskov["date_precision"], peskov["date_words"]) == ("2026-02-17", "day", "Tuesday")

    (cassis,) = [found for found in answer["statements"] if found["speaker"]["new"]]
    assert cassis["speaker"]["person"] is None and "Ignazio Cassis" in cassis["speaker"]["name"]
    assert cassis["speaker"]["sureness"] == "new"

    official = said[""]
    assert official["speaker"]["description"] == "A senior Ukrainian official"
    assert (official["speaker"]["sureness"], official["speaker"]["new"]) == ("described", False)
    assert official["party"] == "ukraine"
    assert official["issues"] == ["russia-ukraine-prisoner-exchange"]

    dmitriev = said["kirill-dmitriev"]
    on_record = Statement.objects.get(text=DMITRIEV_ON_RECORD)
    assert dmitriev["on_record"] == str(on_record.uuid)
    # The least sure first (the new person, then the unnamed one), what is on record already last.
    assert answer["statements"][:2] == [cassis, official] and answer["statements"][-1] == dmitriev
    # English words of officials whose names are on record in Cyrillic (or of a party whose
    # delegates' are) are the report's own translation; a Swiss minister's are not.
    translated = {proposal["speaker"]["name"] or proposal["speaker"]["description"]: proposal["text_is_translation"]
                  for proposal in answer["statements"]}  # fmt: skip
    assert translated == {
        "Rustem Umerov": True,
        "Vladimir Medinsky": True,
        "Dmitry Peskov": True,
        "Kirill Dmitriev": True,
        "A senior Ukrainian official": True,
        "Ignazio Cassis": False,
    }
    for proposal in answer["statements"]:
        assert proposal["language"] == "en"
        assert proposal["date_warning"] is None
        if proposal is not peskov:
            assert (proposal["date"], proposal["date_words"]) == ("2026-02-18", "")


def test_what_the_editor_says_of_the_report_is_kept_and_names_the_source_on_record(demo, token_api, reviewer):
    source = SourceFactory(outlet="Reuters", title="Geneva talks end", url=ADDRESS)
    before = stored()
    body = {"text": REPORT, "outlet": "Reuters (wire)", "title": "Talks end", "url": ADDRESS,
            "published_on": "2026-02-19"}  # fmt: skip
    response = propose(token_api(reviewer), body)
    assert response.status_code == 200, response.content
    assert stored() == before
    assert response.json()["report"] == {
        "outlet": "Reuters (wire)", "title": "Talks end", "url": ADDRESS, "published_on": "2026-02-19",
        "source": str(source.uuid),
    }  # fmt: skip
    # "on Tuesday" in a report of Thursday 19 February: the 17th still.
    assert by_speaker(response.json())["dmitry-peskov"]["date"] == "2026-02-17"


def test_a_date_far_from_the_round_comes_with_the_warning_a_draft_would_get(demo, token_api, editor):
    response = propose(token_api(editor), {"text": REPORT, "published_on": "2026-05-20"})
    assert response.status_code == 200
    umerov = by_speaker(response.json())["rustem-umerov"]
    assert umerov["date"] == "2026-05-20"
    assert "more than 30 days from the round" in umerov["date_warning"]


def test_a_report_that_quotes_nobody_proposes_nothing(demo, token_api, editor):
    response = propose(token_api(editor), {"text": "Advertisement\nSubscribe to our newsletter"})
    assert response.status_code == 200
    assert response.json()["statements"] == []


# --- the longest text taken, and the queries ----------------------------------------------


@pytest.mark.parametrize("character", ["ж", "我", "𝄞"], ids=["2-byte", "3-byte", "4-byte"])
def test_the_longest_text_is_taken_in_any_characters_even_as_json_escapes(demo, token_api, editor, character):
    body = json.dumps({"text": character * 200_000})  # ASCII only: every character a \u escape
    assert len(body.encode()) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = token_api(editor).post(URL, body, content_type="application/json")
    assert response.status_code == 200, response.content[:300]


def test_a_body_over_the_sites_limit_answers_413_in_json(demo, token_api, editor):
    body = json.dumps({"text": "a" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    response = token_api(editor).post(URL, body, content_type="application/json")
    assert response.status_code == 413
    assert "bytes this site reads" in response.json()["detail"]


@pytest.mark.parametrize("times", [1, 20])
def test_the_queries_do_not_grow_with_the_report(demo, token_api, editor, django_assert_num_queries, times):
    """Signing in (2: the token, the groups), the round, and the record the proposals read
    once each: the delegates, the parties, everyone's names, the parties' delegates' names
    (their languages), the process's agenda issues and the words of their statements,
    statuses and positions, the statements on record with the same words, and the source
    with the report's URL."""
    client = token_api(editor)
    text = "\n\n".join([REPORT] * times)
    with django_assert_num_queries(13):
        response = propose(client, {"text": text, "url": ADDRESS})
    assert response.status_code == 200
    assert len(response.json()["statements"]) == 6 * times


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "text"),
        ({"outlet": "Reuters"}, "text"),
        ({"text": ""}, "text"),
        ({"text": " \n\t "}, "text"),
        ({"text": None}, "text"),
        ({"text": 5}, "text"),
        ({"text": "a" * 200_001}, "text"),
        ({"text": REPORT, "published_on": "9999-12-31"}, "published_on"),
        ({"text": REPORT, "published_on": "1899-12-31"}, "published_on"),
        ({"text": REPORT, "published_on": "18 February"}, "published_on"),
        ({"text": REPORT, "url": "not an address"}, "url"),
        ({"text": REPORT, "url": "javascript:alert(1)"}, "url"),
        ({"text": REPORT, "outlet": "Reuters\x07"}, "outlet"),
        ({"text": REPORT, "title": "x" * 501}, "title"),
        ([REPORT], "non_field_errors"),
        (REPORT, "non_field_errors"),
        (None, "non_field_errors"),
    ],
    ids=[
        "no-body", "no-text", "empty-text", "blank-text", "null-text", "number-text", "text-too-long",
        "year-9999", "before-1900", "not-a-date", "not-an-address", "javascript-address", "control-character",
        "title-too-long", "a-list", "a-string", "null",
    ],
)  # fmt: skip
def test_bad_input_answers_400_naming_the_field_and_saves_nothing(demo, token_api, editor, body, field):
    before = stored()
    response = propose(token_api(editor), body)
    assert response.status_code == 400, response.content[:300]
    assert list(response.json()) == [field]
    assert stored() == before


def test_a_nul_anywhere_in_the_body_is_refused_before_the_view_reads_it(demo, token_api, editor):
    response = propose(token_api(editor), {"text": "He said \x00 this."})
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_a_body_that_is_not_json_answers_415_and_broken_json_400(demo, token_api, editor):
    client = token_api(editor)
    assert client.generic("POST", URL, REPORT, content_type="text/plain").status_code == 415
    broken = client.generic("POST", URL, '{"text": "He said', content_type="application/json")
    assert broken.status_code == 400
    assert "JSON parse error" in broken.json()["detail"]


def test_an_unknown_round_answers_404(demo, token_api, editor):
    response = token_api(editor).post("/api/v1/rounds/nowhere-2026-01-01/proposals/", {"text": REPORT}, format="json")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Round matches the given query."}


# --- who may ask ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona, status", [(None, 401), ("outsider", 403), ("analyst", 403), ("editor", 200), ("reviewer", 200)]
)
def test_editors_and_reviewers_may_ask_as_they_may_enter_statements(demo, request, token_api, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = propose(token_api(user), {"text": REPORT})
    assert response.status_code == status
    if status == 401:
        assert response.json()["detail"].startswith("Proposing a report's statements needs an editor's or reviewer's")
    if status == 403:
        assert response.json()["detail"] == "Only editors and reviewers have a report's statements proposed."


def test_the_route_takes_posts_only_and_describes_its_body(demo, token_api, editor):
    client = token_api(editor)
    assert client.get(URL).status_code == 405
    assert client.put(URL, {"text": REPORT}, format="json").status_code == 405
    options = client.options(URL)
    assert options.status_code == 200
    assert list(options.json()["actions"]["POST"]) == ["text", "outlet", "title", "url", "published_on"]
