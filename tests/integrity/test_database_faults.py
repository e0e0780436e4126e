"""PostgreSQL failing under a real server: killed under write load and brought back, and
hung (a network that stops forwarding). Every failure is a 503 with Retry-After, no write
that was acknowledged is lost, answers come within the configured deadline, and the service
recovers without a restart.

The database sits behind a TCP proxy: "killed" terminates every server process of the
service's connections (pg_terminate_backend) and refuses new ones until "restarted"; "hung"
keeps every connection open and forwards nothing, either way."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.auth import service as auth_service
from app.auth.schemas import ApiKeyCreate
from app.core.actor import Role, system_actor
from app.core.config import Settings
from app.core.db import Database
from app.core.migrations import upgrade
from tests.conftest import TEST_SECRET, PostgresDatabases, make_settings
from tests.core.tcpproxy import TcpProxy
from tests.integrity.conftest import running_server

pytestmark = pytest.mark.slow
RETRY_AFTER = "3"
DEADLINE = 2.0  # read and connect timeouts, seconds


@dataclass
class Faulty:
    """A database of its own, reached through a proxy the test controls."""

    direct_url: str
    through_proxy: str
    proxy: TcpProxy
    settings: Settings
    admin: dict[str, str]

    def conninfo(self) -> str:
        return (
            make_url(self.direct_url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False)
        )

    def kill(self) -> None:
        """Refuse new connections and terminate the server side of every open one."""
        self.proxy.stop()
        database = make_url(self.direct_url).database
        with psycopg.connect(self.conninfo(), autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            )

    def codes(self) -> set[str]:
        with psycopg.connect(self.conninfo()) as conn:
            return {row[0] for row in conn.execute("SELECT code FROM departments")}


@pytest.fixture
def faulty(postgres: PostgresDatabases, tmp_path: Path) -> Iterator[Faulty]:
    url = postgres.create("civic_faults")
    try:
        upgrade(url)
        direct = make_url(url)
        with TcpProxy(direct.host or "127.0.0.1", direct.port or 5432) as proxy:
            through = direct.set(host="127.0.0.1", port=proxy.port).render_as_string(
                hide_password=False
            )
            settings = make_settings(url, tmp_path)
            database = Database(settings)
            with database.transaction() as session:
                _, key = auth_service.create_api_key(
                    session,
                    TEST_SECRET.encode(),
                    system_actor("faults"),
                    ApiKeyCreate(name="faults admin", role=Role.ADMIN),
                )
            database.dispose()
            yield Faulty(url, through, proxy, settings, {"Authorization": f"Bearer {key}"})
    finally:
        postgres.drop(url)


def _env() -> dict[str, str]:
    return {
        "APP_RETRY_AFTER_SECONDS": RETRY_AFTER,
        "APP_DATABASE_READ_TIMEOUT_SECONDS": str(DEADLINE),
        "APP_DATABASE_CONNECT_TIMEOUT_SECONDS": str(DEADLINE),
    }


@dataclass
class Answer:
    code: str
    at: float
    status: int | None
    retry_after: str | None = None
    problem: str | None = None
    error: str | None = None


def test_killed_under_write_load_every_failure_is_a_503_and_no_acknowledged_write_is_lost(
    faulty: Faulty, tmp_path: Path
) -> None:
    answers: list[Answer] = []
    lock = threading.Lock()
    done = threading.Event()

    def writer(n: int) -> None:
        with httpx.Client(base_url=server.base_url, headers=faulty.admin, timeout=30) as http:
            i = 0
            while not done.is_set():
                code, i = f"W{n}N{i:05d}", i + 1
                try:
                    response = http.post(
                        "/api/v1/departments", json={"code": code, "name": f"Load {code}"}
                    )
                except httpx.TransportError as exc:
                    answer = Answer(code, time.monotonic(), None, error=repr(exc))
                else:
                    problem = (
                        response.json().get("type")
                        if response.headers.get("content-type") == "application/problem+json"
                        else None
                    )
                    answer = Answer(
                        code,
                        time.monotonic(),
                        response.status_code,
                        response.headers.get("Retry-After"),
                        problem,
                    )
                with lock:
                    answers.append(answer)

    with running_server(
        faulty.through_proxy, faulty.settings, tmp_path, workers=2, extra_env=_env()
    ) as server:
        writers = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
        for thread in writers:
            thread.start()
        time.sleep(1.5)
        killed_at = time.monotonic()
        faulty.kill()
        time.sleep(2.0)
        faulty.proxy.start()
        restarted_at = time.monotonic()
        time.sleep(2.5)
        done.set()
        for thread in writers:
            thread.join(timeout=60)
        assert server.process.poll() is None, "the service kept running"

    statuses = {a.status for a in answers}
    failed = [a for a in answers if a.status != 201]
    assert [a for a in answers if a.status is None] == [], "every request was answered"
    assert statuses <= {201, 503}, statuses
    assert failed, "the outage was felt"
    assert all(
        (a.retry_after, a.problem) == (RETRY_AFTER, "/problems/database-unavailable")
        for a in failed
    )
    acknowledged = {a.code for a in answers if a.status == 201}
    assert acknowledged <= faulty.codes(), "an acknowledged write was lost"
    after = [a for a in answers if a.at > restarted_at + 1.0]
    assert after
    assert all(a.status == 201 for a in after), "recovered without a restart"
    print(
        f"\n{len(answers)} writes: {len(acknowledged)} acknowledged (all kept), "
        f"{len(failed)} refused with 503 + Retry-After during the "
        f"{restarted_at - killed_at:.1f}s outage"
    )


def test_a_hung_database_is_a_503_within_the_deadline_and_then_recovers(
    faulty: Faulty, tmp_path: Path
) -> None:
    with (
        running_server(
            faulty.through_proxy, faulty.settings, tmp_path, workers=1, extra_env=_env()
        ) as server,
        httpx.Client(base_url=server.base_url, headers=faulty.admin, timeout=60) as http,
    ):
        assert http.get("/api/v1/departments").status_code == 200
        faulty.proxy.freeze()
        timings = []
        for method, path, body in (
            ("GET", "/api/v1/departments", None),
            ("POST", "/api/v1/departments", {"code": "HUNG", "name": "Hung"}),
            ("GET", "/readyz", None),
        ):
            started = time.monotonic()
            response = http.request(method, path, json=body)
            timings.append(time.monotonic() - started)
            assert response.status_code == 503, (path, response.text)
            assert response.headers["Retry-After"] == RETRY_AFTER
        faulty.proxy.thaw()
        time.sleep(0.2)
        recovered = http.post("/api/v1/departments", json={"code": "BACK", "name": "Back"})

    assert max(timings) < 2 * DEADLINE + 1.5, timings
    assert recovered.status_code == 201, recovered.text
    assert "HUNG" not in faulty.codes()
    print(f"\nhung database: answers in {', '.join(f'{t:.1f}s' for t in timings)}")


def test_requests_in_flight_at_sigterm_under_load_all_complete(
    faulty: Faulty, tmp_path: Path
) -> None:
    answers: list[tuple[str, int | None, str | None, float]] = []
    lock = threading.Lock()
    go = threading.Barrier(21)
    first_answer = threading.Event()

    # The access log names each request the application handled, by the request id sent.
    env = {**_env(), "APP_ACCESS_LOG": "true"}
    with running_server(
        faulty.direct_url, faulty.settings, tmp_path, workers=2, extra_env=env
    ) as server:

        def post(n: int) -> None:
            code = f"S{n:03d}{uuid.uuid4().hex[:4].upper()}"
            with httpx.Client(base_url=server.base_url, headers=faulty.admin, timeout=30) as client:
                go.wait()
                try:
                    response = client.post(
                        "/api/v1/departments",
                        json={"code": code, "name": "In flight"},
                        headers={"X-Request-ID": code},
                    )
                    result = (code, response.status_code, None, time.monotonic())
                    first_answer.set()
                except httpx.ConnectError:
                    # Arrived after the listener closed.
                    result = (code, None, "not accepted", time.monotonic())
                except httpx.TransportError as exc:
                    result = (code, None, repr(exc), time.monotonic())
            with lock:
                answers.append(result)

        threads = [threading.Thread(target=post, args=(n,)) for n in range(20)]
        for thread in threads:
            thread.start()
        go.wait()
        # The first answer shows the server busy with the others: stop it now.
        assert first_answer.wait(timeout=30), "no request was answered"
        signalled = time.monotonic()
        server.process.terminate()
        for thread in threads:
            thread.join(timeout=60)
        assert server.process.wait(timeout=30) == 0, server.output()
        log = server.output()

    # A connection the server has not begun to read when it stops is closed unanswered (and
    # reset by the kernel): the application never saw it, wrote nothing for it, and the
    # client may send it again. A request the application handled must have had its answer.
    handled = {code for code, *_ in answers if code in log}
    reset = {code for code, _, error, _ in answers if error not in (None, "not accepted")}
    assert reset & handled == set(), "a request the server had handled was cut off"
    assert reset & faulty.codes() == set(), "a request cut off had been written"
    completed = {code for code, status, _, _ in answers if status == 201}
    assert len(completed) + len([a for a in answers if a[2]]) == 20
    assert any(at > signalled for _, status, _, at in answers if status == 201), (
        "no request was still in flight when the server was told to stop"
    )
    assert completed <= faulty.codes()
