from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reason_code_read import ReasonCodeRead
from ...models.reason_code_update import ReasonCodeUpdate
from ...types import Response


def _get_kwargs(
    code: str,
    *,
    body: ReasonCodeUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/moderation/reason-codes/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReasonCodeRead | None:
    if response.status_code == 200:
        response_200 = ReasonCodeRead.from_dict(response.json())

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
) -> Response[Problem | ReasonCodeRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ReasonCodeUpdate,
    if_match: str,
) -> Response[Problem | ReasonCodeRead]:
    """Revise a reason code

     Change its wording, its clause (after the policy is revised) or retire it. Actions
    already taken keep the citation they were taken under.

    Args:
        code (str):
        if_match (str):
        body (ReasonCodeUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReasonCodeRead]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ReasonCodeUpdate,
    if_match: str,
) -> Problem | ReasonCodeRead | None:
    """Revise a reason code

     Change its wording, its clause (after the policy is revised) or retire it. Actions
    already taken keep the citation they were taken under.

    Args:
        code (str):
        if_match (str):
        body (ReasonCodeUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReasonCodeRead
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ReasonCodeUpdate,
    if_match: str,
) -> Response[Problem | ReasonCodeRead]:
    """Revise a reason code

     Change its wording, its clause (after the policy is revised) or retire it. Actions
    already taken keep the citation they were taken under.

    Args:
        code (str):
        if_match (str):
        body (ReasonCodeUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReasonCodeRead]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ReasonCodeUpdate,
    if_match: str,
) -> Problem | ReasonCodeRead | None:
    """Revise a reason code

     Change its wording, its clause (after the policy is revised) or retire it. Actions
    already taken keep the citation they were taken under.

    Args:
        code (str):
        if_match (str):
        body (ReasonCodeUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReasonCodeRead
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
