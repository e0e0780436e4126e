"""The town's published list of reasons for moderating, and the clause each one enforces in
the version of the policy in force on the day it is used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.moderation import repository
from app.moderation.errors import (
    ReasonCodeClauseNotInForce,
    ReasonCodeExists,
    ReasonCodeNotForAction,
    ReasonCodeNotFound,
    ReasonCodeUnknown,
)
from app.moderation.models import ActionKind, ReasonCode
from app.moderation.rules import ModerationRules
from app.moderation.schemas import (
    EnforcedClause,
    ReasonCodeCreate,
    ReasonCodeRead,
    ReasonCodeUpdate,
)
from app.policies import lookup as policy_lookup
from app.policies import service as policy_service
from app.policies.errors import NoVersionInForce


def cite(session: Session, rules: ModerationRules, ref: str, on: dt.date) -> EnforcedClause | None:
    """The clause ``ref`` of the moderation policy's version in force on ``on``; None when
    there is no such policy, version or clause."""
    policy = policy_service.find_policy_by_code(session, rules.policy_code)
    if policy is None:
        return None
    try:
        version = policy_service.version_in_force(session, policy.id, on)
    except NoVersionInForce:
        return None
    title = policy_lookup.clause_titles(session, version.id, [ref]).get(ref)
    if title is None:
        return None
    return EnforcedClause(
        policy_id=policy.id,
        version_id=version.id,
        version_label=version.label,
        ref=ref,
        title=title,
    )


def _read(session: Session, rules: ModerationRules, code: ReasonCode) -> ReasonCodeRead:
    return ReasonCodeRead(
        code=code.code,
        label=code.label,
        description=code.description,
        clause_ref=code.clause_ref,
        clause=cite(session, rules, code.clause_ref, rules.town_date()),
        actions=[ActionKind(a) for a in code.actions],
        retired_at=code.retired_at,
        version=code.version,
        created_at=code.created_at,
        updated_at=code.updated_at,
    )


def _view(code: ReasonCode) -> dict[str, Any]:
    return {
        "code": code.code,
        "label": code.label,
        "description": code.description,
        "clause_ref": code.clause_ref,
        "actions": list(code.actions),
        "retired_at": code.retired_at.isoformat() if code.retired_at else None,
    }


def _get(session: Session, code: str, *, lock: bool = False) -> ReasonCode:
    found = repository.get_reason_code(session, code, lock=lock)
    if found is None:
        raise ReasonCodeNotFound(f"No reason code {code!r} is on the list.")
    return found


def read_reason_code(session: Session, rules: ModerationRules, code: str) -> ReasonCodeRead:
    return _read(session, rules, _get(session, code))


def list_reason_codes(
    session: Session, rules: ModerationRules, params: PageParams, *, include_retired: bool
) -> tuple[list[ReasonCodeRead], int]:
    items, total = repository.list_reason_codes(
        session, include_retired=include_retired, offset=params.offset, limit=params.page_size
    )
    return [_read(session, rules, code) for code in items], total


def _check_cited(session: Session, rules: ModerationRules, ref: str) -> None:
    if cite(session, rules, ref, rules.town_date()) is None:
        raise ReasonCodeClauseNotInForce(
            f"The version of policy {rules.policy_code!r} in force today has no clause {ref}.",
            ref=ref,
        )


def create_reason_code(
    session: Session, actor: Actor, rules: ModerationRules, data: ReasonCodeCreate
) -> ReasonCodeRead:
    """Add a reason to the published list; it must cite a clause of the policy in force."""
    if repository.get_reason_code(session, data.code) is not None:
        raise ReasonCodeExists(f"Reason code {data.code!r} exists.")
    ref = data.clause_ref  # canonical (the schema normalises it)
    _check_cited(session, rules, ref)
    code = ReasonCode(
        code=data.code,
        label=data.label,
        description=data.description,
        clause_ref=ref,
        actions=[a.value for a in data.actions],
    )
    repository.add(session, code)
    audit.record(session, actor, "reason_code.created", "reason_code", code.code, after=_view(code))
    return _read(session, rules, code)


def update_reason_code(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    code_value: str,
    data: ReasonCodeUpdate,
    expected_version: int,
) -> ReasonCodeRead:
    """Revise an entry: its wording, clause (after a policy revision) or retirement. Actions
    already taken keep the citation they were taken under."""
    code = _get(session, code_value, lock=True)
    check_version(code.version, expected_version)
    before = _view(code)
    changes = data.changes()
    if "clause_ref" in changes:
        _check_cited(session, rules, changes["clause_ref"])
    if "actions" in changes:
        changes["actions"] = [ActionKind(a).value for a in changes["actions"]]
    if "retired" in changes:
        retired = changes.pop("retired")
        if retired and code.retired_at is None:
            code.retired_at = utcnow()
        elif not retired:
            code.retired_at = None
    for name, value in changes.items():
        setattr(code, name, value)
    session.flush()
    audit.record(
        session, actor, "reason_code.updated", "reason_code", code.code, before=before,
        after=_view(code),
    )  # fmt: skip
    return _read(session, rules, code)


def usable_reason(
    session: Session, rules: ModerationRules, code_value: str, action: ActionKind, on: dt.date
) -> tuple[ReasonCode, EnforcedClause]:
    """The reason code for this action and the clause it cites today, or the problem."""
    code = repository.get_reason_code(session, code_value)
    if code is None or code.retired_at is not None:
        raise ReasonCodeUnknown(
            f"{code_value!r} is not on the published list of reason codes "
            "(GET /api/v1/moderation/reason-codes).",
            reason_code=code_value,
        )
    if action.value not in code.actions:
        raise ReasonCodeNotForAction(
            f"Reason code {code.code!r} justifies {', '.join(code.actions)}, not {action}.",
            reason_code=code.code,
        )
    citation = cite(session, rules, code.clause_ref, on)
    if citation is None:
        raise ReasonCodeClauseNotInForce(
            f"Reason code {code.code!r} cites clause {code.clause_ref}, which the policy in "
            "force does not have: the list must be revised before it is used.",
            reason_code=code.code,
        )
    return code, citation


def all_codes(session: Session) -> Sequence[ReasonCode]:
    items, _ = repository.list_reason_codes(session, include_retired=True, offset=0, limit=10_000)
    return items
