"""A news report as an editor pastes it: the text copied from a browser, with whatever
the site put around the story, and what the text says of itself (outlet, title, date,
address) when the editor has not said it.

A pasted page brings its menus, captions, share buttons, newsletter boxes and donation
appeals along. What is kept is the story's body: paragraphs that read as prose (a
sentence with its closing mark, or a quote), not the site's furniture.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import dateparser

# Lines of a site's furniture, whatever their length: a caption, a credit, a box, an appeal.
_FURNITURE = re.compile(
    r"""^(?:
        advertisement|sponsored|skip\ to\ (?:main\ )?content|share(?:\ this)?(?:\ article)?|
        read\ (?:more|next|also)\b.*|related(?:\ news|\ articles?|\ stories|\ coverage)?\b.*|
        (?:photo|image|picture|video|file\ photo|caption)\b.*|.*\b(?:getty\ images|afp|reuters|ap\ photo)\s*\)?$|
        .*\b(?:subscribe|sign\ up|newsletter|donate|donation|support\ (?:our|independent)\ journalism)\b.*|
        .*(?:©|\(c\)|all\ rights\ reserved|cookie).*|
        (?:reporting|writing|editing|additional\ reporting)\ by\b.*|
        (?:updated|published|posted|last\ updated)\b.*|
        (?:by|from)\ [A-Z][^.!?]{0,60}$|
        (?:home|news|world|europe|politics)(?:\s*[>›/|]\s*\S.*)+|
        follow\ us\b.*|email(?:\ address)?|facebook.*|.*\bwhatsapp\b.*|.*\blinkedin\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line that ends as prose ends: a full stop, a question or exclamation mark, or a
# closing quote mark after one; a colon opens what follows.
_ENDS_AS_PROSE = re.compile(r"""[.!?…:,]["'”’»)\]]*\s*$""")
_URL = re.compile(r"https?://[^\s<>\"”’)]+", re.IGNORECASE)
_DAY_LINE = re.compile(
    r"\b(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
# A wire story's dateline: "GENEVA, Feb 18 (Reuters) -" or "KYIV (AP) —".
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z .'-]{2,40}),?\s*(?P<day>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?\s*)?"
    r"(?:\((?P<outlet>[A-Za-z .-]{2,30})\))?\s*[-–—]+\s*"
)


@dataclass(frozen=True)
class Report:
    """A report as the editor gives it: its text, and what they know of it."""

    text: str
    outlet: str = ""
    title: str = ""
    url: str = ""
    published_on: datetime.date | None = None


@dataclass
class Body:
    """The story's paragraphs, and what the text says of the report itself."""

    paragraphs: list[str]
    outlet: str = ""
    title: str = ""
    url: str = ""
    published_on: datetime.date | None = None


def lines_of(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def is_furniture(line: str) -> bool:
    """A line of the site around the story, not of the story."""
    # Prose ends with a closing mark; a line without one is a menu item, a headline, a
    # caption or a button.
    return bool(_FURNITURE.match(line)) or not _ENDS_AS_PROSE.search(line)


def _title_of(lines: list[str]) -> str:
    """The headline: the first line that reads as one (several words, no full stop, and
    capitals as a headline has them: two or more, or one in the text's first line, where
    a headline in sentence case opens a page copied from its top)."""
    first = next((line for line in lines if line), None)
    for line in lines[:15]:
        words = line.split()
        headline = 4 <= len(words) <= 25 and not _ENDS_AS_PROSE.search(line) and not _FURNITURE.match(line)
        if headline and sum(word[:1].isupper() for word in words) >= (1 if line is first else 2):
            return line
    return ""


def _day_of(lines: list[str], near: datetime.date | None) -> datetime.date | None:
    """The report's date, from the first line near the top that gives a full one; else
    from a wire story's dateline ("GENEVA, Feb 18 (Reuters) -"), in the year that puts
    that day nearest `near` (the round's date) and not after today."""
    for line in lines[:25]:
        found = _DAY_LINE.search(line)
        if found:
            day = dateparser.parse(
                found.group(0), languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
            )
            if day:
                return day.date()
    if near is None:
        return None
    for line in lines[:40]:
        found = _DATELINE.match(line)
        if found and found.group("day"):
            return _nearest_year(found.group("day"), near)
    return None


def _nearest_year(day_and_month: str, near: datetime.date) -> datetime.date | None:
    base = datetime.datetime.combine(near, datetime.time(12))
    parsed = dateparser.parse(
        day_and_month, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month"], "RELATIVE_BASE": base}
    )
    if parsed is None:
        return None
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        with contextlib.suppress(ValueError):  # 29 February of a common year
            candidates.append(parsed.date().replace(year=year))
    today = datetime.date.today()
    return min((day for day in candidates if day <= today), key=lambda day: abs(day - near), default=None)


def _outlet_of(lines: list[str], url: str) -> str:
    for line in lines[:40]:
        found = _DATELINE.match(line)
        if found and found.group("outlet"):
            return found.group("outlet").strip()
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def read_body(report: Report, *, near: datetime.date | None = None) -> Body:
    """The story's paragraphs, and the report's outlet, title, day and address: as the
    editor gave them, else as the text says them. `near`: the day the report is about (its
    round's), which tells the year of a dateline that gives none."""
    lines = lines_of(report.text)
    url = report.url or next((found.group(0).rstrip(".,;") for line in lines if (found := _URL.search(line))), "")
    title = report.title or _title_of(lines)
    kept = [
        _DATELINE.sub("", line, count=1)
        for line in lines
        if line and line != title and not is_furniture(line) and not _URL.fullmatch(line)
    ]
    return Body(
        paragraphs=kept,
        outlet=report.outlet or _outlet_of(lines, url),
        title=title,
        url=url,
        published_on=report.published_on or _day_of(lines, near),
    )
