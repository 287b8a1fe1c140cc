"""The soak test's figures (scripts/soak.py): from the load's results file, the records read
back through the API, the changes feed replayed, and the stack's log; each with its target."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.ci_tools import Failed, check, http
from scripts.soak_faults import Window

PROCESS = "russia-ukraine"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SETTLE_SECONDS = 10  # after PostgreSQL is back, errors still count as the restart's


def _results(answer: Any, what: str) -> list[dict]:
    check(answer.status == 200, f"GET {what} answered {answer.status}")
    return answer.json()["results"]


def load_templates(port: int) -> dict:
    """What the load writes and reads, taken from the demo record: statements to write like
    the published ones (same round, speaker, party, date, sources, issues), statuses like the
    published ones, and the pages and API reads of the readers."""
    statements = _results(http(port, "GET", f"/api/v1/statements/?process={PROCESS}&page_size=100"), "statements")
    statement_templates = [
        {"process": s["process"], "round": s["round"], "speaker": s["speaker"]["slug"], "party": s["party"],
         "date": s["date"], "medium": s["medium"], "kind": s["kind"], "issues": s["issues"],
         "sources": [source["uuid"] for source in s["sources"]], "confirm_party": True}
        for s in statements if s["speaker"] and s["round"] and s["date"]
    ]  # fmt: skip
    statuses = _results(http(port, "GET", "/api/v1/statuses/?page_size=100"), "statuses")
    status_templates = [
        {"uuid": s["uuid"], "issue": s["issue"], "round": s["round"]} for s in statuses if s["round"]
    ]  # fmt: skip
    issues = _results(http(port, "GET", f"/api/v1/issues/?process={PROCESS}&page_size=100"), "issues")
    rounds = _results(http(port, "GET", f"/api/v1/rounds/?process={PROCESS}"), "rounds")
    people = sorted({s["speaker"]["slug"] for s in statements if s["speaker"]})
    parties = sorted({s["party"] for s in statements if s["party"]})
    check(all((statement_templates, status_templates, issues, rounds)), "the demo record is loaded")
    pages = ["/", f"/processes/{PROCESS}/", "/statements/", "/statements/?q=ceasefire", "/people/", "/parties/",
             *(f"/rounds/{r['slug']}/" for r in rounds), *(f"/issues/{i['slug']}/" for i in issues[:4]),
             *(f"/people/{slug}/" for slug in people[:3]), *(f"/parties/{slug}/" for slug in parties[:2])]  # fmt: skip
    api = [f"/api/v1/issues/?process={PROCESS}", f"/api/v1/status-matrix/?process={PROCESS}",
           f"/api/v1/statements/?process={PROCESS}", "/api/v1/statements/?q=talks",
           *(f"/api/v1/issues/{i['slug']}/timeline/" for i in issues[:3]),
           f"/api/v1/rounds/{rounds[-1]['slug']}/"]  # fmt: skip
    return {"process": PROCESS, "statement_templates": statement_templates, "status_templates": status_templates,
            "reader_paths": pages + api}  # fmt: skip


def _without(record: dict, keys: set[str]) -> dict:
    return {key: value for key, value in record.items() if key not in keys}


def _failed(request: dict) -> bool:
    """A server error, or no answer at all (status 0)."""
    return request["status"] == 0 or request["status"] >= 500


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _within(request: dict, windows: Iterable[Window]) -> bool:
    """The request was in flight at some time in one of the windows."""
    return any(request["at"] <= window.end and request["at"] + request["took"] >= window.start for window in windows)


@dataclass
class Figure:
    name: str
    value: str
    target: str = ""
    met: bool = True


class Figures:
    def __init__(
        self, port: int, config: dict, results: Path, windows: list[Window], load_started: float,
        load_stopped: float, say: Callable[[str], None],
    ) -> None:  # fmt: skip
        self.port, self.config, self.windows, self.say = port, config, windows, say
        self.lines = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
        self.requests = [line for line in self.lines if line["kind"] == "request"]
        self.writes = [line for line in self.lines if line["kind"] == "write"]
        self.load_started, self.load_stopped = load_started, load_stopped
        self.figures: list[Figure] = []

    def add(self, name: str, value: object, target: str = "", met: bool = True) -> None:
        self.figures.append(Figure(name, str(value), target, met))

    def _get(self, path: str) -> Any:
        answer = http(self.port, "GET", path, token=self.config["reviewer_token"])
        check(answer.status == 200, f"GET {path} answered {answer.status}: {answer.body[:300]!r}")
        return answer.json()

    # --- after the load ---------------------------------------------------------------------

    def timelines_after_the_load(self, seconds: float) -> None:
        """Every agenda issue's timeline current, waiting at most `seconds` after the load."""
        slugs = [issue["slug"] for issue in self._get("/api/v1/issues/?page_size=200")["results"]]
        stale: list[str] = slugs
        while True:
            stale = [slug for slug in stale if not self._get(f"/api/v1/issues/{slug}/timeline/")["is_current"]]
            waited = time.time() - self.load_stopped
            if not stale or waited >= seconds:
                break
            time.sleep(1)
        self.add("timelines not current 60 s after the load", f"{len(stale)} of {len(slugs)} "
                 f"(all current {waited:.0f} s after)" if not stale else f"{len(stale)} of {len(slugs)}: {stale}",
                 "0", not stale)  # fmt: skip

    def writes_found(self) -> None:
        """Every acknowledged write read back: each record as its last acknowledged answer gave
        it, field for field; a record whose correction was published, superseded by it."""
        last: dict[str, dict] = {}
        collection: dict[str, str] = {}
        for write in self.writes:
            record = write["record"]
            if record["uuid"] not in last or record["version"] >= last[record["uuid"]]["version"]:
                last[record["uuid"]] = record
                collection[record["uuid"]] = write["collection"]
        superseded = {w["record"]["revises"] for w in self.writes if w["action"] == "publish_correction"}
        in_doubt = {m for line in self.lines if line["kind"] == "in_doubt" for m in UUID.findall(line["path"])}
        # A correction published without an answer may have superseded the record it revises.
        revises = {w["record"]["uuid"]: w["record"].get("revises") for w in self.writes}
        in_doubt |= {revises[uuid] for uuid in in_doubt if revises.get(uuid)}
        different, doubtful = [], 0
        for uuid, expected in last.items():
            found = self._get(f"/api/v1/{collection[uuid]}/{uuid}/?include=drafts")
            unstable = {"updated_at", "version", "state", "notice"}
            if uuid in superseded:
                expected = {**expected, "version": expected["version"] + 1, "state": "superseded"}
                unstable = {"updated_at", "notice"}
            elif uuid in in_doubt:  # a later write may have landed unacknowledged: the content must hold
                doubtful += 1
            else:
                unstable = set()
            if _without(found, unstable) != _without(expected, unstable):
                different.append(uuid)
        self.add("writes acknowledged", len(self.writes))
        self.add("records written, read back equal field for field", f"{len(last) - len(different)} of {len(last)}"
                 + (f" ({doubtful} with a write in doubt)" if doubtful else ""), f"{len(last)} of {len(last)}",
                 not different)  # fmt: skip

    def feed_replayed(self) -> None:
        """The changes feed from the start, as an editor follows it: every acknowledged write's
        change (its record at the version the answer gave) exactly once."""
        counts: Counter[tuple[str, str, int]] = Counter()
        path = "/api/v1/changes/?include=drafts&limit=200"
        for _ in range(10_000):
            page = self._get(path)
            counts.update((c["type"], c["uuid"], c["version"]) for c in page["results"])
            if not page["has_more"]:
                break
            path = f"/api/v1/changes/?include=drafts&limit=200&since={page['next']}"
        else:
            raise Failed("the changes feed did not end")
        acknowledged = [(w["collection"], w["record"]["uuid"], w["record"]["version"]) for w in self.writes]
        once = sum(counts[key] == 1 for key in acknowledged)
        repeated = sum(1 for n in counts.values() if n > 1)
        self.add("acknowledged writes in the changes feed replayed from the start, exactly once",
                 f"{once} of {len(acknowledged)} ({sum(counts.values())} changes, {repeated} repeated)",
                 f"{len(acknowledged)} of {len(acknowledged)}", once == len(acknowledged) and not repeated)  # fmt: skip

    # --- from the load's requests -----------------------------------------------------------

    def from_the_requests(self) -> None:
        restarts = [w for w in self.windows if w.name == "postgres_restart"]
        roles = Counter(r["role"] for r in self.requests)
        self.add("requests", f"{len(self.requests)} in {self.load_stopped - self.load_started:.0f} s ("
                 + ", ".join(f"{n} {role}" for role, n in sorted(roles.items())) + ")")  # fmt: skip
        outside = [r for r in self.requests if _failed(r) and not _within(r, restarts)]
        self.add("server errors outside the PostgreSQL restart", len(outside) and
                 f"{len(outside)}: " + "; ".join(f"{r['status']} {r['method']} {r['path'][:80]}" for r in outside[:5]),
                 "0", not outside)  # fmt: skip
        longest = max((self._error_stretch(w) for w in restarts), default=0.0)
        during = Counter(r["status"] for r in self.requests if _failed(r) and _within(r, restarts))
        self.add("longest error stretch around the PostgreSQL restart (first error to last)", f"{longest:.1f} s",
                 "< 10 s", longest < 10)  # fmt: skip
        self.add("errors in the restart, by answer (0: no answer)",
                 ", ".join(f"{n} × {status}" for status, n in sorted(during.items())) or "none",
                 "503s only, no 500", set(during) <= {503})  # fmt: skip

        faults = [w for w in self.windows if w.name in ("redis_frozen", "postgres_restart")]
        readers = [r["took"] for r in self.requests if r["role"] in ("reader", "tool") and not _within(r, faults)]
        p50, p99, most = _quantile(readers, 0.5), _quantile(readers, 0.99), max(readers, default=0.0)
        self.add("readers' answers during hostile searches (pages and API; Redis and PostgreSQL faults aside)",
                 f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {most * 1000:.0f} ms ({len(readers)})",
                 "p99 < 1 s, none over 2 s", p99 < 1 and most <= 2)  # fmt: skip
        writers = Counter((r["label"], r["status"]) for r in self.requests if r["role"] == "writer")
        self.add("writers' answers", ", ".join(f"{n} × {code} {label}" for (label, code), n in sorted(writers.items())))
        hostile = Counter(r["status"] for r in self.requests if r["role"] == "hostile")
        self.add("hostile searches", ", ".join(f"{n} × {status}" for status, n in sorted(hostile.items())))
        limited = sum(r["status"] == 429 for r in self.requests if r["role"] in ("reader", "tool"))
        self.add("readers refused by the per-address limits", limited, "0", not limited)
        polls = Counter(r["status"] for r in self.requests if r["label"] == "/api/v1/issues/ (tool)")
        self.add("tools' polls of issues/ with If-None-Match", f"{polls[304]} × 304, {polls[200]} × 200")

        for window in self.windows:
            if window.name == "worker_main_killed":
                served = [r for r in self.requests if _within(r, [window]) and not _within(r, restarts)]
                bad = sum(_failed(r) for r in served)
                self.add("errors while the worker's main process was dead and restarted",
                         f"{bad} of {len(served)} requests (worker back in {window.note.split('=')[1]} s)", "0",
                         bad == 0)  # fmt: skip
            if window.name == "redis_frozen":
                frozen = [r["took"] for r in self.requests if _within(r, [window])]
                p99 = _quantile(frozen, 0.99)
                self.add("requests while Redis was frozen 20 s", f"{len(frozen)}, p99 {p99 * 1000:.0f} ms")
        follower = next((line for line in self.lines if line["kind"] == "feed_follower"), None)
        if follower:
            self.add("a tool following the public changes feed: changes seen twice",
                     f"{follower['repeated']} of {follower['changes']}", "0", follower["repeated"] == 0)  # fmt: skip

    def _error_stretch(self, window: Window) -> float:
        """From the start of the first failed request in the window to the end of the last one."""
        failed = [r for r in self.requests if _within(r, [window]) and _failed(r)]
        if not failed:
            return 0.0
        return max(r["at"] + r["took"] for r in failed) - min(r["at"] for r in failed)

    def from_the_stack_log(self, log: str) -> None:
        restarts = re.findall(r"negotrack stack: (\w+) exited with (-?\d+)", log)
        self.add("processes the supervisor restarted", ", ".join(f"{name} ({code})" for name, code in restarts))

    def report(self) -> bool:
        width = max(len(f.name) for f in self.figures)
        print("\nsoak figures:", flush=True)
        for figure in self.figures:
            mark = "" if not figure.target else ("  ok" if figure.met else "  MISSED")
            target = f"  (target {figure.target})" if figure.target else ""
            print(f"  {figure.name:<{width}}  {figure.value}{target}{mark}", flush=True)
        return all(figure.met for figure in self.figures)
