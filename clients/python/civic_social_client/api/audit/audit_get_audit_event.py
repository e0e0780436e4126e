from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_event_read import AuditEventRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    seq: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events/{seq}".format(
            seq=quote(str(seq), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEventRead | Problem | None:
    if response.status_code == 200:
        response_200 = AuditEventRead.from_dict(response.json())

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
) -> Response[AuditEventRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    seq: int,
    *,
    client: AuthenticatedClient,
) -> Response[AuditEventRead | Problem]:
    """Get an audit event

     One audit event by sequence number.

    Args:
        seq (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        seq=seq,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    seq: int,
    *,
    client: AuthenticatedClient,
) -> AuditEventRead | Problem | None:
    """Get an audit event

     One audit event by sequence number.

    Args:
        seq (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventRead | Problem
    """

    return sync_detailed(
        seq=seq,
        client=client,
    ).parsed


async def asyncio_detailed(
    seq: int,
    *,
    client: AuthenticatedClient,
) -> Response[AuditEventRead | Problem]:
    """Get an audit event

     One audit event by sequence number.

    Args:
        seq (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        seq=seq,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    seq: int,
    *,
    client: AuthenticatedClient,
) -> AuditEventRead | Problem | None:
    """Get an audit event

     One audit event by sequence number.

    Args:
        seq (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventRead | Problem
    """

    return (
        await asyncio_detailed(
            seq=seq,
            client=client,
        )
    ).parsed
