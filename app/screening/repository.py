from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    RowMapping,
    Select,
    bindparam,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy import (
    delete as sa_delete,
)
from sqlalchemy.orm import Session

from app.core.db import json_list_contains, utcnow
from app.policies.models import Policy, PolicyVersion
from app.screening.models import (
    Candidate,
    Election,
    Ruleset,
    RulesetTerm,
    Screening,
    ScreeningConfig,
    ScreeningReview,
)


def add(session: Session, entity: Any) -> None:
    session.add(entity)
    session.flush()


def _paged(
    session: Session, query: Select[Any], order: Sequence[Any], offset: int, limit: int
) -> tuple[Sequence[Any], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    items = session.scalars(query.order_by(*order).offset(offset).limit(limit)).all()
    return items, total


# What the engine is built from ------------------------------------------------------------

_CONFIG = ScreeningConfig.__table__


def write_engine_token(session: Session, token: str) -> None:
    """Record that what the engine is built from changed (one row, rewritten in the same
    transaction as the change, so a replica never sees the change without the new token)."""
    result = session.connection().execute(update(ScreeningConfig).values(token=token))
    if not result.rowcount:
        session.connection().execute(insert(ScreeningConfig).values(id=1, token=token))


# Built once: the per-screening read must not rebuild (and re-cache) its statement each time.
_IN_FORCE = (
    select(
        Ruleset.id.label("ruleset_id"),
        Ruleset.version.label("ruleset_revision"),
        PolicyVersion.id.label("policy_version_id"),
        PolicyVersion.label.label("policy_version_label"),
        PolicyVersion.policy_id,
    )
    .join(PolicyVersion, PolicyVersion.id == Ruleset.policy_version_id)
    .join(Policy, Policy.id == PolicyVersion.policy_id)
    .where(Policy.code == bindparam("code"), PolicyVersion.in_force_on(bindparam("on")))
    .order_by(PolicyVersion.effective_from.desc())
    .limit(1)
    .subquery()
)
_RESOLVE = (
    select(_CONFIG.c.token, _IN_FORCE)
    .select_from(_CONFIG.outerjoin(_IN_FORCE, true()))
    .where(_CONFIG.c.id == 1)
)


def resolve(session: Session, policy_code: str, on: dt.date) -> RowMapping | None:
    """The engine's current token and the ruleset of the policy version in force on `on`
    (its columns None when there is none), in one statement: the per-screening read. No
    row: nothing the engine is built from was ever configured (each change writes it)."""
    return (
        session.connection().execute(_RESOLVE, {"code": policy_code, "on": on}).mappings().first()
    )


def engine_token(session: Session) -> str | None:
    return session.scalar(select(_CONFIG.c.token).where(_CONFIG.c.id == 1))


def get_ruleset(
    session: Session, ruleset_id: uuid.UUID, *, for_update: bool = False
) -> Ruleset | None:
    if for_update:
        return session.scalars(
            select(Ruleset).where(Ruleset.id == ruleset_id).with_for_update()
        ).first()
    return session.get(Ruleset, ruleset_id)


def touch_ruleset(session: Session, ruleset: Ruleset) -> None:
    """Move a ruleset's row version (its terms changed, and they are part of it)."""
    ruleset.updated_at = utcnow()
    session.flush()


def ruleset_of_version(session: Session, policy_version_id: uuid.UUID) -> Ruleset | None:
    return session.scalars(
        select(Ruleset).where(Ruleset.policy_version_id == policy_version_id)
    ).first()


def list_rulesets(
    session: Session, *, policy_version_id: uuid.UUID | None, offset: int, limit: int
) -> tuple[Sequence[Ruleset], int]:
    query = select(Ruleset)
    if policy_version_id is not None:
        query = query.where(Ruleset.policy_version_id == policy_version_id)
    return _paged(session, query, (Ruleset.created_at, Ruleset.id), offset, limit)


def term_counts(session: Session, ruleset_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = session.execute(
        select(RulesetTerm.ruleset_id, func.count())
        .where(RulesetTerm.ruleset_id.in_(ruleset_ids))
        .group_by(RulesetTerm.ruleset_id)
    )
    return {ruleset_id: count for ruleset_id, count in rows}


def terms_of(session: Session, ruleset_id: uuid.UUID) -> Sequence[RulesetTerm]:
    return session.scalars(
        select(RulesetTerm).where(RulesetTerm.ruleset_id == ruleset_id).order_by(RulesetTerm.id)
    ).all()


def list_terms(
    session: Session, ruleset_id: uuid.UUID, *, offset: int, limit: int
) -> tuple[Sequence[RulesetTerm], int]:
    query = select(RulesetTerm).where(RulesetTerm.ruleset_id == ruleset_id)
    return _paged(session, query, (RulesetTerm.category, RulesetTerm.phrase_key), offset, limit)


def find_term(
    session: Session, ruleset_id: uuid.UUID, phrase_key: str, category: str
) -> RulesetTerm | None:
    return session.scalars(
        select(RulesetTerm).where(
            RulesetTerm.ruleset_id == ruleset_id,
            RulesetTerm.phrase_key == phrase_key,
            RulesetTerm.category == category,
        )
    ).first()


def get_term(session: Session, ruleset_id: uuid.UUID, term_id: uuid.UUID) -> RulesetTerm | None:
    term = session.get(RulesetTerm, term_id)
    return term if term is not None and term.ruleset_id == ruleset_id else None


def delete(session: Session, entity: Any) -> None:
    session.delete(entity)
    session.flush()


# Elections --------------------------------------------------------------------------------


def get_election(session: Session, election_id: uuid.UUID) -> Election | None:
    return session.get(Election, election_id)


def find_election_by_name(session: Session, name: str) -> Election | None:
    return session.scalars(select(Election).where(Election.name == name)).first()


def list_elections(
    session: Session, *, on: dt.date | None, offset: int, limit: int
) -> tuple[Sequence[Election], int]:
    query = select(Election)
    if on is not None:
        query = query.where(Election.period_starts_on <= on, Election.period_ends_on >= on)
    return _paged(session, query, (Election.period_starts_on.desc(), Election.id), offset, limit)


def election_periods(session: Session) -> Sequence[tuple[uuid.UUID, dt.date, dt.date]]:
    rows = session.execute(select(Election.id, Election.period_starts_on, Election.period_ends_on))
    return [(row.id, row.period_starts_on, row.period_ends_on) for row in rows]


def get_candidate(
    session: Session, election_id: uuid.UUID, candidate_id: uuid.UUID
) -> Candidate | None:
    candidate = session.get(Candidate, candidate_id)
    return candidate if candidate is not None and candidate.election_id == election_id else None


def find_candidate(session: Session, election_id: uuid.UUID, name: str) -> Candidate | None:
    return session.scalars(
        select(Candidate).where(Candidate.election_id == election_id, Candidate.name == name)
    ).first()


def list_candidates(
    session: Session, election_id: uuid.UUID, *, offset: int, limit: int
) -> tuple[Sequence[Candidate], int]:
    query = select(Candidate).where(Candidate.election_id == election_id)
    return _paged(session, query, (Candidate.name, Candidate.id), offset, limit)


def all_candidates(session: Session) -> Sequence[Candidate]:
    return session.scalars(select(Candidate).order_by(Candidate.election_id, Candidate.name)).all()


# Screenings -------------------------------------------------------------------------------


_INSERT_SCREENINGS = insert(Screening)
_INSERT_REVIEWS = insert(ScreeningReview)


def insert_screenings(session: Session, rows: list[dict[str, Any]]) -> None:
    session.connection().execute(_INSERT_SCREENINGS, rows)


def insert_reviews(session: Session, rows: list[dict[str, Any]]) -> None:
    session.connection().execute(_INSERT_REVIEWS, rows)


def get_screening(session: Session, screening_id: uuid.UUID) -> Screening | None:
    return session.get(Screening, screening_id)


def review_ids(session: Session, screening_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    if not screening_ids:
        return {}
    rows = session.execute(
        select(ScreeningReview.screening_id, ScreeningReview.id).where(
            ScreeningReview.screening_id.in_(screening_ids)
        )
    )
    return {screening_id: review_id for screening_id, review_id in rows}


def _reaching(column: Any, visible: Select[tuple[uuid.UUID]] | None) -> Any:
    """Rows for no account, or for one of the ``visible`` accounts (None: every account)."""
    return true() if visible is None else or_(column.is_(None), column.in_(visible))


def list_screenings(
    session: Session,
    *,
    filters: dict[str, Any],
    visible: Select[tuple[uuid.UUID]] | None,
    category: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[Screening], int]:
    query = select(Screening).filter_by(**filters).where(_reaching(Screening.account_id, visible))
    if category is not None:
        query = query.where(json_list_contains(Screening.categories, category))
    if since is not None:
        query = query.where(Screening.created_at >= since)
    if until is not None:
        query = query.where(Screening.created_at < until)
    return _paged(session, query, (Screening.created_at.desc(), Screening.id), offset, limit)


# Reviews ----------------------------------------------------------------------------------


def get_review(
    session: Session, review_id: uuid.UUID, *, for_update: bool = False
) -> ScreeningReview | None:
    if for_update:
        return session.scalars(
            select(ScreeningReview).where(ScreeningReview.id == review_id).with_for_update()
        ).first()
    return session.get(ScreeningReview, review_id)


def list_reviews(
    session: Session,
    *,
    filters: dict[str, Any],
    visible: Select[tuple[uuid.UUID]] | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[ScreeningReview], int]:
    query = (
        select(ScreeningReview)
        .filter_by(**filters)
        .where(_reaching(ScreeningReview.account_id, visible))
    )
    return _paged(session, query, (ScreeningReview.opened_at, ScreeningReview.id), offset, limit)


def screenings_by_id(
    session: Session, screening_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Screening]:
    if not screening_ids:
        return {}
    rows = session.scalars(select(Screening).where(Screening.id.in_(screening_ids)))
    return {row.id: row for row in rows}


def delete_screenings(session: Session, screening_ids: Sequence[uuid.UUID]) -> int:
    """Remove screenings with no review (those made for a record that is being purged)."""
    if not screening_ids:
        return 0
    reviewed = select(ScreeningReview.screening_id)
    result = session.execute(
        sa_delete(Screening).where(Screening.id.in_(screening_ids), Screening.id.not_in(reviewed))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
