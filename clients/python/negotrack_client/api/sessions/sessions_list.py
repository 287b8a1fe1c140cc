from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_session_list import PaginatedSessionList
from ...models.sessions_list_response_400 import SessionsListResponse400
from ...models.sessions_list_track_type_0 import SessionsListTrackType0
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    round_: str | Unset = UNSET,
    track: SessionsListTrackType0 | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    params["page"] = page

    params["page_size"] = page_size

    params["round"] = round_

    json_track: str | Unset
    if isinstance(track, Unset):
        json_track = UNSET
    elif isinstance(track, str):
        json_track = track
    else:
        json_track = track
    params["track"] = json_track

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled | None:
    if response.status_code == 200:
        response_200 = PaginatedSessionList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = SessionsListResponse400.from_dict(response.json())

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
) -> Response[Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled]:
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
    round_: str | Unset = UNSET,
    track: SessionsListTrackType0 | str | Unset = UNSET,
) -> Response[Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled]:
    """List the sessions (sittings) of rounds

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        round_ (str | Unset):
        track (SessionsListTrackType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        page=page,
        page_size=page_size,
        round_=round_,
        track=track,
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
    round_: str | Unset = UNSET,
    track: SessionsListTrackType0 | str | Unset = UNSET,
) -> Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled | None:
    """List the sessions (sittings) of rounds

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        round_ (str | Unset):
        track (SessionsListTrackType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled
    """

    return sync_detailed(
        client=client,
        as_known_on=as_known_on,
        page=page,
        page_size=page_size,
        round_=round_,
        track=track,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    round_: str | Unset = UNSET,
    track: SessionsListTrackType0 | str | Unset = UNSET,
) -> Response[Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled]:
    """List the sessions (sittings) of rounds

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        round_ (str | Unset):
        track (SessionsListTrackType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        page=page,
        page_size=page_size,
        round_=round_,
        track=track,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    round_: str | Unset = UNSET,
    track: SessionsListTrackType0 | str | Unset = UNSET,
) -> Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled | None:
    """List the sessions (sittings) of rounds

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        as_known_on (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        round_ (str | Unset):
        track (SessionsListTrackType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedSessionList | SessionsListResponse400 | Throttled
    """

    return (
        await asyncio_detailed(
            client=client,
            as_known_on=as_known_on,
            page=page,
            page_size=page_size,
            round_=round_,
            track=track,
        )
    ).parsed
