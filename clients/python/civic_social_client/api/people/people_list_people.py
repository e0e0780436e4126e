from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_person_read import PagePersonRead
from ...models.person_status import PersonStatus
from ...models.person_type import PersonType
from ...models.problem import Problem
from ...models.service_role import ServiceRole
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    person_type: None | PersonType | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    service_role: None | ServiceRole | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_person_type: None | str | Unset
    if isinstance(person_type, Unset):
        json_person_type = UNSET
    elif isinstance(person_type, PersonType):
        json_person_type = person_type.value
    else:
        json_person_type = person_type
    params["person_type"] = json_person_type

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, PersonStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_department_id: None | str | Unset
    if isinstance(department_id, Unset):
        json_department_id = UNSET
    elif isinstance(department_id, UUID):
        json_department_id = str(department_id)
    else:
        json_department_id = department_id
    params["department_id"] = json_department_id

    json_service_role: None | str | Unset
    if isinstance(service_role, Unset):
        json_service_role = UNSET
    elif isinstance(service_role, ServiceRole):
        json_service_role = service_role.value
    else:
        json_service_role = service_role
    params["service_role"] = json_service_role

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
        "url": "/api/v1/people",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePersonRead | Problem | None:
    if response.status_code == 200:
        response_200 = PagePersonRead.from_dict(response.json())

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
) -> Response[PagePersonRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    person_type: None | PersonType | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    service_role: None | ServiceRole | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PagePersonRead | Problem]:
    """List people

     People ordered by family name, given name and id.

    Args:
        person_type (None | PersonType | Unset):
        status (None | PersonStatus | Unset):
        department_id (None | Unset | UUID):
        service_role (None | ServiceRole | Unset):
        q (None | str | Unset): Part of a name or email
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePersonRead | Problem]
    """

    kwargs = _get_kwargs(
        person_type=person_type,
        status=status,
        department_id=department_id,
        service_role=service_role,
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
    person_type: None | PersonType | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    service_role: None | ServiceRole | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PagePersonRead | Problem | None:
    """List people

     People ordered by family name, given name and id.

    Args:
        person_type (None | PersonType | Unset):
        status (None | PersonStatus | Unset):
        department_id (None | Unset | UUID):
        service_role (None | ServiceRole | Unset):
        q (None | str | Unset): Part of a name or email
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePersonRead | Problem
    """

    return sync_detailed(
        client=client,
        person_type=person_type,
        status=status,
        department_id=department_id,
        service_role=service_role,
        q=q,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    person_type: None | PersonType | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    service_role: None | ServiceRole | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PagePersonRead | Problem]:
    """List people

     People ordered by family name, given name and id.

    Args:
        person_type (None | PersonType | Unset):
        status (None | PersonStatus | Unset):
        department_id (None | Unset | UUID):
        service_role (None | ServiceRole | Unset):
        q (None | str | Unset): Part of a name or email
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePersonRead | Problem]
    """

    kwargs = _get_kwargs(
        person_type=person_type,
        status=status,
        department_id=department_id,
        service_role=service_role,
        q=q,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    person_type: None | PersonType | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    department_id: None | Unset | UUID = UNSET,
    service_role: None | ServiceRole | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PagePersonRead | Problem | None:
    """List people

     People ordered by family name, given name and id.

    Args:
        person_type (None | PersonType | Unset):
        status (None | PersonStatus | Unset):
        department_id (None | Unset | UUID):
        service_role (None | ServiceRole | Unset):
        q (None | str | Unset): Part of a name or email
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePersonRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            person_type=person_type,
            status=status,
            department_id=department_id,
            service_role=service_role,
            q=q,
            page=page,
            page_size=page_size,
        )
    ).parsed
