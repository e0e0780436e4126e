from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.suspension_sweep_result import SuspensionSweepResult
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounts/suspension-sweep",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SuspensionSweepResult | None:
    if response.status_code == 200:
        response_200 = SuspensionSweepResult.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SuspensionSweepResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SuspensionSweepResult]:
    """Record suspended and reinstated grants

     A grant's status reads `suspended` at once when its holder's training or policy
    acknowledgement lapses; this records it (and audits it), reinstates grants whose holder
    is eligible again, and lists both. `civic-social sweep` does the same.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuspensionSweepResult]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | SuspensionSweepResult | None:
    """Record suspended and reinstated grants

     A grant's status reads `suspended` at once when its holder's training or policy
    acknowledgement lapses; this records it (and audits it), reinstates grants whose holder
    is eligible again, and lists both. `civic-social sweep` does the same.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuspensionSweepResult
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SuspensionSweepResult]:
    """Record suspended and reinstated grants

     A grant's status reads `suspended` at once when its holder's training or policy
    acknowledgement lapses; this records it (and audits it), reinstates grants whose holder
    is eligible again, and lists both. `civic-social sweep` does the same.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuspensionSweepResult]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | SuspensionSweepResult | None:
    """Record suspended and reinstated grants

     A grant's status reads `suspended` at once when its holder's training or policy
    acknowledgement lapses; this records it (and audits it), reinstates grants whose holder
    is eligible again, and lists both. `civic-social sweep` does the same.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuspensionSweepResult
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
