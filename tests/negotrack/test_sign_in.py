"""Signing in and out: the site's own pages, django-axes against guessing (on the admin's
login too), a new session at every sign-in and none left after signing out, and one
`negotrack.auth` log line for every sign-in, failure, lockout, sign-out and refused write,
with nothing secret in it and nothing a client sent able to break it."""

import datetime
import json
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from negotrack.requestlog import JsonFormatter, RequestContextFilter, clean, client_ip
from tests.admin_forms import page_form_data, signed_in
from tests.factories import IssueStatusFactory

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
SIGN_OUT = "/accounts/sign-out/"
LOCKED = "Too many failed sign-ins for this account from this address; try again in 15 minutes"


def sign_in(client, username, password, path=SIGN_IN, **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def fail(client, username, times, path=SIGN_IN, **extra):
    return [sign_in(client, username, "not-the-password", path, **extra).status_code for _ in range(times)]


def is_signed_in(client) -> bool:
    return b"Sign out" in client.get("/").content


def signed_in_to_admin(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def formatted(caplog) -> list[str]:
    """Every captured record as the JSON line it makes in production."""
    formatter, context = JsonFormatter(), RequestContextFilter()
    return [formatter.format(r) for r in caplog.records if context.filter(r)]


def auth_lines(caplog, event=None) -> list[dict]:
    lines = [json.loads(text) for text in formatted(caplog) if '"logger": "negotrack.auth"' in text]
    return [line for line in lines if event is None or line["event"] == event]


@pytest.fixture
def log(caplog):
    with caplog.at_level(logging.INFO):
        yield caplog


# --- signing in ---------------------------------------------------------------------


def test_the_sign_in_page_has_labelled_fields_and_keeps_next(client):
    page = client.get(SIGN_IN, {"next": "/statements/"}).content.decode()
    assert '<label for="id_username">Username</label>' in page
    assert '<label for="id_password">Password</label>' in page
    assert '<input type="hidden" name="next" value="/statements/">' in page
    assert 'autocomplete="current-password"' in page


@pytest.mark.parametrize("persona", ["editor", "reviewer"])
def test_editors_and_reviewers_sign_in_and_land_on_next(client, request, persona, log):
    user = request.getfixturevalue(persona)
    response = client.post(SIGN_IN, {"username": persona, "password": f"pw-{persona}", "next": "/statements/?q=x"})
    assert response.status_code == 302 and response.url == "/statements/?q=x"
    assert client.session["_auth_user_id"] == str(user.pk)
    (line,) = auth_lines(log, "sign_in")
    assert line["username"] == persona and line["ip"] == "127.0.0.1" and line["level"] == "INFO"
    assert line["message"] == f"signed in: {persona} from 127.0.0.1" and len(line["request_id"]) == 32


@pytest.mark.parametrize("next_url", ["https://elsewhere.example/", "//elsewhere.example/", "javascript:alert(1)"])
def test_a_next_that_leaves_the_site_is_ignored(client, editor, next_url):
    response = client.post(SIGN_IN, {"username": "editor", "password": "pw-editor", "next": next_url})
    assert response.status_code == 302 and response.url == "/"


def test_a_wrong_password_shows_the_error_beside_the_form_and_is_logged_without_it(client, editor, log):
    response = sign_in(client, "editor", "Secret-guess-42")
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'<div class="errors" role="alert" id="sign-in-errors"><p>Please enter a correct username', page)
    assert "Secret-guess-42" not in page
    (line,) = auth_lines(log, "sign_in_failed")
    assert line == {**line, "username": "editor", "ip": "127.0.0.1", "level": "WARNING"}
    assert line["message"] == "sign-in failed: editor from 127.0.0.1"
    assert not any("Secret-guess-42" in text for text in formatted(log))
    assert not any("Secret-guess-42" in repr(record.args) + repr(record.__dict__) for record in log.records)
    assert not is_signed_in(client)


# --- django-axes ----------------------------------------------------------------------


def test_the_fifth_failure_locks_and_then_even_the_right_password_is_refused(client, editor, log):
    assert fail(client, "editor", 4) == [200] * 4
    fifth = sign_in(client, "editor", "still-wrong")
    sixth = sign_in(client, "editor", "pw-editor")
    for refused in (fifth, sixth):
        assert refused.status_code == 429 and refused["Retry-After"] == "900"
        assert LOCKED in refused.content.decode()
    assert not is_signed_in(client)
    lockouts = auth_lines(log, "locked_out")
    assert len(lockouts) == 2  # the fifth failure and the refused sixth attempt
    assert lockouts[0]["username"] == "editor" and lockouts[0]["ip"] == "127.0.0.1"
    assert lockouts[0]["message"] == "sign-in locked out: editor from 127.0.0.1"
    assert not any("pw-editor" in text or "still-wrong" in text for text in formatted(log))


def test_a_lockout_holds_one_name_from_one_address_only(client, editor, reviewer):
    fail(client, "editor", 5)
    assert sign_in(client, "editor", "pw-editor").status_code == 429
    # Another account from the same address (the same office) signs in.
    assert sign_in(Client(), "reviewer", "pw-reviewer").status_code == 302
    # The same account from another address too.
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), "editor", "pw-editor").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, editor):
    assert fail(client, "editor", 4) == [200] * 4
    assert sign_in(client, "editor", "pw-editor").status_code == 302
    assert not AccessAttempt.objects.exists()
    later = Client()
    assert fail(later, "editor", 4) == [200] * 4
    assert sign_in(later, "editor", "pw-editor").status_code == 302


def test_a_lockout_ends_after_the_cool_off(client, editor):
    fail(client, "editor", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in(client, "editor", "pw-editor").status_code == 302


def test_the_admin_login_is_guarded_too_and_shares_the_count(client, editor):
    admin_login = reverse("admin:login")
    assert fail(client, "editor", 3, path=admin_login) == [200] * 3
    assert fail(client, "editor", 2) == [200, 429]
    refused = sign_in(client, "editor", "pw-editor", path=admin_login)
    assert refused.status_code == 429 and LOCKED in refused.content.decode()
    assert "Content-Security-Policy" in refused
    assert not signed_in_to_admin(client)


def test_behind_the_proxy_the_address_is_the_one_the_proxy_added(settings, editor):
    settings.BEHIND_TLS_PROXY = True
    # Every request comes from the proxy; the client can only prepend to X-Forwarded-For.
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9")
    assert fail(attacker, "editor", 5)[-1] == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    colleague = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert sign_in(colleague, "editor", "pw-editor").status_code == 302


def test_the_client_address_trusts_x_forwarded_for_only_behind_the_proxy(settings, rf):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 2001:db8::1")
    settings.BEHIND_TLS_PROXY = False
    assert client_ip(request) == "10.0.0.2"
    settings.BEHIND_TLS_PROXY = True
    assert client_ip(request) == "2001:db8::1"
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not an address")) == "10.0.0.2"
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"


# --- the session ----------------------------------------------------------------------


def test_signing_in_gives_a_new_session_key_and_the_old_one_is_dead(client, editor):
    before = client.session
    before["seen"] = True
    before.save()
    old_key = before.session_key
    assert sign_in(client, "editor", "pw-editor").status_code == 302
    new_key = client.cookies["sessionid"].value
    assert new_key != old_key
    assert not SessionStore().exists(old_key)
    planted = Client()
    planted.cookies["sessionid"] = old_key
    assert not is_signed_in(planted)
    assert planted.get(reverse("admin:index")).status_code == 302


def test_the_session_cookie_is_http_only_same_site_lax_and_lasts_twelve_hours(client, editor, settings):
    cookie = sign_in(client, "editor", "pw-editor").cookies["sessionid"]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 12 * 3600
    # Secure wherever the site is HTTPS only (tested with the production settings in test_settings).
    assert settings.SESSION_COOKIE_SECURE == settings.HTTPS_ONLY


def test_signing_out_takes_post_only(client, editor):
    sign_in(client, "editor", "pw-editor")
    assert client.get(SIGN_OUT).status_code == 405
    assert is_signed_in(client)


def test_signing_out_ends_the_session_on_the_server_and_says_so(client, editor, log):
    sign_in(client, "editor", "pw-editor")
    key = client.cookies["sessionid"].value
    response = client.post(SIGN_OUT)
    assert response.status_code == 302 and response.url == "/"
    home = client.get("/").content.decode()
    assert '<li class="account" role="status">You are signed out.</li>' in home
    assert "You are signed out" not in client.get("/").content.decode()  # said once
    assert not SessionStore().exists(key)
    stolen = Client()
    stolen.cookies["sessionid"] = key
    assert not is_signed_in(stolen)
    (line,) = auth_lines(log, "sign_out")
    assert line["username"] == "editor" and line["message"] == "signed out: editor from 127.0.0.1"


def test_signing_out_with_a_stale_csrf_token_is_refused():
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SIGN_OUT).status_code == 403


# --- the header -----------------------------------------------------------------------


def test_the_header_offers_sign_in_to_readers(client):
    page = client.get("/statements/?q=talks").content.decode()
    nav = page.split('<nav aria-label="Site">')[1].split("</nav>")[0]
    assert '<a href="/accounts/sign-in/?next=/statements/%3Fq%3Dtalks">Sign in</a>' in nav
    assert "Sign out" not in nav


def test_the_header_shows_who_is_signed_in_and_a_sign_out_button(client, analyst):
    client.force_login(analyst)
    page = client.get("/").content.decode()
    nav = page.split('<nav aria-label="Site">')[1].split("</nav>")[0]
    assert "Signed in as <strong>analyst</strong>" in nav
    form = re.search(r'<form class="sign-out" method="post" action="/accounts/sign-out/">(.*?)</form>', nav).group(1)
    assert 'name="csrfmiddlewaretoken"' in form and '<button type="submit">Sign out</button>' in form
    assert ">Sign in<" not in nav


def test_a_new_sign_in_is_never_served_the_last_ones_page_from_cache(client, editor):
    sign_in(client, "editor", "pw-editor")
    first = client.get("/")
    client.post(SIGN_OUT)
    sign_in(client, "editor", "pw-editor")
    # The old page holds the old sign-in's CSRF token: it must not come back as a 304.
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_the_signed_out_line_is_not_lost_to_a_cached_copy_of_the_home_page(client, editor):
    anonymous = client.get("/")
    sign_in(client, "editor", "pw-editor")
    client.post(SIGN_OUT)
    home = client.get("/", HTTP_IF_NONE_MATCH=anonymous["ETag"])
    assert home.status_code == 200 and "You are signed out." in home.content.decode()


@pytest.mark.parametrize("locked", [False, True])
def test_the_sign_in_pages_live_under_the_content_security_policy(client, editor, locked):
    if locked:
        fail(client, "editor", 4)
    response = sign_in(client, "editor", "wrong")
    assert response.status_code == (429 if locked else 200)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    page = response.content.decode()
    assert "<script" not in page and "<style" not in page and " style=" not in page


# --- refused writes -------------------------------------------------------------------


def test_an_anonymous_api_write_is_logged_once_as_refused(client, log):
    response = client.post("/api/v1/statements/", {"text": "x"}, content_type="application/json")
    assert response.status_code == 401
    (line,) = auth_lines(log, "write_refused")
    assert line == {**line, "method": "POST", "path": "/api/v1/statements/", "user": None, "status": 401}
    assert line["level"] == "WARNING" and line["message"] == "write refused: POST /api/v1/statements/ by anonymous, 401"


def test_an_outsiders_token_write_is_logged_once_without_the_token(outsider, token_api, log):
    api = token_api(outsider)
    token = api._credentials["HTTP_AUTHORIZATION"].split()[1]
    response = api.post("/api/v1/statements/", {"text": "x"}, format="json", HTTP_COOKIE="sessionid=abc123secret")
    assert response.status_code == 403
    (line,) = auth_lines(log, "write_refused")
    assert line == {**line, "method": "POST", "path": "/api/v1/statements/", "user": "outsider", "status": 403}
    for text in formatted(log):
        assert token not in text and "Authorization" not in text and "abc123secret" not in text


def test_an_admin_write_refused_for_lack_of_permission_is_logged(editor, log):
    draft = IssueStatusFactory()
    client = signed_in(editor)
    change = reverse("admin:issues_issuestatus_change", args=[draft.pk])
    data = {**page_form_data(client.get(change)), "_publish": "Save and publish"}
    assert client.post(change, data).status_code == 403
    (line,) = auth_lines(log, "write_refused")
    assert line == {**line, "method": "POST", "path": change, "user": "editor", "status": 403}


def test_a_write_that_goes_through_logs_no_refusal(editor, token_api, log):
    response = token_api(editor).post("/api/v1/sources/", {"outlet": "Reuters", "title": "x"}, format="json")
    assert response.status_code not in (401, 403)
    assert auth_lines(log, "write_refused") == []


# --- what a client sends cannot forge a line ------------------------------------------


def test_a_username_with_a_newline_and_a_forged_line_stays_one_record_on_one_line(client, log):
    forged = (
        'nobody\n{"time": "2026-01-01T00:00:00+0000", "level": "INFO", "logger": "negotrack.auth", "event": "sign_in"}'
    )
    sign_in(client, forged, "whatever")
    records = [r for r in log.records if r.name == "negotrack.auth"]
    assert len(records) == 1
    assert "\n" not in records[0].getMessage() and "\r" not in records[0].getMessage()
    for text in formatted(log):
        assert "\n" not in text
    (line,) = auth_lines(log)
    assert line["event"] == "sign_in_failed" and line["username"] == clean(forged)
    assert line["username"].startswith('nobody\\n{"time": ')
    assert line["message"].startswith('sign-in failed: nobody\\n{"time": ')


def test_clean_escapes_what_could_break_or_disguise_a_line():
    assert clean("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert clean("esc\x1b[31m nul\x00 nel\x85") == "esc\\x1b[31m nul\\x00 nel\\x85"
    assert clean("line\u2028sep rtl\u202eoverride") == "line\\u2028sep rtl\\u202eoverride"
    assert clean("back\\slash") == "back\\\\slash"
    assert clean("Зеленский é") == "Зеленский é"
    assert len(clean("x" * 10_000)) == 500
