from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.version_diff import VersionDiff
from ...types import Response


def _get_kwargs(
    policy_id: UUID,
    version_id: UUID,
    other_version_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/policies/{policy_id}/versions/{version_id}/diff/{other_version_id}".format(
            policy_id=quote(str(policy_id), safe=""),
            version_id=quote(str(version_id), safe=""),
            other_version_id=quote(str(other_version_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VersionDiff | None:
    if response.status_code == 200:
        response_200 = VersionDiff.from_dict(response.json())

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
) -> Response[Problem | VersionDiff]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    policy_id: UUID,
    version_id: UUID,
    other_version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VersionDiff]:
    """Compare two versions

     What changed from ``version_id`` to ``other_version_id``: clauses added, removed,
    changed (word by word) and moved, and the versions' own fields.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        other_version_id (UUID): The version to compare it with

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionDiff]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
        other_version_id=other_version_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: UUID,
    version_id: UUID,
    other_version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VersionDiff | None:
    """Compare two versions

     What changed from ``version_id`` to ``other_version_id``: clauses added, removed,
    changed (word by word) and moved, and the versions' own fields.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        other_version_id (UUID): The version to compare it with

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionDiff
    """

    return sync_detailed(
        policy_id=policy_id,
        version_id=version_id,
        other_version_id=other_version_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    version_id: UUID,
    other_version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VersionDiff]:
    """Compare two versions

     What changed from ``version_id`` to ``other_version_id``: clauses added, removed,
    changed (word by word) and moved, and the versions' own fields.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        other_version_id (UUID): The version to compare it with

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionDiff]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
        other_version_id=other_version_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    version_id: UUID,
    other_version_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VersionDiff | None:
    """Compare two versions

     What changed from ``version_id`` to ``other_version_id``: clauses added, removed,
    changed (word by word) and moved, and the versions' own fields.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        other_version_id (UUID): The version to compare it with

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionDiff
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            version_id=version_id,
            other_version_id=other_version_id,
            client=client,
        )
    ).parsed
