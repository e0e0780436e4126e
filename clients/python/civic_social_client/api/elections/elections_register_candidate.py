from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.candidate_create import CandidateCreate
from ...models.candidate_read import CandidateRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    election_id: UUID,
    *,
    body: CandidateCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/elections/{election_id}/candidates".format(
            election_id=quote(str(election_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CandidateRead | Problem | None:
    if response.status_code == 201:
        response_201 = CandidateRead.from_dict(response.json())

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
) -> Response[CandidateRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    election_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CandidateCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CandidateRead | Problem]:
    """Register a candidate

     Add a registered candidate: drafts naming them are campaign content.

    Args:
        election_id (UUID): The election's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (CandidateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateRead | Problem]
    """

    kwargs = _get_kwargs(
        election_id=election_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    election_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CandidateCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> CandidateRead | Problem | None:
    """Register a candidate

     Add a registered candidate: drafts naming them are campaign content.

    Args:
        election_id (UUID): The election's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (CandidateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateRead | Problem
    """

    return sync_detailed(
        election_id=election_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    election_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CandidateCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CandidateRead | Problem]:
    """Register a candidate

     Add a registered candidate: drafts naming them are campaign content.

    Args:
        election_id (UUID): The election's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (CandidateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CandidateRead | Problem]
    """

    kwargs = _get_kwargs(
        election_id=election_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    election_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CandidateCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> CandidateRead | Problem | None:
    """Register a candidate

     Add a registered candidate: drafts naming them are campaign content.

    Args:
        election_id (UUID): The election's id
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (CandidateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CandidateRead | Problem
    """

    return (
        await asyncio_detailed(
            election_id=election_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
