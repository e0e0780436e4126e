from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appeal_decision import AppealDecision
from ...models.appeal_read import AppealRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    appeal_id: UUID,
    *,
    body: AppealDecision,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/moderation/appeals/{appeal_id}/decision".format(
            appeal_id=quote(str(appeal_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AppealRead | Problem | None:
    if response.status_code == 200:
        response_200 = AppealRead.from_dict(response.json())

        return response_200

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AppealRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appeal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AppealDecision,
    if_match: str,
) -> Response[AppealRead | Problem]:
    """Decide an appeal

     Uphold (the removal is undone: the comment restored or the author unblocked) or deny,
    with the reason. Never by the moderator who acted, nor the approver of a block.

    Args:
        appeal_id (UUID):
        if_match (str):
        body (AppealDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppealRead | Problem]
    """

    kwargs = _get_kwargs(
        appeal_id=appeal_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appeal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AppealDecision,
    if_match: str,
) -> AppealRead | Problem | None:
    """Decide an appeal

     Uphold (the removal is undone: the comment restored or the author unblocked) or deny,
    with the reason. Never by the moderator who acted, nor the approver of a block.

    Args:
        appeal_id (UUID):
        if_match (str):
        body (AppealDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppealRead | Problem
    """

    return sync_detailed(
        appeal_id=appeal_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    appeal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AppealDecision,
    if_match: str,
) -> Response[AppealRead | Problem]:
    """Decide an appeal

     Uphold (the removal is undone: the comment restored or the author unblocked) or deny,
    with the reason. Never by the moderator who acted, nor the approver of a block.

    Args:
        appeal_id (UUID):
        if_match (str):
        body (AppealDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppealRead | Problem]
    """

    kwargs = _get_kwargs(
        appeal_id=appeal_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appeal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AppealDecision,
    if_match: str,
) -> AppealRead | Problem | None:
    """Decide an appeal

     Uphold (the removal is undone: the comment restored or the author unblocked) or deny,
    with the reason. Never by the moderator who acted, nor the approver of a block.

    Args:
        appeal_id (UUID):
        if_match (str):
        body (AppealDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppealRead | Problem
    """

    return (
        await asyncio_detailed(
            appeal_id=appeal_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
