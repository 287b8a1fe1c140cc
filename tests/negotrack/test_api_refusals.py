"""What the API refuses, and how, as its schema documents it (tests/negotrack/test_api_schema.py):
an `include` or a `page_size` it does not take, a body too large to read, a value of another
JSON type than its field's, an empty If-Match."""

import json

import pytest

from tests.factories import PersonFactory, ProcessFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def statement():
    return StatementFactory(publish=True)


# --- include ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["statements/", "statuses/", "changes/", "statement"])
def test_an_include_other_than_drafts_answers_400_naming_it(client, statement, path):
    path = f"statements/{statement.uuid}/" if path == "statement" else path
    response = client.get(f"{API}/{path}", {"include": "nonsense"})
    assert response.status_code == 400
    assert response.json() == {"include": ["'nonsense' is not a value of include: `drafts`."]}


def test_include_drafts_still_shows_drafts_to_editors_and_the_public_record_to_anyone_else(
    client, token_api, editor, statement
):
    draft = StatementFactory()
    listed = {row["uuid"] for row in token_api(editor).get(f"{API}/statements/?include=drafts").json()["results"]}
    assert {str(statement.uuid), str(draft.uuid)} <= listed
    listed = {row["uuid"] for row in client.get(f"{API}/statements/?include=drafts").json()["results"]}
    assert listed == {str(statement.uuid)}


def test_a_route_that_takes_no_include_leaves_it_alone(client):
    ProcessFactory()
    assert client.get(f"{API}/processes/", {"include": "nonsense"}).status_code == 200


# --- page_size ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["processes/", "statements/"])
@pytest.mark.parametrize("page_size", ["null", "0", "201", "-1", "1.5", "ten", ""])
def test_a_page_size_that_is_not_from_1_to_200_answers_400_saying_so(client, path, page_size):
    response = client.get(f"{API}/{path}", {"page_size": page_size})
    assert response.status_code == 400
    assert response.json() == {"page_size": [f"{page_size!r} is not a whole number from 1 to 200."]}


@pytest.mark.parametrize("path", ["processes/", "statements/"])
def test_a_page_size_from_1_to_200_is_taken(client, path):
    ProcessFactory.create_batch(2)
    StatementFactory.create_batch(2, publish=True)
    assert len(client.get(f"{API}/{path}", {"page_size": "1"}).json()["results"]) == 1
    assert len(client.get(f"{API}/{path}", {"page_size": "200"}).json()["results"]) >= 2


# --- a body too large ---------------------------------------------------------------------------


@pytest.fixture
def small_bodies(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000


def test_a_json_body_too_large_answers_413_in_json(token_api, editor, small_bodies):
    body = json.dumps({"outlet": "x" * 2000})
    response = token_api(editor).post(f"{API}/sources/", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "The request's body is larger than the 1,000 bytes this site reads."}


def test_a_form_too_large_answers_413_on_the_site_and_in_the_api(client, small_bodies):
    for path in ("/accounts/sign-in/", f"{API}/sources/"):
        response = client.post(path, {"text": "x" * 2000})
        assert response.status_code == 413, path
        assert "larger than the 1,000 bytes" in response.content.decode(), path
    assert response["Content-Type"] == "application/json"


# --- JSON types ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Rustem Umerov", "description": 0}, "description"),
        ({"name": 5}, "name"),
        ({"name": "Rustem Umerov", "version": "1"}, "version"),
        ({"name": "Rustem Umerov", "version": True}, "version"),
        ({"name": "Rustem Umerov", "aliases": ["Umerov\x11"]}, "aliases"),
    ],
)
def test_a_person_with_a_value_of_another_type_than_its_field_answers_400(token_api, editor, body, field):
    response = token_api(editor).post(f"{API}/people/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_a_statement_takes_true_or_false_for_a_yes_or_no_field(token_api, editor, statement):
    body = {"process": statement.process.slug, "speaker": statement.speaker.slug, "date": "2026-02-18",
            "text": "The work continues.", "text_is_translation": "true", "confirm_date": 1}  # fmt: skip
    response = token_api(editor).post(f"{API}/statements/", body, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"text_is_translation", "confirm_date"}


def test_a_source_known_through_an_empty_uuid_answers_400(token_api, editor):
    response = token_api(editor).post(f"{API}/sources/", {"outlet": "Reuters", "via": ""}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["via"]


# --- If-Match -----------------------------------------------------------------------------------


def test_an_empty_if_match_names_no_version_and_answers_412(token_api, editor):
    source = SourceFactory()
    response = token_api(editor).patch(f"{API}/sources/{source.uuid}/", {"title": "New"}, format="json",
                                       HTTP_IF_MATCH="")  # fmt: skip
    assert response.status_code == 412
    person = PersonFactory()
    response = token_api(editor).patch(f"{API}/people/{person.slug}/", {"name": "New"}, format="json",
                                       HTTP_IF_MATCH='"1"')  # fmt: skip
    assert response.status_code == 200


def test_a_character_a_text_cannot_hold_answers_400_before_any_if_match_is_compared(token_api, editor):
    person = PersonFactory()
    client = token_api(editor)
    for body, field in (({"description": "a\x03b"}, "description"), ({"name": "Name\x07"}, "name")):
        response = client.patch(f"{API}/people/{person.slug}/", body, format="json", HTTP_IF_MATCH='"99"')
        assert response.status_code == 400, response.content
        assert list(response.json()) == [field]
    statement = StatementFactory()
    response = client.patch(f"{API}/statements/{statement.uuid}/", {"text": "Two\nlines\tand a tab."},
                            format="json")  # fmt: skip
    assert response.status_code == 200, response.content
