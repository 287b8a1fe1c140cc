"""Writes to statements and assessments in the API: drafts, and their publication.

Editors and reviewers create, change and delete drafts and start corrections of
published records; reviewers publish, withdraw and send back. A change or delete aimed at
a published record answers 409 and names the correction and withdraw routes. Each route
calls the service the admin calls (issues.services).
"""

from typing import Any, cast

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from issues import services
from issues.api.serializers.writes import SendBackSerializer, VersionOnlySerializer, WithdrawSerializer
from issues.models import Publishable
from negotrack.api_writes import CONFLICT, IF_MATCH, RecordWriteMixin, record_write_schema, write_errors
from negotrack.records import Record


class PublishableWriteMixin(RecordWriteMixin):
    def check_writable(self, record: Record) -> None:
        services.refuse_unless_draft(cast(Publishable, record), "edited")

    def published_routes(self, record: Record) -> dict[str, str]:
        kwargs = {"uuid": record.uuid}
        return {
            "correction": self.reverse_action("correction", kwargs=kwargs),
            "withdraw": self.reverse_action("withdraw", kwargs=kwargs),
        }

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        record = self.get_object()
        self.use_expected_version(record, None)
        services.draft_delete(record, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def reviewed(
        self, request: Request, body_serializer: type[serializers.Serializer[Any]] = VersionOnlySerializer
    ) -> tuple[Publishable, dict[str, Any]]:
        """The record a publication route acts on, at the version the reviewer read, and the body."""
        record = self.get_object()
        body = dict(self.validated(body_serializer, request.data).validated_data)
        self.use_expected_version(record, body.pop("version", None))
        return record, body

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, uuid: str | None = None) -> Response:
        """Publish a draft (reviewers); a correction supersedes the record it revises."""
        record, _ = self.reviewed(request)
        services.draft_publish(record, by=request.user)
        return self.answer(record, status.HTTP_200_OK)

    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, uuid: str | None = None) -> Response:
        """Withdraw a published record with a dated public note (reviewers)."""
        record, body = self.reviewed(request, WithdrawSerializer)
        services.record_withdraw(record, by=request.user, note=body["note"], on_date=body.get("on"))
        return self.answer(record, status.HTTP_200_OK)

    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request: Request, uuid: str | None = None) -> Response:
        """Send a draft back to its editors with a note (reviewers)."""
        record, body = self.reviewed(request, SendBackSerializer)
        services.draft_send_back(record, by=request.user, note=body["note"])
        return self.answer(record, status.HTTP_200_OK)

    @action(detail=True, methods=["post"])
    def correction(self, request: Request, uuid: str | None = None) -> Response:
        """Start a correction of a published record: a new draft that revises it."""
        record, _ = self.reviewed(request)
        draft = services.correction_start(record, by=request.user)
        return self.answer(draft, status.HTTP_201_CREATED)


# The publication routes: what each does, what its body is, and its answer on success.
PUBLICATION_ROUTES = {
    "publish": ("Publish a draft; reviewers only", VersionOnlySerializer, 200),
    "withdraw": ("Withdraw a published record with a public note; reviewers only", WithdrawSerializer, 200),
    "send_back": ("Send a draft back to its editors with a note; reviewers only", SendBackSerializer, 200),
    "correction": ("Start a correction of a published record (a new draft that revises it)",
                   VersionOnlySerializer, 201),
}  # fmt: skip


# Publishing refuses one more thing than the other routes: a draft sent back that nobody
# has changed since.
PUBLISH_CONFLICT = OpenApiResponse(
    CONFLICT,
    description="The draft changed since the version you sent (`version_conflict`), it is no draft "
    "(`published_record`, `correction_notice`), the record it corrects is no longer published, or a "
    "reviewer sent it back and nobody has changed it since (`sent_back`: an editor must change it first)",
)


def _errors(route: str) -> dict[int, OpenApiResponse]:
    errors = write_errors(400, 401, 403, 404, 409, 412)
    if route == "publish":
        errors[409] = PUBLISH_CONFLICT
    return errors


def publishable_write_schema(write_serializer: Any, read_serializer: Any) -> dict[str, Any]:
    """extend_schema_view arguments for the write routes of a publishable record."""
    uuid = OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="the record's UUID")
    routes = {
        name: extend_schema(
            summary=summary,
            parameters=[uuid, IF_MATCH],
            request=body,
            responses={code: read_serializer, **_errors(name)},
        )
        for name, (summary, body, code) in PUBLICATION_ROUTES.items()
    }
    destroy = extend_schema(
        summary="Delete a draft (a published record is withdrawn instead)",
        parameters=[uuid, IF_MATCH],
        responses={204: OpenApiResponse(description="deleted"), **write_errors(401, 403, 404, 409, 412)},
    )
    drafts = record_write_schema("a draft", read_serializer, write_serializer, lookup=uuid)
    return {**drafts, "destroy": destroy, **routes}
