from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from pydantic import Field, PlainValidator, StringConstraints, ValidationError

from app.core.errors import FieldError
from app.core.schemas import IsoDate, RequestModel, ResponseModel, SecretFreeModel
from app.core.vocabulary import GrantRole

Code = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
    ),
]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=1000)]


class CompetencyCreate(RequestModel):
    code: Code = Field(examples=["handling_harassment"])
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        examples=["Handling harassment"]
    )
    description: Annotated[str, StringConstraints(max_length=2000)] | None = None


class CompetencyRead(ResponseModel):
    id: uuid.UUID
    code: str
    name: str
    description: str | None
    created_at: dt.datetime


class ModuleCreate(SecretFreeModel):
    code: Code = Field(examples=["moderation-basics"])
    module_version: Annotated[
        str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    ] = Field(examples=["2024.1"])
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        examples=["Moderating the town's pages under the 2024 policy"]
    )
    competency_codes: list[Code] = Field(min_length=1, max_length=50)
    validity_days: int = Field(ge=1, le=3650, strict=True, examples=[365])
    pass_mark: float = Field(default=80, ge=0, le=100, examples=[80])
    required_for_roles: list[GrantRole] = Field(default_factory=list, max_length=4)
    policy_version_id: uuid.UUID | None = Field(
        default=None, description="The policy version the module teaches"
    )
    retraining_on_new_policy: bool = Field(
        default=False,
        strict=True,
        description="Completions count only while the policy version it teaches is in force",
    )


class ModuleRetire(SecretFreeModel):
    reason: Reason = Field(examples=["Replaced by the 2025 edition"])
    requires_retraining: bool = Field(
        default=False,
        strict=True,
        description="Completions of this version stop counting at once (otherwise they run "
        "to their expiry)",
    )


class ModuleRead(ResponseModel):
    id: uuid.UUID
    code: str
    module_version: str
    title: str
    competency_codes: list[str]
    validity_days: int
    pass_mark: float
    required_for_roles: list[GrantRole]
    policy_version_id: uuid.UUID | None
    retraining_on_new_policy: bool
    retired_on: dt.date | None
    retraining_on_retire: bool
    retirement_reason: str | None
    created_at: dt.datetime
    version: int


class CompletionCreate(SecretFreeModel):
    """One result from the learning-management system."""

    # The LMS's record ids are random strings: checked for credential formats only.
    identifier_fields = frozenset({"external_id"})

    person_id: uuid.UUID
    module_id: uuid.UUID = Field(description="The module version completed")
    completed_on: IsoDate = Field(description="The town date it was completed")
    score: float = Field(ge=0, le=100, examples=[92.5])
    pass_mark: float | None = Field(
        default=None, ge=0, le=100, description="The module's when left out"
    )
    evidence_reference: Annotated[str, StringConstraints(max_length=500)] | None = Field(
        default=None, examples=["lms://certificates/2024/10877"]
    )
    external_id: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None,
        description="The LMS's id for the record: a resend with the same id is recognised",
    )


class MalformedCompletion:
    """A batch item that is not a valid completion: which of its fields, and why (never the
    values sent). ``loc`` is within the item.

    A plain class on purpose: pydantic has no schema for it, so the contract shows only the
    item to send (the validator's ``json_schema_input_type``)."""

    __slots__ = ("errors",)

    def __init__(self, errors: tuple[FieldError, ...]) -> None:
        self.errors = errors


def _read_item(value: Any) -> CompletionCreate | MalformedCompletion:
    # Read item by item, as FastAPI reads a body (from_attributes), so that an item out of
    # range or missing a field is refused in the batch result like any other refusal, and
    # does not fail the items beside it.
    try:
        return CompletionCreate.model_validate(value, from_attributes=True)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        return MalformedCompletion(
            tuple(FieldError(loc=list(e["loc"]), type=e["type"], msg=e["msg"]) for e in errors)
        )


CompletionItem = Annotated[
    CompletionCreate | MalformedCompletion,
    # The contract describes the item to send: a valid completion.
    PlainValidator(_read_item, json_schema_input_type=CompletionCreate),
]


class CompletionBatch(RequestModel):
    items: list[CompletionItem] = Field(min_length=1, max_length=500)


class CompletionRead(ResponseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    module_id: uuid.UUID
    completed_on: dt.date
    score: float
    pass_mark: float
    passed: bool
    expires_on: dt.date = Field(description="The last town date on which it counts")
    evidence_reference: str | None
    external_id: str | None
    recorded_by: str
    recorded_at: dt.datetime


class BatchItemResult(ResponseModel):
    index: int
    outcome: str = Field(description="created, unchanged (a resend) or refused")
    completion: CompletionRead | None = None
    problem: dict[str, Any] | None = Field(
        default=None, description="Why the item was refused: a problem document's members"
    )


class CompletionBatchResult(ResponseModel):
    created: int
    unchanged: int
    refused: int
    items: list[BatchItemResult]


class AcknowledgementCreate(RequestModel):
    person_id: uuid.UUID | None = Field(
        default=None, description="Left out: the person the credential belongs to"
    )
    policy_version_id: uuid.UUID | None = Field(
        default=None, description="Left out: the version in force today"
    )


class AcknowledgementRead(ResponseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    policy_version_id: uuid.UUID
    acknowledged_at: dt.datetime
    recorded_by: str


class GapRead(ResponseModel):
    kind: str = Field(examples=["expired"])
    competency: str | None
    since: dt.date | None
    last_completion_id: uuid.UUID | None
    modules: list[str]
    message: str


class EligibilityRead(ResponseModel):
    person_id: uuid.UUID
    role: GrantRole
    on: dt.date = Field(description="The town date it was judged on")
    eligible: bool
    required_competencies: list[str]
    gaps: list[GapRead]
    valid_until: dt.date | None = Field(
        description="When eligible: the last day before a completion relied on expires"
    )
    acknowledgement_due_on: dt.date | None


class ComplianceRow(ResponseModel):
    group_id: uuid.UUID
    group_name: str
    person_id: uuid.UUID
    person_name: str
    eligible: bool
    valid_until: dt.date | None
    expires_within_days: int | None = Field(
        description="30, 60 or 90 when the eligibility ends within that many days"
    )
    gaps: list[str]


class ComplianceReport(ResponseModel):
    role: GrantRole
    group_by: str
    on: dt.date
    people: int
    eligible: int
    expiring: dict[str, int] = Field(description="Eligible people whose eligibility ends within")
    rows: list[ComplianceRow]
