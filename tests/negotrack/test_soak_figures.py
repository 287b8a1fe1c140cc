"""The soak test's judgement (scripts/soak_figures.py) on made-up loads: which answers count
against which target. The soak itself runs in CI (`python3 dev.py soak --ci`)."""

import json

import pytest

from scripts.soak_faults import Window
from scripts.soak_figures import Figures

T0 = 1_800_000_000.0
WINDOWS = [
    Window("redis_frozen", T0 + 10, T0 + 40),
    Window("worker_main_killed", T0 + 50, T0 + 60, note="back=3.4"),
    Window("postgres_restart", T0 + 70, T0 + 85, note="down=3.2"),
]


def request(at, status=200, took=0.05, role="reader", label="/"):
    return {"kind": "request", "role": role, "at": T0 + at, "took": took, "status": status, "method": "GET",
            "label": label, "path": label}  # fmt: skip


def judged(tmp_path, requests):
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(line) + "\n" for line in requests))
    figures = Figures(0, {}, results, WINDOWS, T0, T0 + 100, say=print)
    figures.from_the_requests()
    return {figure.name: figure for figure in figures.figures}


CALM = [request(at) for at in range(0, 100, 2)]


def test_a_calm_load_meets_every_target(tmp_path):
    figures = judged(tmp_path, CALM)
    assert all(figure.met for figure in figures.values())
    assert figures["longest error stretch around the PostgreSQL restart (first error to last)"].value == "0.0 s"


def test_503s_in_the_restart_count_for_its_stretch_and_nothing_else(tmp_path):
    restart = [request(71, 503, took=0.5), request(72, 0, took=1.0), request(75.5, 503, took=0.5)]
    figures = judged(tmp_path, CALM + restart)
    stretch = figures["longest error stretch around the PostgreSQL restart (first error to last)"]
    assert stretch.value == "5.0 s" and stretch.met
    assert not figures["errors in the restart, by answer (0: no answer)"].met  # no answer is not a 503
    assert figures["server errors outside the PostgreSQL restart"].met


def test_a_request_in_flight_when_the_restart_began_belongs_to_it(tmp_path):
    figures = judged(tmp_path, [*CALM, request(69.5, 503, took=0.8)])
    assert figures["server errors outside the PostgreSQL restart"].met


@pytest.mark.parametrize(
    ("extra", "figure"),
    [
        (request(5, 500), "server errors outside the PostgreSQL restart"),
        (request(72, 500), "errors in the restart, by answer (0: no answer)"),
        (request(55, 502, role="writer"), "errors while the worker's main process was dead and restarted"),
        (
            request(5, took=2.5),
            "readers' answers during hostile searches (pages and API; Redis and PostgreSQL faults aside)",
        ),  # fmt: skip
        (request(5, 429, role="tool"), "readers refused by the per-address limits"),
    ],
)
def test_each_target_is_missed_by_the_answer_it_forbids(tmp_path, extra, figure):
    assert not judged(tmp_path, [*CALM, extra])[figure].met


def test_slow_answers_while_redis_is_frozen_do_not_count_against_the_readers(tmp_path):
    figures = judged(tmp_path, [*CALM, request(20, took=2.5)])
    assert figures["readers' answers during hostile searches (pages and API; Redis and PostgreSQL faults aside)"].met
