from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.changes_list_include import ChangesListInclude
from ...models.changes_page import ChangesPage
from ...models.error import Error
from ...models.expired import Expired
from ...models.invalid_query import InvalidQuery
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include: ChangesListInclude | Unset = UNSET,
    limit: int | Unset = UNSET,
    since: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_include: str | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = include

    params["include"] = json_include

    params["limit"] = limit

    params["since"] = since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ChangesPage | Error | Expired | InvalidQuery | Throttled | None:
    if response.status_code == 200:
        response_200 = ChangesPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = InvalidQuery.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 410:
        response_410 = Expired.from_dict(response.json())

        return response_410

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
) -> Response[Any | ChangesPage | Error | Expired | InvalidQuery | Throttled]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    include: ChangesListInclude | Unset = UNSET,
    limit: int | Unset = UNSET,
    since: str | Unset = UNSET,
) -> Response[Any | ChangesPage | Error | Expired | InvalidQuery | Throttled]:
    """Every change to the record since a cursor, oldest first, each exactly once.

    Start without `since`, then pass the `next` of each answer as `since`. An answer whose
    `has_more` is true has more waiting; otherwise poll again later with the same `next`.
    A change shows only once every transaction that began before it has finished, so a
    cursor never skips a change that commits late.

    Args:
        include (ChangesListInclude | Unset):
        limit (int | Unset):
        since (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ChangesPage | Error | Expired | InvalidQuery | Throttled]
    """

    kwargs = _get_kwargs(
        include=include,
        limit=limit,
        since=since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    include: ChangesListInclude | Unset = UNSET,
    limit: int | Unset = UNSET,
    since: str | Unset = UNSET,
) -> Any | ChangesPage | Error | Expired | InvalidQuery | Throttled | None:
    """Every change to the record since a cursor, oldest first, each exactly once.

    Start without `since`, then pass the `next` of each answer as `since`. An answer whose
    `has_more` is true has more waiting; otherwise poll again later with the same `next`.
    A change shows only once every transaction that began before it has finished, so a
    cursor never skips a change that commits late.

    Args:
        include (ChangesListInclude | Unset):
        limit (int | Unset):
        since (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ChangesPage | Error | Expired | InvalidQuery | Throttled
    """

    return sync_detailed(
        client=client,
        include=include,
        limit=limit,
        since=since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    include: ChangesListInclude | Unset = UNSET,
    limit: int | Unset = UNSET,
    since: str | Unset = UNSET,
) -> Response[Any | ChangesPage | Error | Expired | InvalidQuery | Throttled]:
    """Every change to the record since a cursor, oldest first, each exactly once.

    Start without `since`, then pass the `next` of each answer as `since`. An answer whose
    `has_more` is true has more waiting; otherwise poll again later with the same `next`.
    A change shows only once every transaction that began before it has finished, so a
    cursor never skips a change that commits late.

    Args:
        include (ChangesListInclude | Unset):
        limit (int | Unset):
        since (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ChangesPage | Error | Expired | InvalidQuery | Throttled]
    """

    kwargs = _get_kwargs(
        include=include,
        limit=limit,
        since=since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    include: ChangesListInclude | Unset = UNSET,
    limit: int | Unset = UNSET,
    since: str | Unset = UNSET,
) -> Any | ChangesPage | Error | Expired | InvalidQuery | Throttled | None:
    """Every change to the record since a cursor, oldest first, each exactly once.

    Start without `since`, then pass the `next` of each answer as `since`. An answer whose
    `has_more` is true has more waiting; otherwise poll again later with the same `next`.
    A change shows only once every transaction that began before it has finished, so a
    cursor never skips a change that commits late.

    Args:
        include (ChangesListInclude | Unset):
        limit (int | Unset):
        since (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ChangesPage | Error | Expired | InvalidQuery | Throttled
    """

    return (
        await asyncio_detailed(
            client=client,
            include=include,
            limit=limit,
            since=since,
        )
    ).parsed
