"""The demo accounts of the embedded default: an editor and a reviewer, with a password
and an API token each, in debug mode only."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def run(**options) -> str:
    out = io.StringIO()
    call_command("create_demo_users", stdout=out, **options)
    return out.getvalue()


def test_the_demo_accounts_get_logins_and_working_tokens(settings, tmp_path):
    settings.DEBUG, settings.VAR_DIR = True, tmp_path
    printed = run()
    logins = json.loads((tmp_path / "demo-logins.json").read_text())
    assert set(logins) == {"editor", "reviewer"}
    tokens = dict(re.findall(r"login: (\w+) / \S+\s+API token: (\w+)", printed))
    assert set(tokens) == {"editor", "reviewer"}
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {tokens['editor']}")
    created = client.post("/api/v1/sources/", {"outlet": "Demo outlet"}, format="json")
    assert created.status_code == 201, created.content
    assert run() == printed  # a second start keeps the same logins and tokens


def test_no_demo_accounts_outside_debug_mode(settings, tmp_path):
    settings.DEBUG, settings.VAR_DIR = False, tmp_path
    with pytest.raises(CommandError, match="DEBUG=1"):
        run()
