import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.category import Category
from ...models.content_kind import ContentKind
from ...models.decision import Decision
from ...models.page_screening_read import PageScreeningRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ContentKind | None | Unset = UNSET,
    decision: Decision | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ContentKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_decision: None | str | Unset
    if isinstance(decision, Unset):
        json_decision = UNSET
    elif isinstance(decision, Decision):
        json_decision = decision.value
    else:
        json_decision = decision
    params["decision"] = json_decision

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, Category):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    elif isinstance(account_id, UUID):
        json_account_id = str(account_id)
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

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
        "url": "/api/v1/screenings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageScreeningRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageScreeningRead.from_dict(response.json())

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
) -> Response[PageScreeningRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ContentKind | None | Unset = UNSET,
    decision: Decision | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageScreeningRead | Problem]:
    """List screenings

     Screenings, newest first, filtered by kind, decision, category found and account
    (moderators and staff: for the accounts they hold a grant on, or for none).

    Args:
        kind (ContentKind | None | Unset): Only this kind of content
        decision (Decision | None | Unset):
        category (Category | None | Unset): One of the fixed screening categories:
            personal_information, confidential, profanity, threat, harassment, hate, sexual, spam,
            electioneering, emergency_channel, media_consent, accessibility, viewpoint_risk.
            `personal_information` findings carry a subtype: phone, email, address, national_id,
            credit_card, date_of_birth, health.
        account_id (None | Unset | UUID): Only this account
        since (datetime.datetime | None | Unset): Screened at or after
        until (datetime.datetime | None | Unset): Screened before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageScreeningRead | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        decision=decision,
        category=category,
        account_id=account_id,
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
    kind: ContentKind | None | Unset = UNSET,
    decision: Decision | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageScreeningRead | Problem | None:
    """List screenings

     Screenings, newest first, filtered by kind, decision, category found and account
    (moderators and staff: for the accounts they hold a grant on, or for none).

    Args:
        kind (ContentKind | None | Unset): Only this kind of content
        decision (Decision | None | Unset):
        category (Category | None | Unset): One of the fixed screening categories:
            personal_information, confidential, profanity, threat, harassment, hate, sexual, spam,
            electioneering, emergency_channel, media_consent, accessibility, viewpoint_risk.
            `personal_information` findings carry a subtype: phone, email, address, national_id,
            credit_card, date_of_birth, health.
        account_id (None | Unset | UUID): Only this account
        since (datetime.datetime | None | Unset): Screened at or after
        until (datetime.datetime | None | Unset): Screened before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageScreeningRead | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        decision=decision,
        category=category,
        account_id=account_id,
        since=since,
        until=until,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ContentKind | None | Unset = UNSET,
    decision: Decision | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageScreeningRead | Problem]:
    """List screenings

     Screenings, newest first, filtered by kind, decision, category found and account
    (moderators and staff: for the accounts they hold a grant on, or for none).

    Args:
        kind (ContentKind | None | Unset): Only this kind of content
        decision (Decision | None | Unset):
        category (Category | None | Unset): One of the fixed screening categories:
            personal_information, confidential, profanity, threat, harassment, hate, sexual, spam,
            electioneering, emergency_channel, media_consent, accessibility, viewpoint_risk.
            `personal_information` findings carry a subtype: phone, email, address, national_id,
            credit_card, date_of_birth, health.
        account_id (None | Unset | UUID): Only this account
        since (datetime.datetime | None | Unset): Screened at or after
        until (datetime.datetime | None | Unset): Screened before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageScreeningRead | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        decision=decision,
        category=category,
        account_id=account_id,
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
    kind: ContentKind | None | Unset = UNSET,
    decision: Decision | None | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    account_id: None | Unset | UUID = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageScreeningRead | Problem | None:
    """List screenings

     Screenings, newest first, filtered by kind, decision, category found and account
    (moderators and staff: for the accounts they hold a grant on, or for none).

    Args:
        kind (ContentKind | None | Unset): Only this kind of content
        decision (Decision | None | Unset):
        category (Category | None | Unset): One of the fixed screening categories:
            personal_information, confidential, profanity, threat, harassment, hate, sexual, spam,
            electioneering, emergency_channel, media_consent, accessibility, viewpoint_risk.
            `personal_information` findings carry a subtype: phone, email, address, national_id,
            credit_card, date_of_birth, health.
        account_id (None | Unset | UUID): Only this account
        since (datetime.datetime | None | Unset): Screened at or after
        until (datetime.datetime | None | Unset): Screened before
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageScreeningRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            decision=decision,
            category=category,
            account_id=account_id,
            since=since,
            until=until,
            page=page,
            page_size=page_size,
        )
    ).parsed
