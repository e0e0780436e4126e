"""HTTP throughput of Civic Social, as ratios of the cheapest route the app can serve.

For each database asked for (SQLite, PostgreSQL or both) this script:

1. prepares a fresh database (SQLite: a file in a temporary directory; PostgreSQL:
   ``CREATE DATABASE civic_bench_<random>`` on 127.0.0.1:5432, dropped at the end), then runs
   ``civic-social migrate``, ``civic-social seed`` and ``civic-social create-api-key`` against
   it with the same environment the server gets;
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
     channel, read by an administrator (the registry's reads);
   - ``POST /api/v1/screenings``: a resident's comment of about 300 characters screened
     under the sample town's ruleset (``bench/post_screening.lua``), with an integration key
     (screening is not an administrator's job), each result stored;
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

Why ratios: absolute requests per second depend on the machine, its other load, the Python
build, and on wrk sharing the CPU with the server. Those move the baseline and the other
routes roughly alike, so ``req/s of a route / req/s of bare``, measured in the same run on the
same server, isolates what the route's own work costs (authentication, database, validation,
serialisation) and is what can be compared between machines and over time. The project's
goals are stated that way: GET person at least 0.50 of bare, POST person at least 0.30,
POST screening at least 0.60.

Usage::

    .venv/bin/python bench/run.py [--database sqlite|postgresql|both] [--workers N]
                                  [--duration S] [--connections C]
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
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_FILE = BENCH_DIR / "RESULTS.md"
LOG_DIR = BENCH_DIR / "out"  # git-ignored
POST_SCRIPT = BENCH_DIR / "post_person.lua"
SCREENING_SCRIPT = BENCH_DIR / "post_screening.lua"
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

    def describe(self, wrk_version: str) -> str:
        return (
            f"{wrk_version}, `--latency -t {self.threads} -c {self.connections} "
            f"-d {self.duration_s}s --timeout {self.timeout_s}s`, after a "
            f"{self.warmup_s} s warm-up per endpoint"
        )


@dataclasses.dataclass(frozen=True)
class WrkResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int  # wrk's "Non-2xx or 3xx responses": every status >= 400
    socket_errors: int  # connect, read, write and timeout errors


_TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_LATENCY_LINE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.MULTILINE)
_RPS_LINE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_REQUESTS_LINE = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)
_NON_2XX_LINE = re.compile(r"^\s*Non-2xx or 3xx responses:\s+(\d+)", re.MULTILINE)
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
    return WrkResult(
        requests_per_s=float(rps.group(1)),
        p50_ms=latencies[50],
        p99_ms=latencies[99],
        requests=int(requests.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    )


def run_wrk(
    wrk: str,
    url: str,
    load: LoadSettings,
    duration_s: int,
    headers: Mapping[str, str],
    script: Path | None,
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
    # After `--`: the script's init(args). A fresh token per run keeps generated data unique.
    command += [url, "--", secrets.token_hex(4)]
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
        ("POST", "/api/v1/people", auth["admin"], person, 201),
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


def measure(database: str, workers: int, load: LoadSettings, wrk: str, pg_admin_url: str) -> Run:
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
        with running_server(env, workdir, workers, log_path) as server:
            print(f"[{database}, {workers} worker(s)] server up at {server.base_url}")
            ids = pick_ids(server, auth["admin"])
            check_endpoints(server, auth, ids)
            keepalive_p50_ms = keepalive_latency_ms(wrk, server.base_url + "/bench/bare", load)
            results: list[tuple[Endpoint, WrkResult, list[str]]] = []
            for endpoint in ENDPOINTS:
                url = server.base_url + endpoint.path.format(**ids)
                headers = auth[endpoint.role] if endpoint.authenticated else {}
                warmup_s = load.warmup_s if endpoint.warm_up else 0
                print(f"  {endpoint.label}: warm-up {warmup_s} s, then {load.duration_s} s")
                if warmup_s:
                    run_wrk(wrk, url, load, warmup_s, headers, endpoint.script)
                log_offset = server.log_size()
                result = run_wrk(wrk, url, load, load.duration_s, headers, endpoint.script)
                results.append((endpoint, result, server_log_summary(server.log_since(log_offset))))
            if server.process.poll() is not None:
                raise BenchError(f"the server died during the run; see {log_path}")
    bare = [result.requests_per_s for endpoint, result, _ in results if endpoint.baseline]
    baseline_rps = sum(bare) / len(bare)
    bare_p99 = [result.p99_ms for endpoint, result, _ in results if endpoint.baseline]
    drift = (max(bare) - min(bare)) / baseline_rps if baseline_rps else 0.0
    rows = [
        Row(endpoint, result, result.requests_per_s / baseline_rps if baseline_rps else 0.0, logged)
        for endpoint, result, logged in results
    ]
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
    )


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
    header = TABLE_HEADER
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
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    numeric = [i in NUMERIC_COLUMNS for i in range(len(header))]

    def render(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule_cells = [
        "-" * (width + 1) + ":" if right else "-" * (width + 2)
        for width, right in zip(widths, numeric, strict=True)
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
>= 0.60. The screening engine alone is measured by `bench/screening_engine.py` (its own
section, at the end).

"""
_SECTION = re.compile(r"<!-- bench:(?P<key>[\w-]+) -->\n.*?<!-- /bench:(?P=key) -->\n", re.DOTALL)


def update_results_file(new_sections: Mapping[str, str]) -> None:
    existing = RESULTS_FILE.read_text() if RESULTS_FILE.exists() else ""
    sections = {m.group("key"): m.group(0) for m in _SECTION.finditer(existing)}
    sections.update(new_sections)

    def order(key: str) -> tuple[int, int, str]:
        database, _, workers = key.rpartition("-w")
        rank = DATABASES.index(database) if database in DATABASES else len(DATABASES)
        return (rank, int(workers) if workers.isdigit() else 0, key)

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
        default=1,
        help="wrk threads (one is enough for this server and leaves the CPU to it)",
    )
    parser.add_argument("--timeout", type=int, default=10, help="wrk per-request timeout (s)")
    parser.add_argument(
        "--pg-admin-url",
        default=DEFAULT_PG_ADMIN_URL,
        help="where to CREATE and DROP the benchmark's PostgreSQL database",
    )
    parser.add_argument(
        "--no-results-file", action="store_true", help="print only; leave RESULTS.md alone"
    )
    args = parser.parse_args(argv)
    if min(args.workers, args.duration, args.connections, args.threads, args.timeout) < 1:
        parser.error("--workers, --duration, --connections, --threads and --timeout must be >= 1")
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
    wrk_description = load.describe(wrk_version(wrk))
    databases = DATABASES if args.database == "both" else (args.database,)
    sections: dict[str, str] = {}
    try:
        for database in databases:
            run = measure(database, args.workers, load, wrk, args.pg_admin_url)
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
