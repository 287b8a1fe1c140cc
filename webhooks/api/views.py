"""`/api/v1/webhooks/`: an account's own subscriptions, their deliveries, and redelivery.

Subscribers, editors and reviewers only; another account's subscription is not found
(404), whoever asks. Every write goes through webhooks.services.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from negotrack.api_writes import write_errors
from negotrack.groups import may_subscribe
from negotrack.pagination import Pagination
from webhooks import services
from webhooks.api.serializers import (
    DeliverySerializer,
    SubscriptionSerializer,
    SubscriptionWithSecretSerializer,
    SubscriptionWriteSerializer,
)
from webhooks.models import Attempt, Delivery, Subscription

UUID_PATTERN = r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
SUBSCRIPTION_UUID = OpenApiParameter(
    "uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="the subscription's UUID"
)
DELIVERY_UUID = OpenApiParameter(
    "delivery_uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="the delivery's UUID"
)
READ_ERRORS = {
    401: write_errors(401)[401],
    403: OpenApiResponse(
        description="Signed in, but not a subscriber, editor or reviewer",
        response=write_errors(403)[403].response,
    ),
}


class Subscribers(permissions.BasePermission):
    """Subscribers, editors, reviewers and superusers; anyone else 401 or 403."""

    message = "Only subscribers, editors and reviewers have webhook subscriptions."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return may_subscribe(request.user)


def _refused(error: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(error.message_dict)
    return exceptions.ValidationError({"non_field_errors": error.messages})


def _secret_shown(response: Response) -> Response:
    """An answer that holds a secret is kept by no cache."""
    response["Cache-Control"] = "no-store"
    return response


def _service(call: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except DjangoValidationError as error:
        raise _refused(error) from None
    except DjangoPermissionDenied as error:
        raise exceptions.PermissionDenied(str(error)) from None


@extend_schema_view(
    list=extend_schema(summary="Your webhook subscriptions", responses={200: SubscriptionSerializer, **READ_ERRORS}),
    retrieve=extend_schema(parameters=[SUBSCRIPTION_UUID], responses={200: SubscriptionSerializer, **READ_ERRORS}),
    create=extend_schema(
        request=SubscriptionWriteSerializer,
        responses={201: SubscriptionWithSecretSerializer, **write_errors(400, 401, 403)},
        description="Subscribe a URL to events. The answer holds the signing `secret`, shown this once.",
    ),
    update=extend_schema(
        parameters=[SUBSCRIPTION_UUID],
        request=SubscriptionWriteSerializer,
        responses={200: SubscriptionSerializer, **write_errors(400, 401, 403, 404)},
    ),
    partial_update=extend_schema(
        parameters=[SUBSCRIPTION_UUID],
        request=SubscriptionWriteSerializer,
        responses={200: SubscriptionSerializer, **write_errors(400, 401, 403, 404)},
    ),
    destroy=extend_schema(parameters=[SUBSCRIPTION_UUID], responses={204: None, **write_errors(401, 403, 404)}),
)
class SubscriptionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Webhook subscriptions: a URL, the events it is sent, optionally one process or one
    agenda issue. Each delivery is signed with the subscription's secret (see the README)."""

    permission_classes = [Subscribers]
    serializer_class = SubscriptionSerializer
    pagination_class = Pagination
    filter_backends: list[Any] = []
    lookup_field = "uuid"
    lookup_value_regex = UUID_PATTERN
    # Answers about one account's own subscriptions: no validators from the change log.
    conditional_reads = False

    def get_queryset(self) -> QuerySet[Subscription]:
        owned = Subscription.objects.owned_by(self.request.user)
        return owned.select_related("process", "issue").order_by("created_at", "id")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self._values(request, partial=False)
        subscription = _service(services.subscription_create, by=request.user, **values)
        return _secret_shown(
            Response(SubscriptionWithSecretSerializer(subscription).data, status=status.HTTP_201_CREATED)
        )

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        subscription = self.get_object()
        values = self._values(request, partial=kwargs.get("partial", False))
        current = {"url": subscription.url, "events": subscription.events, "process": subscription.process,
                   "issue": subscription.issue}  # fmt: skip
        if "process" in values and values["process"] is not None and "issue" not in values:
            current["issue"] = None  # a new filter replaces the other
        if "issue" in values and values["issue"] is not None and "process" not in values:
            current["process"] = None
        changed = _service(services.subscription_update, subscription, by=request.user, **(current | values))
        return Response(SubscriptionSerializer(changed).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        _service(services.subscription_delete, self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _values(self, request: Request, *, partial: bool) -> dict[str, Any]:
        if not isinstance(request.data, dict):
            raise exceptions.ValidationError({"non_field_errors": ["Send a JSON object."]})
        serializer = SubscriptionWriteSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        if not partial:
            values.setdefault("process", None)
            values.setdefault("issue", None)
        return values

    @extend_schema(
        parameters=[SUBSCRIPTION_UUID],
        request=None,
        responses={200: SubscriptionWithSecretSerializer, **write_errors(401, 403, 404)},
        description="A new signing secret, shown this once; the old one signs nothing from now on.",
    )
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request: Request, uuid: str | None = None) -> Response:
        subscription = _service(services.secret_rotate, self.get_object(), by=request.user)
        return _secret_shown(Response(SubscriptionWithSecretSerializer(subscription).data))

    @extend_schema(
        parameters=[SUBSCRIPTION_UUID],
        request=None,
        responses={200: SubscriptionSerializer, **write_errors(401, 403, 404)},
        description="Send again to a subscription paused as failing: the deliveries waiting go out in order.",
    )
    @action(detail=True, methods=["post"], url_path="resume")
    def resume(self, request: Request, uuid: str | None = None) -> Response:
        subscription = _service(services.subscription_resume, self.get_object(), by=request.user)
        return Response(SubscriptionSerializer(subscription).data)

    @extend_schema(
        parameters=[SUBSCRIPTION_UUID],
        responses={200: DeliverySerializer(many=True), **READ_ERRORS},
        description="The subscription's deliveries, newest first, each with its attempts.",
    )
    @action(detail=True, methods=["get"], url_path="deliveries")
    def deliveries(self, request: Request, uuid: str | None = None) -> Response:
        subscription = self.get_object()
        attempts = Prefetch("attempt_set", Attempt.objects.order_by("-at", "-id"))
        deliveries = (
            Delivery.objects.filter(subscription=subscription)
            .select_related("event", "redelivery_of")
            .prefetch_related(attempts)
            .order_by("-id")
        )
        page = self.paginate_queryset(deliveries)
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)

    @extend_schema(
        parameters=[SUBSCRIPTION_UUID, DELIVERY_UUID],
        request=None,
        responses={201: DeliverySerializer, **write_errors(401, 403, 404)},
        description="Send a delivery's event again: a new delivery, last in the subscription's line.",
    )
    @action(detail=True, methods=["post"], url_path=rf"deliveries/(?P<delivery_uuid>{UUID_PATTERN})/redeliver")
    def redeliver(self, request: Request, uuid: str | None = None, delivery_uuid: str | None = None) -> Response:
        subscription = self.get_object()
        delivery = get_object_or_404(Delivery.objects.select_related("subscription"), subscription=subscription,
                                     uuid=delivery_uuid)  # fmt: skip
        again = _service(services.delivery_redeliver, delivery, by=request.user)
        again = Delivery.objects.select_related("event", "redelivery_of").get(pk=again.pk)
        return Response(DeliverySerializer(again).data, status=status.HTTP_201_CREATED)
