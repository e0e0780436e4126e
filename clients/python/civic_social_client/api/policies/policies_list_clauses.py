from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clause_kind import ClauseKind
from ...models.covered_person_type import CoveredPersonType
from ...models.page_clause_read import PageClauseRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: UUID,
    version_id: UUID,
    *,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    applies_to: CoveredPersonType | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    json_applies_to: None | str | Unset
    if isinstance(applies_to, Unset):
        json_applies_to = UNSET
    elif isinstance(applies_to, CoveredPersonType):
        json_applies_to = applies_to.value
    else:
        json_applies_to = applies_to
    params["applies_to"] = json_applies_to

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/policies/{policy_id}/versions/{version_id}/clauses".format(
            policy_id=quote(str(policy_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageClauseRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageClauseRead.from_dict(response.json())

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
) -> Response[PageClauseRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    applies_to: CoveredPersonType | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageClauseRead | Problem]:
    """List a version's clauses

     Clauses in document order, optionally of one kind, topic or person type.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        applies_to (CoveredPersonType | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageClauseRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
        kind=kind,
        topic=topic,
        applies_to=applies_to,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    applies_to: CoveredPersonType | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageClauseRead | Problem | None:
    """List a version's clauses

     Clauses in document order, optionally of one kind, topic or person type.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        applies_to (CoveredPersonType | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageClauseRead | Problem
    """

    return sync_detailed(
        policy_id=policy_id,
        version_id=version_id,
        client=client,
        kind=kind,
        topic=topic,
        applies_to=applies_to,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    applies_to: CoveredPersonType | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[PageClauseRead | Problem]:
    """List a version's clauses

     Clauses in document order, optionally of one kind, topic or person type.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        applies_to (CoveredPersonType | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageClauseRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        version_id=version_id,
        kind=kind,
        topic=topic,
        applies_to=applies_to,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient,
    kind: ClauseKind | None | Unset = UNSET,
    topic: None | str | Unset = UNSET,
    applies_to: CoveredPersonType | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> PageClauseRead | Problem | None:
    """List a version's clauses

     Clauses in document order, optionally of one kind, topic or person type.

    Args:
        policy_id (UUID): The policy's id
        version_id (UUID): The version's id
        kind (ClauseKind | None | Unset):
        topic (None | str | Unset): A topic tag
        applies_to (CoveredPersonType | None | Unset):
        page (int | Unset): 1-based page number Default: 1.
        page_size (int | Unset): Items per page Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageClauseRead | Problem
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            version_id=version_id,
            client=client,
            kind=kind,
            topic=topic,
            applies_to=applies_to,
            page=page,
            page_size=page_size,
        )
    ).parsed
