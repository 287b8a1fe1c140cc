from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.patched_subscription_write_request import PatchedSubscriptionWriteRequest
from ...models.subscription import Subscription
from ...models.webhooks_partial_update_response_400 import WebhooksPartialUpdateResponse400
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uuid: UUID,
    *,
    body: PatchedSubscriptionWriteRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/webhooks/{uuid}/".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Subscription | WebhooksPartialUpdateResponse400 | None:
    if response.status_code == 200:
        response_200 = Subscription.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = WebhooksPartialUpdateResponse400.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Subscription | WebhooksPartialUpdateResponse400]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSubscriptionWriteRequest | Unset = UNSET,
) -> Response[Error | Subscription | WebhooksPartialUpdateResponse400]:
    """Webhook subscriptions: a URL, the events it is sent, optionally one process or one
    agenda issue. Each delivery is signed with the subscription's secret (see the README).

    Args:
        uuid (UUID):
        body (PatchedSubscriptionWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Subscription | WebhooksPartialUpdateResponse400]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSubscriptionWriteRequest | Unset = UNSET,
) -> Error | Subscription | WebhooksPartialUpdateResponse400 | None:
    """Webhook subscriptions: a URL, the events it is sent, optionally one process or one
    agenda issue. Each delivery is signed with the subscription's secret (see the README).

    Args:
        uuid (UUID):
        body (PatchedSubscriptionWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Subscription | WebhooksPartialUpdateResponse400
    """

    return sync_detailed(
        uuid=uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSubscriptionWriteRequest | Unset = UNSET,
) -> Response[Error | Subscription | WebhooksPartialUpdateResponse400]:
    """Webhook subscriptions: a URL, the events it is sent, optionally one process or one
    agenda issue. Each delivery is signed with the subscription's secret (see the README).

    Args:
        uuid (UUID):
        body (PatchedSubscriptionWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Subscription | WebhooksPartialUpdateResponse400]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSubscriptionWriteRequest | Unset = UNSET,
) -> Error | Subscription | WebhooksPartialUpdateResponse400 | None:
    """Webhook subscriptions: a URL, the events it is sent, optionally one process or one
    agenda issue. Each delivery is signed with the subscription's secret (see the README).

    Args:
        uuid (UUID):
        body (PatchedSubscriptionWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Subscription | WebhooksPartialUpdateResponse400
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            body=body,
        )
    ).parsed
