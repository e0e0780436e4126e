"""Departments and the people of the town: who they are, what kind of relationship they have
with the town (which decides what policy covers them), and whether they are still here."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.people import repository
from app.people.errors import (
    DepartmentArchived,
    DepartmentCodeTaken,
    DepartmentInUse,
    DepartmentNotFound,
    DepartureInconsistent,
    DepartureInFuture,
    PersonEmailTaken,
    PersonNotFound,
    ServiceRolesNotAllowed,
    UnknownDepartment,
)
from app.people.models import Department, Person, PersonStatus, PersonType
from app.people.schemas import (
    DepartmentCreate,
    DepartmentRead,
    DepartmentUpdate,
    PersonCreate,
    PersonRead,
    PersonUpdate,
)


class PersonRef(NamedTuple):
    id: uuid.UUID
    status: PersonStatus


def _person_view(person: Person) -> dict[str, Any]:
    return PersonRead.model_validate(person).model_dump(mode="json")


def _department_view(department: Department) -> dict[str, Any]:
    return DepartmentRead.model_validate(department).model_dump(mode="json")


# Departments ------------------------------------------------------------------------------


def get_department(session: Session, department_id: uuid.UUID) -> Department:
    department = repository.get_department(session, department_id)
    if department is None:
        raise DepartmentNotFound(f"No department has id {department_id}.")
    return department


def find_department_by_code(session: Session, code: str) -> Department | None:
    return repository.find_department_by_code(session, code.upper())


def list_departments(
    session: Session, params: PageParams, *, include_archived: bool = False, q: str | None = None
) -> tuple[Sequence[Department], int]:
    return repository.list_departments(
        session,
        include_archived=include_archived,
        q=q,
        offset=params.offset,
        limit=params.page_size,
    )


def create_department(session: Session, actor: Actor, data: DepartmentCreate) -> Department:
    if repository.find_department_by_code(session, data.code) is not None:
        raise DepartmentCodeTaken(f"Department code {data.code} is already in use.")
    department = Department(id=uuid.uuid4(), code=data.code, name=data.name)
    repository.add(session, department)
    audit.record(
        session,
        actor,
        "department.created",
        "department",
        department.id,
        after=_department_view(department),
    )
    return department


def update_department(
    session: Session,
    actor: Actor,
    department_id: uuid.UUID,
    expected_version: int,
    data: DepartmentUpdate,
) -> Department:
    department = get_department(session, department_id)
    check_version(department.version, expected_version)
    changes = data.changes()
    new_code = changes.get("code")
    if (
        new_code
        and new_code != department.code
        and repository.find_department_by_code(session, new_code) is not None
    ):
        raise DepartmentCodeTaken(f"Department code {new_code} is already in use.")
    before = _department_view(department)
    for field, value in changes.items():
        setattr(department, field, value)
    session.flush()
    audit.record(
        session,
        actor,
        "department.updated",
        "department",
        department.id,
        before=before,
        after=_department_view(department),
    )
    return department


def archive_department(
    session: Session, actor: Actor, department_id: uuid.UUID, expected_version: int
) -> Department:
    """Archive (never delete): the department stays in the records its people and accounts
    point to, and is no longer offered for new assignments."""
    department = get_department(session, department_id)
    check_version(department.version, expected_version)
    if department.archived_at is not None:
        raise DepartmentArchived(f"Department {department.code} is already archived.")
    active = repository.count_active_in_department(session, department_id)
    if active:
        raise DepartmentInUse(
            f"{active} active people still belong to department {department.code}; move them first."
        )
    before = _department_view(department)
    department.archived_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        "department.archived",
        "department",
        department.id,
        before=before,
        after=_department_view(department),
    )
    return department


# People -----------------------------------------------------------------------------------


def get_person(session: Session, person_id: uuid.UUID) -> Person:
    person = repository.get_person(session, person_id)
    if person is None:
        raise PersonNotFound(f"No person has id {person_id}.")
    return person


def read_person(session: Session, person_id: uuid.UUID) -> PersonRead:
    """A person as the API shows it, read without the ORM (the most frequent request)."""
    row = repository.read_person(session, person_id)
    if row is None:
        raise PersonNotFound(f"No person has id {person_id}.")
    return PersonRead.model_validate(row)


def find_person_id_by_email(session: Session, email: str) -> uuid.UUID | None:
    """The id of the person with this email, whatever its case, if there is one."""
    return repository.person_id_by_email(session, email)


def find_person_by_email(session: Session, email: str) -> PersonRef | None:
    """Who has this email, whatever its case, and whether they are still here."""
    row = repository.person_ref_by_email(session, email)
    return None if row is None else PersonRef(row[0], PersonStatus(row[1]))


def list_people(
    session: Session,
    params: PageParams,
    *,
    person_type: PersonType | None = None,
    status: PersonStatus | None = None,
    department_id: uuid.UUID | None = None,
    service_role: str | None = None,
    q: str | None = None,
) -> tuple[Sequence[Person], int]:
    return repository.list_people(
        session,
        person_type=person_type,
        status=status,
        department_id=department_id,
        service_role=service_role,
        q=q,
        offset=params.offset,
        limit=params.page_size,
    )


def _validate_person(session: Session, person: Person, department_changed: bool) -> None:
    if person.status == PersonStatus.DEPARTED and person.departed_on is None:
        raise DepartureInconsistent("A departed person needs departed_on.")
    if person.status == PersonStatus.ACTIVE and person.departed_on is not None:
        raise DepartureInconsistent(
            "An active person has no departed_on; set status to departed, or clear departed_on."
        )
    if person.person_type == PersonType.CONTRACTING_FIRM and person.service_roles:
        raise ServiceRolesNotAllowed(
            "A contracting firm is a separate entity, not a person "
            "covered by the policy; it holds no service roles."
        )
    if department_changed and person.department_id is not None:
        with session.no_autoflush:  # check before the changed row is written
            department = repository.get_department(session, person.department_id)
        if department is None:
            raise UnknownDepartment(f"No department has id {person.department_id}.")
        if department.archived_at is not None:
            raise UnknownDepartment(f"Department {department.code} is archived.")


# The earliest time zone is UTC+14: a date later than its date has not begun anywhere.
_EARLIEST_OFFSET = dt.timedelta(hours=14)


def _refuse_future_departure(departed_on: dt.date | None) -> None:
    """A departure is recorded once the person has left, never ahead of time: grants, API
    keys and eligibility all read a departed person as gone from that moment. Judged without
    the town's zone (callers give today in UTC or in the town): only a date that has not yet
    begun anywhere on Earth is refused."""
    if departed_on is None:
        return
    latest = (utcnow() + _EARLIEST_OFFSET).date()
    if departed_on > latest:
        raise DepartureInFuture(
            f"departed_on {departed_on.isoformat()} has not begun yet: record a departure "
            "once the person has left."
        )


def create_person(session: Session, actor: Actor, data: PersonCreate) -> Person:
    _refuse_future_departure(data.departed_on)
    email = data.email.lower()
    if repository.person_id_by_email(session, email) is not None:
        raise PersonEmailTaken(f"{email} already belongs to another person.")
    fields = data.model_dump()
    fields["email"] = email
    fields["service_roles"] = sorted({role.value for role in data.service_roles})
    person = Person(id=uuid.uuid4(), **fields)
    _validate_person(session, person, department_changed=True)
    repository.add(session, person)
    audit.record(session, actor, "person.created", "person", person.id, after=_person_view(person))
    return person


def update_person(
    session: Session, actor: Actor, person_id: uuid.UUID, expected_version: int, data: PersonUpdate
) -> Person:
    person = get_person(session, person_id)
    check_version(person.version, expected_version)
    changes = data.changes()
    _refuse_future_departure(changes.get("departed_on"))
    if "email" in changes:
        changes["email"] = changes["email"].lower()
        other = repository.person_id_by_email(session, changes["email"])
        if other is not None and other != person.id:
            raise PersonEmailTaken(f"{changes['email']} already belongs to another person.")
    if "service_roles" in changes:
        changes["service_roles"] = sorted(set(changes["service_roles"]))
    if changes.get("status") == PersonStatus.ACTIVE and "departed_on" not in changes:
        changes["departed_on"] = None  # a return clears the departure
    before = _person_view(person)
    for field, value in changes.items():
        setattr(person, field, value)
    _validate_person(session, person, department_changed="department_id" in changes)
    session.flush()
    action = (
        "person.departed"
        if (before["status"] == PersonStatus.ACTIVE and person.status == PersonStatus.DEPARTED)
        else "person.updated"
    )
    audit.record(
        session, actor, action, "person", person.id, before=before, after=_person_view(person)
    )
    return person


def mark_departed(
    session: Session, actor: Actor, person_id: uuid.UUID, departed_on: dt.date
) -> tuple[Person, bool]:
    """Record that a person has left (offboarding). Idempotent: a person already departed
    keeps their first departure date, and the second return value says nothing changed. A
    departure date after today is refused, whether or not the person has left already."""
    person = get_person(session, person_id)
    _refuse_future_departure(departed_on)
    if person.status == PersonStatus.DEPARTED:
        return person, False
    before = _person_view(person)
    person.status = PersonStatus.DEPARTED
    person.departed_on = departed_on
    session.flush()
    audit.record(
        session,
        actor,
        "person.departed",
        "person",
        person.id,
        before=before,
        after=_person_view(person),
    )
    return person, True
