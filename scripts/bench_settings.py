"""The settings of the benchmark's gunicorn (scripts/bench.py): production's, with the
benchmark's routes added and the anonymous rate limits raised past what the run asks.

The throttles still run on every request, so their cost stays in the figures. DRF keeps,
per address, the times of the requests within the rate's period: a per-second rate keeps
that list to one second of requests, the shortest period DRF knows.
"""

from negotrack.settings import *  # noqa: F403  # production's settings, every one of them
from negotrack.settings import REST_FRAMEWORK

ROOT_URLCONF = "scripts.bench_urls"

# Far above what two sync workers on two cores can serve: never a 429 in a run.
BENCH_ANON_RATE = "1000000/s"
API_ANON_RATE = BENCH_ANON_RATE
PAGE_ANON_RATE = BENCH_ANON_RATE
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": API_ANON_RATE}}
