from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import EmailStr, Field, StringConstraints

from app.core.schemas import IsoDate, RequestModel, ResponseModel, UpdateModel
from app.people.models import PersonStatus, PersonType, ServiceRole

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Code = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_upper=True,
        min_length=1,
        max_length=32,
        pattern=r"^[A-Za-z0-9_-]+$",
    ),
]


class DepartmentCreate(RequestModel):
    code: Code = Field(examples=["COMMS"])
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        examples=["Communications"]
    )


class DepartmentUpdate(UpdateModel):
    not_nullable = frozenset({"code", "name"})

    code: Code | None = None
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None


class DepartmentRead(ResponseModel):
    id: uuid.UUID
    code: str
    name: str
    archived_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class PersonCreate(RequestModel):
    given_name: Name = Field(examples=["Amara"])
    family_name: Name = Field(examples=["Okafor"])
    email: EmailStr = Field(examples=["amara.okafor@town.example.ca"])
    person_type: PersonType
    department_id: uuid.UUID | None = None
    job_title: Annotated[str, StringConstraints(max_length=200)] | None = Field(
        default=None, examples=["Communications Officer"]
    )
    status: PersonStatus = PersonStatus.ACTIVE
    departed_on: IsoDate | None = None
    service_roles: list[ServiceRole] = Field(default_factory=list, max_length=len(ServiceRole))


class PersonUpdate(UpdateModel):
    not_nullable = frozenset(
        {"given_name", "family_name", "email", "person_type", "status", "service_roles"}
    )

    given_name: Name | None = None
    family_name: Name | None = None
    email: EmailStr | None = None
    person_type: PersonType | None = None
    department_id: uuid.UUID | None = None
    job_title: Annotated[str, StringConstraints(max_length=200)] | None = None
    status: PersonStatus | None = None
    departed_on: IsoDate | None = None
    service_roles: list[ServiceRole] | None = Field(default=None, max_length=len(ServiceRole))


class PersonRead(ResponseModel):
    id: uuid.UUID
    given_name: str
    family_name: str
    email: str
    person_type: PersonType
    department_id: uuid.UUID | None
    job_title: str | None
    status: PersonStatus
    departed_on: dt.date | None
    service_roles: list[ServiceRole]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
