"""A round in Ankara, in Chromium against the running site, from the entry page to the
public record: an editor changes a row's speaker (Medinsky, then Fidan) and the page brings
the new speaker's party and title; a row that gives Fidan a party he never sat for is
refused for its party until the editor says it is right. A reviewer sends that one back
with a question, then publishes the round's drafts at once from the queue: the other is
published, the one sent back is refused on its row."""

import re

import pytest

from tests.browser.harness import expect, screenshot
from tests.browser.test_after_session import sign_in, sign_out

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

SAID_BY_FIDAN = "Türkiye is ready to host the next round of talks in Istanbul."
MISATTRIBUTED = "Our delegation came to Ankara to work, not to make speeches."


def ankara_round(page, token) -> str:
    """A round in Ankara, set up through the API: Russia with Medinsky, Türkiye hosting
    with Fidan; its slug."""

    def post(path, **data):
        answer = page.request.post(f"/api/v1/{path}/", headers=token, data=data)
        expect(answer).to_be_ok()
        return answer.json()

    medinsky = page.request.get("/api/v1/people/?q=Medinsky").json()["results"][0]["slug"]
    fidan = post("people", name="Hakan Fidan", description="Foreign Minister of Türkiye", confirm_new=True)["slug"]
    turkiye = post("parties", name="Türkiye", slug="turkiye")["slug"]
    talks = post("rounds", process="russia-ukraine", city="Ankara", country="Türkiye", start_date="2026-03-10")
    russians = post("delegations", round=talks["slug"], party="russia")["uuid"]
    hosts = post("delegations", round=talks["slug"], party=turkiye, roles=["host"])["uuid"]
    post("memberships", delegation=russians, person=medinsky, title="aide to the Russian president", role="head")
    post("memberships", delegation=hosts, person=fidan, title="foreign minister", role="head")
    return talks["slug"]


def test_the_party_follows_the_speaker_a_party_never_held_asks_the_editor_and_the_round_is_published_at_once(
    page, page_watch, site
):
    editor = site.logins["editor"]
    token = {"Authorization": f"Token {editor.token}"}
    slug = ankara_round(page, token)
    sign_in(page, editor)
    page.goto(f"/entry/{slug}/")
    page.locator("#sources-0").get_by_label("Or a new one: outlet").fill("Anadolu Agency")

    # The editor types Medinsky, then thinks better of it: Fidan said it.
    first = page.locator("#statements-0")
    speaker = first.get_by_label("Speaker", exact=True)
    speaker.fill("Vladimir Medinsky")
    speaker.press("Tab")
    expect(first.get_by_label("Speaks for")).to_have_value(re.compile(r"\d+"))
    expect(first.locator("select[name$='-party'] option:checked")).to_have_text("Russia")
    expect(first.get_by_label("Title", exact=True)).to_have_value("aide to the Russian president")
    speaker.fill("Hakan Fidan")
    speaker.press("Tab")
    expect(first.locator("select[name$='-party'] option:checked")).to_have_text("Türkiye")
    expect(first.get_by_label("Title", exact=True)).to_have_value("foreign minister")
    expect(first.get_by_label("1: Anadolu Agency")).to_be_checked()
    first.get_by_label("Text", exact=True).fill(SAID_BY_FIDAN)

    # A second row gives Fidan Russia's side: refused for its party, nothing saved.
    second = page.locator("#statements-1")
    second.get_by_label("Speaker", exact=True).fill("Hakan Fidan")
    second.get_by_label("Speaker", exact=True).press("Tab")
    second.get_by_label("Speaks for").select_option(label="Russia")
    second.get_by_label("Text", exact=True).fill(MISATTRIBUTED)
    page.get_by_role("button", name="Save all as drafts").first.click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing was saved: 1 row needs attention")
    expect(summary).to_contain_text("Hakan Fidan never sat in a delegation of Russia (on record only for Türkiye)")
    assert any("400" in problem for problem in page_watch.take())  # the refusal answers 400
    refused = page.locator("#statements-1")
    expect(refused.get_by_label("The party is right")).to_be_visible()
    expect(page.locator("#statements-0").get_by_label("The party is right")).to_have_count(0)
    refused.scroll_into_view_if_needed()
    screenshot(page, "page-entry-refused-party")

    # The report did put it that way: the editor says the party is right, and saves.
    refused.get_by_label("The party is right").check()
    page.get_by_role("button", name="Save all as drafts").first.click()
    expect(page.get_by_role("status")).to_contain_text("Saved as drafts for review: 2 statements.")

    drafts = page.request.get(f"/api/v1/statements/?round={slug}&include=drafts", headers=token).json()["results"]
    saved = {row["text"]: (row["party"], row["speaker_title"]) for row in drafts}
    assert saved == {SAID_BY_FIDAN: ("turkiye", "foreign minister"), MISATTRIBUTED: ("russia", "foreign minister")}

    # The reviewer asks about the second row, then publishes the round's drafts at once.
    reviewer = {"Authorization": f"Token {site.logins['reviewer'].token}"}
    uuids = {row["text"]: row["uuid"] for row in drafts}
    question = "Did Fidan speak for Russia here?"
    sent = page.request.post(
        f"/api/v1/statements/{uuids[MISATTRIBUTED]}/send-back/", headers=reviewer, data={"note": question}
    )
    expect(sent).to_be_ok()
    sign_out(page)
    sign_in(page, site.logins["reviewer"])
    page.goto("/review/")
    group = page.locator("section.review-group", has=page.get_by_role("heading", name=re.compile("Ankara")))
    boxes = group.get_by_role("checkbox")
    expect(boxes).to_have_count(2)
    for index in range(2):
        boxes.nth(index).check()
    group.get_by_role("button", name="Publish the checked drafts of this round").click()

    expect(page.locator(".notices")).to_contain_text("1 published, 1 refused.")
    refused_row = page.locator(f"#row-{uuids[MISATTRIBUTED]}")
    expect(refused_row.get_by_role("alert")).to_contain_text(f"with the note “{question}”")
    expect(refused_row).not_to_contain_text("changed since")  # it was not: that is why it was refused
    screenshot(page, "review-queue-ankara-published-at-once")
    states = {
        text: page.request.get(f"/api/v1/statements/{uuid}/?include=drafts", headers=token).json()["state"]
        for text, uuid in uuids.items()
    }
    assert states == {SAID_BY_FIDAN: "published", MISATTRIBUTED: "draft"}
