from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_kind import ContentKind
from ...models.page_review_read import PageReviewRead
from ...models.problem import Problem
from ...models.review_status import ReviewStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | ReviewStatus | Unset = UNSET,
    kind: ContentKind | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ReviewStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ContentKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    elif isinstance(account_id, UUID):
        json_account_id = str(account_id)
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/screening-reviews",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReviewRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageReviewRead.from_dict(response.json())

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
) -> Response[PageReviewRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | ReviewStatus | Unset = UNSET,
    kind: ContentKind | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageReviewRead | Problem]:
    """List the review queue

     Reviews opened by `review` verdicts, oldest first (the queue's order); moderators and
    staff see those of the accounts they hold a grant on, or for none.

    Args:
        status (None | ReviewStatus | Unset): open or decided
        kind (ContentKind | None | Unset): Only this kind of content
        account_id (None | Unset | UUID): Only this account
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReviewRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        kind=kind,
        account_id=account_id,
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
    status: None | ReviewStatus | Unset = UNSET,
    kind: ContentKind | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageReviewRead | Problem | None:
    """List the review queue

     Reviews opened by `review` verdicts, oldest first (the queue's order); moderators and
    staff see those of the accounts they hold a grant on, or for none.

    Args:
        status (None | ReviewStatus | Unset): open or decided
        kind (ContentKind | None | Unset): Only this kind of content
        account_id (None | Unset | UUID): Only this account
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReviewRead | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        kind=kind,
        account_id=account_id,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | ReviewStatus | Unset = UNSET,
    kind: ContentKind | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageReviewRead | Problem]:
    """List the review queue

     Reviews opened by `review` verdicts, oldest first (the queue's order); moderators and
    staff see those of the accounts they hold a grant on, or for none.

    Args:
        status (None | ReviewStatus | Unset): open or decided
        kind (ContentKind | None | Unset): Only this kind of content
        account_id (None | Unset | UUID): Only this account
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReviewRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        kind=kind,
        account_id=account_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | ReviewStatus | Unset = UNSET,
    kind: ContentKind | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageReviewRead | Problem | None:
    """List the review queue

     Reviews opened by `review` verdicts, oldest first (the queue's order); moderators and
    staff see those of the accounts they hold a grant on, or for none.

    Args:
        status (None | ReviewStatus | Unset): open or decided
        kind (ContentKind | None | Unset): Only this kind of content
        account_id (None | Unset | UUID): Only this account
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReviewRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            kind=kind,
            account_id=account_id,
            page=page,
            page_size=page_size,
        )
    ).parsed
