"""The benchmark's URLs (scripts/bench_settings.py): production's, plus the references the
API is measured against, served by the same gunicorn in the same run. Production never
routes to these.

- the floor: a bare Django view answering a small JSON body, what any request costs here;
- the twins of `GET /api/v1/issues/?process=` and `GET /api/v1/status-matrix/?process=`:
  views written by hand that answer the same JSON from two `.values()` queries. The
  benchmark checks each twin's answer equal to the API's before it times them;
- the two round trips of a 304: a bare Django view that does only what every conditional
  read of the API must, the anonymous rate limit's count (Redis) and the change log's
  state (PostgreSQL), and answers 304 to its ETag: what a 304 costs here without DRF.

They live under /api/ like the routes they stand beside, so that the same middleware runs
for both (the pages' rate limit skips /api/); they are plain Django views, without DRF,
its throttle or its validators: what a hand-tuned view costs.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db.models import F, FilteredRelation, Q
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import path
from django.utils import timezone
from rest_framework.utils.urls import replace_query_param

from issues.models import Issue, Position, PublicationState
from issues.vocabulary import AssessmentStatus
from negotrack import urls as production
from negotrack.conditional import is_not_modified, validators_for
from negotrack.throttling import AnonymousReadThrottle
from rounds.models import Round

# Pages of the API's issue list (negotrack.pagination.Pagination's default size).
PAGE_SIZE = 50

# Compact UTF-8 JSON, as DRF's renderer writes it, so that both bodies are the same size.
JSON_AS_DRF = {"ensure_ascii": False, "separators": (",", ":")}


def floor(request: HttpRequest) -> JsonResponse:
    """The floor: no query, no serializer, a small body."""
    return JsonResponse({"floor": True})


def two_round_trips(request: HttpRequest) -> HttpResponse:
    """A 304's round trips and nothing else: the rate limit's count and the validators, as
    the API makes them, the ETag compared, no DRF."""
    AnonymousReadThrottle().allow_request(request, None)  # type: ignore[arg-type]  # it reads the address only
    validators = validators_for(request, drafts=False)
    answer = HttpResponseNotModified() if is_not_modified(request, validators) else JsonResponse({"floor": True})
    answer["ETag"] = validators.etag
    return answer


def _datetime(value: datetime.datetime) -> str:
    """As DRF's DateTimeField writes it: in the current time zone, microseconds kept, UTC as Z."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _date(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def issues_twin(request: HttpRequest) -> JsonResponse:
    """`/api/v1/issues/?process=<slug>`, first page: the issues with their current status
    in one query, the current positions of all of them in another."""
    process = request.GET["process"]
    rows = list(
        Issue.objects.filter(process__slug=process)
        .order_by("sort_order", "name", "id")
        .values(
            "id", "uuid", "version", "created_at", "updated_at", "slug", "topic", "name", "description",
            "sort_order", "current_status__uuid", "current_status__status", "current_status__summary",
            "current_status__effective_date", "current_status__round__slug", "current_status__round__start_date",
            "current_status__round__end_date", "current_status__date",
        )
    )  # fmt: skip
    page = rows[:PAGE_SIZE]
    positions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    current = Position.objects.filter(is_current=True, issue_id__in=[row["id"] for row in page])
    for position in current.order_by("party__name").values(
        "issue_id", "uuid", "party__slug", "party__name", "stance", "text", "round__slug", "date", "effective_date"
    ):
        positions[position["issue_id"]].append(
            {
                "uuid": str(position["uuid"]),
                "party": {"slug": position["party__slug"], "name": position["party__name"]},
                "stance": position["stance"],
                "text": position["text"],
                "round": position["round__slug"],
                "date": _date(position["date"]),
                "effective_date": _date(position["effective_date"]),
            }
        )
    results = [_issue(row, process, positions[row["id"]]) for row in page]
    url = request.build_absolute_uri()
    following = replace_query_param(url, "page", 2) if len(rows) > PAGE_SIZE else None
    answer = {"count": len(rows), "next": following, "previous": None, "results": results}
    return JsonResponse(answer, json_dumps_params=JSON_AS_DRF)


def _issue(row: Mapping[str, Any], process: str, positions: list[dict[str, Any]]) -> dict[str, Any]:
    status = None
    if row["current_status__uuid"] is not None:
        assessed_at = None
        if row["current_status__round__slug"] is not None:
            assessed_at = {
                "slug": row["current_status__round__slug"],
                "start_date": _date(row["current_status__round__start_date"]),
                "end_date": _date(row["current_status__round__end_date"]),
            }
        status = {
            "uuid": str(row["current_status__uuid"]),
            "status": row["current_status__status"],
            "definition": AssessmentStatus(row["current_status__status"]).definition,
            "summary": row["current_status__summary"],
            "effective_date": _date(row["current_status__effective_date"]),
            "round": assessed_at,
            "date": _date(row["current_status__date"]),
        }
    return {
        "uuid": str(row["uuid"]),
        "version": row["version"],
        "created_at": _datetime(row["created_at"]),
        "updated_at": _datetime(row["updated_at"]),
        "slug": row["slug"],
        "process": process,
        "topic": row["topic"],
        "name": row["name"],
        "description": row["description"],
        "sort_order": row["sort_order"],
        "current_status": status,
        "positions": positions,
    }


def status_matrix_twin(request: HttpRequest) -> JsonResponse:
    """`/api/v1/status-matrix/?process=<slug>`: the issues in one query; the rounds, each
    joined to its published statuses, in another."""
    process = request.GET["process"]
    agenda = Issue.objects.filter(process__slug=process).order_by("sort_order", "name", "id")
    issues = list(agenda.values_list("id", "slug", "name"))
    slugs = {issue_id: slug for issue_id, slug, _ in issues}
    published = FilteredRelation("issuestatus_set", condition=Q(issuestatus_set__state=PublicationState.PUBLISHED))
    cells = (
        Round.objects.filter(process__slug=process)
        .annotate(published=published)
        .order_by(F("start_date").asc(nulls_last=True), "ordinal", "id")
        .values_list("id", "slug", "start_date", "end_date", "published__issue_id", "published__status")
    )
    rounds: dict[int, dict[str, Any]] = {}
    for round_id, slug, start_date, end_date, issue_id, status in cells:
        row = rounds.get(round_id)
        if row is None:
            row = rounds[round_id] = {
                "slug": slug,
                "start_date": _date(start_date),
                "end_date": _date(end_date),
                "statuses": dict.fromkeys(slugs.values()),
            }
        if issue_id in slugs:
            row["statuses"][slugs[issue_id]] = status
    answer = {
        "process": process,
        "issues": [{"slug": slug, "name": name} for _, slug, name in issues],
        "rounds": list(rounds.values()),
    }
    return JsonResponse(answer, json_dumps_params=JSON_AS_DRF)


handler500 = production.handler500

urlpatterns = [
    path("api/bench/floor/", floor, name="bench-floor"),
    path("api/bench/two-round-trips/", two_round_trips, name="bench-two-round-trips"),
    path("api/bench/issues/", issues_twin, name="bench-issues-twin"),
    path("api/bench/status-matrix/", status_matrix_twin, name="bench-status-matrix-twin"),
    *production.urlpatterns,
]
