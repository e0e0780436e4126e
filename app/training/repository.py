from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.db import fetch_page
from app.training.models import Acknowledgement, Competency, Completion, TrainingModule


def add(
    session: Session, entity: Competency | TrainingModule | Completion | Acknowledgement
) -> None:
    session.add(entity)
    session.flush()


def competencies(session: Session) -> Sequence[Competency]:
    return session.scalars(select(Competency).order_by(Competency.code)).all()


def list_competencies(
    session: Session, *, offset: int, limit: int
) -> tuple[Sequence[Competency], int]:
    query = select(Competency)
    return fetch_page(session, query, Competency.code, offset=offset, limit=limit)


def competency_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Competency.code)))


def get_module(session: Session, module_id: uuid.UUID) -> TrainingModule | None:
    return session.get(TrainingModule, module_id)


def find_module(session: Session, code: str, module_version: str) -> TrainingModule | None:
    return session.scalars(
        select(TrainingModule).where(
            TrainingModule.code == code, TrainingModule.module_version == module_version
        )
    ).first()


def all_modules(session: Session) -> Sequence[TrainingModule]:
    return session.scalars(
        select(TrainingModule).order_by(TrainingModule.code, TrainingModule.created_at)
    ).all()


def list_modules(
    session: Session, *, include_retired: bool, offset: int, limit: int
) -> tuple[Sequence[TrainingModule], int]:
    query = select(TrainingModule)
    if not include_retired:
        query = query.where(TrainingModule.retired_on.is_(None))
    return fetch_page(
        session,
        query,
        TrainingModule.code,
        TrainingModule.created_at,
        TrainingModule.id,
        offset=offset,
        limit=limit,
    )


def get_completion(session: Session, completion_id: uuid.UUID) -> Completion | None:
    return session.get(Completion, completion_id)


def completion_by_external_id(session: Session, external_id: str) -> Completion | None:
    return session.scalars(select(Completion).where(Completion.external_id == external_id)).first()


def same_completion(
    session: Session, person_id: uuid.UUID, module_id: uuid.UUID, completed_on: dt.date
) -> Completion | None:
    return session.scalars(
        select(Completion).where(
            Completion.person_id == person_id,
            Completion.module_id == module_id,
            Completion.completed_on == completed_on,
        )
    ).first()


def completions_of(
    session: Session, person_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[Completion]]:
    found: dict[uuid.UUID, list[Completion]] = {p: [] for p in person_ids}
    if not person_ids:
        return found
    rows = session.scalars(
        select(Completion)
        .where(Completion.person_id.in_(person_ids))
        .order_by(Completion.completed_on, Completion.id)
    )
    for completion in rows:
        found[completion.person_id].append(completion)
    return found


def list_completions(
    session: Session,
    *,
    person_id: uuid.UUID | None,
    module_id: uuid.UUID | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[Completion], int]:
    query = select(Completion)
    if person_id is not None:
        query = query.where(Completion.person_id == person_id)
    if module_id is not None:
        query = query.where(Completion.module_id == module_id)
    return fetch_page(
        session, query, Completion.completed_on.desc(), Completion.id, offset=offset, limit=limit
    )


def acknowledged(
    session: Session, person_ids: Collection[uuid.UUID], policy_version_id: uuid.UUID
) -> set[uuid.UUID]:
    if not person_ids:
        return set()
    return set(
        session.scalars(
            select(Acknowledgement.person_id).where(
                Acknowledgement.person_id.in_(person_ids),
                Acknowledgement.policy_version_id == policy_version_id,
            )
        )
    )


def find_acknowledgement(
    session: Session, person_id: uuid.UUID, policy_version_id: uuid.UUID
) -> Acknowledgement | None:
    return session.scalars(
        select(Acknowledgement).where(
            Acknowledgement.person_id == person_id,
            Acknowledgement.policy_version_id == policy_version_id,
        )
    ).first()


def list_acknowledgements(
    session: Session,
    *,
    person_id: uuid.UUID | None,
    policy_version_id: uuid.UUID | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[Acknowledgement], int]:
    query = select(Acknowledgement)
    if person_id is not None:
        query = query.where(Acknowledgement.person_id == person_id)
    if policy_version_id is not None:
        query = query.where(Acknowledgement.policy_version_id == policy_version_id)
    return fetch_page(
        session,
        query,
        Acknowledgement.acknowledged_at.desc(),
        Acknowledgement.id,
        offset=offset,
        limit=limit,
    )
