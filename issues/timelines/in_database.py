"""The timeline builder in SQL, for PostgreSQL: the same entries as `builder.build`, written
by the database itself (`INSERT … SELECT`), and the fingerprints of the same inputs.

A rebuild of every timeline of a large record is mostly the reading of its inputs into
Python and the writing of the entries back; here neither leaves the server. The Python
builder stays the definition of a timeline (and what SQLite and the record as it stood
use): tests/issues/timelines/test_in_database.py builds a varied record both ways and
holds every column of every entry equal.

Each input row mirrors a `builder.Input`: the issue, the record's identity, its place in
time (an assessment at a round takes the round's last day), what it shows, its sources
(as the JSON an entry stores) and its notice (withdrawn or superseded). The fingerprint
digests the same fields, though not as `builder.fingerprint` does: a database keeps only
its own builder's. It hashes rows with `hash_record_extended`, which PostgreSQL has since
version 14, the oldest that Django 5.2 supports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import connection

from issues.models.publication import PUBLIC_STATES
from issues.timelines import builder
from issues.vocabulary import AssessmentStatus
from rounds.dates import MONTHS


def _sources(citations: str, owner: str) -> str:
    """The JSON list of the sources the record `x` cites, in the order of their ids. A
    subquery a record, by index: linear in the records whatever the planner knows of the
    tables (a join of records to sources grouped by record, planned from the statistics of
    tables just filled, can turn quadratic)."""
    return f"""(SELECT coalesce(jsonb_agg(jsonb_build_object('uuid', s.uuid, 'outlet', s.outlet, 'title', s.title,
                                                        'url', s.url) ORDER BY s.id), '[]')
                 FROM {citations} c JOIN rounds_source s ON s.id = c.source_id
                WHERE c.{owner} = x.id)"""


# The public records behind the timelines of the issues %(ids)s, one row per issue and record.
_RECORDS = f"""
    SELECT x.issue_id, 'status' AS kind, 'issues.issuestatus' AS record_type, x.id AS pk, x.uuid, x.state,
           x.published_at, x.withdrawn_on, x.correction_note, x.superseded_at, x.round_id, x.date, x.date_precision,
           false AS own_date, NULL::bigint AS party_id, '' AS party_name, %(labels)s::jsonb ->> x.status AS title,
           x.summary AS text, x.status AS value, {_sources("issues_issuestatus_sources", "issuestatus_id")} AS sources
      FROM issues_issuestatus x
     WHERE x.issue_id = ANY(%(ids)s) AND x.state = ANY(%(public)s)
    UNION ALL
    SELECT x.issue_id, 'position', 'issues.position', x.id, x.uuid, x.state,
           x.published_at, x.withdrawn_on, x.correction_note, x.superseded_at, x.round_id, x.date, x.date_precision,
           false, x.party_id, p.name, '', x.text, x.stance, {_sources("issues_position_sources", "position_id")}
      FROM issues_position x JOIN delegations_party p ON p.id = x.party_id
     WHERE x.issue_id = ANY(%(ids)s) AND x.state = ANY(%(public)s)
    UNION ALL
    SELECT link.issue_id, 'agreement', 'issues.agreement', x.id, x.uuid, x.state,
           x.published_at, x.withdrawn_on, x.correction_note, x.superseded_at, x.round_id, x.date, x.date_precision,
           false, NULL, '', x.title,
           x.terms || coalesce(E'\\n\\nParties: ' || nullif((
               SELECT string_agg(p.name, ', ' ORDER BY p.name COLLATE "C")
                 FROM issues_agreement_parties bound JOIN delegations_party p ON p.id = bound.party_id
                WHERE bound.agreement_id = x.id), '') || '.', ''),
           '', {_sources("issues_agreement_sources", "agreement_id")}
      FROM issues_agreement_issues link JOIN issues_agreement x ON x.id = link.agreement_id
     WHERE link.issue_id = ANY(%(ids)s) AND x.state = ANY(%(public)s)
    UNION ALL
    SELECT link.issue_id, 'statement', 'issues.statement', x.id, x.uuid, x.state,
           x.published_at, x.withdrawn_on, x.correction_note, x.superseded_at, x.round_id, x.date, x.date_precision,
           true, x.party_id, coalesce(p.name, ''),
           coalesce(nullif(speaker.name, ''), nullif(x.speaker_description, ''), 'unknown speaker')
               || CASE WHEN x.party_id IS NULL THEN '' ELSE ' (' || p.name || ')' END,
           x.text || CASE WHEN x.translation = '' THEN '' ELSE E'\\n\\n' || x.translation END,
           '', {_sources("issues_statement_sources", "statement_id")}
      FROM issues_statementissue link JOIN issues_statement x ON x.id = link.statement_id
           LEFT JOIN delegations_person speaker ON speaker.id = x.speaker_id
           LEFT JOIN delegations_party p ON p.id = x.party_id
     WHERE link.issue_id = ANY(%(ids)s) AND x.state = ANY(%(public)s)
"""

# Where each record sits in time and its notice, as builder._common and builder._notice say.
_INPUTS = f"""
    inputs AS MATERIALIZED (
        SELECT r.issue_id, r.kind, r.record_type, r.pk, r.uuid, r.published_at, r.round_id, r.party_id,
               r.party_name, r.title, r.text, r.value, r.sources, placed.date, placed.date_precision,
               nullif(r.state, 'published') AS notice_state,
               CASE r.state WHEN 'withdrawn' THEN r.withdrawn_on
                            WHEN 'superseded' THEN coalesce((r.superseded_at AT TIME ZONE %(zone)s)::date, placed.date)
               END AS notice_on,
               CASE r.state WHEN 'withdrawn' THEN r.correction_note ELSE '' END AS notice_note
          FROM ({_RECORDS}) r
               LEFT JOIN rounds_round round ON round.id = r.round_id AND NOT r.own_date
               CROSS JOIN LATERAL (
                   SELECT CASE WHEN round.id IS NULL THEN r.date ELSE coalesce(round.end_date, round.start_date) END,
                          CASE WHEN round.id IS NULL THEN r.date_precision ELSE 'day' END
               ) AS placed (date, date_precision)
    )"""

# A day as rounds.dates.format_day writes it: "6 Dec 2026".
_DAY = """extract(day FROM {0})::int || ' ' || (%(months)s::text[])[extract(month FROM {0})::int] || ' '
          || extract(year FROM {0})::int"""

# Each issue's fingerprint: a digest of the builder's version, the issue's name and its
# records, each record hashed whole (every field, by its type's own hash, twice with two
# seeds) and the hashes summed: no text is made of the records, and no sort is needed.
# With how many entries the issue has, where they are written.
_DIGESTS = """
    SELECT issue.id, {entries},
           encode(sha256(convert_to(concat_ws(' ', %(version)s, issue.id, coalesce(read.records, 0),
                                              coalesce(read.one, 0), coalesce(read.other, 0), issue.name), 'UTF8')),
                  'hex')
      FROM issues_issue issue
           LEFT JOIN (
               SELECT issue_id, count(*) AS records, sum(hash_record_extended(record, 0)::numeric) AS one,
                      sum(hash_record_extended(record, 1)::numeric) AS other
                 FROM (SELECT issue_id, ROW(kind, record_type, uuid, pk, date, date_precision, round_id, published_at,
                                            party_id, party_name, title, text, value, sources, notice_state, notice_on,
                                            notice_note) AS record
                         FROM inputs) i
                GROUP BY issue_id
           ) read ON read.issue_id = issue.id
           {joined}
     WHERE issue.id = ANY(%(ids)s)
"""

# The entries, as builder.build makes them: a status or a stance with the one before it (a
# party's own, for a stance), agreements and statements as they are, a correction notice
# for each record that left the public record; numbered by day, kind and key. Within a day
# and a kind, the keys (`kind:uuid`) sort as their UUIDs do, which are compared instead.
_ENTRIES = f"""/* negotrack: timeline entries written */
    WITH {_INPUTS},
    public AS NOT MATERIALIZED (SELECT * FROM inputs WHERE notice_state IS NULL),
    entries AS (
        SELECT s.issue_id, 'status_change' AS kind, 0 AS day_order, s.date, s.date_precision, s.round_id, s.party_id,
               issue.name || ': ' || CASE WHEN s.before IS NULL THEN '' ELSE %(labels)s::jsonb ->> s.before || ' → ' END
                   || (%(labels)s::jsonb ->> s.value) AS title,
               s.text, coalesce(s.before, '') AS before, s.value AS after, s.record_type, s.uuid, s.sources
          FROM (SELECT *, lag(value) OVER (PARTITION BY issue_id ORDER BY date, published_at NULLS FIRST, pk) AS before
                  FROM public WHERE kind = 'status') s
               JOIN issues_issue issue ON issue.id = s.issue_id
        UNION ALL
        SELECT issue_id, 'position_change', 2, date, date_precision, round_id, party_id, party_name || ': ' || value,
               text, coalesce(before, ''), value, record_type, uuid, sources
          FROM (SELECT *, lag(value) OVER (PARTITION BY issue_id, party_id
                                           ORDER BY date, published_at NULLS FIRST, pk) AS before
                  FROM public WHERE kind = 'position') p
        UNION ALL
        SELECT issue_id, 'agreement', 1, date, date_precision, round_id, party_id, title, text, '', '', record_type,
               uuid, sources
          FROM public WHERE kind = 'agreement'
        UNION ALL
        SELECT issue_id, 'statement', 3, date, date_precision, round_id, party_id, title, text, '', '', record_type,
               uuid, sources
          FROM public WHERE kind = 'statement'
        UNION ALL
        SELECT issue_id, 'correction', 4, date, date_precision, round_id, party_id,
               CASE notice_state WHEN 'withdrawn' THEN 'Withdrawn on ' ELSE 'Corrected on ' END
                   || {_DAY.format("notice_on")} || ': the ' || kind || ' “' || coalesce(nullif(title, ''), value)
                   || '”',
               CASE notice_state WHEN 'withdrawn' THEN notice_note
                    ELSE 'A correction replaced this record; the corrected version is on the timeline.' END,
               '', '', record_type, uuid, sources
          FROM inputs WHERE notice_state IS NOT NULL
    ),
    written AS (
        INSERT INTO issues_timelineentry (issue_id, position, key, kind, date, date_precision, round_id, party_id,
                                          title, text, before, after, record_type, record_uuid, sources)
        SELECT issue_id,
               row_number() OVER (PARTITION BY issue_id ORDER BY date, day_order, uuid) - 1,
               kind || ':' || uuid, kind, date, date_precision, round_id, party_id, left(title, 500), text,
               left(before, 200), left(after, 200), record_type, uuid, sources
          FROM entries
        RETURNING issue_id
    ),
    counted AS (SELECT issue_id, count(*) AS entries FROM written GROUP BY issue_id)
    {_DIGESTS.format(joined="LEFT JOIN counted ON counted.issue_id = issue.id", entries="coalesce(counted.entries, 0)")}
"""

# Only the fingerprints, from the same inputs. Each statement opens with a comment that
# names it in pg_stat_activity, which keeps only the first kilobyte of a query.
_FINGERPRINTS = f"""/* negotrack: timeline fingerprints */
    WITH {_INPUTS}
    {_DIGESTS.format(joined="", entries="NULL::bigint")}
"""


def _parameters(issue_ids: Sequence[int]) -> dict[str, Any]:
    return {
        "ids": list(issue_ids),
        "public": [str(state) for state in PUBLIC_STATES],
        "labels": json.dumps({status.value: status.label for status in AssessmentStatus}),
        "months": [month[:3] for month in MONTHS],
        "zone": settings.TIME_ZONE,
        "version": f"builder:{builder.BUILDER_VERSION}:sql",
    }


def _run(statement: str, issue_ids: Sequence[int]) -> list[tuple[int, int | None, str]]:
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            # A few large sorts and aggregates: in memory, and not worth compiling.
            cursor.execute("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off")
        cursor.execute(statement, _parameters(issue_ids))
        return cursor.fetchall()


def fingerprints(issue_ids: Sequence[int]) -> dict[int, str]:
    """The fingerprint of each of these issues' inputs (of those that exist), by issue."""
    return {issue_id: digest for issue_id, _, digest in _run(_FINGERPRINTS, issue_ids)}


def insert_entries(issue_ids: Sequence[int]) -> dict[int, tuple[int, str]]:
    """Write the entries of these issues (whose old ones are gone), built by the database;
    how many each has, and the fingerprint of the inputs they were built from."""
    return {issue_id: (entries or 0, digest) for issue_id, entries, digest in _run(_ENTRIES, issue_ids)}
