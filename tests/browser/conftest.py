"""Fixtures of the browser tests.

    site        (session)   the running site with the demo data: site.base_url,
                            site.url("/admin/"), and the demo accounts
                            site.logins["editor"|"reviewer"] (.username, .password, .token)
    browser     (module)    headless Debian Chromium (Playwright's sync API)
    page        (function)  a fresh browser context and page on the site, relative URLs
                            work (page.goto("/admin/")); the test fails on any console
                            error, CSP violation, uncaught exception in the page or
                            request to another host
    page_watch  (function)  those problems as they are recorded; a test that provokes
                            some on purpose (an error page logs a console error too)
                            checks and clears them with page_watch.take()

From tests.browser.harness: `screenshot(page, name)` saves var/screenshots/<name>.png;
`expect` is Playwright's (auto-waiting: use it rather than plain asserts on the page).
Without Chromium or Playwright the tests here skip, saying which is missing (CI, where
a skip fails, installs Chromium). A failure's report carries the site's log during the
test and a screenshot, var/screenshots/failed-<test>.png.
"""

from __future__ import annotations

import contextlib
import re

import pytest

from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, PageWatch, expect, missing, screenshot, start_site

WATCH = pytest.StashKey[PageWatch]()
LOG_OFFSET = pytest.StashKey[int]()


@pytest.fixture(scope="session", autouse=True)
def _browser_available():
    """First of all, so that no site starts for tests that are bound to skip."""
    reason = missing()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    running = start_site(tmp_path_factory.mktemp("site"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    reason = missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright  # only once it is known to be there

    # The machine may be busy (two cores): wait a little longer than Playwright's 5 s.
    expect.set_options(timeout=15_000)
    # Started and stopped with the module: Playwright's event loop must not outlive the
    # browser tests, or the ORM of every test after them would refuse to run.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_watch(browser, site, request):
    context = browser.new_context(base_url=site.base_url)
    watch = PageWatch(context)
    request.node.stash[WATCH] = watch
    yield watch
    context.close()


@pytest.fixture
def page(page_watch):
    opened = page_watch.context.new_page()
    page_watch.watch(opened)
    return opened


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """The test fails on what its pages reported, even when its own checks passed."""
    watch = item.stash.get(WATCH, None)
    site = item.funcargs.get("site")
    if site is not None:
        item.stash[LOG_OFFSET] = site.log_size()
    try:
        result = yield
    except BaseException as failure:
        if watch is not None:
            watch.settle()
            if watch.problems:
                failure.add_note(watch.report())
        raise
    if watch is not None:
        watch.settle()
        if watch.problems:
            pytest.fail(watch.report(), pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and call.when in ("setup", "call"):
        opened = item.funcargs.get("page")
        if opened is not None:
            name = "failed-" + re.sub(r"[^\w.-]+", "-", item.nodeid.split("::", 1)[-1])
            with contextlib.suppress(Exception):
                report.sections.append(("screenshot", str(screenshot(opened, name))))
        site = item.funcargs.get("site")
        if site is not None:
            offset = item.stash.get(LOG_OFFSET, max(site.log_size() - 20_000, 0))
            report.sections.append((f"the site's log ({site.log})", site.log_since(offset)[-20_000:]))
    return report
