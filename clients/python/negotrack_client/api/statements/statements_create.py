from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.statement import Statement
from ...models.statement_write_request import StatementWriteRequest
from ...models.statements_create_format import StatementsCreateFormat
from ...models.statements_create_response_400 import StatementsCreateResponse400
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: StatementWriteRequest,
    format_: StatementsCreateFormat | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/statements/",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Statement | StatementsCreateResponse400 | None:
    if response.status_code == 201:
        response_201 = Statement.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = StatementsCreateResponse400.from_dict(response.json())

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
) -> Response[Error | Statement | StatementsCreateResponse400]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: StatementWriteRequest,
    format_: StatementsCreateFormat | Unset = UNSET,
) -> Response[Error | Statement | StatementsCreateResponse400]:
    """Create a draft (editors and reviewers)

     What was said, by whom, how, and where it was reported.

    Args:
        format_ (StatementsCreateFormat | Unset):
        body (StatementWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Statement | StatementsCreateResponse400]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: StatementWriteRequest,
    format_: StatementsCreateFormat | Unset = UNSET,
) -> Error | Statement | StatementsCreateResponse400 | None:
    """Create a draft (editors and reviewers)

     What was said, by whom, how, and where it was reported.

    Args:
        format_ (StatementsCreateFormat | Unset):
        body (StatementWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Statement | StatementsCreateResponse400
    """

    return sync_detailed(
        client=client,
        body=body,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StatementWriteRequest,
    format_: StatementsCreateFormat | Unset = UNSET,
) -> Response[Error | Statement | StatementsCreateResponse400]:
    """Create a draft (editors and reviewers)

     What was said, by whom, how, and where it was reported.

    Args:
        format_ (StatementsCreateFormat | Unset):
        body (StatementWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Statement | StatementsCreateResponse400]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StatementWriteRequest,
    format_: StatementsCreateFormat | Unset = UNSET,
) -> Error | Statement | StatementsCreateResponse400 | None:
    """Create a draft (editors and reviewers)

     What was said, by whom, how, and where it was reported.

    Args:
        format_ (StatementsCreateFormat | Unset):
        body (StatementWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Statement | StatementsCreateResponse400
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            format_=format_,
        )
    ).parsed
