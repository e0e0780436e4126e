"""Who is acting: what services receive instead of an HTTP request, so audit entries and
rules can name the actor without any domain depending on the auth package."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    APPROVER = "approver"
    MODERATOR = "moderator"
    STAFF = "staff"
    AUDITOR = "auditor"
    INTEGRATION = "integration"


class ActorKind(StrEnum):
    API_KEY = "api_key"
    USER = "user"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Actor:
    kind: ActorKind
    id: str
    name: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    person_id: uuid.UUID | None = None
    # From an identity-provider token: how the service finds the person acting.
    email: str | None = None

    def has_any(self, roles: frozenset[Role]) -> bool:
        return Role.ADMIN in self.roles or not roles.isdisjoint(self.roles)


def system_actor(name: str = "civic-social") -> Actor:
    """The service itself: seeds, sweeps and command-line maintenance."""
    return Actor(kind=ActorKind.SYSTEM, id=name, name=name, roles=frozenset({Role.ADMIN}))
