"""The review queue in Chromium against the running site with the demo data: drafts of
the second Abu Dhabi round wait (made through the API), one of them sent back and not
changed since; a reviewer reads every field of each in the round's group (a long text
folded), checks them all, and publishes them at once: all but the one sent back, refused
on its row."""

import re

import pytest

from tests.browser.harness import expect, screenshot

pytestmark = pytest.mark.sqlite_pass

ROUND = "abu-dhabi-2026-02-04"
LONG = "The sides agreed to keep the working groups on the military track meeting every week. " * 6
SENT_BACK = "Both delegations will report to their capitals."
NOTE = "Which outlet reported this?"


def _draft(page, token, source, **fields):
    body = {
        "process": "russia-ukraine", "round": ROUND, "speaker": "rustem-umerov", "date": "2026-02-05",
        "medium": "press_remarks", "kind": "quote", "language": "en", "sources": [source],
        "issues": ["russia-ukraine-prisoner-exchange"], **fields,
    }  # fmt: skip
    created = page.request.post("/api/v1/statements/", headers=token, data=body)
    expect(created).to_be_ok()
    return created.json()["uuid"]


def sign_in(page, login):
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(login.username)
    page.get_by_label("Password").fill(login.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_a_reviewer_publishes_the_checked_drafts_of_a_round_but_the_one_sent_back(page, site):
    editor = {"Authorization": f"Token {site.logins['editor'].token}"}
    reviewer = {"Authorization": f"Token {site.logins['reviewer'].token}"}
    source = page.request.get("/api/v1/sources/?page_size=1").json()["results"][0]["uuid"]
    long_one = _draft(page, editor, source, text=LONG)
    _draft(page, editor, source, text="Обмен пленными продолжится.", language="ru",
           translation="The exchange of prisoners will continue.", text_is_translation=True)  # fmt: skip
    refused = _draft(page, editor, source, text=SENT_BACK)
    sent = page.request.post(f"/api/v1/statements/{refused}/send-back/", headers=reviewer, data={"note": NOTE})
    expect(sent).to_be_ok()

    sign_in(page, site.logins["reviewer"])
    page.goto("/review/")
    group = page.locator("section.review-group", has=page.get_by_role("heading", name=re.compile("Abu Dhabi, 4")))
    expect(group.get_by_role("heading", level=3)).to_contain_text("Russia–Ukraine")
    russian = group.locator("article", has_text="Обмен пленными")
    for label in ("Issues", "Language", "The report's own translation", "Translation", "Speaker", "Sources"):
        expect(russian.locator("dt", has_text=label).first).to_be_visible()
    expect(russian).to_contain_text("The exchange of prisoners will continue.")
    folded = group.locator(f"#row-{long_one} details")
    expect(folded).not_to_have_attribute("open", "")
    folded.locator("summary").click()
    expect(folded).to_have_attribute("open", "")
    waiting = group.locator(f"#row-{refused}")
    expect(waiting).to_contain_text(f"with the note “{NOTE}”: an editor must change it before it is published.")
    expect(waiting.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    screenshot(page, "review-queue-round-before")

    boxes = group.get_by_role("checkbox")
    count = boxes.count()
    assert count >= 3
    for index in range(count):
        boxes.nth(index).check()
    group.get_by_role("button", name="Publish the checked drafts of this round").click()

    expect(page.locator(".notices")).to_contain_text(f"{count - 1} published, 1 refused.")
    row = page.locator(f"#row-{refused}")
    expect(row.get_by_role("alert")).to_contain_text("Nothing was published: This statement was sent back on")
    expect(page.locator(f"#row-{long_one}")).to_have_count(0)
    screenshot(page, "review-queue-round-after")
    states = [
        page.request.get(f"/api/v1/statements/{uuid}/?include=drafts", headers=editor).json()["state"]
        for uuid in (long_one, refused)
    ]
    assert states == ["published", "draft"]
