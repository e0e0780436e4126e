"""Elections, their Election Periods and registered candidates: what makes a draft campaign
content, and whether it is blocked (in a period) or reviewed (outside one)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.screening import repository
from app.screening.errors import (
    CandidateExists,
    CandidateNotFound,
    ElectionNameTaken,
    ElectionNotFound,
    ElectionPeriodInvalid,
)
from app.screening.models import Candidate, Election
from app.screening.rulesets import new_engine_token
from app.screening.schemas import (
    CandidateCreate,
    CandidateUpdate,
    ElectionCreate,
    ElectionUpdate,
)

_ELECTION_FIELDS = ("name", "voting_day", "period_starts_on", "period_ends_on")
_CANDIDATE_FIELDS = ("name", "aliases", "office")


def _view(entity: Any, fields: Sequence[str]) -> dict[str, Any]:
    # As the audit log keeps it: JSON, dates in ISO form.
    values = {name: getattr(entity, name) for name in fields}
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def get_election(session: Session, election_id: uuid.UUID) -> Election:
    election = repository.get_election(session, election_id)
    if election is None:
        raise ElectionNotFound(f"No election has id {election_id}")
    return election


def list_elections(
    session: Session, page: PageParams, *, on: Any = None
) -> tuple[Sequence[Election], int]:
    return repository.list_elections(session, on=on, offset=page.offset, limit=page.page_size)


def _name_free(session: Session, name: str, election_id: uuid.UUID | None = None) -> None:
    other = repository.find_election_by_name(session, name)
    if other is not None and other.id != election_id:
        raise ElectionNameTaken(f"An election is already named {name!r}")


def create_election(session: Session, actor: Actor, data: ElectionCreate) -> Election:
    _name_free(session, data.name)
    election = Election(**data.model_dump())
    repository.add(session, election)
    new_engine_token(session)
    audit.record(
        session,
        actor,
        "election.created",
        "election",
        election.id,
        after=_view(election, _ELECTION_FIELDS),
    )
    return election


def update_election(
    session: Session,
    actor: Actor,
    election_id: uuid.UUID,
    data: ElectionUpdate,
    expected_version: int,
) -> Election:
    election = get_election(session, election_id)
    check_version(election.version, expected_version)
    changes = data.changes()
    if "name" in changes:
        _name_free(session, changes["name"], election.id)
    starts = changes.get("period_starts_on", election.period_starts_on)
    ends = changes.get("period_ends_on", election.period_ends_on)
    if starts > ends:
        raise ElectionPeriodInvalid(f"The period would end ({ends}) before it starts ({starts})")
    before = _view(election, _ELECTION_FIELDS)
    for name, value in changes.items():
        setattr(election, name, value)
    session.flush()
    new_engine_token(session)
    audit.record(
        session,
        actor,
        "election.updated",
        "election",
        election.id,
        before=before,
        after=_view(election, _ELECTION_FIELDS),
    )
    return election


def delete_election(
    session: Session, actor: Actor, election_id: uuid.UUID, expected_version: int
) -> None:
    """Remove an election entered in error, with its candidates."""
    election = get_election(session, election_id)
    check_version(election.version, expected_version)
    before = _view(election, _ELECTION_FIELDS)
    repository.delete(session, election)
    new_engine_token(session)
    audit.record(session, actor, "election.deleted", "election", election_id, before=before)


def get_candidate(session: Session, election_id: uuid.UUID, candidate_id: uuid.UUID) -> Candidate:
    get_election(session, election_id)
    candidate = repository.get_candidate(session, election_id, candidate_id)
    if candidate is None:
        raise CandidateNotFound(f"Election {election_id} has no candidate {candidate_id}")
    return candidate


def list_candidates(
    session: Session, election_id: uuid.UUID, page: PageParams
) -> tuple[Sequence[Candidate], int]:
    get_election(session, election_id)
    return repository.list_candidates(
        session, election_id, offset=page.offset, limit=page.page_size
    )


def _candidate_name_free(
    session: Session, election_id: uuid.UUID, name: str, candidate_id: uuid.UUID | None = None
) -> None:
    other = repository.find_candidate(session, election_id, name)
    if other is not None and other.id != candidate_id:
        raise CandidateExists(f"The election already has a candidate named {name!r}")


def register_candidate(
    session: Session, actor: Actor, election_id: uuid.UUID, data: CandidateCreate
) -> Candidate:
    get_election(session, election_id)
    _candidate_name_free(session, election_id, data.name)
    candidate = Candidate(election_id=election_id, **data.model_dump())
    repository.add(session, candidate)
    new_engine_token(session)
    audit.record(
        session,
        actor,
        "candidate.registered",
        "election_candidate",
        candidate.id,
        after={"election_id": str(election_id), **_view(candidate, _CANDIDATE_FIELDS)},
    )
    return candidate


def update_candidate(
    session: Session,
    actor: Actor,
    election_id: uuid.UUID,
    candidate_id: uuid.UUID,
    data: CandidateUpdate,
    expected_version: int,
) -> Candidate:
    candidate = get_candidate(session, election_id, candidate_id)
    check_version(candidate.version, expected_version)
    changes = data.changes()
    if "name" in changes:
        _candidate_name_free(session, election_id, changes["name"], candidate.id)
    before = _view(candidate, _CANDIDATE_FIELDS)
    for name, value in changes.items():
        setattr(candidate, name, value)
    session.flush()
    new_engine_token(session)
    audit.record(
        session,
        actor,
        "candidate.updated",
        "election_candidate",
        candidate.id,
        before=before,
        after=_view(candidate, _CANDIDATE_FIELDS),
    )
    return candidate


def withdraw_candidate(
    session: Session,
    actor: Actor,
    election_id: uuid.UUID,
    candidate_id: uuid.UUID,
    expected_version: int,
) -> None:
    """Remove a candidate from the registry (withdrawn, or entered in error)."""
    candidate = get_candidate(session, election_id, candidate_id)
    check_version(candidate.version, expected_version)
    before = _view(candidate, _CANDIDATE_FIELDS)
    repository.delete(session, candidate)
    new_engine_token(session)
    audit.record(
        session, actor, "candidate.removed", "election_candidate", candidate_id, before=before
    )
