"""From a report to the record, in Chromium against the running site with the demo data: an
editor pastes a wire story on the Geneva round into its entry page, gets its statements
proposed (one of them on record already, marked so and not to be ticked), ticks two,
mends one, and saves; the review queue then holds exactly those two drafts, each citing
the report."""

import re

import pytest

from tests.browser.harness import expect, screenshot
from tests.browser.test_after_session import sign_in

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

ROUND = "geneva-2026-02-17"
URL = "https://example.org/wire/2026/02/18/geneva-talks-end-monitoring"
HEADLINE = "Russia, Ukraine end Geneva talks close on ceasefire monitoring"
UMEROV = "The sides worked constructively, and the monitoring questions are now nearly settled"
MEDINSKY = "We will meet again soon, but the territorial question remains where it was"
MENDED = "We will meet again soon, but the territorial question remains where it was."
WITKOFF = "Real progress in Geneva. Both delegations will report to their capitals."
# Published in the demo record: proposed, but on record already.
ZELENSKY = "We can see that some groundwork has been done, but for now the positions differ, because the negotiations were not easy."  # noqa: E501

# A page as copied from a browser: the site's menu, the headline, a byline, the story and
# its credits. The story is written for this test.
REPORT = f"""Skip to main content
World
Europe
{HEADLINE}
By Test Reporter
February 18, 2026
GENEVA, Feb 18 (Wire Service) - Russian and Ukrainian negotiators ended two days of U.S.-brokered talks in Geneva on Wednesday, agreeing on almost all questions of a ceasefire monitoring mechanism but not on territory.
"{UMEROV}," Rustem Umerov told reporters after the second day.
"{MEDINSKY}," Vladimir Medinsky said at a news conference.
U.S. special envoy Steve Witkoff wrote on X: "{WITKOFF}"
Ukrainian President Volodymyr Zelensky said earlier: "{ZELENSKY}"
Reporting by Test Reporter; Editing by Another Editor
Share this article
"""  # noqa: E501


def proposed_row(page, words):
    """The row proposed with these words (a row's text is in its textarea, not its text)."""
    rows = page.locator("fieldset.proposal-row")
    for index in range(rows.count()):
        row = rows.nth(index)
        if row.get_by_label("Text", exact=True).input_value().strip(" .") == words.strip(" ."):
            return row
    raise AssertionError(f"no proposed row says {words!r}")


def test_an_editor_pastes_a_report_ticks_two_statements_mends_one_and_saves_them(page, site):
    sign_in(page, site.logins["editor"])
    page.get_by_role("link", name="Enter a session").click()
    page.get_by_role("link", name=re.compile("Geneva, 17–18 Feb 2026")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("After-session entry")

    page.get_by_text("From a report").click()
    report = page.locator("#report-form")
    report.get_by_label("The report").fill(REPORT)
    report.get_by_label("URL").fill(URL)
    report.get_by_role("button", name="Propose statements").click()

    summary = page.locator(".proposals-summary")
    expect(summary).to_contain_text(re.compile(r"The report proposes \d+ statements, the least sure first"))
    expect(summary).to_contain_text("on record already")
    # Source 1 is the report, as the text says it, and every row cites it.
    source = page.locator("#sources-0")
    expect(source.get_by_label("Or a new one: outlet")).to_have_value("Wire Service")
    expect(source.get_by_label("Headline")).to_have_value(HEADLINE)
    expect(source.get_by_label("URL")).to_have_value(URL)
    expect(source.get_by_label("Published on")).to_have_value("2026-02-18")

    umerov, medinsky = proposed_row(page, UMEROV), proposed_row(page, MEDINSKY)
    witkoff, zelensky = proposed_row(page, WITKOFF), proposed_row(page, ZELENSKY)
    for row in (umerov, medinsky, witkoff, zelensky):
        expect(row.get_by_label("Take this statement")).not_to_be_checked()
        expect(row.get_by_label(re.compile(r"^\s*1: Wire Service"))).to_be_checked()
    expect(umerov.get_by_label("Speaker", exact=True)).to_have_value("Rustem Umerov")
    expect(umerov).to_contain_text("speaker found exactly")
    expect(medinsky.get_by_label("How")).to_have_value("press_conference")
    # Zelensky's words are published already: marked, linked, not to be ticked.
    expect(zelensky).to_contain_text("On record")
    expect(zelensky.get_by_role("link", name="the statement on record")).to_have_attribute(
        "href", re.compile(r"^/records/issues\.statement/[0-9a-f-]{36}/history/$")
    )
    expect(zelensky.get_by_label("Take this statement")).to_be_disabled()
    umerov.scroll_into_view_if_needed()
    screenshot(page, "page-entry-from-report")

    # Two taken, one of them mended; Witkoff's left unticked.
    umerov.get_by_label("Take this statement").check()
    medinsky.get_by_label("Take this statement").check()
    medinsky.get_by_label("Text", exact=True).fill(MENDED)
    medinsky.get_by_label("Date").fill("2026-02-17")
    page.get_by_role("button", name="Save all as drafts").first.click()
    expect(page.get_by_role("status")).to_contain_text("Saved as drafts for review: 2 statements.")

    page.get_by_role("link", name="Open the review queue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review queue")
    for words, day in ((UMEROV, "18 Feb 2026"), (MENDED, "17 Feb 2026")):
        draft = page.locator("article.review-item").filter(has_text=words)
        expect(draft).to_have_count(1)
        expect(draft).to_contain_text("Wire Service")
        expect(draft).to_contain_text(HEADLINE)
        expect(draft).to_contain_text(day)
    expect(page.locator("article.review-item").filter(has_text=WITKOFF)).to_have_count(0)
    screenshot(page, "page-review-queue-from-report")

    # Through the API too: the two drafts, and they cite the same one new source.
    token = {"Authorization": f"Token {site.logins['editor'].token}"}
    rows = page.request.get(f"/api/v1/statements/?round={ROUND}&include=drafts&page_size=100", headers=token).json()
    drafts = [row for row in rows["results"] if row["text"] in (UMEROV, MENDED)]
    assert len(drafts) == 2 and {row["state"] for row in drafts} == {"draft"}
    assert len({str(row["sources"]) for row in drafts}) == 1 and URL in str(drafts[0]["sources"])
    assert not [row for row in rows["results"] if row["text"] == WITKOFF]
    assert len([row for row in rows["results"] if row["text"] == ZELENSKY]) == 1
