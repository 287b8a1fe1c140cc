"""The embed page (/issues/{slug}/embed/): an issue's timeline drawn by TimelineJS, the
one page that any site may frame, under the site's policy otherwise; every other page
still refuses to be framed. The issue page offers the <iframe> code.
(tests/browser/test_timeline_embed.py frames it in Chromium.)"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from issues.models import TimelineEntry
from issues.timelines import rebuild
from tests.factories import IssueFactory, IssueStatusFactory
from tests.issues.pages.test_csp import EVENT_ATTRIBUTE, INLINE_SCRIPT, STYLE_ATTRIBUTE, directives
from tests.pages import PRISONERS, page

EMBED = f"/issues/{PRISONERS}/embed/"
VENDOR = Path(settings.BASE_DIR) / "static" / "vendor" / "timelinejs"


@pytest.mark.usefixtures("demo")
class TestTheEmbedPage:
    def test_any_site_may_frame_it_under_the_sites_policy_otherwise(self, client):
        embedded, issue_page = client.get(EMBED), client.get(f"/issues/{PRISONERS}/")
        assert embedded.status_code == 200
        assert "X-Frame-Options" not in embedded
        policy = directives(embedded["Content-Security-Policy"])
        assert policy.pop("frame-ancestors") == ["*"]
        assert policy == {
            name: values
            for name, values in directives(issue_page["Content-Security-Policy"]).items()
            if name != "frame-ancestors"
        }
        assert policy["script-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]

    def test_every_other_page_still_refuses_to_be_framed(self, client):
        for url in ("/", f"/issues/{PRISONERS}/", f"/api/v1/issues/{PRISONERS}/timeline/?format=timelinejs"):
            response = client.get(url)
            assert response["X-Frame-Options"] == "DENY", url
            assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"], url

    def test_it_loads_timelinejs_and_the_timeline_from_our_own_origin(self, client):
        markup = page(client, EMBED)
        sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', markup)
        assert sources == [
            "/static/vendor/timelinejs/css/timeline.css",
            "/static/css/embed.css",
            "/static/vendor/timelinejs/js/timeline.js",
            "/static/js/timeline-embed.js",
        ]
        assert f'data-source="/api/v1/issues/{PRISONERS}/timeline/?format=timelinejs"' in markup
        assert not (INLINE_SCRIPT.findall(markup) or STYLE_ATTRIBUTE.findall(markup) or EVENT_ATTRIBUTE.findall(markup))
        assert f'href="http://testserver/issues/{PRISONERS}/" target="_blank" rel="noopener"' in markup

    def test_a_repeat_visit_answers_304_and_a_kept_answer_may_be_framed_too(self, client, settings):
        settings.ANSWERS_KEPT_SECONDS = 600
        first = client.get(EMBED)
        kept = client.get(EMBED)  # served from the cache (negotrack.answers)
        again = client.get(EMBED, headers={"if-none-match": first["ETag"]})
        assert (kept.status_code, again.status_code) == (200, 304)
        assert kept.content == first.content
        for response in (kept, again):
            assert "X-Frame-Options" not in response
            assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["*"]

    def test_it_runs_a_fixed_number_of_queries(self, client, django_assert_num_queries):
        # The change log's state, the issue, whether its timeline has entries.
        with django_assert_num_queries(3):
            assert client.get(EMBED).status_code == 200

    def test_an_unknown_issue_answers_404(self, client):
        assert client.get("/issues/no-such-issue/embed/").status_code == 404

    def test_an_issue_with_nothing_on_record_says_so_without_timelinejs(self, client):
        issue = IssueFactory(name="A new agenda issue")
        assert not TimelineEntry.objects.filter(issue=issue).exists()
        markup = page(client, f"/issues/{issue.slug}/embed/")
        assert "Nothing on record for A new agenda issue yet." in markup
        assert "timeline.js" not in markup

    def test_the_issue_page_offers_the_iframe_code_to_copy(self, client):
        markup = page(client, f"/issues/{PRISONERS}/")
        code = (
            f"&lt;iframe src=&quot;http://testserver/issues/{PRISONERS}/embed/&quot; "
            "title=&quot;Timeline: Prisoner exchange&quot; width=&quot;100%&quot; height=&quot;650&quot; "
            "style=&quot;border: 0&quot;&gt;&lt;/iframe&gt;"
        )
        assert "<summary>Embed this timeline</summary>" in markup
        assert f"<pre><code>{code}</code></pre>" in markup
        assert f'href="/api/v1/issues/{PRISONERS}/timeline/?format=timelinejs"' in markup


def test_the_iframe_code_escapes_the_issue_name_for_the_page_it_goes_into(client, db):
    """What is copied from the page is HTML for another page: the name escaped once in it,
    so the code shown on our page holds it escaped twice."""
    issue = IssueFactory(name='Talks "in <good> faith"')
    IssueStatusFactory(issue=issue, publish=True)
    rebuild.rebuild_issue(issue.pk)
    markup = page(client, f"/issues/{issue.slug}/")
    assert "title=&quot;Timeline: Talks &amp;quot;in &amp;lt;good&amp;gt; faith&amp;quot;&quot;" in markup


def test_timelinejs_is_vendored_whole_with_its_licence_and_nothing_from_other_hosts():
    assert finders.find("vendor/timelinejs/js/timeline.js") and finders.find("vendor/timelinejs/css/timeline.css")
    assert (VENDOR / "LICENSE").read_text().startswith("Mozilla Public License, version 2.0")
    assert (VENDOR / "VERSION").read_text().startswith("@knight-lab/timelinejs 3.9.11\n")
    stylesheet = (VENDOR / "css" / "timeline.css").read_text()
    # Every file the stylesheet names is vendored beside it (collectstatic's manifest refuses
    # a missing one), and none is on another host.
    named = {re.split(r"[?#]", url)[0] for url in re.findall(r"url\(([^)]+)\)", stylesheet)}
    assert named and not [url for url in named if "//" in url]
    for url in named:
        assert (VENDOR / "css" / "icons" / Path(url).name).is_file(), url
    assert "sourceMappingURL" not in stylesheet + (VENDOR / "js" / "timeline.js").read_text()
