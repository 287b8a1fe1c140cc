"""The browser machinery against what the site has today: the admin's sign-in, the API docs
under the Content Security Policy, the API read from within the browser; and the watch
that fails a test on what a page reports."""

import pytest

from tests.browser.harness import expect, screenshot

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

GENEVA = "geneva-2026-02-17"


def test_the_demo_editor_signs_in_and_reaches_the_admin_index(page, site):
    editor = site.logins["editor"]
    page.goto("/admin/login/")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    screenshot(page, "admin-login")

    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(editor.password)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(site.url("/admin/"))
    expect(page.locator("#site-name")).to_have_text("negotrack editors")
    expect(page.locator("#user-tools")).to_contain_text(f"Welcome, {editor.username}.")
    expect(page.get_by_role("link", name="Statements", exact=True)).to_be_visible()
    screenshot(page, "admin-index")


def test_the_api_docs_render_under_the_content_security_policy(page):
    response = page.goto("/api/v1/docs/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("negotrack API")
    # The operations come from /api/v1/schema/, fetched and rendered by Swagger UI.
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/rounds/{slug}/").first).to_be_visible()
    screenshot(page, "api-docs")


def test_the_browser_reads_a_round_from_the_api(page, site):
    answer = page.request.get(f"/api/v1/rounds/{GENEVA}/")
    expect(answer).to_be_ok()
    assert answer.headers["content-type"].startswith("application/json")
    talk_round = answer.json()
    assert talk_round["slug"] == GENEVA and talk_round["city"] == "Geneva"
    assert talk_round["process"] == "russia-ukraine"
    assert {session["track"] for session in talk_round["sessions"]} == {"political", "military", "plenary"}
    assert "united-states" in {delegation["party"]["slug"] for delegation in talk_round["delegations"]}

    page.goto(f"/api/v1/rounds/{GENEVA}/")  # the browsable API, as a person sees it
    expect(page.locator(".response-info")).to_contain_text(f'"slug": "{GENEVA}"')
    screenshot(page, "api-round")


def test_the_watch_records_what_must_fail_a_browser_test(page, page_watch):
    """Console errors, CSP violations, uncaught exceptions and requests to another host
    are each caught (then taken, so that this test passes)."""
    page.goto("/admin/login/")
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "window.ran = true";
            document.head.append(script);
        }""")
    assert page.evaluate("window.ran") is None, "the inline script must not have run"
    with page.expect_console_message(lambda message: message.type == "error"):
        page.evaluate("() => console.error('logged on purpose')")
    with page.expect_event("pageerror"):
        page.evaluate("() => { setTimeout(() => { throw new Error('thrown on purpose'); }); }")
    # A page without the policy, which would otherwise load the image from elsewhere.
    page.goto("about:blank")
    with page.expect_event("requestfailed", lambda request: request.url.startswith("http://elsewhere.invalid/")):
        page.set_content('<img src="http://elsewhere.invalid/pixel.png" alt="">')

    problems = page_watch.take()
    assert any("Content Security Policy" in problem for problem in problems), problems
    assert any(problem.startswith("console error: logged on purpose") for problem in problems), problems
    assert any("Error: thrown on purpose" in problem for problem in problems), problems
    assert "a request to another host: GET http://elsewhere.invalid/pixel.png" in problems, problems
