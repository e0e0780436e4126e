from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.version_create import VersionCreate
from ...models.version_read import VersionRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: UUID,
    *,
    body: VersionCreate,
    label: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_label: None | str | Unset
    if isinstance(label, Unset):
        json_label = UNSET
    else:
        json_label = label
    params["label"] = json_label

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/policies/{policy_id}/versions".format(
            policy_id=quote(str(policy_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VersionRead | None:
    if response.status_code == 201:
        response_201 = VersionRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | VersionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VersionCreate,
    label: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VersionRead]:
    """Create a draft version

     A draft from a Markdown or plain-text document (errors name the line), from clauses
    as JSON, or as a copy of another version to revise (``based_on_version_id``).

    Args:
        policy_id (UUID): The policy's id
        label (None | str | Unset): For documents: the label, if the front matter lacks it
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (VersionCreate): A new draft: its clauses, or a copy of another version's clauses to
            revise.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionRead]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        label=label,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VersionCreate,
    label: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VersionRead | None:
    """Create a draft version

     A draft from a Markdown or plain-text document (errors name the line), from clauses
    as JSON, or as a copy of another version to revise (``based_on_version_id``).

    Args:
        policy_id (UUID): The policy's id
        label (None | str | Unset): For documents: the label, if the front matter lacks it
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (VersionCreate): A new draft: its clauses, or a copy of another version's clauses to
            revise.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionRead
    """

    return sync_detailed(
        policy_id=policy_id,
        client=client,
        body=body,
        label=label,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VersionCreate,
    label: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VersionRead]:
    """Create a draft version

     A draft from a Markdown or plain-text document (errors name the line), from clauses
    as JSON, or as a copy of another version to revise (``based_on_version_id``).

    Args:
        policy_id (UUID): The policy's id
        label (None | str | Unset): For documents: the label, if the front matter lacks it
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (VersionCreate): A new draft: its clauses, or a copy of another version's clauses to
            revise.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VersionRead]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        label=label,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VersionCreate,
    label: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VersionRead | None:
    """Create a draft version

     A draft from a Markdown or plain-text document (errors name the line), from clauses
    as JSON, or as a copy of another version to revise (``based_on_version_id``).

    Args:
        policy_id (UUID): The policy's id
        label (None | str | Unset): For documents: the label, if the front matter lacks it
        idempotency_key (None | str | Unset): Makes a retry of this POST safe: a replay returns
            the first response
        body (VersionCreate): A new draft: its clauses, or a copy of another version's clauses to
            revise.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VersionRead
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            client=client,
            body=body,
            label=label,
            idempotency_key=idempotency_key,
        )
    ).parsed
