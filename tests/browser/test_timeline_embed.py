"""Another site frames an issue's timeline: a newsroom's page, served on another origin by
a tiny HTTP server of the test's own, holds an <iframe> of the embed page, and TimelineJS
draws the timeline inside it from our own files and API, with nothing asked of any other
host. The same newsroom cannot frame the issue page itself. Screenshot `page-embed`."""

import contextlib
import functools
import http.server
import json
import re
import threading
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.browser.harness import SITE_HOST, expect, screenshot
from tests.processes import free_port

# The site as the embedded default serves it: the SQLite pass only (tests/conftest.py).
pytestmark = pytest.mark.sqlite_pass

ISSUE = "/issues/russia-ukraine-prisoner-exchange/"
FRAMING = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{title}</title></head>
<body><h1>{title}</h1>
<iframe id="framed" src="{src}" title="Timeline: Prisoner exchange" width="1000" height="600"></iframe>
</body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002  # the standard library's name
        pass


@pytest.fixture(scope="module")
def newsroom(site, tmp_path_factory) -> Iterator[str]:
    """Another origin (this machine, another port) serving two pages: one framing the embed
    page, one framing the issue page. Yields its base URL."""
    directory = tmp_path_factory.mktemp("newsroom")
    (directory / "story.html").write_text(FRAMING.format(title="A newsroom's story", src=site.url(ISSUE + "embed/")))
    (directory / "refused.html").write_text(FRAMING.format(title="Framing the issue page", src=site.url(ISSUE)))
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer((SITE_HOST, free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{SITE_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def timelinejs(site) -> dict:
    with urllib.request.urlopen(site.url(f"/api/v1{ISSUE}timeline/?format=timelinejs"), timeout=15) as answer:
        return json.load(answer)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_another_site_frames_the_timeline_and_timelinejs_draws_it_from_our_origin(page, site, newsroom):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.set_viewport_size({"width": 1040, "height": 700})
    page.goto(newsroom + "/story.html")
    framed = page.frame_locator("#framed")
    # The site is shared with the browser tests before this module, which may have
    # published more on this issue: what the timeline holds is read from the API now.
    events = timelinejs(site)["events"]
    headlines = [event["text"]["headline"] for event in events]
    assert headlines[0] == "Prisoner exchange: agreed"  # the demo record's, first
    assert {"Exchange of 314 prisoners of war", "Steve Witkoff (United States)"} <= set(headlines)
    # TimelineJS's markers in the navigation and its slides, one per event (and the title
    # slide); its rows, one per group, in the order the groups first come.
    expect(framed.locator(".tl-timemarker .tl-headline")).to_have_text(headlines)
    expect(framed.locator(".tl-slide .tl-headline").first).to_have_text("Prisoner exchange")
    expect(framed.locator(".tl-timegroup-message")).to_have_text(list(dict.fromkeys(e["group"] for e in events)))
    framed.locator(".tl-slidenav-next").first.click()
    current = framed.locator(f".tl-slide#{events[0]['unique_id']}")  # the first event's
    expect(current).to_contain_text("5 Feb 2026")
    expect(current.get_by_role("link", name="Abu Dhabi, 4–5 Feb 2026")).to_have_attribute(
        "href", site.url("/rounds/abu-dhabi-2026-02-04/")
    )
    # The slide has moved in once its text is wholly in the frame's view.
    expect(current.locator(".tl-text-content")).to_be_in_viewport(ratio=1)
    screenshot(page, "page-embed")
    # Our files, our API and the newsroom's page: nothing else, no font or script from a CDN.
    assert {origin(url) for url in asked} == {newsroom, site.base_url}
    ours = sorted({urlsplit(url).path for url in asked if origin(url) == site.base_url})
    icons = [path for path in ours if path.startswith("/static/vendor/timelinejs/css/icons/tl-icons.")]
    assert len(icons) == 1  # the icon font, in whichever of its formats the browser takes
    assert [path for path in ours if path not in icons] == [
        "/api/v1/issues/russia-ukraine-prisoner-exchange/timeline/",
        "/issues/russia-ukraine-prisoner-exchange/embed/",
        "/static/css/embed.css",
        "/static/js/timeline-embed.js",
        "/static/vendor/timelinejs/css/timeline.css",
        "/static/vendor/timelinejs/js/timeline.js",
    ]


def test_another_site_cannot_frame_the_issue_page(page, page_watch, newsroom):
    page.goto(newsroom + "/refused.html")
    expect(page.get_by_role("heading", name="Framing the issue page")).to_be_visible()
    refused = []
    for _ in range(50):  # Chromium reports the refusal a moment after the page loads
        refused = [problem for problem in page_watch.take() if "frame-ancestors 'none'" in problem]
        if refused:
            break
        page.wait_for_timeout(100)
    assert refused, "Chromium did not refuse to frame the issue page"
    with contextlib.suppress(Exception):
        assert not re.search("Prisoner exchange", page.frame_locator("#framed").locator("body").inner_text())
