"""The delivery worker (``civic-social worker``): takes events from the outbox, makes one
delivery per matching subscription, and sends each, signed, until it is delivered or has
used its attempts (a dead letter).

Several workers can run at once on PostgreSQL: each takes rows with FOR UPDATE SKIP LOCKED
and holds a delivery by a lease while it sends, so in the normal case a message goes out
once. A worker that dies mid-send leaves its lease to run out and the message to be sent
again: delivery is at least once, and receivers recognise a repeat by its webhook-id."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import secrets
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.core.config import Settings, WebhookSettings
from app.core.db import Database, utcnow
from app.events import service as events
from app.webhooks import repository
from app.webhooks.models import DeliveryStatus
from app.webhooks.signing import SecretBox, signed_headers
from app.webhooks.targets import TargetPolicy, TargetRefused

logger = logging.getLogger("app.webhooks.worker")
_ERROR_LENGTH = 500


def backoff(attempts: int, settings: WebhookSettings, rand: Callable[[], float]) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones: doubling from the base
    up to the cap, half of it drawn at random ("equal jitter") so that many failed deliveries
    do not all come back at once."""
    doubled: float = settings.backoff_base_seconds * 2.0 ** (attempts - 1)
    ceiling = min(settings.backoff_max_seconds, doubled)
    return ceiling / 2 + rand() * ceiling / 2


def _matches(types: list[str], event_type: str) -> bool:
    return "*" in types or event_type in types


@dataclass
class Outcome:
    delivered: bool
    status_code: int | None = None
    error: str | None = None


@dataclass
class Worker:
    database: Database
    settings: WebhookSettings
    box: SecretBox
    policy: TargetPolicy
    name: str = field(
        default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
    )
    client: httpx.Client = field(default_factory=httpx.Client)
    rand: Callable[[], float] = random.random

    @classmethod
    def from_settings(cls, settings: Settings, database: Database) -> Worker:
        return cls(
            database=database,
            settings=settings.webhooks,
            box=SecretBox(settings.resolved_secret_key()),
            policy=TargetPolicy.from_entries(settings.webhooks.allowed_targets),
            client=httpx.Client(timeout=settings.webhooks.timeout_seconds, follow_redirects=False),
        )

    # The loop ---------------------------------------------------------------------------

    def run(self, stop: threading.Event, *, drain: bool = False) -> None:
        """Work until ``stop`` is set (SIGTERM); with ``drain``, also stop once nothing is
        left to deliver (every delivery delivered or dead)."""
        while not stop.is_set():
            done = self.step()
            if done:
                continue
            if drain and self.idle():
                return
            stop.wait(self.settings.poll_seconds)

    def step(self) -> int:
        """One round: fan out new events, then send what is due. How much was done."""
        return self.fan_out() + self.deliver_due()

    def idle(self) -> bool:
        with self.database.transaction() as session:
            return events.untaken_count(session) == 0 and repository.pending_count(session) == 0

    # Fan-out ----------------------------------------------------------------------------

    def fan_out(self) -> int:
        """One delivery per active subscription that wants each new event."""
        now = utcnow()
        with self.database.transaction() as session:
            taken = events.take_undispatched(session, self.settings.batch_size)
            if not taken:
                return 0
            subscriptions = repository.active_subscriptions(session)
            rows: list[dict[str, Any]] = [
                {
                    "subscription_id": subscription.id,
                    "event_id": event.id,
                    "event_type": event.type,
                    "status": DeliveryStatus.PENDING.value,
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
                for event in taken
                # A test message was addressed to its subscription when it was asked for.
                if event.type != "webhook.test"
                for subscription in subscriptions
                if _matches(subscription.event_types, event.type)
            ]
            for row in rows:
                row["id"] = uuid.uuid4()
            repository.insert_deliveries(session, rows)
            events.mark_taken(session, [e.id for e in taken], now)
        return len(taken)

    # Sending ----------------------------------------------------------------------------

    def deliver_due(self) -> int:
        now = utcnow()
        lease = now + dt.timedelta(seconds=self.settings.lease_seconds)
        with self.database.transaction() as session:
            claimed = repository.claim_due(session, self.name, now, lease, self.settings.batch_size)
            jobs = [
                (
                    delivery.id,
                    delivery.attempts,
                    subscription.url,
                    subscription.secret_encrypted,
                    str(event.id),
                    event.payload,
                )
                for delivery, event, subscription in claimed
            ]
        for delivery_id, attempts, url, sealed, message_id, payload in jobs:
            outcome = self.send(url, sealed, message_id, payload)
            self._record(delivery_id, attempts + 1, outcome)
        return len(jobs)

    def send(self, url: str, sealed: str, message_id: str, payload: dict[str, Any]) -> Outcome:
        try:
            # Again at every send: a name may resolve elsewhere than when it was registered.
            self.policy.check(url)
        except TargetRefused as exc:
            return Outcome(False, error=f"target refused: {exc}")
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        try:
            headers = signed_headers(self.box.open(sealed), message_id, utcnow(), body)
            response = self.client.post(url, content=body, headers=headers)
        except (httpx.HTTPError, ValueError) as exc:
            return Outcome(False, error=f"{type(exc).__name__}: {exc}"[:_ERROR_LENGTH])
        if 200 <= response.status_code < 300:
            return Outcome(True, response.status_code)
        return Outcome(False, response.status_code, f"HTTP {response.status_code}")

    def _record(self, delivery_id: Any, attempts: int, outcome: Outcome) -> None:
        now = utcnow()
        values: dict[str, Any] = {
            "attempts": attempts,
            "last_attempt_at": now,
            "last_status_code": outcome.status_code,
            "last_error": outcome.error,
        }
        if outcome.delivered:
            values |= {"status": DeliveryStatus.DELIVERED.value, "delivered_at": now}
        elif attempts >= self.settings.max_attempts:
            values["status"] = DeliveryStatus.DEAD.value
            logger.warning("webhook dead letter: delivery %s (%s)", delivery_id, outcome.error)
        else:
            wait = backoff(attempts, self.settings, self.rand)
            values["next_attempt_at"] = now + dt.timedelta(seconds=wait)
        with self.database.transaction() as session:
            repository.finish_attempt(session, delivery_id, self.name, values)
