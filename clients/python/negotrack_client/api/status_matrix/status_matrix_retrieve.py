from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.status_matrix import StatusMatrix
from ...models.status_matrix_retrieve_format import StatusMatrixRetrieveFormat
from ...models.status_matrix_retrieve_response_400 import StatusMatrixRetrieveResponse400
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_known_on: str | Unset = UNSET,
    format_: StatusMatrixRetrieveFormat | Unset = UNSET,
    process: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params["process"] = process

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/status-matrix/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled | None:
    if response.status_code == 200:
        response_200 = StatusMatrix.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = StatusMatrixRetrieveResponse400.from_dict(response.json())

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
) -> Response[Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled]:
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
    format_: StatusMatrixRetrieveFormat | Unset = UNSET,
    process: str,
) -> Response[Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled]:
    """Rounds × agenda issues of one process, one published status per cell.

    Args:
        as_known_on (str | Unset):
        format_ (StatusMatrixRetrieveFormat | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        format_=format_,
        process=process,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    format_: StatusMatrixRetrieveFormat | Unset = UNSET,
    process: str,
) -> Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled | None:
    """Rounds × agenda issues of one process, one published status per cell.

    Args:
        as_known_on (str | Unset):
        format_ (StatusMatrixRetrieveFormat | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled
    """

    return sync_detailed(
        client=client,
        as_known_on=as_known_on,
        format_=format_,
        process=process,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    format_: StatusMatrixRetrieveFormat | Unset = UNSET,
    process: str,
) -> Response[Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled]:
    """Rounds × agenda issues of one process, one published status per cell.

    Args:
        as_known_on (str | Unset):
        format_ (StatusMatrixRetrieveFormat | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        format_=format_,
        process=process,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    format_: StatusMatrixRetrieveFormat | Unset = UNSET,
    process: str,
) -> Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled | None:
    """Rounds × agenda issues of one process, one published status per cell.

    Args:
        as_known_on (str | Unset):
        format_ (StatusMatrixRetrieveFormat | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | StatusMatrix | StatusMatrixRetrieveResponse400 | Throttled
    """

    return (
        await asyncio_detailed(
            client=client,
            as_known_on=as_known_on,
            format_=format_,
            process=process,
        )
    ).parsed
