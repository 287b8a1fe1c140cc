"""Dates as reported: a local date with its precision (day, week or month).

A vague date is stored as the first day of its span; filters match any overlap and
sorting uses the stored date.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

EARLIEST = datetime.date(1900, 1, 1)
# Scheduled rounds lie ahead, but not by centuries: a year past this is a typing slip, and
# the date arithmetic of the rules (a round's last day plus 30 days) stays within Python's.
LATEST = datetime.date(2099, 12, 31)


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    WEEK = "week", "week (stored as its Monday)"
    MONTH = "month", "month (stored as its first day)"


def span_start(value: datetime.date, precision: str) -> datetime.date:
    if precision == DatePrecision.WEEK:
        return value - datetime.timedelta(days=value.weekday())
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def span_end(value: datetime.date, precision: str) -> datetime.date:
    """The last day of the span a date of this precision stands for."""
    if precision == DatePrecision.WEEK:
        return value + datetime.timedelta(days=6)
    if precision == DatePrecision.MONTH:
        following = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return value


def date_errors(
    value: datetime.date | None, precision: str = DatePrecision.DAY, *, allow_future: bool = True
) -> list[str]:
    """What is wrong with a reported date, in words an editor can act on."""
    if value is None:
        return []
    problems = []
    if value < EARLIEST:
        problems.append("Dates before 1900 are refused: check the year.")
    if value > LATEST:
        problems.append("Dates after 2099 are refused: check the year.")
    if not allow_future and value > timezone.localdate():
        problems.append(f"{format_day(value)} is in the future: only what has already been said can be recorded.")
    start = span_start(value, precision)
    if start != value:
        label = "week" if precision == DatePrecision.WEEK else "month"
        problems.append(
            f"A date of {label} precision is stored as the first day of its {label}: use {start.isoformat()}."
        )
    return problems


def validate_reported_date(
    value: datetime.date | None, precision: str = DatePrecision.DAY, *, field: str, allow_future: bool = True
) -> None:
    problems = date_errors(value, precision, allow_future=allow_future)
    if problems:
        raise ValidationError({field: problems})


# English month names, fixed: strftime's %b and %B follow the C locale of the process.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_day(value: datetime.date, *, year: bool = True) -> str:
    """A day as the site writes it everywhere: "6 Dec 2026" (no leading zero), or "6 Dec"."""
    short = f"{value.day} {MONTHS[value.month - 1][:3]}"
    return f"{short} {value.year}" if year else short


def format_reported_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    if value is None:
        return "date not known"
    if precision == DatePrecision.WEEK:
        return f"week of {format_day(value)}"
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[value.month - 1]} {value.year}"
    return format_day(value)
