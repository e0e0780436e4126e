"""The database stopped mid-request: 503 problem with Retry-After, never a 500 and never a
half-written row.

The fault strikes at the audit INSERT, the last statement of a person's creation: the person
row (and the idempotency claim) are already written in the same transaction, so a response
or a database that kept any of it would show here. On PostgreSQL the fault is real: the
connection's server process is terminated. On SQLite there is no server to kill, so the
listener raises the driver's own ``sqlite3.OperationalError("disk I/O error")`` at the same
point: an injected driver fault, raised where the driver would raise it."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url

from app.audit.models import AuditEvent
from app.core.config import Settings
from app.main import create_app
from app.people.models import Person
from tests.factories import person_payload

PROBLEM = "application/problem+json"
AUDIT_INSERT = "INSERT INTO audit_events"
PERSON_INSERT = "INSERT INTO people"
CLAIM_INSERT = "INSERT INTO idempotency_keys"


@pytest.fixture
def own_app(settings: Settings) -> Iterator[FastAPI]:
    """An app of its own on the session's database, so its engine can be sabotaged."""
    app = create_app(settings)
    yield app
    app.state.database.dispose()


def _terminate_backend(conninfo: str, pid: int) -> None:
    """Kill the server process behind a connection and wait until it is gone."""
    with psycopg.connect(conninfo, autocommit=True) as admin:
        row = admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()
        assert row == (True,), f"backend {pid} was not terminated"
        deadline = time.monotonic() + 5
        while admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,)
        ).fetchone() != (0,):
            assert time.monotonic() < deadline, f"backend {pid} outlived pg_terminate_backend"
            time.sleep(0.01)


class FaultAtAuditInsert:
    """A before_cursor_execute listener: lets every statement through until the first audit
    INSERT, strikes there once, and records what ran on the struck connection first."""

    def __init__(self, strike: Callable[[Any], None]) -> None:
        self.strike = strike
        self.struck = False
        self.seen: dict[int, list[str]] = {}
        self.statements_before_strike: list[str] = []

    def __call__(self, _conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        statements = self.seen.setdefault(id(cursor.connection), [])
        statements.append(statement.lstrip()[:40])
        if self.struck or not statement.lstrip().startswith(AUDIT_INSERT):
            return
        self.struck = True
        self.statements_before_strike = list(statements)
        self.strike(cursor)


def _count(own_app: FastAPI, model: Any, *where: Any) -> int:
    with own_app.state.database.session(write=False) as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _fails_then_recovers(
    own_app: FastAPI, fault: FaultAtAuditInsert, admin: dict[str, str], settings: Settings
) -> None:
    engine = own_app.state.database.engine
    payload = person_payload()
    email = payload["email"]
    key = f"retry-{uuid.uuid4()}"
    headers = {**admin, "Idempotency-Key": key}
    audit_before = _count(own_app, AuditEvent)

    event.listen(engine, "before_cursor_execute", fault)
    try:
        with TestClient(own_app, raise_server_exceptions=False) as client:
            failed = client.post("/api/v1/people", json=payload, headers=headers)
            event.remove(engine, "before_cursor_execute", fault)

            assert fault.struck, "the request never reached the audit INSERT"
            for written in (CLAIM_INSERT, PERSON_INSERT):
                assert any(s.startswith(written) for s in fault.statements_before_strike), (
                    f"the fault must strike after {written} ran in the same transaction"
                )
            assert failed.status_code == 503, failed.text
            assert failed.headers["content-type"] == PROBLEM
            assert failed.headers["Retry-After"] == str(settings.retry_after_seconds)
            problem = failed.json()
            assert problem["status"] == 503
            assert problem["type"] == "/problems/database-unavailable"
            assert problem["request_id"] == failed.headers["X-Request-ID"]
            for leak in ("Traceback", 'File "', "sqlalchemy", "psycopg", "sqlite3", "INSERT"):
                assert leak not in failed.text

            # Nothing of the request survived: no person, no audit event, no idempotency claim.
            assert _count(own_app, Person, Person.email == email) == 0
            assert _count(own_app, AuditEvent) == audit_before

            # The pool recovers: the next requests are served, and the retry with the same
            # Idempotency-Key does the work (the failure was not stored as the key's answer).
            listed = client.get("/api/v1/people", params={"q": email}, headers=admin)
            assert listed.status_code == 200, listed.text
            assert listed.json()["total"] == 0
            retried = client.post("/api/v1/people", json=payload, headers=headers)
            assert retried.status_code == 201, retried.text
            assert "Idempotent-Replayed" not in retried.headers
            assert retried.json()["email"] == email
            assert _count(own_app, Person, Person.email == email) == 1
            assert _count(own_app, AuditEvent) == audit_before + 1
            verdict = client.get("/api/v1/audit-events/verify", headers=admin)
            assert verdict.status_code == 200
            assert verdict.json()["valid"] is True
    finally:
        if event.contains(engine, "before_cursor_execute", fault):
            event.remove(engine, "before_cursor_execute", fault)


def _strike_for(backend: str, database_url: str) -> Callable[[Any], None]:
    if backend == "postgresql":
        conninfo = (
            make_url(database_url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False)
        )

        def kill_the_backend(cursor: Any) -> None:
            _terminate_backend(conninfo, int(cursor.connection.info.backend_pid))

        return kill_the_backend

    def disk_fails(_cursor: Any) -> None:
        # An injected driver fault: what sqlite3 raises when the disk fails under a write.
        raise sqlite3.OperationalError("disk I/O error")

    return disk_fails


def test_database_stopped_mid_request_answers_503_and_keeps_nothing(
    own_app: FastAPI,
    admin: dict[str, str],
    settings: Settings,
    backend: str,
    database_url: str,
) -> None:
    """PostgreSQL: the request's connection is terminated by the server. SQLite: the driver
    fails the write (injected)."""
    fault = FaultAtAuditInsert(_strike_for(backend, database_url))
    _fails_then_recovers(own_app, fault, admin, settings)
