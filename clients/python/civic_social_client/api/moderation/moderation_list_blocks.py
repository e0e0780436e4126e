from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.block_status import BlockStatus
from ...models.page_block_read import PageBlockRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: None | Unset | UUID = UNSET,
    status: BlockStatus | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    elif isinstance(account_id, UUID):
        json_account_id = str(account_id)
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, BlockStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/moderation/blocks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageBlockRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageBlockRead.from_dict(response.json())

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
) -> Response[PageBlockRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    status: BlockStatus | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageBlockRead | Problem]:
    """List blocks

    Args:
        account_id (None | Unset | UUID):
        status (BlockStatus | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBlockRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        status=status,
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
    account_id: None | Unset | UUID = UNSET,
    status: BlockStatus | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageBlockRead | Problem | None:
    """List blocks

    Args:
        account_id (None | Unset | UUID):
        status (BlockStatus | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBlockRead | Problem
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        status=status,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    status: BlockStatus | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageBlockRead | Problem]:
    """List blocks

    Args:
        account_id (None | Unset | UUID):
        status (BlockStatus | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBlockRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        status=status,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    status: BlockStatus | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageBlockRead | Problem | None:
    """List blocks

    Args:
        account_id (None | Unset | UUID):
        status (BlockStatus | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBlockRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            status=status,
            page=page,
            page_size=page_size,
        )
    ).parsed
