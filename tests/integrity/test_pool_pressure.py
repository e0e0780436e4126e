"""More concurrent requests than the connection pool holds, on the routes that work longest:
each is answered and the worker stays responsive. (A sync audit verification held its
pooled connection in the threadpool while the event loop waited for a connection it could
not get back: a frozen worker. A streamed export could do the same from its thread.)"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from app.core.actor import Role
from app.core.config import Settings
from tests.integrity.conftest import running_server

pytestmark = pytest.mark.slow
POOL = {"APP_DATABASE_POOL_SIZE": "1", "APP_DATABASE_CONNECT_TIMEOUT_SECONDS": "3"}


def _storm(base_url: str, headers: dict[str, str], path: str, n: int) -> list[int | str]:
    results: list[int | str] = []
    lock = threading.Lock()

    def call() -> None:
        try:
            status: int | str = httpx.get(
                f"{base_url}{path}", headers=headers, timeout=30
            ).status_code
        except httpx.TransportError as exc:
            status = repr(exc)
        with lock:
            results.append(status)

    threads = [threading.Thread(target=call) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.parametrize("path", ["/api/v1/audit-events/verify", "/api/v1/moderation/export"])
def test_more_long_requests_than_connections_are_all_answered(
    database_url: str,
    settings: Settings,
    tmp_path: Path,
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
    path: str,
) -> None:
    auditor = auth(Role.AUDITOR)
    for n in range(20):  # a chain and some records to read
        client.post(
            "/api/v1/departments", json={"code": f"P{n}", "name": "P"}, headers=auth(Role.ADMIN)
        )
    with running_server(database_url, settings, tmp_path, workers=1, extra_env=POOL) as server:
        started = time.monotonic()
        statuses = _storm(server.base_url, auditor, path, 24)
        elapsed = time.monotonic() - started
        live = httpx.get(f"{server.base_url}/livez", timeout=5)

    assert statuses == [200] * 24, statuses
    assert live.status_code == 200
    assert elapsed < 20, f"{elapsed:.1f}s for 24 requests"
