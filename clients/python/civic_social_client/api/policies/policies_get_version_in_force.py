import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.version_read import VersionRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: UUID,
    *,
    at: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_at: None | str | Unset
    if isinstance(at, Unset):
        json_at = UNSET
    elif isinstance(at, datetime.date):
        json_at = at.isoformat()
    else:
        json_at = at
    params["at"] = json_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/policies/{policy_id}/in-force".format(
            policy_id=quote(str(policy_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VersionRead | None:
    if response.status_code == 200:
        response_200 = VersionRead.from_dict(response.json())

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
) -> Response[Problem | VersionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    at: datetime.date | None | Unset = UNSET,
) -> Response[Problem | VersionRead]:
    """Get the version in force

     The version in force on ``at`` (default today); 404 when none was.

    Args:
        policy_id (UUID): The policy's id
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionRead]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        at=at,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    at: datetime.date | None | Unset = UNSET,
) -> Problem | VersionRead | None:
    """Get the version in force

     The version in force on ``at`` (default today); 404 when none was.

    Args:
        policy_id (UUID): The policy's id
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionRead
    """

    return sync_detailed(
        policy_id=policy_id,
        client=client,
        at=at,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    at: datetime.date | None | Unset = UNSET,
) -> Response[Problem | VersionRead]:
    """Get the version in force

     The version in force on ``at`` (default today); 404 when none was.

    Args:
        policy_id (UUID): The policy's id
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionRead]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        at=at,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    at: datetime.date | None | Unset = UNSET,
) -> Problem | VersionRead | None:
    """Get the version in force

     The version in force on ``at`` (default today); 404 when none was.

    Args:
        policy_id (UUID): The policy's id
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionRead
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            client=client,
            at=at,
        )
    ).parsed
