"""The hand-labelled news reports (reports/working and reports/heldout) are well formed.

The rules that propose statements from a pasted report are tuned on one folder and
measured on the other; a label that names no demo round, person or issue, or whose words
are not in the text, would count as a miss the rules could never avoid. The held-out
files must not be read by whoever writes the rules, so a failure here says what is wrong
and where, never the words or names themselves.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.utils.text import slugify

from issues.demo.facts import demo_rows, read

REPORTS = Path(__file__).resolve().parent / "reports"
FOLDERS = ("working", "heldout")
FILES = sorted(path for folder in FOLDERS for path in (REPORTS / folder).glob("*.json"))

REPORT_KEYS = {"text", "outlet", "title", "url", "published_on"}
STATEMENT_KEYS = {"words", "kind", "speaker", "date", "precision", "medium", "issues", "language", "translated"}
SPEAKER_KINDS = {"person", "new", "description"}
KINDS = {"quote", "paraphrase"}
PRECISIONS = {"day", "week", "month"}
# A quotation broken by its attribution ("…," he said, "…") or carried over a paragraph
# break is labelled as one statement, its parts joined by a space: the text between two
# parts is short and ends with the mark that reopens the quotation.
QUOTE_MARKS = set("\"'“”„«»‘’‹›")
MAX_BREAK = 120


@cache
def demo() -> dict[str, set[str]]:
    """The slugs a label may name (the demo's rounds, people and agenda issues), and the
    slugs of every name and alias of a person on record, which a new speaker may not take."""
    facts = read()
    return {
        "round": set(facts["rounds"]),
        "person": {slugify(row["name"]) for row in facts["people"].values()},
        "issue": {key for kind, key, _ in demo_rows(facts) if kind == "issue"},
        "named": {slugify(name) for row in facts["people"].values() for name in [row["name"], *row.get("aliases", [])]}
        - {""},
    }


def squeezed(text: str) -> str:
    """Runs of whitespace as one space: a paste's line breaks are not part of the words."""
    return re.sub(r"\s+", " ", text).strip()


def occurrences(text: str, part: str, start: int = 0) -> Iterator[int]:
    index = text.find(part, start)
    while index >= 0:
        yield index
        index = text.find(part, index + 1)


def joined_quotation(words: str, text: str) -> bool:
    """Whether `words` are two or more parts of `text`, in order, joined by one space,
    each break between them a short stretch ending with a quote mark."""
    cuts = [match.start() for match in re.finditer(" ", words)]

    def rest_follows(offset: int, after: int | None) -> bool:
        for cut in [*(cut for cut in cuts if cut > offset), len(words)]:
            part = words[offset:cut]
            for index in occurrences(text, part, 0 if after is None else after):
                if after is not None and index - after > MAX_BREAK:
                    break
                if after is not None and not reopens(text[after:index]):
                    continue
                if cut == len(words):
                    if after is not None:
                        return True
                elif rest_follows(cut + 1, index + len(part)):
                    return True
        return False

    return rest_follows(0, None)


def reopens(between: str) -> bool:
    between = between.rstrip()
    return bool(between) and between[-1] in QUOTE_MARKS


def is_iso_date(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def report_problems(data: Any) -> list[str]:
    """What is wrong with one file, each problem said without the file's words."""
    if not isinstance(data, dict) or set(data) != {"round", "report", "statements"}:
        return ["the file's keys are not round, report, statements"]
    problems = []
    if data["round"] not in demo()["round"]:
        problems.append("the round is not a demo round's slug")
    report = data["report"]
    if not isinstance(report, dict) or set(report) != REPORT_KEYS:
        return [*problems, f"the report's keys are not {sorted(REPORT_KEYS)}"]
    problems += [
        f"the report's {key} is empty or not text" for key in ("text", "outlet", "title") if not is_text(report[key])
    ]
    if not (is_text(report["url"]) and report["url"].startswith("https://")):
        problems.append("the report's url is not an https address")
    if not is_iso_date(report["published_on"]):
        return [*problems, "the report's published_on is not an ISO date"]
    statements = data["statements"]
    if not isinstance(statements, list) or not statements:
        return [*problems, "there are no statements"]
    text = squeezed(report["text"]) if is_text(report["text"]) else ""
    published_on = datetime.date.fromisoformat(report["published_on"])
    for number, statement in enumerate(statements, start=1):
        problems += [f"statement {number}: {problem}" for problem in statement_problems(statement, text, published_on)]
    return problems


def statement_problems(statement: Any, text: str, published_on: datetime.date) -> list[str]:
    if not isinstance(statement, dict) or set(statement) != STATEMENT_KEYS:
        return [f"its keys are not {sorted(STATEMENT_KEYS)}"]
    problems = []
    if not is_text(statement["words"]):
        problems.append("the words are empty or not text")
    else:
        words = squeezed(statement["words"])
        quotation = statement["kind"] == "quote" and joined_quotation(words, text)
        if words not in text and not quotation:
            problems.append("the words are not in the report's text")
    if statement["kind"] not in KINDS:
        problems.append(f"the kind is not one of {sorted(KINDS)}")
    problems += speaker_problems(statement["speaker"])
    if not is_iso_date(statement["date"]):
        problems.append("the date is not an ISO date")
    elif datetime.date.fromisoformat(statement["date"]) > published_on:
        problems.append("the date is after the report's publication")
    if statement["precision"] not in PRECISIONS:
        problems.append(f"the precision is not one of {sorted(PRECISIONS)}")
    if statement["medium"] is not None and not is_text(statement["medium"]):
        problems.append("the medium is neither null nor text")
    issues = statement["issues"]
    if not isinstance(issues, list) or not all(isinstance(issue, str) for issue in issues):
        problems.append("the issues are not a list of slugs")
    elif not set(issues) <= demo()["issue"]:
        problems.append("an issue is not a demo issue's slug")
    if not (isinstance(statement["language"], str) and re.fullmatch(r"[a-z]{2}", statement["language"])):
        problems.append("the language is not a two-letter code")
    if not isinstance(statement["translated"], bool):
        problems.append("translated is not true or false")
    return problems


def speaker_problems(speaker: Any) -> list[str]:
    """A person on record by slug, anyone else by full name, an unnamed speaker by description."""
    if not (isinstance(speaker, dict) and len(speaker) == 1 and set(speaker) <= SPEAKER_KINDS):
        return [f"the speaker is not one of {sorted(SPEAKER_KINDS)}"]
    ((kind, value),) = speaker.items()
    if not is_text(value):
        return ["the speaker is empty or not text"]
    if kind == "person" and value not in demo()["person"]:
        return ["the speaker is not the slug of a person on record"]
    if kind == "new" and slugify(value) in demo()["named"]:
        return ["a new speaker is a person on record, to be named by slug"]
    return []


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_folder_holds_reports(folder):
    assert list((REPORTS / folder).glob("*.json")), f"no report in reports/{folder}"


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_report_is_well_formed(path):
    problems = report_problems(json.loads(path.read_text(encoding="utf-8")))
    assert not problems, "\n".join(problems)


def test_a_quotation_broken_by_its_attribution_or_a_paragraph_is_found_joined():
    text = squeezed('"We are ready," he said, "but not at any price.\n\n"Nobody gives up land." Then: "Fine."')
    assert joined_quotation("We are ready, but not at any price.", text)
    assert joined_quotation("but not at any price. Nobody gives up land.", text)
    assert not joined_quotation(
        "We are ready, but not at any price.", squeezed('"We are ready," and but not at any price.')
    )
    assert not joined_quotation("We are ready, Fine.", squeezed('"We are ready,"' + " and so on" * 20 + ' "Fine."'))
    assert not joined_quotation("but not at any price. at any price.", text)  # parts in order only
    # A later occurrence of a part is tried when an earlier one does not follow a reopening mark.
    assert joined_quotation("We are ready, not yet.", squeezed('"We are ready," said Ann, not yet. "not yet."'))
