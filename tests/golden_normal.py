"""Golden answers: what is kept of an answer, what is normalised away because it differs from
one run to the next, where the answers are stored, and how a difference reads.

Kept: the status code, the content type, the headers that say what the body is
(Content-Disposition, Vary), whether ETag and Last-Modified are sent (not their values), and
the body. Normalised: each record's UUID becomes its kind and id (`<statement 17>`: ids and
UUIDs are the same in every run, tests/golden_record.py, but names read better in a diff);
created, updated and published times become `<time>`, today's date `<today>`, the
transaction id in the changes feed's cursors `<txid>`; CSRF tokens and CSP nonces go; and
each run of tied sources is put in one order (`sources_in_tie_order`).
"""

from __future__ import annotations

import csv
import difflib
import gzip
import io
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable
from operator import itemgetter
from pathlib import Path
from typing import Any

from django.apps import apps
from django.http import HttpResponse
from django.utils import timezone

GOLDEN_DIR = Path(__file__).parent / "golden"
RECORD_ENV = "NEGOTRACK_RECORD_GOLDEN"
KEPT_HEADERS = ("Content-Disposition", "Vary")
# How much of a difference a failure shows: the first answers that differ, in part.
SHOWN_ANSWERS, SHOWN_LINES = 3, 60

UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
# 2026-07-03T09:00:00.123456Z as JSON, CSV and Atom write it; 3 Jul 2026, 09:00 UTC as pages do.
ISO_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
PAGE_TIME = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}(?::\d{2})?(?: [A-Z]{2,5})?")
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
NONCE = re.compile(r'( nonce=")[^"]*(")')
# The changes feed's cursor: <transaction id>.<change id> (0.<change id> on SQLite).
FEED_CURSOR = re.compile(r"\b\d{1,19}\.(?=\d{1,19}\b)")
SOURCE_KEYS = {"uuid", "published_on", "outlet"}


class Names:
    """What the record's UUIDs stand for: each record's kind and id."""

    def __init__(self) -> None:
        self.by_uuid: dict[str, str] = {}
        for model in apps.get_models():
            fields = {field.name for field in model._meta.concrete_fields}
            if "uuid" in fields and not model.__name__.startswith("Historical"):
                kind = model._meta.verbose_name
                rows = model._default_manager.values_list("pk", "uuid")
                self.by_uuid.update((str(uuid), f"<{kind} {pk}>") for pk, uuid in rows)


def normalised(text: str, names: Names) -> str:
    """`text` with what differs between runs replaced by what it stands for; a UUID that
    names no record becomes a token in order of first appearance."""
    others: dict[str, str] = {}

    def uuid_name(match: re.Match[str]) -> str:
        found = match.group(0)
        return names.by_uuid.get(found) or others.setdefault(found, f"<uuid {len(others) + 1}>")

    text = UUID.sub(uuid_name, text)
    text = PAGE_TIME.sub("<time>", ISO_TIME.sub("<time>", text))
    today = timezone.localdate()
    for written in (today.isoformat(), f"{today.day} {today:%B %Y}", f"{today.day} {today:%b %Y}"):
        text = text.replace(written, "<today>")
    return NONCE.sub(r"\1<nonce>\2", CSRF.sub(r"\1<csrf>\2", text))


def feed_cursors(text: str) -> str:
    """The changes feed's cursors without their transaction ids."""
    return FEED_CURSOR.sub("<txid>.", text)


# Sources are listed newest first, then by outlet (rounds.models.Source), so the sources of
# one outlet on one day tie, and the database gives tied rows in whatever order its plan and
# its tables' layout make, which changes with the tests that ran before. Each run of ties is
# put in UUID order (the same UUIDs in every run); the order the product defines stays.


def _ties_ordered(items: list[Any], tie: Callable[[Any], Any], order: Callable[[Any], Any]) -> list[Any]:
    return [item for _, run in itertools.groupby(items, tie) for item in sorted(run, key=order)]


def sources_in_tie_order(value: Any) -> Any:
    """A JSON answer with each list of sources (the sources list, a record's sources) in tie
    order."""
    if isinstance(value, dict):
        return {key: sources_in_tie_order(item) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    items = [sources_in_tie_order(item) for item in value]
    if items and all(isinstance(item, dict) and item.keys() >= SOURCE_KEYS for item in items):
        return _ties_ordered(items, lambda source: (source["published_on"], source["outlet"]), itemgetter("uuid"))
    return items


def csv_sources_in_tie_order(text: str) -> str:
    """A CSV answer with each `sources` cell ("outlet: title <url> | …", without dates) in
    tie order within each run of one outlet."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or "sources" not in rows[0]:
        return text
    column = rows[0].index("sources")
    for row in rows[1:]:
        cited = row[column].split(" | ")
        row[column] = " | ".join(_ties_ordered(cited, lambda cell: cell.split(": ")[0], str))
    written = io.StringIO(newline="")
    csv.writer(written).writerows(rows)  # the dialect that csv_output.csv_response writes
    return written.getvalue()


def body_text(response: HttpResponse) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    text = content.decode()
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/json"):
        return json.dumps(sources_in_tie_order(json.loads(text)), indent=1, ensure_ascii=False)
    if content_type.startswith("text/csv"):
        return csv_sources_in_tie_order(text)
    return text


def answer_of(response: HttpResponse, normalise: Callable[[str], str]) -> dict[str, Any]:
    return {
        "status": response.status_code,
        "content_type": response.get("Content-Type", ""),
        "headers": {name: normalise(response[name]) for name in KEPT_HEADERS if response.has_header(name)},
        "validators": [name for name in ("ETag", "Last-Modified") if response.has_header(name)],
        "body": normalise(body_text(response)),
    }


# --- storing and comparing -----------------------------------------------------------


def golden_path(group: str) -> Path:
    return GOLDEN_DIR / f"{group}.json.gz"


def recording() -> bool:
    return os.environ.get(RECORD_ENV) == "1"


def write_answers(group: str, answers: dict[str, Any]) -> Path:
    """Write the golden answers of `group`; refused unless NEGOTRACK_RECORD_GOLDEN=1 asks."""
    if not recording():
        raise RuntimeError(f"Golden answers are recorded only when {RECORD_ENV}=1 asks for it.")
    text = json.dumps(answers, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    path = golden_path(group)
    path.parent.mkdir(exist_ok=True)
    # mtime=0: the same answers make the same bytes, so recording them again changes no file.
    path.write_bytes(gzip.compress(text.encode(), mtime=0))
    return path


def recorded_answers(group: str) -> dict[str, Any]:
    path = golden_path(group)
    if not path.exists():
        raise AssertionError(f"No golden answers at {path}: record them with {RECORD_ENV}=1 (the test's docstring).")
    return json.loads(gzip.decompress(path.read_bytes()))


def _lines(answer: dict[str, Any]) -> list[str]:
    head = {key: value for key, value in answer.items() if key != "body"}
    return [json.dumps(head, sort_keys=True), *answer["body"].splitlines()]


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> str:
    """How `actual` differs from the golden answers, in the order the answers were asked
    for: the requests no longer made or new, then a diff of the first answers that
    changed; '' when nothing did."""
    missing = [key for key in expected if key not in actual]
    added = [key for key in actual if key not in expected]
    changed = [key for key in actual if key in expected and expected[key] != actual[key]]
    if not (missing or added or changed):
        return ""
    report = [f"{len(changed)} answer(s) changed, {len(missing)} request(s) no longer made, {len(added)} new."]
    report += [f"no longer asked: {key}" for key in missing[:10]] + [f"new, not recorded: {key}" for key in added[:10]]
    for key in changed[:SHOWN_ANSWERS]:
        diff = difflib.unified_diff(_lines(expected[key]), _lines(actual[key]), "recorded", "now", n=2, lineterm="")
        report += [f"\n=== {key}", *_first(diff, SHOWN_LINES)]
    if len(changed) > SHOWN_ANSWERS:
        report.append(f"\n… and {len(changed) - SHOWN_ANSWERS} more: {', '.join(changed[SHOWN_ANSWERS:][:20])}")
    return "\n".join(report)


def _first(diff: Iterable[str], count: int) -> list[str]:
    shown = []
    for number, line in enumerate(diff):
        if number == count:
            shown.append("  … (the rest of this answer's differences left out)")
            break
        shown.append(line[:300])
    return shown
