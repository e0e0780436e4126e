from app.core.errors import NotFound


class AuditEventNotFound(NotFound):
    type = "audit-event-not-found"
    title = "Audit event not found"
