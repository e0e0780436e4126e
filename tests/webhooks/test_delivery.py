"""The worker: each event to each subscription that wants it, signed the Standard Webhooks
way, retried with backoff, a dead letter in the end, sent again on request; a lease that
runs out hands a message to another worker (at least once)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from standardwebhooks import Webhook

from app.core.config import WebhookSettings
from app.core.db import Database
from app.webhooks import repository
from app.webhooks.models import WebhookDelivery
from app.webhooks.worker import Worker, backoff
from tests.core.problems import assert_problem
from tests.factories import create_department
from tests.training.conftest import ok
from tests.webhooks.conftest import WEBHOOKS, drain, subscribe
from tests.webhooks.receiver import ACCEPT, FAIL, always, receiving

pytestmark = pytest.mark.usefixtures("loopback")


def _deliveries(database: Database) -> list[WebhookDelivery]:
    with database.session() as session:
        return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.created_at)))


def test_events_reach_the_subscriptions_that_want_them_signed(
    client: TestClient,
    admin: dict[str, str],
    database: Database,
    make_worker: Callable[..., Worker],
) -> None:
    with receiving(always(ACCEPT)) as everything, receiving(always(ACCEPT)) as people_only:
        every = subscribe(client, admin, everything.url)
        person = subscribe(client, admin, people_only.url, ["person.created"])
        department = create_department(client, admin)
        created = client.post(
            "/api/v1/people",
            json={
                "given_name": "Ada",
                "family_name": "Lovelace",
                "email": "ada@town.example.ca",
                "person_type": "employee",
            },
            headers=admin,
        ).json()

        drain(make_worker())

    types = [json.loads(r.body)["type"] for r in everything.requests]
    assert sorted(types) == ["department.created", "person.created"]
    (only,) = people_only.requests
    message = Webhook(person["secret"]).verify(only.body, only.headers)
    assert message["type"] == "person.created"
    assert message["data"]["id"] == created["id"]
    assert message["data"]["state"]["email"] == "ada@town.example.ca"
    assert isinstance(message["data"]["audit_seq"], int)
    for received in everything.requests:
        Webhook(every["secret"]).verify(received.body, received.headers)
        with pytest.raises(Exception, match="signature"):
            Webhook(person["secret"]).verify(received.body, received.headers)
    assert {d.status for d in _deliveries(database)} == {"delivered"}
    history = ok(client.get(f"{WEBHOOKS}/{every['id']}/deliveries", headers=admin))
    assert history["total"] == 2
    assert {d["event_id"] for d in history["items"]} == set(everything.ids())
    del department


def test_a_failing_receiver_gets_retries_then_a_dead_letter_that_can_be_sent_again(
    client: TestClient,
    admin: dict[str, str],
    database: Database,
    make_worker: Callable[..., Worker],
) -> None:
    with receiving(always(FAIL)) as receiver:
        hook = subscribe(client, admin, receiver.url)
        create_department(client, admin)
        drain(make_worker(max_attempts=3))
        assert len(receiver.requests) == 3
        assert len(set(receiver.ids())) == 1, "every attempt carries the same webhook-id"
        (dead,) = _deliveries(database)
        assert (dead.status, dead.attempts, dead.last_status_code) == ("dead", 3, 500)
        assert dead.last_error == "HTTP 500"
        url = f"{WEBHOOKS}/{hook['id']}/deliveries"
        listed = ok(client.get(url, params={"status": "dead"}, headers=admin))
        assert [d["id"] for d in listed["items"]] == [str(dead.id)]

        receiver.decide = always(ACCEPT)
        retried = ok(client.post(f"{url}/{dead.id}/retry", headers=admin))
        assert (retried["status"], retried["attempts"]) == ("pending", 0)
        assert_problem(client.post(f"{url}/{dead.id}/retry", headers=admin), 409)
        drain(make_worker(max_attempts=3))

    (delivered,) = _deliveries(database)
    assert (delivered.status, delivered.attempts) == ("delivered", 1)
    assert len(receiver.requests) == 4


def test_a_test_message_goes_to_its_subscription_only(
    client: TestClient, admin: dict[str, str], make_worker: Callable[..., Worker]
) -> None:
    with receiving(always(ACCEPT)) as mine, receiving(always(ACCEPT)) as theirs:
        hook = subscribe(client, admin, mine.url)
        subscribe(client, admin, theirs.url)
        queued = client.post(f"{WEBHOOKS}/{hook['id']}/test", headers=admin)
        assert queued.status_code == 202, queued.text
        drain(make_worker())

    (received,) = mine.requests
    assert json.loads(received.body)["type"] == "webhook.test"
    assert theirs.requests == []
    delivery = ok(client.get(queued.headers["Location"], headers=admin))
    assert (delivery["status"], delivery["last_status_code"]) == ("delivered", 204)


def test_a_paused_subscription_receives_nothing_until_resumed(
    client: TestClient, admin: dict[str, str], make_worker: Callable[..., Worker]
) -> None:
    with receiving(always(ACCEPT)) as receiver:
        hook = subscribe(client, admin, receiver.url)
        url = f"{WEBHOOKS}/{hook['id']}"
        create_department(client, admin)  # queued before the pause
        worker = make_worker()
        worker.fan_out()
        client.patch(url, json={"is_active": False}, headers={**admin, "If-Match": '"1"'})
        create_department(client, admin)  # while paused: never queued for it
        drain(worker)
        assert receiver.requests == []
        client.patch(url, json={"is_active": True}, headers={**admin, "If-Match": '"2"'})
        drain(worker)

    (received,) = receiver.requests
    assert json.loads(received.body)["type"] == "department.created"


def test_a_worker_that_dies_mid_send_leaves_the_message_to_another_after_its_lease(
    client: TestClient,
    admin: dict[str, str],
    database: Database,
    make_worker: Callable[..., Worker],
) -> None:
    with receiving(always(ACCEPT)) as receiver:
        subscribe(client, admin, receiver.url)
        create_department(client, admin)
        crashed, other = make_worker(lease_seconds=30), make_worker()
        crashed.fan_out()
        now = dt.datetime.now(dt.UTC)
        with database.transaction() as session:
            (claimed,) = repository.claim_due(
                session, crashed.name, now, now + dt.timedelta(seconds=30), 10
            )
        assert other.deliver_due() == 0, "held by the first worker's lease"
        with database.transaction() as session:  # the lease runs out
            session.execute(
                update(WebhookDelivery).values(locked_until=now - dt.timedelta(seconds=1))
            )
        assert other.deliver_due() == 1
        with database.transaction() as session:
            late = repository.finish_attempt(
                session, claimed[0].id, crashed.name, {"last_error": "late"}
            )
    assert late is False, "the first worker's late result does not overwrite the second's"
    (delivery,) = _deliveries(database)
    assert (delivery.status, delivery.last_error) == ("delivered", None)
    assert len(receiver.requests) == 1


def test_a_target_that_turns_private_is_not_sent_to(
    client: TestClient,
    admin: dict[str, str],
    database: Database,
    make_worker: Callable[..., Worker],
) -> None:
    with receiving(always(ACCEPT)) as receiver:
        subscribe(client, admin, receiver.url)
        create_department(client, admin)
        worker = make_worker(max_attempts=1)
        worker.policy = type(worker.policy).from_entries([])  # loopback no longer allowed
        drain(worker)
    assert receiver.requests == []
    (dead,) = _deliveries(database)
    assert dead.status == "dead"
    assert dead.last_error is not None
    assert "loopback" in dead.last_error


def test_backoff_doubles_to_its_cap_with_equal_jitter() -> None:
    settings = WebhookSettings(backoff_base_seconds=10, backoff_max_seconds=100)
    low, high = (lambda: 0.0), (lambda: 1.0)
    assert [backoff(n, settings, high) for n in (1, 2, 3, 4, 5, 9)] == [10, 20, 40, 80, 100, 100]
    assert [backoff(n, settings, low) for n in (1, 2, 3)] == [5, 10, 20]
