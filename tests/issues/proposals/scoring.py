"""How well the proposals of a report match what an editor labelled in it.

A proposal matches a labelled statement when their words are the same once case,
punctuation, quote marks and spacing are set aside, or when one holds nearly all of the
other (a quote proposed with a word of its attribution, a clause with or without its
closing words): rapidfuzz's token-set ratio of at least `SAME_WORDS`, one labelled
statement to one proposal at most.

- A labelled quote is **found** when a proposal matches it with the right speaker: the
  person on record, the new person's name (a name that holds the labelled one's
  surname), or, for an unnamed speaker, a description (not a person).
- A proposal is **wrong** when it matches no labelled statement (words that no one said),
  names the wrong speaker, or calls a quote a paraphrase or the reverse.
- Its **date** is right when its day (or the week's Monday, the month's first day) is the
  labelled one's; its **issues** are right when they include every labelled one's first.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from issues.proposals.propose import Proposal
from rounds.dates import span_start

REPORTS = Path(__file__).parent / "reports"
SAME_WORDS = 85


def reports(folder: str) -> list[tuple[str, dict[str, Any]]]:
    return [(path.stem, json.loads(path.read_text())) for path in sorted((REPORTS / folder).glob("*.json"))]


def _plain(words: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", words.lower()).split())


def _same_words(proposed: str, labelled: str) -> float:
    return fuzz.token_set_ratio(_plain(proposed), _plain(labelled)) if proposed and labelled else 0.0


def right_speaker(proposal: Proposal, speaker: dict[str, str]) -> bool:
    said_by = proposal.speaker
    if "person" in speaker:
        return said_by.person is not None and said_by.person.slug == speaker["person"]
    if "new" in speaker:
        surname = speaker["new"].split()[-1].lower()
        return said_by.person is None and surname in said_by.new_name.lower()
    return said_by.person is None and not said_by.new_name and bool(said_by.description)


@dataclass
class Score:
    quotes: int = 0
    quotes_found: int = 0
    proposals: int = 0
    wrong: int = 0
    matched: int = 0
    dates_right: int = 0
    with_issues: int = 0
    issues_right: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "quotes",
            "quotes_found",
            "proposals",
            "wrong",
            "matched",
            "dates_right",
            "with_issues",
            "issues_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.notes += other.notes

    @property
    def found_share(self) -> float:
        return self.quotes_found / self.quotes if self.quotes else 1.0

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.proposals if self.proposals else 0.0

    @property
    def dates_share(self) -> float:
        return self.dates_right / self.matched if self.matched else 1.0

    @property
    def issues_share(self) -> float:
        return self.issues_right / self.with_issues if self.with_issues else 1.0

    def line(self) -> str:
        return (
            f"quotes found with the right speaker {self.quotes_found}/{self.quotes} ({self.found_share:.0%}); "
            f"wrong proposals {self.wrong}/{self.proposals} ({self.wrong_share:.0%}); "
            f"dates right {self.dates_right}/{self.matched} ({self.dates_share:.0%}); "
            f"labelled issue suggested {self.issues_right}/{self.with_issues} ({self.issues_share:.0%})"
        )


def score(name: str, proposals: list[Proposal], labelled: list[dict[str, Any]]) -> Score:
    result = Score(quotes=sum(1 for label in labelled if label["kind"] == "quote"), proposals=len(proposals))
    pairs = sorted(
        (
            (_same_words(proposal.words, label["words"]), p, k)
            for p, proposal in enumerate(proposals)
            for k, label in enumerate(labelled)
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for similarity, p, k in pairs:
        if similarity < SAME_WORDS:
            break
        if p in matched or k in used:
            continue
        matched[p] = k
        used.add(k)
    for p, proposal in enumerate(proposals):
        if p not in matched:
            result.wrong += 1
            result.notes.append(
                f"{name}: no one said «{proposal.words[:90]}» "
                f"({proposal.speaker.typed or proposal.speaker.description})"
            )
            continue
        label = labelled[matched[p]]
        speaker_right = right_speaker(proposal, label["speaker"])
        kind_right = proposal.kind == label["kind"]
        if not speaker_right or not kind_right:
            result.wrong += 1
            said_by = (
                proposal.speaker.person.slug
                if proposal.speaker.person
                else proposal.speaker.new_name or proposal.speaker.description
            )
            result.notes.append(
                f"{name}: «{proposal.words[:70]}» speaker {said_by!r} (labelled {label['speaker']}), "
                f"{proposal.kind} (labelled {label['kind']})"
            )
        elif label["kind"] == "quote":
            result.quotes_found += 1
        result.matched += 1
        labelled_day = span_start(datetime.date.fromisoformat(label["date"]), label["precision"])
        if span_start(proposal.date, proposal.precision) == labelled_day:
            result.dates_right += 1
        else:
            result.notes.append(
                f"{name}: «{proposal.words[:50]}» dated {proposal.date} {proposal.precision} "
                f"(labelled {label['date']} {label['precision']})"
            )
        if label["issues"]:
            result.with_issues += 1
            suggested = {issue.slug for issue in proposal.issues}
            if label["issues"][0] in suggested:
                result.issues_right += 1
            else:
                result.notes.append(
                    f"{name}: «{proposal.words[:50]}» issues {sorted(suggested)} (labelled {label['issues']})"
                )
    for k, label in enumerate(labelled):
        if k not in used and label["kind"] == "quote":
            result.notes.append(f"{name}: missed quote «{label['words'][:90]}» ({label['speaker']})")
        elif k not in used:
            result.notes.append(f"{name}: missed paraphrase «{label['words'][:90]}» ({label['speaker']})")
    return result
