from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery import Delivery
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    uuid: UUID,
    delivery_uuid: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{uuid}/deliveries/{delivery_uuid}/redeliver/".format(
            uuid=quote(str(uuid), safe=""),
            delivery_uuid=quote(str(delivery_uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Delivery | Error | None:
    if response.status_code == 201:
        response_201 = Delivery.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Delivery | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uuid: UUID,
    delivery_uuid: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Delivery | Error]:
    """Send a delivery's event again: a new delivery, last in the subscription's line.

    Args:
        uuid (UUID):
        delivery_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Delivery | Error]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        delivery_uuid=delivery_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: UUID,
    delivery_uuid: UUID,
    *,
    client: AuthenticatedClient,
) -> Delivery | Error | None:
    """Send a delivery's event again: a new delivery, last in the subscription's line.

    Args:
        uuid (UUID):
        delivery_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Delivery | Error
    """

    return sync_detailed(
        uuid=uuid,
        delivery_uuid=delivery_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    uuid: UUID,
    delivery_uuid: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Delivery | Error]:
    """Send a delivery's event again: a new delivery, last in the subscription's line.

    Args:
        uuid (UUID):
        delivery_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Delivery | Error]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        delivery_uuid=delivery_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID,
    delivery_uuid: UUID,
    *,
    client: AuthenticatedClient,
) -> Delivery | Error | None:
    """Send a delivery's event again: a new delivery, last in the subscription's line.

    Args:
        uuid (UUID):
        delivery_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Delivery | Error
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            delivery_uuid=delivery_uuid,
            client=client,
        )
    ).parsed
