"""Official accounts: requests and their approval, the lifecycle, the declared security
posture and what is wrong with it, dormancy, and the public "is this account official?"."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.accounts import grants, repository, urls
from app.accounts.access import (
    reachable_account,
    require_approver,
    require_owner,
    visible_accounts,
)
from app.accounts.errors import (
    AccountNotFound,
    AccountRequestIncomplete,
    AccountUrlInvalid,
    AccountUrlTaken,
    OwnRequest,
    UnknownReference,
)
from app.accounts.lifecycle import move, summary, view
from app.accounts.models import Account, AccountStatus, OfficialAccountKind, RevocationCause
from app.accounts.posture import (
    CHECKED_STATUSES,
    SEVERITY_ORDER,
    Finding,
    HeldGrant,
    PostureSeverity,
    findings_for,
    worst,
)
from app.accounts.schemas import (
    AccountDecision,
    AccountPosture,
    AccountRequest,
    AccountSecurity,
    AccountUpdate,
    PostureFindingRead,
    PostureReport,
    SecurityUpdate,
    SweepResult,
    Verification,
)
from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.errors import FieldError
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.core.vocabulary import GrantRole, Platform
from app.people import service as people
from app.people.errors import DepartmentNotFound
from app.people.models import PersonStatus, PersonType
from app.training import service as training
from app.training.schemas import ComplianceReport
from app.training.service import TrainingRules

# How far back the posture report looks for posts by people without a publishing grant.
UNAUTHORISED_POST_WINDOW = dt.timedelta(days=90)


# Reading ----------------------------------------------------------------------------------


def get_account(session: Session, actor: Actor, account_id: uuid.UUID) -> Account:
    return reachable_account(session, actor, account_id)


def list_accounts(
    session: Session,
    actor: Actor,
    params: PageParams,
    *,
    platform: Platform | None = None,
    status: AccountStatus | None = None,
    kind: OfficialAccountKind | None = None,
    department_id: uuid.UUID | None = None,
    emergency: bool | None = None,
    q: str | None = None,
) -> tuple[Sequence[Account], int]:
    return repository.list_accounts(
        session,
        visible=visible_accounts(actor),
        platform=platform,
        status=status,
        kind=kind,
        department_id=department_id,
        emergency=emergency,
        q=q,
        offset=params.offset,
        limit=params.page_size,
    )


def visible_account_ids(actor: Actor) -> Select[tuple[uuid.UUID]] | None:
    """A query of the ids of the accounts the actor reaches; None when that is every one."""
    return visible_accounts(actor)


def holds_grant(session: Session, account_id: uuid.UUID, person_id: uuid.UUID, role: str) -> bool:
    """Whether the person holds a grant in this role on the account now (training aside)."""
    return repository.holds_role(session, account_id, person_id, role, utcnow())


def is_approved_emergency_channel(session: Session, account_id: uuid.UUID) -> bool:
    """Whether this is an active account approved to publish emergency information."""
    return repository.is_emergency_channel(session, account_id)


# Requests and decisions -------------------------------------------------------------------


def _normalised(url: str, platform: Platform) -> urls.AccountUrl:
    try:
        return urls.normalise(url, platform)
    except urls.AccountUrlError as exc:
        raise AccountUrlInvalid(str(exc)) from exc


def _same_handle(given: str, derived: str) -> bool:
    return given.strip().lstrip("@").casefold() == derived.lstrip("@").casefold()


def _check_url_free(session: Session, url: str, account_id: uuid.UUID | None = None) -> None:
    other = repository.open_account_with_url(session, url)
    if other is not None and other.id != account_id:
        raise AccountUrlTaken(f"{url} is already registered as account {other.id}.")


def _check_department(session: Session, department_id: uuid.UUID) -> None:
    try:
        department = people.get_department(session, department_id)
    except DepartmentNotFound as exc:
        raise UnknownReference(f"No department has id {department_id}.") from exc
    if department.archived_at is not None:
        raise UnknownReference(f"Department {department.code} is archived.")


def _check_request(session: Session, data: AccountRequest) -> list[FieldError]:
    errors: list[FieldError] = []
    if not data.records_retention_acknowledged:
        errors.append(
            FieldError(
                loc=["body", "records_retention_acknowledged"],
                type="acknowledgement_required",
                msg="The department must acknowledge that it keeps the account's records.",
            )
        )
    named = list(dict.fromkeys(data.named_publisher_ids))
    if data.backup_publisher_id in named:
        errors.append(
            FieldError(
                loc=["body", "backup_publisher_id"],
                type="backup_is_publisher",
                msg="The backup must be someone other than the named publishers.",
            )
        )
    found = repository.people_by_ids(session, {*named, data.backup_publisher_id})
    for field, ids in (
        ("named_publisher_ids", named),
        ("backup_publisher_id", [data.backup_publisher_id]),
    ):
        for person_id in ids:
            person = found.get(person_id)
            problem = (
                "is not a known person"
                if person is None
                else "has departed"
                if person.status == PersonStatus.DEPARTED
                else "is a contracting firm, not a person the policy covers"
                if person.person_type == PersonType.CONTRACTING_FIRM
                else None
            )
            if problem:
                errors.append(
                    FieldError(
                        loc=["body", field], type="person_unsuitable", msg=f"{person_id} {problem}."
                    )
                )
    return errors


def request_account(session: Session, actor: Actor, data: AccountRequest) -> Account:
    """Record a department's request. It waits for an approver's decision."""
    parsed = _normalised(data.url, data.platform)
    if data.handle is not None and not _same_handle(data.handle, parsed.handle):
        raise AccountUrlInvalid(
            f"The handle {data.handle!r} does not match the URL, whose handle is {parsed.handle!r}."
        )
    _check_department(session, data.department_id)
    errors = _check_request(session, data)
    if errors:
        raise AccountRequestIncomplete(
            "The request does not meet the policy's criteria; see errors.", errors=errors
        )
    _check_url_free(session, parsed.url)
    now = utcnow()
    fields = data.model_dump(exclude={"url", "handle", "named_publisher_ids"})
    account = Account(
        id=uuid.uuid4(),
        **fields,
        url=parsed.url,
        handle=parsed.handle,
        named_publisher_ids=[str(p) for p in dict.fromkeys(data.named_publisher_ids)],
        status=AccountStatus.REQUESTED,
        status_changed_at=now,
        requested_by=actor.name,
        requested_by_actor_id=actor.id,
        requested_by_person_id=actor.person_id,
        requested_at=now,
    )
    repository.add(session, account)
    audit.record(session, actor, "account.requested", "account", account.id, after=view(account))
    return account


def _for_change(
    session: Session, actor: Actor, account_id: uuid.UUID, expected_version: int
) -> Account:
    """The account, locked for the change, at the version the client last read."""
    account = reachable_account(session, actor, account_id, lock=True)
    check_version(account.version, expected_version)
    return account


def decide(
    session: Session,
    actor: Actor,
    account_id: uuid.UUID,
    data: AccountDecision,
    *,
    approve: bool,
    expected_version: int,
) -> Account:
    """An approver's decision on a request. Nobody decides their own request."""
    account = _for_change(session, actor, account_id, expected_version)
    require_approver(actor, "approve or reject account requests")
    if actor.id == account.requested_by_actor_id or (
        actor.person_id is not None and actor.person_id == account.requested_by_person_id
    ):
        raise OwnRequest("Another approver must decide on a request you made.")
    if approve and account.status == AccountStatus.REQUESTED:
        _check_url_free(session, account.url, account.id)
    to = AccountStatus.APPROVED if approve else AccountStatus.REJECTED
    return move(
        session,
        actor,
        account,
        to,
        data.reason,
        f"account.{to.value}",
        decided_by=actor.name,
        decided_by_person_id=actor.person_id,
        decided_at=utcnow(),
        decision_reason=data.reason,
        approved_emergency_channel=approve and data.approved_emergency_channel,
    )


def activate(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    account_id: uuid.UUID,
    reason: str,
    expected_version: int,
) -> Account:
    """Approved and now live on the platform, or a dormant account put back to use."""
    account = _for_change(session, actor, account_id, expected_version)
    require_owner(session, actor, rules, account)
    action = (
        "account.reactivated" if account.status == AccountStatus.DORMANT else "account.activated"
    )
    return move(session, actor, account, AccountStatus.ACTIVE, reason, action)


def decommission(
    session: Session,
    actor: Actor,
    account_id: uuid.UUID,
    reason: str,
    expected_version: int,
) -> Account:
    """Close the account for good. Every grant on it is revoked with it."""
    account = _for_change(session, actor, account_id, expected_version)
    require_approver(actor, "decommission an account")
    move(session, actor, account, AccountStatus.DECOMMISSIONED, reason, "account.decommissioned")
    for grant in repository.unrevoked_grants_of_account(session, account.id):
        grants.revoke(
            session, actor, grant, RevocationCause.MANUAL, f"Account decommissioned: {reason}"
        )
    return account


# Changes ----------------------------------------------------------------------------------


def update_account(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    account_id: uuid.UUID,
    expected_version: int,
    data: AccountUpdate,
) -> Account:
    account = _for_change(session, actor, account_id, expected_version)
    require_owner(session, actor, rules, account)
    changes = data.changes()
    if "approved_emergency_channel" in changes or "kind" in changes:
        require_approver(actor, "change an account's kind or emergency approval")
    if "url" in changes:
        parsed = _normalised(changes.pop("url"), account.platform)
        _check_url_free(session, parsed.url, account.id)
        changes["url"], changes["handle"] = parsed.url, parsed.handle
    if "department_id" in changes:
        _check_department(session, changes["department_id"])
    before = view(account)
    for field, value in changes.items():
        setattr(account, field, value)
    session.flush()
    audit.record(
        session, actor, "account.updated", "account", account.id, before=before, after=view(account)
    )
    return account


def update_security(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    account_id: uuid.UUID,
    expected_version: int,
    data: SecurityUpdate,
) -> Account:
    account = _for_change(session, actor, account_id, expected_version)
    require_owner(session, actor, rules, account)
    changes = data.changes()
    rotated = changes.get("last_rotated_at")
    if rotated is not None and rotated > utcnow() + dt.timedelta(minutes=5):
        raise AccountRequestIncomplete(
            "last_rotated_at is in the future.",
            errors=[
                FieldError(
                    loc=["body", "last_rotated_at"], type="future", msg="Give when it happened."
                )
            ],
        )
    before = view(account)
    for field, value in changes.items():
        setattr(account, field, value)
    session.flush()
    audit.record(
        session,
        actor,
        "account.security_updated",
        "account",
        account.id,
        before=before,
        after=view(account),
    )
    return account


# Posture ----------------------------------------------------------------------------------


def _held(
    session: Session, rules: TrainingRules, account_ids: Sequence[uuid.UUID] | None
) -> dict[uuid.UUID, list[HeldGrant]]:
    rows = repository.grants_with_holders(session, account_ids)
    allowed = grants.eligible_holders(
        session, rules, [g for g, status, _ in rows if g.revoked_at is None and status == "active"]
    )
    held: dict[uuid.UUID, list[HeldGrant]] = defaultdict(list)
    for grant, status, departed_on in rows:
        eligible = (grant.person_id, grant.role) in allowed
        held[grant.account_id].append(HeldGrant(grant, status, departed_on, eligible))
    return held


def _posture(account: Account, findings: list[Finding], now: dt.datetime) -> AccountPosture:
    return AccountPosture(
        account=summary(account),
        security=AccountSecurity.model_validate(account),
        findings=[
            PostureFindingRead(
                code=f.code, severity=f.severity.value, message=f.message, person_ids=f.person_ids
            )
            for f in findings
        ],
        worst_severity=(w.value if (w := worst(findings)) else None),
        checked_at=now,
    )


def account_posture(
    session: Session, actor: Actor, rules: TrainingRules, account_id: uuid.UUID
) -> AccountPosture:
    account = reachable_account(session, actor, account_id)
    now = utcnow()
    held = _held(session, rules, [account.id])
    unauthorised = repository.unauthorised_post_counts(
        session, [account.id], now - UNAUTHORISED_POST_WINDOW
    )
    findings = findings_for(
        account, held[account.id], unauthorised_posts=unauthorised.get(account.id, 0), now=now
    )
    return _posture(account, findings, now)


def posture_report(
    session: Session,
    rules: TrainingRules,
    params: PageParams,
    *,
    min_severity: PostureSeverity = PostureSeverity.LOW,
    department_id: uuid.UUID | None = None,
) -> PostureReport:
    """Every open account's findings, worst accounts first. The counts cover all accounts."""
    now = utcnow()
    accounts = [
        a
        for a in repository.accounts_with_status(session, CHECKED_STATUSES)
        if department_id is None or a.department_id == department_id
    ]
    ids = [a.id for a in accounts]
    held = _held(session, rules, ids)
    unauthorised = repository.unauthorised_post_counts(session, ids, now - UNAUTHORISED_POST_WINDOW)
    by_severity: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    listed: list[tuple[int, AccountPosture]] = []
    limit = SEVERITY_ORDER[min_severity]
    for account in accounts:
        findings = findings_for(
            account, held[account.id], unauthorised_posts=unauthorised.get(account.id, 0), now=now
        )
        by_severity.update(f.severity.value for f in findings)
        by_code.update(f.code for f in findings)
        shown = [f for f in findings if SEVERITY_ORDER[f.severity] <= limit]
        if shown:
            listed.append((SEVERITY_ORDER[shown[0].severity], _posture(account, shown, now)))
    listed.sort(key=lambda item: (item[0], -len(item[1].findings), item[1].account.display_name))
    page = [posture for _, posture in listed[params.offset : params.offset + params.page_size]]
    return PostureReport(
        checked_at=now,
        accounts_checked=len(accounts),
        by_severity={s.value: by_severity[s.value] for s in PostureSeverity},
        by_code=dict(sorted(by_code.items())),
        items=page,
        total=len(listed),
        page=params.page,
        page_size=params.page_size,
    )


# Dormancy ---------------------------------------------------------------------------------


def sweep_dormant(session: Session, actor: Actor, inactive_days: int) -> SweepResult:
    """Mark dormant every active account with no post recorded for ``inactive_days``."""
    now = utcnow()
    cutoff = now - dt.timedelta(days=inactive_days)
    marked = []
    for account in repository.inactive_since(session, cutoff):
        since = (account.last_activity_at or account.status_changed_at).date().isoformat()
        reason = f"No post recorded since {since} ({inactive_days}-day dormancy period)."
        move(session, actor, account, AccountStatus.DORMANT, reason, "account.dormant")
        marked.append(summary(account))
    return SweepResult(swept_at=now, inactive_days=inactive_days, marked_dormant=marked)


# Public verification ----------------------------------------------------------------------


def verify(session: Session, url: str) -> Verification:
    """Whether a URL is one of the town's accounts. Requests, rejections and accounts not yet
    live are not disclosed: they answer as unknown."""
    try:
        parsed = urls.normalise(url)
    except urls.AccountUrlError as exc:
        raise AccountUrlInvalid(str(exc)) from exc
    account = repository.account_with_url(session, parsed.url)
    if account is None and parsed.platform == Platform.OTHER:
        # Mastodon servers are anyone's hosts: an address that reads as a Mastodon account
        # is looked up as one too.
        try:
            fediverse = urls.normalise(url, Platform.MASTODON)
        except urls.AccountUrlError:
            pass
        else:
            account = repository.account_with_url(session, fediverse.url)
            parsed = fediverse if account is not None else parsed
    if account is None or account.status in (
        AccountStatus.REQUESTED,
        AccountStatus.REJECTED,
        AccountStatus.APPROVED,
    ):
        return Verification(
            url=parsed.url,
            platform=parsed.platform,
            official=False,
            status="unknown",
            message="This is not one of the town's official accounts. If it claims to be, "
            "please tell the town.",
        )
    department = repository.department_names(session, [account.department_id]).get(
        account.department_id
    )
    if account.status == AccountStatus.DECOMMISSIONED:
        return Verification(
            url=parsed.url,
            platform=account.platform,
            official=False,
            status="retired",
            handle=account.handle,
            display_name=account.display_name,
            department=department,
            message="This was an official account of the town and is no longer in use; "
            "anything posted there now is not from the town.",
        )
    return Verification(
        url=parsed.url,
        platform=account.platform,
        official=True,
        status=str(account.status),
        handle=account.handle,
        display_name=account.display_name,
        department=department,
        message="This is an official account of the town."
        + (" It is not in regular use." if account.status == AccountStatus.DORMANT else ""),
    )


def get_account_for_system(session: Session, account_id: uuid.UUID) -> Account:
    """An account by id, for the service's own use (no actor scope)."""
    account = repository.get_account(session, account_id)
    if account is None:
        raise AccountNotFound(f"No account has id {account_id}.")
    return account


# Training compliance ----------------------------------------------------------------------


def compliance(
    session: Session, rules: TrainingRules, role: GrantRole, group_by: str
) -> ComplianceReport:
    """Training compliance of the people holding ``role`` on the town's accounts, by account
    or by their department (a person appears once per group)."""
    members: dict[tuple[uuid.UUID, uuid.UUID], training.Member] = {}
    for (
        account_id,
        account_name,
        person_id,
        name,
        department_id,
        department,
    ) in repository.role_holders(session, role, utcnow()):
        if group_by == "account":
            group_id, group_name = account_id, account_name
        elif department_id is not None and department is not None:
            group_id, group_name = department_id, department
        else:
            continue
        members.setdefault(
            (group_id, person_id), training.Member(group_id, group_name, person_id, name)
        )
    ordered = sorted(members.values(), key=lambda m: (m.group_name, m.person_name))
    return training.compliance(session, rules, role, group_by, ordered)
