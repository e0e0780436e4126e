from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reconciliation_read import ReconciliationRead
from ...types import Response


def _get_kwargs(
    reconciliation_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/reconciliations/{reconciliation_id}/apply".format(
            reconciliation_id=quote(str(reconciliation_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReconciliationRead | None:
    if response.status_code == 200:
        response_200 = ReconciliationRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Problem | ReconciliationRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reconciliation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReconciliationRead]:
    """Apply a reconciliation

     Act on the findings of a reconciliation made without `apply`.

    Args:
        reconciliation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationRead]
    """

    kwargs = _get_kwargs(
        reconciliation_id=reconciliation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    reconciliation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReconciliationRead | None:
    """Apply a reconciliation

     Act on the findings of a reconciliation made without `apply`.

    Args:
        reconciliation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationRead
    """

    return sync_detailed(
        reconciliation_id=reconciliation_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    reconciliation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReconciliationRead]:
    """Apply a reconciliation

     Act on the findings of a reconciliation made without `apply`.

    Args:
        reconciliation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationRead]
    """

    kwargs = _get_kwargs(
        reconciliation_id=reconciliation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    reconciliation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReconciliationRead | None:
    """Apply a reconciliation

     Act on the findings of a reconciliation made without `apply`.

    Args:
        reconciliation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationRead
    """

    return (
        await asyncio_detailed(
            reconciliation_id=reconciliation_id,
            client=client,
        )
    ).parsed
