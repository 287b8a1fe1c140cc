"""Time the analysts' and editors' pages on the configured database: server time per page (median and
slowest of the runs) and its SQL query count, through Django's test client with debug off.

    DATABASE_URL=postgres://…/negotrack_bench SECRET_KEY=x HTTPS_ONLY=0 \
        python scripts/bench_pages.py [--runs 20]

Run it on a record written by `manage.py generate_bench_data` (and `rebuild_timelines --all`).
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "negotrack.settings")
# Debug off serves hashed static names: collect them somewhere of their own first.
os.environ.setdefault("ALLOWED_HOSTS", "localhost")
os.environ.setdefault("STATIC_ROOT", str(Path(tempfile.gettempdir()) / "negotrack-bench-static"))
# One reader asks for every page many times over: the readers' rate limit would answer 429.
os.environ.setdefault("PAGE_ANON_RATE", "100000/min")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    from django.db import connection
    from django.test import Client

    from delegations.models import Party, Person
    from issues.models import Issue, Statement
    from negotrack.groups import system_user
    from rounds.models import Process, Round

    # One request line a page view on standard error would drown the table.
    logging.getLogger("negotrack.request").setLevel(logging.WARNING)
    process = Process.objects.order_by("id").first()
    busiest_round = Round.objects.filter(process=process).order_by("-start_date").first()
    issue = Issue.objects.filter(process=process).order_by("id").first()
    speaker = Statement.objects.exclude(speaker=None).order_by("id").values_list("speaker__slug", flat=True).first()
    person = Person.objects.get(slug=speaker)
    party = Party.objects.order_by("id").first()
    rounds = list(Round.objects.filter(process=process).chronological().values_list("slug", flat=True))
    text = Statement.objects.order_by("id").values_list("text", flat=True).first()
    if process is None or busiest_round is None or issue is None or party is None or text is None:
        raise SystemExit("No benchmark record in this database: run manage.py generate_bench_data first.")
    word = text.split()[0]
    paths = [
        "/",
        f"/processes/{process.slug}/",
        f"/rounds/{busiest_round.slug}/",
        f"/issues/{issue.slug}/",
        f"/people/{person.slug}/",
        f"/parties/{party.slug}/",
        "/people/",
        "/parties/",
        "/statements/",
        f"/statements/?q={word}",
        f"/statements/?process={process.slug}&issue={issue.slug}&page=3",
        f"/processes/{process.slug}/compare/?from={rounds[-2]}&to={rounds[-1]}",
    ]
    # The same round and issue as an editor sees them (with their drafts), the entry page
    # and the set-up of the busiest round, a new round's set-up, and the review queue.
    editors_paths = [
        f"/rounds/{busiest_round.slug}/",
        f"/issues/{issue.slug}/",
        f"/entry/{busiest_round.slug}/",
        f"/entry/{busiest_round.slug}/set-up/",
        "/entry/new/",
        "/review/",
    ]
    reader = Client(HTTP_HOST="localhost")
    editor = Client(HTTP_HOST="localhost")
    editor.force_login(system_user())
    print(f"{'page':78} {'median ms':>9} {'max ms':>7} {'queries':>7}")
    for client, path in [(reader, path) for path in paths] + [(editor, path) for path in editors_paths]:
        queries: list[str] = []

        def counted(execute: Callable[..., Any], sql: str, *args: Any, queries: list[str] = queries) -> Any:
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(counted):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        timings = []
        for _ in range(options.runs):  # timed without the query log, as in production
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        label = path if client is reader else f"{path} (editor)"
        print(f"{label[:78]:78} {statistics.median(timings):9.1f} {max(timings):7.1f} {len(queries):7d}")


if __name__ == "__main__":
    main()
