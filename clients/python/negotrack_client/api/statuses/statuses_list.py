from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_issue_status_list import PaginatedIssueStatusList
from ...models.statuses_list_include import StatusesListInclude
from ...models.statuses_list_response_400 import StatusesListResponse400
from ...models.statuses_list_status_type_0 import StatusesListStatusType0
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_known_on: str | Unset = UNSET,
    include: StatusesListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    process: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    status: StatusesListStatusType0 | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    json_include: str | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = include

    params["include"] = json_include

    params["issue"] = issue

    params["page"] = page

    params["page_size"] = page_size

    params["process"] = process

    params["round"] = round_

    json_status: str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statuses/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled | None:
    if response.status_code == 200:
        response_200 = PaginatedIssueStatusList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = StatusesListResponse400.from_dict(response.json())

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
) -> Response[Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled]:
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
    include: StatusesListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    process: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    status: StatusesListStatusType0 | str | Unset = UNSET,
) -> Response[Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled]:
    """Issue statuses, from the public record

    Args:
        as_known_on (str | Unset):
        include (StatusesListInclude | Unset):
        issue (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        process (str | Unset):
        round_ (str | Unset):
        status (StatusesListStatusType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        include=include,
        issue=issue,
        page=page,
        page_size=page_size,
        process=process,
        round_=round_,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    include: StatusesListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    process: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    status: StatusesListStatusType0 | str | Unset = UNSET,
) -> Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled | None:
    """Issue statuses, from the public record

    Args:
        as_known_on (str | Unset):
        include (StatusesListInclude | Unset):
        issue (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        process (str | Unset):
        round_ (str | Unset):
        status (StatusesListStatusType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled
    """

    return sync_detailed(
        client=client,
        as_known_on=as_known_on,
        include=include,
        issue=issue,
        page=page,
        page_size=page_size,
        process=process,
        round_=round_,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    include: StatusesListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    process: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    status: StatusesListStatusType0 | str | Unset = UNSET,
) -> Response[Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled]:
    """Issue statuses, from the public record

    Args:
        as_known_on (str | Unset):
        include (StatusesListInclude | Unset):
        issue (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        process (str | Unset):
        round_ (str | Unset):
        status (StatusesListStatusType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        include=include,
        issue=issue,
        page=page,
        page_size=page_size,
        process=process,
        round_=round_,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    include: StatusesListInclude | Unset = UNSET,
    issue: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    process: str | Unset = UNSET,
    round_: str | Unset = UNSET,
    status: StatusesListStatusType0 | str | Unset = UNSET,
) -> Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled | None:
    """Issue statuses, from the public record

    Args:
        as_known_on (str | Unset):
        include (StatusesListInclude | Unset):
        issue (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        process (str | Unset):
        round_ (str | Unset):
        status (StatusesListStatusType0 | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | PaginatedIssueStatusList | StatusesListResponse400 | Throttled
    """

    return (
        await asyncio_detailed(
            client=client,
            as_known_on=as_known_on,
            include=include,
            issue=issue,
            page=page,
            page_size=page_size,
            process=process,
            round_=round_,
            status=status,
        )
    ).parsed
