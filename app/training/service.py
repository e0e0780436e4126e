"""Training and policy acknowledgements: the catalogue, results from the learning-management
system, acknowledgements, and whether a person may hold a grant role today (the account
registry and screening ask here before letting someone moderate)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.config import Settings
from app.core.db import utcnow
from app.core.errors import ProblemError
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.core.vocabulary import GrantRole
from app.people import service as people
from app.people.errors import PersonNotFound
from app.people.models import PersonType
from app.policies import service as policies
from app.policies.errors import NoVersionInForce
from app.training import eligibility as rules_of
from app.training import repository
from app.training.eligibility import Eligibility, PolicyInForce
from app.training.errors import (
    AcknowledgementExists,
    AcknowledgementInvalid,
    CompetencyTaken,
    CompletionConflict,
    CompletionInvalid,
    CompletionMalformed,
    CompletionNotFound,
    ModuleInvalid,
    ModuleNotFound,
    ModuleRetired,
    ModuleVersionTaken,
)
from app.training.models import Acknowledgement, Competency, Completion, TrainingModule
from app.training.schemas import (
    AcknowledgementCreate,
    BatchItemResult,
    CompetencyCreate,
    CompletionBatchResult,
    CompletionCreate,
    CompletionRead,
    ComplianceReport,
    ComplianceRow,
    MalformedCompletion,
    ModuleCreate,
    ModuleRead,
    ModuleRetire,
)


@dataclass(frozen=True, slots=True)
class TrainingRules:
    """The deployment's side of the rules: the town's time zone, the policy grant holders
    acknowledge, and how long they have to."""

    zone: ZoneInfo
    policy_code: str
    acknowledgement_days: int

    @classmethod
    def from_settings(cls, settings: Settings) -> TrainingRules:
        return cls(
            settings.zone, settings.training.policy_code, settings.training.acknowledgement_days
        )

    def today(self, now: dt.datetime | None = None) -> dt.date:
        return rules_of.town_date(now or utcnow(), self.zone)


# Catalogue --------------------------------------------------------------------------------


def list_competencies(session: Session, params: PageParams) -> tuple[Sequence[Competency], int]:
    return repository.list_competencies(session, offset=params.offset, limit=params.page_size)


def create_competency(session: Session, actor: Actor, data: CompetencyCreate) -> Competency:
    if data.code in repository.competency_codes(session):
        raise CompetencyTaken(f"Competency {data.code} already exists.")
    competency = Competency(id=uuid.uuid4(), **data.model_dump())
    repository.add(session, competency)
    audit.record(
        session,
        actor,
        "competency.created",
        "competency",
        competency.id,
        after={"code": competency.code, "name": competency.name},
    )
    return competency


def _module_view(module: TrainingModule) -> dict[str, Any]:
    return ModuleRead.model_validate(module).model_dump(mode="json")


def get_module(session: Session, module_id: uuid.UUID) -> TrainingModule:
    module = repository.get_module(session, module_id)
    if module is None:
        raise ModuleNotFound(f"No training module has id {module_id}.")
    return module


def list_modules(
    session: Session, params: PageParams, *, include_retired: bool = False
) -> tuple[Sequence[TrainingModule], int]:
    return repository.list_modules(
        session, include_retired=include_retired, offset=params.offset, limit=params.page_size
    )


def create_module(session: Session, actor: Actor, data: ModuleCreate) -> TrainingModule:
    unknown = sorted(set(data.competency_codes) - repository.competency_codes(session))
    if unknown:
        raise ModuleInvalid(f"Unknown competencies: {', '.join(unknown)}.")
    if data.policy_version_id is not None:
        version = policies.find_version(session, data.policy_version_id)
        if version is None:
            raise ModuleInvalid(f"No policy version has id {data.policy_version_id}.")
    elif data.retraining_on_new_policy:
        raise ModuleInvalid("retraining_on_new_policy needs the policy_version_id it teaches.")
    if repository.find_module(session, data.code, data.module_version) is not None:
        raise ModuleVersionTaken(f"Module {data.code} {data.module_version} already exists.")
    fields = data.model_dump()
    fields["competency_codes"] = sorted(set(data.competency_codes))
    fields["required_for_roles"] = sorted({r.value for r in data.required_for_roles})
    module = TrainingModule(id=uuid.uuid4(), **fields)
    repository.add(session, module)
    audit.record(
        session,
        actor,
        "training_module.created",
        "training_module",
        module.id,
        after=_module_view(module),
    )
    return module


def retire_module(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    module_id: uuid.UUID,
    expected_version: int,
    data: ModuleRetire,
) -> TrainingModule:
    module = get_module(session, module_id)
    check_version(module.version, expected_version)
    if module.retired_on is not None:
        raise ModuleRetired(f"Module {module.code} {module.module_version} is already retired.")
    before = _module_view(module)
    module.retired_on = rules.today()
    module.retraining_on_retire = data.requires_retraining
    module.retirement_reason = data.reason
    session.flush()
    audit.record(
        session,
        actor,
        "training_module.retired",
        "training_module",
        module.id,
        before=before,
        after=_module_view(module),
    )
    return module


# Completions ------------------------------------------------------------------------------


def get_completion(session: Session, completion_id: uuid.UUID) -> Completion:
    completion = repository.get_completion(session, completion_id)
    if completion is None:
        raise CompletionNotFound(f"No training completion has id {completion_id}.")
    return completion


def list_completions(
    session: Session,
    params: PageParams,
    *,
    person_id: uuid.UUID | None = None,
    module_id: uuid.UUID | None = None,
) -> tuple[Sequence[Completion], int]:
    return repository.list_completions(
        session,
        person_id=person_id,
        module_id=module_id,
        offset=params.offset,
        limit=params.page_size,
    )


def _same_result(completion: Completion, data: CompletionCreate, pass_mark: float) -> bool:
    return (
        completion.person_id == data.person_id
        and completion.module_id == data.module_id
        and completion.completed_on == data.completed_on
        and completion.score == data.score
        and completion.pass_mark == pass_mark
    )


def record_completion(
    session: Session, actor: Actor, rules: TrainingRules, data: CompletionCreate
) -> tuple[Completion, bool]:
    """Record a result. A resend of the same result (by external id, or by person, module and
    date) returns the first record and False; a different result under the same identity is a
    conflict."""
    try:
        person = people.get_person(session, data.person_id)
    except PersonNotFound as exc:
        raise CompletionInvalid(f"No person has id {data.person_id}.") from exc
    if person.person_type == PersonType.CONTRACTING_FIRM:
        raise CompletionInvalid("A contracting firm is not a person: record its staff instead.")
    module = repository.get_module(session, data.module_id)
    if module is None:
        raise CompletionInvalid(f"No training module has id {data.module_id}.")
    today = rules.today()
    if data.completed_on > today:
        raise CompletionInvalid(
            f"completed_on {data.completed_on.isoformat()} is after today in the town "
            f"({today.isoformat()})."
        )
    if module.retired_on is not None and data.completed_on >= module.retired_on:
        raise CompletionInvalid(
            f"Module {module.code} {module.module_version} was retired on "
            f"{module.retired_on.isoformat()}: record the current version instead."
        )
    pass_mark = module.pass_mark if data.pass_mark is None else data.pass_mark
    existing = (
        repository.completion_by_external_id(session, data.external_id)
        if data.external_id
        else None
    ) or repository.same_completion(session, data.person_id, data.module_id, data.completed_on)
    if existing is not None:
        if _same_result(existing, data, pass_mark):
            return existing, False
        identity = (
            "external id"
            if data.external_id and data.external_id == existing.external_id
            else "person, module and date"
        )
        raise CompletionConflict(
            f"Completion {existing.id} is already recorded for this {identity} with a "
            "different result.",
            completion_id=str(existing.id),
        )
    completion = Completion(
        id=uuid.uuid4(),
        person_id=data.person_id,
        module_id=module.id,
        completed_on=data.completed_on,
        score=data.score,
        pass_mark=pass_mark,
        passed=data.score >= pass_mark,
        expires_on=rules_of.expiry_date(data.completed_on, module.validity_days),
        evidence_reference=data.evidence_reference,
        external_id=data.external_id,
        recorded_by=actor.name,
        recorded_at=utcnow(),
    )
    repository.add(session, completion)
    audit.record(
        session,
        actor,
        "training_completion.recorded",
        "training_completion",
        completion.id,
        after=CompletionRead.model_validate(completion).model_dump(mode="json"),
    )
    return completion, True


def record_batch(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    items: Sequence[CompletionCreate | MalformedCompletion],
) -> CompletionBatchResult:
    """Each item on its own: one refused item leaves the others recorded, and a refused item
    writes nothing (each runs in its own savepoint). An item that is not a valid completion
    is refused with the validation problem it would have had on its own."""
    results = []
    for index, item in enumerate(items):
        try:
            if isinstance(item, MalformedCompletion):
                raise _malformed(index, item)
            with session.begin_nested():
                completion, created = record_completion(session, actor, rules, item)
        except ProblemError as exc:
            results.append(
                BatchItemResult(
                    index=index,
                    outcome="refused",
                    problem={
                        "type": f"/problems/{exc.type}",
                        "title": exc.title,
                        "status": exc.status,
                        "detail": exc.detail,
                        **exc.extensions,
                    },
                )
            )
            continue
        results.append(
            BatchItemResult(
                index=index,
                outcome="created" if created else "unchanged",
                completion=CompletionRead.model_validate(completion),
            )
        )
    return CompletionBatchResult(
        created=sum(r.outcome == "created" for r in results),
        unchanged=sum(r.outcome == "unchanged" for r in results),
        refused=sum(r.outcome == "refused" for r in results),
        items=results,
    )


def _malformed(index: int, item: MalformedCompletion) -> CompletionMalformed:
    # The fields are placed in the request's body, as a whole-request validation error
    # places them.
    count = len(item.errors)
    return CompletionMalformed(
        f"{count} field{'s' if count != 1 else ''} failed validation",
        errors=[
            {"loc": ["body", "items", index, *error.loc], "type": error.type, "msg": error.msg}
            for error in item.errors
        ],
    )


# Acknowledgements -------------------------------------------------------------------------


def policy_in_force(session: Session, rules: TrainingRules, on: dt.date) -> PolicyInForce | None:
    """The version of the acknowledged policy in force on ``on``, with its due date."""
    policy = policies.find_policy_by_code(session, rules.policy_code)
    if policy is None:
        return None
    try:
        version = policies.version_in_force(session, policy.id, on)
    except NoVersionInForce:
        return None
    since = version.effective_from or on
    return PolicyInForce(
        version_id=version.id,
        label=version.label,
        in_force_since=since,
        acknowledgement_due_on=since + dt.timedelta(days=rules.acknowledgement_days),
    )


def acknowledge(
    session: Session, actor: Actor, rules: TrainingRules, data: AcknowledgementCreate
) -> Acknowledgement:
    person_id = data.person_id or actor.person_id
    if person_id is None:
        raise AcknowledgementInvalid(
            "Name the person: this credential does not belong to one (person_id)."
        )
    try:
        people.get_person(session, person_id)
    except PersonNotFound as exc:
        raise AcknowledgementInvalid(f"No person has id {person_id}.") from exc
    if data.policy_version_id is None:
        in_force = policy_in_force(session, rules, rules.today())
        if in_force is None:
            raise AcknowledgementInvalid(f"No version of {rules.policy_code} is in force today.")
        version_id = in_force.version_id
    else:
        version = policies.find_version(session, data.policy_version_id)
        if version is None or version.adopted_on is None:
            raise AcknowledgementInvalid(
                f"{data.policy_version_id} is not an adopted policy version."
            )
        version_id = version.id
    if repository.find_acknowledgement(session, person_id, version_id) is not None:
        raise AcknowledgementExists(
            f"Person {person_id} has already acknowledged policy version {version_id}."
        )
    acknowledgement = Acknowledgement(
        id=uuid.uuid4(),
        person_id=person_id,
        policy_version_id=version_id,
        acknowledged_at=utcnow(),
        recorded_by=actor.name,
    )
    repository.add(session, acknowledgement)
    audit.record(
        session,
        actor,
        "policy.acknowledged",
        "acknowledgement",
        acknowledgement.id,
        after={"person_id": str(person_id), "policy_version_id": str(version_id)},
    )
    return acknowledgement


def list_acknowledgements(
    session: Session,
    params: PageParams,
    *,
    person_id: uuid.UUID | None = None,
    policy_version_id: uuid.UUID | None = None,
) -> tuple[Sequence[Acknowledgement], int]:
    return repository.list_acknowledgements(
        session,
        person_id=person_id,
        policy_version_id=policy_version_id,
        offset=params.offset,
        limit=params.page_size,
    )


# Eligibility ------------------------------------------------------------------------------


def _module_rule(module: TrainingModule) -> rules_of.Module:
    return rules_of.Module(
        id=module.id,
        code=module.code,
        module_version=module.module_version,
        competencies=frozenset(module.competency_codes),
        validity_days=module.validity_days,
        required_for_roles=frozenset(module.required_for_roles),
        retired_on=module.retired_on,
        retraining_on_retire=module.retraining_on_retire,
        policy_version_id=module.policy_version_id,
        retraining_on_new_policy=module.retraining_on_new_policy,
    )


def _completion_rule(completion: Completion) -> rules_of.Completion:
    return rules_of.Completion(
        id=completion.id,
        module_id=completion.module_id,
        completed_on=completion.completed_on,
        passed=completion.passed,
        expires_on=completion.expires_on,
    )


def eligibility_of(
    session: Session,
    rules: TrainingRules,
    person_ids: Collection[uuid.UUID],
    role: str,
    on: dt.date | None = None,
) -> dict[uuid.UUID, Eligibility]:
    """Each person's eligibility for a grant role on a town date (today when None): a few
    queries for any number of people."""
    return eligibility_by_role(session, rules, {role: person_ids}, on)[role]


def eligibility_by_role(
    session: Session,
    rules: TrainingRules,
    people_by_role: Mapping[str, Collection[uuid.UUID]],
    on: dt.date | None = None,
) -> dict[str, dict[uuid.UUID, Eligibility]]:
    """Eligibility for several roles at once (a grant list holds owners, publishers and
    moderators): the catalogue, the policy in force, acknowledgements and completions are
    read once for everyone."""
    on = on or rules.today()
    ids = {person_id for group in people_by_role.values() for person_id in group}
    modules = [_module_rule(m) for m in repository.all_modules(session)]
    policy = policy_in_force(session, rules, on)
    acknowledged = (
        repository.acknowledged(session, ids, policy.version_id) if policy is not None else set()
    )
    completions = {
        person_id: [_completion_rule(c) for c in rows]
        for person_id, rows in repository.completions_of(session, ids).items()
    }
    return {
        role: {
            person_id: rules_of.evaluate(
                role,
                modules,
                completions[person_id],
                on=on,
                policy=policy,
                acknowledged=person_id in acknowledged,
            )
            for person_id in set(group)
        }
        for role, group in people_by_role.items()
    }


def eligibility(
    session: Session,
    rules: TrainingRules,
    person_id: uuid.UUID,
    role: str,
    on: dt.date | None = None,
) -> Eligibility:
    people.get_person(session, person_id)  # 404 for an unknown person
    return eligibility_of(session, rules, [person_id], role, on)[person_id]


# Compliance -------------------------------------------------------------------------------

EXPIRY_WINDOWS = (30, 60, 90)


@dataclass(frozen=True, slots=True)
class Member:
    """Someone a compliance report lists, in one group (a department or an account)."""

    group_id: uuid.UUID
    group_name: str
    person_id: uuid.UUID
    person_name: str


def compliance(
    session: Session,
    rules: TrainingRules,
    role: str,
    group_by: str,
    members: Sequence[Member],
) -> ComplianceReport:
    """Who in each group may hold ``role`` today, who may not and why, and whose eligibility
    ends within 30, 60 or 90 days."""
    on = rules.today()
    verdicts = eligibility_of(session, rules, {m.person_id for m in members}, role, on)
    rows = []
    for member in members:
        verdict = verdicts[member.person_id]
        window = None
        if verdict.eligible and verdict.valid_until is not None:
            left = (verdict.valid_until - on).days
            window = next((w for w in EXPIRY_WINDOWS if left < w), None)
        rows.append(
            ComplianceRow(
                group_id=member.group_id,
                group_name=member.group_name,
                person_id=member.person_id,
                person_name=member.person_name,
                eligible=verdict.eligible,
                valid_until=verdict.valid_until,
                expires_within_days=window,
                gaps=[gap.message for gap in verdict.gaps],
            )
        )
    eligible_people = {r.person_id for r in rows if r.eligible}
    return ComplianceReport(
        role=GrantRole(role),
        group_by=group_by,
        on=on,
        people=len({r.person_id for r in rows}),
        eligible=len(eligible_people),
        expiring={
            str(w): len(
                {
                    r.person_id
                    for r in rows
                    if r.expires_within_days is not None and r.expires_within_days <= w
                }
            )
            for w in EXPIRY_WINDOWS
        },
        rows=rows,
    )


def compliance_csv(report: ComplianceReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            report.group_by,
            "person_id",
            "person",
            "eligible",
            "valid_until",
            "expires_within_days",
            "gaps",
        ]
    )
    for row in report.rows:
        writer.writerow(
            [
                _csv_safe(row.group_name),
                row.person_id,
                _csv_safe(row.person_name),
                "yes" if row.eligible else "no",
                row.valid_until.isoformat() if row.valid_until else "",
                row.expires_within_days or "",
                _csv_safe(" | ".join(row.gaps)),
            ]
        )
    return out.getvalue()


def _csv_safe(value: str) -> str:
    # A cell a spreadsheet would run as a formula is quoted as text (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
