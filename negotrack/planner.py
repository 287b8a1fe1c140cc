"""What PostgreSQL's planner is told when a connection opens: what reading a page at random costs.

PostgreSQL's default `random_page_cost` (4, four times a page read in order) was set for
spinning disks. negotrack's record fits in memory and lives on SSDs, where a random read
costs about as much as one in order; with the default, the planner reads a whole table
and hashes it rather than probe an index a few hundred times. The entry page's sources,
for instance: every statement's citations read and hashed (11.6 ms) instead of the round's
217 statements' looked up (2.1 ms). `DATABASE_RANDOM_PAGE_COST` sets the value (1.1, the
usual one for SSDs; 4 is the server's default).

It is a `SET` as each connection opens rather than a startup option, which poolers such
as PgBouncer refuse: one round trip a connection, and connections are kept
(`CONN_MAX_AGE`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.backends.signals import connection_created


def tell_the_planner(sender: object, connection: Any, **kwargs: Any) -> None:
    cost = settings.DATABASE_RANDOM_PAGE_COST
    if connection.vendor == "postgresql":
        # On psycopg's connection, as Django sets the time zone: part of opening the
        # connection, not a query of whoever opened it.
        # Django's errors, not psycopg's: a connection cut here (a restart) answers 503.
        with connection.wrap_database_errors:
            connection.connection.execute("SELECT set_config('random_page_cost', %s, false)", [str(cost)])


connection_created.connect(tell_the_planner, dispatch_uid="negotrack.planner.random_page_cost")
