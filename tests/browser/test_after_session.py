"""After the Geneva round, in Chromium against the running site with the demo data: an
editor enters three statements, a status change and an agreement in one form, sees one row
refused and mends it; a reviewer publishes them from the review queue, finds them on the
round's page, in the issue's timeline and in the API, then withdraws one with a public note."""

import json
import re

import pytest

from tests.browser.harness import expect, screenshot

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

ROUND = "geneva-2026-02-17"
FIRST = "The humanitarian track in Geneva produced an agreement on a further exchange of prisoners."
SECOND = "We will not discuss territory under the threat of force."
THIRD = "The sides moved closer on how a ceasefire would be monitored."
AGREEMENT = "Further exchange of prisoners of war"
NOTE = "Wrongly attributed: the words were a journalist's summary."


def sign_in(page, login):
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(login.username)
    page.get_by_label("Password").fill(login.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_an_editor_enters_a_session_and_a_reviewer_publishes_and_withdraws(page, page_watch, site):
    sign_in(page, site.logins["editor"])
    page.get_by_role("link", name="Enter a session").click()
    page.get_by_role("link", name=re.compile("Geneva, 17–18 Feb 2026")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("After-session entry")

    # Two sources: one on record, one new; every row cites the first unless it says otherwise.
    on_record = page.locator("#sources-0").get_by_label("On record")
    on_record.select_option(on_record.locator("option", has_text="Difficult But Businesslike").get_attribute("value"))
    new_source = page.locator("#sources-1")
    new_source.get_by_label("Or a new one: outlet").fill("TASS")
    new_source.get_by_label("URL").fill("https://example.org/tass/geneva-medinsky")
    new_source.get_by_label("Published on").fill("2026-02-18")

    # Three statements: one by an alias (the script brings party and title from the
    # delegation), one by a misspelt name, one by an unnamed official.
    first = page.locator("#statements-0")
    first.get_by_label("Speaker", exact=True).fill("Umjerow")
    first.get_by_label("Speaker", exact=True).press("Tab")
    expect(first.get_by_label("Speaks for")).to_have_value(re.compile(r"\d+"))
    first.get_by_label("Text", exact=True).fill(FIRST)
    first.get_by_label("Prisoner exchange").check()

    second = page.locator("#statements-1")
    second.get_by_label("Speaker", exact=True).fill("Vladimir Medinskyy")
    second.get_by_label("Text", exact=True).fill(SECOND)
    second.get_by_label("Territory (eastern Donbas)").check()
    second.get_by_label(re.compile(r"^\s*1: ")).uncheck()
    second.get_by_label("2: TASS").check()  # named as it was typed

    third = page.locator("#statements-2")
    third.get_by_label("or, when not named").fill("A senior Ukrainian negotiator")
    third.get_by_label("Speaks for").select_option(label="Ukraine")
    third.get_by_label("Text", exact=True).fill(THIRD)
    third.get_by_label("Quote or paraphrase").select_option(label="paraphrase")

    # Another row comes without a round trip, and is skipped while left blank.
    page.get_by_role("button", name="Another statement").click()
    expect(page.locator("#statements-3")).to_be_visible()
    expect(page.locator("#statements-3").get_by_label("Speaker", exact=True)).to_be_focused()

    status = page.get_by_role("group", name="Prisoner exchange", exact=True)
    expect(status).to_contain_text("Last assessed: agreed at Abu Dhabi")
    status.get_by_label("Status after this round").select_option("implemented")
    status.get_by_label("What the reports say").fill("The exchange agreed in Abu Dhabi was carried out.")

    agreement = page.locator("#agreements-0")
    agreement.get_by_label("Title").fill(AGREEMENT)
    agreement.get_by_label("Terms, as reported").fill("Another exchange of prisoners of war, 200 for 200.")
    agreement.get_by_label("Figures").fill("prisoners of war exchanged: 400")
    agreement.get_by_label("Ukraine", exact=True).check()
    agreement.get_by_label("Russia", exact=True).check()
    agreement.get_by_label("Prisoner exchange").check()

    page.get_by_role("button", name="Save all as drafts").first.click()

    # Refused: the whole form comes back, with the row and what was wrong named at the top.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing was saved: 1 row needs attention")
    expect(summary).to_contain_text("No one named “Vladimir Medinskyy” is on record. Did you mean “Vladimir Medinsky”?")
    expect(summary).to_be_focused()
    assert any("400" in problem for problem in page_watch.take())  # the refusal answers 400
    expect(page.locator("#statements-0").get_by_label("Text", exact=True)).to_have_value(FIRST)
    expect(page.locator("#agreements-0").get_by_label("Title")).to_have_value(AGREEMENT)
    screenshot(page, "page-entry-refused-row")

    summary.get_by_role("link", name="Statement 2").click()
    mended = page.locator("#statements-1")
    mended.get_by_label("Speaker", exact=True).fill("Vladimir Medinsky")
    screenshot(page, "page-entry")
    page.get_by_role("button", name="Save all as drafts").first.click()
    expect(page.get_by_role("status")).to_contain_text(
        "Saved as drafts for review: 3 statements, 1 issue status, 1 agreement."
    )
    sign_out(page)

    # A reviewer publishes the five drafts from the queue.
    sign_in(page, site.logins["reviewer"])
    page.get_by_role("link", name="Review queue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review queue")
    screenshot(page, "page-review-queue")
    for words in (FIRST, SECOND, THIRD, "The exchange agreed in Abu Dhabi was carried out.", AGREEMENT):
        draft = page.locator("article.review-item").filter(has_text=words[:50])
        expect(draft).to_have_count(1)
        draft.get_by_role("button", name="Publish").click()
        expect(page.get_by_role("status")).to_contain_text("published")
        expect(page.locator("article.review-item").filter(has_text=words[:50])).to_have_count(0)

    page.goto(f"/rounds/{ROUND}/")
    for words in (FIRST, SECOND, THIRD, AGREEMENT):
        expect(page.locator("main")).to_contain_text(words)
    expect(page.locator("main")).to_contain_text("implemented")

    page.goto("/issues/russia-ukraine-prisoner-exchange/")
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline).to_contain_text(FIRST)
    expect(timeline).to_contain_text(AGREEMENT)
    expect(timeline.locator(".entry-status_change").filter(has_text="implemented")).to_have_count(1)

    statements = page.request.get(f"/api/v1/statements/?round={ROUND}&page_size=100")
    expect(statements).to_be_ok()
    cited = {row["text"]: json.dumps(row["sources"]) for row in statements.json()["results"]}
    assert {FIRST, SECOND, THIRD} <= set(cited)
    assert "TASS" in cited[SECOND] and "Difficult But Businesslike" in cited[FIRST]
    issue = page.request.get("/api/v1/issues/russia-ukraine-prisoner-exchange/")
    assert '"implemented"' in issue.text()

    # The reviewer withdraws the paraphrase with a public note: it shows as withdrawn.
    page.goto("/review/")
    page.locator("tr").filter(has_text=THIRD[:40]).get_by_role("link", name="Withdraw…").click()
    page.get_by_label("Public note").fill(NOTE)
    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_role("status")).to_contain_text("withdrawn")

    page.goto(f"/rounds/{ROUND}/")
    # The words are gone from the page; the notice stands where they stood.
    expect(page.locator("article.statement").filter(has_text=THIRD)).to_have_count(0)
    withdrawn = page.locator("article.statement").filter(has_text=NOTE)
    expect(withdrawn).to_have_class(re.compile(r"\bstatement-withdrawn\b"))
    expect(withdrawn.locator(".correction")).to_contain_text("Withdrawn on")
    expect(withdrawn.locator(".correction")).to_contain_text(NOTE)
    rows = page.request.get(f"/api/v1/statements/?round={ROUND}&page_size=100").json()["results"]
    notices = {row["text"]: row["notice"] for row in rows}
    assert notices[THIRD]["state"] == "withdrawn" and notices[THIRD]["note"] == NOTE
    assert notices[FIRST] is None
