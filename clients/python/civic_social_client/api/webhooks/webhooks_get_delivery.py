from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_read import DeliveryRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    subscription_id: UUID,
    delivery_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{subscription_id}/deliveries/{delivery_id}".format(
            subscription_id=quote(str(subscription_id), safe=""),
            delivery_id=quote(str(delivery_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryRead | Problem | None:
    if response.status_code == 200:
        response_200 = DeliveryRead.from_dict(response.json())

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
) -> Response[DeliveryRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DeliveryRead | Problem]:
    """Get a delivery

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryRead | Problem]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        delivery_id=delivery_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DeliveryRead | Problem | None:
    """Get a delivery

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryRead | Problem
    """

    return sync_detailed(
        subscription_id=subscription_id,
        delivery_id=delivery_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DeliveryRead | Problem]:
    """Get a delivery

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryRead | Problem]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        delivery_id=delivery_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DeliveryRead | Problem | None:
    """Get a delivery

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryRead | Problem
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            delivery_id=delivery_id,
            client=client,
        )
    ).parsed
