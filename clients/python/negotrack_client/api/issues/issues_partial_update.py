from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.issue import Issue
from ...models.issue_change_awaiting_review import IssueChangeAwaitingReview
from ...models.issues_partial_update_response_400 import IssuesPartialUpdateResponse400
from ...models.patched_issue_write_request import PatchedIssueWriteRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    body: PatchedIssueWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/issues/{slug}/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400 | None:
    if response.status_code == 200:
        response_200 = Issue.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = IssueChangeAwaitingReview.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = IssuesPartialUpdateResponse400.from_dict(response.json())

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
) -> Response[Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIssueWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400]:
    """Change some fields of an agenda issue

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PatchedIssueWriteRequest | Unset): An agenda issue; its slug is made of its process
            and topic, so both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIssueWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400 | None:
    """Change some fields of an agenda issue

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PatchedIssueWriteRequest | Unset): An agenda issue; its slug is made of its process
            and topic, so both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIssueWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400]:
    """Change some fields of an agenda issue

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PatchedIssueWriteRequest | Unset): An agenda issue; its slug is made of its process
            and topic, so both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIssueWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400 | None:
    """Change some fields of an agenda issue

     Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made.

    Args:
        slug (str):
        if_match (str | Unset):
        body (PatchedIssueWriteRequest | Unset): An agenda issue; its slug is made of its process
            and topic, so both are fixed once it
            is made (the view refuses a change, as the admin shows them read-only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | Issue | IssueChangeAwaitingReview | IssuesPartialUpdateResponse400
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
