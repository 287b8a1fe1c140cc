"""The benchmark's pure parts: reading wrk's report, comparing a twin's JSON with the API's,
and judging figures against issue 19's targets. The benchmark itself is not part of the
suite (`python3 dev.py bench`)."""

import sysconfig

import pytest

from scripts.bench_measures import first_difference
from scripts.bench_profile import ROOT, charged_by_part
from scripts.bench_report import (
    FIRST_PAGE,
    FLOOR,
    ISSUES,
    ISSUES_304,
    ISSUES_TWIN,
    MATRIX,
    MATRIX_304,
    MATRIX_TWIN,
    PAGE_500,
    ROUND_TRIPS_304,
    Measured,
    Target,
    pages_row,
    ratio,
    render,
    rows,
    versus_row,
)
from scripts.bench_wrk import WrkReport, check_report, parse_wrk
from scripts.ci_tools import Failed

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:40000/api/v1/issues/?process=alpha
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.41ms  801.22us  14.90ms   81.20%
    Req/Sec   624.38     31.05   680.00     74.00%
  Latency Distribution
     50%  612.00us
     75%    6.70ms
     90%    7.21ms
     99%    9.85ms
  3107 requests in 5.00s, 40.87MB read
Requests/sec:    621.03
Transfer/sec:      8.17MB
"""


def test_it_reads_the_rate_the_count_and_the_median_of_a_wrk_report():
    report = parse_wrk(WRK_OUTPUT)
    assert report == WrkReport(requests=3107, per_second=621.03, median_ms=0.612, not_ok=0, socket_errors=0)


def test_it_reads_a_median_in_seconds_and_the_answers_that_were_not_ok():
    errors = "  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 17\n"
    output = WRK_OUTPUT.replace("50%  612.00us", "50%    1.20s").replace("Requests/sec:", errors + "Requests/sec:")
    report = parse_wrk(output)
    assert (report.median_ms, report.not_ok, report.socket_errors) == (1200.0, 17, 3)


def test_a_report_without_a_rate_fails_the_run():
    with pytest.raises(Failed, match="no requests per second"):
        parse_wrk("unable to connect to 127.0.0.1:40000 Connection refused\n")


@pytest.mark.parametrize(
    ("report", "problem"),
    [
        (WrkReport(requests=100, per_second=20, median_ms=5, not_ok=1, socket_errors=0), "neither 2xx nor 304"),
        (WrkReport(requests=100, per_second=20, median_ms=5, not_ok=0, socket_errors=2), "socket errors"),
        (WrkReport(requests=0, per_second=0, median_ms=None, not_ok=0, socket_errors=0), "no request"),
    ],
)
def test_an_answer_that_is_not_ok_or_a_socket_error_fails_the_run(report, problem):
    with pytest.raises(Failed, match=problem):
        check_report(report, "issues")


def test_a_clean_report_passes():
    check_report(parse_wrk(WRK_OUTPUT), "issues")


def test_a_twin_with_the_same_json_has_no_difference_and_one_that_differs_is_pointed_at():
    api = {"count": 1, "results": [{"slug": "a", "positions": [{"stance": "x"}]}]}
    assert first_difference(api, {"count": 1, "results": [{"slug": "a", "positions": [{"stance": "x"}]}]}) is None
    twin = {"count": 1, "results": [{"slug": "a", "positions": [{"stance": "y"}]}]}
    assert first_difference(api, twin) == ".results[0].positions[0].stance: 'x' vs 'y'"
    assert "keys" in first_difference({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert first_difference([1, 2], [1]) == ": 2 items vs 1"


def test_a_ratio_is_of_the_medians_of_the_runs():
    assert ratio([100, 400, 300], [1000, 500, 600]) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        ratio([1.0], [])


@pytest.mark.parametrize(
    ("target", "value", "met"),
    [
        (Target("at least", 0.8), 0.8, True),
        (Target("at least", 0.8), 0.79, False),
        (Target("at most", 1.5), 1.5, True),
        (Target("at most", 1.5), 1.51, False),
        (Target("under", 50), 49.9, True),
        (Target("under", 50), 50.0, False),
    ],
)
def test_a_target_is_met_on_its_side_of_the_bound(target, value, met):
    assert target.met(value) is met


def test_a_comparison_with_two_subjects_is_met_only_when_both_are():
    runs = {ISSUES_304: [700, 650, 600], MATRIX_304: [500, 550, 560], FLOOR: [1000, 1000, 1000]}
    row = versus_row("304s", [ISSUES_304, MATRIX_304], FLOOR, runs, Target("at least", 0.6), "0.21–0.22")
    assert row.result == "0.65, 0.55"
    assert not row.met
    runs[MATRIX_304] = [600, 620, 640]
    assert versus_row("304s", [ISSUES_304, MATRIX_304], FLOOR, runs, Target("at least", 0.6), "").met


def test_the_pages_are_met_when_every_median_is_under_50_ms():
    row = pages_row({"/": [20.0, 22.0, 21.0], "/rounds/r/": [60.0, 40.0, 45.0]})
    assert row.met and row.result == "45.0 ms at most"
    row = pages_row({"/": [20.0, 22.0, 21.0], "/rounds/r/": [60.0, 52.0, 45.0]})
    assert not row.met and "`/rounds/r/`" in row.figures and "1 of 2 pages" in row.figures


def measured():
    throughput = {FLOOR: [2400.0] * 3, ISSUES: [500.0] * 3, ISSUES_TWIN: [2000.0] * 3, MATRIX: [700.0] * 3,
                  MATRIX_TWIN: [2000.0] * 3, ISSUES_304: [500.0] * 3, MATRIX_304: [520.0] * 3,
                  FIRST_PAGE: [300.0] * 3, PAGE_500: [290.0] * 3}  # fmt: skip
    return Measured(throughput=throughput, pages={"/": [30.0, 31.0, 29.0]}, rebuild_all_s=13.0, copy_s=2.0,
                    rebuild_connections=2, rebuild_one_connection_s=20.0, replace_s=3.0, timeline_rows=110_000,
                    issue_rebuild_s=[0.09, 0.1, 0.11], peak_mb=120.0,
                    publish_s=[1.2, 1.3, 1.25])  # fmt: skip


def test_every_row_of_the_issue_is_judged():
    judged = {row.measure: row for row in rows(measured())}
    assert len(judged) == 8
    assert not judged["`issues/?process=` vs its twin"].met  # 0.25
    assert judged["`statements/` 500th page vs the first"].met  # 0.97
    rebuild = judged["`rebuild_timelines --all` vs COPY of the same rows into the same table"]
    assert rebuild.result == "6.5×"
    assert "DELETE + COPY of them in one transaction" in rebuild.figures
    assert "3.00 s (1.5×)" in rebuild.figures
    assert "13.00 s on the command's default of 2 connections (on one: 20.00 s, 10.0×)" in rebuild.figures
    assert not judged["publish → issue timeline current, with a real worker"].met
    assert judged["one issue's rebuild; peak memory of `--all`"].met  # within a quarter of 0.10 s and 100 MB


def test_the_report_says_it_is_generated_and_counts_the_targets_met():
    setting = {"command": "python3 dev.py bench", "date": "2026-12-06 12:00 UTC", "duration": "12 min 3 s",
               "machine": "a CPU, 2 cores"}  # fmt: skip
    text = render(measured(), setting, ["how it was measured"])
    assert "Generated by `python3 dev.py bench` on 2026-12-06 12:00 UTC" in text
    assert "**3 of 8 targets met**" in text
    assert "- machine: a CPU, 2 cores" in text and "- how it was measured" in text
    assert "busy" not in text
    noted = render(measured(), {**setting, "note": "The machine was busy."}, [])
    assert "**The machine was busy.**" in noted and "- note:" not in noted


def test_the_profile_of_a_304_says_how_much_of_its_extra_time_is_ours():
    parts = ("negotrack's own code", "Django", "Django REST framework", "the clients")
    profile = {
        "requests": 2000,
        "floor": {"ms": 0.4, "parts": dict(zip(parts, (0.02, 0.3, 0.0, 0.0), strict=True))},
        "304": {"ms": 1.4, "parts": dict(zip(parts, (0.12, 0.5, 0.2, 0.4), strict=True))},
    }
    setting = {"command": "c", "date": "d", "duration": "t"}
    with_profile = measured()
    with_profile.profile_304 = profile
    text = render(with_profile, setting, [])
    assert "## Where a 304's time goes" in text
    assert "| Django REST framework | 0.000 ms | 0.200 ms | +0.200 ms |" in text
    assert "| **the whole request** | 0.400 ms | 1.400 ms | +1.000 ms |" in text
    assert "negotrack's own code accounts for +0.100 ms of the 304's 1.000 ms beyond the floor (10%)" in text
    assert "Where a 304" not in render(measured(), setting, [])
    assert "0.22 when the issue was filed, 0.21 in this run (the lower of the two), target 0.60: -3% of" in text
    with_profile.throughput |= {ISSUES_304: [1200.0] * 3, MATRIX_304: [1320.0] * 3}
    assert "0.50 in this run (the lower of the two), target 0.60: 74% of the gap closed." in render(
        with_profile, setting, []
    )
    with_profile.throughput[ROUND_TRIPS_304] = [1320.0, 1296.0, 1344.0]
    assert (
        "no DRF) reached 0.55 of the floor's rate (1,320, 1,296, 1,344 req/s (median 1,320)), below the target; "
        "the API's 304s reach 91% of that view's rate." in render(with_profile, setting, [])
    )


def test_the_standard_librarys_time_in_a_304s_profile_goes_to_whoever_called_it():
    """A join called by negotrack's code and by Django, through a standard function or
    directly, is charged to each in proportion; one that nothing outside the standard
    library called stays with it."""
    ours = (str(ROOT / "negotrack" / "conditional.py"), 1, "validators_for")
    django = (str(ROOT / ".venv/lib/python3.11/site-packages/django/core/handlers/base.py"), 1, "get_response")
    hashing = (sysconfig.get_paths()["stdlib"] + "/hashlib.py", 1, "new")
    join = ("~", 0, "<method 'join' of 'str' objects>")
    alone = ("~", 0, "<built-in method builtins.len>")
    stats = {
        ours: (1, 1, 0.010, 0.1, {}),
        django: (1, 1, 0.020, 0.2, {}),
        hashing: (1, 1, 0.004, 0.01, {ours: (1, 1, 0.004, 0.01)}),
        join: (3, 3, 0.006, 0.006, {hashing: (1, 1, 0.003, 0.003), django: (2, 2, 0.003, 0.003)}),
        alone: (1, 1, 0.001, 0.001, {}),
    }
    charged = charged_by_part(stats)
    assert charged["negotrack's own code"] == pytest.approx(0.010 + 0.004 + 0.003)
    assert charged["Django"] == pytest.approx(0.020 + 0.003)
    assert charged["Python's standard library and built-ins, called by none of the above"] == pytest.approx(0.001)
    assert sum(charged.values()) == pytest.approx(sum(row[2] for row in stats.values()))
