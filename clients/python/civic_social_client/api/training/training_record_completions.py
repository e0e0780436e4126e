from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.completion_batch import CompletionBatch
from ...models.completion_batch_result import CompletionBatchResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: CompletionBatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/training/completions/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompletionBatchResult | Problem | None:
    if response.status_code == 200:
        response_200 = CompletionBatchResult.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[CompletionBatchResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CompletionBatch,
) -> Response[CompletionBatchResult | Problem]:
    """Record completions in a batch

     Up to 500 results, each judged on its own: the answer says, per item in order,
    created, unchanged (a resend) or refused with the problem (an item with a field out of
    range, missing or of the wrong type: a validation-error problem naming its fields). A
    refused item writes nothing; the others are recorded.

    Args:
        body (CompletionBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompletionBatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CompletionBatch,
) -> CompletionBatchResult | Problem | None:
    """Record completions in a batch

     Up to 500 results, each judged on its own: the answer says, per item in order,
    created, unchanged (a resend) or refused with the problem (an item with a field out of
    range, missing or of the wrong type: a validation-error problem naming its fields). A
    refused item writes nothing; the others are recorded.

    Args:
        body (CompletionBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompletionBatchResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CompletionBatch,
) -> Response[CompletionBatchResult | Problem]:
    """Record completions in a batch

     Up to 500 results, each judged on its own: the answer says, per item in order,
    created, unchanged (a resend) or refused with the problem (an item with a field out of
    range, missing or of the wrong type: a validation-error problem naming its fields). A
    refused item writes nothing; the others are recorded.

    Args:
        body (CompletionBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompletionBatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CompletionBatch,
) -> CompletionBatchResult | Problem | None:
    """Record completions in a batch

     Up to 500 results, each judged on its own: the answer says, per item in order,
    created, unchanged (a resend) or refused with the problem (an item with a field out of
    range, missing or of the wrong type: a validation-error problem naming its fields). A
    refused item writes nothing; the others are recorded.

    Args:
        body (CompletionBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompletionBatchResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
