from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sweep_request import SweepRequest
from ...models.sweep_result import SweepResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: None | SweepRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounts/dormancy-sweep",
    }

    if isinstance(body, SweepRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SweepResult | None:
    if response.status_code == 200:
        response_200 = SweepResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SweepResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: None | SweepRequest | Unset = UNSET,
) -> Response[Problem | SweepResult]:
    """Mark idle accounts dormant

     Mark dormant every active account with no post recorded for the dormancy period
    (settings: 90 days unless configured), and list them. `civic-social sweep` does the same.

    Args:
        body (None | SweepRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SweepResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: None | SweepRequest | Unset = UNSET,
) -> Problem | SweepResult | None:
    """Mark idle accounts dormant

     Mark dormant every active account with no post recorded for the dormancy period
    (settings: 90 days unless configured), and list them. `civic-social sweep` does the same.

    Args:
        body (None | SweepRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SweepResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: None | SweepRequest | Unset = UNSET,
) -> Response[Problem | SweepResult]:
    """Mark idle accounts dormant

     Mark dormant every active account with no post recorded for the dormancy period
    (settings: 90 days unless configured), and list them. `civic-social sweep` does the same.

    Args:
        body (None | SweepRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SweepResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: None | SweepRequest | Unset = UNSET,
) -> Problem | SweepResult | None:
    """Mark idle accounts dormant

     Mark dormant every active account with no post recorded for the dormancy period
    (settings: 90 days unless configured), and list them. `civic-social sweep` does the same.

    Args:
        body (None | SweepRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SweepResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
