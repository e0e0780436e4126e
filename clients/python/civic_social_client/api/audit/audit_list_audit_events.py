import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_audit_event_read import PageAuditEventRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_entity_type: None | str | Unset
    if isinstance(entity_type, Unset):
        json_entity_type = UNSET
    else:
        json_entity_type = entity_type
    params["entity_type"] = json_entity_type

    json_entity_id: None | str | Unset
    if isinstance(entity_id, Unset):
        json_entity_id = UNSET
    else:
        json_entity_id = entity_id
    params["entity_id"] = json_entity_id

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_request_id: None | str | Unset
    if isinstance(request_id, Unset):
        json_request_id = UNSET
    else:
        json_request_id = request_id
    params["request_id"] = json_request_id

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEventRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEventRead.from_dict(response.json())

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
) -> Response[PageAuditEventRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageAuditEventRead | Problem]:
    """List audit events

     Audit events in chain order, filtered.

    Args:
        entity_type (None | str | Unset):
        entity_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (None | str | Unset):
        request_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Inclusive, ISO 8601 with offset
        until (datetime.datetime | None | Unset): Exclusive, ISO 8601 with offset
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        request_id=request_id,
        since=since,
        until=until,
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
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageAuditEventRead | Problem | None:
    """List audit events

     Audit events in chain order, filtered.

    Args:
        entity_type (None | str | Unset):
        entity_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (None | str | Unset):
        request_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Inclusive, ISO 8601 with offset
        until (datetime.datetime | None | Unset): Exclusive, ISO 8601 with offset
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEventRead | Problem
    """

    return sync_detailed(
        client=client,
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        request_id=request_id,
        since=since,
        until=until,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageAuditEventRead | Problem]:
    """List audit events

     Audit events in chain order, filtered.

    Args:
        entity_type (None | str | Unset):
        entity_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (None | str | Unset):
        request_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Inclusive, ISO 8601 with offset
        until (datetime.datetime | None | Unset): Exclusive, ISO 8601 with offset
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        request_id=request_id,
        since=since,
        until=until,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity_type: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageAuditEventRead | Problem | None:
    """List audit events

     Audit events in chain order, filtered.

    Args:
        entity_type (None | str | Unset):
        entity_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (None | str | Unset):
        request_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Inclusive, ISO 8601 with offset
        until (datetime.datetime | None | Unset): Exclusive, ISO 8601 with offset
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEventRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            entity_type=entity_type,
            entity_id=entity_id,
            actor_id=actor_id,
            action=action,
            request_id=request_id,
            since=since,
            until=until,
            page=page,
            page_size=page_size,
        )
    ).parsed
