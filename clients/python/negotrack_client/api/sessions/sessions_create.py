from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.session import Session
from ...models.session_write_request import SessionWriteRequest
from ...models.sessions_create_response_400 import SessionsCreateResponse400
from ...types import Response


def _get_kwargs(
    *,
    body: SessionWriteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sessions/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Session | SessionsCreateResponse400 | None:
    if response.status_code == 201:
        response_201 = Session.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = SessionsCreateResponse400.from_dict(response.json())

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
) -> Response[Error | Session | SessionsCreateResponse400]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SessionWriteRequest,
) -> Response[Error | Session | SessionsCreateResponse400]:
    """Create a session (editors and reviewers)

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        body (SessionWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Session | SessionsCreateResponse400]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SessionWriteRequest,
) -> Error | Session | SessionsCreateResponse400 | None:
    """Create a session (editors and reviewers)

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        body (SessionWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Session | SessionsCreateResponse400
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SessionWriteRequest,
) -> Response[Error | Session | SessionsCreateResponse400]:
    """Create a session (editors and reviewers)

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        body (SessionWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Session | SessionsCreateResponse400]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SessionWriteRequest,
) -> Error | Session | SessionsCreateResponse400 | None:
    """Create a session (editors and reviewers)

     Create and update through a service function.

    A view sets `write_serializer_class` and `service_flags` (keyword arguments of the save
    service besides its lists, like `confirm_date`), and `resolved_inputs`, the inputs it
    reads itself before the save (overriding `save_through_service`), and `fixed_fields`,
    those a client gives when it creates a record and never changes after (a slug, an
    agenda issue's process and topic). The save service,
    and the lists it takes (many-to-many values, linked records), come from the registry
    of record types. Answers show the record as a read shows it, with drafts.

    Args:
        body (SessionWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Session | SessionsCreateResponse400
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
