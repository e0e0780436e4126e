from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    election_id: UUID,
    candidate_id: UUID,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/elections/{election_id}/candidates/{candidate_id}".format(
            election_id=quote(str(election_id), safe=""),
            candidate_id=quote(str(candidate_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    election_id: UUID,
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Any | Problem]:
    """Remove a candidate

     Remove a withdrawn candidate or one entered in error. Needs If-Match.

    Args:
        election_id (UUID): The election's id
        candidate_id (UUID): The candidate's id
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        election_id=election_id,
        candidate_id=candidate_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    election_id: UUID,
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Any | Problem | None:
    """Remove a candidate

     Remove a withdrawn candidate or one entered in error. Needs If-Match.

    Args:
        election_id (UUID): The election's id
        candidate_id (UUID): The candidate's id
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        election_id=election_id,
        candidate_id=candidate_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    election_id: UUID,
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Any | Problem]:
    """Remove a candidate

     Remove a withdrawn candidate or one entered in error. Needs If-Match.

    Args:
        election_id (UUID): The election's id
        candidate_id (UUID): The candidate's id
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        election_id=election_id,
        candidate_id=candidate_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    election_id: UUID,
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Any | Problem | None:
    """Remove a candidate

     Remove a withdrawn candidate or one entered in error. Needs If-Match.

    Args:
        election_id (UUID): The election's id
        candidate_id (UUID): The candidate's id
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            election_id=election_id,
            candidate_id=candidate_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
