"""The status matrix of a process: its agenda issues down, its rounds across, one published
status a cell."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from issues.queries import round_statuses
from issues.vocabulary import AssessmentStatus

LABELS = {word.value: word.label for word in AssessmentStatus}


@dataclass(frozen=True)
class Cell:
    status: str  # empty when the round did not assess the issue
    label: str
    url: str


@dataclass(frozen=True)
class MatrixRow:
    issue: object
    cells: list[Cell]


def matrices(rounds_by_process: dict, issues_by_process: dict) -> dict[int, list[MatrixRow]]:
    """A matrix per process, from one query for the cells of all the rounds given."""
    round_ids = [talk_round.pk for rounds in rounds_by_process.values() for talk_round in rounds]
    cells = round_statuses(round_ids)
    built = {}
    for process_id, rounds in rounds_by_process.items():
        # Made once a round, not once a cell: a wide matrix has thousands of cells.
        round_urls = [reverse("pages:round", args=[talk_round.slug]) for talk_round in rounds]
        rows = []
        for issue in issues_by_process.get(process_id, []):
            row = []
            for talk_round, url in zip(rounds, round_urls, strict=True):
                status = cells.get((talk_round.pk, issue.pk), "")
                row.append(Cell(status, LABELS.get(status, ""), f"{url}#issue-{issue.slug}"))
            rows.append(MatrixRow(issue, row))
        built[process_id] = rows
    return built
