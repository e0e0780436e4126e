from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_reason_code_read import PageReasonCodeRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_retired: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_retired"] = include_retired

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/moderation/reason-codes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReasonCodeRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageReasonCodeRead.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageReasonCodeRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    include_retired: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageReasonCodeRead | Problem]:
    """The published reason codes (public)

     The town's content-neutral reasons for moderating a comment, each with the clause of
    the terms of engagement it enforces in the version in force today. Public.

    Args:
        include_retired (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReasonCodeRead | Problem]
    """

    kwargs = _get_kwargs(
        include_retired=include_retired,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    include_retired: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageReasonCodeRead | Problem | None:
    """The published reason codes (public)

     The town's content-neutral reasons for moderating a comment, each with the clause of
    the terms of engagement it enforces in the version in force today. Public.

    Args:
        include_retired (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReasonCodeRead | Problem
    """

    return sync_detailed(
        client=client,
        include_retired=include_retired,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    include_retired: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageReasonCodeRead | Problem]:
    """The published reason codes (public)

     The town's content-neutral reasons for moderating a comment, each with the clause of
    the terms of engagement it enforces in the version in force today. Public.

    Args:
        include_retired (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReasonCodeRead | Problem]
    """

    kwargs = _get_kwargs(
        include_retired=include_retired,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    include_retired: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageReasonCodeRead | Problem | None:
    """The published reason codes (public)

     The town's content-neutral reasons for moderating a comment, each with the clause of
    the terms of engagement it enforces in the version in force today. Public.

    Args:
        include_retired (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReasonCodeRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            include_retired=include_retired,
            page=page,
            page_size=page_size,
        )
    ).parsed
