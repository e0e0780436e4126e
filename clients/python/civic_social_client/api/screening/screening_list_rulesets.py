from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_ruleset_read import PageRulesetRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    policy_version_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_policy_version_id: None | str | Unset
    if isinstance(policy_version_id, Unset):
        json_policy_version_id = UNSET
    elif isinstance(policy_version_id, UUID):
        json_policy_version_id = str(policy_version_id)
    else:
        json_policy_version_id = policy_version_id
    params["policy_version_id"] = json_policy_version_id

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/screening-rulesets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRulesetRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageRulesetRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageRulesetRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    policy_version_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageRulesetRead | Problem]:
    """List rulesets

     Rulesets, one per policy version that has one.

    Args:
        policy_version_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRulesetRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_version_id=policy_version_id,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    policy_version_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageRulesetRead | Problem | None:
    """List rulesets

     Rulesets, one per policy version that has one.

    Args:
        policy_version_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRulesetRead | Problem
    """

    return sync_detailed(
        client=client,
        policy_version_id=policy_version_id,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    policy_version_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageRulesetRead | Problem]:
    """List rulesets

     Rulesets, one per policy version that has one.

    Args:
        policy_version_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRulesetRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_version_id=policy_version_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    policy_version_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageRulesetRead | Problem | None:
    """List rulesets

     Rulesets, one per policy version that has one.

    Args:
        policy_version_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRulesetRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            policy_version_id=policy_version_id,
            page=page,
            page_size=page_size,
        )
    ).parsed
