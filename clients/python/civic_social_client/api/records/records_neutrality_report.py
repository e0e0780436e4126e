import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.neutrality_report import NeutralityReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
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

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/moderation/neutrality-report",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NeutralityReport | Problem | None:
    if response.status_code == 200:
        response_200 = NeutralityReport.from_dict(response.json())

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
) -> Response[NeutralityReport | Problem]:
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
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[NeutralityReport | Problem]:
    """Actions by reason, moderator and commenter

     How often each reason code was used, by each moderator and against each commenter,
    with outliers flagged, so the town can show its moderation is content-neutral.

    Args:
        account_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): Town date
        to (datetime.date | None | Unset): Town date, inclusive

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NeutralityReport | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> NeutralityReport | Problem | None:
    """Actions by reason, moderator and commenter

     How often each reason code was used, by each moderator and against each commenter,
    with outliers flagged, so the town can show its moderation is content-neutral.

    Args:
        account_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): Town date
        to (datetime.date | None | Unset): Town date, inclusive

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NeutralityReport | Problem
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[NeutralityReport | Problem]:
    """Actions by reason, moderator and commenter

     How often each reason code was used, by each moderator and against each commenter,
    with outliers flagged, so the town can show its moderation is content-neutral.

    Args:
        account_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): Town date
        to (datetime.date | None | Unset): Town date, inclusive

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NeutralityReport | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    account_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> NeutralityReport | Problem | None:
    """Actions by reason, moderator and commenter

     How often each reason code was used, by each moderator and against each commenter,
    with outliers flagged, so the town can show its moderation is content-neutral.

    Args:
        account_id (None | Unset | UUID):
        from_ (datetime.date | None | Unset): Town date
        to (datetime.date | None | Unset): Town date, inclusive

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NeutralityReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            from_=from_,
            to=to,
        )
    ).parsed
