"""Comparing the registry with the HR system's roster of active people: who holds access
without being on it, whose contract has ended, whom the registry does not know. Findings are
stored, then applied on request (at once with ``apply``, or later after a human read them)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.accounts import grants as grant_service
from app.accounts import repository
from app.accounts.errors import ReconciliationAlreadyApplied, ReconciliationNotFound
from app.accounts.models import (
    AccessGrant,
    Reconciliation,
    ReconciliationStatus,
    RevocationCause,
)
from app.accounts.schemas import ReconciliationCreate, ReconciliationFinding, ReconciliationRead
from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.pagination import PageParams
from app.people.models import Person, PersonStatus, PersonType

# Elected officials are not on the HR roster; their access is checked by other means.
NOT_ON_HR_ROSTER = frozenset({PersonType.COUNCIL_MEMBER, PersonType.MAYOR})

OFFBOARD = "offboard"
END_GRANTS = "end_grants_at_contract_end"
NO_ACTION = "none"


def contract_end(day: dt.date) -> dt.datetime:
    """The moment access ends for a contract whose last day is ``day``: the next midnight, UTC."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def _name(person: Person) -> str:
    return f"{person.given_name} {person.family_name}"


def _finding(code: str, severity: str, message: str, **fields: Any) -> dict[str, Any]:
    finding = ReconciliationFinding(
        code=code,
        severity=severity,
        message=message,
        action=fields.pop("action", NO_ACTION),
        **fields,
    )
    return finding.model_dump(mode="json")


def _findings(session: Session, data: ReconciliationCreate, as_of: dt.date) -> list[dict[str, Any]]:
    roster = {entry.email.lower(): entry for entry in data.people}
    known = repository.people_by_emails(session, roster)
    found: list[dict[str, Any]] = []
    for email, entry in sorted(roster.items()):
        person = known.get(email)
        if person is None:
            found.append(
                _finding(
                    "unknown_person",
                    "low",
                    f"{email} is on the roster but not in the registry.",
                    email=email,
                )
            )
            continue
        if person.status == PersonStatus.DEPARTED:
            found.append(
                _finding(
                    "departed_on_roster",
                    "medium",
                    f"{_name(person)} is on the roster but left on {person.departed_on}.",
                    email=email,
                    person_id=person.id,
                )
            )
            continue
        open_grants = repository.unrevoked_grants_of(session, person.id)
        ends = entry.contract_ends_on
        if ends is not None and ends < as_of:
            found.append(
                _finding(
                    "contract_ended",
                    "high",
                    f"{_name(person)}'s contract ended on {ends}.",
                    email=email,
                    person_id=person.id,
                    grant_ids=[g.id for g in open_grants],
                    contract_ends_on=ends,
                    action=OFFBOARD,
                )
            )
        elif ends is not None:
            outliving = [
                g for g in open_grants if g.expires_at is None or g.expires_at > contract_end(ends)
            ]
            if outliving:
                found.append(
                    _finding(
                        "grant_outlives_contract",
                        "medium",
                        f"{len(outliving)} grant(s) of {_name(person)} run past the contract's "
                        f"end on {ends}.",
                        email=email,
                        person_id=person.id,
                        grant_ids=[g.id for g in outliving],
                        contract_ends_on=ends,
                        action=END_GRANTS,
                    )
                )
    for person in repository.active_people_with_grants(session):
        if person.email in roster or person.person_type in NOT_ON_HR_ROSTER:
            continue
        open_grants = repository.unrevoked_grants_of(session, person.id)
        found.append(
            _finding(
                "not_on_roster",
                "critical",
                f"{_name(person)} holds {len(open_grants)} grant(s) but is not on the roster.",
                email=person.email,
                person_id=person.id,
                grant_ids=[g.id for g in open_grants],
                action=OFFBOARD,
            )
        )
    return found


def read(reconciliation: Reconciliation) -> ReconciliationRead:
    return ReconciliationRead.model_validate(reconciliation)


def reconcile(session: Session, actor: Actor, data: ReconciliationCreate) -> Reconciliation:
    as_of = data.as_of or utcnow().date()
    reconciliation = Reconciliation(
        id=uuid.uuid4(),
        status=ReconciliationStatus.PROPOSED,
        as_of=as_of,
        roster_size=len({entry.email.lower() for entry in data.people}),
        findings=_findings(session, data, as_of),
        submitted_by=actor.name,
        submitted_at=utcnow(),
    )
    repository.add(session, reconciliation)
    audit.record(
        session,
        actor,
        "reconciliation.submitted",
        "reconciliation",
        reconciliation.id,
        after=read(reconciliation).model_dump(mode="json"),
    )
    if data.apply:
        _apply(session, actor, reconciliation)
    return reconciliation


def get(session: Session, reconciliation_id: uuid.UUID, *, lock: bool = False) -> Reconciliation:
    reconciliation = repository.get_reconciliation(session, reconciliation_id, lock=lock)
    if reconciliation is None:
        raise ReconciliationNotFound(f"No reconciliation has id {reconciliation_id}.")
    return reconciliation


def list_reconciliations(
    session: Session, params: PageParams
) -> tuple[Sequence[Reconciliation], int]:
    return repository.list_reconciliations(session, offset=params.offset, limit=params.page_size)


def apply(session: Session, actor: Actor, reconciliation_id: uuid.UUID) -> Reconciliation:
    reconciliation = get(session, reconciliation_id, lock=True)
    if reconciliation.status == ReconciliationStatus.APPLIED:
        raise ReconciliationAlreadyApplied(
            f"Reconciliation {reconciliation_id} was applied at "
            f"{reconciliation.applied_at.isoformat() if reconciliation.applied_at else '?'}."
        )
    _apply(session, actor, reconciliation)
    return reconciliation


def _apply(session: Session, actor: Actor, reconciliation: Reconciliation) -> None:
    """Act on each finding that still holds: people are offboarded, grants cut to the
    contract's end. What changed since the findings were made is left as it is."""
    before = read(reconciliation).model_dump(mode="json")
    applied = []
    for finding in reconciliation.findings:
        finding = dict(finding)
        if finding["action"] == OFFBOARD and finding["person_id"]:
            ends = finding.get("contract_ends_on")
            grant_service.offboard(
                session,
                actor,
                uuid.UUID(finding["person_id"]),
                f"HR roster reconciliation {reconciliation.id}: {finding['code']}",
                departed_on=dt.date.fromisoformat(ends) if ends else reconciliation.as_of,
                cause=RevocationCause.RECONCILIATION,
            )
            finding["applied"] = True
        elif finding["action"] == END_GRANTS:
            end = contract_end(dt.date.fromisoformat(finding["contract_ends_on"]))
            for grant_id in finding["grant_ids"]:
                _end_grant(session, actor, uuid.UUID(grant_id), end, reconciliation.id)
            finding["applied"] = True
        applied.append(finding)
    reconciliation.findings = applied
    reconciliation.status = ReconciliationStatus.APPLIED
    reconciliation.applied_by = actor.name
    reconciliation.applied_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        "reconciliation.applied",
        "reconciliation",
        reconciliation.id,
        before=before,
        after=read(reconciliation).model_dump(mode="json"),
    )


def _end_grant(
    session: Session, actor: Actor, grant_id: uuid.UUID, end: dt.datetime, source: uuid.UUID
) -> None:
    grant = session.get(AccessGrant, grant_id)
    if grant is None or grant.revoked_at is not None:
        return
    if grant.expires_at is not None and grant.expires_at <= end:
        return
    reason = f"HR roster reconciliation {source}: contract ends"
    if grant.starts_at >= end:
        grant_service.revoke(session, actor, grant, RevocationCause.RECONCILIATION, reason)
        return
    grant_service.shorten(session, actor, grant, end, reason)
