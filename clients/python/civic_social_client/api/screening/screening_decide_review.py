from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.review_decision import ReviewDecision
from ...models.review_read import ReviewRead
from ...types import Response


def _get_kwargs(
    review_id: UUID,
    *,
    body: ReviewDecision,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/screening-reviews/{review_id}/decision".format(
            review_id=quote(str(review_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReviewRead | None:
    if response.status_code == 200:
        response_200 = ReviewRead.from_dict(response.json())

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
) -> Response[Problem | ReviewRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewDecision,
    if_match: str,
) -> Response[Problem | ReviewRead]:
    """Decide a review

     Approve, reject or override the engine's decision, with a reason. Moderators only,
    never the author of the draft, and a person's moderator training and policy
    acknowledgement must be current (403 `moderator-not-eligible`). Needs If-Match.

    Args:
        review_id (UUID): The review's id
        if_match (str):
        body (ReviewDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewRead]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewDecision,
    if_match: str,
) -> Problem | ReviewRead | None:
    """Decide a review

     Approve, reject or override the engine's decision, with a reason. Moderators only,
    never the author of the draft, and a person's moderator training and policy
    acknowledgement must be current (403 `moderator-not-eligible`). Needs If-Match.

    Args:
        review_id (UUID): The review's id
        if_match (str):
        body (ReviewDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewRead
    """

    return sync_detailed(
        review_id=review_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewDecision,
    if_match: str,
) -> Response[Problem | ReviewRead]:
    """Decide a review

     Approve, reject or override the engine's decision, with a reason. Moderators only,
    never the author of the draft, and a person's moderator training and policy
    acknowledgement must be current (403 `moderator-not-eligible`). Needs If-Match.

    Args:
        review_id (UUID): The review's id
        if_match (str):
        body (ReviewDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewRead]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    review_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReviewDecision,
    if_match: str,
) -> Problem | ReviewRead | None:
    """Decide a review

     Approve, reject or override the engine's decision, with a reason. Moderators only,
    never the author of the draft, and a person's moderator training and policy
    acknowledgement must be current (403 `moderator-not-eligible`). Needs If-Match.

    Args:
        review_id (UUID): The review's id
        if_match (str):
        body (ReviewDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewRead
    """

    return (
        await asyncio_detailed(
            review_id=review_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
