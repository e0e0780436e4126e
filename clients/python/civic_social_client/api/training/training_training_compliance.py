from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.compliance_report import ComplianceReport
from ...models.grant_role import GrantRole
from ...models.problem import Problem
from ...models.training_training_compliance_format import TrainingTrainingComplianceFormat
from ...models.training_training_compliance_group_by import TrainingTrainingComplianceGroupBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    role: GrantRole | Unset = UNSET,
    group_by: TrainingTrainingComplianceGroupBy | Unset = TrainingTrainingComplianceGroupBy.DEPARTMENT,
    format_: TrainingTrainingComplianceFormat | Unset = TrainingTrainingComplianceFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/training/compliance",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplianceReport | Problem | None:
    if response.status_code == 200:
        response_200 = ComplianceReport.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[ComplianceReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: GrantRole | Unset = UNSET,
    group_by: TrainingTrainingComplianceGroupBy | Unset = TrainingTrainingComplianceGroupBy.DEPARTMENT,
    format_: TrainingTrainingComplianceFormat | Unset = TrainingTrainingComplianceFormat.JSON,
) -> Response[ComplianceReport | Problem]:
    """Training compliance by department or account

     For the people holding the role on the town's accounts: who is trained, who is not
    and why, and whose eligibility ends within 30, 60 or 90 days. `format=csv` for a
    spreadsheet.

    Args:
        role (GrantRole | Unset): What a named person may do on an official account.
        group_by (TrainingTrainingComplianceGroupBy | Unset):  Default:
            TrainingTrainingComplianceGroupBy.DEPARTMENT.
        format_ (TrainingTrainingComplianceFormat | Unset):  Default:
            TrainingTrainingComplianceFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplianceReport | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        group_by=group_by,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    role: GrantRole | Unset = UNSET,
    group_by: TrainingTrainingComplianceGroupBy | Unset = TrainingTrainingComplianceGroupBy.DEPARTMENT,
    format_: TrainingTrainingComplianceFormat | Unset = TrainingTrainingComplianceFormat.JSON,
) -> ComplianceReport | Problem | None:
    """Training compliance by department or account

     For the people holding the role on the town's accounts: who is trained, who is not
    and why, and whose eligibility ends within 30, 60 or 90 days. `format=csv` for a
    spreadsheet.

    Args:
        role (GrantRole | Unset): What a named person may do on an official account.
        group_by (TrainingTrainingComplianceGroupBy | Unset):  Default:
            TrainingTrainingComplianceGroupBy.DEPARTMENT.
        format_ (TrainingTrainingComplianceFormat | Unset):  Default:
            TrainingTrainingComplianceFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplianceReport | Problem
    """

    return sync_detailed(
        client=client,
        role=role,
        group_by=group_by,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    role: GrantRole | Unset = UNSET,
    group_by: TrainingTrainingComplianceGroupBy | Unset = TrainingTrainingComplianceGroupBy.DEPARTMENT,
    format_: TrainingTrainingComplianceFormat | Unset = TrainingTrainingComplianceFormat.JSON,
) -> Response[ComplianceReport | Problem]:
    """Training compliance by department or account

     For the people holding the role on the town's accounts: who is trained, who is not
    and why, and whose eligibility ends within 30, 60 or 90 days. `format=csv` for a
    spreadsheet.

    Args:
        role (GrantRole | Unset): What a named person may do on an official account.
        group_by (TrainingTrainingComplianceGroupBy | Unset):  Default:
            TrainingTrainingComplianceGroupBy.DEPARTMENT.
        format_ (TrainingTrainingComplianceFormat | Unset):  Default:
            TrainingTrainingComplianceFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplianceReport | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        group_by=group_by,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    role: GrantRole | Unset = UNSET,
    group_by: TrainingTrainingComplianceGroupBy | Unset = TrainingTrainingComplianceGroupBy.DEPARTMENT,
    format_: TrainingTrainingComplianceFormat | Unset = TrainingTrainingComplianceFormat.JSON,
) -> ComplianceReport | Problem | None:
    """Training compliance by department or account

     For the people holding the role on the town's accounts: who is trained, who is not
    and why, and whose eligibility ends within 30, 60 or 90 days. `format=csv` for a
    spreadsheet.

    Args:
        role (GrantRole | Unset): What a named person may do on an official account.
        group_by (TrainingTrainingComplianceGroupBy | Unset):  Default:
            TrainingTrainingComplianceGroupBy.DEPARTMENT.
        format_ (TrainingTrainingComplianceFormat | Unset):  Default:
            TrainingTrainingComplianceFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplianceReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            role=role,
            group_by=group_by,
            format_=format_,
        )
    ).parsed
