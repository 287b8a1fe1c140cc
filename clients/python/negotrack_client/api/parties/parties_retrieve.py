from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.parties_retrieve_response_400 import PartiesRetrieveResponse400
from ...models.party import Party
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    as_known_on: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/parties/{slug}/".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | PartiesRetrieveResponse400 | Party | Throttled | None:
    if response.status_code == 200:
        response_200 = Party.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = PartiesRetrieveResponse400.from_dict(response.json())

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
) -> Response[Any | Error | PartiesRetrieveResponse400 | Party | Throttled]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Response[Any | Error | PartiesRetrieveResponse400 | Party | Throttled]:
    """One party, by slug

     Sides, mediators and hosts; the slug is given (or made from the name) once, and fixed.

    Args:
        slug (str):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PartiesRetrieveResponse400 | Party | Throttled]
    """

    kwargs = _get_kwargs(
        slug=slug,
        as_known_on=as_known_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Any | Error | PartiesRetrieveResponse400 | Party | Throttled | None:
    """One party, by slug

     Sides, mediators and hosts; the slug is given (or made from the name) once, and fixed.

    Args:
        slug (str):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PartiesRetrieveResponse400 | Party | Throttled
    """

    return sync_detailed(
        slug=slug,
        client=client,
        as_known_on=as_known_on,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Response[Any | Error | PartiesRetrieveResponse400 | Party | Throttled]:
    """One party, by slug

     Sides, mediators and hosts; the slug is given (or made from the name) once, and fixed.

    Args:
        slug (str):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PartiesRetrieveResponse400 | Party | Throttled]
    """

    kwargs = _get_kwargs(
        slug=slug,
        as_known_on=as_known_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
) -> Any | Error | PartiesRetrieveResponse400 | Party | Throttled | None:
    """One party, by slug

     Sides, mediators and hosts; the slug is given (or made from the name) once, and fixed.

    Args:
        slug (str):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PartiesRetrieveResponse400 | Party | Throttled
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            as_known_on=as_known_on,
        )
    ).parsed
