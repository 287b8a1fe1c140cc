from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delegation import Delegation
from ...models.delegations_retrieve_response_400 import DelegationsRetrieveResponse400
from ...models.error import Error
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uuid: UUID,
    *,
    as_known_on: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/delegations/{uuid}/".format(
            uuid=quote(str(uuid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled | None:
    if response.status_code == 200:
        response_200 = Delegation.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = DelegationsRetrieveResponse400.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Throttled.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Response[Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled]:
    """One delegation, by UUID

     One party at one round with its roles there; its members are memberships.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        as_known_on=as_known_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled | None:
    """One delegation, by UUID

     One party at one round with its roles there; its members are memberships.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled
    """

    return sync_detailed(
        uuid=uuid,
        client=client,
        as_known_on=as_known_on,
    ).parsed


async def asyncio_detailed(
    uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Response[Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled]:
    """One delegation, by UUID

     One party at one round with its roles there; its members are memberships.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        as_known_on=as_known_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled | None:
    """One delegation, by UUID

     One party at one round with its roles there; its members are memberships.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Delegation | DelegationsRetrieveResponse400 | Error | Throttled
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            as_known_on=as_known_on,
        )
    ).parsed
