"""Adoption and repeal: the decisions that change which version of a policy is in force.

A version takes effect on ``effective_from`` and stops applying on ``effective_to``
(exclusive). Adopting a version supersedes the one in force: its period ends the day the new
one takes effect. Versions take effect in the order they are adopted."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.etag import check_version
from app.policies import repository
from app.policies.errors import (
    AdoptionOutOfOrder,
    ClausesInvalid,
    RepealInvalid,
    VersionNotAdopted,
)
from app.policies.models import PolicyVersion
from app.policies.schemas import Adoption, Repeal
from app.policies.service import (
    check_rules,
    get_policy,
    get_version,
    require_draft,
    version_view,
)
from app.policies.vocabulary import VersionStatus


def adopt_version(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    expected_version: int,
    data: Adoption,
) -> PolicyVersion:
    """Record the decision that adopted a draft; it supersedes the version in force."""
    get_policy(session, policy_id, for_update=True)
    version = get_version(session, policy_id, version_id)
    check_version(version.version, expected_version)
    require_draft(version)
    effective_from = data.effective_from or data.adopted_on
    refs = {row["ref"] for row in repository.clause_rows(session, version.id)}
    if not refs:
        raise ClausesInvalid("A version without clauses cannot be adopted.")
    check_rules(version.coverage_rules, refs)
    current = repository.latest_adopted(session, policy_id)
    latest_start = repository.latest_effective_from(session, policy_id)
    if latest_start is not None and effective_from <= latest_start:
        raise AdoptionOutOfOrder(
            f"Version {version.label} would take effect on {effective_from.isoformat()}, not "
            f"after {latest_start.isoformat()}, when an adopted version already took effect. "
            "Versions take effect in the order they are adopted."
        )
    before = version_view(session, version)
    if current is not None and current.effective_to is None:
        current_before = version_view(session, current)
        current.status = VersionStatus.SUPERSEDED
        current.effective_to = effective_from
        version.supersedes_id = current.id
        session.flush()
        audit.record(
            session,
            actor,
            "policy_version.superseded",
            "policy_version",
            current.id,
            before=current_before,
            after=version_view(session, current),
        )
    version.status = VersionStatus.ADOPTED
    version.effective_from = effective_from
    version.adopted_on = data.adopted_on
    version.adoption_body = data.body
    version.adoption_reference = data.reference
    version.adoption_meeting_on = data.meeting_on
    version.adoption_vote = data.vote.model_dump() if data.vote else None
    version.recorded_by = actor.name
    session.flush()
    audit.record(
        session,
        actor,
        "policy_version.adopted",
        "policy_version",
        version.id,
        before=before,
        after=version_view(session, version),
    )
    return version


def repeal_version(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    expected_version: int,
    data: Repeal,
) -> PolicyVersion:
    """Record that the adopted version in force stops applying, with nothing replacing it."""
    get_policy(session, policy_id, for_update=True)
    version = get_version(session, policy_id, version_id)
    check_version(version.version, expected_version)
    if version.status != VersionStatus.ADOPTED or version.effective_to is not None:
        raise VersionNotAdopted(
            f"Version {version.label} is {version.status}; only the adopted version in force "
            "can be repealed."
        )
    assert version.effective_from is not None
    if data.repealed_on <= version.effective_from:
        raise RepealInvalid(
            f"Version {version.label} took effect on {version.effective_from.isoformat()}; "
            "a repeal takes effect after that."
        )
    before = version_view(session, version)
    version.status = VersionStatus.REPEALED
    version.effective_to = data.repealed_on
    version.repealed_on = data.repealed_on
    version.repeal_reference = data.reference
    session.flush()
    audit.record(
        session,
        actor,
        "policy_version.repealed",
        "policy_version",
        version.id,
        before=before,
        after=version_view(session, version),
    )
    return version
