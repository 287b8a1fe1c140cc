"""Logs are one JSON object a line: each request with its id, user, path, status and
duration; failed sign-ins as security events; nothing a client sends breaks a line.
(The sign-in events themselves: test_sign_in.py.)"""

import json
import logging

import pytest

from negotrack.requestlog import JsonFormatter, RequestContextFilter


def lines(caplog, logger_name):
    formatter, context = JsonFormatter(), RequestContextFilter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == logger_name and context.filter(r)]


@pytest.mark.django_db
def test_a_request_is_logged_with_its_id_user_path_status_and_duration(client, editor, caplog):
    client.force_login(editor)
    with caplog.at_level(logging.INFO, logger="negotrack.request"):
        response = client.get("/api/v1/issues/", HTTP_X_REQUEST_ID="proxy-id-123")
    assert response["X-Request-ID"] == "proxy-id-123"
    (line,) = lines(caplog, "negotrack.request")
    assert line["request_id"] == "proxy-id-123"
    assert line["user"] == "editor" and line["path"] == "/api/v1/issues/" and line["method"] == "GET"
    assert line["status"] == 200 and line["duration_ms"] >= 0
    assert line["level"] == "INFO" and line["logger"] == "negotrack.request" and "time" in line


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["", "has spaces", "x" * 129, "semi;colon", "ünïcode"])
def test_a_request_id_that_does_not_look_like_one_is_replaced(client, sent):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)
    assert response["X-Request-ID"] != sent and len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_every_request_gets_an_id_of_its_own(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.django_db
def test_a_path_with_a_newline_stays_on_one_log_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="negotrack.request"):
        client.get("/api/v1/nothing%0A{%22forged%22:%201}%0D/")
    formatter = JsonFormatter()
    (record,) = [r for r in caplog.records if r.name == "negotrack.request"]
    text = formatter.format(record)
    assert "\n" not in text and "\r" not in text
    assert json.loads(text)["path"] == '/api/v1/nothing\\n{"forged": 1}\\r/'


@pytest.mark.django_db
def test_a_failed_sign_in_is_logged_as_a_security_event_without_the_password(client, editor, caplog):
    with caplog.at_level(logging.INFO, logger="negotrack.auth"):
        client.post("/admin/login/", {"username": "editor\nforged", "password": "wrong-password-123"})
    (line,) = lines(caplog, "negotrack.auth")
    assert line["event"] == "sign_in_failed" and line["username"] == "editor\\nforged"
    assert line["level"] == "WARNING"
    assert "wrong-password-123" not in json.dumps(line)
