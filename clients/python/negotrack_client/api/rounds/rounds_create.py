from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.round_ import Round
from ...models.round_write_request import RoundWriteRequest
from ...models.rounds_create_response_400 import RoundsCreateResponse400
from ...types import Response


def _get_kwargs(
    *,
    body: RoundWriteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/rounds/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Round | RoundsCreateResponse400 | None:
    if response.status_code == 201:
        response_201 = Round.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = RoundsCreateResponse400.from_dict(response.json())

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
) -> Response[Error | Round | RoundsCreateResponse400]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RoundWriteRequest,
) -> Response[Error | Round | RoundsCreateResponse400]:
    """Create a round (editors and reviewers)

     The slug is made by the services, never sent: city and first day (istanbul-2025-05-16), the process
    in front when another process met in that city that day, provisional while the first day is unknown.
    Read it from the answer's `slug` or its `Location`.

    Args:
        body (RoundWriteRequest): A round's fields; its slug is the services' to make (city and
            first day, the
            process in front when another process met there that day), never the client's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Round | RoundsCreateResponse400]
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
    body: RoundWriteRequest,
) -> Error | Round | RoundsCreateResponse400 | None:
    """Create a round (editors and reviewers)

     The slug is made by the services, never sent: city and first day (istanbul-2025-05-16), the process
    in front when another process met in that city that day, provisional while the first day is unknown.
    Read it from the answer's `slug` or its `Location`.

    Args:
        body (RoundWriteRequest): A round's fields; its slug is the services' to make (city and
            first day, the
            process in front when another process met there that day), never the client's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Round | RoundsCreateResponse400
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RoundWriteRequest,
) -> Response[Error | Round | RoundsCreateResponse400]:
    """Create a round (editors and reviewers)

     The slug is made by the services, never sent: city and first day (istanbul-2025-05-16), the process
    in front when another process met in that city that day, provisional while the first day is unknown.
    Read it from the answer's `slug` or its `Location`.

    Args:
        body (RoundWriteRequest): A round's fields; its slug is the services' to make (city and
            first day, the
            process in front when another process met there that day), never the client's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Round | RoundsCreateResponse400]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RoundWriteRequest,
) -> Error | Round | RoundsCreateResponse400 | None:
    """Create a round (editors and reviewers)

     The slug is made by the services, never sent: city and first day (istanbul-2025-05-16), the process
    in front when another process met in that city that day, provisional while the first day is unknown.
    Read it from the answer's `slug` or its `Location`.

    Args:
        body (RoundWriteRequest): A round's fields; its slug is the services' to make (city and
            first day, the
            process in front when another process met there that day), never the client's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Round | RoundsCreateResponse400
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
