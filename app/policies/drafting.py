"""Editing the clauses of a draft, one at a time. Adopted versions never change
(service.require_draft); a revision is a new draft."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.etag import check_version
from app.policies import repository
from app.policies.errors import (
    ClauseHasChildren,
    ClauseNotFound,
    ClauseRefTaken,
    ClausesInvalid,
    CoverageRulesInvalid,
)
from app.policies.models import Clause, PolicyVersion
from app.policies.schemas import ClauseCreate, ClauseRead, ClauseUpdate
from app.policies.service import get_version, require_draft
from app.policies.vocabulary import ClauseKind, normalize_ref


def clause_read(clause: Clause, version: PolicyVersion) -> ClauseRead:
    return ClauseRead.model_validate(
        {
            **{c.key: getattr(clause, c.key) for c in Clause.__table__.columns},
            "policy_id": version.policy_id,
            "version_label": version.label,
        }
    )


def _view(clause: Clause, version: PolicyVersion) -> dict[str, Any]:
    return clause_read(clause, version).model_dump(mode="json")


def _draft(session: Session, policy_id: uuid.UUID, version_id: uuid.UUID) -> PolicyVersion:
    version = get_version(session, policy_id, version_id)
    require_draft(version)
    return version


def _clause(session: Session, version: PolicyVersion, ref: str) -> Clause:
    canonical = normalize_ref(ref)
    clause = repository.get_clause(session, version.id, canonical) if canonical else None
    if clause is None:
        raise ClauseNotFound(f"Version {version.label} has no clause {ref}.", ref=ref)
    return clause


def add_clause(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    data: ClauseCreate,
) -> ClauseRead:
    """Add a clause to a draft: after its parent's last sub-clause, or at the end."""
    version = _draft(session, policy_id, version_id)
    if repository.get_clause(session, version.id, data.ref) is not None:
        raise ClauseRefTaken(f"Version {version.label} already has a clause {data.ref}.")
    if (
        data.parent_ref is not None
        and repository.get_clause(session, version.id, data.parent_ref) is None
    ):
        raise ClausesInvalid(
            f"Version {version.label} has no clause {data.parent_ref} to hold {data.ref}."
        )
    after = repository.last_position_under(session, version.id, data.parent_ref)
    repository.shift_positions(session, version.id, after)
    fields = data.model_dump(mode="json")
    clause = Clause(id=uuid.uuid4(), version_id=version.id, position=after + 1, **fields)
    repository.add(session, clause)
    audit.record(
        session, actor, "clause.created", "clause", clause.id, after=_view(clause, version)
    )
    return clause_read(clause, version)


def update_clause(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    ref: str,
    expected_version: int,
    data: ClauseUpdate,
) -> ClauseRead:
    version = _draft(session, policy_id, version_id)
    clause = _clause(session, version, ref)
    check_version(clause.version, expected_version)
    changes = data.model_dump(mode="json", exclude_unset=True)
    kind = changes.get("kind", clause.kind)
    term = changes.get("term", clause.term)
    if term is not None and kind != ClauseKind.DEFINITION:
        raise ClausesInvalid("Only a definition has a term: set kind to definition, or no term.")
    before = _view(clause, version)
    for field, value in changes.items():
        setattr(clause, field, value)
    session.flush()
    audit.record(
        session,
        actor,
        "clause.updated",
        "clause",
        clause.id,
        before=before,
        after=_view(clause, version),
    )
    return clause_read(clause, version)


def delete_clause(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    ref: str,
    expected_version: int,
) -> None:
    """Remove a clause from a draft; its sub-clauses first, and not one a rule cites."""
    version = _draft(session, policy_id, version_id)
    clause = _clause(session, version, ref)
    check_version(clause.version, expected_version)
    if repository.has_children(session, version.id, clause.ref):
        raise ClauseHasChildren(f"Clause {clause.ref} has sub-clauses; remove them first.")
    cited = any(
        clause.ref in [rule["clause"], *rule.get("still_applies", [])]
        for rule in version.coverage_rules
    )
    if cited:
        raise CoverageRulesInvalid(
            f"A coverage rule of version {version.label} cites clause {clause.ref}; "
            "change the rules first."
        )
    before = _view(clause, version)
    session.delete(clause)
    session.flush()
    audit.record(session, actor, "clause.deleted", "clause", clause.id, before=before)
