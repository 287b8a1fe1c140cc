from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.statement import Statement
from ...models.statements_publish_create_format import (
    StatementsPublishCreateFormat,
)
from ...models.statements_publish_create_response_400 import StatementsPublishCreateResponse400
from ...models.version_only_request import VersionOnlyRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uuid: UUID,
    *,
    body: VersionOnlyRequest | Unset = UNSET,
    format_: StatementsPublishCreateFormat | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/statements/{uuid}/publish/".format(
            uuid=quote(str(uuid), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | Statement | StatementsPublishCreateResponse400 | None:
    if response.status_code == 200:
        response_200 = Statement.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = StatementsPublishCreateResponse400.from_dict(response.json())

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
) -> Response[Conflict | Error | Statement | StatementsPublishCreateResponse400]:
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
    body: VersionOnlyRequest | Unset = UNSET,
    format_: StatementsPublishCreateFormat | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | Statement | StatementsPublishCreateResponse400]:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        format_ (StatementsPublishCreateFormat | Unset):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | Statement | StatementsPublishCreateResponse400]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        body=body,
        format_=format_,
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
    body: VersionOnlyRequest | Unset = UNSET,
    format_: StatementsPublishCreateFormat | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | Statement | StatementsPublishCreateResponse400 | None:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        format_ (StatementsPublishCreateFormat | Unset):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | Statement | StatementsPublishCreateResponse400
    """

    return sync_detailed(
        uuid=uuid,
        client=client,
        body=body,
        format_=format_,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: VersionOnlyRequest | Unset = UNSET,
    format_: StatementsPublishCreateFormat | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | Statement | StatementsPublishCreateResponse400]:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        format_ (StatementsPublishCreateFormat | Unset):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | Statement | StatementsPublishCreateResponse400]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        body=body,
        format_=format_,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: VersionOnlyRequest | Unset = UNSET,
    format_: StatementsPublishCreateFormat | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | Statement | StatementsPublishCreateResponse400 | None:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        format_ (StatementsPublishCreateFormat | Unset):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | Statement | StatementsPublishCreateResponse400
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            body=body,
            format_=format_,
            if_match=if_match,
        )
    ).parsed
