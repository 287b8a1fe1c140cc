"""An editor puts back the first wording of a draft statement from its history page, in
Chromium against the running site with the demo data; once a reviewer publishes it, the
round's page shows the restored words."""

import pytest

from tests.browser.harness import expect, screenshot

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

FIRST = "The talks were difficult, but useful."


def test_an_editor_restores_the_first_text_of_a_draft_statement(page, site):
    editor = site.logins["editor"]
    token = {"Authorization": f"Token {editor.token}"}
    created = page.request.post(
        "/api/v1/statements/",
        headers=token,
        data={
            "process": "russia-ukraine",
            "round": "geneva-2026-02-17",
            "speaker": "rustem-umerov",
            "date": "2026-02-17",
            "medium": "press_remarks",
            "kind": "quote",
            "language": "en",
            "text": FIRST,
        },
    )
    expect(created).to_be_ok()
    uuid = created.json()["uuid"]
    url = f"/api/v1/statements/{uuid}/"
    for text in ("The talks were difficult.", "The talks were useful."):
        expect(page.request.patch(url, headers=token, data={"text": text})).to_be_ok()

    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(editor.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    history = f"/records/issues.statement/{uuid}/history/"
    page.goto(history)
    expect(page.get_by_role("heading", level=1)).to_contain_text("History of")
    newest = page.get_by_role("article", name="Version 3, changed")
    expect(newest).to_contain_text("The talks were difficult.")
    expect(newest).to_contain_text("The talks were useful.")
    expect(newest).to_contain_text(f"by {editor.username}")
    page.get_by_role("article", name="Version 1, created").get_by_role("button", name="Restore this version").click()

    expect(page).to_have_url(site.url(history))
    expect(page.get_by_role("status")).to_contain_text("Restored: the record is now at version 4.")
    restored = page.get_by_role("article", name="Version 4, changed")
    expect(restored.locator("td.new")).to_have_text(FIRST)
    screenshot(page, "page-record-history")

    answer = page.request.get(f"{url}?include=drafts", headers=token)
    expect(answer).to_be_ok()
    assert answer.json()["text"] == FIRST
    assert answer.json()["version"] == 4

    # A reviewer publishes the restored draft (with a source, as publishing requires):
    # the round's page shows the restored words.
    source = page.request.get("/api/v1/sources/?page_size=1").json()["results"][0]["uuid"]
    expect(page.request.patch(url, headers=token, data={"sources": [source]})).to_be_ok()
    reviewer = {"Authorization": f"Token {site.logins['reviewer'].token}"}
    expect(page.request.post(f"{url}publish/", headers=reviewer)).to_be_ok()
    page.goto("/rounds/geneva-2026-02-17/")
    expect(page.locator(f"#statement-{uuid}")).to_contain_text(FIRST)
    screenshot(page, "page-round-after-restore")
