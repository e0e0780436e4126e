from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query, Response, status

from app.auth.dependencies import authorized
from app.core.actor import Actor, Role
from app.core.db import ReadSessionDep, SessionDep
from app.core.errors import ProblemError, problem_responses
from app.core.etag import IfMatchHeader, etag_for, required_version
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import DomainRouter
from app.core.vocabulary import GrantRole
from app.people.errors import PersonNotFound
from app.training import service
from app.training.dependencies import TrainingRulesDep
from app.training.errors import CompletionNotFound, OwnRecordsOnly
from app.training.schemas import (
    AcknowledgementCreate,
    AcknowledgementRead,
    CompetencyCreate,
    CompetencyRead,
    CompletionBatch,
    CompletionBatchResult,
    CompletionCreate,
    CompletionRead,
    EligibilityRead,
    GapRead,
    ModuleCreate,
    ModuleRead,
    ModuleRetire,
)

router = DomainRouter(serves=("/training", "/people"), tags=["training"])

Reader = Annotated[Actor, authorized(*Role)]
Admin = Annotated[Actor, authorized(Role.ADMIN)]
Lms = Annotated[Actor, authorized(Role.INTEGRATION)]
Acknowledger = Annotated[
    Actor, authorized(Role.INTEGRATION, Role.APPROVER, Role.STAFF, Role.MODERATOR)
]
# Training records are a person's own: these roles read everyone's, others only their own.
_CITY_WIDE = frozenset({Role.ADMIN, Role.APPROVER, Role.AUDITOR, Role.INTEGRATION})


_NOBODY = uuid.UUID(int=0)


def _is_city_wide(actor: Actor) -> bool:
    return not actor.roles.isdisjoint(_CITY_WIDE)


def _readable(actor: Actor, person_id: uuid.UUID | None) -> uuid.UUID | None:
    """The person filter a list runs with: as asked for city-wide roles; otherwise the
    actor's own records only (another person's id then matches nothing)."""
    if _is_city_wide(actor):
        return person_id
    own = actor.person_id or _NOBODY
    return own if person_id in (None, own) else _NOBODY


def _check_own(actor: Actor, person_id: uuid.UUID, missing: ProblemError) -> None:
    """Another person's record answers as if it did not exist (no existence leak)."""
    if not _is_city_wide(actor) and actor.person_id != person_id:
        raise missing


@router.get("/training/competencies", summary="List competencies")
async def list_competencies(session: SessionDep, _: Reader, page: PageDep) -> Page[CompetencyRead]:
    """What moderators are trained in, by code (`civic-social seed` adds the policy's seven)."""
    items, total = service.list_competencies(session, page)
    return Page.of([CompetencyRead.model_validate(c) for c in items], total, page)


@router.post(
    "/training/competencies",
    summary="Add a competency",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_competency(
    body: CompetencyCreate, session: SessionDep, actor: Admin, _idempotency: IdempotencyDep
) -> CompetencyRead:
    return CompetencyRead.model_validate(service.create_competency(session, actor, body))


@router.get("/training/modules", summary="List training modules")
async def list_modules(
    session: SessionDep, _: Reader, page: PageDep, include_retired: bool = False
) -> Page[ModuleRead]:
    items, total = service.list_modules(session, page, include_retired=include_retired)
    return Page.of([ModuleRead.model_validate(m) for m in items], total, page)


@router.post(
    "/training/modules",
    summary="Add a module version",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def create_module(
    body: ModuleCreate,
    session: SessionDep,
    actor: Admin,
    _idempotency: IdempotencyDep,
    response: Response,
) -> ModuleRead:
    """A version of a course: competencies covered, validity in days, pass mark, the policy
    version it teaches and the grant roles that need it."""
    module = service.create_module(session, actor, body)
    response.headers["Location"] = f"/api/v1/training/modules/{module.id}"
    response.headers["ETag"] = etag_for(module.version)
    return ModuleRead.model_validate(module)


@router.get(
    "/training/modules/{module_id:uuid}",
    summary="Get a module version",
    responses=problem_responses(404),
)
async def get_module(
    module_id: uuid.UUID, session: SessionDep, _: Reader, response: Response
) -> ModuleRead:
    module = service.get_module(session, module_id)
    response.headers["ETag"] = etag_for(module.version)
    return ModuleRead.model_validate(module)


@router.post(
    "/training/modules/{module_id}/retire",
    summary="Retire a module version",
    responses=problem_responses(404, 409, 412, 428),
)
async def retire_module(
    module_id: uuid.UUID,
    body: ModuleRetire,
    session: SessionDep,
    actor: Admin,
    rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ModuleRead:
    """Retire a version. With `requires_retraining`, its completions stop counting today and
    the people who relied on them must take the current version. Needs If-Match."""
    module = service.retire_module(
        session, actor, rules, module_id, required_version(if_match), body
    )
    response.headers["ETag"] = etag_for(module.version)
    return ModuleRead.model_validate(module)


@router.post(
    "/training/completions",
    summary="Record a completion",
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(409, 422),
        200: {
            "model": CompletionRead,
            "description": "The same result was recorded before: the first record",
        },
    },
)
async def record_completion(
    body: CompletionCreate,
    session: SessionDep,
    actor: Lms,
    rules: TrainingRulesDep,
    response: Response,
) -> CompletionRead:
    """A result from the learning-management system. Sending the same result again (same
    external id, or same person, module and date) answers 200 with the first record; a
    different result under the same identity is 409."""
    completion, created = service.record_completion(session, actor, rules, body)
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    response.headers["Location"] = f"/api/v1/training/completions/{completion.id}"
    return CompletionRead.model_validate(completion)


@router.post("/training/completions/batch", summary="Record completions in a batch")
async def record_completions(
    body: CompletionBatch, session: SessionDep, actor: Lms, rules: TrainingRulesDep
) -> CompletionBatchResult:
    """Up to 500 results, each judged on its own: the answer says, per item in order,
    created, unchanged (a resend) or refused with the problem (an item with a field out of
    range, missing or of the wrong type: a validation-error problem naming its fields). A
    refused item writes nothing; the others are recorded."""
    return service.record_batch(session, actor, rules, body.items)


@router.get("/training/completions", summary="List completions")
async def list_completions(
    session: ReadSessionDep,
    actor: Reader,
    page: PageDep,
    person_id: uuid.UUID | None = None,
    module_id: uuid.UUID | None = None,
) -> Page[CompletionRead]:
    """Newest first. Moderators and staff see their own."""
    person_id = _readable(actor, person_id)
    items, total = service.list_completions(session, page, person_id=person_id, module_id=module_id)
    return Page.of([CompletionRead.model_validate(c) for c in items], total, page)


@router.get(
    "/training/completions/{completion_id:uuid}",
    summary="Get a completion",
    responses=problem_responses(404),
)
async def get_completion(
    completion_id: uuid.UUID, session: ReadSessionDep, actor: Reader
) -> CompletionRead:
    completion = service.get_completion(session, completion_id)
    _check_own(
        actor,
        completion.person_id,
        CompletionNotFound(f"No training completion has id {completion_id}."),
    )
    return CompletionRead.model_validate(completion)


@router.post(
    "/training/acknowledgements",
    summary="Acknowledge a policy version",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 409, 422),
)
async def acknowledge(
    body: AcknowledgementCreate,
    session: SessionDep,
    actor: Acknowledger,
    rules: TrainingRulesDep,
) -> AcknowledgementRead:
    """A person acknowledges the policy version in force (or the one named). Moderators and
    staff acknowledge for themselves; city systems for anyone."""
    if not _is_city_wide(actor) and body.person_id not in (None, actor.person_id):
        raise OwnRecordsOnly("Moderators and staff acknowledge for themselves only.")
    return AcknowledgementRead.model_validate(service.acknowledge(session, actor, rules, body))


@router.get("/training/acknowledgements", summary="List acknowledgements")
async def list_acknowledgements(
    session: ReadSessionDep,
    actor: Reader,
    page: PageDep,
    person_id: uuid.UUID | None = None,
    policy_version_id: uuid.UUID | None = None,
) -> Page[AcknowledgementRead]:
    person_id = _readable(actor, person_id)
    items, total = service.list_acknowledgements(
        session, page, person_id=person_id, policy_version_id=policy_version_id
    )
    return Page.of([AcknowledgementRead.model_validate(a) for a in items], total, page)


@router.get(
    "/people/{person_id}/eligibility",
    tags=["people"],
    summary="May this person hold a grant role?",
    responses=problem_responses(404),
)
async def eligibility(
    person_id: uuid.UUID,
    session: ReadSessionDep,
    actor: Reader,
    rules: TrainingRulesDep,
    role: Annotated[GrantRole, Query(description="The grant role asked about")],
) -> EligibilityRead:
    """Eligible today (in the town's time zone), or the missing, expired and superseded
    competencies and an overdue policy acknowledgement, with their dates."""
    _check_own(actor, person_id, PersonNotFound(f"No person has id {person_id}."))
    verdict = service.eligibility(session, rules, person_id, role)
    return EligibilityRead(
        person_id=person_id,
        role=role,
        on=verdict.on,
        eligible=verdict.eligible,
        required_competencies=list(verdict.required_competencies),
        gaps=[GapRead.model_validate(gap) for gap in verdict.gaps],
        valid_until=verdict.valid_until,
        acknowledgement_due_on=verdict.acknowledgement_due_on,
    )
