from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.patched_position_write_request import PatchedPositionWriteRequest
from ...models.position import Position
from ...models.position_change_awaiting_review import PositionChangeAwaitingReview
from ...models.positions_partial_update_response_400 import PositionsPartialUpdateResponse400
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uuid: UUID,
    *,
    body: PatchedPositionWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/positions/{uuid}/".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400 | None:
    if response.status_code == 200:
        response_200 = Position.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = PositionChangeAwaitingReview.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = PositionsPartialUpdateResponse400.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Conflict.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Error.from_dict(response.json())

        return response_412

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
) -> Response[Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400]:
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
    body: PatchedPositionWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400]:
    """Change some fields of a draft

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (PatchedPositionWriteRequest | Unset): Input of a write: plain values, related
            records by slug or UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        body=body,
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
    body: PatchedPositionWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400 | None:
    """Change some fields of a draft

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (PatchedPositionWriteRequest | Unset): Input of a write: plain values, related
            records by slug or UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400
    """

    return sync_detailed(
        uuid=uuid,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedPositionWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400]:
    """Change some fields of a draft

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (PatchedPositionWriteRequest | Unset): Input of a write: plain values, related
            records by slug or UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedPositionWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400 | None:
    """Change some fields of a draft

     The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (PatchedPositionWriteRequest | Unset): Input of a write: plain values, related
            records by slug or UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | Position | PositionChangeAwaitingReview | PositionsPartialUpdateResponse400
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
