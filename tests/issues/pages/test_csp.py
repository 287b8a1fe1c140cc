"""The pages live under a strict Content-Security-Policy: scripts only from our own origin,
and no markup that such a policy would block (inline scripts, style attributes, event
handler attributes), so that nothing on them breaks when the browser enforces it."""

import re

import pytest

from delegations.models import Party, Person
from issues.models import Issue
from rounds.models import Round
from tests.factories import StatementFactory
from tests.pages import ABU_DHABI_I, ABU_DHABI_II, DEMO_URLS, GENEVA, PROCESS, TERRITORY, UKRAINE, UMEROV

pytestmark = pytest.mark.django_db

# Every page as the demo shows it, and the answers that are not a plain 200.
ADDRESSES = {
    **DEMO_URLS,
    "round with agreements": f"/rounds/{ABU_DHABI_II}/",
    "compare of two rounds": f"/processes/{PROCESS}/compare/?from={ABU_DHABI_I}&to={GENEVA}",
    "statement search": f"/statements/?q=progress&issue={TERRITORY}&date_from=2026-02-01&page=1",
    "statement search, 400": "/statements/?round=nowhere&date_from=soon",
    "compare, 400": f"/processes/{PROCESS}/compare/?from={GENEVA}&to={GENEVA}",
    "unknown round, 404": "/rounds/nowhere-2026-01-01/",
}

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
EVENT_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
SCRIPT_URL = re.compile(r"""\s(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


@pytest.mark.usefixtures("demo")
class TestEveryPageUnderThePolicy:
    @pytest.mark.parametrize("url", ADDRESSES.values(), ids=ADDRESSES.keys())
    def test_it_sends_a_policy_that_allows_scripts_from_our_origin_only(self, client, url):
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"]
        assert "'unsafe-inline'" not in policy.get("script-src", []) + policy.get("default-src", [])
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]

    @pytest.mark.parametrize("url", ADDRESSES.values(), ids=ADDRESSES.keys())
    def test_it_holds_no_inline_script_style_attribute_or_event_handler(self, client, url):
        markup = client.get(url).content.decode()
        assert not INLINE_SCRIPT.findall(markup)
        assert not STYLE_ATTRIBUTE.findall(markup)
        assert not EVENT_ATTRIBUTE.findall(markup)
        assert not SCRIPT_URL.findall(markup)

    def test_the_answers_it_checks_are_the_ones_meant(self, client):
        statuses = {name: client.get(url).status_code for name, url in ADDRESSES.items()}
        assert statuses == {name: int(name[-3:]) if name[-3:].isdigit() else 200 for name in ADDRESSES}

    def test_a_signed_in_editor_gets_the_same_policy_and_markup(self, client, editor):
        client.force_login(editor)
        for url in DEMO_URLS.values():
            response = client.get(url)
            assert response.status_code == 200
            assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]
            markup = response.content.decode()
            assert 'href="/admin/"' in markup
            assert not (INLINE_SCRIPT.findall(markup) or STYLE_ATTRIBUTE.findall(markup))
            assert not EVENT_ATTRIBUTE.findall(markup)

    def test_an_editors_drafts_section_holds_no_inline_script_or_style_either(self, client, editor):
        talk_round, issue = Round.objects.get(slug=GENEVA), Issue.objects.get(slug=TERRITORY)
        speaker, party = Person.objects.get(slug=UMEROV), Party.objects.get(slug=UKRAINE)
        StatementFactory(
            process=talk_round.process, round=talk_round, speaker=speaker, party=party, issues=[issue], by=editor
        )
        client.force_login(editor)
        for name in ["round", "issue", "person", "party"]:
            markup = client.get(DEMO_URLS[name]).content.decode()
            assert 'id="drafts"' in markup, name
            assert not (INLINE_SCRIPT.findall(markup) or STYLE_ATTRIBUTE.findall(markup)), name
            assert not (EVENT_ATTRIBUTE.findall(markup) or SCRIPT_URL.findall(markup)), name


def test_the_patterns_catch_what_they_are_for():
    assert INLINE_SCRIPT.search("<p>x</p><script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/js/app.js" defer></script>')
    assert STYLE_ATTRIBUTE.search('<td class="cell" style="color: red">')
    assert EVENT_ATTRIBUTE.search("<img src=x onerror=alert(1)>")
    assert EVENT_ATTRIBUTE.search('<button type="button" onclick="go()">')
    assert not EVENT_ATTRIBUTE.search("<p>Talks went on, the envoy said.</p>")
    assert SCRIPT_URL.search('<a href="javascript:alert(1)">')
