from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.proposals import Proposals
from ...models.report_request import ReportRequest
from ...models.rounds_proposals_create_response_400 import RoundsProposalsCreateResponse400
from ...types import Response


def _get_kwargs(
    slug: str,
    *,
    body: ReportRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/rounds/{slug}/proposals/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Proposals | RoundsProposalsCreateResponse400 | None:
    if response.status_code == 200:
        response_200 = Proposals.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = RoundsProposalsCreateResponse400.from_dict(response.json())

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
) -> Response[Error | Proposals | RoundsProposalsCreateResponse400]:
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
    body: ReportRequest,
) -> Response[Error | Proposals | RoundsProposalsCreateResponse400]:
    """Propose the statements of a news report, saving nothing (editors and reviewers)

     The statements a report gives (quotes and reported speech), each with its speaker found among the
    people on record (the round's delegates preferred), its party, date, medium, language and the
    round's agenda issues it may concern, for the editor to check before entering the ones they keep as
    drafts (`POST /api/v1/statements/`). The text holds at most 200,000 characters; `outlet`, `title`,
    `url` and `published_on` are read from the text when left out. The answer says which source on
    record has the report's URL, and which statements are on record already. Nothing is saved.

    Args:
        slug (str):
        body (ReportRequest): A report as the editor pastes it: its text, and what they know of
            it, each with the
            limits and checks of a source's field (what the editor leaves out is read from the text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Proposals | RoundsProposalsCreateResponse400]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: ReportRequest,
) -> Error | Proposals | RoundsProposalsCreateResponse400 | None:
    """Propose the statements of a news report, saving nothing (editors and reviewers)

     The statements a report gives (quotes and reported speech), each with its speaker found among the
    people on record (the round's delegates preferred), its party, date, medium, language and the
    round's agenda issues it may concern, for the editor to check before entering the ones they keep as
    drafts (`POST /api/v1/statements/`). The text holds at most 200,000 characters; `outlet`, `title`,
    `url` and `published_on` are read from the text when left out. The answer says which source on
    record has the report's URL, and which statements are on record already. Nothing is saved.

    Args:
        slug (str):
        body (ReportRequest): A report as the editor pastes it: its text, and what they know of
            it, each with the
            limits and checks of a source's field (what the editor leaves out is read from the text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Proposals | RoundsProposalsCreateResponse400
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: ReportRequest,
) -> Response[Error | Proposals | RoundsProposalsCreateResponse400]:
    """Propose the statements of a news report, saving nothing (editors and reviewers)

     The statements a report gives (quotes and reported speech), each with its speaker found among the
    people on record (the round's delegates preferred), its party, date, medium, language and the
    round's agenda issues it may concern, for the editor to check before entering the ones they keep as
    drafts (`POST /api/v1/statements/`). The text holds at most 200,000 characters; `outlet`, `title`,
    `url` and `published_on` are read from the text when left out. The answer says which source on
    record has the report's URL, and which statements are on record already. Nothing is saved.

    Args:
        slug (str):
        body (ReportRequest): A report as the editor pastes it: its text, and what they know of
            it, each with the
            limits and checks of a source's field (what the editor leaves out is read from the text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Proposals | RoundsProposalsCreateResponse400]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: ReportRequest,
) -> Error | Proposals | RoundsProposalsCreateResponse400 | None:
    """Propose the statements of a news report, saving nothing (editors and reviewers)

     The statements a report gives (quotes and reported speech), each with its speaker found among the
    people on record (the round's delegates preferred), its party, date, medium, language and the
    round's agenda issues it may concern, for the editor to check before entering the ones they keep as
    drafts (`POST /api/v1/statements/`). The text holds at most 200,000 characters; `outlet`, `title`,
    `url` and `published_on` are read from the text when left out. The answer says which source on
    record has the report's URL, and which statements are on record already. Nothing is saved.

    Args:
        slug (str):
        body (ReportRequest): A report as the editor pastes it: its text, and what they know of
            it, each with the
            limits and checks of a source's field (what the editor leaves out is read from the text).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Proposals | RoundsProposalsCreateResponse400
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
