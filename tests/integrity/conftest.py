"""A real server process per backend: ``civic-social serve --workers 2`` on a free port,
against the session's test database, so concurrency tests send truly parallel requests to
separate worker processes over real sockets.

API keys issued with the ``make_key`` fixture work on it: same database, same secret."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from app.core.config import Settings
from tests.conftest import TEST_SECRET

STARTUP_TIMEOUT_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _output(log_path: Path) -> str:
    try:
        return log_path.read_text(errors="replace")
    except OSError:
        return "<no server output>"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@dataclass
class ServerProcess:
    base_url: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    def output(self) -> str:
        return _output(self.log_path)


@contextmanager
def running_server(
    database_url: str,
    settings: Settings,
    var_dir: Path,
    workers: int = 2,
    extra_env: dict[str, str] | None = None,
) -> Iterator[ServerProcess]:
    """``civic-social serve`` in its own process on a free port, stopped on exit."""
    log_path = var_dir / "server.log"
    port = _free_port()
    env = {
        **os.environ,
        "APP_DATABASE_URL": database_url,
        "APP_SECRET_KEY": TEST_SECRET,
        "APP_VAR_DIR": str(var_dir),
        "APP_ENVIRONMENT": "test",
        "APP_SQLITE_BUSY_TIMEOUT_MS": str(settings.sqlite_busy_timeout_ms),
        "PYTHONUNBUFFERED": "1",
        **(extra_env or {}),
    }
    command = [
        sys.executable,
        "-m",
        "app.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--graceful-timeout",
        "5",
    ]
    base_url = f"http://127.0.0.1:{port}"
    # The working directory has no .env; the server reads its settings from env alone.
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=var_dir, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"the server exited with {process.returncode} before serving:\n"
                    + _output(log_path)
                )
            try:
                if httpx.get(f"{base_url}/livez", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the server did not answer /livez in {STARTUP_TIMEOUT_SECONDS}s:\n"
                    + _output(log_path)
                )
            time.sleep(0.1)
        yield ServerProcess(base_url, port, process, log_path)
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def live_server(
    database_url: str,
    settings: Settings,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The base URL of a two-worker server on this session's database (one per backend)."""
    failures_before = request.session.testsfailed
    with running_server(database_url, settings, tmp_path_factory.mktemp("live-var")) as server:
        try:
            yield server.base_url
        finally:
            if request.session.testsfailed > failures_before:
                capture = request.config.pluginmanager.getplugin("capturemanager")
                with capture.global_and_fixture_disabled():
                    print(f"\n--- live server output ({database_url}) ---\n{server.output()}")
