"""When words were said, from the words around them: "on Wednesday", "this week",
"17 Feb", resolved against the report's date with the precision the text gives.

Finding the expression is ours (which words of an attribution name a day); resolving
it is dateparser's, told to prefer the past: a report tells what was said before it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import dateparser

from rounds.dates import DatePrecision, span_start

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_EXPRESSION = re.compile(
    rf"""\b(?:
        (?P<day>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?)
        |(?P<weekday>(?:(?:last|this\ past)\ )?{_WEEKDAY})
        |(?P<relative>yesterday|today|tonight|this\ (?:morning|afternoon|evening))
        |(?P<week>(?:earlier\ |later\ )?this\ week|last\ week)
        |(?P<month>(?:earlier\ )?this\ month|last\ month|in\ {_MONTH}(?:\s+\d{{4}})?)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class SaidOn:
    date: datetime.date
    precision: str
    expression: str = ""  # the words that gave it; blank for the report's own date


def _resolved(expression: str, base: datetime.date) -> datetime.date | None:
    moment = dateparser.parse(
        expression,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.datetime.combine(base, datetime.time(12)),
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    return moment.date() if moment else None


def said_on(text: str, published_on: datetime.date) -> SaidOn | None:
    """The first expression of a day, week or month in `text`, resolved against the
    report's date; None when the text gives none."""
    for found in _EXPRESSION.finditer(text):
        expression = found.group(0)
        kind = found.lastgroup
        if kind == "week":
            monday = span_start(published_on, DatePrecision.WEEK)
            if expression.lower().startswith("last"):
                monday -= datetime.timedelta(days=7)
            return SaidOn(monday, DatePrecision.WEEK, expression)
        if kind == "month":
            first = published_on.replace(day=1)
            if expression.lower().startswith("last"):
                first = (first - datetime.timedelta(days=1)).replace(day=1)
            elif expression.lower().startswith("in "):
                month = _resolved(expression[3:], published_on)
                if month is None:
                    continue
                first = month.replace(day=1)
            return SaidOn(first, DatePrecision.MONTH, expression)
        if kind == "relative":
            lowered = expression.lower()
            day = published_on - datetime.timedelta(days=1) if lowered == "yesterday" else published_on
            return SaidOn(day, DatePrecision.DAY, expression)
        if kind == "weekday":
            weekday = _resolved(expression.split()[-1], published_on)
            if weekday is None:
                continue
            if weekday.weekday() == published_on.weekday():
                weekday = published_on  # "on Wednesday" in a report of a Wednesday: that day
            return SaidOn(weekday, DatePrecision.DAY, expression)
        named = _resolved(re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", expression), published_on)
        if named is not None and named <= published_on:
            return SaidOn(named, DatePrecision.DAY, expression)
    return None
