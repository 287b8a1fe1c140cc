"""The changes feed: every change to the record, oldest first, each exactly once, by cursor.

A position in the feed is (txid, id): the writing transaction (filled by the database,
see `Change.txid`) and the change-log row. Transactions commit out of order, so a plain
id could hand a tool a cursor past a change that commits a moment later with a smaller
id. On PostgreSQL the feed shows only rows of transactions below the xmin of the
statement's own snapshot: every transaction before that has finished, so nothing can
later appear before a position once it has been shown. Any transaction still open, here
or elsewhere in the cluster, holds the feed back (never loses a change). SQLite has one
writer at a time: txid is 0 there and the order of ids is the order of commits.

Old rows expire (`prune_changes`); a cursor before the pruned-through position answers
410 and the tool resyncs from the lists.

Its parts: the cursor and what has settled (`cursor`), a page of the feed (`feed`),
expiry (`prune`) and the API view (`views`).
"""
