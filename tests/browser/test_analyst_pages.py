"""An analyst's walk through the pages, in Chromium against the running site with the demo
data: home, along the status matrix to a round, on to an agenda issue and a person;
a statement search; the two Abu Dhabi rounds compared. A screenshot of each page is saved
in var/screenshots/."""

import re

import pytest

from tests.browser.harness import expect, screenshot

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

GENEVA = "/rounds/geneva-2026-02-17/"
TERRITORY = "/issues/russia-ukraine-territory/"


def test_the_home_page_shows_each_process_and_its_matrix(page):
    response = page.goto("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page).to_have_title(re.compile("Negotiation rounds at a glance"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Negotiation rounds at a glance")
    ukraine = page.get_by_role("region", name="Russia–Ukraine peace talks (US-brokered)")
    expect(ukraine.get_by_text("Latest round:")).to_contain_text("Geneva, 17–18 Feb 2026")
    matrix = ukraine.get_by_role("table")
    expect(matrix.get_by_role("columnheader")).to_have_count(4)  # the issue column and three rounds
    territory = matrix.get_by_role("row", name=re.compile("Territory"))
    expect(territory.get_by_role("link", name="deadlocked")).to_be_visible()
    expect(ukraine.get_by_role("list", name="Legend")).to_contain_text("near agreement")
    expect(page.get_by_role("heading", name="Latest statements")).to_be_visible()
    expect(page.get_by_role("heading", name="Latest agreements")).to_be_visible()
    expect(page.get_by_role("heading", name="Exchange of 314 prisoners of war")).to_be_visible()
    screenshot(page, "page-home")


def test_the_matrix_leads_to_a_round_then_an_issue_then_a_person(page, site):
    page.goto("/")
    ukraine = page.get_by_role("region", name="Russia–Ukraine peace talks (US-brokered)")
    ukraine.get_by_role("row", name=re.compile("Territory")).get_by_role("link", name="deadlocked").click()

    expect(page).to_have_url(site.url(GENEVA + "#issue-russia-ukraine-territory"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia–Ukraine: Geneva, 17–18 Feb 2026")
    expect(page.get_by_role("navigation", name="Breadcrumbs")).to_contain_text("Russia–Ukraine")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("InterContinental Hotel")
    expect(facts).to_contain_text("trilateral")
    ceasefire = page.locator("#issue-russia-ukraine-ceasefire-monitoring")
    expect(ceasefire).to_contain_text("near agreement")
    expect(ceasefire).to_contain_text("improved")
    expect(page.locator("#issue-russia-ukraine-territory")).to_contain_text("deadlocked")
    russia = page.locator("#delegation-russia")
    expect(russia.get_by_role("listitem").first).to_contain_text("Vladimir Medinsky, head of delegation")
    expect(russia).to_contain_text("Nearly two dozen other officials")
    expect(page.get_by_role("heading", name="Sessions")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Military group, 17 Feb 2026"))).to_be_visible()
    expect(page.get_by_role("heading", name="Outcome")).to_be_visible()
    screenshot(page, "page-round")

    page.locator("#issue-russia-ukraine-territory").get_by_role("link", name="Territory (eastern Donbas)").click()
    expect(page).to_have_url(site.url(TERRITORY))
    expect(page.get_by_role("heading", level=1)).to_have_text("Territory (eastern Donbas)")
    standing = page.get_by_role("region", name="Where it stands")
    expect(standing).to_contain_text("deadlocked")
    expect(page.get_by_role("region", name="Each party's latest position")).to_contain_text("Russia")
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.get_by_role("heading", name="Geneva, 17–18 Feb 2026")).to_be_visible()
    expect(timeline.locator(".entry-status_change").first).to_contain_text("deadlocked")
    expect(timeline.locator(".entry .sources").first).to_contain_text("The Moscow Times")
    screenshot(page, "page-issue")

    page.goto(GENEVA)
    page.locator("#delegation-ukraine").get_by_role("link", name="Rustem Umerov").click()
    expect(page).to_have_url(site.url("/people/rustem-umerov/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rustem Umerov")
    rounds = page.get_by_role("region", name="Rounds attended")
    expect(rounds.get_by_role("row", name=re.compile("Geneva"))).to_contain_text("head of delegation")
    expect(page.get_by_role("region", name="Statements")).to_contain_text("there is progress")
    screenshot(page, "page-person")


def test_an_analyst_searches_the_statements(page, page_watch):
    page.goto("/statements/")
    form = page.get_by_role("search", name="Search statements")
    form.get_by_label("Words").fill("progress")
    form.get_by_label("Process").select_option(label="Russia–Ukraine peace talks (US-brokered)")
    form.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/statements/\?q=progress&process=russia-ukraine"))
    results = page.locator("article.statement")
    expect(results.first).to_be_visible()
    for text in results.all_inner_texts():
        assert "progress" in text.lower()
    expect(page.get_by_role("heading", level=2)).to_contain_text("found")
    expect(form.get_by_label("Words")).to_have_value("progress")
    screenshot(page, "page-statements")

    page.goto("/statements/?date_from=2026-02-20&date_to=2026-02-01")
    expect(page.get_by_role("alert")).to_contain_text("date_to lies before date_from")
    expect(page.locator("#e-date_to")).to_be_visible()
    # The browser reports the 400 itself; nothing else went wrong on the page.
    assert [problem for problem in page_watch.take() if "400 (Bad Request)" not in problem] == []


def test_the_two_abu_dhabi_rounds_side_by_side(page):
    page.goto("/processes/russia-ukraine/compare/")
    form = page.get_by_role("form", name="Pick two rounds")
    form.get_by_label("Earlier round").select_option(label="Abu Dhabi, 23–24 Jan 2026")
    form.get_by_label("Later round").select_option(label="Abu Dhabi, 4–5 Feb 2026")
    form.get_by_role("button", name="Compare").click()

    expect(page).to_have_url(re.compile("from=abu-dhabi-2026-01-23&to=abu-dhabi-2026-02-04"))
    moves = page.get_by_role("region", name="Agenda issues: what moved")
    expect(moves.get_by_role("row", name=re.compile("Prisoner exchange"))).to_contain_text("agreed")
    delegations = page.get_by_role("region", name=re.compile("Delegations"))
    expect(delegations.get_by_role("heading", name="United States")).to_be_visible()
    statements = page.get_by_role("region", name="Statements", exact=True)
    expect(statements).to_contain_text("314 prisoners")
    screenshot(page, "page-compare")


def test_every_page_prints_as_a_clean_report(page):
    page.goto(GENEVA)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Site")).to_be_hidden()
    expect(page.locator(".printed-from")).to_be_visible()
    screenshot(page, "page-round-print")
