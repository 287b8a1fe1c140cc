"""The record as it stood: `?as_known_on=` on every analysts' page and API read.

`?as_known_on=2026-03-01` shows the public record as it was published at the end of that
day (UTC); `?as_known_on=2026-03-01T12:30:05.123456Z` as it was at that moment, which is
what "Cite this page" links to. What was withdrawn or corrected later shows as it stood
then.

**How.** Every record keeps its history (django-simple-history: a row for each save and
delete, with its time), so the record as it stood at a moment is, for each record, its
newest history row up to that moment, unless that row is its deletion. For such a request
the middleware opens a transaction on the primary, and a temporary table stands in for
each record table and each of their many-to-many tables, named as the table, with its
columns and primary key, filled from the history: both PostgreSQL and SQLite look a name
up among the connection's temporary objects first, so every query of the request, the
ORM's included, reads the record as it stood, and no view or query needs to know. Each
stand-in is made as a query first names it (`StandIns`, an execute wrapper), so a read
pays only for the history of what it shows. The transaction is rolled back once the
answer is made (a streamed answer is read to its end first), which drops them.

**What is not history.** Values kept by the services rather than saved with a record (an
issue's current status, a position being current) are registered here by the app that
keeps them (`derived_column`), made from the history as the services make them; derived
tables (the timelines) get an empty stand-in (`derived_table`) that their reader fills.
On PostgreSQL a large stand-in gets statistics (`ANALYSED_FROM` rows or more), so that the
planner knows what it holds.

**Where.** Reads only (GET, HEAD, OPTIONS) of the analysts' pages, their feeds and the
API's reads; the editors' pages, the admin, the changes feed (a history of its own) and
the API's schema refuse it with a 400, as they do a date that cannot be read or that is
still to come.

**Known limits.** A history row's time is the time of the save, not of its commit: a
transaction still open at the moment asked for, and committed later, shows as if it had
committed at once. A round whose dates moved after its assessments were published shows
them on the effective date they had when they were last saved. A search of the words
(PostgreSQL's search documents) matches them as they are now, among the statements on record
then.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlencode

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone

PARAMETER = "as_known_on"

# Paths that are not the public record's reads: they refuse the parameter.
REFUSED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/records/",
    "/review/",
    "/entry/",
    "/webhooks/",
    "/static/",
    "/api/v1/changes/",
    "/api/v1/schema/",
    "/api/v1/docs/",
    "/api/v1/webhooks/",
)
REFUSED_PATHS = frozenset({"/healthz"})
READING = ("GET", "HEAD", "OPTIONS")

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A moment in ISO 8601's extended form: to the minute, the second or the microsecond, in UTC
# unless it names its offset (Python would also read "20260219" or "2026-W08-4").
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$")
# What the API's schema says the parameter takes: a day or a moment of the years 1900 to
# 2099, so that a generator of requests from the schema sends what `parse` reads (`parse`
# says why it refuses anything else).
SCHEMA_PATTERN = (
    r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$"
)
# Nothing on record is older: dates before 1900 are refused everywhere (DESIGN.md, Dates).
EARLIEST = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)


@dataclass
class _Reading:
    """A read of the record as it stood, for as long as it runs: its moment, its stand-ins,
    and the records it found changed since, by kind (`changed_since`)."""

    moment: datetime.datetime
    stand_ins: StandIns
    changed: dict[type[models.Model], frozenset[Any]] = dataclasses.field(default_factory=dict)


_reading: ContextVar[_Reading | None] = ContextVar("negotrack_as_known_reading", default=None)


def known_on() -> datetime.datetime | None:
    """The moment the running request shows the record as of, or None for the record as it is."""
    reading = _reading.get()
    return None if reading is None else reading.moment


class Refused(ValueError):
    """An `as_known_on` that cannot be read, or asked where it does not apply."""


def parse(value: str, *, now: datetime.datetime | None = None) -> datetime.datetime:
    """The moment an `as_known_on` value names, in UTC: a day's last microsecond, or a
    timestamp (UTC unless it names its offset). Refuses what is not either, and a moment
    still to come."""
    now = now or timezone.now()
    text = value.strip()
    if _DAY.match(text):
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError as error:
            raise Refused(f"{text!r} is not a date: {error}.") from None
        if day > now.astimezone(datetime.UTC).date():
            raise Refused(f"{day:%Y-%m-%d} is still to come: the record is known up to today (UTC).")
        if day < EARLIEST.date():
            raise Refused(f"{text!r} is before 1900, and nothing on record is older.")
        return datetime.datetime.combine(day, datetime.time.max, tzinfo=datetime.UTC)
    try:
        if not _MOMENT.match(text):
            raise ValueError(text)
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise Refused(
            f"{text[:40]!r} is neither a date (YYYY-MM-DD) nor a timestamp (YYYY-MM-DDTHH:MM:SS.ffffffZ)."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    try:
        moment = moment.astimezone(datetime.UTC)
    except OverflowError:
        # A moment of the year 1 east of UTC, or of the year 9999 west of it.
        raise Refused(f"{text[:40]!r} lies outside the years 1 to 9999 once in UTC.") from None
    if moment > now:
        raise Refused(f"{moment:%Y-%m-%dT%H:%M:%SZ} is still to come: the record is known up to now.")
    if moment < EARLIEST:
        raise Refused(f"{text[:40]!r} is before 1900, and nothing on record is older.")
    return moment


def moment_text(moment: datetime.datetime) -> str:
    """A moment as `as_known_on` takes it back, to the microsecond (the year in four
    digits: strftime writes the year 1 as "1")."""
    return moment.astimezone(datetime.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def url_as_known(request: HttpRequest, moment: datetime.datetime | None) -> str:
    """The request's own address (path and query) fixed at `moment`, or with `as_known_on`
    taken out when `moment` is None."""
    query = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name != PARAMETER:
            query.setlist(name, values)
    if moment is not None:
        query[PARAMETER] = moment_text(moment)
    encoded = query.urlencode(safe=":")
    return f"{request.path}?{encoded}" if encoded else request.path


def _with_moment(url: str, moment: datetime.datetime, *, ampersand: str = "&") -> str:
    """`url` with `as_known_on` at `moment` added to its query (`ampersand` as HTML writes it)."""
    joiner = ampersand if "?" in url else "?"
    return f"{url}{joiner}{urlencode({PARAMETER: moment_text(moment)}, safe=':')}"


def keep_moment(url: str) -> str:
    """An address of the site that shows the record at the running request's moment, when
    that request shows the record as it stood; `url` as it is otherwise. For the addresses
    that the rewriting of a page's links leaves out (an absolute link, a script's source)."""
    moment = known_on()
    return url if moment is None else _with_moment(url, moment)


# --- what apps register -----------------------------------------------------------------------

# `sql(rows)` gives the value of a column the history does not keep, for the row `known` of
# a stand-in: an expression, and the joins it needs (one pass over what they read, not a
# subquery for each row); `rows(model)` is the SQL of a record's rows as they stood, as a
# subquery.
RowsSQL = Callable[[type[models.Model]], str]
ColumnSQL = Callable[[RowsSQL], tuple[str, str]]

_derived_columns: dict[tuple[type[models.Model], str], ColumnSQL] = {}
_derived_tables: list[type[models.Model]] = []


def derived_column(model: type[models.Model], column: str, sql: ColumnSQL) -> None:
    """The value, as it stood, of a column that the services keep and the history leaves out."""
    _derived_columns[model, column] = sql


def derived_table(model: type[models.Model]) -> None:
    """A derived table whose stand-in is empty: its reader fills it, from the record as it
    stood, before it reads it (`StandIns.make` first, for a write that Django does not see)."""
    _derived_tables.append(model)


def empty_table(model: type[models.Model], connection: BaseDatabaseWrapper) -> str:
    """A temporary table with the columns of `model`'s table and none of its constraints."""
    quote = connection.ops.quote_name
    columns = []
    for field in model._meta.concrete_fields:
        column = f"{quote(cast(str, field.column))} {field.db_type(connection)}"
        if field.primary_key:
            column += " PRIMARY KEY"
            suffix = field.db_type_suffix(connection)
            if suffix:
                column += f" {suffix}"
        columns.append(column)
    return f"CREATE TEMPORARY TABLE {quote(model._meta.db_table)} ({', '.join(columns)})"


# --- the stand-ins --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _StandIn:
    """The statements that make one stand-in: its table, its rows (none for a derived table,
    which its reader fills) and, on PostgreSQL for a large one, its statistics."""

    create: str
    fill: str = ""
    analyse: str = ""


@dataclass(frozen=True)
class _Shadow:
    connection: BaseDatabaseWrapper
    moment: str  # the moment as an SQL literal

    def quote(self, name: str | None) -> str:
        # Every name quoted here is a concrete column's or a table's, never None.
        return self.connection.ops.quote_name(cast(str, name))

    def history_model(self, model: type[models.Model]) -> type[models.Model]:
        return model.history.model  # type: ignore[attr-defined]  # a Record's history manager

    def ranked(self, model: type[models.Model], columns: list[str]) -> str:
        """Each record's newest history row up to the moment, its deletion included."""
        history = self.history_model(model)
        picked = ", ".join(self.quote(column) for column in columns)
        pk = self.quote(cast(models.Field, model._meta.pk).column)
        return (
            f"SELECT {picked}, history_type AS known_type, ROW_NUMBER() OVER (PARTITION BY {pk} "
            f"ORDER BY history_date DESC, history_id DESC) AS known_rank "
            f"FROM {self.quote(history._meta.db_table)} WHERE history_date <= {self.moment}"
        )

    def kept_columns(self, model: type[models.Model]) -> list[str]:
        history_columns = {field.column for field in self.history_model(model)._meta.concrete_fields}
        return [cast(str, field.column) for field in model._meta.concrete_fields if field.column in history_columns]

    def rows(self, model: type[models.Model]) -> str:
        """A record's rows as they stood, with the columns its history keeps, as a subquery."""
        columns = self.kept_columns(model)
        picked = ", ".join(self.quote(column) for column in columns)
        ranked = self.ranked(model, columns)
        return f"(SELECT {picked} FROM ({ranked}) ranked WHERE known_rank = 1 AND known_type <> '-')"

    def fill(self, model: type[models.Model], select: str) -> _StandIn:
        """A temporary table named as `model`'s, with its columns and primary key, filled from
        `select`."""
        table = self.quote(model._meta.db_table)
        columns = ", ".join(self.quote(field.column) for field in model._meta.concrete_fields)
        # The columns a query filters, joins or sorts by, for PostgreSQL's statistics; long
        # texts would only cost time.
        keys = [
            self.quote(field.column)
            for field in model._meta.concrete_fields
            if not isinstance(field, (models.TextField, models.JSONField))
        ]
        return _StandIn(
            empty_table(model, self.connection),
            f"INSERT INTO {table} ({columns}) {select}",
            f"ANALYZE {table} ({', '.join(keys)})",
        )

    def record_table(self, model: type[models.Model]) -> _StandIn:
        kept = set(self.kept_columns(model))
        picked, joins = [], []
        for field in model._meta.concrete_fields:
            column = cast(str, field.column)
            if column in kept:
                picked.append(f"known.{self.quote(column)}")
                continue
            derive = _derived_columns.get((model, column))
            if derive is None:
                raise LookupError(
                    f"{model._meta.label}.{column} is left out of its history and has no derived value registered."
                )
            expression, join = derive(self.rows)
            picked.append(expression)
            joins.append(join)
        return self.fill(model, f"SELECT {', '.join(picked)} FROM {self.rows(model)} known {' '.join(joins)}")

    def many_table(self, model: type[models.Model], field: models.ManyToManyField) -> _StandIn:
        """A many-to-many table as it stood: the rows kept with each record's chosen history row."""
        through = cast(type[models.Model], field.remote_field.through)
        history = model._record_history.m2m_models[field]  # type: ignore[attr-defined]  # a Record's
        history_columns = {f.name: f.column for f in history._meta.concrete_fields}
        picked = [
            self.quote("m2m_history_id") if part.primary_key else self.quote(history_columns[part.name])
            for part in through._meta.concrete_fields
        ]
        chosen = (
            f"SELECT history_id FROM ({self.ranked(model, ['history_id'])}) ranked "
            "WHERE known_rank = 1 AND known_type <> '-'"
        )
        return self.fill(
            through,
            f"SELECT {', '.join(picked)} FROM {self.quote(history._meta.db_table)} WHERE history_id IN ({chosen})",
        )


def _records() -> Iterator[type[models.Model]]:
    from negotrack.records import Record

    for model in apps.get_models():
        if issubclass(model, Record) and hasattr(model, "_record_history"):
            yield model


# On PostgreSQL, a stand-in of this many rows or more gets statistics (ANALYZE): without
# them the planner guesses, which is harmless for a few hundred rows and costly for the
# benchmark's 50,000 statements.
ANALYSED_FROM = 1000


# Stands for the moment's literal in the statements made once for each database.
_MOMENT_MARK = "negotrack_as_known_moment"


@functools.cache
def _stand_ins_of(alias: str) -> dict[str, _StandIn]:
    """Every stand-in's statements, by its table's name as a query names it (quoted), for the
    database `alias`, with `_MOMENT_MARK` for the moment: made once a process, since the
    models and what the apps register are fixed once Django is set up."""
    connection = connections[alias]
    shadow = _Shadow(connection, _MOMENT_MARK)
    made: dict[str, _StandIn] = {}
    for model in _records():
        made[shadow.quote(model._meta.db_table)] = shadow.record_table(model)
        history = model._record_history  # type: ignore[attr-defined]
        for field in model._meta.many_to_many:
            through = cast(type[models.Model], field.remote_field.through)
            if field in history.m2m_models:
                made[shadow.quote(through._meta.db_table)] = shadow.many_table(model, field)
            elif through._meta.auto_created:
                raise LookupError(f"{model._meta.label}.{field.name} keeps no history: give it to m2m_fields.")
    for model in _derived_tables:
        made[shadow.quote(model._meta.db_table)] = _StandIn(empty_table(model, connection))
    return made


class StandIns:
    """The temporary tables of one request, each made as the request's queries first name it:
    a read that shows parties alone never reads the statements' history. An execute wrapper
    of the connection (Django's `execute_wrapper`) for as long as the request runs."""

    def __init__(self, connection: BaseDatabaseWrapper, moment: datetime.datetime) -> None:
        self.connection = connection
        # A literal made here from a datetime: the statements run as they are, without parameters.
        if connection.vendor == "postgresql":
            self.moment = f"'{moment.isoformat()}'::timestamptz"
        else:
            self.moment = f"'{connection.ops.adapt_datetimefield_value(moment)}'"
        self.waiting = dict(_stand_ins_of(connection.alias))
        self.sampled = False

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        for table in [table for table in self.waiting if table in sql]:
            self._make(table)
        return execute(sql, params, many, context)

    def make(self, model: type[models.Model]) -> None:
        """`model`'s stand-in now, if it is still to make: before a write that names its table
        where Django does not see it (a COPY)."""
        table = self.connection.ops.quote_name(model._meta.db_table)
        if table in self.waiting:
            self._make(table)

    def _make(self, table: str) -> None:
        stand_in = self.waiting.pop(table)
        with self.connection.cursor() as cursor:
            cursor.execute(stand_in.create)
            if not stand_in.fill:
                return
            cursor.execute(stand_in.fill.replace(_MOMENT_MARK, self.moment))
            if self.connection.vendor != "postgresql" or cursor.rowcount < ANALYSED_FROM:
                return
            if not self.sampled:
                # For this transaction, statistics from a small sample: a stand-in's row count
                # and keys matter to the planner, not the fine shape of its values.
                cursor.execute("SET LOCAL default_statistics_target = 10")
                self.sampled = True
            cursor.execute(stand_in.analyse)


def make_stand_in(model: type[models.Model]) -> None:
    """`model`'s stand-in made now in a read of the record as it stood (StandIns.make);
    nothing in any other read."""
    reading = _reading.get()
    if reading is not None:
        reading.stand_ins.make(model)


# --- records changed since ---------------------------------------------------------------------


def changed_since(record: models.Model) -> bool:
    """Whether `record`, shown as it stood, has been saved or deleted since: one query for
    each kind of record asked about in the request."""
    reading = _reading.get()
    model = type(record)
    if reading is None or not hasattr(model, "_record_history"):
        return False
    if model not in reading.changed:
        history = model.history.model  # type: ignore[attr-defined]
        shown = model._base_manager.values("pk")
        reading.changed[model] = frozenset(
            history.objects.filter(history_date__gt=reading.moment, id__in=shown)
            .values_list("id", flat=True)
            .distinct()
        )
    return record.pk in reading.changed[model]


# --- on the pages -------------------------------------------------------------------------------


def moment_label(moment: datetime.datetime) -> str:
    """A moment in words: the end of a day, or the day and time (UTC)."""
    moment = moment.astimezone(datetime.UTC)
    if moment.time() == datetime.time.max:
        return f"the end of {moment.day} {moment:%B %Y} (UTC)"
    return f"{moment.day} {moment:%B %Y}, {moment:%H:%M:%S} UTC"


def page_context(request: HttpRequest) -> dict[str, Any]:
    """The pages' banner and "Cite this page" (a context processor): the address fixed to
    the moment the page shows, which is the moment asked for, or else the newest change on
    record when the page was made; and the address of the record as it is now."""
    moment = known_on()
    # The end of today is still to come: a citation of today's record is fixed to now.
    cited = min(moment, timezone.now()) if moment else getattr(request, "newest_change_at", None)
    return {
        "as_known": None if moment is None else {
            "label": moment_label(moment),
            "now_url": request.build_absolute_uri(url_as_known(request, None)),
        },
        "cite_url": None if cited is None else request.build_absolute_uri(url_as_known(request, cited)),
    }  # fmt: skip


# --- the middleware -----------------------------------------------------------------------------


def _refuse(request: HttpRequest, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({PARAMETER: [message]}, status=400)
    return HttpResponse(f"as_known_on: {message}", status=400, content_type="text/plain; charset=utf-8")


# Links within the site on a page shown as it stood keep showing it as it stood.
_LINK = re.compile(r'href="(/(?!/)[^"#]*)(#[^"]*)?"')
_GET_FORM = re.compile(r"<form\b(?![^>]*method=\"post\")[^>]*>", re.IGNORECASE)


def _keep_moment_in_links(html: str, moment: datetime.datetime) -> str:
    def link(found: re.Match[str]) -> str:
        target, fragment = found.group(1), found.group(2) or ""
        if target.startswith(REFUSED_PREFIXES) or f"{PARAMETER}=" in target:
            return found.group(0)
        return f'href="{_with_moment(target, moment, ampersand="&amp;")}{fragment}"'

    html = _LINK.sub(link, html)
    hidden = f'<input type="hidden" name="{PARAMETER}" value="{moment_text(moment)}">'
    return _GET_FORM.sub(lambda found: found.group(0) + hidden, html)


def _offers_method(request: HttpRequest) -> bool:
    """Whether the API route asked offers the request's method (a viewset's action, or an
    API view's handler): a method it does not offer gets the route's own 405 first."""
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return False
    method = (request.method or "").lower()
    actions = getattr(view, "actions", None)  # a viewset's, method -> action
    if actions is not None:
        return method in actions
    view_class = getattr(view, "cls", None)  # an API view's
    return view_class is not None and method in view_class.http_method_names and hasattr(view_class, method)


class AsKnownOnMiddleware:
    """Answers a read that asks `?as_known_on=` from the record as it stood (module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        values = request.GET.getlist(PARAMETER)
        if not values:
            return self.get_response(request)
        path = request.path_info
        if path in REFUSED_PATHS or path.startswith(REFUSED_PREFIXES):
            return _refuse(request, "this address is not a read of the public record; it is always as it is now.")
        if request.method not in READING:
            if not _offers_method(request):
                return self.get_response(request)  # the route's own 405
            return _refuse(request, "only reads show the record as it stood; a change is made to the record as it is.")
        if len(values) > 1:
            return _refuse(request, "give one moment, not several.")
        try:
            moment = parse(values[0])
        except Refused as error:
            return _refuse(request, str(error))
        return self._answer(request, moment)

    def _answer(self, request: HttpRequest, moment: datetime.datetime) -> HttpResponse:
        connection = connections[DEFAULT_DB_ALIAS]
        stand_ins = StandIns(connection, moment)
        token = _reading.set(_Reading(moment, stand_ins))
        try:
            # In a transaction of the primary, which the replica router keeps every query on.
            with transaction.atomic(using=DEFAULT_DB_ALIAS), connection.execute_wrapper(stand_ins):
                response = self.get_response(request)
                if isinstance(response, StreamingHttpResponse):
                    response.streaming_content = list(response.streaming_content)
                transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
        finally:
            _reading.reset(token)
        response["As-Known-On"] = moment_text(moment)
        response["Link"] = f'<{request.build_absolute_uri(url_as_known(request, None))}>; rel="latest-version"'
        content_type = response.get("Content-Type", "")
        if not isinstance(response, StreamingHttpResponse) and content_type.startswith("text/html"):
            response.content = _keep_moment_in_links(response.content.decode(response.charset), moment).encode(
                response.charset
            )
        return response
