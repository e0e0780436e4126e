from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import RowMapping, String, bindparam, cast, func, or_, select
from sqlalchemy.orm import Session

from app.core.db import fetch_page, like_escaped
from app.people.models import Department, Person, PersonStatus, PersonType


def get_person(session: Session, person_id: uuid.UUID) -> Person | None:
    return session.get(Person, person_id)


_PERSON_ROW = select(Person.__table__).where(Person.__table__.c.id == bindparam("id"))


def read_person(session: Session, person_id: uuid.UUID) -> RowMapping | None:
    """A person's columns without loading an ORM object: the hot read path (bench/)."""
    return session.connection().execute(_PERSON_ROW, {"id": person_id}).mappings().first()


_PERSON_ID_BY_EMAIL = select(Person.id).where(Person.email == bindparam("email"))


def person_id_by_email(session: Session, email: str) -> uuid.UUID | None:
    return session.execute(_PERSON_ID_BY_EMAIL, {"email": email.lower()}).scalar()


_PERSON_REF_BY_EMAIL = select(Person.id, Person.status).where(Person.email == bindparam("email"))


def person_ref_by_email(session: Session, email: str) -> tuple[uuid.UUID, str] | None:
    row = session.execute(_PERSON_REF_BY_EMAIL, {"email": email.lower()}).first()
    return None if row is None else (row[0], row[1])


def add(session: Session, entity: Person | Department) -> None:
    session.add(entity)
    session.flush()


def list_people(
    session: Session,
    *,
    person_type: PersonType | None,
    status: PersonStatus | None,
    department_id: uuid.UUID | None,
    service_role: str | None,
    q: str | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[Person], int]:
    query = select(Person)
    if person_type is not None:
        query = query.where(Person.person_type == person_type)
    if status is not None:
        query = query.where(Person.status == status)
    if department_id is not None:
        query = query.where(Person.department_id == department_id)
    if service_role is not None:
        # Roles are a small fixed vocabulary stored as a JSON list; matching the quoted word
        # in its text form works the same on SQLite and PostgreSQL.
        query = query.where(cast(Person.service_roles, String).like(f'%"{service_role}"%'))
    if q:
        pattern = f"%{like_escaped(q.lower())}%"
        query = query.where(
            or_(
                func.lower(Person.given_name).like(pattern, escape="\\"),
                func.lower(Person.family_name).like(pattern, escape="\\"),
                Person.email.like(pattern, escape="\\"),
            )
        )
    return fetch_page(
        session, query, Person.family_name, Person.given_name, Person.id, offset=offset, limit=limit
    )


def count_active_in_department(session: Session, department_id: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Person)
            .where(Person.department_id == department_id, Person.status == PersonStatus.ACTIVE)
        )
        or 0
    )


def get_department(session: Session, department_id: uuid.UUID) -> Department | None:
    return session.get(Department, department_id)


def find_department_by_code(session: Session, code: str) -> Department | None:
    return session.scalars(select(Department).where(Department.code == code)).first()


def list_departments(
    session: Session, *, include_archived: bool, q: str | None, offset: int, limit: int
) -> tuple[Sequence[Department], int]:
    query = select(Department)
    if not include_archived:
        query = query.where(Department.archived_at.is_(None))
    if q:
        pattern = f"%{like_escaped(q.lower())}%"
        query = query.where(
            or_(
                func.lower(Department.name).like(pattern, escape="\\"),
                func.lower(Department.code).like(pattern, escape="\\"),
            )
        )
    return fetch_page(session, query, Department.code, Department.id, offset=offset, limit=limit)
