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
    ruleset_id: UUID,
    term_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/screening-rulesets/{ruleset_id}/terms/{term_id}".format(
            ruleset_id=quote(str(ruleset_id), safe=""),
            term_id=quote(str(term_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ruleset_id: UUID,
    term_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Remove a custom term

     Remove a custom term. Audited.

    Args:
        ruleset_id (UUID): The ruleset's id
        term_id (UUID): The term's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        term_id=term_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ruleset_id: UUID,
    term_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Remove a custom term

     Remove a custom term. Audited.

    Args:
        ruleset_id (UUID): The ruleset's id
        term_id (UUID): The term's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        ruleset_id=ruleset_id,
        term_id=term_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    ruleset_id: UUID,
    term_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Remove a custom term

     Remove a custom term. Audited.

    Args:
        ruleset_id (UUID): The ruleset's id
        term_id (UUID): The term's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        term_id=term_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ruleset_id: UUID,
    term_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Remove a custom term

     Remove a custom term. Audited.

    Args:
        ruleset_id (UUID): The ruleset's id
        term_id (UUID): The term's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            ruleset_id=ruleset_id,
            term_id=term_id,
            client=client,
        )
    ).parsed
