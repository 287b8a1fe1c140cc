#!/usr/bin/env python3
"""The soak test's load (scripts/soak.py starts it): readers of pages and of the API, tools
polling with ETags and following the changes feed, a reader sending hostile searches, and
editors and reviewers writing through the API, until SIGTERM.

Each simulated client sends its own X-Forwarded-For, so the per-address limits see many
readers, as behind the TLS proxy. Every request goes to the results file as one JSON line
(when it started, how long it took, who sent it, its answer); every write the API
acknowledged goes there too, with the record as the answer gave it, for soak.py to find
again afterwards.

    python3 scripts/soak_load.py CONFIG.json RESULTS.jsonl

Standard library only: it runs on any Python 3.11.
"""

from __future__ import annotations

import json
import random
import signal
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

stop = threading.Event()
TIMEOUT = 15  # seconds a request may take before it counts as failed

# Searches a hostile reader sends: long, wildcard-laden, odd scripts, many words, quotes,
# operators of other search engines; each is refused with a 400 or answered, never a 500.
HOSTILE_SEARCHES = [
    "%" * 200,
    "_%_%_%_%_%_%_%_%_%_%_%_%",
    "a b c d e f g h i j k l",
    "a b c d e f g h i j k l m n o p",
    "ceasefire " * 19,
    "\\" * 150,
    "'; DROP TABLE issues_statement; --",
    "(((((((((((((((((((((((((((((((",
    "ceasefire & !territory | (a <-> b)",
    "Зеленский Умеров Мединский Костюков",
    "*:* OR 1=1",
    "x" * 201,
    "ce*e*f*r*",
    "\u202e\u200b\u200d",
]


class Recorder:
    """The results file, one JSON line a request or an acknowledged write."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("w", buffering=1)
        self.lock = threading.Lock()

    def write(self, **line: Any) -> None:
        text = json.dumps(line)
        with self.lock:
            self.file.write(text + "\n")


class Client:
    """One thread's HTTP, as the proxy forwards it: X-Forwarded-Proto and the client's address."""

    def __init__(self, config: dict, recorder: Recorder, role: str) -> None:
        self.base = f"http://127.0.0.1:{config['port']}"
        self.recorder, self.role = recorder, role

    def request(
        self, method: str, path: str, *, address: str, token: str | None = None, body: object = None,
        headers: dict[str, str] | None = None, label: str = "",
    ) -> tuple[int, dict[str, str], Any]:  # fmt: skip
        sent = {"Host": "localhost", "X-Forwarded-Proto": "https", "X-Forwarded-For": address, **(headers or {})}
        if token:
            sent["Authorization"] = f"Token {token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=sent)
        started = time.time()
        status, answer_headers, payload = 0, {}, b""
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                status, answer_headers, payload = response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, payload = error.code, dict(error.headers), error.read()
        except OSError as error:  # refused, reset, timed out: status 0
            payload = repr(error).encode()
        took = time.time() - started
        self.recorder.write(kind="request", role=self.role, at=started, took=took, status=status, method=method,
                            label=label or path.split("?")[0], path=path[:300])  # fmt: skip
        parsed: Any = None
        if answer_headers.get("Content-Type", "").startswith("application/json"):
            try:
                parsed = json.loads(payload)
            except ValueError:
                parsed = None
        return status, answer_headers, parsed


def addresses(prefix: str, count: int) -> list[str]:
    return [f"{prefix}.{n // 250}.{n % 250 + 1}" for n in range(count)]


def pause(seconds: float) -> None:
    stop.wait(seconds * random.uniform(0.5, 1.5))


# --- the roles ------------------------------------------------------------------------------


def reader(config: dict, recorder: Recorder, number: int) -> None:
    """Pages and API reads, from many addresses in turn (a reader never nears the limits)."""
    client = Client(config, recorder, "reader")
    pool = addresses(f"10.{number + 1}", 250)
    paths = config["reader_paths"]
    while not stop.is_set():
        path = random.choice(paths)
        client.request("GET", path, address=random.choice(pool), label=path.split("?")[0])
        pause(config["reader_pause"])


@dataclass
class Tool:
    """A tool's address, the ETag of its last answer and its place in the changes feed."""

    address: str
    etag: str | None = None
    since: str | None = None


def tool(config: dict, recorder: Recorder, number: int) -> None:
    """Tools: each polls the issues of a process with If-None-Match and follows the changes feed."""
    client = Client(config, recorder, "tool")
    tools = [Tool(f"10.20.{number}.{n + 1}") for n in range(3)]
    seen: set[tuple[str, str, int]] = set()
    repeated = 0
    while not stop.is_set():
        for state in tools:
            headers = {"If-None-Match": state.etag} if state.etag else {}
            status, answer_headers, _ = client.request(
                "GET", f"/api/v1/issues/?process={config['process']}", address=state.address,
                headers=headers, label="/api/v1/issues/ (tool)",
            )  # fmt: skip
            if status == 200:
                state.etag = answer_headers.get("ETag")
            for _ in range(5):  # follow the feed until it has nothing more
                query = f"?limit=200&since={state.since}" if state.since else "?limit=200"
                status, _, page = client.request("GET", f"/api/v1/changes/{query}", address=state.address,
                                                 label="/api/v1/changes/ (tool)")  # fmt: skip
                if status != 200 or not isinstance(page, dict):
                    break
                if number == 0 and state is tools[0]:
                    for change in page["results"]:
                        key = (change["type"], change["uuid"], change["version"])
                        repeated += key in seen
                        seen.add(key)
                state.since = page["next"]
                if not page["has_more"]:
                    break
            pause(config["tool_pause"])
    if number == 0:
        recorder.write(kind="feed_follower", changes=len(seen), repeated=repeated)


def hostile(config: dict, recorder: Recorder, number: int) -> None:
    """One reader, one address, sending searches meant to hurt, to the pages and the API."""
    client = Client(config, recorder, "hostile")
    while not stop.is_set():
        words = urllib.parse.quote(random.choice(HOSTILE_SEARCHES))
        path = random.choice(("/statements/?q=", "/api/v1/statements/?q=")) + words
        client.request("GET", path, address="10.66.6.6", label=path.split("?")[0] + " (hostile)")
        pause(config["hostile_pause"])


class Writer:
    """An editor and a reviewer: a statement drafted and published, a third of them corrected
    (the correction drafted, edited, published); a quarter of the time, an issue's status at
    a round corrected the same way (a round has one published status per issue). Each
    writer corrects statuses of its own, so that two never race for one."""

    def __init__(self, config: dict, recorder: Recorder, number: int) -> None:
        self.config, self.recorder, self.number = config, recorder, number
        self.client = Client(config, recorder, "writer")
        self.address = f"10.30.0.{number + 1}"
        self.serial = 0
        writers = config["clients"]["writers"]
        # The published status of each (issue, round) this writer corrects, by UUID.
        self.statuses = [t["uuid"] for n, t in enumerate(config["status_templates"]) if n % writers == number]

    def write(self, who: str, method: str, path: str, body: object, action: str, label: str) -> dict | None:
        """One write; the record as the answer gives it when the API acknowledged it, else None."""
        status, _, answer = self.client.request(
            method, path, address=self.address, token=self.config[f"{who}_token"], body=body, label=label
        )
        if status in (200, 201) and isinstance(answer, dict):
            self.recorder.write(kind="write", action=action, collection=path.split("/")[3], record=answer)
            return answer
        if status == 0 or status >= 500:
            # Not acknowledged, but it may have reached the database: its record is in doubt.
            self.recorder.write(kind="in_doubt", action=action, path=path)
        return None

    def story(self) -> None:
        self.serial += 1
        template = random.choice(self.config["statement_templates"])
        text = f"Soak statement {self.number}-{self.serial}: {random.choice(('progress', 'no progress', 'talks'))}."
        draft = self.write("editor", "POST", "/api/v1/statements/", {**template, "text": text}, "create",
                           "POST statements")  # fmt: skip
        if draft is None:
            return
        path = f"/api/v1/statements/{draft['uuid']}/"
        published = self.write("reviewer", "POST", path + "publish/", {"version": draft["version"]}, "publish",
                               "POST publish")  # fmt: skip
        if published is not None and random.random() < 1 / 3:
            self.correct("statements", published, {"text": text + " (corrected)"})
        if self.statuses and random.random() < 1 / 4:
            slot = random.randrange(len(self.statuses))
            status = {"uuid": self.statuses[slot], "version": None}
            corrected = self.correct("statuses", status, {"summary": f"Soak status: {text}"})
            if corrected is not None:
                self.statuses[slot] = corrected["uuid"]

    def correct(self, collection: str, record: dict, change: dict) -> dict | None:
        """A correction of a published record: started by the reviewer, edited by the
        editor, published by the reviewer; the correction as published, or None."""
        path = f"/api/v1/{collection}/{record['uuid']}/"
        body = {"version": record["version"]} if record["version"] else {}
        correction = self.write("reviewer", "POST", path + "correction/", body, "correction", "POST correction")
        if correction is None:
            return None
        corrected = f"/api/v1/{collection}/{correction['uuid']}/"
        edited = self.write("editor", "PATCH", corrected, {**change, "version": correction["version"]}, "update",
                            f"PATCH {collection}")  # fmt: skip
        if edited is None:
            return None
        return self.write("reviewer", "POST", corrected + "publish/", {"version": edited["version"]},
                          "publish_correction", "POST publish")  # fmt: skip


def writer(config: dict, recorder: Recorder, number: int) -> None:
    writing = Writer(config, recorder, number)
    while not stop.is_set():
        writing.story()
        pause(config["writer_pause"])


ROLES: dict[str, Callable[[dict, Recorder, int], None]] = {
    "readers": reader, "tools": tool, "hostile": hostile, "writers": writer,
}  # fmt: skip


def _stop(signum: int, frame: FrameType | None) -> None:
    stop.set()


def main() -> int:
    config = json.loads(Path(sys.argv[1]).read_text())
    recorder = Recorder(Path(sys.argv[2]))
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    threads = [
        threading.Thread(target=ROLES[role], args=(config, recorder, number), name=f"{role}-{number}")
        for role, count in config["clients"].items()
        for number in range(count)
    ]
    for thread in threads:
        thread.start()
    while not stop.is_set():
        stop.wait(0.5)
    for thread in threads:
        thread.join(timeout=TIMEOUT + 5)
    recorder.write(kind="done", at=time.time())
    return 0


if __name__ == "__main__":
    sys.exit(main())
