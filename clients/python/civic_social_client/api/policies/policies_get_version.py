from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.version_read import VersionRead
from ...types import Response


def _get_kwargs(
    policy_id: UUID,
    version_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/policies/{policy_id}/versions/{version_id}".format(
            policy_id=quote(str(policy_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
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
    version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VersionRead]:
    """Get a version

     One version: its status, dates, adoption record and coverage rules.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionRead]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VersionRead | None:
    """Get a version

     One version: its status, dates, adoption record and coverage rules.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionRead
    """

    return sync_detailed(
        policy_id=policy_id,
        version_id=version_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VersionRead]:
    """Get a version

     One version: its status, dates, adoption record and coverage rules.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionRead]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VersionRead | None:
    """Get a version

     One version: its status, dates, adoption record and coverage rules.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionRead
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            version_id=version_id,
            client=client,
        )
    ).parsed
