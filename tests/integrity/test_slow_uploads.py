"""A request whose body arrives slowly holds no database lock while it waits: a write that
arrives meanwhile is answered at once. (Reading a document upload after the first statement
held SQLite's write lock across the network wait; the writer queued behind it blocked the
event loop the upload needed, and both waited out the busy timeout: a 503.)"""

from __future__ import annotations

import socket
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
DOCUMENT = (
    b"---\nlabel: '2031'\n---\n# Social Media Policy\n\n## 1. Purpose\n\nHow the Town posts.\n"
)


def test_a_slow_upload_does_not_hold_up_other_writers(
    database_url: str,
    settings: Settings,
    tmp_path: Path,
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
) -> None:
    admin = auth(Role.ADMIN)
    policy = client.post(
        "/api/v1/policies", json={"code": "slow-upload", "title": "Slow upload"}, headers=admin
    ).json()
    with running_server(database_url, settings, tmp_path, workers=1) as server:
        upload = socket.create_connection(("127.0.0.1", server.port), timeout=15)
        head = (
            f"POST /api/v1/policies/{policy['id']}/versions HTTP/1.1\r\n"
            f"Host: 127.0.0.1\r\nAuthorization: {admin['Authorization']}\r\n"
            f"Content-Type: text/markdown\r\nContent-Length: {len(DOCUMENT)}\r\n\r\n"
        ).encode()
        upload.sendall(head + DOCUMENT[:20])  # the rest is still on its way
        time.sleep(0.5)

        started = time.monotonic()
        other = httpx.post(
            f"{server.base_url}/api/v1/departments",
            json={"code": "FAST", "name": "Meanwhile"},
            headers=admin,
            timeout=15,
        )
        waited = time.monotonic() - started

        upload.sendall(DOCUMENT[20:])
        answer = upload.recv(65536)
        upload.close()

    assert other.status_code == 201, other.text
    assert waited < 2.0, f"the other writer waited {waited:.1f}s behind the upload"
    assert answer.startswith(b"HTTP/1.1 201"), answer[:300]
