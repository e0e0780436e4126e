from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import Path, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from app.auth.dependencies import authorized
from app.core.actor import Actor, Role
from app.core.db import ReadSessionDep, SessionDep
from app.core.errors import problem_responses
from app.core.etag import IfMatchHeader, etag_for, required_version
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import PUBLIC, DomainRouter
from app.core.schemas import IsoDate, IsoDateTime
from app.moderation import appeals, records, reports, service
from app.moderation import reason_codes as codes
from app.moderation.dependencies import AppealRateLimit, ModerationRulesDep
from app.moderation.models import (
    ActionKind,
    AppealStatus,
    BlockStatus,
    CommentStatus,
)
from app.moderation.schemas import (
    ActionCreate,
    ActionOutcome,
    ActionRead,
    AppealCreate,
    AppealDecision,
    AppealRead,
    AppealReceipt,
    BlockDecision,
    BlockRead,
    CommentCreate,
    CommentDetail,
    CommentRead,
    LegalHoldCreate,
    LegalHoldRead,
    LegalHoldRelease,
    NeutralityReport,
    Notice,
    ReasonCodeCreate,
    ReasonCodeRead,
    ReasonCodeUpdate,
)
from app.moderation.views import action_read
from app.screening.dependencies import EnginesDep
from app.training.dependencies import TrainingRulesDep

router = DomainRouter(serves=("/comments", "/moderation"))
public_router = DomainRouter(serves=("/public/appeals",))

# Who may call what; which accounts' comments they reach is the service's business (through
# the account registry), and acting needs a trained moderator (app.moderation.access).
Reader = Annotated[Actor, authorized(*Role)]
Recorder = Annotated[Actor, authorized(Role.INTEGRATION)]
Moderator = Annotated[Actor, authorized(Role.MODERATOR, Role.APPROVER)]
Overseer = Annotated[Actor, authorized(Role.APPROVER, Role.AUDITOR)]
Auditor = Annotated[Actor, authorized(Role.AUDITOR)]
Admin = Annotated[Actor, authorized(Role.ADMIN)]

CodeParam = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{1,63}$", max_length=64)]
_READ = problem_responses(404)
_DECIDE = problem_responses(403, 404, 409, 412, 422, 428)


def _tagged(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


# Comments ---------------------------------------------------------------------------------


@router.post(
    "/comments",
    tags=["comments"],
    summary="Capture a public comment",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"description": "The same comment was captured before", "model": CommentDetail},
        **problem_responses(404, 409, 422),
    },
)
async def record_comment(
    body: CommentCreate,
    session: SessionDep,
    actor: Recorder,
    rules: ModerationRulesDep,
    engines: EnginesDep,
    _idempotency: IdempotencyDep,
    response: Response,
) -> CommentDetail:
    """A city system hands over a comment read from an official account. It is screened and
    kept as posted; the screening's advice comes back with it (nothing is hidden without a
    moderator). Sending the same comment again answers 200 with the record."""
    comment, created = service.record_comment(session, actor, rules, engines, body)
    if not created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/api/v1/comments/{comment.id}"
    _tagged(response, comment.version)
    return comment


@router.get("/comments", tags=["comments"], summary="List comments", responses=_READ)
async def list_comments(
    session: SessionDep,
    actor: Reader,
    page: PageDep,
    account_id: uuid.UUID | None = None,
    status: CommentStatus | None = None,
    needs_review: Annotated[
        bool | None, Query(description="true: the moderation queue (flagged, not acted on)")
    ] = None,
    screening_decision: Literal["allow", "review", "hide"] | None = None,
    author_handle: Annotated[str | None, Query(min_length=1, max_length=320)] = None,
    since: Annotated[IsoDateTime | None, Query(description="Posted at or after")] = None,
    until: Annotated[IsoDateTime | None, Query(description="Posted before")] = None,
) -> Page[CommentRead]:
    """Comments on the accounts the caller reaches, newest first."""
    filters = {
        k: v
        for k, v in {
            "account_id": account_id,
            "status": status,
            "needs_review": needs_review,
            "screening_decision": screening_decision,
            "author_handle": author_handle,
        }.items()
        if v is not None
    }
    items, total = service.list_comments(
        session, actor, page, filters=filters, since=since, until=until
    )
    return Page.of([CommentRead.model_validate(c) for c in items], total, page)


@router.get(
    "/comments/{comment_id:uuid}", tags=["comments"], summary="Get a comment", responses=_READ
)
async def get_comment(
    comment_id: uuid.UUID, session: SessionDep, actor: Reader, response: Response
) -> CommentDetail:
    """A comment with its screening, every action and appeal, and any block of its author;
    the ETag is what an action sends as If-Match."""
    comment = service.get_comment(session, actor, comment_id)
    _tagged(response, comment.version)
    return comment


@router.post(
    "/comments/{comment_id:uuid}/actions",
    tags=["comments"],
    summary="Act on a comment",
    status_code=status.HTTP_201_CREATED,
    responses=_DECIDE,
)
async def act_on_comment(
    comment_id: uuid.UUID,
    body: ActionCreate,
    session: SessionDep,
    actor: Moderator,
    rules: ModerationRulesDep,
    training_rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ActionOutcome:
    """Hide, restore, delete, keep, block or unblock, citing a reason code from the published
    list: a trained moderator of the account, named. A hide or delete returns the notice for
    the commenter; a block waits for a second person's approval."""
    outcome = service.act_on_comment(
        session, actor, rules, training_rules, comment_id, body, required_version(if_match)
    )
    response.headers["Location"] = f"/api/v1/moderation/actions/{outcome.action.id}"
    _tagged(response, outcome.comment.version)
    return outcome


# Reason codes -----------------------------------------------------------------------------


@router.get(
    "/moderation/reason-codes",
    tags=["moderation"],
    summary="The published reason codes (public)",
    openapi_extra=PUBLIC,
)
async def list_reason_codes(
    session: SessionDep,
    rules: ModerationRulesDep,
    page: PageDep,
    include_retired: bool = False,
) -> Page[ReasonCodeRead]:
    """The town's content-neutral reasons for moderating a comment, each with the clause of
    the terms of engagement it enforces in the version in force today. Public."""
    items, total = codes.list_reason_codes(session, rules, page, include_retired=include_retired)
    return Page.of(items, total, page)


@router.post(
    "/moderation/reason-codes",
    tags=["moderation"],
    summary="Add a reason code",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def create_reason_code(
    body: ReasonCodeCreate,
    session: SessionDep,
    actor: Admin,
    rules: ModerationRulesDep,
    _idempotency: IdempotencyDep,
    response: Response,
) -> ReasonCodeRead:
    """Publish a new reason; it must cite a clause of the policy in force."""
    code = codes.create_reason_code(session, actor, rules, body)
    response.headers["Location"] = f"/api/v1/moderation/reason-codes/{code.code}"
    _tagged(response, code.version)
    return code


@router.get(
    "/moderation/reason-codes/{code}",
    tags=["moderation"],
    summary="Get a reason code (public)",
    openapi_extra=PUBLIC,
    responses=_READ,
)
async def get_reason_code(
    code: CodeParam, session: SessionDep, rules: ModerationRulesDep, response: Response
) -> ReasonCodeRead:
    read = codes.read_reason_code(session, rules, code)
    _tagged(response, read.version)
    return read


@router.patch(
    "/moderation/reason-codes/{code}",
    tags=["moderation"],
    summary="Revise a reason code",
    responses=problem_responses(404, 412, 422, 428),
)
async def update_reason_code(
    code: CodeParam,
    body: ReasonCodeUpdate,
    session: SessionDep,
    actor: Admin,
    rules: ModerationRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ReasonCodeRead:
    """Change its wording, its clause (after the policy is revised) or retire it. Actions
    already taken keep the citation they were taken under."""
    read = codes.update_reason_code(session, actor, rules, code, body, required_version(if_match))
    _tagged(response, read.version)
    return read


# The ledger -------------------------------------------------------------------------------


@router.get(
    "/moderation/actions", tags=["moderation"], summary="List moderation actions", responses=_READ
)
async def list_actions(
    session: SessionDep,
    actor: Reader,
    page: PageDep,
    account_id: uuid.UUID | None = None,
    comment_id: uuid.UUID | None = None,
    moderator_person_id: uuid.UUID | None = None,
    action: ActionKind | None = None,
    reason_code: Annotated[str | None, Query(max_length=64)] = None,
    since: Annotated[IsoDateTime | None, Query(description="Taken at or after")] = None,
    until: Annotated[IsoDateTime | None, Query(description="Taken before")] = None,
) -> Page[ActionRead]:
    """The ledger, newest first, on the accounts the caller reaches."""
    filters = {
        k: v
        for k, v in {
            "account_id": account_id,
            "comment_id": comment_id,
            "moderator_person_id": moderator_person_id,
            "action": action,
            "reason_code": reason_code,
        }.items()
        if v is not None
    }
    items, total = service.list_actions(
        session, actor, page, filters=filters, since=since, until=until
    )
    return Page.of([action_read(a) for a in items], total, page)


@router.get(
    "/moderation/actions/{action_id:uuid}",
    tags=["moderation"],
    summary="Get a moderation action",
    responses=_READ,
)
async def get_action(action_id: uuid.UUID, session: SessionDep, actor: Reader) -> ActionRead:
    return action_read(service.get_action(session, actor, action_id))


@router.get(
    "/moderation/actions/{action_id:uuid}/notice",
    tags=["moderation"],
    summary="The notice for the commenter",
    responses=problem_responses(404, 409),
)
async def get_notice(
    action_id: uuid.UUID, session: SessionDep, actor: Moderator, rules: ModerationRulesDep
) -> Notice:
    """For a hide, a delete or an approved block: the text to send the commenter, citing the
    clause and explaining how to ask for reconsideration, with the appeal token."""
    return appeals.notice_of_action(session, actor, rules, action_id)


# Blocks -----------------------------------------------------------------------------------


@router.get("/moderation/blocks", tags=["moderation"], summary="List blocks", responses=_READ)
async def list_blocks(
    session: SessionDep,
    actor: Reader,
    page: PageDep,
    account_id: uuid.UUID | None = None,
    status: BlockStatus | None = None,
) -> Page[BlockRead]:
    filters = {k: v for k, v in {"account_id": account_id, "status": status}.items() if v}
    items, total = service.list_blocks(session, actor, page, filters=filters)
    return Page.of([BlockRead.model_validate(b) for b in items], total, page)


@router.get(
    "/moderation/blocks/{block_id:uuid}",
    tags=["moderation"],
    summary="Get a block",
    responses=_READ,
)
async def get_block(
    block_id: uuid.UUID, session: SessionDep, actor: Reader, response: Response
) -> BlockRead:
    block = service.get_block(session, actor, block_id)
    _tagged(response, block.version)
    return BlockRead.model_validate(block)


@router.post(
    "/moderation/blocks/{block_id:uuid}/decision",
    tags=["moderation"],
    summary="Approve or reject a block",
    responses=_DECIDE,
)
async def decide_block(
    block_id: uuid.UUID,
    body: BlockDecision,
    session: SessionDep,
    actor: Moderator,
    rules: ModerationRulesDep,
    training_rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> BlockRead:
    """A block takes effect only when a second person approves it: never the moderator who
    asked for it."""
    block = service.decide_block(
        session, actor, rules, training_rules, block_id, body, required_version(if_match)
    )
    _tagged(response, block.version)
    return BlockRead.model_validate(block)


# Appeals ----------------------------------------------------------------------------------


@public_router.post(
    "/public/appeals",
    tags=["public"],
    summary="Ask for reconsideration (public)",
    status_code=status.HTTP_201_CREATED,
    openapi_extra=PUBLIC,
    dependencies=[AppealRateLimit],
    responses=problem_responses(404, 409, 422, 429),
)
async def submit_appeal(
    body: AppealCreate, session: SessionDep, rules: ModerationRulesDep
) -> AppealReceipt:
    """A commenter whose comment was hidden or removed, or who was blocked, asks for the
    decision to be reconsidered, with the code from the notice. No credentials; a few
    requests an hour from one address."""
    return appeals.submit_appeal(session, rules, body)


@router.get("/moderation/appeals", tags=["moderation"], summary="List appeals", responses=_READ)
async def list_appeals(
    session: SessionDep,
    actor: Reader,
    page: PageDep,
    account_id: uuid.UUID | None = None,
    status: AppealStatus | None = None,
) -> Page[AppealRead]:
    filters = {k: v for k, v in {"account_id": account_id, "status": status}.items() if v}
    items, total = appeals.list_appeals(session, actor, page, filters=filters)
    return Page.of([AppealRead.model_validate(a) for a in items], total, page)


@router.get(
    "/moderation/appeals/{appeal_id:uuid}",
    tags=["moderation"],
    summary="Get an appeal",
    responses=_READ,
)
async def get_appeal(
    appeal_id: uuid.UUID, session: SessionDep, actor: Reader, response: Response
) -> AppealRead:
    appeal = appeals.get_appeal(session, actor, appeal_id)
    _tagged(response, appeal.version)
    return AppealRead.model_validate(appeal)


@router.post(
    "/moderation/appeals/{appeal_id:uuid}/decision",
    tags=["moderation"],
    summary="Decide an appeal",
    responses=_DECIDE,
)
async def decide_appeal(
    appeal_id: uuid.UUID,
    body: AppealDecision,
    session: SessionDep,
    actor: Moderator,
    rules: ModerationRulesDep,
    training_rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> AppealRead:
    """Uphold (the removal is undone: the comment restored or the author unblocked) or deny,
    with the reason. Never by the moderator who acted, nor the approver of a block."""
    appeal = appeals.decide_appeal(
        session, actor, rules, training_rules, appeal_id, body, required_version(if_match)
    )
    _tagged(response, appeal.version)
    return AppealRead.model_validate(appeal)


# Records ----------------------------------------------------------------------------------


@router.post(
    "/moderation/legal-holds",
    tags=["records"],
    summary="Place a legal hold",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(422),
)
async def place_hold(
    body: LegalHoldCreate,
    session: SessionDep,
    actor: Overseer,
    _idempotency: IdempotencyDep,
    response: Response,
) -> LegalHoldRead:
    """Keep every comment it covers (an account, an author, a period; all of them when left
    empty) past its retention until released: an access request, litigation."""
    hold = records.place_hold(session, actor, body)
    response.headers["Location"] = f"/api/v1/moderation/legal-holds/{hold.id}"
    _tagged(response, hold.version)
    return LegalHoldRead.model_validate(hold)


@router.get("/moderation/legal-holds", tags=["records"], summary="List legal holds")
async def list_holds(
    session: SessionDep,
    _: Overseer,
    page: PageDep,
    active: Annotated[bool | None, Query(description="true: not released")] = None,
) -> Page[LegalHoldRead]:
    items, total = records.list_holds(session, page, active=active)
    return Page.of([LegalHoldRead.model_validate(h) for h in items], total, page)


@router.get(
    "/moderation/legal-holds/{hold_id:uuid}",
    tags=["records"],
    summary="Get a legal hold",
    responses=_READ,
)
async def get_hold(
    hold_id: uuid.UUID, session: SessionDep, _: Overseer, response: Response
) -> LegalHoldRead:
    hold = records.get_hold(session, hold_id)
    _tagged(response, hold.version)
    return LegalHoldRead.model_validate(hold)


@router.post(
    "/moderation/legal-holds/{hold_id:uuid}/release",
    tags=["records"],
    summary="Release a legal hold",
    responses=problem_responses(404, 409, 412, 428),
)
async def release_hold(
    hold_id: uuid.UUID,
    body: LegalHoldRelease,
    session: SessionDep,
    actor: Overseer,
    response: Response,
    if_match: IfMatchHeader = None,
) -> LegalHoldRead:
    hold = records.release_hold(session, actor, hold_id, body.reason, required_version(if_match))
    _tagged(response, hold.version)
    return LegalHoldRead.model_validate(hold)


@router.get(
    "/moderation/export",
    tags=["records"],
    summary="Export moderation records",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "JSON Lines (a comment a line) or CSV (an action a row)",
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
        **problem_responses(404, 422),
    },
)
async def export_records(
    request: Request,
    session: ReadSessionDep,
    _: Auditor,
    rules: ModerationRulesDep,
    account_id: uuid.UUID | None = None,
    from_: Annotated[
        IsoDate | None, Query(alias="from", description="Posted on or after (town date)")
    ] = None,
    to: Annotated[IsoDate | None, Query(description="Posted on or before (town date)")] = None,
    format: Literal["jsonl", "csv"] = "jsonl",
) -> StreamingResponse:
    """For a public-records request: every comment posted in the period, hidden and deleted
    ones included, with every action, reason, clause and appeal."""
    since, until = records.export_period(session, rules, account_id, from_, to)
    stream = records.export_stream(
        request.app.state.database, account_id=account_id, since=since, until=until, format=format
    )
    media_type = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    name = f"moderation-records.{'csv' if format == 'csv' else 'jsonl'}"
    return StreamingResponse(
        stream,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/moderation/neutrality-report",
    tags=["records"],
    summary="Actions by reason, moderator and commenter",
    responses=problem_responses(404, 422),
)
async def neutrality_report(
    session: SessionDep,
    actor: Overseer,
    rules: ModerationRulesDep,
    account_id: uuid.UUID | None = None,
    from_: Annotated[IsoDate | None, Query(alias="from", description="Town date")] = None,
    to: Annotated[IsoDate | None, Query(description="Town date, inclusive")] = None,
) -> NeutralityReport:
    """How often each reason code was used, by each moderator and against each commenter,
    with outliers flagged, so the town can show its moderation is content-neutral."""
    return reports.neutrality(session, actor, rules, account_id=account_id, since=from_, until=to)
