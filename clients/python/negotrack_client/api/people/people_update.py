from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.people_update_response_400 import PeopleUpdateResponse400
from ...models.person import Person
from ...models.person_change_awaiting_review import PersonChangeAwaitingReview
from ...models.person_write_request import PersonWriteRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    body: PersonWriteRequest,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/people/{slug}/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview | None:
    if response.status_code == 200:
        response_200 = Person.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = PersonChangeAwaitingReview.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = PeopleUpdateResponse400.from_dict(response.json())

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
) -> Response[Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview]:
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
    body: PersonWriteRequest,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview]:
    """Replace the fields of a person

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        slug (str):
        if_match (str | Unset):
        body (PersonWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview]
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
    body: PersonWriteRequest,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview | None:
    """Replace the fields of a person

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        slug (str):
        if_match (str | Unset):
        body (PersonWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview
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
    body: PersonWriteRequest,
    if_match: str | Unset = UNSET,
) -> Response[Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview]:
    """Replace the fields of a person

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        slug (str):
        if_match (str | Unset):
        body (PersonWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview]
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
    body: PersonWriteRequest,
    if_match: str | Unset = UNSET,
) -> Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview | None:
    """Replace the fields of a person

     Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`).

    Args:
        slug (str):
        if_match (str | Unset):
        body (PersonWriteRequest): Input of a write: plain values, related records by slug or
            UUID. The services
            validate the record (the model's rules and their own); this only parses, each value
            in its JSON type (STRICT_FIELDS).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | PeopleUpdateResponse400 | Person | PersonChangeAwaitingReview
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
