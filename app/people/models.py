from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, UTCDateTime, sql_in, utcnow


class PersonType(StrEnum):
    EMPLOYEE = "employee"
    VOLUNTEER = "volunteer"
    CONTRACT_EMPLOYEE = "contract_employee"
    CONTRACTING_FIRM = "contracting_firm"
    COUNCIL_MEMBER = "council_member"
    MAYOR = "mayor"
    CAO = "cao"


class PersonStatus(StrEnum):
    ACTIVE = "active"
    DEPARTED = "departed"


class ServiceRole(StrEnum):
    """What a person may do in Civic Social (API keys carry roles of their own)."""

    ADMIN = "admin"
    APPROVER = "approver"
    MODERATOR = "moderator"
    STAFF = "staff"
    AUDITOR = "auditor"


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    archived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint(f"person_type IN ({sql_in(PersonType)})", name="person_type"),
        CheckConstraint(f"status IN ({sql_in(PersonStatus)})", name="status"),
        CheckConstraint(
            "(status = 'departed' AND departed_on IS NOT NULL) OR "
            "(status = 'active' AND departed_on IS NULL)",
            name="departed_on_matches_status",
        ),
        Index(None, "department_id"),
        Index(None, "family_name", "given_name"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    # Stored lower-cased: the unique constraint is then case-insensitive on every database.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    person_type: Mapped[PersonType] = mapped_column(String(32))
    department_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT")
    )
    job_title: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[PersonStatus] = mapped_column(String(16), default=PersonStatus.ACTIVE)
    departed_on: Mapped[dt.date | None] = mapped_column(Date)
    service_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
