from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_status import AccountStatus
from ...models.official_account_kind import OfficialAccountKind
from ...models.page_account_read import PageAccountRead
from ...models.platform import Platform
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    platform: None | Platform | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    kind: None | OfficialAccountKind | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    emergency: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_platform: None | str | Unset
    if isinstance(platform, Unset):
        json_platform = UNSET
    elif isinstance(platform, Platform):
        json_platform = platform.value
    else:
        json_platform = platform
    params["platform"] = json_platform

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AccountStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, OfficialAccountKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_department_id: None | str | Unset
    if isinstance(department_id, Unset):
        json_department_id = UNSET
    elif isinstance(department_id, UUID):
        json_department_id = str(department_id)
    else:
        json_department_id = department_id
    params["department_id"] = json_department_id

    json_emergency: bool | None | Unset
    if isinstance(emergency, Unset):
        json_emergency = UNSET
    else:
        json_emergency = emergency
    params["emergency"] = json_emergency

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAccountRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageAccountRead.from_dict(response.json())

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
) -> Response[PageAccountRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    platform: None | Platform | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    kind: None | OfficialAccountKind | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    emergency: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageAccountRead | Problem]:
    """List accounts

     The accounts the caller reaches (moderators and staff: those they hold a grant on or
    asked for), by display name.

    Args:
        platform (None | Platform | Unset):
        status (AccountStatus | None | Unset):
        kind (None | OfficialAccountKind | Unset):
        department_id (None | Unset | UUID):
        emergency (bool | None | Unset): Only accounts approved (or not) for emergencies
        q (None | str | Unset): Part of a name or handle
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAccountRead | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        status=status,
        kind=kind,
        department_id=department_id,
        emergency=emergency,
        q=q,
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
    platform: None | Platform | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    kind: None | OfficialAccountKind | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    emergency: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageAccountRead | Problem | None:
    """List accounts

     The accounts the caller reaches (moderators and staff: those they hold a grant on or
    asked for), by display name.

    Args:
        platform (None | Platform | Unset):
        status (AccountStatus | None | Unset):
        kind (None | OfficialAccountKind | Unset):
        department_id (None | Unset | UUID):
        emergency (bool | None | Unset): Only accounts approved (or not) for emergencies
        q (None | str | Unset): Part of a name or handle
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAccountRead | Problem
    """

    return sync_detailed(
        client=client,
        platform=platform,
        status=status,
        kind=kind,
        department_id=department_id,
        emergency=emergency,
        q=q,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    platform: None | Platform | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    kind: None | OfficialAccountKind | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    emergency: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageAccountRead | Problem]:
    """List accounts

     The accounts the caller reaches (moderators and staff: those they hold a grant on or
    asked for), by display name.

    Args:
        platform (None | Platform | Unset):
        status (AccountStatus | None | Unset):
        kind (None | OfficialAccountKind | Unset):
        department_id (None | Unset | UUID):
        emergency (bool | None | Unset): Only accounts approved (or not) for emergencies
        q (None | str | Unset): Part of a name or handle
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAccountRead | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        status=status,
        kind=kind,
        department_id=department_id,
        emergency=emergency,
        q=q,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    platform: None | Platform | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    kind: None | OfficialAccountKind | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    emergency: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageAccountRead | Problem | None:
    """List accounts

     The accounts the caller reaches (moderators and staff: those they hold a grant on or
    asked for), by display name.

    Args:
        platform (None | Platform | Unset):
        status (AccountStatus | None | Unset):
        kind (None | OfficialAccountKind | Unset):
        department_id (None | Unset | UUID):
        emergency (bool | None | Unset): Only accounts approved (or not) for emergencies
        q (None | str | Unset): Part of a name or handle
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAccountRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            platform=platform,
            status=status,
            kind=kind,
            department_id=department_id,
            emergency=emergency,
            q=q,
            page=page,
            page_size=page_size,
        )
    ).parsed
