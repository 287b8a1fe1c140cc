"""Setting up a round from nothing, in Chromium against the running site with the demo data:
the Istanbul round of direct Russia–Ukraine talks (16 May 2025) in a new process, with
Turkey as host and mediator and its foreign minister in the chair, Ukraine's and Russia's
delegations, one name refused as a misspelling of someone on record and picked as him, one
refused as a look-alike and confirmed as a new person, and who sat in the session; then its
statements on the entry page, speakers typed by surname, and the round on its page."""

import json
import re

import pytest

from tests.browser.harness import expect, screenshot
from tests.browser.test_after_session import sign_in

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

PROCESS = "Russia–Ukraine direct talks, Istanbul"
ROUND = "istanbul-2025-05-16"
FIDAN = "There are two paths ahead of us: one leads to peace, the other to more destruction and death."
MEDINSKY = "We are generally satisfied with the result and are ready to continue contacts."
UMEROV = "The sides agreed to exchange a thousand prisoners of war for a thousand."


def member(page, number):
    return page.locator(f"#members-{number - 1}")


def fill_member(row, name, title, role):
    row.get_by_label("Name", exact=True).fill(name)
    row.get_by_label("Title").fill(title)
    row.get_by_label("Role", exact=True).select_option(label=role)


def test_an_editor_sets_up_the_istanbul_round_and_enters_its_statements(page, page_watch, site):
    editor = site.logins["editor"]
    # Someone on record whose name is close to one of Russia's delegates: the set-up must
    # not take the delegate for him, nor add the delegate without asking.
    token = {"Authorization": f"Token {editor.token}"}
    namesake = page.request.post(
        "/api/v1/people/",
        headers=token,
        data={"name": "Alexandr Fomin", "description": "a namesake (test data)", "confirm_new": True},
    )
    expect(namesake).to_be_ok()

    sign_in(page, editor)
    page.get_by_role("link", name="Enter a session").click()
    page.get_by_role("link", name="Set up a round").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up a new round")
    screenshot(page, "page-setup-new")

    the_round = page.get_by_role("group", name="The round")
    the_round.get_by_label("Or a new process: name").fill(PROCESS)
    the_round.get_by_label("Short name").fill("Istanbul talks")
    the_round.get_by_label("Status").select_option(label="concluded")
    the_round.get_by_label("First day").fill("2025-05-16")
    the_round.get_by_label("City").fill("Istanbul")
    the_round.get_by_label("Country").fill("Turkey")
    the_round.get_by_label("Venue").fill("Dolmabahçe Palace")
    the_round.get_by_label("Format").select_option(label="bilateral")

    session = page.locator("#sessions-0")
    session.get_by_label("Date").fill("2025-05-16")
    session.get_by_label("Summary").fill("The first direct talks since 2022, for less than two hours.")

    # Turkey, not on record yet: host and mediator; its foreign minister chairs.
    turkey = page.locator("#delegations-0")
    turkey.get_by_label("Or a new party").fill("Turkey")
    turkey.get_by_label("negotiating party").uncheck()
    turkey.get_by_label("host", exact=True).check()
    turkey.get_by_label("mediator", exact=True).check()
    fill_member(member(page, 1), "Hakan Fidan", "Minister of Foreign Affairs", "chair of the talks")
    member(page, 1).get_by_role("checkbox", name=re.compile("2025-05-16")).check()

    ukraine = page.locator("#delegations-1")
    ukraine.get_by_label("Party", exact=True).select_option(label="Ukraine")
    fill_member(member(page, 3), "Umerov", "Minister of Defence", "head of delegation")
    member(page, 3).get_by_role("checkbox", name=re.compile("2025-05-16")).check()
    fill_member(member(page, 4), "Serhiy Kyslytsya", "First Deputy Minister of Foreign Affairs", "member")

    # A third delegation and its members come without a round trip.
    page.get_by_role("button", name="Another delegation").click()
    russia = page.locator("#delegations-2")
    expect(russia).to_be_visible()
    russia.get_by_label("Party", exact=True).select_option(label="Russia")
    for _ in range(3):
        page.locator("[data-delegation='3']").get_by_role("button", name="Another member").click()
    expect(member(page, 5).get_by_label("Delegation")).to_have_value("3")
    fill_member(member(page, 5), "Vladimir Medinskiy", "Aide to the President", "head of delegation")
    member(page, 5).get_by_role("checkbox", name=re.compile("2025-05-16")).check()
    fill_member(member(page, 6), "Alexander Fomin", "Deputy Minister of Defence", "member")
    fill_member(member(page, 7), "Igor Kostyukov", "Head of the GRU", "member")

    page.get_by_role("button", name="Save the round").first.click()

    # Refused: two names are not taken without the editor's word, and nothing is saved.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing was saved: 2 parts need attention")
    expect(summary).to_contain_text("No one named “Vladimir Medinskiy” is on record. Did you mean “Vladimir Medinsky”?")
    expect(summary).to_contain_text("No one named “Alexander Fomin” is on record. Did you mean “Alexandr Fomin”?")
    expect(summary).to_be_focused()
    assert any("400" in problem for problem in page_watch.take())  # the refusal answers 400
    expect(the_round.get_by_label("Venue")).to_have_value("Dolmabahçe Palace")
    expect(member(page, 1).get_by_label("Name", exact=True)).to_have_value("Hakan Fidan")
    screenshot(page, "page-setup-refused-row")

    # Medinskiy is Medinsky, on record; Fomin the delegate is someone new.
    summary.get_by_role("link", name="Member 5").click()
    member(page, 5).get_by_role("radio", name=re.compile(r"Vladimir Medinsky \(vladimir-medinsky\)")).check()
    member(page, 6).get_by_role("radio", name="This is a new person: Alexander Fomin").check()
    screenshot(page, "page-setup")
    page.get_by_role("button", name="Save the round").first.click()

    notice = page.get_by_role("status")
    expect(notice).to_contain_text("The round Istanbul, 16 May 2025 is set up: 1 session, 3 delegations, 6 members.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up a round")
    expect(member(page, 1).get_by_label("Name", exact=True)).to_have_value("Vladimir Medinsky")
    screenshot(page, "page-setup-saved")

    # The statements, on the entry page, speakers typed as reports name them.
    notice.get_by_role("link", name="Enter a session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("After-session entry")
    source = page.locator("#sources-0")
    source.get_by_label("Or a new one: outlet").fill("Reuters")
    source.get_by_label("Headline").fill("Russia and Ukraine hold first direct talks in three years")
    source.get_by_label("Published on").fill("2025-05-16")
    for number, (speaker, text) in enumerate((("Fidan", FIDAN), ("Medinsky", MEDINSKY), ("Umerov", UMEROV))):
        row = page.locator(f"#statements-{number}")
        row.get_by_label("Speaker", exact=True).fill(speaker)
        row.get_by_label("Text", exact=True).fill(text)
    page.get_by_role("button", name="Save all as drafts").first.click()
    expect(page.get_by_role("status")).to_contain_text("Saved as drafts for review: 3 statements.")
    # Each speaks for their delegation, found by the surname typed.
    drafts = page.request.get(f"/api/v1/statements/?round={ROUND}&include=drafts", headers=token).json()["results"]
    said = [json.dumps([row["speaker"], row["party"]]) for row in drafts]
    for speaker, party in (("hakan-fidan", "turkey"), ("rustem-umerov", "ukraine"), ("vladimir-medinsky", "russia")):
        assert any(speaker in both and f'"{party}"' in both for both in said), said

    # The analysts' page of the round: its chair, its delegations and who sat where.
    page.goto(f"/rounds/{ROUND}/")
    main = page.locator("main")
    expect(main).to_contain_text("Dolmabahçe Palace")
    expect(main).to_contain_text(re.compile(r"Chaired by\s*Hakan Fidan, Minister of Foreign Affairs"))
    for name in ("Turkey", "Ukraine", "Russia", "Rustem Umerov", "Vladimir Medinsky", "Alexander Fomin"):
        expect(main).to_contain_text(name)
    expect(main).to_contain_text(re.compile("mediator and host"))
    people = page.request.get("/api/v1/people/?q=Fomin").json()["results"]
    assert sorted(person["name"] for person in people) == ["Alexander Fomin", "Alexandr Fomin"]
