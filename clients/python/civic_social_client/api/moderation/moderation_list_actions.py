import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_kind import ActionKind
from ...models.page_action_read import PageActionRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: None | Unset | UUID = UNSET,
    comment_id: None | Unset | UUID = UNSET,
    moderator_person_id: None | Unset | UUID = UNSET,
    action: ActionKind | None | Unset = UNSET,
    reason_code: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
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

    json_comment_id: None | str | Unset
    if isinstance(comment_id, Unset):
        json_comment_id = UNSET
    elif isinstance(comment_id, UUID):
        json_comment_id = str(comment_id)
    else:
        json_comment_id = comment_id
    params["comment_id"] = json_comment_id

    json_moderator_person_id: None | str | Unset
    if isinstance(moderator_person_id, Unset):
        json_moderator_person_id = UNSET
    elif isinstance(moderator_person_id, UUID):
        json_moderator_person_id = str(moderator_person_id)
    else:
        json_moderator_person_id = moderator_person_id
    params["moderator_person_id"] = json_moderator_person_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, ActionKind):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

    json_reason_code: None | str | Unset
    if isinstance(reason_code, Unset):
        json_reason_code = UNSET
    else:
        json_reason_code = reason_code
    params["reason_code"] = json_reason_code

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
        "url": "/api/v1/moderation/actions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageActionRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageActionRead.from_dict(response.json())

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
) -> Response[PageActionRead | Problem]:
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
    comment_id: None | Unset | UUID = UNSET,
    moderator_person_id: None | Unset | UUID = UNSET,
    action: ActionKind | None | Unset = UNSET,
    reason_code: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageActionRead | Problem]:
    """List moderation actions

     The ledger, newest first, on the accounts the caller reaches.

    Args:
        account_id (None | Unset | UUID):
        comment_id (None | Unset | UUID):
        moderator_person_id (None | Unset | UUID):
        action (ActionKind | None | Unset):
        reason_code (None | str | Unset):
        since (datetime.datetime | None | Unset): Taken at or after
        until (datetime.datetime | None | Unset): Taken before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageActionRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        comment_id=comment_id,
        moderator_person_id=moderator_person_id,
        action=action,
        reason_code=reason_code,
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
    account_id: None | Unset | UUID = UNSET,
    comment_id: None | Unset | UUID = UNSET,
    moderator_person_id: None | Unset | UUID = UNSET,
    action: ActionKind | None | Unset = UNSET,
    reason_code: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageActionRead | Problem | None:
    """List moderation actions

     The ledger, newest first, on the accounts the caller reaches.

    Args:
        account_id (None | Unset | UUID):
        comment_id (None | Unset | UUID):
        moderator_person_id (None | Unset | UUID):
        action (ActionKind | None | Unset):
        reason_code (None | str | Unset):
        since (datetime.datetime | None | Unset): Taken at or after
        until (datetime.datetime | None | Unset): Taken before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageActionRead | Problem
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        comment_id=comment_id,
        moderator_person_id=moderator_person_id,
        action=action,
        reason_code=reason_code,
        since=since,
        until=until,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    comment_id: None | Unset | UUID = UNSET,
    moderator_person_id: None | Unset | UUID = UNSET,
    action: ActionKind | None | Unset = UNSET,
    reason_code: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageActionRead | Problem]:
    """List moderation actions

     The ledger, newest first, on the accounts the caller reaches.

    Args:
        account_id (None | Unset | UUID):
        comment_id (None | Unset | UUID):
        moderator_person_id (None | Unset | UUID):
        action (ActionKind | None | Unset):
        reason_code (None | str | Unset):
        since (datetime.datetime | None | Unset): Taken at or after
        until (datetime.datetime | None | Unset): Taken before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageActionRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        comment_id=comment_id,
        moderator_person_id=moderator_person_id,
        action=action,
        reason_code=reason_code,
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
    account_id: None | Unset | UUID = UNSET,
    comment_id: None | Unset | UUID = UNSET,
    moderator_person_id: None | Unset | UUID = UNSET,
    action: ActionKind | None | Unset = UNSET,
    reason_code: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageActionRead | Problem | None:
    """List moderation actions

     The ledger, newest first, on the accounts the caller reaches.

    Args:
        account_id (None | Unset | UUID):
        comment_id (None | Unset | UUID):
        moderator_person_id (None | Unset | UUID):
        action (ActionKind | None | Unset):
        reason_code (None | str | Unset):
        since (datetime.datetime | None | Unset): Taken at or after
        until (datetime.datetime | None | Unset): Taken before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageActionRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            comment_id=comment_id,
            moderator_person_id=moderator_person_id,
            action=action,
            reason_code=reason_code,
            since=since,
            until=until,
            page=page,
            page_size=page_size,
        )
    ).parsed
