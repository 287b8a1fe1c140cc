"""What the API's writes share: who may write, the version check, and how the services'
refusals read as HTTP answers.

Every write calls the same service function as the admin, so the rules are one set. The
views here only translate: a field the services refuse answers 400 with a message per
field, a stale version 409 (or 412 when the client sent `If-Match`), a change aimed at a
published record 409 naming the correction and withdraw routes, and a permission the
services deny 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.validators import UniqueValidator
from rest_framework.views import APIView

from negotrack.conditional import if_match_versions
from negotrack.groups import is_editorial
from negotrack.models import PendingRevision
from negotrack.records import Record, RecordLocked, User, VersionConflict
from negotrack.registry import require_record_type
from negotrack.revisions import AWAITS_REVIEW
from negotrack.schema import ERROR
from negotrack.text import text_problem

if TYPE_CHECKING:
    from rest_framework.viewsets import GenericViewSet

    _WriteView = GenericViewSet[Any]  # what the mixin is mixed into
else:
    _WriteView = object

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description='the ETag of the record\'s detail (or its version in quotes, `"3"`), or `*` for any version: '
    "the write answers 412 when it names no version the record is at, an empty one included",
)


class EditorialWrites(permissions.BasePermission):
    """Everyone reads; editors and reviewers write (the services then check what each may do)."""

    message = "Only editors and reviewers write to the record."
    # What a request without credentials is told (401).
    sign_in_message = "Writes need an editor's or reviewer's token (Authorization: Token <key>) or a signed-in session."

    def has_permission(self, request: Request, view: APIView) -> bool:
        if not hasattr(view, request.method.lower()):  # type: ignore[union-attr]  # a request has a method
            return True  # the route does not offer the method: it answers 405 to anyone
        return request.method in permissions.SAFE_METHODS or is_editorial(request.user)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, detail: str, *, code: str, **extra: Any) -> None:
        super().__init__(detail, code)
        self.extra = extra


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


class Text(serializers.CharField):
    """A JSON string and nothing else (DRF's CharField would take `0` and save "0"), with
    the characters its record takes, as the schema says (negotrack.schema.TextExtension):
    refused while parsing, so that bad input answers 400 before the version is compared."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        problem = text_problem(data, single_line=self.style.get("base_template") != "textarea.html")
        if problem:
            raise serializers.ValidationError(problem, code="control_character")
        return super().to_internal_value(data)


class Slug(Text, serializers.SlugField):
    """A slug as a JSON string: letters, digits, hyphens and underscores (the schema's pattern)."""


class WholeNumber(serializers.IntegerField):
    """A JSON number without a fraction: DRF's IntegerField would take "3" and `true`."""

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not (isinstance(data, int) or (isinstance(data, float) and data.is_integer())):
            self.fail("invalid")
        return super().to_internal_value(data)


class TrueOrFalse(serializers.BooleanField):
    """`true` or `false`: DRF's BooleanField would take "yes", 1 and "on"."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


# A write takes each value in the JSON type its schema gives, never one DRF would convert.
STRICT_FIELDS: dict[type, type] = {
    serializers.CharField: Text,
    serializers.SlugField: Slug,
    serializers.IntegerField: WholeNumber,
    serializers.BooleanField: TrueOrFalse,
}


def version_field() -> serializers.IntegerField:
    return WholeNumber(
        required=False,
        min_value=1,
        write_only=True,
        help_text="the version you read; a write over a newer version answers 409 and changes nothing "
        "(`If-Match` does the same, answering 412)",
    )


class RecordWriteSerializer(serializers.ModelSerializer):
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS)."""

    serializer_field_mapping = {
        model_field: STRICT_FIELDS.get(field, field)
        for model_field, field in serializers.ModelSerializer.serializer_field_mapping.items()
    }
    version = version_field()

    class Meta:
        # Uniqueness and the other constraints are the services' to check, with their messages.
        validators: list[Any] = []

    def build_standard_field(self, field_name: str, model_field: Any) -> tuple[type, dict[str, Any]]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        # A unique field's uniqueness too (a party's name, a slug): the services say it.
        kwargs["validators"] = [v for v in kwargs.get("validators", []) if not isinstance(v, UniqueValidator)]
        return field_class, kwargs


def expected_version(request: Request, stored_version: int, body_version: int | None) -> tuple[int, bool]:
    """The version the client says it read, and whether it said so with `If-Match`.

    Without either, the version read now: the check under the row lock still catches a
    write that lands between this read and the save.
    """
    header = request.META.get("HTTP_IF_MATCH")
    if header is not None:
        versions = if_match_versions(header)
        if versions is None:
            return stored_version, True
        if stored_version not in versions:
            raise PreconditionFailed(
                f"The record is at version {stored_version}, not the one your If-Match names: "
                "it changed since you read it. Read it again, then write."
            )
        return stored_version, True
    return (body_version or stored_version), False


class RecordWriteMixin(_WriteView):
    """Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.
    """

    write_serializer_class: type[serializers.ModelSerializer[Any]]
    service_flags: tuple[str, ...] = ()
    # Inputs the view turns into field values itself (a speaker by name): a PUT that leaves
    # one out has no field of the record to reset.
    resolved_inputs: tuple[str, ...] = ()
    # Fields set when the record is made and fixed after: a PUT that leaves one out keeps
    # it (it is not reset to empty), and a change is the services' to refuse, with why.
    fixed_fields: tuple[str, ...] = ()

    def write_service(self, record: Record, *, by: User, **kwargs: Any) -> Record:
        save = require_record_type(self.get_write_model()).save
        if save is None:  # pragma: no cover - only records saved with their owner lack one
            raise NotImplementedError(f"{self.get_write_model()} is saved with the record it belongs to.")
        return save(record, by=by, **kwargs)

    @property
    def service_lists(self) -> tuple[str, ...]:
        registered = require_record_type(self.get_write_model())
        return (*registered.many, *((registered.links.argument,) if registered.links else ()))

    def get_permissions(self) -> list[EditorialWrites]:
        return [EditorialWrites()]

    describing_writes = False

    def options(self, request: Request, *args: Any, **kwargs: Any) -> Response:  # type: ignore[override]  # as DRF's own
        # OPTIONS describes what a write takes, field by field (DRF's metadata asks for the
        # serializer as if it were the write itself).
        self.describing_writes = True
        return super().options(request, *args, **kwargs)

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        return self.write_serializer_class if self.describing_writes else super().get_serializer_class()

    # --- the writes ---------------------------------------------------------------------

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.parse(request.data)
        record = self.get_write_model()()
        self.save_through_service(record, values)
        return self.answer(record, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        record = self.get_object()
        self.check_writable(record)
        values = self.parse(request.data, partial=kwargs.get("partial", False))
        self.use_expected_version(record, values.pop("version", None))
        self.save_through_service(record, values)
        if record.pending_revision is not None:
            return self.answer_pending(record, record.pending_revision)
        return self.answer(record, status.HTTP_200_OK)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    # --- the parts ----------------------------------------------------------------------

    def get_write_model(self) -> type[Record]:
        return self.write_serializer_class.Meta.model

    def parse(self, data: Any, *, partial: bool = False) -> dict[str, Any]:
        """The values a write sets. A PUT replaces the record: a field it leaves out goes
        back to its default (empty, or null)."""
        serializer = self.validated(self.write_serializer_class, data, partial=partial)
        values = dict(serializer.validated_data)
        if not partial:
            model = self.get_write_model()
            for name, field in serializer.fields.items():
                if field.read_only or name in values or name == "version":
                    continue
                if name in self.service_flags or name in self.resolved_inputs or name in self.fixed_fields:
                    continue
                model_field = model._meta.get_field(field.source)  # type: ignore[arg-type]  # bound: it has a source
                # A write serializer's fields are the model's own, never reverse relations.
                values[name] = [] if model_field.many_to_many else model_field.get_default()  # type: ignore[union-attr]
        return values

    def validated(
        self, serializer_class: type[serializers.Serializer[Any]], data: Any, *, partial: bool = False
    ) -> serializers.Serializer[Any]:
        """`serializer_class` over a request body, valid (or a 400 naming each field)."""
        serializer = serializer_class(data=data, partial=partial, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer

    def check_writable(self, record: Record) -> None:
        """Refuse before parsing a write aimed at a record that cannot change in place."""

    def use_expected_version(self, record: Record, body_version: int | None) -> None:
        record.version, self.if_match_given = expected_version(self.request, record.version, body_version)

    def save_through_service(self, record: Record, values: dict[str, Any]) -> Record:
        values.pop("version", None)
        options = {name: values.pop(name) for name in (*self.service_lists, *self.service_flags) if name in values}
        for name, value in values.items():
            setattr(record, name, value)
        return self.write_service(record, by=self.request.user, **options)

    def answer(self, record: Record, code: int) -> Response:
        shown = self.get_queryset().get(pk=record.pk)
        response = Response(self.get_serializer(shown).data, status=code)
        response["ETag"] = f'"{shown.version}"'
        if code == status.HTTP_201_CREATED:
            lookup = self.lookup_field
            response["Location"] = self.reverse_action("detail", kwargs={lookup: getattr(shown, lookup)})
        return response

    def answer_pending(self, proposed: Record, revision: PendingRevision) -> Response:
        """202: the change waits for a reviewer. The answer shows the proposed values of the
        fields it changes, and the record as everyone still reads it."""
        shown = self.get_queryset().get(pk=proposed.pk)
        proposed_values = self.get_serializer(proposed).data
        changed = [name for name in revision.changed_fields if name in proposed_values]
        body = {
            "detail": AWAITS_REVIEW.format(name=proposed._meta.verbose_name),
            "pending_revision": {
                "uuid": revision.uuid,
                "state": revision.state,
                "base_version": revision.base_version,
                "changed_fields": revision.changed_fields,
                "proposed": {name: proposed_values[name] for name in changed},
                "proposed_by": revision.proposed_by.get_username() if revision.proposed_by else None,
                "proposed_at": revision.proposed_at,
                "review_queue": self.request.build_absolute_uri(reverse("review:queue")),
            },
            "record": self.get_serializer(shown).data,
        }
        response = Response(body, status=status.HTTP_202_ACCEPTED)
        response["ETag"] = f'"{shown.version}"'
        return response

    # --- refusals ------------------------------------------------------------------------

    def published_routes(self, record: Record) -> dict[str, str]:
        """Where to go instead of editing a published record in place (publishable views)."""
        return {}

    def handle_exception(self, exc: Exception) -> Response:
        exc = self.as_api_error(exc)
        response = super().handle_exception(exc)
        if isinstance(exc, Conflict):
            response.data = {"detail": exc.detail, "code": exc.detail.code, **exc.extra}  # type: ignore[union-attr]  # one ErrorDetail
        return response

    def as_api_error(self, exc: Exception) -> Exception:
        if isinstance(exc, VersionConflict):
            if getattr(self, "if_match_given", False):
                return PreconditionFailed(exc.messages[0])
            return Conflict(exc.messages[0], code="version_conflict", current_version=exc.current_version)
        if isinstance(exc, RecordLocked):
            return self.locked(exc)
        if isinstance(exc, DjangoValidationError):
            return exceptions.ValidationError(serializers.as_serializer_error(exc))
        if isinstance(exc, IntegrityError):
            # Two writes raced past the services' checks; the database kept the rule.
            return Conflict(
                "Another write saved a conflicting record at the same moment. Read the record again, then write.",
                code="write_conflict",
            )
        return exc

    def locked(self, exc: RecordLocked) -> Conflict:
        code = exc.code or "locked"
        record = getattr(self, "object_being_written", None)
        routes = self.published_routes(record) if record is not None and code == "published_record" else {}
        detail = exc.messages[0]
        if routes:
            detail += " Correct it: POST {correction}; withdraw it: POST {withdraw}".format(**routes)
        return Conflict(detail, code=code, **routes)

    def get_object(self) -> Any:
        record = super().get_object()
        self.object_being_written = record
        return record

    def read_version(self) -> int | None:
        """The version of the record a detail read shows, for its ETag."""
        lookup = self.lookup_url_kwarg or self.lookup_field
        if self.action != "retrieve" or lookup not in self.kwargs:
            return None
        records = self.get_queryset().prefetch_related(None)
        try:
            return records.filter(**{self.lookup_field: self.kwargs[lookup]}).values_list("version", flat=True).first()
        except (TypeError, ValueError, DjangoValidationError):
            return None  # not a UUID: the read answers 404

    def permission_denied(self, request: Request, message: str | None = None, code: str | None = None) -> NoReturn:
        if request.method not in permissions.SAFE_METHODS and not request.user.is_authenticated:
            raise exceptions.NotAuthenticated(self.get_permissions()[0].sign_in_message)
        super().permission_denied(request, message=message, code=code)


def write_errors(*codes: int) -> dict[int, OpenApiResponse]:
    """The error answers of a write, for the schema."""
    described = {
        400: OpenApiResponse(
            OpenApiTypes.OBJECT,
            description="Bad input: an object mapping each field to its messages (`non_field_errors` for the "
            "record as a whole); nothing was saved",
            examples=[OpenApiExample("bad field", value={"date": ["A statement cannot be dated in the future."]})],
        ),
        401: OpenApiResponse(ERROR, description="Not signed in: send `Authorization: Token <key>`"),
        403: OpenApiResponse(ERROR, description="Signed in, but not allowed to do this (editors and reviewers "
                             "write; only reviewers publish, withdraw and send back)"),
        404: OpenApiResponse(ERROR, description="No such record (drafts are found by editors and reviewers only)"),
        409: OpenApiResponse(CONFLICT, description="The record changed since the version you sent, or it is "
                             "published (correct or withdraw it instead), or it is a correction notice"),
        412: OpenApiResponse(ERROR, description="`If-Match` names no version the record is at (it changed since "
                             "you read it), or names none at all"),
    }  # fmt: skip
    return {code: described[code] for code in codes}


CONFLICT = inline_serializer(
    "Conflict",
    {
        "detail": serializers.CharField(help_text="what went wrong, and what to do"),
        "code": serializers.CharField(
            help_text="`version_conflict`, `published_record`, `correction_notice`, `not_published`, `sent_back` "
            "or `write_conflict`"
        ),
        "current_version": serializers.IntegerField(required=False, help_text="for a version conflict"),
        "correction": serializers.URLField(required=False, help_text="for a published record: start a correction"),
        "withdraw": serializers.URLField(required=False, help_text="for a published record: withdraw it"),
    },
)


PENDING_REVISION = inline_serializer(
    "PendingRevision",
    {
        "uuid": serializers.UUIDField(),
        "state": serializers.ChoiceField(choices=PendingRevision.State.choices),
        "base_version": serializers.IntegerField(help_text="the record's version the change was made on"),
        "changed_fields": serializers.ListField(child=serializers.CharField()),
        "proposed": serializers.DictField(
            help_text="the proposed values of the fields it changes, as a read shows them"
        ),
        "proposed_by": serializers.CharField(allow_null=True, help_text="the user name of the editor"),
        "proposed_at": serializers.DateTimeField(),
        "review_queue": serializers.URLField(help_text="the reviewers' page that lists it"),
    },
)


def pending_answer(read_serializer: Any) -> Any:
    """The schema of a 202 answer: the change awaiting review, and the record as it reads."""
    name = getattr(read_serializer, "__name__", "Record").removesuffix("Serializer")
    return inline_serializer(
        f"{name}ChangeAwaitingReview",
        {"detail": serializers.CharField(), "pending_revision": PENDING_REVISION, "record": read_serializer},
    )


def record_write_schema(
    noun: str, read_serializer: Any, write_serializer: Any, *, lookup: OpenApiParameter
) -> dict[str, Any]:
    """extend_schema_view arguments for creating and changing `noun` ("a source", "a draft")."""
    changed = {
        "parameters": [lookup, IF_MATCH],
        "request": write_serializer,
        "responses": {
            200: read_serializer,
            202: OpenApiResponse(
                pending_answer(read_serializer),
                description="Published records show this record and you are not a reviewer: the change waits "
                "for a reviewer in the review queue, and every read shows the record as it was until then",
            ),
            **write_errors(400, 401, 403, 404, 409, 412),
        },
    }
    return {
        "create": extend_schema(
            summary=f"Create {noun} (editors and reviewers)",
            request=write_serializer,
            responses={201: read_serializer, **write_errors(400, 401, 403)},
        ),
        "update": extend_schema(summary=f"Replace the fields of {noun}", **changed),
        "partial_update": extend_schema(summary=f"Change some fields of {noun}", **changed),
    }
