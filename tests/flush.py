"""The flush after a committing test (`transaction=True`), on PostgreSQL: a DELETE of each
table, as Django's SQLite backend flushes, instead of one TRUNCATE of them all.

PostgreSQL's TRUNCATE gives every table and each of its indexes a new file, however few
rows it holds: for the suite's 80 tables that took 0.5 to 0.8 s on this project's machine,
empty or not, where the DELETEs of the few rows a test commits take a few milliseconds.
Either way every table is left empty and every sequence where it was (the flush after a
test never resets them), and the groups, permissions and content types that a serialized
rollback puts back are put back the same. The foreign keys Django makes on PostgreSQL are
checked at commit, so the order of the tables does not matter.

`manage.py flush`, which resets the sequences, and a flush that cascades (a test with
`available_apps`) keep Django's TRUNCATE.
"""

from django.db.backends.postgresql.operations import DatabaseOperations

truncate = DatabaseOperations.sql_flush


def delete_each_table(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if reset_sequences or allow_cascade or not tables:
        return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
    return [
        f"{style.SQL_KEYWORD('SET CONSTRAINTS ALL DEFERRED')};",
        *(f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables),
    ]
