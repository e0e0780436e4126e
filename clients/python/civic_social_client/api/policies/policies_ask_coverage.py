from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coverage_answer import CoverageAnswer
from ...models.coverage_question import CoverageQuestion
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    policy_id: UUID,
    *,
    body: CoverageQuestion,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/policies/{policy_id}/coverage".format(
            policy_id=quote(str(policy_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoverageAnswer | Problem | None:
    if response.status_code == 200:
        response_200 = CoverageAnswer.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[CoverageAnswer | Problem]:
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
    body: CoverageQuestion,
) -> Response[CoverageAnswer | Problem]:
    """Ask whether the policy covers someone

     Whether the version in force covers this kind of person on this kind of account, the
    clauses that apply and the exemptions that matched, each cited. Changes nothing.

    Args:
        policy_id (UUID): The policy's id
        body (CoverageQuestion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverageAnswer | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CoverageQuestion,
) -> CoverageAnswer | Problem | None:
    """Ask whether the policy covers someone

     Whether the version in force covers this kind of person on this kind of account, the
    clauses that apply and the exemptions that matched, each cited. Changes nothing.

    Args:
        policy_id (UUID): The policy's id
        body (CoverageQuestion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverageAnswer | Problem
    """

    return sync_detailed(
        policy_id=policy_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CoverageQuestion,
) -> Response[CoverageAnswer | Problem]:
    """Ask whether the policy covers someone

     Whether the version in force covers this kind of person on this kind of account, the
    clauses that apply and the exemptions that matched, each cited. Changes nothing.

    Args:
        policy_id (UUID): The policy's id
        body (CoverageQuestion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverageAnswer | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CoverageQuestion,
) -> CoverageAnswer | Problem | None:
    """Ask whether the policy covers someone

     Whether the version in force covers this kind of person on this kind of account, the
    clauses that apply and the exemptions that matched, each cited. Changes nothing.

    Args:
        policy_id (UUID): The policy's id
        body (CoverageQuestion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverageAnswer | Problem
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            client=client,
            body=body,
        )
    ).parsed
