from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clause_create import ClauseCreate
from ...models.clause_read import ClauseRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: UUID,
    version_id: UUID,
    *,
    body: ClauseCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/policies/{policy_id}/versions/{version_id}/clauses".format(
            policy_id=quote(str(policy_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClauseRead | Problem | None:
    if response.status_code == 201:
        response_201 = ClauseRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClauseRead | Problem]:
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
    body: ClauseCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ClauseRead | Problem]:
    """Add a clause to a draft

     Add a clause after its parent's last sub-clause (or at the end); 409 once adopted.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (ClauseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClauseRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
        body=body,
        idempotency_key=idempotency_key,
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
    body: ClauseCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ClauseRead | Problem | None:
    """Add a clause to a draft

     Add a clause after its parent's last sub-clause (or at the end); 409 once adopted.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (ClauseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClauseRead | Problem
    """

    return sync_detailed(
        policy_id=policy_id,
        version_id=version_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ClauseCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ClauseRead | Problem]:
    """Add a clause to a draft

     Add a clause after its parent's last sub-clause (or at the end); 409 once adopted.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (ClauseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClauseRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ClauseCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ClauseRead | Problem | None:
    """Add a clause to a draft

     Add a clause after its parent's last sub-clause (or at the end); 409 once adopted.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (ClauseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClauseRead | Problem
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            version_id=version_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
