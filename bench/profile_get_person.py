"""Where a request's time goes, in process: the app called as ASGI, no server, no network.

Prepares a database the way ``bench/run.py`` does (fresh SQLite file or PostgreSQL database,
``migrate``, ``seed``, an admin API key), builds the app with ``create_app()``, then:

1. times each benchmarked route over ``--requests`` sequential calls (microseconds of CPU
   per request, and the ratio to bare: what wrk's ratios would be if the server's own
   overhead, uvicorn and the socket, were free);
2. runs ``GET /api/v1/people/{id}`` (or ``--route post``, ``grants``, ``posture``: an
   account's grants or posture) under cProfile and prints the functions with the most
   time, by own time and by cumulative time.

Usage::

    .venv/bin/python bench/profile_get_person.py [--database sqlite|postgresql]
        [--requests N] [--route get|post|grants|posture] [--top N] [--dump FILE.pstats]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import secrets
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import BenchError, app_environment, fresh_database, prepare_data

Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [
        MutableMapping[str, Any],
        Callable[[], Awaitable[Message]],
        Callable[[Message], Awaitable[None]],
    ],
    Awaitable[None],
]


async def call(
    app: ASGIApp, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> tuple[int, bytes]:
    """One request through the whole ASGI stack (middleware, routing, FastAPI)."""
    path, _, query = path.partition("?")
    raw_headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    raw_headers.append((b"host", b"bench"))
    if body:
        raw_headers.append((b"content-length", str(len(body)).encode()))
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": raw_headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    status = 0
    chunks: list[bytes] = []

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


def person_body() -> bytes:
    email = f"bench-profile-{secrets.token_hex(6)}@town.example.ca"
    return (
        b'{"given_name":"Bench","family_name":"Load","email":"'
        + email.encode()
        + b'","person_type":"employee"}'
    )


async def profile(args: argparse.Namespace, app: ASGIApp, auth: dict[str, str]) -> None:
    json_auth = {**auth, "content-type": "application/json"}
    status, page = await call(app, "GET", "/api/v1/people", auth)
    if status != 200:
        raise BenchError(f"GET /api/v1/people answered {status}: {page!r}")
    person_id = json.loads(page)["items"][0]["id"]
    status, page = await call(app, "GET", "/api/v1/accounts?status=active&q=fire", auth)
    if status != 200:
        raise BenchError(f"GET /api/v1/accounts answered {status}: {page!r}")
    account = f"/api/v1/accounts/{json.loads(page)['items'][0]['id']}"
    routes: dict[str, tuple[str, str, dict[str, str], Callable[[], bytes], int]] = {
        "GET /bench/bare": ("GET", "/bench/bare", {}, lambda: b"", 200),
        "GET /livez": ("GET", "/livez", {}, lambda: b"", 200),
        "GET /api/v1/people/{id}": ("GET", f"/api/v1/people/{person_id}", auth, lambda: b"", 200),
        "POST /api/v1/people": ("POST", "/api/v1/people", json_auth, person_body, 201),
        "GET account grants": ("GET", f"{account}/grants", auth, lambda: b"", 200),
        "GET account posture": ("GET", f"{account}/posture", auth, lambda: b"", 200),
    }

    print(f"{args.requests} sequential requests per route, in process:")
    bare_us = 0.0
    for label, (method, path, headers, body, expected) in routes.items():
        for _ in range(50):  # warm-up: caches, statement compilation, pool
            await call(app, method, path, headers, body())
        started = time.process_time()
        for _ in range(args.requests):
            status, answer = await call(app, method, path, headers, body())
            if status != expected:
                raise BenchError(f"{label} answered {status}: {answer!r}")
        us = (time.process_time() - started) / args.requests * 1e6
        bare_us = bare_us or us
        print(f"  {label:26} {us:8.1f} us CPU/request   ratio to bare {bare_us / us:5.2f}")

    label = {
        "get": "GET /api/v1/people/{id}",
        "post": "POST /api/v1/people",
        "grants": "GET account grants",
        "posture": "GET account posture",
    }[args.route]
    method, path, headers, body, _ = routes[label]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.requests):
        await call(app, method, path, headers, body())
    profiler.disable()
    if args.dump:
        profiler.dump_stats(args.dump)
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(args.top)
        print(f"\n{label}, {args.requests} requests, top {args.top} by {order}:")
        print(out.getvalue().split("\n", 4)[-1].rstrip())  # drop pstats' preamble


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--route", choices=["get", "post", "grants", "posture"], default="get")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--dump", help="also write the cProfile stats to this file")
    parser.add_argument("--pg-admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    try:
        with (
            tempfile.TemporaryDirectory(prefix="civic-profile-") as tmp,
            fresh_database(args.database, Path(tmp), args.pg_admin_url) as prepared,
        ):
            env = app_environment(prepared.url, Path(tmp) / "var")
            api_key = prepare_data(env, Path(tmp))
            os.environ.clear()
            os.environ.update(env)
            os.chdir(tmp)  # as the server runs: no stray .env or ./var

            from app.core.config import Settings
            from app.core.logging import configure_logging
            from app.main import create_app

            app = create_app(Settings())
            configure_logging("WARNING")  # the server logs at INFO, but logs nothing per request
            print(f"{prepared.description}")
            try:
                asyncio.run(profile(args, app, {"authorization": f"Bearer {api_key}"}))
            finally:
                app.state.database.dispose()
    except BenchError as error:
        print(f"bench/profile_get_person.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
