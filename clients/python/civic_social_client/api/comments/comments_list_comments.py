import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.comment_status import CommentStatus
from ...models.comments_list_comments_screening_decision_type_0 import CommentsListCommentsScreeningDecisionType0
from ...models.page_comment_read import PageCommentRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: None | Unset | UUID = UNSET,
    status: CommentStatus | None | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    screening_decision: CommentsListCommentsScreeningDecisionType0 | None | Unset = UNSET,
    author_handle: None | str | Unset = UNSET,
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

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, CommentStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_needs_review: bool | None | Unset
    if isinstance(needs_review, Unset):
        json_needs_review = UNSET
    else:
        json_needs_review = needs_review
    params["needs_review"] = json_needs_review

    json_screening_decision: None | str | Unset
    if isinstance(screening_decision, Unset):
        json_screening_decision = UNSET
    elif isinstance(screening_decision, CommentsListCommentsScreeningDecisionType0):
        json_screening_decision = screening_decision.value
    else:
        json_screening_decision = screening_decision
    params["screening_decision"] = json_screening_decision

    json_author_handle: None | str | Unset
    if isinstance(author_handle, Unset):
        json_author_handle = UNSET
    else:
        json_author_handle = author_handle
    params["author_handle"] = json_author_handle

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
        "url": "/api/v1/comments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCommentRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageCommentRead.from_dict(response.json())

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
) -> Response[PageCommentRead | Problem]:
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
    status: CommentStatus | None | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    screening_decision: CommentsListCommentsScreeningDecisionType0 | None | Unset = UNSET,
    author_handle: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageCommentRead | Problem]:
    """List comments

     Comments on the accounts the caller reaches, newest first.

    Args:
        account_id (None | Unset | UUID):
        status (CommentStatus | None | Unset):
        needs_review (bool | None | Unset): true: the moderation queue (flagged, not acted on)
        screening_decision (CommentsListCommentsScreeningDecisionType0 | None | Unset):
        author_handle (None | str | Unset):
        since (datetime.datetime | None | Unset): Posted at or after
        until (datetime.datetime | None | Unset): Posted before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCommentRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        status=status,
        needs_review=needs_review,
        screening_decision=screening_decision,
        author_handle=author_handle,
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
    status: CommentStatus | None | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    screening_decision: CommentsListCommentsScreeningDecisionType0 | None | Unset = UNSET,
    author_handle: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageCommentRead | Problem | None:
    """List comments

     Comments on the accounts the caller reaches, newest first.

    Args:
        account_id (None | Unset | UUID):
        status (CommentStatus | None | Unset):
        needs_review (bool | None | Unset): true: the moderation queue (flagged, not acted on)
        screening_decision (CommentsListCommentsScreeningDecisionType0 | None | Unset):
        author_handle (None | str | Unset):
        since (datetime.datetime | None | Unset): Posted at or after
        until (datetime.datetime | None | Unset): Posted before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCommentRead | Problem
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        status=status,
        needs_review=needs_review,
        screening_decision=screening_decision,
        author_handle=author_handle,
        since=since,
        until=until,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    status: CommentStatus | None | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    screening_decision: CommentsListCommentsScreeningDecisionType0 | None | Unset = UNSET,
    author_handle: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageCommentRead | Problem]:
    """List comments

     Comments on the accounts the caller reaches, newest first.

    Args:
        account_id (None | Unset | UUID):
        status (CommentStatus | None | Unset):
        needs_review (bool | None | Unset): true: the moderation queue (flagged, not acted on)
        screening_decision (CommentsListCommentsScreeningDecisionType0 | None | Unset):
        author_handle (None | str | Unset):
        since (datetime.datetime | None | Unset): Posted at or after
        until (datetime.datetime | None | Unset): Posted before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCommentRead | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        status=status,
        needs_review=needs_review,
        screening_decision=screening_decision,
        author_handle=author_handle,
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
    status: CommentStatus | None | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    screening_decision: CommentsListCommentsScreeningDecisionType0 | None | Unset = UNSET,
    author_handle: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageCommentRead | Problem | None:
    """List comments

     Comments on the accounts the caller reaches, newest first.

    Args:
        account_id (None | Unset | UUID):
        status (CommentStatus | None | Unset):
        needs_review (bool | None | Unset): true: the moderation queue (flagged, not acted on)
        screening_decision (CommentsListCommentsScreeningDecisionType0 | None | Unset):
        author_handle (None | str | Unset):
        since (datetime.datetime | None | Unset): Posted at or after
        until (datetime.datetime | None | Unset): Posted before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCommentRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            status=status,
            needs_review=needs_review,
            screening_decision=screening_decision,
            author_handle=author_handle,
            since=since,
            until=until,
            page=page,
            page_size=page_size,
        )
    ).parsed
