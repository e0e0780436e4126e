from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    RowMapping,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.core.db import fetch_page, json_list_contains, like_escaped
from app.policies.models import Clause, Policy, PolicyVersion
from app.policies.vocabulary import ClauseKind, VersionStatus

_clauses = Clause.__table__


def add(session: Session, entity: Policy | PolicyVersion | Clause) -> None:
    session.add(entity)
    session.flush()


# Policies ---------------------------------------------------------------------------------


def get_policy(
    session: Session, policy_id: uuid.UUID, *, for_update: bool = False
) -> Policy | None:
    if for_update:
        # Adoption changes which version is in force: concurrent adoptions of one policy
        # take turns (SQLite writers already do: BEGIN IMMEDIATE).
        return session.scalars(
            select(Policy).where(Policy.id == policy_id).with_for_update()
        ).first()
    return session.get(Policy, policy_id)


def find_policy_by_code(session: Session, code: str) -> Policy | None:
    return session.scalars(select(Policy).where(Policy.code == code)).first()


def list_policies(
    session: Session, *, q: str | None, offset: int, limit: int
) -> tuple[Sequence[Policy], int]:
    query = select(Policy)
    if q:
        pattern = f"%{like_escaped(q.lower())}%"
        query = query.where(
            or_(
                func.lower(Policy.title).like(pattern, escape="\\"),
                Policy.code.like(pattern, escape="\\"),
            )
        )
    return fetch_page(session, query, Policy.code, Policy.id, offset=offset, limit=limit)


# Versions ---------------------------------------------------------------------------------


def get_version(
    session: Session, policy_id: uuid.UUID, version_id: uuid.UUID
) -> PolicyVersion | None:
    version = session.get(PolicyVersion, version_id)
    return version if version is not None and version.policy_id == policy_id else None


def find_version_by_label(
    session: Session, policy_id: uuid.UUID, label: str
) -> PolicyVersion | None:
    return session.scalars(
        select(PolicyVersion).where(
            PolicyVersion.policy_id == policy_id, PolicyVersion.label == label
        )
    ).first()


def list_versions(
    session: Session,
    policy_id: uuid.UUID,
    *,
    status: VersionStatus | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[PolicyVersion], int]:
    query = select(PolicyVersion).where(PolicyVersion.policy_id == policy_id)
    if status is not None:
        query = query.where(PolicyVersion.status == status)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    # Adopted versions in the order they took effect, then drafts by creation.
    items = session.scalars(
        query.order_by(
            PolicyVersion.effective_from.is_(None),
            PolicyVersion.effective_from,
            PolicyVersion.created_at,
            PolicyVersion.id,
        )
        .offset(offset)
        .limit(limit)
    ).all()
    return items, total


def in_force_condition(on: Any) -> Any:
    return PolicyVersion.in_force_on(on)


def version_in_force(session: Session, policy_id: uuid.UUID, on: dt.date) -> PolicyVersion | None:
    return session.scalars(
        select(PolicyVersion)
        .where(PolicyVersion.policy_id == policy_id, in_force_condition(on))
        .order_by(PolicyVersion.effective_from.desc())
        .limit(1)
    ).first()


def latest_adopted(session: Session, policy_id: uuid.UUID) -> PolicyVersion | None:
    """The adopted version that takes effect last (the one a new adoption supersedes)."""
    return session.scalars(
        select(PolicyVersion)
        .where(
            PolicyVersion.policy_id == policy_id,
            PolicyVersion.status == VersionStatus.ADOPTED,
        )
        .order_by(PolicyVersion.effective_from.desc())
        .limit(1)
    ).first()


_ADOPTED_STAMP = select(PolicyVersion.id, PolicyVersion.version).where(
    PolicyVersion.status != VersionStatus.DRAFT
)


def adopted_versions_stamp(session: Session) -> frozenset[tuple[uuid.UUID, int]]:
    """Every adopted (or since superseded or repealed) version with its row version: it
    changes whenever what is in force can change."""
    rows = session.connection().execute(_ADOPTED_STAMP)
    return frozenset((row.id, row.version) for row in rows)


def latest_effective_from(session: Session, policy_id: uuid.UUID) -> dt.date | None:
    """The latest date any adopted (or since superseded or repealed) version took effect."""
    return session.scalar(
        select(func.max(PolicyVersion.effective_from)).where(
            PolicyVersion.policy_id == policy_id, PolicyVersion.status != VersionStatus.DRAFT
        )
    )


def delete_version(session: Session, version: PolicyVersion) -> None:
    session.execute(delete(Clause).where(Clause.version_id == version.id))
    session.delete(version)
    session.flush()


# Clauses ----------------------------------------------------------------------------------


def clause_count(session: Session, version_id: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Clause).where(Clause.version_id == version_id)
        )
        or 0
    )


def clause_counts(session: Session, version_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many clauses each version has, in one query for a page of versions."""
    rows = session.execute(
        select(Clause.version_id, func.count())
        .where(Clause.version_id.in_(version_ids))
        .group_by(Clause.version_id)
    )
    return {row[0]: int(row[1]) for row in rows}


def insert_clauses(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write a whole text at once, in document order (parents before their sub-clauses)."""
    if rows:
        session.execute(insert(Clause), rows)


def clause_rows(session: Session, version_id: uuid.UUID) -> Sequence[RowMapping]:
    """Every clause of a version as plain rows, in document order (no ORM objects)."""
    return (
        session.connection()
        .execute(
            select(_clauses)
            .where(_clauses.c.version_id == version_id)
            .order_by(_clauses.c.position)
        )
        .mappings()
        .all()
    )


def list_clauses(
    session: Session,
    version_id: uuid.UUID,
    *,
    kind: ClauseKind | None,
    topic: str | None,
    applies_to: str | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[RowMapping], int]:
    query = select(_clauses).where(_clauses.c.version_id == version_id)
    if kind is not None:
        query = query.where(_clauses.c.kind == kind)
    if topic is not None:
        query = query.where(json_list_contains(_clauses.c.topics, topic))
    if applies_to is not None:
        query = query.where(json_list_contains(_clauses.c.applies_to, applies_to))
    connection = session.connection()
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar() or 0
    rows = (
        connection.execute(query.order_by(_clauses.c.position).offset(offset).limit(limit))
        .mappings()
        .all()
    )
    return rows, total


_CLAUSE_BY_REF = select(_clauses).where(
    _clauses.c.version_id == bindparam("version_id"), _clauses.c.ref == bindparam("ref")
)


def read_clause(session: Session, version_id: uuid.UUID, ref: str) -> RowMapping | None:
    """One clause's columns without an ORM object: the hot lookup (bench/)."""
    return (
        session.connection()
        .execute(_CLAUSE_BY_REF, {"version_id": version_id, "ref": ref})
        .mappings()
        .first()
    )


_CITED_CLAUSE = (
    select(
        _clauses,
        PolicyVersion.policy_id,
        PolicyVersion.label.label("version_label"),
        PolicyVersion.status.label("version_status"),
    )
    .join(PolicyVersion, PolicyVersion.id == _clauses.c.version_id)
    .where(
        _clauses.c.version_id == bindparam("version_id"),
        _clauses.c.ref == bindparam("ref"),
        PolicyVersion.policy_id == bindparam("policy_id"),
    )
)


def read_cited_clause(
    session: Session, policy_id: uuid.UUID, version_id: uuid.UUID, ref: str
) -> RowMapping | None:
    """One clause with what a citation needs (policy, version label), in one statement."""
    return (
        session.connection()
        .execute(_CITED_CLAUSE, {"policy_id": policy_id, "version_id": version_id, "ref": ref})
        .mappings()
        .first()
    )


def terms_of_engagement(
    session: Session, on: dt.date, policy_id: uuid.UUID | None
) -> Sequence[RowMapping]:
    query = (
        select(
            _clauses,
            PolicyVersion.policy_id,
            PolicyVersion.label.label("version_label"),
            PolicyVersion.status.label("version_status"),
            PolicyVersion.effective_from,
            PolicyVersion.effective_to,
            Policy.title.label("policy_title"),
        )
        .join(PolicyVersion, PolicyVersion.id == _clauses.c.version_id)
        .join(Policy, Policy.id == PolicyVersion.policy_id)
        .where(_clauses.c.kind == ClauseKind.TERMS_OF_ENGAGEMENT, in_force_condition(on))
        .order_by(Policy.code, _clauses.c.position)
    )
    if policy_id is not None:
        query = query.where(PolicyVersion.policy_id == policy_id)
    return session.connection().execute(query).mappings().all()


def policy_of_version(session: Session, version_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(select(PolicyVersion.policy_id).where(PolicyVersion.id == version_id))


def get_clause(session: Session, version_id: uuid.UUID, ref: str) -> Clause | None:
    return session.scalars(
        select(Clause).where(Clause.version_id == version_id, Clause.ref == ref)
    ).first()


def has_children(session: Session, version_id: uuid.UUID, ref: str) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(Clause)
            .where(Clause.version_id == version_id, Clause.parent_ref == ref)
        )
        or 0
    ) > 0


def last_position_under(session: Session, version_id: uuid.UUID, ref: str | None) -> int:
    """The position after which a new sub-clause of ``ref`` goes (-1 for an empty version):
    after the parent's last descendant, or at the end for a top-level clause."""
    if ref is None:
        last = session.scalar(
            select(func.max(Clause.position)).where(Clause.version_id == version_id)
        )
        return -1 if last is None else last
    parent = session.scalar(
        select(Clause.position).where(Clause.version_id == version_id, Clause.ref == ref)
    )
    following = session.scalar(
        select(func.min(Clause.position)).where(
            Clause.version_id == version_id,
            Clause.position > parent,
            ~or_(Clause.ref.startswith(ref + "."), Clause.ref.startswith(ref + "(")),
        )
    )
    if following is None:
        last = session.scalar(
            select(func.max(Clause.position)).where(Clause.version_id == version_id)
        )
        return -1 if last is None else last
    return int(following) - 1


def _last_position(session: Session, version_id: uuid.UUID) -> int:
    last = session.scalar(select(func.max(Clause.position)).where(Clause.version_id == version_id))
    return -1 if last is None else int(last)


def shift_positions(session: Session, version_id: uuid.UUID, after: int) -> None:
    session.execute(
        update(Clause)
        .where(Clause.version_id == version_id, Clause.position > after)
        .values(position=Clause.position + 1)
        .execution_options(synchronize_session=False)
    )


def definitions(session: Session, version_id: uuid.UUID) -> Sequence[RowMapping]:
    return (
        session.connection()
        .execute(
            select(_clauses)
            .where(_clauses.c.version_id == version_id, _clauses.c.kind == ClauseKind.DEFINITION)
            .order_by(_clauses.c.position)
        )
        .mappings()
        .all()
    )
