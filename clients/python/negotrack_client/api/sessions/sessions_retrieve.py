from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.session import Session
from ...models.sessions_retrieve_response_400 import SessionsRetrieveResponse400
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
        "url": "/api/v1/sessions/{uuid}/".format(
            uuid=quote(str(uuid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | Session | SessionsRetrieveResponse400 | Throttled | None:
    if response.status_code == 200:
        response_200 = Session.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = SessionsRetrieveResponse400.from_dict(response.json())

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
) -> Response[Any | Error | Session | SessionsRetrieveResponse400 | Throttled]:
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
) -> Response[Any | Error | Session | SessionsRetrieveResponse400 | Throttled]:
    """One session, by UUID

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Session | SessionsRetrieveResponse400 | Throttled]
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
) -> Any | Error | Session | SessionsRetrieveResponse400 | Throttled | None:
    """One session, by UUID

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Session | SessionsRetrieveResponse400 | Throttled
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
) -> Response[Any | Error | Session | SessionsRetrieveResponse400 | Throttled]:
    """One session, by UUID

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Session | SessionsRetrieveResponse400 | Throttled]
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
) -> Any | Error | Session | SessionsRetrieveResponse400 | Throttled | None:
    """One session, by UUID

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        uuid (UUID):
        as_known_on (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Session | SessionsRetrieveResponse400 | Throttled
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            as_known_on=as_known_on,
        )
    ).parsed
