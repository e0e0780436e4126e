from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.actor import Role
from tests.factories import create_department, create_person

ACCOUNTS = "/api/v1/accounts"
_handles = itertools.count(1)


@dataclass
class Registry:
    """Builds accounts through the API, as the town's people would."""

    client: TestClient
    admin: dict[str, str]
    make_key: Callable[..., str]
    department_id: str = ""
    approver: dict[str, str] = field(default_factory=dict)
    integration: dict[str, str] = field(default_factory=dict)

    def person(self, **overrides: Any) -> dict[str, Any]:
        overrides.setdefault("department_id", self.department_id)
        return create_person(self.client, self.admin, **overrides)

    def headers(self, role: Role, person_id: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.make_key(role, person_id=person_id)}"}

    def request_body(self, **overrides: Any) -> dict[str, Any]:
        n = next(_handles)
        if "named_publisher_ids" not in overrides:
            overrides["named_publisher_ids"] = [self.person()["id"]]
        if "backup_publisher_id" not in overrides:
            overrides["backup_publisher_id"] = self.person()["id"]
        body: dict[str, Any] = {
            "platform": "facebook",
            "url": f"https://www.facebook.com/AlderBaySample{n}",
            "display_name": f"Alder Bay Sample {n}",
            "department_id": self.department_id,
            "kind": "departmental",
            "purpose": "Program news and closures",
            "audience": "Residents",
            "business_need": "Residents ask for same-day notices",
            "content_plan": "Three posts a week",
            "moderation_plan": "Comments read twice a day",
            "records_retention_acknowledged": True,
        }
        body.update(overrides)
        return body

    def request(self, headers: dict[str, str] | None = None, **overrides: Any) -> dict[str, Any]:
        response = self.client.post(
            ACCOUNTS, json=self.request_body(**overrides), headers=headers or self.admin
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    def account(self, status: str = "active", **overrides: Any) -> dict[str, Any]:
        """An account requested by the admin key and moved to ``status``."""
        account = self.request(**overrides)
        if status == "requested":
            return account
        decision = "reject" if status == "rejected" else "approve"
        account = self.move(account["id"], decision, headers=self.approver)
        for step in {
            "active": ["activate"],
            "dormant": ["activate"],
            "decommissioned": ["decommission"],
        }.get(status, []):
            account = self.move(account["id"], step)
        if status == "dormant":
            response = self.client.post(
                f"{ACCOUNTS}/dormancy-sweep", json={"inactive_days": 1}, headers=self.admin
            )
            assert response.status_code == 200, response.text
            account = self.client.get(f"{ACCOUNTS}/{account['id']}", headers=self.admin).json()
        return account

    def move(
        self, account_id: str, action: str, headers: dict[str, str] | None = None, **body: Any
    ) -> dict[str, Any]:
        body.setdefault("reason", f"{action} for the test")
        headers = headers or self.admin
        etag = self.client.get(f"{ACCOUNTS}/{account_id}", headers=headers).headers["ETag"]
        response = self.client.post(
            f"{ACCOUNTS}/{account_id}/{action}",
            json=body,
            headers={**headers, "If-Match": etag},
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def grant(
        self,
        account_id: str,
        person_id: str,
        role: str = "publisher",
        headers: dict[str, str] | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        response = self.client.post(
            f"{ACCOUNTS}/{account_id}/grants",
            json={"person_id": person_id, "role": role, **fields},
            headers=headers or self.admin,
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body


@pytest.fixture
def registry(
    client: TestClient,
    admin: dict[str, str],
    make_key: Callable[..., str],
    auth: Callable[[Role], dict[str, str]],
) -> Registry:
    reg = Registry(client, admin, make_key)
    reg.department_id = create_department(client, admin)["id"]
    cao = reg.person(person_type="cao")
    reg.approver = reg.headers(Role.APPROVER, cao["id"])
    reg.integration = auth(Role.INTEGRATION)
    return reg
