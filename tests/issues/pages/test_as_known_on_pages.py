"""`?as_known_on=` on the analysts' pages and feeds (negotrack.as_known): each page shows
the public record as it stood, under a banner that says so, with a line under each record
changed since; its links keep the moment, but the one to the record as it is now; and
"Cite this page" fixes a page to the moment it shows.

The record is tests.as_known_record's: published on 10 February 2026, partly corrected,
withdrawn and edited on 20 February. The API's reads have their tests in
tests/negotrack/test_as_known_on.py, whose refusals hold for the pages too.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import resolve

from issues import services
from issues.models import Statement
from issues.pages import feed_urls
from issues.pages import urls as page_urls
from negotrack import as_known
from negotrack.groups import system_user
from tests import as_known_record as told
from tests.as_known_record import AFTER, BEFORE, BETWEEN
from tests.negotrack.test_as_known_on import at, count, made
from tests.pages import fragment, section, text

BANNER = "The record as it stood at the end of 19 February 2026 (UTC)."
BETWEEN_MOMENT = "2026-02-19T23:59:59.999999Z"
CHANGED = "has changed since then: see the record as it is now."


@dataclass(frozen=True)
class Page:
    """A page or a feed, what it shows on 19 February (`then`) and after 20 February
    (`now`), and its queries on 19 February, the making of the stand-ins left out: a page's
    own, and one for each kind of record that it asks whether it changed since
    (negotrack.as_known.changed_since). A page that shows a timeline builds it for the read,
    as it stood: PostgreSQL writes its entries with COPY, which Django's count of queries
    leaves out, where SQLite runs an INSERT; so one query fewer there."""

    path: str
    then: tuple[str, ...]
    now: tuple[str, ...]
    queries: dict[str, int]
    # On 1 February, before anything was published: what the page says, or its status.
    before: str | int = 404


def pages(story: told.Story) -> dict[str, Page]:
    process, issue, round_slug = story.process.slug, story.issue.slug, story.round.slug
    withdrawn = "Withdrawn on 20 Feb 2026"
    return {
        "home": Page("/", (told.SAID, told.KEPT, told.TERMS, "cell cell-progress"),
                     (told.SAID_CORRECTED, withdrawn, "cell cell-stalled"), count(14, tables=14),
                     before="No negotiation process is recorded yet."),
        "process": Page(f"/processes/{process}/", ("cell cell-progress",), ("cell cell-stalled",), count(7, tables=6)),
        "round": Page(f"/rounds/{round_slug}/", (told.SUMMARY, told.SAID, told.KEPT, told.TERMS, told.TITLE,
                                                 told.SOURCE_TITLE),
                      (told.SUMMARY_CORRECTED, told.SAID_CORRECTED, withdrawn, told.TITLE_LATER,
                       told.SOURCE_TITLE_LATER), count(22, tables=21)),
        "issue": Page(f"/issues/{issue}/", (told.SUMMARY, told.STANCE, told.TERMS, told.SAID),
                      (told.SUMMARY_CORRECTED, told.SAID_CORRECTED, "No party position recorded yet.", withdrawn),
                      count(32, 31, tables=17)),
        "issue embed": Page(f"/issues/{issue}/embed/", ("Territory",), ("Territory",), count(19, 18, tables=17)),
        "person": Page(f"/people/{story.person.slug}/", (told.SAID, told.KEPT, told.TITLE),
                       (told.SAID_CORRECTED, told.TITLE_LATER), count(8, tables=12)),
        "party": Page("/parties/ukraine/", (told.STANCE, " · current", told.TITLE), (withdrawn, told.TITLE_LATER),
                      count(7, tables=10)),
        "people": Page("/people/", ("Rustem Umerov",), (told.NEWCOMER,),
                       count(2, tables=2), before="No one on record yet."),
        "parties": Page("/parties/", ("Russia", "Ukraine"), (told.RUSSIA_LATER,), count(2, tables=2),
                        before="No party on record yet."),
        "statements": Page("/statements/", ("2 statements", told.SAID, told.KEPT), (told.SAID_CORRECTED,),
                           count(11, tables=9), before="0 statements"),
        "statements found": Page("/statements/?q=Donbas", ("1 statement found", told.SAID), ("0 statements found",),
                                 count(11, tables=9), before="0 statements found"),
        "statements found after": Page("/statements/?q=Zaporizhzhia", ("0 statements found",),
                                       ("1 statement found", told.SAID_CORRECTED), count(7, tables=6),
                                       before="0 statements found"),
        "compare": Page(f"/processes/{process}/compare/", (told.SAID, told.KEPT, told.TITLE),
                        (told.SAID_CORRECTED, told.TITLE_LATER), count(14, tables=12)),
        "process statements feed": Page(f"/processes/{process}/statements.atom", (told.SAID, told.KEPT),
                                        (told.SAID_CORRECTED,), count(3, tables=7)),
        "process statuses feed": Page(f"/processes/{process}/statuses.atom", (told.SUMMARY,),
                                      (told.SUMMARY_CORRECTED,), count(3, tables=6)),
        "issue statements feed": Page(f"/issues/{issue}/statements.atom", (told.SAID, told.KEPT),
                                      (told.SAID_CORRECTED,), count(3, tables=9)),
        "issue statuses feed": Page(f"/issues/{issue}/statuses.atom", (told.SUMMARY,), (told.SUMMARY_CORRECTED,),
                                    count(3, tables=6)),
    }  # fmt: skip


PAGES = [
    "home", "process", "round", "issue", "issue embed", "person", "party", "people", "parties", "statements",
    "statements found", "statements found after", "compare", "process statements feed", "process statuses feed",
    "issue statements feed", "issue statuses feed",
]  # fmt: skip
HTML_PAGES = [name for name in PAGES if not name.endswith("feed") and name != "issue embed"]


def later(story: told.Story) -> list[str]:
    """What no page shows on 19 February: the corrections, the withdrawals, the edits and
    the records of 20 February."""
    return [
        told.SAID_CORRECTED, told.SUMMARY_CORRECTED, told.WITHDRAWAL_NOTE, told.PROCESS_NOTE_LATER,
        told.ROUND_SUMMARY_LATER, told.SESSION_SUMMARY_LATER, told.TITLE_LATER, told.SOURCE_TITLE_LATER,
        told.DELEGATION_NOTE_LATER, told.ALIAS_LATER, told.RUSSIA_LATER, told.NEWCOMER, "Withdrawn on",
        "Corrected on", "cell-stalled", str(story.statement_correction.uuid), str(story.status_correction.uuid),
    ]  # fmt: skip


def read(client, path: str) -> tuple[int, str]:
    response = client.get(path)
    return response.status_code, html.unescape(response.content.decode())


def unfixed(markup: str) -> str:
    """A page shown as it stood without what keeps its moment: the parameter in its links,
    and in its forms."""
    markup = re.sub(r'(\?|&amp;|&)as_known_on=[^"#&]*', "", markup)
    return re.sub(r'<input type="hidden" name="as_known_on" value="[^"]*">', "", markup)


def main(markup: str) -> str:
    return fragment(markup, "content")


@pytest.fixture
def story(as_known_story, db):
    """The module's record, each test's changes to it rolled back after the test."""
    return as_known_story


def test_every_page_and_feed_is_read_here(story):
    assert sorted(pages(story)) == sorted(PAGES)
    every = {f"pages:{pattern.name}" for pattern in page_urls.urlpatterns}
    every |= {f"feeds:{pattern.name}" for pattern in feed_urls.urlpatterns}
    assert {resolve(urlsplit(page.path).path).view_name for page in pages(story).values()} == every


@pytest.mark.parametrize("name", PAGES)
def test_a_page_shows_the_record_as_it_stood_before_the_corrections_and_as_it_is_after(
    client, story, name, django_assert_num_queries
):
    page = pages(story)[name]
    # The day before the corrections: the record as it stood then, and nothing of what came later.
    with django_assert_num_queries(made(page.queries)):
        status, then = read(client, at(page.path, BETWEEN))
    assert status == 200
    assert [marker for marker in page.then if marker not in then] == []
    assert [marker for marker in later(story) if marker in then] == []

    # The day after: the record as it is, the same page as without the moment.
    (now_status, now), (after_status, after) = read(client, page.path), read(client, at(page.path, AFTER))
    assert now_status == after_status == 200
    assert [marker for marker in page.now if marker not in now] == []
    if name in HTML_PAGES:
        assert unfixed(main(after)) == main(now)
        # The banner on the pages shown as they stood, and on no other; nothing changed since the 21st.
        assert BANNER in text(then)
        assert "The record as it stood at the end of 21 February 2026 (UTC)." in text(after)
        assert "The record as it stood" not in text(now)
        assert CHANGED not in now and CHANGED not in after
    else:
        assert unfixed(after) == now

    # Before anything was published: nothing.
    status, before = read(client, at(page.path, BEFORE))
    if isinstance(page.before, int):
        assert status == page.before
    else:
        assert status == 200
        assert page.before in text(main(before))
        assert told.KEPT not in before


@pytest.mark.parametrize("name", HTML_PAGES)
def test_links_on_a_page_as_it_stood_keep_the_moment_but_the_one_to_the_record_as_it_is(client, story, name):
    path = pages(story)[name].path
    _, then = read(client, at(path, BETWEEN))
    moment = BETWEEN_MOMENT
    for target in re.findall(r'href="(/[^"#]*)', then):
        if target.startswith(as_known.REFUSED_PREFIXES):
            assert "as_known_on=" not in target, target
        else:
            assert parse_qs(urlsplit(target).query)["as_known_on"] == [moment], target
    for form in re.findall(r"<form\b[^>]*>", then):
        assert 'method="post"' not in form
        assert f'{form}<input type="hidden" name="as_known_on" value="{moment}">' in then
    # The banner's link, and those under the records changed since, lead to the record as it is.
    now_links = re.findall(r'<a href="([^"]*)">(?:See|see) the record as it is now</a>', then)
    assert now_links and set(now_links) == {f"http://testserver{path}"}, now_links


def test_a_link_followed_from_a_page_as_it_stood_leads_to_a_page_as_it_stood(client, story):
    _, then = read(client, at("/", BETWEEN))
    person = re.search(r'href="(/people/rustem-umerov/[^"]*)"', then).group(1)
    _, followed = read(client, person)
    assert BANNER in text(followed)
    assert told.SAID in followed and told.SAID_CORRECTED not in followed


def test_the_issue_page_says_under_its_status_and_positions_that_they_changed_since(client, story):
    _, then = read(client, at(pages(story)["issue"].path, BETWEEN))
    assert "This issue status has changed since then: see the record as it is now." in section(then, "current")
    assert "This position has changed since then: see the record as it is now." in section(then, "positions")
    agreement = text(fragment(then, f"agreement-{story.agreement.uuid}"))
    assert agreement.endswith("This agreement has changed since then: see the record as it is now.")


@pytest.mark.parametrize("name", ["home", "round", "person", "statements", "compare"])
def test_a_statement_card_says_it_changed_since_and_an_unchanged_one_does_not(client, story, name):
    _, then = read(client, at(pages(story)[name].path, BETWEEN))
    changed = text(fragment(then, f"statement-{story.statement.uuid}"))
    assert told.SAID in changed
    assert changed.endswith("This statement has changed since then: see the record as it is now.")
    assert "changed since" not in fragment(then, f"statement-{story.kept.uuid}")


def test_the_round_page_says_under_a_status_that_it_changed_since(client, story):
    _, then = read(client, at(pages(story)["round"].path, BETWEEN))
    row = section(then, "issues")
    assert told.SUMMARY in row
    assert "This issue status has changed since then: see the record as it is now." in row


def test_the_party_page_says_under_a_position_that_it_changed_since(client, story):
    _, then = read(client, at(pages(story)["party"].path, BETWEEN))
    positions = section(then, "positions")
    assert told.STANCE in positions
    assert positions.endswith("This position has changed since then: see the record as it is now.")


@pytest.mark.parametrize("name", ["home", "round", "issue"])
def test_an_agreement_withdrawn_since_says_it_changed_since(client, story, name):
    _, then = read(client, at(pages(story)[name].path, BETWEEN))
    card = text(fragment(then, f"agreement-{story.agreement.uuid}"))
    assert told.TERMS in card and "Withdrawn" not in card
    assert card.endswith("This agreement has changed since then: see the record as it is now.")
    _, after = read(client, at(pages(story)[name].path, AFTER))
    assert CHANGED not in after


def cite_link(markup: str) -> str:
    return re.search(r'<p class="cite">Cite this page: <a href="([^"]*)">', markup).group(1)


@pytest.mark.parametrize("name", HTML_PAGES)
def test_cite_this_page_fixes_the_page_to_the_newest_change_it_shows(
    client, story, name, django_capture_on_commit_callbacks
):
    # A change of today, as well as those moved to February, for the citation to hold; and
    # the rebuild of its timeline that follows its commit.
    with django_capture_on_commit_callbacks(execute=True):
        services.record_withdraw(Statement.objects.get(pk=story.kept.pk), by=system_user(), note="Said elsewhere.")
    path = pages(story)[name].path
    _, now = read(client, path)
    cited = cite_link(now)
    assert cited.startswith(f"http://testserver{path}{'&' if '?' in path else '?'}as_known_on=")
    _, followed = read(client, cited.removeprefix("http://testserver"))
    assert "The record as it stood at" in text(followed)
    assert unfixed(main(followed)) == main(now)
    # The page as it stood cites itself at its own moment.
    assert cite_link(followed) == cited


def test_a_page_as_it_stood_cites_the_moment_it_shows(client, story):
    _, then = read(client, at("/statements/?q=Donbas", BETWEEN))
    assert cite_link(then) == f"http://testserver/statements/?q=Donbas&as_known_on={BETWEEN_MOMENT}"


def test_the_embedded_timeline_as_it_stood_reads_the_timeline_as_it_stood(client, story):
    _, then = read(client, at(pages(story)["issue embed"].path, BETWEEN))
    source = re.search(r'data-source="([^"]*)"', then).group(1)
    assert parse_qs(urlsplit(source).query) == {"format": ["timelinejs"], "as_known_on": [BETWEEN_MOMENT]}
    timeline = client.get(source).content.decode()
    assert told.SAID in timeline and told.SAID_CORRECTED not in timeline
    links = re.findall(r'<a href="([^"]*)"[^>]*>', then)
    assert links and set(links) == {f"http://testserver/issues/{story.issue.slug}/?as_known_on={BETWEEN_MOMENT}"}
    _, issue_then = read(client, links[0].removeprefix("http://testserver"))
    assert BANNER in text(issue_then)
