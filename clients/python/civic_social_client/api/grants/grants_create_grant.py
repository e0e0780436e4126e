from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grant_create import GrantCreate
from ...models.grant_read import GrantRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: UUID,
    *,
    body: GrantCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounts/{account_id}/grants".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GrantRead | Problem | None:
    if response.status_code == 201:
        response_201 = GrantRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GrantRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[GrantRead | Problem]:
    """Grant access

     Give a named person a role on the account. Owners, publishers and moderators must be
    trained and have acknowledged the policy in force (422 `grant-holder-not-eligible`, with
    the gaps). Contractors and volunteers need an expiry; departed people and contracting
    firms get none; an overlapping grant is a 409.

    Args:
        account_id (UUID):
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (GrantCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> GrantRead | Problem | None:
    """Grant access

     Give a named person a role on the account. Owners, publishers and moderators must be
    trained and have acknowledged the policy in force (422 `grant-holder-not-eligible`, with
    the gaps). Contractors and volunteers need an expiry; departed people and contracting
    firms get none; an overlapping grant is a 409.

    Args:
        account_id (UUID):
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (GrantCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantRead | Problem
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    account_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[GrantRead | Problem]:
    """Grant access

     Give a named person a role on the account. Owners, publishers and moderators must be
    trained and have acknowledged the policy in force (422 `grant-holder-not-eligible`, with
    the gaps). Contractors and volunteers need an expiry; departed people and contracting
    firms get none; an overlapping grant is a 409.

    Args:
        account_id (UUID):
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (GrantCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GrantCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> GrantRead | Problem | None:
    """Grant access

     Give a named person a role on the account. Owners, publishers and moderators must be
    trained and have acknowledged the policy in force (422 `grant-holder-not-eligible`, with
    the gaps). Contractors and volunteers need an expiry; departed people and contracting
    firms get none; an overlapping grant is a 409.

    Args:
        account_id (UUID):
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (GrantCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantRead | Problem
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
