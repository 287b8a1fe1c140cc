"""Browser tests: the running site, with the demo data, in Debian's Chromium driven by
Playwright. The machinery is in `harness.py`, the fixtures in `conftest.py`."""
