"""Every page carries the Content Security Policy, and the pages we serve live under it:
no inline script anywhere, inline styles only under the request's nonce, style
attributes only those the policy allows by their hash. (Checked in Chromium too, by
hand: the admin, the Swagger docs and the browsable API render with no violation.)"""

import base64
import hashlib
import re

import pytest

PAGES = [
    "/admin/login/",
    "/admin/",
    "/admin/issues/statement/",
    "/admin/issues/statement/add/",
    "/api/v1/docs/",
    "/api/v1/issues/?format=api",
    "/api/v1/statements/?format=api",
]


def policy(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_the_pages_need_nothing_the_policy_forbids(client, editor, path):
    if path != "/admin/login/":
        client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    html = response.content.decode()

    for tag in re.findall(r"<script\b[^>]*>", html):
        # Only scripts from our own files run; a JSON data island runs nothing.
        assert "src=" in tag or 'type="application/json"' in tag, tag
    for attributes in re.findall(r"<style\b([^>]*)>", html):
        nonce = re.fullmatch(r' nonce="([^"]+)"', attributes)
        assert nonce, f"an inline style without the nonce on {path}"
        assert f"'nonce-{nonce.group(1)}'" in csp["style-src"]
    for style in re.findall(r'\sstyle="([^"]*)"', html):
        assert sha256(style) in csp["style-src"], f'style="{style}" on {path} is not allowed by its hash'


@pytest.mark.django_db
def test_the_api_docs_script_is_a_file_of_our_own(client):
    page = client.get("/api/v1/docs/").content.decode()
    sources = re.findall(r'<script src="([^"]+)"', page)
    assert "/api/v1/docs/?script=" in sources
    assert all(source.startswith("/") for source in sources), "nothing from another origin"
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "javascript" in script["Content-Type"]


@pytest.mark.django_db
def test_json_answers_carry_the_policy_too(client):
    assert "default-src 'self'" in client.get("/api/v1/issues/")["Content-Security-Policy"]
