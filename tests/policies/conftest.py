from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.core.actor import Role
from app.core.db import Database
from app.policies.models import Policy, PolicyVersion
from app.seed import SAMPLE_POLICY_CODE, seed_sample_policy

SMALL_POLICY = """\
---
label: draft-1
effective_from: 2025-01-01
coverage:
  - effect: include
    person_types: [employee, volunteer, contract_employee]
    clause: "2"
  - effect: exclude
    person_types: [contracting_firm]
    clause: "2"
  - effect: exempt
    account_kinds: [personal]
    town_business: false
    clause: "3"
  - effect: exempt
    account_kinds: [personal]
    town_business: true
    clause: "3"
    still_applies: ["5"]
---
# Social Media Policy

## 1. Purpose

This policy sets out how the Town uses social media.

## 2. Scope

This policy applies to employees, volunteers and contract employees of the Town.

## 3. Exemptions

Personal use of personal accounts is exempt.

## 4. Definitions

"Town" means the Corporation of the Town of Example.

## 5. Personal Use

5.1 Staff who discuss Town business on a personal account say that their views are their own.

(a) Be transparent about your role.

(b) Be accurate.
"""


@dataclass(frozen=True)
class SamplePolicy:
    policy_id: str
    versions: dict[str, str]  # label -> id

    def url(self, label: str | None = None) -> str:
        base = f"/api/v1/policies/{self.policy_id}"
        return base if label is None else f"{base}/versions/{self.versions[label]}"


@pytest.fixture
def sample_policy(client: TestClient, database: Database) -> SamplePolicy:
    """The sample town's social media policy: 2021 superseded by the 2024 revision."""
    with database.transaction() as session:
        seed_sample_policy(session)
        policy_id = session.scalar(select(Policy.id).where(Policy.code == SAMPLE_POLICY_CODE))
        versions = {
            v.label: str(v.id)
            for v in session.scalars(
                select(PolicyVersion).where(PolicyVersion.policy_id == policy_id)
            )
        }
    return SamplePolicy(str(policy_id), versions)


@pytest.fixture
def new_policy(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> Callable[..., dict[str, Any]]:
    """Create a policy through the API: ``new_policy(code="x")``."""

    def create(code: str = "social-media", title: str = "Social Media Policy") -> dict[str, Any]:
        response = client.post(
            "/api/v1/policies", json={"code": code, "title": title}, headers=auth(Role.STAFF)
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    return create


def import_document(
    client: TestClient,
    headers: dict[str, str],
    policy_id: str,
    text: str,
    *,
    media_type: str = "text/markdown",
    label: str | None = None,
) -> Any:
    return client.post(
        f"/api/v1/policies/{policy_id}/versions",
        content=text.encode(),
        headers={**headers, "Content-Type": media_type},
        params={"label": label} if label else None,
    )
