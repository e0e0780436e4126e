from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query, Response, status

from app.auth.dependencies import authorized
from app.core.actor import Actor, Role
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.etag import IfMatchHeader, etag_for, required_version
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import DomainRouter
from app.people import service
from app.people.models import PersonStatus, PersonType, ServiceRole
from app.people.schemas import (
    DepartmentCreate,
    DepartmentRead,
    DepartmentUpdate,
    PersonCreate,
    PersonRead,
    PersonUpdate,
)

router = DomainRouter(serves=("/people", "/departments"))

Reader = Annotated[Actor, authorized(*Role)]
Editor = Annotated[Actor, authorized(Role.ADMIN, Role.INTEGRATION)]

_PERSON_READ = problem_responses(404)
_PERSON_WRITE = problem_responses(404, 409, 412, 428)


# People first: routes are matched in order, and a person is read far more often.
@router.get("/people", tags=["people"], summary="List people")
async def list_people(
    session: SessionDep,
    _: Reader,
    page: PageDep,
    person_type: PersonType | None = None,
    status: PersonStatus | None = None,
    department_id: uuid.UUID | None = None,
    service_role: ServiceRole | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of a name or email")] = None,
) -> Page[PersonRead]:
    """People ordered by family name, given name and id."""
    items, total = service.list_people(
        session,
        page,
        person_type=person_type,
        status=status,
        department_id=department_id,
        service_role=service_role.value if service_role else None,
        q=q,
    )
    return Page.of([PersonRead.model_validate(p) for p in items], total, page)


@router.post(
    "/people",
    tags=["people"],
    summary="Add a person",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_person(
    body: PersonCreate,
    session: SessionDep,
    actor: Editor,
    _idempotency: IdempotencyDep,
    response: Response,
) -> PersonRead:
    """Add an employee, volunteer, contractor, elected official or contracting firm."""
    person = service.create_person(session, actor, body)
    response.headers["Location"] = f"/api/v1/people/{person.id}"
    response.headers["ETag"] = etag_for(person.version)
    return PersonRead.model_validate(person)


@router.get("/people/{person_id}", tags=["people"], summary="Get a person", responses=_PERSON_READ)
async def get_person(
    person_id: uuid.UUID, session: SessionDep, _: Reader, response: Response
) -> PersonRead:
    """One person, with the ETag to send as If-Match when updating."""
    person = service.read_person(session, person_id)
    response.headers["ETag"] = etag_for(person.version)
    return person


@router.patch(
    "/people/{person_id}", tags=["people"], summary="Update a person", responses=_PERSON_WRITE
)
async def update_person(
    person_id: uuid.UUID,
    body: PersonUpdate,
    session: SessionDep,
    actor: Editor,
    response: Response,
    if_match: IfMatchHeader = None,
) -> PersonRead:
    """Change a person; set status to departed with departed_on when they leave. Needs If-Match."""
    person = service.update_person(session, actor, person_id, required_version(if_match), body)
    response.headers["ETag"] = etag_for(person.version)
    return PersonRead.model_validate(person)


@router.get("/departments", tags=["departments"], summary="List departments")
async def list_departments(
    session: SessionDep,
    _: Reader,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
    include_archived: bool = False,
) -> Page[DepartmentRead]:
    """Departments ordered by code; archived ones only on request."""
    items, total = service.list_departments(session, page, include_archived=include_archived, q=q)
    return Page.of([DepartmentRead.model_validate(d) for d in items], total, page)


@router.post(
    "/departments",
    tags=["departments"],
    summary="Create a department",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
async def create_department(
    body: DepartmentCreate,
    session: SessionDep,
    actor: Editor,
    _idempotency: IdempotencyDep,
    response: Response,
) -> DepartmentRead:
    """Create a department. Codes are unique and upper-cased."""
    department = service.create_department(session, actor, body)
    response.headers["Location"] = f"/api/v1/departments/{department.id}"
    response.headers["ETag"] = etag_for(department.version)
    return DepartmentRead.model_validate(department)


@router.get(
    "/departments/{department_id}",
    tags=["departments"],
    summary="Get a department",
    responses=problem_responses(404),
)
async def get_department(
    department_id: uuid.UUID, session: SessionDep, _: Reader, response: Response
) -> DepartmentRead:
    """One department, with its ETag for a later update."""
    department = service.get_department(session, department_id)
    response.headers["ETag"] = etag_for(department.version)
    return DepartmentRead.model_validate(department)


@router.patch(
    "/departments/{department_id}",
    tags=["departments"],
    summary="Update a department",
    responses=problem_responses(404, 409, 412, 428),
)
async def update_department(
    department_id: uuid.UUID,
    body: DepartmentUpdate,
    session: SessionDep,
    actor: Editor,
    response: Response,
    if_match: IfMatchHeader = None,
) -> DepartmentRead:
    """Change a department's code or name. Needs If-Match."""
    department = service.update_department(
        session, actor, department_id, required_version(if_match), body
    )
    response.headers["ETag"] = etag_for(department.version)
    return DepartmentRead.model_validate(department)


@router.delete(
    "/departments/{department_id}",
    tags=["departments"],
    summary="Archive a department",
    responses=problem_responses(404, 409, 412, 428),
)
async def archive_department(
    department_id: uuid.UUID,
    session: SessionDep,
    actor: Editor,
    response: Response,
    if_match: IfMatchHeader = None,
) -> DepartmentRead:
    """Archive a department with no active people. It is kept for the records that cite it."""
    department = service.archive_department(
        session, actor, department_id, required_version(if_match)
    )
    response.headers["ETag"] = etag_for(department.version)
    return DepartmentRead.model_validate(department)
