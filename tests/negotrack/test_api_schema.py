"""The API documents itself: an OpenAPI 3 schema that validates, and docs served from our
own static files."""

import io
import json

import pytest
from django.core.management import call_command


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
    schema = json.loads(_schema_json())
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def _schema_json() -> str:
    out = io.StringIO()
    call_command("spectacular", "--format", "openapi-json", stdout=out)
    return out.getvalue()


def test_every_read_documents_304_404_429_and_503():
    reads = [(path, operation) for path, method, operation in _operations() if method == "get"]
    assert len(reads) > 20
    for path, operation in reads:
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
    # No filter at all, or a detail read: nothing to refuse.
    assert not with_400 & {"/api/v1/processes/", "/api/v1/rounds/{slug}/"}
    schema = json.loads(_schema_json())
    bad_query = schema["paths"]["/api/v1/statements/"]["get"]["responses"]["400"]["content"]
    assert list(bad_query) == ["application/json"]
    assert bad_query["application/json"]["schema"]["additionalProperties"] == {
        "type": "array",
        "items": {"type": "string"},
    }


def test_writes_document_a_new_persons_409_with_confirm_new_and_a_speaker_by_name():
    schema = json.loads(_schema_json())
    create = schema["paths"]["/api/v1/people/"]["post"]
    conflict = create["responses"]["409"]["content"]["application/json"]["schema"]
    assert conflict == {"$ref": "#/components/schemas/PossibleDuplicates"}
    duplicates = schema["components"]["schemas"]["PossibleDuplicates"]["properties"]["possible_duplicates"]
    assert duplicates["items"] == {"$ref": "#/components/schemas/PersonBrief"}
    person_write = schema["components"]["schemas"]["PersonWriteRequest"]["properties"]["confirm_new"]
    assert person_write["writeOnly"] is True and "409" in person_write["description"]
    speaker_name = schema["components"]["schemas"]["StatementWriteRequest"]["properties"]["speaker_name"]
    assert speaker_name["writeOnly"] is True and "400 on `speaker_name`" in speaker_name["description"]
