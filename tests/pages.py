"""Reading the analysts' pages in tests: where each page is, what it says, and the demo
record to read them on.

The pages are read with Django's test client, as HTML. `text()` is what a reader sees
(tags dropped, entities decoded, spaces collapsed); `fragment()` is the HTML of one
element, found by its id, so that a test can look at one section of a page.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from types import SimpleNamespace

from django.core.management import call_command
from django.urls import reverse

from issues.models import Issue
from issues.timelines import rebuild

# Every analyst page, by its URL name.
PAGES = ["home", "process", "compare", "round", "issue", "people", "person", "parties", "party", "statements"]
DETAIL_PAGES = ["process", "compare", "round", "issue", "person", "party"]

# The demo dataset's slugs (issues/demo/data/facts/).
PROCESS = "russia-ukraine"
ABU_DHABI_I, ABU_DHABI_II, GENEVA = "abu-dhabi-2026-01-23", "abu-dhabi-2026-02-04", "geneva-2026-02-17"
US_IRAN_GENEVA = "us-iran-geneva-2026-02-17"
TERRITORY, PRISONERS, MONITORING = (
    "russia-ukraine-territory",
    "russia-ukraine-prisoner-exchange",
    "russia-ukraine-ceasefire-monitoring",
)
UMEROV, UKRAINE = "rustem-umerov", "ukraine"


def urls(*, process, talk_round, issue, person, party) -> dict[str, str]:
    """Each page's address for these records (the compare page with its default rounds)."""
    return {
        "home": reverse("pages:home"),
        "process": reverse("pages:process", args=[process.slug]),
        "compare": reverse("pages:compare", args=[process.slug]),
        "round": reverse("pages:round", args=[talk_round.slug]),
        "issue": reverse("pages:issue", args=[issue.slug]),
        "people": reverse("pages:people"),
        "person": reverse("pages:person", args=[person.slug]),
        "parties": reverse("pages:parties"),
        "party": reverse("pages:party", args=[party.slug]),
        "statements": reverse("pages:statements"),
    }


def _named(slug: str) -> SimpleNamespace:
    return SimpleNamespace(slug=slug)


DEMO_URLS = urls(
    process=_named(PROCESS),
    talk_round=_named(GENEVA),
    issue=_named(TERRITORY),
    person=_named(UMEROV),
    party=_named(UKRAINE),
)


def load_demo() -> None:
    """The demo dataset, with every timeline built (in a test's transaction nothing commits,
    so the rebuilds that would follow the commits are run here)."""
    call_command("seed_demo", verbosity=0)
    for issue_id in Issue.objects.values_list("pk", flat=True):
        rebuild.rebuild_issue(issue_id, force=True)


# --- reading a page -------------------------------------------------------------------


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def text(markup: str) -> str:
    """What a reader sees of some HTML: no tags, entities decoded, spaces collapsed (and
    none before a comma or a closing bracket, where a tag ended)."""
    without_tags = re.sub(r"<[^>]*>", " ", markup)
    collapsed = re.sub(r"\s+", " ", html.unescape(without_tags)).strip()
    return re.sub(r"\( ", "(", re.sub(r" ([,;:.)])", r"\1", collapsed))


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Fragment(HTMLParser):
    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id = element_id
        self.start: tuple[int, int] | None = None
        self.end: tuple[int, int] | None = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if self.end is not None or tag in _VOID:
            return
        if self.start is not None:
            self.depth += 1
        elif self.element_id in (dict(attrs).get("id"), dict(attrs).get("aria-labelledby")):
            self.start, self.depth = self.getpos(), 1

    def handle_endtag(self, tag):
        if self.start is None or self.end is not None or tag in _VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            line, column = self.getpos()
            self.end = (line, column + len(f"</{tag}>"))


def fragment(markup: str, element_id: str) -> str:
    """The HTML of the first element with this id, or labelled by the element with this id
    (a section by its heading), its own tags included."""
    finder = _Fragment(element_id)
    finder.feed(markup)
    finder.close()
    assert finder.start and finder.end, f"no element with id {element_id!r}"
    line_starts = [0]
    for line in markup.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))

    def offset(position):
        return line_starts[position[0] - 1] + position[1]

    return markup[offset(finder.start) : offset(finder.end)]


def section(markup: str, element_id: str) -> str:
    """The text of the element with this id, or labelled by it."""
    return text(fragment(markup, element_id))


def in_order(haystack: str, *needles: str) -> bool:
    """Each needle occurs in `haystack`, after the one before it."""
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        if found < 0:
            return False
        at = found + len(needle)
    return True
