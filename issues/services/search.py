"""The statements' search documents (issues.models.StatementSearch), on PostgreSQL: written
in the transaction of every save that changes what a search reads, whichever record the
change is on (the statement, or the person who said it)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, cast

from django.db import connections
from django.db.models import QuerySet

from delegations.models import Person
from issues.models import Statement, StatementSearch, statement_search_document

# The fields each document is made from, on the statement and on its speaker.
SEARCHED_STATEMENT_FIELDS = {"text", "translation", "speaker_description", "speaker"}
SEARCHED_PERSON_FIELDS = {"name", "aliases"}


def search_documents_refresh(statements: QuerySet[Statement]) -> None:
    """Write the search documents of `statements` in one statement, on the database: no
    text travels to Python and back, however long. Nothing on SQLite, which searches the
    fields themselves (negotrack.search)."""
    connection = connections[statements.db]
    if connection.vendor != "postgresql":
        return
    # The ORM makes the SELECT (the speaker's join, the document's expression); an upsert
    # from a SELECT is beyond it.
    rows = statements.order_by().annotate(document=statement_search_document()).values_list("pk", "document")
    select, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    table = quote(StatementSearch._meta.db_table)
    # A concrete field always has its column.
    statement, document = (quote(cast(str, field.column)) for field in StatementSearch._meta.concrete_fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({statement}, {document}) {select} "
            f"ON CONFLICT ({statement}) DO UPDATE SET {document} = EXCLUDED.{document}",
            params,
        )


def search_follows_statement(
    sender: type[Statement], record: Statement, action: str, changed_fields: Collection[str], **kwargs: Any
) -> None:
    """`record_changed` of a statement: a new one, or new words or a new speaker."""
    if action != "delete" and SEARCHED_STATEMENT_FIELDS & set(changed_fields):
        search_documents_refresh(Statement.objects.filter(pk=record.pk))


def search_follows_person(
    sender: type[Person], record: Person, action: str, changed_fields: Collection[str], **kwargs: Any
) -> None:
    """`record_changed` of a person: a new name or aliases reach every statement they made."""
    if action != "delete" and SEARCHED_PERSON_FIELDS & set(changed_fields):
        search_documents_refresh(Statement.objects.filter(speaker=record))
