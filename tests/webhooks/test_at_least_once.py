"""At least once, never what was rolled back: 500 changes, 100 of them rolled back, a
receiver that fails a quarter of its requests and drops some replies after reading them,
and four worker processes delivering at once. Every committed event arrives (signature
valid), none from a rolled-back change, a repeat carries the same webhook-id, and no message
is accepted twice (two workers never send one delivery at once)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from standardwebhooks import Webhook

from app.core.actor import system_actor
from app.core.db import Database
from app.events.models import OutboxEvent
from app.people import service as people_service
from app.people.schemas import DepartmentCreate
from app.webhooks.models import DeliveryStatus, WebhookDelivery
from tests.conftest import TEST_SECRET
from tests.webhooks.conftest import subscribe
from tests.webhooks.receiver import ACCEPT, DROP, FAIL, flaky, receiving

pytestmark = [pytest.mark.usefixtures("loopback"), pytest.mark.slow]
CHANGES, ROLLED_BACK, WORKERS = 500, 100, 4


def _change(database: Database, n: int) -> None:
    """One change; every fifth fails after it was audited (and announced) and rolls back."""
    try:
        with database.transaction() as session:
            people_service.create_department(
                session, system_actor("tests"), DepartmentCreate(code=f"D{n:04d}", name=f"Dept {n}")
            )
            if n % 5 == 4:
                raise RuntimeError("rolled back")
    except RuntimeError:
        pass


def _workers(database_url: str, var_dir: Path) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "APP_DATABASE_URL": database_url,
        "APP_SECRET_KEY": TEST_SECRET,
        "APP_VAR_DIR": str(var_dir),
        "APP_ENVIRONMENT": "test",
        "APP_WEBHOOKS_ALLOWED_TARGETS": '["127.0.0.1/32"]',
        "APP_WEBHOOKS_BACKOFF_BASE_SECONDS": "0.05",
        "APP_WEBHOOKS_BACKOFF_MAX_SECONDS": "0.5",
        "APP_WEBHOOKS_MAX_ATTEMPTS": "40",
        "APP_WEBHOOKS_TIMEOUT_SECONDS": "2",
        "APP_WEBHOOKS_POLL_SECONDS": "0.05",
        "APP_WEBHOOKS_BATCH_SIZE": "10",
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "app.cli", "worker"]
    started = []
    for i in range(WORKERS):
        with (var_dir / f"worker{i}.log").open("wb") as log:
            started.append(
                subprocess.Popen(
                    command, cwd=var_dir, env=env, stdout=log, stderr=subprocess.STDOUT
                )
            )
    return started


def _settled(database: Database) -> bool:
    with database.session(write=False) as session:
        untaken = session.scalar(
            select(func.count()).select_from(OutboxEvent).where(OutboxEvent.dispatched_at.is_(None))
        )
        pending = session.scalar(
            select(func.count())
            .select_from(WebhookDelivery)
            .where(WebhookDelivery.status == DeliveryStatus.PENDING)
        )
    return untaken == 0 and pending == 0


def test_every_committed_event_arrives_at_least_once_and_no_rolled_back_one_does(
    client: TestClient,
    admin: dict[str, str],
    database: Database,
    database_url: str,
    tmp_path: Path,
) -> None:
    with receiving(flaky(fail=0.25, drop=0.10)) as receiver:
        hook = subscribe(client, admin, receiver.url, ["department.created"])
        workers = _workers(database_url, tmp_path)
        started = time.monotonic()
        try:
            for n in range(CHANGES):  # while the workers run
                _change(database, n)
            deadline = time.monotonic() + 240
            while not _settled(database):
                assert time.monotonic() < deadline, "the workers did not finish"
                assert all(w.poll() is None for w in workers), "a worker died"
                time.sleep(0.2)
            elapsed = time.monotonic() - started
        finally:
            for worker in workers:
                worker.terminate()
            codes = [worker.wait(timeout=30) for worker in workers]
    logs = "\n".join((tmp_path / f"worker{i}.log").read_text() for i in range(WORKERS))
    assert codes == [0] * WORKERS, logs  # SIGTERM: each stops cleanly

    with database.session(write=False) as session:
        committed = {
            str(i)
            for i in session.scalars(
                select(OutboxEvent.id).where(OutboxEvent.type == "department.created")
            )
        }
        statuses = Counter(session.scalars(select(WebhookDelivery.status)))
    assert len(committed) == CHANGES - ROLLED_BACK
    assert statuses == {"delivered": CHANGES - ROLLED_BACK}
    received = receiver.requests
    ids = Counter(r.headers["webhook-id"] for r in received)
    assert set(ids) == committed, "every committed event arrived, no rolled-back one did"
    verifier = Webhook(hook["secret"])
    for request in received:
        message = verifier.verify(request.body, request.headers)
        assert message["type"] == "department.created"
    bodies: dict[str, set[bytes]] = {}
    for request in received:
        bodies.setdefault(request.headers["webhook-id"], set()).add(
            json.dumps(json.loads(request.body), sort_keys=True).encode()
        )
    assert all(len(b) == 1 for b in bodies.values()), "a repeat is the same message"
    accepted = Counter(r.headers["webhook-id"] for r in received if r.answer == ACCEPT)
    assert set(accepted) == committed
    assert max(accepted.values()) == 1, "no delivery was sent on after it was accepted"
    answers = Counter(r.answer for r in received)
    print(  # the figures the issue asks for (pytest -s shows them)
        f"\n{WORKERS} workers, {CHANGES} changes ({ROLLED_BACK} rolled back): "
        f"{len(received)} requests for {len(committed)} events in {elapsed:.1f}s; "
        f"{answers[FAIL]} failed (500), {answers[DROP]} dropped unanswered, "
        f"{answers[ACCEPT]} accepted; {sum(1 for n in ids.values() if n > 1)} events "
        f"arrived more than once (max {max(ids.values())} times)"
    )
