from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.popolo import Popolo
from ...models.popolo_retrieve_response_400 import PopoloRetrieveResponse400
from ...models.throttled import Throttled
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_known_on: str | Unset = UNSET,
    process: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["as_known_on"] = as_known_on

    params["process"] = process

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/popolo/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled | None:
    if response.status_code == 200:
        response_200 = Popolo.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = PopoloRetrieveResponse400.from_dict(response.json())

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
) -> Response[Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled]:
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
    process: str,
) -> Response[Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled]:
    """Who sat for whom in one process, as Popolo JSON

     One Popolo document (https://www.popoloproject.com/specs/) for a process: `persons`, the people who
    sat in one of its delegations; `organizations`, the parties they sat for and each party's delegation
    at each round (classification `delegation`, its party as `parent_id`, the round's days as
    `founding_date` and `dissolution_date`); `memberships`, each person in a delegation (their role,
    their title then as `label`, the round's days). Every id is the record's UUID. Not paginated: a
    process with no delegations answers three empty lists.

    Args:
        as_known_on (str | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
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
    process: str,
) -> Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled | None:
    """Who sat for whom in one process, as Popolo JSON

     One Popolo document (https://www.popoloproject.com/specs/) for a process: `persons`, the people who
    sat in one of its delegations; `organizations`, the parties they sat for and each party's delegation
    at each round (classification `delegation`, its party as `parent_id`, the round's days as
    `founding_date` and `dissolution_date`); `memberships`, each person in a delegation (their role,
    their title then as `label`, the round's days). Every id is the record's UUID. Not paginated: a
    process with no delegations answers three empty lists.

    Args:
        as_known_on (str | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled
    """

    return sync_detailed(
        client=client,
        as_known_on=as_known_on,
        process=process,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    process: str,
) -> Response[Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled]:
    """Who sat for whom in one process, as Popolo JSON

     One Popolo document (https://www.popoloproject.com/specs/) for a process: `persons`, the people who
    sat in one of its delegations; `organizations`, the parties they sat for and each party's delegation
    at each round (classification `delegation`, its party as `parent_id`, the round's days as
    `founding_date` and `dissolution_date`); `memberships`, each person in a delegation (their role,
    their title then as `label`, the round's days). Every id is the record's UUID. Not paginated: a
    process with no delegations answers three empty lists.

    Args:
        as_known_on (str | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled]
    """

    kwargs = _get_kwargs(
        as_known_on=as_known_on,
        process=process,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_known_on: str | Unset = UNSET,
    process: str,
) -> Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled | None:
    """Who sat for whom in one process, as Popolo JSON

     One Popolo document (https://www.popoloproject.com/specs/) for a process: `persons`, the people who
    sat in one of its delegations; `organizations`, the parties they sat for and each party's delegation
    at each round (classification `delegation`, its party as `parent_id`, the round's days as
    `founding_date` and `dissolution_date`); `memberships`, each person in a delegation (their role,
    their title then as `label`, the round's days). Every id is the record's UUID. Not paginated: a
    process with no delegations answers three empty lists.

    Args:
        as_known_on (str | Unset):
        process (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Popolo | PopoloRetrieveResponse400 | Throttled
    """

    return (
        await asyncio_detailed(
            client=client,
            as_known_on=as_known_on,
            process=process,
        )
    ).parsed
