from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_person_list import PaginatedPersonList
from ...models.people_list_response_400 import PeopleListResponse400
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    params["page"] = page

    params["page_size"] = page_size

    params["q"] = q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/people/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled | None:
    if response.status_code == 200:
        response_200 = PaginatedPersonList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = PeopleListResponse400.from_dict(response.json())

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
) -> Response[Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled]:
    """List named officials

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        page=page,
        page_size=page_size,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled | None:
    """List named officials

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled
    """

    return sync_detailed(
        client=client,
        as_known_on=as_known_on,
        page=page,
        page_size=page_size,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled]:
    """List named officials

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        page=page,
        page_size=page_size,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled | None:
    """List named officials

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedPersonList | PeopleListResponse400 | Throttled
    """

    return (
        await asyncio_detailed(
            client=client,
            as_known_on=as_known_on,
            page=page,
            page_size=page_size,
            q=q,
        )
    ).parsed
