from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legal_hold_read import LegalHoldRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    hold_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/moderation/legal-holds/{hold_id}".format(
            hold_id=quote(str(hold_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LegalHoldRead | Problem | None:
    if response.status_code == 200:
        response_200 = LegalHoldRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LegalHoldRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    hold_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[LegalHoldRead | Problem]:
    """Get a legal hold

    Args:
        hold_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalHoldRead | Problem]
    """

    kwargs = _get_kwargs(
        hold_id=hold_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    hold_id: UUID,
    *,
    client: AuthenticatedClient,
) -> LegalHoldRead | Problem | None:
    """Get a legal hold

    Args:
        hold_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalHoldRead | Problem
    """

    return sync_detailed(
        hold_id=hold_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    hold_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[LegalHoldRead | Problem]:
    """Get a legal hold

    Args:
        hold_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalHoldRead | Problem]
    """

    kwargs = _get_kwargs(
        hold_id=hold_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    hold_id: UUID,
    *,
    client: AuthenticatedClient,
) -> LegalHoldRead | Problem | None:
    """Get a legal hold

    Args:
        hold_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalHoldRead | Problem
    """

    return (
        await asyncio_detailed(
            hold_id=hold_id,
            client=client,
        )
    ).parsed
