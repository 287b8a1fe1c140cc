"""A path under the API that names nothing answers the API's JSON 404, never the site's HTML
page (found by Schemathesis: a UUID route does not match `0.5/`)."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/agreements/0.5/",
        "/api/v1/rounds/geneva.2026/",
        "/api/v1/statements/0.5/?format=csv",
        "/api/v1/no-such-thing/",
        "/api/v1/sources/a%0Ab.c/",
        "/api/v1/",
    ],
)
def test_a_path_that_names_nothing_answers_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


@pytest.mark.django_db
def test_a_known_path_without_its_slash_is_still_redirected(client):
    response = client.get("/api/v1/rounds")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/rounds/"
