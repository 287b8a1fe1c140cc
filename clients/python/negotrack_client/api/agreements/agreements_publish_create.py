from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agreement import Agreement
from ...models.agreements_publish_create_response_400 import AgreementsPublishCreateResponse400
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.version_only_request import VersionOnlyRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uuid: UUID,
    *,
    body: VersionOnlyRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/agreements/{uuid}/publish/".format(
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
) -> Agreement | AgreementsPublishCreateResponse400 | Conflict | Error | None:
    if response.status_code == 200:
        response_200 = Agreement.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = AgreementsPublishCreateResponse400.from_dict(response.json())

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
) -> Response[Agreement | AgreementsPublishCreateResponse400 | Conflict | Error]:
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
    if_match: str | Unset = UNSET,
) -> Response[Agreement | AgreementsPublishCreateResponse400 | Conflict | Error]:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | AgreementsPublishCreateResponse400 | Conflict | Error]
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
    body: VersionOnlyRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Agreement | AgreementsPublishCreateResponse400 | Conflict | Error | None:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | AgreementsPublishCreateResponse400 | Conflict | Error
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
    body: VersionOnlyRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Agreement | AgreementsPublishCreateResponse400 | Conflict | Error]:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | AgreementsPublishCreateResponse400 | Conflict | Error]
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
    body: VersionOnlyRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Agreement | AgreementsPublishCreateResponse400 | Conflict | Error | None:
    """Publish a draft; reviewers only

     Publish a draft (reviewers); a correction supersedes the record it revises.

    Args:
        uuid (UUID):
        if_match (str | Unset):
        body (VersionOnlyRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | AgreementsPublishCreateResponse400 | Conflict | Error
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
