from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.posture_report import PostureReport
from ...models.posture_severity import PostureSeverity
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    min_severity: PostureSeverity | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_min_severity: str | Unset = UNSET
    if not isinstance(min_severity, Unset):
        json_min_severity = min_severity.value

    params["min_severity"] = json_min_severity

    json_department_id: None | str | Unset
    if isinstance(department_id, Unset):
        json_department_id = UNSET
    elif isinstance(department_id, UUID):
        json_department_id = str(department_id)
    else:
        json_department_id = department_id
    params["department_id"] = json_department_id

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounts/posture-report",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PostureReport | Problem | None:
    if response.status_code == 200:
        response_200 = PostureReport.from_dict(response.json())

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
) -> Response[PostureReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    min_severity: PostureSeverity | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PostureReport | Problem]:
    """City-wide posture report

     Every approved, active or dormant account's security findings, worst first, with
    counts per severity and per finding over all of them.

    Args:
        min_severity (PostureSeverity | Unset):
        department_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostureReport | Problem]
    """

    kwargs = _get_kwargs(
        min_severity=min_severity,
        department_id=department_id,
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
    min_severity: PostureSeverity | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PostureReport | Problem | None:
    """City-wide posture report

     Every approved, active or dormant account's security findings, worst first, with
    counts per severity and per finding over all of them.

    Args:
        min_severity (PostureSeverity | Unset):
        department_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostureReport | Problem
    """

    return sync_detailed(
        client=client,
        min_severity=min_severity,
        department_id=department_id,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    min_severity: PostureSeverity | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PostureReport | Problem]:
    """City-wide posture report

     Every approved, active or dormant account's security findings, worst first, with
    counts per severity and per finding over all of them.

    Args:
        min_severity (PostureSeverity | Unset):
        department_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostureReport | Problem]
    """

    kwargs = _get_kwargs(
        min_severity=min_severity,
        department_id=department_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    min_severity: PostureSeverity | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PostureReport | Problem | None:
    """City-wide posture report

     Every approved, active or dormant account's security findings, worst first, with
    counts per severity and per finding over all of them.

    Args:
        min_severity (PostureSeverity | Unset):
        department_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostureReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            min_severity=min_severity,
            department_id=department_id,
            page=page,
            page_size=page_size,
        )
    ).parsed
