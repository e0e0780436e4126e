from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_api_key_read import PageApiKeyRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_revoked: bool | Unset = False,
    person_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_revoked"] = include_revoked

    json_person_id: None | str | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, UUID):
        json_person_id = str(person_id)
    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/api-keys",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageApiKeyRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageApiKeyRead.from_dict(response.json())

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
) -> Response[PageApiKeyRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    include_revoked: bool | Unset = False,
    person_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageApiKeyRead | Problem]:
    """List API keys

     API keys by creation time, optionally one person's. The keys themselves are never
    shown again.

    Args:
        include_revoked (bool | Unset):  Default: False.
        person_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApiKeyRead | Problem]
    """

    kwargs = _get_kwargs(
        include_revoked=include_revoked,
        person_id=person_id,
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
    include_revoked: bool | Unset = False,
    person_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageApiKeyRead | Problem | None:
    """List API keys

     API keys by creation time, optionally one person's. The keys themselves are never
    shown again.

    Args:
        include_revoked (bool | Unset):  Default: False.
        person_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApiKeyRead | Problem
    """

    return sync_detailed(
        client=client,
        include_revoked=include_revoked,
        person_id=person_id,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include_revoked: bool | Unset = False,
    person_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageApiKeyRead | Problem]:
    """List API keys

     API keys by creation time, optionally one person's. The keys themselves are never
    shown again.

    Args:
        include_revoked (bool | Unset):  Default: False.
        person_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApiKeyRead | Problem]
    """

    kwargs = _get_kwargs(
        include_revoked=include_revoked,
        person_id=person_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include_revoked: bool | Unset = False,
    person_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageApiKeyRead | Problem | None:
    """List API keys

     API keys by creation time, optionally one person's. The keys themselves are never
    shown again.

    Args:
        include_revoked (bool | Unset):  Default: False.
        person_id (None | Unset | UUID):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApiKeyRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            include_revoked=include_revoked,
            person_id=person_id,
            page=page,
            page_size=page_size,
        )
    ).parsed
