from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path, Query, Response, status

from app.auth.dependencies import authorized
from app.core.actor import Actor, Role
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.etag import IfMatchHeader, etag_for, required_version
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import DomainRouter
from app.core.schemas import IsoDate, IsoDateTime
from app.screening import elections, rulesets, service
from app.screening.dependencies import EnginesDep
from app.screening.engine.vocabulary import Category, ContentKind, Decision
from app.screening.models import ReviewStatus
from app.screening.schemas import (
    CATEGORY_DESCRIPTION,
    CandidateCreate,
    CandidateRead,
    CandidateUpdate,
    ElectionCreate,
    ElectionRead,
    ElectionUpdate,
    ReviewDecision,
    ReviewRead,
    RulesetCreate,
    RulesetRead,
    RulesetUpdate,
    ScreeningBatch,
    ScreeningBatchRead,
    ScreeningRead,
    ScreeningRequest,
    TermCreate,
    TermRead,
)
from app.training.dependencies import TrainingRulesDep

router = DomainRouter(
    serves=("/screenings", "/screening-reviews", "/screening-rulesets"), tags=["screening"]
)
elections_router = DomainRouter(serves=("/elections",), tags=["elections"])

Reader = Annotated[Actor, authorized(*Role)]
Screener = Annotated[Actor, authorized(Role.STAFF, Role.MODERATOR, Role.APPROVER, Role.INTEGRATION)]
Moderator = Annotated[Actor, authorized(Role.MODERATOR)]
Administrator = Annotated[Actor, authorized(Role.ADMIN)]
Clerk = Annotated[Actor, authorized(Role.STAFF, Role.APPROVER)]

ScreeningId = Annotated[uuid.UUID, Path(description="The screening's id")]
ReviewId = Annotated[uuid.UUID, Path(description="The review's id")]
RulesetId = Annotated[uuid.UUID, Path(description="The ruleset's id")]
TermId = Annotated[uuid.UUID, Path(description="The term's id")]
ElectionId = Annotated[uuid.UUID, Path(description="The election's id")]
CandidateId = Annotated[uuid.UUID, Path(description="The candidate's id")]
AccountFilter = Annotated[uuid.UUID | None, Query(description="Only this account")]
KindFilter = Annotated[ContentKind | None, Query(description="Only this kind of content")]

_READ = problem_responses(404)
_WRITE = problem_responses(404, 409, 412, 422, 428)
_SCREEN = problem_responses(413, 422)


# Screenings: the hot path first (FastAPI tries routes in order).
@router.post(
    "/screenings",
    summary="Screen a draft or a comment",
    status_code=status.HTTP_201_CREATED,
    responses=_SCREEN,
)
async def screen(
    body: ScreeningRequest,
    session: SessionDep,
    actor: Screener,
    engines: EnginesDep,
    _idempotency: IdempotencyDep,
    response: Response,
) -> ScreeningRead:
    """Screen one text against the ruleset of the policy version in force when it is
    published: the decision, each finding with the clause it enforces, the redacted text.
    A `review` decision opens an item in the review queue."""
    (result,) = service.screen(session, actor, [body], engines)
    response.headers["Location"] = f"/api/v1/screenings/{result.id}"
    return result


@router.post(
    "/screenings/batch",
    summary="Screen up to 500 texts",
    status_code=status.HTTP_201_CREATED,
    responses=_SCREEN,
)
async def screen_batch(
    body: ScreeningBatch,
    session: SessionDep,
    actor: Screener,
    engines: EnginesDep,
    _idempotency: IdempotencyDep,
) -> ScreeningBatchRead:
    """Screen several texts in one request: one result per item, in the order sent. All are
    stored, or none (a bad item refuses the whole batch with its index)."""
    return ScreeningBatchRead(items=service.screen(session, actor, body.items, engines))


@router.get("/screenings", summary="List screenings", responses=_READ)
async def list_screenings(
    session: SessionDep,
    actor: Reader,
    page: PageDep,
    kind: KindFilter = None,
    decision: Annotated[Decision | None, Query()] = None,
    category: Annotated[Category | None, Query(description=CATEGORY_DESCRIPTION)] = None,
    account_id: AccountFilter = None,
    since: Annotated[IsoDateTime | None, Query(description="Screened at or after")] = None,
    until: Annotated[IsoDateTime | None, Query(description="Screened before")] = None,
) -> Page[ScreeningRead]:
    """Screenings, newest first, filtered by kind, decision, category found and account
    (moderators and staff: for the accounts they hold a grant on, or for none)."""
    items, total = service.list_screenings(
        session,
        actor,
        page,
        filters={"kind": kind, "decision": decision, "account_id": account_id},
        category=category,
        since=since,
        until=until,
    )
    return Page.of(items, total, page)


# ":uuid": /screenings/batch is not a screening, so GET /screenings/batch is 405, not 422.
@router.get("/screenings/{screening_id:uuid}", summary="Get a screening", responses=_READ)
async def get_screening(
    screening_id: ScreeningId, session: SessionDep, actor: Reader
) -> ScreeningRead:
    """One screening's verdict (the text is kept redacted)."""
    return service.read_screening(session, actor, screening_id)


# Reviews ----------------------------------------------------------------------------------


@router.get("/screening-reviews", summary="List the review queue", responses=_READ)
async def list_reviews(
    session: SessionDep,
    actor: Reader,
    page: PageDep,
    review_status: Annotated[
        ReviewStatus | None, Query(alias="status", description="open or decided")
    ] = None,
    kind: KindFilter = None,
    account_id: AccountFilter = None,
) -> Page[ReviewRead]:
    """Reviews opened by `review` verdicts, oldest first (the queue's order); moderators and
    staff see those of the accounts they hold a grant on, or for none."""
    items, total = service.list_reviews(
        session,
        actor,
        page,
        filters={"status": review_status, "kind": kind, "account_id": account_id},
    )
    return Page.of(items, total, page)


@router.get("/screening-reviews/{review_id}", summary="Get a review", responses=_READ)
async def get_review(
    review_id: ReviewId, session: SessionDep, actor: Reader, response: Response
) -> ReviewRead:
    """One review, with the engine's decision and the categories it found."""
    review = service.get_review(session, actor, review_id)
    response.headers["ETag"] = etag_for(review.version)
    return review


@router.post(
    "/screening-reviews/{review_id}/decision",
    summary="Decide a review",
    responses=problem_responses(403, 404, 409, 412, 422, 428),
)
async def decide_review(
    review_id: ReviewId,
    body: ReviewDecision,
    session: SessionDep,
    actor: Moderator,
    rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ReviewRead:
    """Approve, reject or override the engine's decision, with a reason. Moderators only,
    never the author of the draft, and a person's moderator training and policy
    acknowledgement must be current (403 `moderator-not-eligible`). Needs If-Match."""
    review = service.decide_review(
        session, actor, rules, review_id, body, required_version(if_match)
    )
    response.headers["ETag"] = etag_for(review.version)
    return review


# Rulesets ---------------------------------------------------------------------------------


@router.get("/screening-rulesets", summary="List rulesets")
async def list_rulesets(
    session: SessionDep,
    _: Reader,
    page: PageDep,
    policy_version_id: Annotated[uuid.UUID | None, Query()] = None,
) -> Page[RulesetRead]:
    """Rulesets, one per policy version that has one."""
    items, total = rulesets.list_rulesets(session, page, policy_version_id=policy_version_id)
    return Page.of(items, total, page)


@router.post(
    "/screening-rulesets",
    summary="Create a ruleset for a policy version",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def create_ruleset(
    body: RulesetCreate,
    session: SessionDep,
    actor: Administrator,
    _idempotency: IdempotencyDep,
    response: Response,
) -> RulesetRead:
    """Tie a ruleset to a policy version: per category, the clause enforced, the severity
    and the action for posts, replies and comments. Rules that would hide comments for
    anything but the narrow content-neutral categories are refused."""
    ruleset = rulesets.create_ruleset(session, actor, body)
    response.headers["Location"] = f"/api/v1/screening-rulesets/{ruleset.id}"
    response.headers["ETag"] = etag_for(ruleset.version)
    return ruleset


@router.get("/screening-rulesets/{ruleset_id}", summary="Get a ruleset", responses=_READ)
async def get_ruleset(
    ruleset_id: RulesetId, session: SessionDep, _: Reader, response: Response
) -> RulesetRead:
    """One ruleset and its rules."""
    ruleset = rulesets.read_ruleset(session, ruleset_id)
    response.headers["ETag"] = etag_for(ruleset.version)
    return ruleset


@router.patch("/screening-rulesets/{ruleset_id}", summary="Update a ruleset", responses=_WRITE)
async def update_ruleset(
    ruleset_id: RulesetId,
    body: RulesetUpdate,
    session: SessionDep,
    actor: Administrator,
    response: Response,
    if_match: IfMatchHeader = None,
) -> RulesetRead:
    """Replace the rules of the categories given. Needs If-Match; every replica screens
    under the new rules from its next request."""
    ruleset = rulesets.update_ruleset(session, actor, ruleset_id, body, required_version(if_match))
    response.headers["ETag"] = etag_for(ruleset.version)
    return ruleset


@router.get("/screening-rulesets/{ruleset_id}/terms", summary="List custom terms", responses=_READ)
async def list_terms(
    ruleset_id: RulesetId, session: SessionDep, _: Reader, page: PageDep
) -> Page[TermRead]:
    """The words and phrases administrators added to the ruleset's lexicon."""
    items, total = rulesets.list_terms(session, ruleset_id, page)
    return Page.of([TermRead.model_validate(t) for t in items], total, page)


@router.post(
    "/screening-rulesets/{ruleset_id}/terms",
    summary="Add a custom term",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 422),
)
async def add_term(
    ruleset_id: RulesetId,
    body: TermCreate,
    session: SessionDep,
    actor: Administrator,
    _idempotency: IdempotencyDep,
) -> TermRead:
    """Add a word or phrase to a category of the ruleset's lexicon (matched whole-word,
    through obfuscation). Audited."""
    return TermRead.model_validate(rulesets.add_term(session, actor, ruleset_id, body))


@router.delete(
    "/screening-rulesets/{ruleset_id}/terms/{term_id}",
    summary="Remove a custom term",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=_READ,
)
async def remove_term(
    ruleset_id: RulesetId, term_id: TermId, session: SessionDep, actor: Administrator
) -> None:
    """Remove a custom term. Audited."""
    rulesets.remove_term(session, actor, ruleset_id, term_id)


# Elections --------------------------------------------------------------------------------


@elections_router.get("/elections", summary="List elections")
async def list_elections(
    session: SessionDep,
    _: Reader,
    page: PageDep,
    on: Annotated[IsoDate | None, Query(description="Only those whose period covers it")] = None,
) -> Page[ElectionRead]:
    """Elections and their Election Periods, latest first."""
    items, total = elections.list_elections(session, page, on=on)
    return Page.of([ElectionRead.model_validate(e) for e in items], total, page)


@elections_router.post(
    "/elections",
    summary="Register an election",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def create_election(
    body: ElectionCreate,
    session: SessionDep,
    actor: Clerk,
    _idempotency: IdempotencyDep,
    response: Response,
) -> ElectionRead:
    """An election and its Election Period: campaign content on official accounts is
    blocked during the period and reviewed outside it."""
    election = elections.create_election(session, actor, body)
    response.headers["Location"] = f"/api/v1/elections/{election.id}"
    response.headers["ETag"] = etag_for(election.version)
    return ElectionRead.model_validate(election)


@elections_router.get("/elections/{election_id}", summary="Get an election", responses=_READ)
async def get_election(
    election_id: ElectionId, session: SessionDep, _: Reader, response: Response
) -> ElectionRead:
    """One election."""
    election = elections.get_election(session, election_id)
    response.headers["ETag"] = etag_for(election.version)
    return ElectionRead.model_validate(election)


@elections_router.patch("/elections/{election_id}", summary="Update an election", responses=_WRITE)
async def update_election(
    election_id: ElectionId,
    body: ElectionUpdate,
    session: SessionDep,
    actor: Clerk,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ElectionRead:
    """Change an election's name, voting day or period. Needs If-Match."""
    election = elections.update_election(
        session, actor, election_id, body, required_version(if_match)
    )
    response.headers["ETag"] = etag_for(election.version)
    return ElectionRead.model_validate(election)


@elections_router.delete(
    "/elections/{election_id}",
    summary="Delete an election",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=_WRITE,
)
async def delete_election(
    election_id: ElectionId,
    session: SessionDep,
    actor: Clerk,
    if_match: IfMatchHeader = None,
) -> None:
    """Remove an election entered in error, with its candidates. Needs If-Match."""
    elections.delete_election(session, actor, election_id, required_version(if_match))


@elections_router.get(
    "/elections/{election_id}/candidates", summary="List candidates", responses=_READ
)
async def list_candidates(
    election_id: ElectionId, session: SessionDep, _: Reader, page: PageDep
) -> Page[CandidateRead]:
    """The election's registered candidates, by name."""
    items, total = elections.list_candidates(session, election_id, page)
    return Page.of([CandidateRead.model_validate(c) for c in items], total, page)


@elections_router.post(
    "/elections/{election_id}/candidates",
    summary="Register a candidate",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 422),
)
async def register_candidate(
    election_id: ElectionId,
    body: CandidateCreate,
    session: SessionDep,
    actor: Clerk,
    _idempotency: IdempotencyDep,
    response: Response,
) -> CandidateRead:
    """Add a registered candidate: drafts naming them are campaign content."""
    candidate = elections.register_candidate(session, actor, election_id, body)
    response.headers["Location"] = f"/api/v1/elections/{election_id}/candidates/{candidate.id}"
    response.headers["ETag"] = etag_for(candidate.version)
    return CandidateRead.model_validate(candidate)


@elections_router.get(
    "/elections/{election_id}/candidates/{candidate_id}",
    summary="Get a candidate",
    responses=_READ,
)
async def get_candidate(
    election_id: ElectionId,
    candidate_id: CandidateId,
    session: SessionDep,
    _: Reader,
    response: Response,
) -> CandidateRead:
    """One registered candidate."""
    candidate = elections.get_candidate(session, election_id, candidate_id)
    response.headers["ETag"] = etag_for(candidate.version)
    return CandidateRead.model_validate(candidate)


@elections_router.patch(
    "/elections/{election_id}/candidates/{candidate_id}",
    summary="Update a candidate",
    responses=_WRITE,
)
async def update_candidate(
    election_id: ElectionId,
    candidate_id: CandidateId,
    body: CandidateUpdate,
    session: SessionDep,
    actor: Clerk,
    response: Response,
    if_match: IfMatchHeader = None,
) -> CandidateRead:
    """Change a candidate's name, aliases or office. Needs If-Match."""
    candidate = elections.update_candidate(
        session, actor, election_id, candidate_id, body, required_version(if_match)
    )
    response.headers["ETag"] = etag_for(candidate.version)
    return CandidateRead.model_validate(candidate)


@elections_router.delete(
    "/elections/{election_id}/candidates/{candidate_id}",
    summary="Remove a candidate",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=_WRITE,
)
async def withdraw_candidate(
    election_id: ElectionId,
    candidate_id: CandidateId,
    session: SessionDep,
    actor: Clerk,
    if_match: IfMatchHeader = None,
) -> None:
    """Remove a withdrawn candidate or one entered in error. Needs If-Match."""
    elections.withdraw_candidate(
        session, actor, election_id, candidate_id, required_version(if_match)
    )
