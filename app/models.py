"""Every ORM model, imported so ``Base.metadata`` is complete (migrations, tests)."""

from app.accounts.models import AccessGrant, Account, PostRecord, Reconciliation
from app.audit.models import AuditEvent
from app.auth.models import ApiKey
from app.core.db import Base
from app.core.idempotency import IdempotencyRecord
from app.events.models import OutboxEvent
from app.moderation.models import (
    Appeal,
    AuthorBlock,
    Comment,
    LegalHold,
    ModerationAction,
    ReasonCode,
)
from app.people.models import Department, Person
from app.policies.models import Clause, Policy, PolicyVersion
from app.screening.models import (
    Candidate,
    Election,
    Ruleset,
    RulesetTerm,
    Screening,
    ScreeningConfig,
    ScreeningReview,
)
from app.training.models import Acknowledgement, Competency, Completion, TrainingModule
from app.webhooks.models import WebhookDelivery, WebhookSubscription

# Schema objects the migrations create beside the models: the full-text search of clauses
# (revision 0003), an FTS5 table and its shadow tables on SQLite, an index on PostgreSQL.
SEARCH_INDEX_OBJECTS = ("clause_search", "ix_clauses_search")


def is_modelled(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """False for the search objects, which autogenerate must neither drop nor compare."""
    return not (name and type_ in ("table", "index") and name.startswith(SEARCH_INDEX_OBJECTS))


__all__ = [
    "SEARCH_INDEX_OBJECTS",
    "AccessGrant",
    "Account",
    "Acknowledgement",
    "ApiKey",
    "Appeal",
    "AuditEvent",
    "AuthorBlock",
    "Base",
    "Candidate",
    "Clause",
    "Comment",
    "Competency",
    "Completion",
    "Department",
    "Election",
    "IdempotencyRecord",
    "LegalHold",
    "ModerationAction",
    "OutboxEvent",
    "Person",
    "Policy",
    "PolicyVersion",
    "PostRecord",
    "ReasonCode",
    "Reconciliation",
    "Ruleset",
    "RulesetTerm",
    "Screening",
    "ScreeningConfig",
    "ScreeningReview",
    "TrainingModule",
    "WebhookDelivery",
    "WebhookSubscription",
    "is_modelled",
]
