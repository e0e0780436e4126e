import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    policy_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_policy_id: None | str | Unset
    if isinstance(policy_id, Unset):
        json_policy_id = UNSET
    elif isinstance(policy_id, UUID):
        json_policy_id = str(policy_id)
    else:
        json_policy_id = policy_id
    params["policy_id"] = json_policy_id

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
        "url": "/terms-of-engagement",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    policy_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
) -> Response[Problem | str]:
    """The terms of engagement as a web page (public)

     A plain page of the comment rules in force, for the town to link to.

    Args:
        policy_id (None | Unset | UUID):
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
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
    *,
    client: AuthenticatedClient | Client,
    policy_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
) -> Problem | str | None:
    """The terms of engagement as a web page (public)

     A plain page of the comment rules in force, for the town to link to.

    Args:
        policy_id (None | Unset | UUID):
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        policy_id=policy_id,
        at=at,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    policy_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
) -> Response[Problem | str]:
    """The terms of engagement as a web page (public)

     A plain page of the comment rules in force, for the town to link to.

    Args:
        policy_id (None | Unset | UUID):
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        at=at,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    policy_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
) -> Problem | str | None:
    """The terms of engagement as a web page (public)

     A plain page of the comment rules in force, for the town to link to.

    Args:
        policy_id (None | Unset | UUID):
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            policy_id=policy_id,
            at=at,
        )
    ).parsed
