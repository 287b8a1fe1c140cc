from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uuid: UUID,
    *,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/statuses/{uuid}/".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Conflict | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Conflict.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Error.from_dict(response.json())

        return response_412

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Conflict | Error]:
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
    if_match: str | Unset = UNSET,
) -> Response[Any | Conflict | Error]:
    """Delete a draft (a published record is withdrawn instead)

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Conflict | Error]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str | Unset = UNSET,
) -> Any | Conflict | Error | None:
    """Delete a draft (a published record is withdrawn instead)

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Conflict | Error
    """

    return sync_detailed(
        uuid=uuid,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str | Unset = UNSET,
) -> Response[Any | Conflict | Error]:
    """Delete a draft (a published record is withdrawn instead)

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Conflict | Error]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str | Unset = UNSET,
) -> Any | Conflict | Error | None:
    """Delete a draft (a published record is withdrawn instead)

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Conflict | Error
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            if_match=if_match,
        )
    ).parsed
