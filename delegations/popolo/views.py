"""`popolo/?process={slug}`: who sat for whom in one process, in Popolo JSON, for the
civic-data tools that read it."""

from __future__ import annotations

from django.http import QueryDict
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from delegations.popolo.document import popolo_document
from delegations.popolo.serializers import PopoloSerializer
from negotrack import as_known
from negotrack.api import ConditionalReadMixin
from negotrack.schema import BAD_QUERY, one_line
from negotrack.text import text_problem
from rounds.models import Process

# How many processes a refusal names; past that it points to the list.
NAMED_AT_MOST = 20


def chosen_process(params: QueryDict) -> Process:
    """The process `?process=` names; a 400 that says what it takes when it names none."""
    slug = params.get("process", "")
    found = None
    if slug and not text_problem(slug, single_line=True):
        found = Process.objects.filter(slug=slug).first()
    if found is not None:
        return found
    asked = f"No process has the slug {slug[:80]!r}." if slug else "Name a process by its slug: ?process=<slug>."
    raise ValidationError({"process": [f"{asked} {processes_on_record()}"]})


def processes_on_record() -> str:
    slugs = list(Process.objects.order_by("slug").values_list("slug", flat=True)[: NAMED_AT_MOST + 1])
    if not slugs:
        return "No process is on record yet."
    named = ", ".join(slugs[:NAMED_AT_MOST])
    more = ", and more (/api/v1/processes/ lists them all)" if len(slugs) > NAMED_AT_MOST else ""
    return f"It takes the slug of a process on record: {named}{more}."


class PopoloView(ConditionalReadMixin, APIView):
    """The people who sat in a delegation of one process, the parties and their
    delegations as organizations, and the memberships between them."""

    permission_classes = [AllowAny]

    @extend_schema(
        summary="Who sat for whom in one process, as Popolo JSON",
        description="One Popolo document (https://www.popoloproject.com/specs/) for a process: `persons`, the "
        "people who sat in one of its delegations; `organizations`, the parties they sat for and each "
        "party's delegation at each round (classification `delegation`, its party as `parent_id`, the round's "
        "days as `founding_date` and `dissolution_date`); `memberships`, each person in a delegation (their "
        "role, their title then as `label`, the round's days). Every id is the record's UUID. Not paginated: a "
        "process with no delegations answers three empty lists.",
        tags=["popolo"],
        parameters=[
            OpenApiParameter(
                "process",
                one_line({"type": "string"}),
                required=True,
                description="the process's slug (required); an unknown slug answers 400 naming the processes on record",
            )
        ],
        responses={200: PopoloSerializer, 400: BAD_QUERY},
    )
    def get(self, request: Request) -> Response:
        process = chosen_process(request.query_params)
        # Its links show the record at the moment it was read at (`as_known_on`), as it shows it.
        document = popolo_document(process, lambda path: request.build_absolute_uri(as_known.keep_moment(path)))
        return Response(PopoloSerializer(document).data)
