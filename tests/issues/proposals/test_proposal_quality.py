"""How well statements are proposed from reports, measured on two sets of hand-labelled
reports (tests/issues/proposals/reports/README.md): the working set, which the rules
were written and tuned on, and the held-out set, written before any rule and never tuned
against.

The issue asks, of each set: at least 90% of the labelled quotes proposed with the
right speaker, at most one proposal in ten wrong (words no one said, a wrong speaker, a
quote called a paraphrase or the reverse), the dates right for at least 90% of the
statements found, and the suggested issues including the labelled one for at least 80%
(tests/issues/proposals/scoring.py says how each is counted). The working set's misses
are printed, so that a change of the rules shows what it broke; the held-out set's never.
"""

import datetime

import pytest

from issues.proposals.propose import propose
from issues.proposals.report import Report
from rounds.models import Round
from tests.issues.proposals.scoring import Score, reports, score

# The issue's targets, which both sets are held to.
TARGETS = {"found": 0.90, "wrong": 0.10, "dates": 0.90, "issues": 0.80}

pytestmark = pytest.mark.usefixtures("demo")


def measured(folder: str) -> Score:
    total = Score()
    for name, labelled in reports(folder):
        given = labelled["report"]
        report = Report(
            text=given["text"],
            outlet=given.get("outlet", ""),
            title=given.get("title", ""),
            url=given.get("url", ""),
            published_on=datetime.date.fromisoformat(given["published_on"]) if given.get("published_on") else None,
        )
        proposals = propose(Round.objects.get(slug=labelled["round"]), report)
        total.add(score(name, proposals.statements, labelled["statements"]))
    return total


@pytest.mark.django_db
class TestProposals:
    @pytest.mark.parametrize("folder", ["working", "heldout"])
    def test_the_labelled_statements_are_proposed(self, folder):
        result = measured(folder)
        print(f"{folder}: {result.line()}")  # the figures the README states
        # The held-out set's misses are never shown: seeing them would be tuning on it. Only
        # figures are compared below, so that a failure prints no more than them.
        misses = "\n".join(result.notes) if folder == "working" else "(the held-out set's misses are not shown)"
        bounds = TARGETS
        found, wrong, dates, issues = result.found_share, result.wrong_share, result.dates_share, result.issues_share
        assert len(reports(folder)) >= 8 and result.quotes >= 40, "a set is at least eight reports"
        assert found >= bounds["found"], f"{result.line()}\n{misses}"
        assert wrong <= bounds["wrong"], f"{result.line()}\n{misses}"
        assert dates >= bounds["dates"], f"{result.line()}\n{misses}"
        assert issues >= bounds["issues"], f"{result.line()}\n{misses}"
