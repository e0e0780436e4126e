from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import EmailStr, Field, StringConstraints

from app.accounts.models import (
    AccountStatus,
    GrantStatus,
    OfficialAccountKind,
    ReconciliationStatus,
    RecoveryContact,
    RevocationCause,
)
from app.core.schemas import (
    IsoDate,
    IsoDateTime,
    RequestModel,
    ResponseModel,
    SecretFreeModel,
    UpdateModel,
)
from app.core.vocabulary import GrantRole, Platform

Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
Url = Annotated[str, StringConstraints(min_length=1, max_length=2048)]


# Accounts ---------------------------------------------------------------------------------


class AccountRequest(SecretFreeModel):
    """A department's request for a new official account, with what the policy asks of it."""

    platform: Platform
    url: Url = Field(examples=["https://www.facebook.com/AlderBayParks"])
    handle: Annotated[str, StringConstraints(min_length=1, max_length=320)] | None = Field(
        default=None, description="Taken from the URL when left out; must agree with it"
    )
    display_name: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        examples=["Alder Bay Parks & Trails"]
    )
    department_id: uuid.UUID
    kind: OfficialAccountKind
    purpose: Text = Field(examples=["Trail conditions, park programs and closures"])
    audience: Annotated[str, StringConstraints(min_length=1, max_length=500)] = Field(
        examples=["Residents and visitors who use the town's parks"]
    )
    business_need: Text = Field(
        examples=["Residents ask for same-day trail closure notices; the web page is not enough"]
    )
    content_plan: Text = Field(examples=["Three posts a week; closures within the hour"])
    moderation_plan: Text = Field(
        examples=["Comments read twice each working day under the terms of engagement"]
    )
    records_retention_acknowledged: bool = Field(
        strict=True, description="The department keeps the account's records as the law asks"
    )
    named_publisher_ids: list[uuid.UUID] = Field(min_length=1, max_length=20)
    backup_publisher_id: uuid.UUID


class AccountUpdate(SecretFreeModel, UpdateModel):
    not_nullable = frozenset(
        {
            "url",
            "display_name",
            "department_id",
            "kind",
            "purpose",
            "audience",
            "approved_emergency_channel",
        }
    )

    url: Url | None = None
    display_name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    department_id: uuid.UUID | None = None
    kind: OfficialAccountKind | None = None
    purpose: Text | None = None
    audience: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None
    approved_emergency_channel: bool | None = Field(
        default=None, strict=True, description="Approvers and administrators only"
    )


class SecurityUpdate(SecretFreeModel, UpdateModel):
    """The account's security posture as the department describes it. Never the secrets."""

    mfa_enabled: bool | None = Field(default=None, strict=True)
    recovery_contact: RecoveryContact | None = None
    vault_reference: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = Field(
        default=None,
        description="Where the credentials live in the city's vault",
        examples=["vault://comms/social/facebook-parks"],
    )
    shared_login: bool | None = Field(default=None, strict=True)
    last_rotated_at: IsoDateTime | None = Field(
        default=None, description="When the credentials were last changed"
    )


class AccountDecision(SecretFreeModel):
    reason: Reason = Field(examples=["Meets the policy's criteria; Parks has two trained staff"])
    approved_emergency_channel: bool = Field(
        default=False,
        strict=True,
        description="On approval: the account may publish emergency information",
    )


class Transition(SecretFreeModel):
    reason: Reason = Field(examples=["Launched on the platform"])


class AccountSecurity(ResponseModel):
    mfa_enabled: bool | None
    recovery_contact: RecoveryContact | None
    vault_reference: str | None
    shared_login: bool | None
    last_rotated_at: dt.datetime | None


class AccountRead(ResponseModel):
    id: uuid.UUID
    platform: Platform
    handle: str
    url: str
    display_name: str
    department_id: uuid.UUID
    kind: OfficialAccountKind
    purpose: str
    audience: str
    approved_emergency_channel: bool
    status: AccountStatus
    status_changed_at: dt.datetime
    status_reason: str | None
    business_need: str
    content_plan: str
    moderation_plan: str
    records_retention_acknowledged: bool
    named_publisher_ids: list[uuid.UUID]
    backup_publisher_id: uuid.UUID
    requested_by: str
    requested_by_person_id: uuid.UUID | None
    requested_at: dt.datetime
    decided_by: str | None
    decided_by_person_id: uuid.UUID | None
    decided_at: dt.datetime | None
    decision_reason: str | None
    security: AccountSecurity
    last_activity_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class AccountSummary(ResponseModel):
    id: uuid.UUID
    platform: Platform
    handle: str
    url: str
    display_name: str
    status: AccountStatus


# Posture ----------------------------------------------------------------------------------


class PostureFindingRead(ResponseModel):
    code: str = Field(examples=["mfa_off"])
    severity: str = Field(examples=["high"])
    message: str
    person_ids: list[uuid.UUID] = Field(default_factory=list)


class AccountPosture(ResponseModel):
    account: AccountSummary
    security: AccountSecurity
    findings: list[PostureFindingRead]
    worst_severity: str | None
    checked_at: dt.datetime


class PostureReport(ResponseModel):
    checked_at: dt.datetime
    accounts_checked: int
    by_severity: dict[str, int] = Field(description="Findings per severity, all accounts")
    by_code: dict[str, int] = Field(description="Findings per kind, all accounts")
    items: list[AccountPosture]
    total: int = Field(description="Accounts with at least one finding at the severity asked")
    page: int
    page_size: int


# Grants -----------------------------------------------------------------------------------


class GrantCreate(SecretFreeModel):
    person_id: uuid.UUID
    role: GrantRole
    starts_at: IsoDateTime | None = Field(default=None, description="Now when left out")
    expires_at: IsoDateTime | None = Field(
        default=None, description="Required for volunteers and contract employees"
    )
    reason: Reason | None = Field(default=None, examples=["Covers the summer trail season"])


class GrantRevoke(SecretFreeModel):
    reason: Reason = Field(examples=["Moved to another department"])


class GrantRead(ResponseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    person_id: uuid.UUID
    role: GrantRole
    status: GrantStatus = Field(description="Effective now: expiry and departure included")
    starts_at: dt.datetime
    expires_at: dt.datetime | None
    granted_by: str
    granted_by_person_id: uuid.UUID | None
    reason: str | None
    revoked_at: dt.datetime | None
    revoked_by: str | None
    revocation_cause: RevocationCause | None
    revocation_reason: str | None
    suspended_at: dt.datetime | None = Field(description="When the sweep recorded a suspension")
    suspension_reason: str | None
    created_at: dt.datetime
    version: int


# Posts ------------------------------------------------------------------------------------


class PostCreate(SecretFreeModel):
    # Platforms' post ids can be long random strings: checked for known credential formats,
    # not for randomness.
    identifier_fields = frozenset({"external_id"})

    person_id: uuid.UUID = Field(description="Who published it")
    posted_at: IsoDateTime
    external_id: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, examples=["1234567890_987654321"]
    )
    external_url: Url | None = Field(default=None)
    screening_id: uuid.UUID | None = Field(
        default=None, description="The screening the draft passed, when there was one"
    )


class PostRead(ResponseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    person_id: uuid.UUID
    posted_at: dt.datetime
    external_id: str | None
    external_url: str | None
    screening_id: uuid.UUID | None
    authorised: bool = Field(
        description="The person held an owner or publisher grant on the account when it was posted"
    )
    recorded_by: str
    recorded_at: dt.datetime


# Dormancy ---------------------------------------------------------------------------------


class SweepRequest(RequestModel):
    inactive_days: int | None = Field(
        default=None, ge=1, le=3650, strict=True, description="The configured period when left out"
    )


class SweepResult(ResponseModel):
    swept_at: dt.datetime
    inactive_days: int
    marked_dormant: list[AccountSummary]


class SuspensionSweepResult(ResponseModel):
    swept_at: dt.datetime
    suspended: list[GrantRead] = Field(description="Grants newly recorded as suspended")
    reinstated: list[GrantRead] = Field(description="Grants whose holder is eligible again")


# Offboarding ------------------------------------------------------------------------------


class Offboarding(SecretFreeModel):
    departed_on: IsoDate | None = Field(default=None, description="Today when left out")
    reason: Reason = Field(examples=["Resigned; last day 2024-06-28"])


class RevokedKey(ResponseModel):
    id: uuid.UUID
    name: str
    prefix: str


class RotationNeeded(ResponseModel):
    account: AccountSummary
    access_ended_at: dt.datetime | None = Field(
        description="When the departed person's last grant on it ended (null: still open)"
    )
    last_rotated_at: dt.datetime | None


class OffboardingResult(ResponseModel):
    person_id: uuid.UUID
    departed_on: dt.date
    already_departed: bool
    revoked_grants: list[GrantRead]
    revoked_api_keys: list[RevokedKey]
    accounts_to_rotate: list[RotationNeeded] = Field(
        description="Accounts the person had access to whose credentials were not changed since"
    )


# Reconciliation ---------------------------------------------------------------------------


class RosterEntry(RequestModel):
    email: EmailStr = Field(examples=["amara.okafor@alderbay.example.ca"])
    contract_ends_on: IsoDate | None = Field(
        default=None, description="For contract employees and volunteers"
    )


class ReconciliationCreate(SecretFreeModel):
    people: list[RosterEntry] = Field(
        max_length=50_000, description="Everyone the HR system lists as active"
    )
    as_of: IsoDate | None = Field(default=None, description="Today when left out")
    apply: bool = Field(default=False, strict=True, description="Act on the findings at once")


class ReconciliationFinding(ResponseModel):
    code: str = Field(examples=["not_on_roster"])
    severity: str
    message: str
    email: str | None = None
    person_id: uuid.UUID | None = None
    grant_ids: list[uuid.UUID] = Field(default_factory=list)
    contract_ends_on: dt.date | None = None
    action: str = Field(description="offboard, end_grants_at_contract_end, or none")
    applied: bool = False


class ReconciliationRead(ResponseModel):
    id: uuid.UUID
    status: ReconciliationStatus
    as_of: dt.date
    roster_size: int
    findings: list[ReconciliationFinding]
    submitted_by: str
    submitted_at: dt.datetime
    applied_by: str | None
    applied_at: dt.datetime | None
    version: int


# Public verification ----------------------------------------------------------------------


class Verification(ResponseModel):
    url: str = Field(description="The URL as the registry normalises it")
    platform: Platform
    official: bool = Field(description="An account of the town, in use or dormant")
    status: str = Field(
        description="active, dormant, retired (decommissioned) or unknown", examples=["active"]
    )
    handle: str | None = None
    display_name: str | None = None
    department: str | None = None
    message: str
