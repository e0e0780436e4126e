"""Builders the training tests share: the catalogue, completions and acknowledgements through
the API, the sample town's policy with its screening rulesets, and a clock held on a known
town date so that dates computed in a test are the dates the service judges on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import time_machine
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.core.actor import Role, system_actor
from app.core.config import Settings
from app.core.db import Database
from app.policies.models import Policy, PolicyVersion
from app.screening.samples import seed_sample_screening
from app.seed import SAMPLE_POLICY_CODE, seed_sample_policy
from tests.accounts.conftest import registry  # noqa: F401  (the account registry fixture)

TRAINING = "/api/v1/training"
GATED_ROLES = ("owner", "publisher", "moderator")
DAY = dt.timedelta(days=1)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


@pytest.fixture
def today(settings: Settings) -> Iterator[dt.date]:
    """The town's date, with the clock moved forward to the next noon in the town (and left
    ticking), so that no test straddles a town midnight."""
    now = dt.datetime.now(settings.zone)
    noon = now.replace(hour=12, minute=0, second=0, microsecond=0)
    if noon <= now:
        noon += DAY  # wall-clock arithmetic: noon again, whatever the offset
    with time_machine.travel(noon, tick=True):
        yield noon.date()


def seed_town(database: Database) -> dict[str, str]:
    """The sample policy (2021, in force from 2021-03-01, superseded by 2024 from 2024-09-01)
    with a screening ruleset for each version; returns version ids by label."""
    with database.transaction() as session:
        seed_sample_policy(session)
        policy_id = session.scalar(select(Policy.id).where(Policy.code == SAMPLE_POLICY_CODE))
        assert policy_id is not None
        seed_sample_screening(session, system_actor("tests"), policy_id)
        rows = session.execute(
            select(PolicyVersion.label, PolicyVersion.id).where(
                PolicyVersion.policy_id == policy_id
            )
        ).all()
    return {label: str(version_id) for label, version_id in rows}


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


@dataclass
class Training:
    """The training catalogue and records, written as the town's systems would: the admin
    keeps the catalogue, the learning-management system (integration key) sends results."""

    client: TestClient
    admin: dict[str, str]
    integration: dict[str, str]
    today: dt.date
    competencies: set[str] = field(default_factory=set)

    def competency(self, code: str) -> dict[str, Any]:
        body = ok(
            self.client.post(
                f"{TRAINING}/competencies",
                json={"code": code, "name": code.replace("_", " ").capitalize()},
                headers=self.admin,
            ),
            201,
        )
        self.competencies.add(code)
        return dict(body)

    def module(
        self,
        code: str,
        competencies: Iterable[str],
        *,
        version: str = "1",
        validity_days: int = 365,
        roles: Iterable[str] = GATED_ROLES,
        **fields: Any,
    ) -> dict[str, Any]:
        """A module version; the competencies it names are created first when new."""
        codes = list(competencies)
        for competency in codes:
            if competency not in self.competencies:
                self.competency(competency)
        body = {
            "code": code,
            "module_version": version,
            "title": f"{code} {version}",
            "competency_codes": codes,
            "validity_days": validity_days,
            "required_for_roles": list(roles),
            **fields,
        }
        return dict(ok(self.client.post(f"{TRAINING}/modules", json=body, headers=self.admin), 201))

    def completion_body(
        self,
        person_id: str,
        module_id: str,
        completed_on: dt.date | None = None,
        score: float = 90,
        **fields: Any,
    ) -> dict[str, Any]:
        return {
            "person_id": person_id,
            "module_id": module_id,
            "completed_on": (completed_on or self.today).isoformat(),
            "score": score,
            **fields,
        }

    def complete(
        self,
        person_id: str,
        module_id: str,
        completed_on: dt.date | None = None,
        score: float = 90,
        **fields: Any,
    ) -> dict[str, Any]:
        body = self.completion_body(person_id, module_id, completed_on, score, **fields)
        response = self.client.post(f"{TRAINING}/completions", json=body, headers=self.integration)
        return dict(ok(response, 201))

    def retire(self, module_id: str, *, requires_retraining: bool = False) -> dict[str, Any]:
        url = f"{TRAINING}/modules/{module_id}"
        etag = self.client.get(url, headers=self.admin).headers["ETag"]
        response = self.client.post(
            f"{url}/retire",
            json={
                "reason": "Replaced by a new edition",
                "requires_retraining": requires_retraining,
            },
            headers={**self.admin, "If-Match": etag},
        )
        return dict(ok(response))

    def acknowledge(self, person_id: str, **fields: Any) -> dict[str, Any]:
        response = self.client.post(
            f"{TRAINING}/acknowledgements",
            json={"person_id": person_id, **fields},
            headers=self.integration,
        )
        return dict(ok(response, 201))

    def eligibility(
        self, person_id: str, role: str = "moderator", headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        response = self.client.get(
            f"/api/v1/people/{person_id}/eligibility",
            params={"role": role},
            headers=headers or self.admin,
        )
        return dict(ok(response))


@pytest.fixture
def training(
    client: TestClient,
    admin: dict[str, str],
    auth: Callable[[Role], dict[str, str]],
    today: dt.date,
) -> Training:
    return Training(client, admin, auth(Role.INTEGRATION), today)
