"""Graceful shutdown: a request in flight when the server is told to stop still completes."""

from __future__ import annotations

import json
import signal
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.actor import Role
from app.core.config import Settings
from tests.factories import person_payload
from tests.integrity.conftest import running_server

pytestmark = pytest.mark.slow


def _read_response(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_request_in_flight_at_sigterm_completes_and_is_kept(
    database_url: str,
    settings: Settings,
    tmp_path: Path,
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
) -> None:
    headers = auth(Role.ADMIN)
    payload = person_payload()
    body = json.dumps(payload).encode()
    with running_server(database_url, settings, tmp_path, workers=2) as server:
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=15)
        head = (
            "POST /api/v1/people HTTP/1.1\r\nHost: civic\r\n"
            f"Authorization: {headers['Authorization']}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        # Headers and half the body: the server holds a request it cannot finish yet.
        sock.sendall(head + body[: len(body) // 2])
        time.sleep(0.5)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        sock.sendall(body[len(body) // 2 :])
        response = _read_response(sock)
        sock.close()
        assert server.process.wait(timeout=15) == 0, server.output()

    status_line = response.split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 201 Created", response[:300]
    found = client.get("/api/v1/people", params={"q": payload["email"]}, headers=headers).json()
    assert found["total"] == 1
