import datetime
from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_statement_list import PaginatedStatementList
from ...models.statements_list_format import StatementsListFormat
from ...models.statements_list_include import StatementsListInclude
from ...models.statements_list_response_400 import StatementsListResponse400
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_known_on: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | str | Unset = UNSET,
    date_to: datetime.date | str | Unset = UNSET,
    format_: StatementsListFormat | Unset = UNSET,
    include: StatementsListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    party: str | Unset = UNSET,
    process: str | Unset = UNSET,
    q: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    session: str | Unset | UUID = UNSET,
    speaker: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    params["cursor"] = cursor

    json_date_from: str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    json_include: str | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = include

    params["include"] = json_include

    params["issue"] = issue

    params["page_size"] = page_size

    params["party"] = party

    params["process"] = process

    params["q"] = q

    params["round"] = round_

    json_session: str | Unset
    if isinstance(session, Unset):
        json_session = UNSET
    elif isinstance(session, UUID):
        json_session = str(session)
    else:
        json_session = session
    params["session"] = json_session

    params["speaker"] = speaker

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statements/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled | None:
    if response.status_code == 200:
        response_200 = PaginatedStatementList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = StatementsListResponse400.from_dict(response.json())

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
) -> Response[Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | str | Unset = UNSET,
    date_to: datetime.date | str | Unset = UNSET,
    format_: StatementsListFormat | Unset = UNSET,
    include: StatementsListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    party: str | Unset = UNSET,
    process: str | Unset = UNSET,
    q: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    session: str | Unset | UUID = UNSET,
    speaker: str | Unset = UNSET,
) -> Response[Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled]:
    """Statements from the public record, newest first, in pages by cursor (follow `next`). Dates of week
    or month precision match any date range they overlap.

    Args:
        as_known_on (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | str | Unset):
        date_to (datetime.date | str | Unset):
        format_ (StatementsListFormat | Unset):
        include (StatementsListInclude | Unset):
        issue (str | Unset):
        page_size (int | Unset):
        party (str | Unset):
        process (str | Unset):
        q (str | Unset):
        round_ (str | Unset):
        session (str | Unset | UUID):
        speaker (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        cursor=cursor,
        date_from=date_from,
        date_to=date_to,
        format_=format_,
        include=include,
        issue=issue,
        page_size=page_size,
        party=party,
        process=process,
        q=q,
        round_=round_,
        session=session,
        speaker=speaker,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | str | Unset = UNSET,
    date_to: datetime.date | str | Unset = UNSET,
    format_: StatementsListFormat | Unset = UNSET,
    include: StatementsListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    party: str | Unset = UNSET,
    process: str | Unset = UNSET,
    q: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    session: str | Unset | UUID = UNSET,
    speaker: str | Unset = UNSET,
) -> Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled | None:
    """Statements from the public record, newest first, in pages by cursor (follow `next`). Dates of week
    or month precision match any date range they overlap.

    Args:
        as_known_on (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | str | Unset):
        date_to (datetime.date | str | Unset):
        format_ (StatementsListFormat | Unset):
        include (StatementsListInclude | Unset):
        issue (str | Unset):
        page_size (int | Unset):
        party (str | Unset):
        process (str | Unset):
        q (str | Unset):
        round_ (str | Unset):
        session (str | Unset | UUID):
        speaker (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled
    """

    return sync_detailed(
        client=client,
        as_known_on=as_known_on,
        cursor=cursor,
        date_from=date_from,
        date_to=date_to,
        format_=format_,
        include=include,
        issue=issue,
        page_size=page_size,
        party=party,
        process=process,
        q=q,
        round_=round_,
        session=session,
        speaker=speaker,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | str | Unset = UNSET,
    date_to: datetime.date | str | Unset = UNSET,
    format_: StatementsListFormat | Unset = UNSET,
    include: StatementsListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    party: str | Unset = UNSET,
    process: str | Unset = UNSET,
    q: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    session: str | Unset | UUID = UNSET,
    speaker: str | Unset = UNSET,
) -> Response[Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled]:
    """Statements from the public record, newest first, in pages by cursor (follow `next`). Dates of week
    or month precision match any date range they overlap.

    Args:
        as_known_on (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | str | Unset):
        date_to (datetime.date | str | Unset):
        format_ (StatementsListFormat | Unset):
        include (StatementsListInclude | Unset):
        issue (str | Unset):
        page_size (int | Unset):
        party (str | Unset):
        process (str | Unset):
        q (str | Unset):
        round_ (str | Unset):
        session (str | Unset | UUID):
        speaker (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        cursor=cursor,
        date_from=date_from,
        date_to=date_to,
        format_=format_,
        include=include,
        issue=issue,
        page_size=page_size,
        party=party,
        process=process,
        q=q,
        round_=round_,
        session=session,
        speaker=speaker,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | str | Unset = UNSET,
    date_to: datetime.date | str | Unset = UNSET,
    format_: StatementsListFormat | Unset = UNSET,
    include: StatementsListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    party: str | Unset = UNSET,
    process: str | Unset = UNSET,
    q: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    session: str | Unset | UUID = UNSET,
    speaker: str | Unset = UNSET,
) -> Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled | None:
    """Statements from the public record, newest first, in pages by cursor (follow `next`). Dates of week
    or month precision match any date range they overlap.

    Args:
        as_known_on (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | str | Unset):
        date_to (datetime.date | str | Unset):
        format_ (StatementsListFormat | Unset):
        include (StatementsListInclude | Unset):
        issue (str | Unset):
        page_size (int | Unset):
        party (str | Unset):
        process (str | Unset):
        q (str | Unset):
        round_ (str | Unset):
        session (str | Unset | UUID):
        speaker (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedStatementList | StatementsListResponse400 | Throttled
    """

    return (
        await asyncio_detailed(
            client=client,
            as_known_on=as_known_on,
            cursor=cursor,
            date_from=date_from,
            date_to=date_to,
            format_=format_,
            include=include,
            issue=issue,
            page_size=page_size,
            party=party,
            process=process,
            q=q,
            round_=round_,
            session=session,
            speaker=speaker,
        )
    ).parsed
