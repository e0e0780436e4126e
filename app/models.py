"""Every ORM model, imported so ``Base.metadata`` is complete (migrations, tests)."""

from app.audit.models import AuditEvent
from app.auth.models import ApiKey
from app.core.db import Base
from app.core.idempotency import IdempotencyRecord
from app.people.models import Department, Person

__all__ = ["ApiKey", "AuditEvent", "Base", "Department", "IdempotencyRecord", "Person"]
