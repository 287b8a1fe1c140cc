from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.issues_timeline_retrieve_format import (
    IssuesTimelineRetrieveFormat,
)
from ...models.issues_timeline_retrieve_response_400 import IssuesTimelineRetrieveResponse400
from ...models.throttled import Throttled
from ...models.timeline import Timeline
from ...models.timeline_js import TimelineJS
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    as_known_on: str | Unset = UNSET,
    format_: IssuesTimelineRetrieveFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/issues/{slug}/timeline/".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> Timeline | TimelineJS:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_timeline_answer_type_0 = Timeline.from_dict(data)

                return componentsschemas_timeline_answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_timeline_answer_type_1 = TimelineJS.from_dict(data)

            return componentsschemas_timeline_answer_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = IssuesTimelineRetrieveResponse400.from_dict(response.json())

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
) -> Response[Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    format_: IssuesTimelineRetrieveFormat | Unset = UNSET,
) -> Response[Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS]:
    """The issue's timeline, whole, as the last rebuild made it, and whether it is current
    (`?format=timelinejs`: the same entries as TimelineJS reads them).

    Args:
        slug (str):
        as_known_on (str | Unset):
        format_ (IssuesTimelineRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS]
    """

    kwargs = _get_kwargs(
        slug=slug,
        as_known_on=as_known_on,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    format_: IssuesTimelineRetrieveFormat | Unset = UNSET,
) -> Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS | None:
    """The issue's timeline, whole, as the last rebuild made it, and whether it is current
    (`?format=timelinejs`: the same entries as TimelineJS reads them).

    Args:
        slug (str):
        as_known_on (str | Unset):
        format_ (IssuesTimelineRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS
    """

    return sync_detailed(
        slug=slug,
        client=client,
        as_known_on=as_known_on,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    format_: IssuesTimelineRetrieveFormat | Unset = UNSET,
) -> Response[Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS]:
    """The issue's timeline, whole, as the last rebuild made it, and whether it is current
    (`?format=timelinejs`: the same entries as TimelineJS reads them).

    Args:
        slug (str):
        as_known_on (str | Unset):
        format_ (IssuesTimelineRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS]
    """

    kwargs = _get_kwargs(
        slug=slug,
        as_known_on=as_known_on,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    format_: IssuesTimelineRetrieveFormat | Unset = UNSET,
) -> Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS | None:
    """The issue's timeline, whole, as the last rebuild made it, and whether it is current
    (`?format=timelinejs`: the same entries as TimelineJS reads them).

    Args:
        slug (str):
        as_known_on (str | Unset):
        format_ (IssuesTimelineRetrieveFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | IssuesTimelineRetrieveResponse400 | Throttled | Timeline | TimelineJS
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            as_known_on=as_known_on,
            format_=format_,
        )
    ).parsed
