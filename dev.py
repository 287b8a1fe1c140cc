#!/usr/bin/env python3
"""negotrack's two commands for a newcomer: `run` the site, or `test` it.

    python3 dev.py run     # a virtual environment, the demo data, http://127.0.0.1:8000/
                           # (--port 8001, --host 0.0.0.0 to serve elsewhere)
    python3 dev.py test    # the whole test suite (pass pytest options after it)

and, for production on a machine with PostgreSQL and Redis (no Docker):

    python3 dev.py stack   # gunicorn, a Celery worker and beat, with DATABASE_URL,
                           # REDIS_URL and SECRET_KEY set; one that dies is
                           # restarted; Ctrl-C stops them all
    python3 dev.py soak    # the stack under load while faults arrive (--ci: CI's
                           # four-minute run); prints its figures
    python3 dev.py bench   # the speed benchmark on a PostgreSQL and Redis of its
                           # own (about 10 minutes); writes BENCHMARKS.md

and, after a change to the API:

    python3 dev.py client  # regenerate the typed Python client in clients/python/
                           # from the API's schema (the tests fail until it is)

Needs only Python 3.11+ and git: everything else is installed into .venv from
pyproject.toml, pinned by requirements.lock.
"""

# This file stays plain enough for any Python to read, so that an old one is told what
# is needed instead of failing on syntax it does not know.
import sys

if sys.version_info < (3, 11):
    sys.exit(
        "negotrack needs Python 3.11 or newer; this is Python %d.%d (%s).\n"
        "Install Python 3.11+ and run this command with it, e.g. python3.11 dev.py run"
        % (sys.version_info[0], sys.version_info[1], sys.executable)
    )

from scripts.dev_commands import main  # noqa: E402

main(__doc__)
