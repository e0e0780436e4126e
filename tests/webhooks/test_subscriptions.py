"""Webhook subscriptions: administrators register endpoints, see the secret once, and keep
them up to date; unsafe targets and unknown event types are refused."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.actor import Role
from app.core.db import Database
from app.events.catalogue import EVENT_TYPES
from app.webhooks.models import WebhookSubscription
from tests.core.problems import assert_problem
from tests.training.conftest import ok
from tests.webhooks.conftest import WEBHOOKS

pytestmark = pytest.mark.usefixtures("loopback")
URL = "http://127.0.0.1:9/hooks"


def test_a_subscription_shows_its_secret_once_and_keeps_it_sealed(
    client: TestClient, admin: dict[str, str], database: Database
) -> None:
    created = client.post(
        WEBHOOKS, json={"url": URL, "event_types": ["comment.hidden"]}, headers=admin
    )

    body = ok(created, 201)
    assert body["secret"].startswith("whsec_")
    assert created.headers["Location"] == f"{WEBHOOKS}/{body['id']}"
    read = ok(client.get(f"{WEBHOOKS}/{body['id']}", headers=admin))
    assert "secret" not in read
    assert read["event_types"] == ["comment.hidden"]
    with database.session() as session:
        row = session.get(WebhookSubscription, uuid.UUID(body["id"]))
        assert row is not None
        assert body["secret"] not in row.secret_encrypted
        audited = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == body["id"])
        ).one()
    assert audited.action == "webhook.created"
    assert body["secret"] not in str(audited.after)


def test_the_catalogue_lists_every_event_type(client: TestClient, admin: dict[str, str]) -> None:
    listed = ok(client.get(f"{WEBHOOKS}/event-types", headers=admin))
    assert {e["type"] for e in listed} == set(EVENT_TYPES)
    assert all(e["description"] for e in listed)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"url": "http://127.0.0.2/x"}, "webhook-target-not-allowed"),  # only 127.0.0.1 allowed
        ({"url": "http://10.0.0.8/hooks"}, "webhook-target-not-allowed"),
        ({"url": "https://169.254.169.254/latest"}, "webhook-target-not-allowed"),
        ({"url": "http://[::1]/hooks"}, "webhook-target-not-allowed"),
        ({"event_types": ["comment.vanished"]}, "validation-error"),
        ({"event_types": []}, "validation-error"),
        ({"event_types": ["*", "*"]}, "validation-error"),
        ({"url": "not a url"}, "webhook-target-not-allowed"),
        ({"secret": "mine"}, "validation-error"),
    ],
)
def test_bad_subscriptions_are_refused_and_nothing_is_written(
    client: TestClient, admin: dict[str, str], body: dict[str, Any], problem: str
) -> None:
    response = client.post(WEBHOOKS, json={"url": URL, "event_types": ["*"], **body}, headers=admin)
    assert_problem(response, 422, f"/problems/{problem}")
    assert ok(client.get(WEBHOOKS, headers=admin))["total"] == 0


def test_only_administrators_keep_webhooks(
    client: TestClient, auth: Any, admin: dict[str, str]
) -> None:
    for role in (Role.APPROVER, Role.AUDITOR, Role.INTEGRATION, Role.MODERATOR, Role.STAFF):
        assert_problem(client.get(WEBHOOKS, headers=auth(role)), 403, "/problems/role-required")


def test_a_subscription_is_updated_paused_and_its_secret_rotated_with_if_match(
    client: TestClient, admin: dict[str, str]
) -> None:
    created = ok(client.post(WEBHOOKS, json={"url": URL, "event_types": ["*"]}, headers=admin), 201)
    url = f"{WEBHOOKS}/{created['id']}"
    assert_problem(client.patch(url, json={"is_active": False}, headers=admin), 428)
    paused = ok(client.patch(url, json={"is_active": False}, headers={**admin, "If-Match": '"1"'}))
    assert (paused["is_active"], paused["version"]) == (False, 2)
    refused = client.patch(
        url, json={"url": "http://10.9.9.9/x"}, headers={**admin, "If-Match": '"2"'}
    )
    assert_problem(refused, 422, "/problems/webhook-target-not-allowed")
    stale = client.post(f"{url}/rotate-secret", headers={**admin, "If-Match": '"1"'})
    assert_problem(stale, 412)

    rotated = ok(client.post(f"{url}/rotate-secret", headers={**admin, "If-Match": '"2"'}))

    assert rotated["secret"] != created["secret"]
    assert rotated["secret_rotated_at"] is not None
    assert_problem(
        client.post(f"{url}/test", headers=admin), 409, "/problems/webhook-subscription-inactive"
    )
    assert_problem(client.get(f"{WEBHOOKS}/{uuid.uuid4()}", headers=admin), 404)
