from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import Body, Query, Request, Response, status

from app.accounts import grants, posts, reconciliation, service
from app.accounts.lifecycle import account_read
from app.accounts.models import Account, AccountStatus, OfficialAccountKind
from app.accounts.posture import PostureSeverity
from app.accounts.schemas import (
    AccountDecision,
    AccountPosture,
    AccountRead,
    AccountRequest,
    AccountUpdate,
    GrantCreate,
    GrantRead,
    GrantRevoke,
    Offboarding,
    OffboardingResult,
    PostCreate,
    PostRead,
    PostureReport,
    ReconciliationCreate,
    ReconciliationRead,
    SecurityUpdate,
    SuspensionSweepResult,
    SweepRequest,
    SweepResult,
    Transition,
    Verification,
)
from app.auth.dependencies import authorized
from app.core.actor import Actor, Role
from app.core.db import ReadSessionDep, SessionDep, utcnow
from app.core.errors import problem_responses
from app.core.etag import IfMatchHeader, etag_for, required_version
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import PUBLIC, DomainRouter
from app.core.schemas import IsoDateTime
from app.core.vocabulary import GrantRole, Platform
from app.training import service as training
from app.training.dependencies import TrainingRulesDep
from app.training.schemas import ComplianceReport

router = DomainRouter(
    serves=("/accounts", "/posts", "/reconciliations", "/people", "/training/compliance")
)
public_router = DomainRouter(serves=("/public/accounts",))

# Who may call what; which accounts they reach is the service's business (app.accounts.access).
Reader = Annotated[Actor, authorized(*Role)]
Manager = Annotated[Actor, authorized(Role.APPROVER, Role.STAFF, Role.MODERATOR)]
Approver = Annotated[Actor, authorized(Role.APPROVER)]
Overseer = Annotated[Actor, authorized(Role.APPROVER, Role.AUDITOR)]
Recorder = Annotated[Actor, authorized(Role.INTEGRATION)]
HumanResources = Annotated[Actor, authorized(Role.INTEGRATION)]
Admin = Annotated[Actor, authorized(Role.ADMIN)]

_READ = problem_responses(404)
_CHANGE = problem_responses(403, 404, 409, 412, 422, 428)
_MOVE = problem_responses(403, 404, 409, 412, 422, 428)


def _account(response: Response, account: Account) -> AccountRead:
    read = account_read(account)
    response.headers["ETag"] = etag_for(read.version)
    return read


# Accounts ---------------------------------------------------------------------------------


@router.get("/accounts", tags=["accounts"], summary="List accounts")
async def list_accounts(
    session: SessionDep,
    actor: Reader,
    page: PageDep,
    platform: Platform | None = None,
    status: AccountStatus | None = None,
    kind: OfficialAccountKind | None = None,
    department_id: uuid.UUID | None = None,
    emergency: Annotated[
        bool | None, Query(description="Only accounts approved (or not) for emergencies")
    ] = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of a name or handle")] = None,
) -> Page[AccountRead]:
    """The accounts the caller reaches (moderators and staff: those they hold a grant on or
    asked for), by display name."""
    items, total = service.list_accounts(
        session,
        actor,
        page,
        platform=platform,
        status=status,
        kind=kind,
        department_id=department_id,
        emergency=emergency,
        q=q,
    )
    return Page.of([account_read(a) for a in items], total, page)


@router.post(
    "/accounts",
    tags=["accounts"],
    summary="Request an account",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409, 422),
)
async def request_account(
    body: AccountRequest,
    session: SessionDep,
    actor: Manager,
    _idempotency: IdempotencyDep,
    response: Response,
) -> AccountRead:
    """Ask for a new official account, with what the policy asks: business need, audience,
    content plan, named publishers and a backup, moderation plan and the records-retention
    acknowledgement. It waits, as `requested`, for an approver."""
    account = service.request_account(session, actor, body)
    response.headers["Location"] = f"/api/v1/accounts/{account.id}"
    return _account(response, account)


@router.get("/accounts/posture-report", tags=["accounts"], summary="City-wide posture report")
async def posture_report(
    session: SessionDep,
    _: Overseer,
    rules: TrainingRulesDep,
    page: PageDep,
    min_severity: Annotated[
        PostureSeverity, Query(description="List accounts with findings at least this severe")
    ] = PostureSeverity.LOW,
    department_id: uuid.UUID | None = None,
) -> PostureReport:
    """Every approved, active or dormant account's security findings, worst first, with
    counts per severity and per finding over all of them."""
    return service.posture_report(
        session, rules, page, min_severity=min_severity, department_id=department_id
    )


@router.post("/accounts/dormancy-sweep", tags=["accounts"], summary="Mark idle accounts dormant")
async def sweep_dormant(
    request: Request,
    session: SessionDep,
    actor: Admin,
    body: Annotated[SweepRequest | None, Body()] = None,
) -> SweepResult:
    """Mark dormant every active account with no post recorded for the dormancy period
    (settings: 90 days unless configured), and list them. `civic-social sweep` does the same."""
    days = (body.inactive_days if body else None) or (
        request.app.state.settings.accounts.dormancy_days
    )
    return service.sweep_dormant(session, actor, days)


@router.post(
    "/accounts/suspension-sweep", tags=["grants"], summary="Record suspended and reinstated grants"
)
async def sweep_suspensions(
    session: SessionDep, actor: Admin, rules: TrainingRulesDep
) -> SuspensionSweepResult:
    """A grant's status reads `suspended` at once when its holder's training or policy
    acknowledgement lapses; this records it (and audits it), reinstates grants whose holder
    is eligible again, and lists both. `civic-social sweep` does the same."""
    suspended, reinstated = grants.sweep_suspensions(session, actor, rules)
    return SuspensionSweepResult(swept_at=utcnow(), suspended=suspended, reinstated=reinstated)


@router.get(
    "/accounts/{account_id:uuid}", tags=["accounts"], summary="Get an account", responses=_READ
)
async def get_account(
    account_id: uuid.UUID, session: SessionDep, actor: Reader, response: Response
) -> AccountRead:
    """One account, with the ETag to send as If-Match when changing it."""
    return _account(response, service.get_account(session, actor, account_id))


@router.patch(
    "/accounts/{account_id:uuid}",
    tags=["accounts"],
    summary="Update an account",
    responses=_CHANGE,
)
async def update_account(
    account_id: uuid.UUID,
    body: AccountUpdate,
    session: SessionDep,
    actor: Manager,
    rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> AccountRead:
    """Change an account's description (its owners, approvers, administrators). The kind and
    the emergency approval are for approvers. Needs If-Match."""
    account = service.update_account(
        session, actor, rules, account_id, required_version(if_match), body
    )
    return _account(response, account)


@router.patch(
    "/accounts/{account_id:uuid}/security",
    tags=["accounts"],
    summary="Describe an account's security",
    responses=_CHANGE,
)
async def update_security(
    account_id: uuid.UUID,
    body: SecurityUpdate,
    session: SessionDep,
    actor: Manager,
    rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> AccountRead:
    """MFA, recovery contact, vault reference, shared login, last rotation. Never a password,
    token or recovery code: a body that names or carries one is refused. Needs If-Match."""
    account = service.update_security(
        session, actor, rules, account_id, required_version(if_match), body
    )
    return _account(response, account)


@router.get(
    "/accounts/{account_id:uuid}/posture",
    tags=["accounts"],
    summary="Get an account's security posture",
    responses=_READ,
)
async def account_posture(
    account_id: uuid.UUID, session: SessionDep, actor: Reader, rules: TrainingRulesDep
) -> AccountPosture:
    """What is wrong with the account's security, worst first: no owner, too few publishers,
    shared login, MFA off, personal recovery contact, access held by people who left,
    credentials not changed since someone left, dormancy, posts by people without a grant,
    moderators whose training lapsed, an emergency channel without a trained moderator."""
    return service.account_posture(session, actor, rules, account_id)


@router.post(
    "/accounts/{account_id:uuid}/approve",
    tags=["accounts"],
    summary="Approve a request",
    responses=_MOVE,
)
async def approve_account(
    account_id: uuid.UUID,
    body: AccountDecision,
    session: SessionDep,
    actor: Approver,
    response: Response,
    if_match: IfMatchHeader = None,
) -> AccountRead:
    """The CAO's (or a designate's) approval of the request as they read it (If-Match), with
    the reason. Nobody approves their own request (403)."""
    account = service.decide(
        session, actor, account_id, body, approve=True, expected_version=required_version(if_match)
    )
    return _account(response, account)


@router.post(
    "/accounts/{account_id:uuid}/reject",
    tags=["accounts"],
    summary="Reject a request",
    responses=_MOVE,
)
async def reject_account(
    account_id: uuid.UUID,
    body: Transition,
    session: SessionDep,
    actor: Approver,
    response: Response,
    if_match: IfMatchHeader = None,
) -> AccountRead:
    """Refuse a request, with the reason. Nobody rejects their own request (403)."""
    account = service.decide(
        session,
        actor,
        account_id,
        AccountDecision(reason=body.reason),
        approve=False,
        expected_version=required_version(if_match),
    )
    return _account(response, account)


@router.post(
    "/accounts/{account_id:uuid}/activate",
    tags=["accounts"],
    summary="Put an account in use",
    responses=_MOVE,
)
async def activate_account(
    account_id: uuid.UUID,
    body: Transition,
    session: SessionDep,
    actor: Manager,
    rules: TrainingRulesDep,
    response: Response,
    if_match: IfMatchHeader = None,
) -> AccountRead:
    """An approved account now live on the platform, or a dormant one back in use."""
    account = service.activate(
        session, actor, rules, account_id, body.reason, required_version(if_match)
    )
    return _account(response, account)


@router.post(
    "/accounts/{account_id:uuid}/decommission",
    tags=["accounts"],
    summary="Decommission an account",
    responses=_MOVE,
)
async def decommission_account(
    account_id: uuid.UUID,
    body: Transition,
    session: SessionDep,
    actor: Approver,
    response: Response,
    if_match: IfMatchHeader = None,
) -> AccountRead:
    """Close the account for good; every grant on it is revoked. The record stays."""
    account = service.decommission(
        session, actor, account_id, body.reason, required_version(if_match)
    )
    return _account(response, account)


# Grants -----------------------------------------------------------------------------------


@router.get(
    "/accounts/{account_id:uuid}/grants",
    tags=["grants"],
    summary="List an account's grants",
    responses=_READ,
)
async def list_grants(
    account_id: uuid.UUID,
    session: SessionDep,
    actor: Reader,
    rules: TrainingRulesDep,
    page: PageDep,
    person_id: uuid.UUID | None = None,
    include_revoked: bool = False,
) -> Page[GrantRead]:
    """Who holds which role on the account, each grant with its effective `status` now
    (pending, active, suspended, expired, revoked, holder_departed)."""
    items, total = grants.list_grants(
        session,
        actor,
        rules,
        account_id,
        page,
        person_id=person_id,
        include_revoked=include_revoked,
    )
    return Page.of(items, total, page)


@router.post(
    "/accounts/{account_id:uuid}/grants",
    tags=["grants"],
    summary="Grant access",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 404, 409, 422),
)
async def create_grant(
    account_id: uuid.UUID,
    body: GrantCreate,
    session: SessionDep,
    actor: Manager,
    rules: TrainingRulesDep,
    _idempotency: IdempotencyDep,
    response: Response,
) -> GrantRead:
    """Give a named person a role on the account. Owners, publishers and moderators must be
    trained and have acknowledged the policy in force (422 `grant-holder-not-eligible`, with
    the gaps). Contractors and volunteers need an expiry; departed people and contracting
    firms get none; an overlapping grant is a 409."""
    grant = grants.create_grant(session, actor, rules, account_id, body)
    response.headers["Location"] = f"/api/v1/accounts/{account_id}/grants/{grant.id}"
    return grant


@router.get(
    "/accounts/{account_id:uuid}/grants/{grant_id}",
    tags=["grants"],
    summary="Get a grant",
    responses=_READ,
)
async def get_grant(
    account_id: uuid.UUID,
    grant_id: uuid.UUID,
    session: SessionDep,
    actor: Reader,
    rules: TrainingRulesDep,
) -> GrantRead:
    return grants.get_grant(session, actor, rules, account_id, grant_id)


@router.post(
    "/accounts/{account_id:uuid}/grants/{grant_id}/revoke",
    tags=["grants"],
    summary="Revoke a grant",
    responses=problem_responses(403, 404, 409),
)
async def revoke_grant(
    account_id: uuid.UUID,
    grant_id: uuid.UUID,
    body: GrantRevoke,
    session: SessionDep,
    actor: Manager,
    rules: TrainingRulesDep,
) -> GrantRead:
    """End a grant now, with the reason."""
    return grants.revoke_grant(session, actor, rules, account_id, grant_id, body.reason)


# Posts ------------------------------------------------------------------------------------


@router.post(
    "/accounts/{account_id:uuid}/posts",
    tags=["posts"],
    summary="Record a post",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 409, 422),
)
async def record_post(
    account_id: uuid.UUID,
    body: PostCreate,
    session: SessionDep,
    actor: Recorder,
    rules: TrainingRulesDep,
    _idempotency: IdempotencyDep,
    response: Response,
) -> PostRead:
    """A city system records who published a post on the account. Posts by people without a
    publishing grant are kept and marked `authorised: false`."""
    post = posts.record_post(session, actor, rules, account_id, body)
    response.headers["Location"] = f"/api/v1/posts?account_id={account_id}"
    return PostRead.model_validate(post)


@router.get(
    "/accounts/{account_id:uuid}/posts",
    tags=["posts"],
    summary="List an account's posts",
    responses=_READ,
)
async def list_account_posts(
    account_id: uuid.UUID,
    session: ReadSessionDep,
    actor: Reader,
    page: PageDep,
    person_id: uuid.UUID | None = None,
    since: IsoDateTime | None = None,
    until: IsoDateTime | None = None,
) -> Page[PostRead]:
    """The account's posts, newest first."""
    items, total = posts.list_posts(
        session, actor, page, account_id=account_id, person_id=person_id, since=since, until=until
    )
    return Page.of([PostRead.model_validate(p) for p in items], total, page)


@router.get("/posts", tags=["posts"], summary="Find posts", responses=_READ)
async def list_posts(
    session: ReadSessionDep,
    actor: Reader,
    page: PageDep,
    account_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    since: IsoDateTime | None = None,
    until: IsoDateTime | None = None,
) -> Page[PostRead]:
    """Posts by account, person and period (since inclusive, until exclusive), newest first,
    within the accounts the caller reaches."""
    items, total = posts.list_posts(
        session, actor, page, account_id=account_id, person_id=person_id, since=since, until=until
    )
    return Page.of([PostRead.model_validate(p) for p in items], total, page)


# Offboarding and reconciliation -----------------------------------------------------------


@router.post(
    "/people/{person_id}/offboarding",
    tags=["people"],
    summary="Offboard a person",
    responses=problem_responses(404, 422),
)
async def offboard(
    person_id: uuid.UUID, body: Offboarding, session: SessionDep, actor: HumanResources
) -> OffboardingResult:
    """Mark the person departed, revoke every grant and API key of theirs, and list the
    accounts whose credentials must now be changed. Safe to repeat."""
    return grants.offboard(session, actor, person_id, body.reason, body.departed_on)


@router.post(
    "/reconciliations",
    tags=["reconciliations"],
    summary="Reconcile with the HR roster",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(422),
)
async def reconcile(
    body: ReconciliationCreate,
    session: SessionDep,
    actor: HumanResources,
    _idempotency: IdempotencyDep,
    response: Response,
) -> ReconciliationRead:
    """Compare the HR system's list of active people with the registry: grants held by
    people not on it, contracts past their end, people the registry does not know. With
    `apply`, people are offboarded and grants cut to the contract's end at once."""
    result = reconciliation.reconcile(session, actor, body)
    response.headers["Location"] = f"/api/v1/reconciliations/{result.id}"
    return reconciliation.read(result)


@router.get("/reconciliations", tags=["reconciliations"], summary="List reconciliations")
async def list_reconciliations(
    session: SessionDep, _: Overseer, page: PageDep
) -> Page[ReconciliationRead]:
    items, total = reconciliation.list_reconciliations(session, page)
    return Page.of([reconciliation.read(r) for r in items], total, page)


@router.get(
    "/reconciliations/{reconciliation_id}",
    tags=["reconciliations"],
    summary="Get a reconciliation",
    responses=_READ,
)
async def get_reconciliation(
    reconciliation_id: uuid.UUID, session: SessionDep, _: Overseer
) -> ReconciliationRead:
    return reconciliation.read(reconciliation.get(session, reconciliation_id))


@router.post(
    "/reconciliations/{reconciliation_id}/apply",
    tags=["reconciliations"],
    summary="Apply a reconciliation",
    responses=problem_responses(404, 409),
)
async def apply_reconciliation(
    reconciliation_id: uuid.UUID, session: SessionDep, actor: HumanResources
) -> ReconciliationRead:
    """Act on the findings of a reconciliation made without `apply`."""
    return reconciliation.read(reconciliation.apply(session, actor, reconciliation_id))


# Public -----------------------------------------------------------------------------------


@public_router.get(
    "/public/accounts/verify",
    tags=["public"],
    summary="Is this an official account? (public)",
    openapi_extra=PUBLIC,
    responses=problem_responses(422),
)
async def verify_account(
    session: ReadSessionDep,
    url: Annotated[
        str,
        Query(
            min_length=1,
            max_length=2048,
            description="The account's address as seen in a browser",
            examples=["https://www.facebook.com/AlderBayTown"],
        ),
    ],
) -> Verification:
    """Whether an address is one of the town's official accounts, without credentials:
    residents and journalists check here before trusting an account that claims to be the
    town's."""
    return service.verify(session, url)


# Training compliance ----------------------------------------------------------------------


@router.get(
    "/training/compliance",
    tags=["training"],
    summary="Training compliance by department or account",
    response_model=ComplianceReport,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def training_compliance(
    session: ReadSessionDep,
    _: Overseer,
    rules: TrainingRulesDep,
    role: GrantRole = GrantRole.MODERATOR,
    group_by: Annotated[Literal["department", "account"], Query()] = "department",
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Any:
    """For the people holding the role on the town's accounts: who is trained, who is not
    and why, and whose eligibility ends within 30, 60 or 90 days. `format=csv` for a
    spreadsheet."""
    report = service.compliance(session, rules, role, group_by)
    if format == "csv":
        return Response(
            training.compliance_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="compliance-{role}.csv"'},
        )
    return report
