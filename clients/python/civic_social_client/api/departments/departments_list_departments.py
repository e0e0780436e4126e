from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_department_read import PageDepartmentRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["include_archived"] = include_archived

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/departments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDepartmentRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageDepartmentRead.from_dict(response.json())

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
) -> Response[PageDepartmentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageDepartmentRead | Problem]:
    """List departments

     Departments ordered by code; archived ones only on request.

    Args:
        q (None | str | Unset):
        include_archived (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentRead | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        include_archived=include_archived,
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
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageDepartmentRead | Problem | None:
    """List departments

     Departments ordered by code; archived ones only on request.

    Args:
        q (None | str | Unset):
        include_archived (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentRead | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        include_archived=include_archived,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageDepartmentRead | Problem]:
    """List departments

     Departments ordered by code; archived ones only on request.

    Args:
        q (None | str | Unset):
        include_archived (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDepartmentRead | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        include_archived=include_archived,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    include_archived: bool | Unset = False,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageDepartmentRead | Problem | None:
    """List departments

     Departments ordered by code; archived ones only on request.

    Args:
        q (None | str | Unset):
        include_archived (bool | Unset):  Default: False.
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDepartmentRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            include_archived=include_archived,
            page=page,
            page_size=page_size,
        )
    ).parsed
