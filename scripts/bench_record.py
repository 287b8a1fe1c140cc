"""What the benchmark (scripts/bench.py) does inside Django, through `manage.py shell -c`
on the benchmark's database: make its accounts and pick what it measures, and time the
timeline rebuilds in the process that runs them. Each prints one line, MARK and JSON,
which the benchmark reads (scripts/bench_measures.py).
"""

from __future__ import annotations

import json
import statistics
import time
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.core.management import call_command
from django.db.models import Count, Q
from rest_framework.authtoken.models import Token

from delegations.models import Party, Person
from issues.management.commands.rebuild_timelines import CONNECTIONS
from issues.models import Issue, PublicationState, Statement, TimelineEntry
from issues.timelines.rebuild import rebuild_issue
from negotrack.groups import EDITORS, REVIEWERS, add_to_group
from rounds.models import Process, Round
from scripts.bench_measures import MARK

# The statement search's word: the issue's, and a topic of the generated record.
SEARCH_WORD = "ceasefire"

PUBLISHED = Q(statements__state=PublicationState.PUBLISHED)


def _say(answer: dict[str, Any]) -> None:
    print(MARK + json.dumps(answer), flush=True)


def prepare() -> None:
    """The benchmark's editor (signed in: a session of its own, never the system
    account's) and reviewer (an API token), and the records its pages and measures use."""
    _say({"accounts": _accounts(), "picks": _picks(), "timeline_table": TimelineEntry._meta.db_table})


def _accounts() -> dict[str, str]:
    users = get_user_model()
    editor = users.objects.create_user("bench-editor", is_staff=True)
    add_to_group(editor, EDITORS)
    reviewer = users.objects.create_user("bench-reviewer", is_staff=True)
    add_to_group(reviewer, REVIEWERS)
    # What django.contrib.auth.login stores, without a request to sign in through.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(editor.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
    session.create()
    return {
        "editor_cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
        "reviewer_token": Token.objects.create(user=reviewer).key,
    }


def _picks() -> dict[str, Any]:
    """Per process, its busiest round (most published statements) and its issue with the
    longest timeline; the busiest speaker and party; the busiest round and issue of all;
    and a published statement of that issue to write others like it."""
    processes = []
    for process in Process.objects.order_by("name"):
        busiest_round = (
            Round.objects.for_process(process)
            .annotate(said=Count("statements", filter=PUBLISHED))
            .order_by("-said", "id")
            .first()
        )
        busiest_issue = (
            Issue.objects.filter(process=process)
            .annotate(entries=Count("timeline_entries"))
            .order_by("-entries", "id")
            .first()
        )
        if busiest_round is None or busiest_issue is None:
            raise SystemExit(f"The process {process.slug} has no rounds or no agenda issues: regenerate the record.")
        processes.append(
            {
                "slug": process.slug,
                "round": busiest_round.slug,
                "round_statements": busiest_round.said,
                "issue": busiest_issue.slug,
                "issue_entries": busiest_issue.entries,
            }
        )
    if not processes:
        raise SystemExit("The database holds no record: run generate_bench_data first.")
    speaker = Person.objects.annotate(said=Count("statements", filter=PUBLISHED)).order_by("-said", "id").first()
    party = Party.objects.annotate(said=Count("statements", filter=PUBLISHED)).order_by("-said", "id").first()
    if speaker is None or party is None:
        raise SystemExit("The database holds no people or parties: regenerate the record.")
    if not Statement.objects.published().filter(text__icontains=SEARCH_WORD).exists():
        raise SystemExit(f"No published statement says {SEARCH_WORD!r}: the search would find nothing.")
    busiest_round = max(processes, key=lambda picked: picked["round_statements"])["round"]
    busiest_issue = max(processes, key=lambda picked: picked["issue_entries"])["issue"]
    return {
        "processes": processes,
        "person": speaker.slug,
        "party": party.slug,
        "search_word": SEARCH_WORD,
        "busiest_round": busiest_round,
        "busiest_issue": busiest_issue,
        "statement_template": _statement_template(busiest_issue),
    }


def _statement_template(issue_slug: str) -> dict[str, Any]:
    """A published statement of the issue with a named speaker at a round, as the API's
    write takes it (the text is the benchmark's)."""
    statement = (
        Statement.objects.published()
        .filter(issues__slug=issue_slug, speaker__isnull=False, round__isnull=False)
        .select_related("process", "round", "speaker", "party")
        .order_by("-date", "-id")
        .first()
    )
    if statement is None or statement.round is None or statement.speaker is None:
        raise SystemExit(f"No published statement of {issue_slug} has a named speaker at a round.")
    return {
        "process": statement.process.slug,
        "round": statement.round.slug,
        "speaker": statement.speaker.slug,
        "party": statement.party.slug if statement.party else None,
        "date": statement.date.isoformat(),
        "medium": statement.medium,
        "kind": statement.kind,
        "sources": [str(source.uuid) for source in statement.sources.all()],
        "issues": [issue_slug],
        "confirm_party": True,
        "confirm_date": True,
    }


def time_rebuild_all(connections: int | None = None) -> None:
    """`rebuild_timelines --all` as an operator runs it (its default `--connections`), or on
    `connections`; timed around the command itself (Django's start-up, which a COPY does not
    pay, left out)."""
    used = CONNECTIONS if connections is None else connections
    started = time.perf_counter()
    call_command("rebuild_timelines", all=True, connections=used, verbosity=0)
    _say({"seconds": time.perf_counter() - started, "connections": used})


def time_issue_rebuild(slug: str, times: int = 5) -> None:
    """One issue's forced rebuild, `times` over; the median and every run."""
    issue_id = Issue.objects.get(slug=slug).pk
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        rebuild_issue(issue_id, force=True)
        seconds.append(time.perf_counter() - started)
    _say({"median": statistics.median(seconds), "seconds": seconds})
