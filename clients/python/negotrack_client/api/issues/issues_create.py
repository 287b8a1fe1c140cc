from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.issue import Issue
from ...models.issue_write_request import IssueWriteRequest
from ...models.issues_create_response_400 import IssuesCreateResponse400
from ...types import Response


def _get_kwargs(
    *,
    body: IssueWriteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/issues/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Issue | IssuesCreateResponse400 | None:
    if response.status_code == 201:
        response_201 = Issue.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = IssuesCreateResponse400.from_dict(response.json())

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
) -> Response[Error | Issue | IssuesCreateResponse400]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IssueWriteRequest,
) -> Response[Error | Issue | IssuesCreateResponse400]:
    """Create an agenda issue (editors and reviewers)

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        body (IssueWriteRequest): An agenda issue; its slug is made of its process and topic, so
            both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Issue | IssuesCreateResponse400]
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
    body: IssueWriteRequest,
) -> Error | Issue | IssuesCreateResponse400 | None:
    """Create an agenda issue (editors and reviewers)

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        body (IssueWriteRequest): An agenda issue; its slug is made of its process and topic, so
            both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Issue | IssuesCreateResponse400
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IssueWriteRequest,
) -> Response[Error | Issue | IssuesCreateResponse400]:
    """Create an agenda issue (editors and reviewers)

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        body (IssueWriteRequest): An agenda issue; its slug is made of its process and topic, so
            both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Issue | IssuesCreateResponse400]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IssueWriteRequest,
) -> Error | Issue | IssuesCreateResponse400 | None:
    """Create an agenda issue (editors and reviewers)

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        body (IssueWriteRequest): An agenda issue; its slug is made of its process and topic, so
            both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Issue | IssuesCreateResponse400
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
