import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clause_kind import ClauseKind
from ...models.page_search_hit import PageSearchHit
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    policy_id: None | Unset | UUID = UNSET,
    version_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ClauseKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_topic: None | str | Unset
    if isinstance(topic, Unset):
        json_topic = UNSET
    else:
        json_topic = topic
    params["topic"] = json_topic

    json_policy_id: None | str | Unset
    if isinstance(policy_id, Unset):
        json_policy_id = UNSET
    elif isinstance(policy_id, UUID):
        json_policy_id = str(policy_id)
    else:
        json_policy_id = policy_id
    params["policy_id"] = json_policy_id

    json_version_id: None | str | Unset
    if isinstance(version_id, Unset):
        json_version_id = UNSET
    elif isinstance(version_id, UUID):
        json_version_id = str(version_id)
    else:
        json_version_id = version_id
    params["version_id"] = json_version_id

    json_at: None | str | Unset
    if isinstance(at, Unset):
        json_at = UNSET
    elif isinstance(at, datetime.date):
        json_at = at.isoformat()
    else:
        json_at = at
    params["at"] = json_at

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/policies/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageSearchHit | Problem | None:
    if response.status_code == 200:
        response_200 = PageSearchHit.from_dict(response.json())

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
) -> Response[PageSearchHit | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    policy_id: None | Unset | UUID = UNSET,
    version_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageSearchHit | Problem]:
    """Search the policies in force

     Clauses ranked by relevance to the words of ``q``, from the versions in force on
    ``at`` (or from one version), with an HTML-safe snippet whose matches are in ``<mark>``.

    Args:
        q (str): Words or a question
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        policy_id (None | Unset | UUID):
        version_id (None | Unset | UUID): Search this version instead of those in force
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSearchHit | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        kind=kind,
        topic=topic,
        policy_id=policy_id,
        version_id=version_id,
        at=at,
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
    q: str,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    policy_id: None | Unset | UUID = UNSET,
    version_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageSearchHit | Problem | None:
    """Search the policies in force

     Clauses ranked by relevance to the words of ``q``, from the versions in force on
    ``at`` (or from one version), with an HTML-safe snippet whose matches are in ``<mark>``.

    Args:
        q (str): Words or a question
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        policy_id (None | Unset | UUID):
        version_id (None | Unset | UUID): Search this version instead of those in force
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSearchHit | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        kind=kind,
        topic=topic,
        policy_id=policy_id,
        version_id=version_id,
        at=at,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    policy_id: None | Unset | UUID = UNSET,
    version_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageSearchHit | Problem]:
    """Search the policies in force

     Clauses ranked by relevance to the words of ``q``, from the versions in force on
    ``at`` (or from one version), with an HTML-safe snippet whose matches are in ``<mark>``.

    Args:
        q (str): Words or a question
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        policy_id (None | Unset | UUID):
        version_id (None | Unset | UUID): Search this version instead of those in force
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSearchHit | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        kind=kind,
        topic=topic,
        policy_id=policy_id,
        version_id=version_id,
        at=at,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    policy_id: None | Unset | UUID = UNSET,
    version_id: None | Unset | UUID = UNSET,
    at: datetime.date | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageSearchHit | Problem | None:
    """Search the policies in force

     Clauses ranked by relevance to the words of ``q``, from the versions in force on
    ``at`` (or from one version), with an HTML-safe snippet whose matches are in ``<mark>``.

    Args:
        q (str): Words or a question
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        policy_id (None | Unset | UUID):
        version_id (None | Unset | UUID): Search this version instead of those in force
        at (datetime.date | None | Unset): The date asked about (default: today, UTC)
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSearchHit | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            kind=kind,
            topic=topic,
            policy_id=policy_id,
            version_id=version_id,
            at=at,
            page=page,
            page_size=page_size,
        )
    ).parsed
