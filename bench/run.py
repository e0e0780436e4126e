"""HTTP throughput of Civic Social, as ratios of the cheapest route the app can serve.

For each database asked for (SQLite, PostgreSQL or both) this script:

1. prepares a fresh database (SQLite: a file in a temporary directory; PostgreSQL:
   ``CREATE DATABASE civic_bench_<random>`` on 127.0.0.1:5432, dropped at the end), then runs
   ``civic-social migrate``, ``civic-social seed`` and ``civic-social create-api-key`` against
   it with the same environment the server gets, and adds the people the grant creation below
   gives access to (``bench/setup_data.py``: 20,000 employees by default, written straight to
   the database, without audit records);
2. starts ``civic-social serve --workers N`` as a separate process (its output goes to
   ``bench/out/<database>-w<N>-server.log``) and waits for ``GET /livez``;
3. loads, from another process with ``wrk --latency``, one endpoint after the other, each
   after a short warm-up, on the same server:

   - ``GET /bench/bare``: the baseline. An async route returning a constant, without auth,
     through the same middleware as every other route (``APP_EXPOSE_BENCH_ENDPOINT=true``);
   - ``GET /livez``: the health check an orchestrator calls;
   - ``GET /api/v1/people/{id}``: an authenticated read by id (API key lookup + one row);
   - the clause by reference and the policy search;
   - ``GET /api/v1/accounts/{id}``, its grants and its posture: the sample emergency
     channel, an account with grants, read by an administrator (the registry's reads);
   - ``GET /api/v1/audit-events/verify``: the whole audit chain rehashed, with an auditor
     key, on the chain as the seed and the checks left it (its length is reported), with 16
     connections: more requests in flight than a worker's database pool holds wedge the
     worker (see the endpoint's comment);
   - ``POST /api/v1/screenings``: a resident's comment of about 300 characters screened
     under the sample town's ruleset (``bench/post_screening.lua``), with an integration key
     (screening is not an administrator's job), each result stored;
   - ``POST /api/v1/screenings/batch``: 50 such comments a request
     (``bench/post_screening_batch.lua``); the report adds texts per second;
   - ``POST /api/v1/accounts/{id}/grants``: a new analyst grant on the emergency channel per
     request, each to a person of its own among those prepared (``bench/post_grant.lua``), so
     that every request is a 201 and none meets an overlapping grant;
   - ``POST /api/v1/people``: an authenticated create (a new email every request, see
     ``bench/post_person.lua``), which also appends to the audit chain;
   - ``GET /bench/bare`` again, without warm-up: the ratios divide by the mean of the two
     bare runs, and when those disagree by more than 10 % the report says the machine's
     other load changed during the run;

   and, before those, bare on a single keep-alive connection: if that takes more than 5 ms
   the server's sockets lack TCP_NODELAY (Nagle plus delayed ACKs, ~40 ms a request), which
   caps every route, and the report says so;

4. prints a table (req/s, p50, p99, ratio to bare, non-2xx responses, socket errors) and
   updates this configuration's section of ``bench/RESULTS.md``; the server is stopped and
   the database dropped whatever happens.

With ``--memory`` it measures instead the memory of one worker (``serve --workers 1``, whose
process is the one this script starts): VmRSS and VmHWM (peak RSS) from /proc at start, after
the sample ruleset is compiled and screening load (single and batch) on the sample data, then
after 20,000 custom terms are added to the ruleset in force (``bench/setup_data.py``), the
first screening compiles it (timed) and the same load runs again; written to a
``memory-<database>`` section of ``bench/RESULTS.md``.

Why ratios: absolute requests per second depend on the machine, its other load, the Python
build, and on wrk sharing the CPU with the server. Those move the baseline and the other
routes roughly alike, so ``req/s of a route / req/s of bare``, measured in the same run on the
same server, isolates what the route's own work costs (authentication, database, validation,
serialisation) and is what can be compared between machines and over time. The project's
goals are stated that way: GET person at least 0.50 of bare, POST person at least 0.30,
POST screening at least 0.60.

Usage::

    .venv/bin/python bench/run.py [--database sqlite|postgresql|both] [--workers N]
                                  [--duration S] [--connections C] [--grant-people N]
    .venv/bin/python bench/run.py --memory [--database sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import importlib.metadata
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_FILE = BENCH_DIR / "RESULTS.md"
LOG_DIR = BENCH_DIR / "out"  # git-ignored
POST_SCRIPT = BENCH_DIR / "post_person.lua"
SCREENING_SCRIPT = BENCH_DIR / "post_screening.lua"
BATCH_SCRIPT = BENCH_DIR / "post_screening_batch.lua"
GRANT_SCRIPT = BENCH_DIR / "post_grant.lua"
SETUP_DATA = BENCH_DIR / "setup_data.py"
# Comments per POST /api/v1/screenings/batch (the API takes up to 500).
BATCH_SIZE = 50
# People prepared for POST grants: one each per request (warm-up and measured run).
DEFAULT_GRANT_PEOPLE = 20_000
# Custom terms added to the ruleset in force for the memory measurement.
MEMORY_TERMS = 20_000
# wrk connections for GET /api/v1/audit-events/verify: fewer than one worker's database pool
# (see its Endpoint below).
VERIFY_CONNECTIONS = 16
# The console script installed beside the interpreter running this file (the venv's).
CLI = str(Path(sys.executable).parent / "civic-social")

DATABASES = ("sqlite", "postgresql")
DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
# Fixed so API keys issued by the CLI verify in the server; never used outside benchmarks.
BENCH_SECRET_KEY = "civic-social-bench-secret-not-for-production"  # noqa: S105
VERSIONS_OF = ("fastapi", "starlette", "pydantic", "sqlalchemy", "uvicorn", "psycopg")


class BenchError(Exception):
    """A step failed; the message says which and why."""


# Endpoints ----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Endpoint:
    label: str
    path: str  # may hold {person_id}, {policy_id}, {version_id}, {ref} and {account_id}
    authenticated: bool = False
    role: str = "admin"  # the role of the API key an authenticated endpoint is called with
    script: Path | None = None  # a wrk Lua script, for requests wrk cannot send as they are
    goal: float | None = None  # the minimum ratio to bare the project aims for
    p99_goal: float | None = None  # the maximum p99 as a multiple of bare's p99
    baseline: bool = False  # a run of bare: the ratios' denominator is their mean
    warm_up: bool = True
    items_per_request: int = 1  # texts per request (batch screening): reported as items/s
    uses_people: bool = False  # its script takes the prepared people (POST grants)
    audit_chain: bool = False  # reports the audit chain's length when it was measured
    connections: int | None = None  # fewer wrk connections than the others (see verify)


ENDPOINTS = (
    Endpoint("GET /bench/bare", "/bench/bare", baseline=True),
    Endpoint("GET /livez", "/livez"),
    Endpoint(
        "GET /api/v1/people/{id}", "/api/v1/people/{person_id}", authenticated=True, goal=0.50
    ),
    Endpoint(
        "GET clause by reference",
        "/api/v1/policies/{policy_id}/versions/{version_id}/clauses/{ref}",
        authenticated=True,
        goal=0.40,
    ),
    Endpoint(
        "GET policies/search",
        "/api/v1/policies/search?q=who+approves+a+new+account",
        authenticated=True,
        goal=0.40,
        p99_goal=3.0,
    ),
    Endpoint("GET /api/v1/accounts/{id}", "/api/v1/accounts/{account_id}", authenticated=True),
    Endpoint(
        "GET account grants",
        "/api/v1/accounts/{account_id}/grants",
        authenticated=True,
    ),
    Endpoint(
        "GET account posture",
        "/api/v1/accounts/{account_id}/posture",
        authenticated=True,
    ),
    # Reads and rehashes the whole chain: its cost grows with the chain, whose length at the
    # time is reported. Measured before the writes below lengthen it. With fewer connections
    # than the database pool holds (10 + 10 overflow per worker): the only sync route, its
    # connection is checked out on the event loop and held while the route runs in the
    # threadpool, so with more requests in flight than the pool holds the event loop blocks
    # in the pool's checkout, the requests holding connections cannot finish, and the worker
    # answers nothing until the pool timeout (SQLite 30 s, PostgreSQL 5 s) for each waiting
    # request: 24 or 64 connections gave 0 responses and a wedged server.
    Endpoint(
        f"GET audit-events/verify (-c {VERIFY_CONNECTIONS})",
        "/api/v1/audit-events/verify",
        authenticated=True,
        role="auditor",
        audit_chain=True,
        connections=VERIFY_CONNECTIONS,
    ),
    # Screening is for staff and integrations, not administrators. It grows the screenings
    # table, as POST person grows the people table, so both come after the reads.
    Endpoint(
        "POST /api/v1/screenings",
        "/api/v1/screenings",
        authenticated=True,
        role="integration",
        script=SCREENING_SCRIPT,
        goal=0.60,
    ),
    Endpoint(
        f"POST screenings/batch ({BATCH_SIZE})",
        "/api/v1/screenings/batch",
        authenticated=True,
        role="integration",
        script=BATCH_SCRIPT,
        items_per_request=BATCH_SIZE,
    ),
    # A new analyst grant on the sample emergency channel per request, each to a person of
    # its own (prepared before the run): no overlap (409). Grows the grants and the chain.
    Endpoint(
        "POST account grants",
        "/api/v1/accounts/{account_id}/grants",
        authenticated=True,
        script=GRANT_SCRIPT,
        uses_people=True,
    ),
    # Last: it grows the people table and the audit chain.
    Endpoint(
        "POST /api/v1/people", "/api/v1/people", authenticated=True, script=POST_SCRIPT, goal=0.30
    ),
    # Bare again, bracketing the others: if the machine's other load changed during the run,
    # the two bare runs disagree, and the report says so.
    Endpoint("GET /bench/bare (again)", "/bench/bare", baseline=True, warm_up=False),
)
# Above this difference between the two bare runs, the report flags the ratios as noisy.
BASELINE_DRIFT_WARNING = 0.10
# With two or more workers, a run in which one worker did more than this share of the
# workers' CPU time is measured again (up to MAX_ATTEMPTS runs in all). The workers share one
# listening socket, and a wrk thread opens all its connections at once: the first worker to
# wake often accepts every one of them and serves the whole run alone while the other idles,
# and that run measures one worker, not N. With one wrk thread that happened in most runs
# here, and also when a worker was still busy with the requests the warm-up left in flight;
# hence 2 wrk threads per worker by default (parse_args), a wait until the workers are idle
# before each measured run (wait_until_idle), and this check.
MAX_BUSIEST_WORKER_SHARE = 0.80
MAX_ATTEMPTS = 3
# One keep-alive connection to bare answers in well under a millisecond. Around 40 ms means
# Nagle's algorithm meets the client's delayed ACK: TCP_NODELAY is off on the server's
# sockets (uvicorn --workers > 1 does that: https://github.com/Kludex/uvicorn/issues/3149).
KEEPALIVE_P50_LIMIT_MS = 5.0


# wrk ----------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class LoadSettings:
    duration_s: int
    warmup_s: int
    connections: int
    threads: int
    timeout_s: int

    def describe(self, wrk_version: str, *, warm_up: bool = True) -> str:
        described = (
            f"{wrk_version}, `--latency -t {self.threads} -c {self.connections} "
            f"-d {self.duration_s}s --timeout {self.timeout_s}s`"
        )
        if warm_up:
            described += f", after a {self.warmup_s} s warm-up per endpoint"
        return described


@dataclasses.dataclass(frozen=True)
class WrkResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int  # wrk's "Non-2xx or 3xx responses": every status >= 400
    socket_errors: int  # connect, read, write and timeout errors
    next_index: int | None = None  # bench/post_grant.lua: the first person index left unused


_TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_LATENCY_LINE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.MULTILINE)
_RPS_LINE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_REQUESTS_LINE = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)
_NON_2XX_LINE = re.compile(r"^\s*Non-2xx or 3xx responses:\s+(\d+)", re.MULTILINE)
_NEXT_INDEX_LINE = re.compile(r"^bench-next-index: (\d+)$", re.MULTILINE)
_SOCKET_ERRORS_LINE = re.compile(
    r"^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", re.MULTILINE
)


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit(
            "bench/run.py needs wrk (https://github.com/wg/wrk) on the PATH: "
            "install it with `apt-get install wrk` (Debian/Ubuntu) and run again."
        )
    return wrk


def wrk_version(wrk: str) -> str:
    # `wrk -v` prints its version and usage, and exits non-zero.
    output = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False).stdout
    first = output.splitlines()[0] if output else "wrk"
    return " ".join(first.split()[:2])


def parse_wrk(output: str) -> WrkResult:
    rps = _RPS_LINE.search(output)
    requests = _REQUESTS_LINE.search(output)
    latencies = {
        int(m.group(1)): float(m.group(2)) * _TIME_UNITS_MS[m.group(3)]
        for m in _LATENCY_LINE.finditer(output)
    }
    if rps is None or requests is None or set(latencies) != {50, 99}:
        raise BenchError(f"could not parse wrk's output:\n{output}")
    non_2xx = _NON_2XX_LINE.search(output)
    socket_errors = _SOCKET_ERRORS_LINE.search(output)
    next_index = _NEXT_INDEX_LINE.search(output)
    return WrkResult(
        requests_per_s=float(rps.group(1)),
        p50_ms=latencies[50],
        p99_ms=latencies[99],
        requests=int(requests.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        next_index=int(next_index.group(1)) if next_index else None,
    )


def run_wrk(
    wrk: str,
    url: str,
    load: LoadSettings,
    duration_s: int,
    headers: Mapping[str, str],
    script: Path | None,
    script_args: Sequence[str] = (),
) -> WrkResult:
    command = [
        wrk, "--latency",
        "-t", str(load.threads),
        "-c", str(load.connections),
        "-d", f"{duration_s}s",
        "--timeout", f"{load.timeout_s}s",
    ]  # fmt: skip
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    # After `--`: the script's init(args). A fresh token per run keeps generated data unique;
    # what follows it is the script's own (a file of ids, a batch size).
    command += [url, "--", secrets.token_hex(4), *script_args]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise BenchError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_wrk(completed.stdout)


# Databases ----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PreparedDatabase:
    url: str
    description: str


@contextlib.contextmanager
def fresh_database(kind: str, workdir: Path, pg_admin_url: str) -> Iterator[PreparedDatabase]:
    """An empty database for one configuration, removed afterwards."""
    if kind == "sqlite":
        # The file lives in workdir, which the caller removes.
        path = workdir / "civic-social.db"
        yield PreparedDatabase(
            f"sqlite:///{path}", f"SQLite {sqlite3.sqlite_version} (temporary file, WAL)"
        )
        return

    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    name = f"civic_bench_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(pg_admin_url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        raise BenchError(f"cannot reach PostgreSQL at {pg_admin_url}: {exc}") from exc
    with admin:
        version_row = admin.execute("SHOW server_version").fetchone()
        version = version_row[0] if version_row else "?"
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
            yield PreparedDatabase(url, f"PostgreSQL {version} (127.0.0.1, database {name})")
        finally:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def app_environment(database_url: str, var_dir: Path) -> dict[str, str]:
    """What the CLI and the server run with. Inherited APP_* variables are dropped so a
    developer's shell cannot change what is measured."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("APP_")}
    env.update(
        APP_DATABASE_URL=database_url,
        APP_EXPOSE_BENCH_ENDPOINT="true",
        APP_SECRET_KEY=BENCH_SECRET_KEY,
        APP_VAR_DIR=str(var_dir),
    )
    return env


def run_cli(args: Sequence[str], env: Mapping[str, str], cwd: Path) -> str:
    completed = subprocess.run(
        [CLI, *args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise BenchError(
            f"`civic-social {' '.join(args)}` failed ({completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return completed.stdout


def prepare_data(env: Mapping[str, str], cwd: Path) -> str:
    """Schema, sample town and an admin API key (the last line the CLI prints)."""
    run_cli(["migrate"], env, cwd)
    run_cli(["seed"], env, cwd)
    return issue_api_key(env, cwd, "admin")


def issue_api_key(env: Mapping[str, str], cwd: Path, role: str) -> str:
    """A new API key with `role` (the last line the CLI prints)."""
    output = run_cli(["create-api-key", "--name", f"bench-{role}", "--role", role], env, cwd)
    return output.strip().splitlines()[-1].strip()


def run_setup(args: Sequence[str], env: Mapping[str, str], cwd: Path) -> str:
    """bench/setup_data.py with the server's environment: bulk rows in the bench database."""
    completed = subprocess.run(
        [sys.executable, str(SETUP_DATA), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BenchError(
            f"`bench/setup_data.py {' '.join(args)}` failed ({completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return completed.stdout


@dataclasses.dataclass
class GrantPeople:
    """The people prepared for POST grants, handed out in order: each wrk invocation (warm-up,
    measured run) starts after the last person the previous one may have used."""

    path: Path
    count: int
    next_index: int = 0

    def script_args(self, threads: int) -> list[str]:
        return [str(self.path), str(self.next_index), str(threads)]

    def consumed(self, result: WrkResult) -> None:
        if result.next_index is None:
            raise BenchError("bench/post_grant.lua did not say which people it used")
        self.next_index = max(self.next_index, result.next_index)


def prepare_grant_people(env: Mapping[str, str], cwd: Path, count: int) -> GrantPeople:
    path = cwd / "grant-people.txt"
    run_setup(["people", "--count", str(count), "--output", str(path)], env, cwd)
    return GrantPeople(path, count)


# The server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclasses.dataclass
class Server:
    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    def log_size(self) -> int:
        return self.log_path.stat().st_size

    def log_since(self, offset: int) -> str:
        with self.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")


@contextlib.contextmanager
def running_server(
    env: Mapping[str, str], cwd: Path, workers: int, log_path: Path
) -> Iterator[Server]:
    """``civic-social serve`` in its own process group, stopped (group and all) on exit."""
    port = free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [
        CLI, "serve",
        "--host", "127.0.0.1",
        "--port", str(port),
        "--workers", str(workers),
        "--graceful-timeout", "5",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        # A session (and process group) of its own: stopping the group stops the workers.
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Server(process, f"http://127.0.0.1:{port}", log_path)
    try:
        wait_until_live(server)
        yield server
    finally:
        stop(process)


def wait_until_live(server: Server, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchError(
                f"the server exited with {server.process.returncode}:\n"
                f"{server.log_since(0)[-4000:]}"
            )
        with contextlib.suppress(OSError):
            status, _ = http(server.base_url + "/livez")
            if status == 200:
                return
        time.sleep(0.1)
    raise BenchError(f"GET /livez did not answer within {timeout_s:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def server_log_summary(text: str) -> list[str]:
    """What the server logged during a load: JSON events counted by level and event, and
    the first few lines that are not JSON (tracebacks from uvicorn itself)."""
    events: Counter[str] = Counter()
    other: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            other.append(line.rstrip())
            continue
        if isinstance(record, dict):
            events[f"{record.get('level', '?')} {record.get('event', '?')}"] += 1
    summary = [f"{count} x {event}" for event, count in events.most_common()]
    if other:
        summary.append(f"{len(other)} other lines, first: " + " | ".join(other[:3]))
    return summary


# HTTP ---------------------------------------------------------------------------------------


def http(
    url: str,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    body: Any | None = None,
) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw) if raw else None
    except json.JSONDecodeError:
        return status, raw.decode("utf-8", "replace")


def check_endpoints(
    server: Server, auth: Mapping[str, Mapping[str, str]], ids: Mapping[str, str]
) -> None:
    """One request to each endpoint before loading it: a wrong setup fails here, with the
    server's answer, not as a table of non-2xx counts. `auth` holds headers by role."""
    email = f"bench-smoke-{secrets.token_hex(4)}@town.example.ca"
    person = {
        "given_name": "Bench",
        "family_name": "Load",
        "email": email,
        "person_type": "employee",
    }
    checks: list[tuple[str, str, Mapping[str, str], Any, int]] = [
        ("GET", "/bench/bare", {}, None, 200),
        ("GET", "/livez", {}, None, 200),
    ]
    checks += [
        ("GET", endpoint.path.format(**ids), auth[endpoint.role], None, 200)
        for endpoint in ENDPOINTS
        if endpoint.authenticated and endpoint.script is None
    ]
    for method, path, headers, body, expected in checks:
        status, answer = http(server.base_url + path, method, headers, body)
        if status != expected:
            raise BenchError(f"{method} {path} answered {status}, not {expected}: {answer}")

    def post(path: str, role: str, body: Any) -> Any:
        status, answer = http(server.base_url + path, "POST", auth[role], body)
        if status != 201 or not isinstance(answer, dict):
            raise BenchError(f"POST {path} answered {status}, not 201: {answer}")
        return answer

    created = post("/api/v1/people", "admin", person)
    # The grant bench/post_grant.lua sends, to the person just created (not one of the
    # prepared people): 201, and in effect now.
    grant = post(
        f"/api/v1/accounts/{ids['account_id']}/grants",
        "admin",
        {"person_id": created["id"], "role": "analyst", "expires_at": "2099-12-31T00:00:00Z"},
    )
    if grant.get("status") != "active":
        raise BenchError(f"the smoke-test grant is not active: {grant}")
    status, chain = http(server.base_url + "/api/v1/audit-events/verify", headers=auth["auditor"])
    if status != 200 or not isinstance(chain, dict) or chain.get("valid") is not True:
        raise BenchError(f"GET /api/v1/audit-events/verify answered {status}: {chain}")
    batch = {"items": [{"kind": "comment", "text": "Thanks for the update."}] * 3}
    screened = post("/api/v1/screenings/batch", "integration", batch)
    if len(screened.get("items", [])) != len(batch["items"]):
        raise BenchError(f"POST /api/v1/screenings/batch answered {screened}")
    # Screening must run under the sample policy's ruleset, not the built-in default one:
    # a comment with a phone number is hidden, citing the policy version in force.
    comment = {"kind": "comment", "text": "Call me at 604-555-0142 about the bike lanes."}
    status, answer = http(
        server.base_url + "/api/v1/screenings", "POST", auth["integration"], comment
    )
    if (
        status != 201
        or not isinstance(answer, dict)
        or answer.get("decision") != "hide"
        or answer.get("policy_version") is None
    ):
        raise BenchError(
            f"POST /api/v1/screenings answered {status}, not 201 and a hidden comment under "
            f"the sample ruleset: {answer}"
        )


def keepalive_latency_ms(wrk: str, bare_url: str, load: LoadSettings) -> float:
    """The median latency of bare on a single keep-alive connection (about 0.2 ms here)."""
    one_connection = dataclasses.replace(load, connections=1, threads=1)
    return run_wrk(wrk, bare_url, one_connection, 1, {}, None).p50_ms


def pick_ids(server: Server, auth: Mapping[str, str]) -> dict[str, str]:
    """A person, the sample policy's version in force, a clause from its middle, and the
    sample emergency channel (an active account with grants)."""

    def get(path: str) -> Any:
        status, answer = http(server.base_url + path, headers=auth)
        if status != 200 or not isinstance(answer, dict):
            raise BenchError(f"GET {path} answered {status}: {answer}")
        return answer

    person = get("/api/v1/people?page_size=1")["items"][0]
    policy = get("/api/v1/policies?q=social")["items"][0]
    version = get(f"/api/v1/policies/{policy['id']}/in-force")
    clauses = get(f"/api/v1/policies/{policy['id']}/versions/{version['id']}/clauses?page_size=100")
    clause = clauses["items"][len(clauses["items"]) // 2]
    account = get("/api/v1/accounts?status=active&q=fire")["items"][0]
    return {
        "account_id": account["id"],
        "person_id": person["id"],
        "policy_id": policy["id"],
        "version_id": version["id"],
        "ref": clause["ref"],
    }


# One configuration --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Row:
    endpoint: Endpoint
    result: WrkResult
    ratio: float
    server_log: list[str]
    detail: str | None = None  # said under the table: texts/s, the chain's length, people
    cpu_shares: tuple[float, ...] = ()  # each worker's share of the workers' CPU (workers > 1)
    attempts: int = 1  # runs measured: more than one when a worker served a run alone


@dataclasses.dataclass(frozen=True)
class Run:
    database: str
    database_description: str
    workers: int
    load: LoadSettings
    started: dt.datetime
    load_average: tuple[float, float, float]
    baseline_rps: float  # the mean of the bare runs
    baseline_p99_ms: float  # the mean of the bare runs' p99
    baseline_drift: float  # how far apart the bare runs are, relative to their mean
    keepalive_p50_ms: float  # bare on one keep-alive connection
    code_version: str
    rows: list[Row]
    final_chain_length: int  # audit events when the run ended
    final_verify_ms: float  # one GET /api/v1/audit-events/verify of that chain, alone

    @property
    def capped(self) -> bool:
        """Keep-alive requests wait on delayed ACKs: throughput says nothing about the app."""
        return self.keepalive_p50_ms > KEEPALIVE_P50_LIMIT_MS

    def notes(self) -> list[str]:
        baseline = (
            f"Baseline: {self.baseline_rps:,.0f} req/s, the mean of the two bare runs, "
            f"which differ by {self.baseline_drift:.0%}."
        )
        if self.baseline_drift > BASELINE_DRIFT_WARNING:
            baseline += (
                " That is more than "
                f"{BASELINE_DRIFT_WARNING:.0%}: the machine's other load changed during the "
                "run, so read these ratios with care (or run again on a quiet machine)."
            )
        notes = [baseline]
        notes += [f"{row.endpoint.label}: {row.detail}" for row in self.rows if row.detail]
        if self.workers > 1:
            repeated = [row for row in self.rows if row.attempts > 1]
            unbalanced = [
                row.endpoint.label
                for row in self.rows
                if row.cpu_shares and max(row.cpu_shares) > MAX_BUSIEST_WORKER_SHARE
            ]
            note = (
                "CPU by worker: each worker's share of the workers' CPU time during the "
                "measured run. The workers share one listening socket, and the first to wake "
                "accepts every connection waiting: with one wrk thread, or a worker still busy "
                "when wrk connects, one worker often serves the whole run alone. So wrk runs "
                f"{self.load.threads} threads, each measured run waits until the workers are "
                "idle, and a run in which one worker did more than "
                f"{MAX_BUSIEST_WORKER_SHARE:.0%} is measured again (at most {MAX_ATTEMPTS} "
                "runs). "
            )
            if repeated:
                note += "Measured again: " + ", ".join(
                    f"{row.endpoint.label} ({row.attempts} runs)" for row in repeated
                )
                note += ". "
            else:
                note += "No run needed it. "
            if unbalanced:
                note += (
                    f"Still served mostly by one worker after {MAX_ATTEMPTS} runs, so closer "
                    f"to one worker's throughput: {', '.join(unbalanced)}."
                )
            notes.append(note.strip())
        notes.append(
            f"The audit chain held {self.final_chain_length:,} events at the end of the run "
            "(the seed's, the checks', and one per person and grant created); one "
            f"GET /api/v1/audit-events/verify of it, alone, took {self.final_verify_ms:,.0f} ms."
        )
        if self.capped:
            notes.append(
                f"WARNING: on one keep-alive connection GET /bench/bare takes "
                f"{self.keepalive_p50_ms:.1f} ms (p50). That is Nagle's algorithm meeting "
                "delayed ACKs: the server does not set TCP_NODELAY on its connections (uvicorn "
                "with --workers > 1: https://github.com/Kludex/uvicorn/issues/3149). Every "
                "route is capped at about connections / that latency, so these ratios say "
                "little about the app."
            )
        return notes


def audit_chain_length(server: Server, auth: Mapping[str, str]) -> int:
    status, answer = http(server.base_url + "/api/v1/audit-events/verify", headers=auth)
    if status != 200 or not isinstance(answer, dict) or answer.get("valid") is not True:
        raise BenchError(f"GET /api/v1/audit-events/verify answered {status}: {answer}")
    return int(answer["events_checked"])


def worker_pids(server: Server) -> list[int]:
    """The worker processes of `serve --workers N` (N > 1): the supervisor's children started
    by multiprocessing's spawn (its resource tracker is not one)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            ppid = int(stat.rpartition(")")[2].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
            if ppid == server.process.pid and b"spawn_main" in cmdline:
                found.append(int(entry.name))
    return sorted(found)


def cpu_ticks(pids: Sequence[int]) -> list[int]:
    """User plus system CPU time of each process, in clock ticks (0 for one that is gone)."""
    ticks = []
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            ticks.append(0)
            continue
        ticks.append(int(fields[11]) + int(fields[12]))  # utime, stime
    return ticks


def wait_until_idle(pids: Sequence[int], timeout_s: float = 10.0) -> None:
    """Until the workers use no CPU for 0.2 s: the requests the previous wrk left in flight
    are done. A worker still busy with them when the next wrk connects leaves every new
    connection to the idle one."""
    deadline = time.monotonic() + timeout_s
    previous = sum(cpu_ticks(pids))
    while time.monotonic() < deadline:
        time.sleep(0.2)
        current = sum(cpu_ticks(pids))
        if current == previous:
            return
        previous = current


def cpu_shares(before: Sequence[int], after: Sequence[int]) -> tuple[float, ...]:
    spent = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(spent)
    return tuple(x / total for x in spent) if total > 0 else ()


def _script_args(endpoint: Endpoint, people: GrantPeople, threads: int) -> list[str]:
    if endpoint.uses_people:
        return people.script_args(threads)
    if endpoint.items_per_request > 1:
        return [str(endpoint.items_per_request)]
    return []


def _people_detail(people: GrantPeople, requests: int) -> str:
    if people.next_index > people.count:
        return (
            f"WARNING: the {people.count:,} people prepared ran out (about "
            f"{people.next_index:,} requests with the warm-up): the later requests gave one-day "
            "grants in 2100 and later to people who already had one (still new, valid grants, "
            "but the overlap check then finds rows); run with more --grant-people"
        )
    return (
        f"{requests:,} requests measured, each a new analyst grant to a person of its own "
        f"({people.next_index:,} of the {people.count:,} people prepared were used, warm-up "
        "and repeated runs included)"
    )


def measure(
    database: str,
    workers: int,
    load: LoadSettings,
    wrk: str,
    pg_admin_url: str,
    grant_people: int,
) -> Run:
    started = dt.datetime.now(dt.UTC)
    load_average = os.getloadavg()
    code = code_version()
    log_path = LOG_DIR / f"{database}-w{workers}-server.log"
    with (
        tempfile.TemporaryDirectory(prefix=f"civic-bench-{database}-") as tmp,
        fresh_database(database, Path(tmp), pg_admin_url) as prepared,
    ):
        workdir = Path(tmp)  # also the working directory: no stray .env or ./var is read
        env = app_environment(prepared.url, workdir / "var")
        print(f"[{database}, {workers} worker(s)] {prepared.description}: migrate, seed, key")
        api_keys = {"admin": prepare_data(env, workdir)}
        roles = {endpoint.role for endpoint in ENDPOINTS if endpoint.authenticated}
        api_keys |= {role: issue_api_key(env, workdir, role) for role in roles - {"admin"}}
        auth = {role: {"Authorization": f"Bearer {key}"} for role, key in api_keys.items()}
        print(f"[{database}, {workers} worker(s)] {grant_people:,} people for POST grants")
        people = prepare_grant_people(env, workdir, grant_people)
        with running_server(env, workdir, workers, log_path) as server:
            print(f"[{database}, {workers} worker(s)] server up at {server.base_url}")
            ids = pick_ids(server, auth["admin"])
            check_endpoints(server, auth, ids)
            keepalive_p50_ms = keepalive_latency_ms(wrk, server.base_url + "/bench/bare", load)
            workers_pids = worker_pids(server) if workers > 1 else []
            if workers > 1 and len(workers_pids) != workers:
                raise BenchError(f"found {len(workers_pids)} worker processes, not {workers}")
            results: list[Row] = []
            for endpoint in ENDPOINTS:
                url = server.base_url + endpoint.path.format(**ids)
                headers = auth[endpoint.role] if endpoint.authenticated else {}
                warmup_s = load.warmup_s if endpoint.warm_up else 0
                print(f"  {endpoint.label}: warm-up {warmup_s} s, then {load.duration_s} s")
                own_load = load
                if endpoint.connections is not None:
                    connections = min(load.connections, endpoint.connections)
                    own_load = dataclasses.replace(
                        load, connections=connections, threads=min(load.threads, connections)
                    )
                if warmup_s:
                    args = _script_args(endpoint, people, own_load.threads)
                    warm = run_wrk(wrk, url, own_load, warmup_s, headers, endpoint.script, args)
                    if endpoint.uses_people:
                        people.consumed(warm)
                detail = None
                if endpoint.audit_chain:
                    # Nothing writes to the chain while it is measured: this is its length.
                    chain = audit_chain_length(server, auth["auditor"])
                    detail = f"the audit chain held {chain:,} events (each request rehashes all)"
                log_offset = server.log_size()
                for attempt in range(1, MAX_ATTEMPTS + 1):
                    args = _script_args(endpoint, people, own_load.threads)
                    wait_until_idle(workers_pids)
                    before = cpu_ticks(workers_pids)
                    result = run_wrk(
                        wrk, url, own_load, own_load.duration_s, headers, endpoint.script, args
                    )
                    shares = cpu_shares(before, cpu_ticks(workers_pids))
                    if endpoint.uses_people:
                        people.consumed(result)
                        detail = _people_detail(people, result.requests)
                    if not shares or max(shares) <= MAX_BUSIEST_WORKER_SHARE:
                        break
                    if attempt < MAX_ATTEMPTS:
                        print(f"    one worker did {max(shares):.0%} of the work: again")
                logged = server_log_summary(server.log_since(log_offset))
                results.append(Row(endpoint, result, 0.0, logged, detail, shares, attempt))
            if server.process.poll() is not None:
                raise BenchError(f"the server died during the run; see {log_path}")
            start = time.perf_counter()
            final_chain_length = audit_chain_length(server, auth["auditor"])
            final_verify_ms = (time.perf_counter() - start) * 1000
    bare = [row.result.requests_per_s for row in results if row.endpoint.baseline]
    baseline_rps = sum(bare) / len(bare)
    bare_p99 = [row.result.p99_ms for row in results if row.endpoint.baseline]
    drift = (max(bare) - min(bare)) / baseline_rps if baseline_rps else 0.0
    single = next((row.result for row in results if row.endpoint.script == SCREENING_SCRIPT), None)
    rows = []
    for row in results:
        detail = row.detail
        if row.endpoint.items_per_request > 1:
            items_per_s = row.result.requests_per_s * row.endpoint.items_per_request
            detail = (
                f"{row.endpoint.items_per_request} comments per request: {items_per_s:,.0f} texts/s"
            )
            if single is not None and single.requests_per_s:
                detail += (
                    f", {items_per_s / single.requests_per_s:.1f}x the texts/s of "
                    "POST /api/v1/screenings (one text per request)"
                )
        ratio = row.result.requests_per_s / baseline_rps if baseline_rps else 0.0
        rows.append(dataclasses.replace(row, ratio=ratio, detail=detail))
    return Run(
        database=database,
        database_description=prepared.description,
        workers=workers,
        load=load,
        started=started,
        load_average=load_average,
        baseline_rps=baseline_rps,
        baseline_p99_ms=sum(bare_p99) / len(bare_p99),
        baseline_drift=drift,
        keepalive_p50_ms=keepalive_p50_ms,
        code_version=code,
        rows=rows,
        final_chain_length=final_chain_length,
        final_verify_ms=final_verify_ms,
    )


# Memory -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class MemoryPoint:
    stage: str
    rss_kib: int  # VmRSS: resident now
    hwm_kib: int  # VmHWM: the peak resident set since the process started
    detail: str = ""


@dataclasses.dataclass(frozen=True)
class MemoryRun:
    database: str
    database_description: str
    load: LoadSettings
    started: dt.datetime
    load_average: tuple[float, float, float]
    code_version: str
    terms: int
    points: list[MemoryPoint]
    compile_ms: float  # the first screening after the terms were added
    next_ms: float  # the screening after that: the compile time is the difference
    notes: list[str]


def process_memory(pid: int) -> tuple[int, int]:
    """VmRSS and VmHWM of a process, in KiB (Linux)."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in {"VmRSS", "VmHWM"}:
            fields[name] = int(value.split()[0])
    return fields["VmRSS"], fields["VmHWM"]


def timed_screening(
    server: Server, auth: Mapping[str, str], text: str
) -> tuple[float, dict[str, Any]]:
    """One POST /api/v1/screenings: the wall time in ms (seen from here) and the answer."""
    start = time.perf_counter()
    status, answer = http(
        server.base_url + "/api/v1/screenings", "POST", auth, {"kind": "comment", "text": text}
    )
    elapsed_ms = (time.perf_counter() - start) * 1000
    if status != 201 or not isinstance(answer, dict):
        raise BenchError(f"POST /api/v1/screenings answered {status}: {answer}")
    return elapsed_ms, answer


PLAIN_COMMENT = "Thanks for the update on the library's Sunday hours, see you there."


def measure_memory(database: str, load: LoadSettings, wrk: str, pg_admin_url: str) -> MemoryRun:
    """Peak RSS of one server process (`serve --workers 1`: uvicorn runs in the process the
    script starts, no supervisor) with the sample data, before and after its ruleset in force
    gains MEMORY_TERMS custom terms, each state under a load of single and batch screenings."""
    started = dt.datetime.now(dt.UTC)
    load_average = os.getloadavg()
    code = code_version()
    log_path = LOG_DIR / f"{database}-memory-server.log"
    points: list[MemoryPoint] = []
    notes: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix=f"civic-bench-{database}-") as tmp,
        fresh_database(database, Path(tmp), pg_admin_url) as prepared,
    ):
        workdir = Path(tmp)
        env = app_environment(prepared.url, workdir / "var")
        print(f"[{database}, memory] {prepared.description}: migrate, seed, keys")
        admin = {"Authorization": f"Bearer {prepare_data(env, workdir)}"}
        screener = {"Authorization": f"Bearer {issue_api_key(env, workdir, 'integration')}"}
        with running_server(env, workdir, 1, log_path) as server:
            pid = server.process.pid

            def point(stage: str, detail: str = "") -> None:
                rss, hwm = process_memory(pid)
                points.append(MemoryPoint(stage, rss, hwm, detail))
                print(f"  {stage}: VmRSS {rss / 1024:,.1f} MiB, VmHWM {hwm / 1024:,.1f} MiB")

            def screening_load(phase: str) -> str:
                url = server.base_url + "/api/v1/screenings"
                single = run_wrk(wrk, url, load, load.duration_s, screener, SCREENING_SCRIPT)
                batch = run_wrk(
                    wrk,
                    url + "/batch",
                    load,
                    load.duration_s,
                    screener,
                    BATCH_SCRIPT,
                    [str(BATCH_SIZE)],
                )
                for label, result in (("single", single), ("batch", batch)):
                    if result.non_2xx or result.socket_errors:
                        notes.append(
                            f"WARNING: {phase}, {label} screenings: {result.non_2xx} non-2xx, "
                            f"{result.socket_errors} socket errors"
                        )
                return (
                    f"{load.duration_s} s of POST /api/v1/screenings ({single.requests_per_s:,.0f}"
                    f" req/s), then {load.duration_s} s of batches of {BATCH_SIZE} "
                    f"({batch.requests_per_s * BATCH_SIZE:,.0f} texts/s), "
                    f"{load.connections} connections"
                )

            ids = pick_ids(server, admin)
            point("started, GET /livez answered")
            first_ms, answer = timed_screening(server, screener, PLAIN_COMMENT)
            sample_version = answer.get("ruleset_version")
            point(
                "one screening (compiles the sample ruleset)",
                f"ruleset {sample_version}; that screening took {first_ms:,.0f} ms",
            )
            point("after the screening load, sample ruleset", screening_load("sample ruleset"))

            rulesets = http(
                server.base_url
                + f"/api/v1/screening-rulesets?policy_version_id={ids['version_id']}",
                headers=admin,
            )[1]
            ruleset_id = rulesets["items"][0]["id"]
            print(f"[{database}, memory] adding {MEMORY_TERMS:,} terms to ruleset {ruleset_id}")
            added = time.perf_counter()
            probe = run_setup(
                ["terms", "--count", str(MEMORY_TERMS), "--ruleset-id", ruleset_id], env, workdir
            ).splitlines()[-1]
            insert_s = time.perf_counter() - added
            point(
                f"{MEMORY_TERMS:,} terms inserted (server idle)",
                f"bench/setup_data.py, {insert_s:.1f} s, one transaction",
            )
            compile_ms, answer = timed_screening(server, screener, PLAIN_COMMENT)
            big_version = answer.get("ruleset_version")
            if big_version == sample_version:
                raise BenchError(f"the ruleset version did not change ({big_version})")
            next_ms, _ = timed_screening(server, screener, PLAIN_COMMENT)
            point(
                f"one screening (compiles the {MEMORY_TERMS:,}-term ruleset)",
                f"ruleset {big_version}; that screening took {compile_ms:,.0f} ms, "
                f"the next {next_ms:,.0f} ms",
            )
            _, found = timed_screening(server, screener, f"You are a {probe}, go away.")
            if not any(f.get("category") == "profanity" for f in found.get("findings", [])):
                raise BenchError(f"a custom term ({probe!r}) was not found: {found}")
            point(
                f"after the screening load, {MEMORY_TERMS:,}-term ruleset",
                screening_load(f"{MEMORY_TERMS:,}-term ruleset"),
            )
            if server.process.poll() is not None:
                raise BenchError(f"the server died during the run; see {log_path}")
            logged = server_log_summary(server.log_since(0))
            if logged:
                notes.append("Server log: " + "; ".join(logged))
    return MemoryRun(
        database=database,
        database_description=prepared.description,
        load=load,
        started=started,
        load_average=load_average,
        code_version=code,
        terms=MEMORY_TERMS,
        points=points,
        compile_ms=compile_ms,
        next_ms=next_ms,
        notes=notes,
    )


def memory_table(points: Sequence[MemoryPoint]) -> str:
    header = ("stage", "VmRSS MiB", "VmHWM (peak) MiB", "detail")
    body = [
        [p.stage, f"{p.rss_kib / 1024:,.1f}", f"{p.hwm_kib / 1024:,.1f}", p.detail] for p in points
    ]
    return _markdown_table(header, body, numeric={1, 2})


def memory_section(run: MemoryRun, wrk_description: str) -> str:
    key = f"memory-{run.database}"
    load_average = ", ".join(f"{x:.2f}" for x in run.load_average)
    first = run.points[0]
    sample = run.points[2]
    big = run.points[-1]
    lines = [
        f"<!-- bench:{key} -->",
        f"## Memory, {run.database}, 1 worker, sample data + {run.terms:,}-term ruleset",
        "",
        f"- Date: {run.started:%Y-%m-%d %H:%M} UTC",
        f"- Code: {run.code_version}",
        f"- Versions: {_versions()}",
        f"- CPU: {os.cpu_count()} x {_cpu_model()} (load average at start: {load_average})",
        f"- Database: {run.database_description}",
        "- Server: `civic-social serve --workers 1` (uvicorn in the process the script starts: "
        "its /proc/<pid>/status is the worker's)",
        f"- wrk: {wrk_description}",
        "",
        memory_table(run.points),
        "",
        f"Peak RSS (VmHWM) of the worker: {big.hwm_kib / 1024:,.1f} MiB with the sample data and "
        f"a {run.terms:,}-term ruleset in force, {sample.hwm_kib / 1024:,.1f} MiB with the sample "
        f"data alone, {first.rss_kib / 1024:,.1f} MiB at start. Compiling the {run.terms:,}-term "
        f"ruleset: the first screening after the terms were added took {run.compile_ms:,.0f} ms, "
        f"the next {run.next_ms:,.0f} ms (reading the terms, building the engine, then "
        "screening). The worker keeps up to 8 compiled rulesets, so the sample ruleset's engine "
        "is still held after the change.",
        "",
        *(f"{note}\n" for note in run.notes),
        f"<!-- /bench:{key} -->",
    ]
    return "\n".join(lines) + "\n"


# Reporting ----------------------------------------------------------------------------------


def _goal_cell(row: Row, capped: bool, bare_p99_ms: float) -> str:
    goals = []
    if row.endpoint.goal is not None:
        if capped:
            verdict = "n/a, see WARNING"
        else:
            verdict = "met" if row.ratio >= row.endpoint.goal else "MISSED"
        goals.append(f">= {row.endpoint.goal:.2f}: {verdict}")
    if row.endpoint.p99_goal is not None and bare_p99_ms:
        factor = row.result.p99_ms / bare_p99_ms
        verdict = "met" if factor <= row.endpoint.p99_goal else "MISSED"
        goals.append(f"p99 <= {row.endpoint.p99_goal:g}x bare: {verdict} ({factor:.1f}x)")
    return "; ".join(goals)


TABLE_HEADER = (
    "endpoint", "req/s", "p50 ms", "p99 ms", "ratio to bare", "non-2xx", "socket errors", "goal"
)  # fmt: skip
NUMERIC_COLUMNS = frozenset(range(1, 7))  # right-aligned


def results_table(rows: Sequence[Row], *, capped: bool = False, bare_p99_ms: float = 0.0) -> str:
    body = [
        [
            row.endpoint.label,
            f"{row.result.requests_per_s:,.0f}",
            f"{row.result.p50_ms:.2f}",
            f"{row.result.p99_ms:.2f}",
            f"{row.ratio:.2f}",
            f"{row.result.non_2xx}",
            f"{row.result.socket_errors}",
            _goal_cell(row, capped, bare_p99_ms),
        ]
        for row in rows
    ]
    header: Sequence[str] = TABLE_HEADER
    if any(row.cpu_shares for row in rows):
        header = [*TABLE_HEADER, "CPU by worker %"]
        for line, row in zip(body, rows, strict=True):
            line.append("/".join(f"{share:.0%}".rstrip("%") for share in row.cpu_shares))
    return _markdown_table(header, body, numeric=NUMERIC_COLUMNS)


def _markdown_table(
    header: Sequence[str], body: Sequence[Sequence[str]], *, numeric: Collection[int]
) -> str:
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    right_aligned = [i in numeric for i in range(len(header))]

    def render(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(cells, widths, right_aligned, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule_cells = [
        "-" * (width + 1) + ":" if right else "-" * (width + 2)
        for width, right in zip(widths, right_aligned, strict=True)
    ]
    rule = "|" + "|".join(rule_cells) + "|"
    return "\n".join([render(header), rule, *(render(line) for line in body)])


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _versions() -> str:
    found = [f"Python {platform.python_version()}"]
    for package in VERSIONS_OF:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            found.append(f"{package} {importlib.metadata.version(package)}")
    return ", ".join(found)


def code_version() -> str:
    """The commit measured, and whether the app's files differ from it."""
    repo = BENCH_DIR.parent

    def git(*args: str) -> str:
        completed = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
        )
        return completed.stdout.strip() if completed.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "unknown (not a git checkout)"
    dirty = git("status", "--porcelain", "--", "app", "migrations", "pyproject.toml")
    return f"commit {commit}" + (" plus uncommitted changes to the app" if dirty else "")


def _section_key(database: str, workers: int) -> str:
    return f"{database}-w{workers}"


def results_section(run: Run, wrk_description: str) -> str:
    key = _section_key(run.database, run.workers)
    load_average = ", ".join(f"{x:.2f}" for x in run.load_average)
    notes = [
        f"- {row.endpoint.label}: {'; '.join(row.server_log)}" for row in run.rows if row.server_log
    ]
    lines = [
        f"<!-- bench:{key} -->",
        f"## {run.database}, {run.workers} worker{'s' if run.workers != 1 else ''}",
        "",
        f"- Date: {run.started:%Y-%m-%d %H:%M} UTC",
        f"- Code: {run.code_version}",
        f"- Versions: {_versions()}",
        f"- CPU: {os.cpu_count()} x {_cpu_model()} (load average at start: {load_average})",
        f"- Database: {run.database_description}",
        f"- Server: `civic-social serve --workers {run.workers}` (uvicorn, httptools, asyncio)",
        f"- wrk: {wrk_description}",
        "",
        results_table(run.rows, capped=run.capped, bare_p99_ms=run.baseline_p99_ms),
        "",
        *(f"{note}\n" for note in run.notes()),
        "Server log during the measured runs:" + ("" if notes else " nothing logged."),
        *notes,
        f"<!-- /bench:{key} -->",
    ]
    return "\n".join(lines) + "\n"


RESULTS_HEADER = """\
# Benchmark results

Written by `bench/run.py` (see `bench/README.md`). Each section is the latest run of one
configuration; running a configuration again replaces its section. Compare the ratios to
`GET /bench/bare` (measured in the same run, on the same server), not the absolute req/s.
Goals: GET person >= 0.50 of bare, POST person >= 0.30; GET clause by reference and search
>= 0.40, search p99 under 3x bare's p99 (the mean of the two bare runs' p99); POST screening
>= 0.60. The memory of one worker (`bench/run.py --memory`) follows the throughput sections;
the screening engine alone is measured by `bench/screening_engine.py` (its own section, at
the end).

"""
_SECTION = re.compile(r"<!-- bench:(?P<key>[\w-]+) -->\n.*?<!-- /bench:(?P=key) -->\n", re.DOTALL)


def update_results_file(new_sections: Mapping[str, str]) -> None:
    existing = RESULTS_FILE.read_text() if RESULTS_FILE.exists() else ""
    sections = {m.group("key"): m.group(0) for m in _SECTION.finditer(existing)}
    sections.update(new_sections)

    def order(key: str) -> tuple[int, int, int, str]:
        # Throughput by database and workers, then memory by database, then the rest (the
        # screening engine's section).
        database, _, workers = key.rpartition("-w")
        if database in DATABASES and workers.isdigit():
            return (0, DATABASES.index(database), int(workers), key)
        database = key.removeprefix("memory-")
        if key.startswith("memory-") and database in DATABASES:
            return (1, DATABASES.index(database), 0, key)
        return (2, 0, 0, key)

    body = "\n".join(sections[key] for key in sorted(sections, key=order))
    RESULTS_FILE.write_text(RESULTS_HEADER + body)


# Entry point --------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark Civic Social with wrk; report each route as a ratio of "
        "GET /bench/bare.",
    )
    parser.add_argument("--database", choices=[*DATABASES, "both"], default="both")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per endpoint")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per endpoint")
    parser.add_argument("--connections", type=int, default=64, help="wrk open connections")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="wrk threads (default: 1 for one worker, which leaves the CPU to the server; "
        "2 per worker for several, or one worker accepts most connections)",
    )
    parser.add_argument("--timeout", type=int, default=10, help="wrk per-request timeout (s)")
    parser.add_argument(
        "--pg-admin-url",
        default=DEFAULT_PG_ADMIN_URL,
        help="where to CREATE and DROP the benchmark's PostgreSQL database",
    )
    parser.add_argument(
        "--grant-people",
        type=int,
        default=DEFAULT_GRANT_PEOPLE,
        help="people prepared for POST grants, one per request (warm-up included)",
    )
    parser.add_argument(
        "--memory",
        action="store_true",
        help=f"instead of the throughput table: the peak RSS of one worker with the sample data "
        f"and a {MEMORY_TERMS:,}-term ruleset, under screening load (--workers is ignored)",
    )
    parser.add_argument(
        "--no-results-file", action="store_true", help="print only; leave RESULTS.md alone"
    )
    args = parser.parse_args(argv)
    if args.threads is None:
        # One wrk thread opens all its connections in one burst, and with several workers the
        # first to wake accepts nearly all of them (see MAX_BUSIEST_WORKER_SHARE); several
        # threads connecting each on their own spread them (4 threads: 3 runs out of 3 even,
        # 1 thread: about 1 in 3, on 2 workers here).
        args.threads = 1 if args.workers == 1 else min(2 * args.workers, args.connections)
    if (
        min(
            args.workers,
            args.duration,
            args.connections,
            args.threads,
            args.timeout,
            args.grant_people,
        )
        < 1
    ):
        parser.error(
            "--workers, --duration, --connections, --threads, --timeout and --grant-people "
            "must be >= 1"
        )
    if args.warmup < 0:
        parser.error("--warmup must be >= 0")
    if args.threads > args.connections:
        parser.error("--threads cannot exceed --connections")
    return args


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally blocks that stop the server


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wrk = require_wrk()
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    load = LoadSettings(
        duration_s=args.duration,
        warmup_s=args.warmup,
        connections=args.connections,
        threads=args.threads,
        timeout_s=args.timeout,
    )
    wrk_description = load.describe(wrk_version(wrk), warm_up=not args.memory)
    databases = DATABASES if args.database == "both" else (args.database,)
    sections: dict[str, str] = {}
    try:
        for database in databases:
            if args.memory:
                memory = measure_memory(database, load, wrk, args.pg_admin_url)
                print()
                print(f"{database}, memory of one worker; wrk: {wrk_description}")
                print(memory_table(memory.points))
                print("\n".join(memory.notes))
                print()
                sections[f"memory-{database}"] = memory_section(memory, wrk_description)
                continue
            run = measure(database, args.workers, load, wrk, args.pg_admin_url, args.grant_people)
            print()
            print(f"{database}, {args.workers} worker(s); wrk: {wrk_description}")
            print(results_table(run.rows, capped=run.capped))
            print("\n".join(run.notes()))
            for row in run.rows:
                for line in row.server_log:
                    print(f"  server log during {row.endpoint.label}: {line}")
            print()
            sections[_section_key(database, args.workers)] = results_section(run, wrk_description)
    except BenchError as error:
        print(f"bench/run.py: {error}", file=sys.stderr)
        return 1
    finally:
        if sections and not args.no_results_file:
            update_results_file(sections)
            print(f"updated {RESULTS_FILE.relative_to(BENCH_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
