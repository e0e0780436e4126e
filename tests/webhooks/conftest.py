"""Webhooks on loopback: the app and the workers built here allow 127.0.0.1 as a target (a
deployment would name its intranet hosts in APP_WEBHOOKS_ALLOWED_TARGETS)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.config import WebhookSettings
from app.core.db import Database
from app.webhooks.signing import SecretBox
from app.webhooks.targets import TargetPolicy
from app.webhooks.worker import Worker
from tests.conftest import TEST_SECRET
from tests.training.conftest import ok

WEBHOOKS = "/api/v1/webhooks"
LOOPBACK = TargetPolicy.from_entries(["127.0.0.1/32"])
FAST = {"backoff_base_seconds": 0.01, "backoff_max_seconds": 0.05, "poll_seconds": 0.01}


@pytest.fixture
def loopback(app: FastAPI) -> Iterator[None]:
    """The app under test accepts webhooks on 127.0.0.1."""
    app.state.webhook_target_policy = LOOPBACK
    yield
    app.state.webhook_target_policy = None


@pytest.fixture
def make_worker(database: Database) -> Iterator[Callable[..., Worker]]:
    made: list[Worker] = []

    def build(**settings: Any) -> Worker:
        worker = Worker(
            database=database,
            settings=WebhookSettings(**{**FAST, **settings}),
            box=SecretBox(TEST_SECRET.encode()),
            policy=LOOPBACK,
            client=httpx.Client(timeout=2.0),
        )
        made.append(worker)
        return worker

    yield build
    for worker in made:
        worker.client.close()


def subscribe(
    client: TestClient, admin: dict[str, str], url: str, types: list[str] | None = None
) -> dict[str, Any]:
    body = {"url": url, "event_types": types or ["*"], "description": "records system"}
    return dict(ok(client.post(WEBHOOKS, json=body, headers=admin), 201))


def drain(worker: Worker, rounds: int = 2000) -> None:
    """Run the worker until nothing is left to deliver (delivered or dead)."""
    for _ in range(rounds):
        if worker.step():
            continue
        if worker.idle():
            return
        time.sleep(0.005)  # retries are waiting out their backoff
    raise AssertionError("the worker did not finish")
