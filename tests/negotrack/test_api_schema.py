"""The API documents itself: an OpenAPI 3 schema that validates, and docs served from our
own static files. The schema says what the API does: who may call each operation, which
parameters and values it takes, and every answer it can give."""

import functools
import io
import json

import pytest
from django.core.management import call_command

from issues.proposals.propose import MOST_CHARACTERS
from issues.proposals.speakers import Sureness
from negotrack.text import ONE_LINE_PATTERN, TEXT_PATTERN


def test_the_schema_validates_without_a_warning():
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert out.getvalue().startswith("openapi: 3")


@pytest.mark.django_db
def test_the_schema_and_the_docs_are_served(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "negotrack API"
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist" in page
    assert "cdn." not in page and "unpkg" not in page


def _operations():
    for path, operations in _schema()["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


@functools.cache
def _schema() -> dict:
    out = io.StringIO()
    call_command("spectacular", "--format", "openapi-json", stdout=out)
    return json.loads(out.getvalue())


def _parameter(path: str, method: str, name: str) -> dict:
    (parameter,) = [p for p in _schema()["paths"][path][method]["parameters"] if p["name"] == name]
    return parameter


def _component(name: str) -> dict:
    return _schema()["components"]["schemas"][name]


def test_every_read_documents_304_404_429_and_503():
    reads = [(path, operation) for path, method, operation in _operations() if method == "get"]
    assert len(reads) > 20
    # An account's own webhook subscriptions: signed-in readers only, never throttled, and
    # no validators (they are not the record).
    private = {path: operation for path, operation in reads if path.startswith("/api/v1/webhooks/")}
    assert set(private) == {"/api/v1/webhooks/", "/api/v1/webhooks/{uuid}/", "/api/v1/webhooks/{uuid}/deliveries/"}
    for path, operation in private.items():
        assert {"200", "401", "403", "404", "503"} <= set(operation["responses"]), path
        assert not {"304", "429"} & set(operation["responses"]), path
    for path, operation in [(path, operation) for path, operation in reads if path not in private]:
        responses = operation["responses"]
        assert {"200", "304", "404", "429", "503"} <= set(responses), path
        assert responses["503"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
        assert "content" not in responses["304"], path
        assert set(responses["304"]["headers"]) == {"ETag", "Last-Modified"}, path
        assert responses["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
        throttled = responses["429"]
        assert throttled["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Throttled"}
        assert "Retry-After" in throttled["headers"], path


def test_reads_that_check_their_query_document_400_and_the_others_do_not():
    with_400 = {
        path for path, method, operation in _operations() if method == "get" and "400" in operation["responses"]
    }
    # Lists with filters (any filter refuses a control character, free text included), the statements'
    # cursor, and the views that validate dates and slugs themselves.
    assert {
        "/api/v1/rounds/",
        "/api/v1/statuses/",
        "/api/v1/statements/",
        "/api/v1/people/",
        "/api/v1/sources/",
        "/api/v1/issues/{slug}/status/",
        "/api/v1/status-matrix/",
    } <= with_400
    # A list without filters still refuses a bad `page_size`, a publishable record's detail a bad
    # `include`, and every read of the record an `as_known_on` it cannot read (negotrack.as_known);
    # a subscription's detail, an account's own and no part of the record, has nothing to refuse.
    assert {"/api/v1/processes/", "/api/v1/statements/{uuid}/", "/api/v1/processes/{slug}/"} <= with_400
    reads = {path for path, method, _ in _operations() if method == "get"}
    assert reads - with_400 == {"/api/v1/webhooks/{uuid}/"}
    bad_query = _schema()["paths"]["/api/v1/statements/"]["get"]["responses"]["400"]["content"]
    assert list(bad_query) == ["application/json"]
    assert bad_query["application/json"]["schema"]["additionalProperties"] == {
        "type": "array",
        "items": {"type": "string"},
    }


def test_writes_document_a_new_persons_409_with_confirm_new_and_a_speaker_by_name():
    schema = _schema()
    create = schema["paths"]["/api/v1/people/"]["post"]
    conflict = create["responses"]["409"]["content"]["application/json"]["schema"]
    assert conflict == {"$ref": "#/components/schemas/PersonLooksKnown"}
    duplicates = schema["components"]["schemas"]["PersonLooksKnown"]["properties"]["possible_duplicates"]
    assert duplicates["items"] == {"$ref": "#/components/schemas/PersonBrief"}
    person_write = schema["components"]["schemas"]["PersonWriteRequest"]["properties"]["confirm_new"]
    assert person_write["writeOnly"] is True and "409" in person_write["description"]
    speaker_name = schema["components"]["schemas"]["StatementWriteRequest"]["properties"]["speaker_name"]
    assert speaker_name["writeOnly"] is True and "400 on `speaker_name`" in speaker_name["description"]


def test_publishing_documents_its_409_for_a_draft_sent_back_and_unchanged():
    for kind in ("statements", "statuses", "positions", "agreements"):
        conflict = _schema()["paths"][f"/api/v1/{kind}/{{uuid}}/publish/"]["post"]["responses"]["409"]
        assert "`sent_back`" in conflict["description"]
        assert conflict["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Conflict"}


def test_the_schema_states_how_long_texts_may_be():
    schemas = _schema()["components"]["schemas"]

    def most(record, field):
        shape = schemas[f"{record}WriteRequest"]["properties"][field]
        return shape.get("maxLength") or shape["oneOf"][0]["maxLength"]  # a field that may be blank: one of two

    assert most("Statement", "text") == most("Statement", "translation") == 50_000
    assert most("Agreement", "terms") == most("IssueStatus", "summary") == most("Position", "text") == 10_000
    assert most("Person", "name") == 200
    assert most("Statement", "speaker_title") == most("Membership", "title") == 300


def test_a_statement_write_documents_confirm_party_as_a_strict_boolean():
    confirm = _schema()["components"]["schemas"]["StatementWriteRequest"]["properties"]["confirm_party"]
    assert confirm["type"] == "boolean" and confirm["writeOnly"] is True
    assert "without it such a party answers 400 on `party`" in confirm["description"]


def test_a_timeline_entry_between_rounds_has_a_round_the_schema_calls_nullable():
    assert _component("TimelineEntry")["properties"]["round"]["nullable"] is True


def test_every_read_is_open_to_anonymous_readers_and_every_write_needs_a_token_or_a_session():
    for path, method, operation in _operations():
        security = operation["security"]
        assert {"tokenAuth": []} in security and {"cookieAuth": []} in security, (method, path)
        # `{}`: no credentials at all. The publishable records, sources and people have write
        # routes for editors beside their public reads; an account's webhook subscriptions
        # are read by their owner alone.
        public_read = method == "get" and not path.startswith("/api/v1/webhooks/")
        assert ({} in security) == public_read, (method, path)


def test_every_write_that_takes_if_match_documents_its_412_an_empty_one_included():
    takes_if_match = [
        (path, method, operation)
        for path, method, operation in _operations()
        if any(parameter["name"] == "If-Match" for parameter in operation.get("parameters", []))
    ]
    assert len(takes_if_match) > 20
    for path, method, operation in takes_if_match:
        assert "412" in operation["responses"], (method, path)
        assert "an empty one" in _parameter(path, method, "If-Match")["description"]


def test_every_filter_that_takes_a_slug_documents_the_400_of_an_unknown_one():
    slug_filters = [
        (path, parameter)
        for path, method, operation in _operations()
        if method == "get"
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter["name"] != "format" and "slug" in parameter.get("description", "")
    ]
    assert {path for path, _ in slug_filters} >= {
        "/api/v1/statements/", "/api/v1/delegations/", "/api/v1/sessions/", "/api/v1/status-matrix/"
    }  # fmt: skip
    for path, parameter in slug_filters:
        assert "an unknown slug answers 400" in parameter["description"], (path, parameter["name"])
        assert "400" in _schema()["paths"][path]["get"]["responses"], path


def test_the_changes_feed_documents_the_bounds_of_limit_and_the_shape_of_since():
    assert _parameter("/api/v1/changes/", "get", "limit")["schema"] == {"type": "integer", "minimum": 1, "maximum": 200}
    assert _parameter("/api/v1/changes/", "get", "since")["schema"]["pattern"] == r"^([0-9]{1,19})\.([0-9]{1,19})$"


def test_every_page_size_is_documented_with_its_bounds_and_the_400_of_another():
    lists = [(path, operation) for path, method, operation in _operations() if method == "get" and path.endswith("s/")]
    paged = [(path, operation) for path, operation in lists if "page_size" in str(operation.get("parameters"))]
    assert {"/api/v1/processes/", "/api/v1/statements/", "/api/v1/sources/"} <= {path for path, _ in paged}
    for path, operation in paged:
        assert _parameter(path, "get", "page_size")["schema"] == {"type": "integer", "minimum": 1, "maximum": 200}
        assert "400" in operation["responses"], path


def test_include_takes_drafts_only_and_every_read_that_takes_it_documents_the_400_of_another():
    takes_include = [
        (path, operation)
        for path, method, operation in _operations()
        if method == "get" and any(parameter["name"] == "include" for parameter in operation["parameters"])
    ]
    assert {"/api/v1/statements/{uuid}/", "/api/v1/statuses/", "/api/v1/changes/"} <= {p for p, _ in takes_include}
    for path, operation in takes_include:
        assert _parameter(path, "get", "include")["schema"]["enum"] == ["drafts"], path
        assert "400" in operation["responses"], path


def test_every_operation_that_takes_a_body_documents_the_413_of_one_too_large():
    for path, method, operation in _operations():
        if method in ("post", "put", "patch"):
            too_large = operation["responses"]["413"]
            assert too_large["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
        else:
            assert "413" not in operation["responses"], (method, path)


def test_texts_say_which_characters_they_take():
    """One-line texts take no control character, longer ones no NUL (negotrack.text)."""
    assert _parameter("/api/v1/statements/", "get", "q")["schema"]["pattern"] == ONE_LINE_PATTERN
    assert _parameter("/api/v1/status-matrix/", "get", "process")["schema"]["pattern"] == ONE_LINE_PATTERN
    statement = _component("StatementWriteRequest")["properties"]
    assert statement["text"]["pattern"] == TEXT_PATTERN
    assert statement["language"]["pattern"] == ONE_LINE_PATTERN
    assert _component("PersonWriteRequest")["properties"]["aliases"]["items"]["pattern"] == ONE_LINE_PATTERN
    assert _component("WithdrawRequest")["properties"]["note"]["pattern"] == TEXT_PATTERN


def test_a_filter_left_empty_is_documented_as_no_filter():
    assert _parameter("/api/v1/statements/", "get", "session")["schema"] == {
        "oneOf": [{"type": "string", "format": "uuid"}, {"type": "string", "maxLength": 0}]
    }


def test_the_year_of_rounds_is_documented_with_the_range_it_takes():
    year = _parameter("/api/v1/rounds/", "get", "year")["schema"]["oneOf"][0]
    assert year == {"type": "integer", "minimum": 1900, "maximum": 9999}


def test_the_proposals_of_a_report_document_the_text_they_take_and_each_field_they_answer():
    operation = _schema()["paths"]["/api/v1/rounds/{slug}/proposals/"]["post"]
    assert {} not in operation["security"]  # editors and reviewers only
    assert set(operation["responses"]) == {"200", "400", "401", "403", "404", "413", "415"}
    report = _component("ReportRequest")
    assert report["required"] == ["text"]
    assert report["properties"]["text"]["maxLength"] == MOST_CHARACTERS
    assert report["properties"]["text"]["pattern"] == TEXT_PATTERN
    assert list(_component("ReportAsRead")["properties"]) == ["outlet", "title", "url", "published_on", "source"]
    assert list(_component("Proposal")["properties"]) == [
        "words", "kind", "speaker", "party", "title", "date", "date_precision", "date_words", "date_warning",
        "medium", "medium_words", "issues", "language", "text_is_translation", "on_record",
    ]  # fmt: skip
    speaker = _component("ProposedSpeaker")["properties"]
    assert list(speaker) == ["person", "name", "new", "description", "sureness", "sureness_label", "suggestions"]
    assert _component("SurenessEnum")["enum"] == [sureness.name.lower() for sureness in Sureness]
