"""A pytest plugin for other teams' integration tests: a real Civic Social, on a temporary
SQLite database (migrated, and seeded with the sample town when asked), served by uvicorn in
its own process for the test session, with an httpx client and an administrator's key.

Installed with the service (entry point ``pytest11``), so it needs no configuration::

    def test_our_system_sees_the_town_s_accounts(civic_social_client):
        response = civic_social_client.get("/api/v1/accounts")
        assert response.status_code == 200

    def test_with_a_key_of_another_role(civic_social):
        key = civic_social.issue_key("moderator")
        with civic_social.client(key) as client:
            ...

Options: ``--civic-social-seed`` (or ``civic_social_seed = true`` in the ini file) seeds the
sample town; ``--civic-social-port`` picks the port (default: a free one)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

STARTUP_SECONDS = 30.0


@dataclass
class CivicSocial:
    """The running service: where it is, and an administrator's key for it."""

    base_url: str
    admin_key: str
    database_url: str
    log_path: Path
    seeded: bool
    _clients: list[httpx.Client] = field(default_factory=list, repr=False)

    def client(self, key: str | None = None, **kwargs: Any) -> httpx.Client:
        """An httpx client on the service, sending ``key`` (the admin key by default)."""
        headers = {"Authorization": f"Bearer {key or self.admin_key}", **kwargs.pop("headers", {})}
        client = httpx.Client(base_url=self.base_url, headers=headers, timeout=30.0, **kwargs)
        self._clients.append(client)
        return client

    def issue_key(self, role: str, *, name: str | None = None, person_id: str | None = None) -> str:
        """A new API key with this role (admin, approver, moderator, staff, auditor,
        integration), for a person when ``person_id`` is given."""
        body: dict[str, Any] = {"name": name or f"{role} key for tests", "role": role}
        if person_id is not None:
            body["person_id"] = person_id
        with httpx.Client(base_url=self.base_url, timeout=30.0) as client:
            response = client.post(
                "/api/v1/api-keys",
                json=body,
                headers={"Authorization": f"Bearer {self.admin_key}"},
            )
        response.raise_for_status()
        return str(response.json()["key"])

    def output(self) -> str:
        """What the server printed (to explain a failure)."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def close_clients(self) -> None:
        for client in self._clients:
            client.close()
        self._clients.clear()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("civic-social", "A Civic Social service for integration tests")
    group.addoption(
        "--civic-social-seed",
        action="store_true",
        default=None,
        help="seed the sample town (departments, people, policy, accounts, training)",
    )
    group.addoption("--civic-social-port", type=int, default=None, help="default: a free port")
    parser.addini("civic_social_seed", "seed the sample town", type="bool", default=False)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(database_url: str, var_dir: Path, seed: bool) -> str:
    """Migrate (and seed) the database and issue the admin key, in this process."""
    from app.auth import service as auth_service
    from app.auth.schemas import ApiKeyCreate
    from app.core.actor import Role, system_actor
    from app.core.config import Settings
    from app.core.db import Database
    from app.core.migrations import upgrade

    upgrade(database_url)
    settings = Settings(database_url=database_url, var_dir=var_dir, environment="test")
    database = Database(settings)
    try:
        with database.transaction() as session:
            if seed:
                from app.seed import seed_sample_town

                seed_sample_town(session)
            _, key = auth_service.create_api_key(
                session,
                settings.resolved_secret_key(),
                system_actor("integration tests"),
                ApiKeyCreate(name="integration tests admin", role=Role.ADMIN),
            )
    finally:
        database.dispose()
    return key


@pytest.fixture(scope="session")
def civic_social(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CivicSocial]:
    """A Civic Social served for the whole test session (see the module's docstring)."""
    option = request.config.getoption("civic_social_seed")
    seed = bool(request.config.getini("civic_social_seed") if option is None else option)
    var_dir = tmp_path_factory.mktemp("civic-social")
    database_url = f"sqlite:///{var_dir / 'civic-social.db'}"
    admin_key = _prepare(database_url, var_dir, seed)
    port = request.config.getoption("civic_social_port") or _free_port()
    log_path = var_dir / "server.log"
    env = {
        **os.environ,
        "APP_DATABASE_URL": database_url,
        "APP_VAR_DIR": str(var_dir),
        "APP_ENVIRONMENT": "test",
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 (our own command)
            command, cwd=var_dir, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    service = CivicSocial(f"http://127.0.0.1:{port}", admin_key, database_url, log_path, seed)
    try:
        _wait_until_ready(service, process)
        yield service
    finally:
        service.close_clients()
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _wait_until_ready(service: CivicSocial, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"Civic Social exited ({process.returncode}):\n{service.output()}")
        try:
            if httpx.get(f"{service.base_url}/readyz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"Civic Social was not ready in {STARTUP_SECONDS}s:\n{service.output()}"
            )
        time.sleep(0.1)


@pytest.fixture
def civic_social_client(civic_social: CivicSocial) -> Iterator[httpx.Client]:
    """An httpx client on the session's Civic Social with the administrator's key; each
    request carries a fresh X-Request-ID, to find it in the service's log."""
    with httpx.Client(
        base_url=civic_social.base_url,
        headers={"Authorization": f"Bearer {civic_social.admin_key}"},
        timeout=30.0,
        event_hooks={"request": [_request_id]},
    ) as client:
        yield client


def _request_id(request: httpx.Request) -> None:
    request.headers.setdefault("X-Request-ID", uuid.uuid4().hex)
