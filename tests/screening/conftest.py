from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.core.actor import Role, system_actor
from app.core.db import Database
from app.policies.models import Policy, PolicyVersion
from app.screening.models import Ruleset
from app.screening.samples import seed_sample_screening
from app.seed import SAMPLE_POLICY_CODE, seed_sample_policy
from tests.accounts.conftest import registry  # noqa: F401  (the account registry fixture)

SCREENINGS = "/api/v1/screenings"


@dataclass(frozen=True)
class ScreeningTown:
    policy_id: str
    versions: dict[str, str]  # label -> policy version id
    rulesets: dict[str, str]  # label -> ruleset id


@pytest.fixture
def town(client: TestClient, database: Database) -> ScreeningTown:
    """The sample policy (2021, 2024) with a ruleset for each version and the sample
    by-election (period 2027-01-04 to 2027-03-22, candidates Jordan Ellis-Carter and Priya
    Raman)."""
    with database.transaction() as session:
        seed_sample_policy(session)
        policy_id = session.scalar(select(Policy.id).where(Policy.code == SAMPLE_POLICY_CODE))
        assert policy_id is not None
        seed_sample_screening(session, system_actor("tests"), policy_id)
        rows = session.execute(
            select(PolicyVersion.label, PolicyVersion.id, Ruleset.id)
            .join(Ruleset, Ruleset.policy_version_id == PolicyVersion.id)
            .where(PolicyVersion.policy_id == policy_id)
        ).all()
    return ScreeningTown(
        str(policy_id),
        {label: str(version_id) for label, version_id, _ in rows},
        {label: str(ruleset_id) for label, _, ruleset_id in rows},
    )


@pytest.fixture
def screen(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> Callable[..., dict[str, Any]]:
    """POST one text and return the verdict: ``screen("text", kind="comment")``."""

    def post(text: str, kind: str = "post", role: Role = Role.STAFF, **fields: Any) -> Any:
        response = client.post(
            SCREENINGS, json={"text": text, "kind": kind, **fields}, headers=auth(role)
        )
        assert response.status_code == 201, response.text
        return response.json()

    return post
