"""The ``civic-social`` command."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app.core.actor import Role
from app.core.config import get_settings
from app.core.metrics import MULTIPROCESS_DIR_VARIABLE


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    # Measured choices (see bench/): httptools, the asyncio loop (uvloop gave no gain and a
    # worse p99 on CPU-heavy routes) and uvicorn's access log off (our own is a setting).
    config = uvicorn.Config(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        http="httptools",
        loop="asyncio",
        access_log=False,
        proxy_headers=True,
        timeout_graceful_shutdown=args.graceful_timeout,
        log_level="warning",
    )
    if args.workers == 1:
        server = uvicorn.Server(config)
        server.run()
        return 0 if server.started else 3
    sock = _listening_socket(args.host, args.port)
    # Workers share their metrics through files (app.core.metrics), in a directory of this
    # run's own unless the operator chose one.
    own_metrics_dir = None
    if not os.environ.get(MULTIPROCESS_DIR_VARIABLE):
        own_metrics_dir = tempfile.mkdtemp(prefix="civic-social-metrics-")
        os.environ[MULTIPROCESS_DIR_VARIABLE] = own_metrics_dir
    try:
        Multiprocess(config, sockets=[sock]).run()
    finally:
        if own_metrics_dir is not None:
            shutil.rmtree(own_metrics_dir, ignore_errors=True)
    return 0


def _listening_socket(host: str, port: int) -> socket.socket:
    """The socket the workers share, made with an explicit TCP protocol number.

    uvicorn binds it with proto 0, and asyncio sets TCP_NODELAY only on sockets whose proto
    is IPPROTO_TCP: every response then waited on the client's delayed ACK, ~44 ms a
    keep-alive request with two or more workers (bench/)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise SystemExit(f"cannot listen on {host}:{port}: {exc}") from exc
    sock.set_inheritable(True)
    return sock


def _migrate(_args: argparse.Namespace) -> int:
    from app.core.migrations import upgrade

    upgrade(get_settings().database_url)
    print("database at the migration head")
    return 0


def _seed(_args: argparse.Namespace) -> int:
    from app.core.db import Database
    from app.seed import seed_sample_town

    database = Database(get_settings())
    try:
        with database.transaction() as session:
            report = seed_sample_town(session)
    finally:
        database.dispose()
    print(
        f"sample town: {report.departments_added} departments and {report.people_added} "
        f"people added ({report.people_total} people in all), "
        f"{report.policy_versions_added} policy versions and "
        f"{report.rulesets_added} screening rulesets, {report.accounts_added} "
        f"official accounts, {report.completions_added} training completions and "
        f"{report.reason_codes_added} moderation reason codes added"
    )
    return 0


def _days(value: str) -> int:
    days = int(value)
    if not 1 <= days <= 3650:
        raise argparse.ArgumentTypeError("give a number of days from 1 to 3650")
    return days


def _sweep(args: argparse.Namespace) -> int:
    from app.accounts import grants
    from app.accounts import service as accounts
    from app.core.actor import system_actor
    from app.core.db import Database
    from app.training.service import TrainingRules

    settings = get_settings()
    days = args.days or settings.accounts.dormancy_days
    actor = system_actor("civic-social sweep")
    database = Database(settings)
    try:
        with database.transaction() as session:
            result = accounts.sweep_dormant(session, actor, days)
            suspended, reinstated = grants.sweep_suspensions(
                session, actor, TrainingRules.from_settings(settings)
            )
    finally:
        database.dispose()
    for account in result.marked_dormant:
        print(f"dormant: {account.display_name} ({account.platform}) {account.url}")
    for grant in suspended:
        print(f"suspended: grant {grant.id} ({grant.role}) of person {grant.person_id}")
    for grant in reinstated:
        print(f"reinstated: grant {grant.id} ({grant.role}) of person {grant.person_id}")
    print(f"{len(result.marked_dormant)} accounts marked dormant (no post for {days} days)")
    print(f"{len(suspended)} grants suspended, {len(reinstated)} reinstated")
    return 0


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("give a date as YYYY-MM-DD") from exc


def _purge(args: argparse.Namespace) -> int:
    from app.core.actor import system_actor
    from app.core.db import Database
    from app.moderation import records
    from app.moderation.rules import ModerationRules

    settings = get_settings()
    database = Database(settings)
    try:
        with database.transaction() as session:
            result = records.purge(
                session,
                system_actor("civic-social purge"),
                ModerationRules.from_settings(settings, settings.resolved_secret_key()),
                on=args.on,
                dry_run=args.dry_run,
            )
    finally:
        database.dispose()
    for comment_id in result.purged:
        print(f"{'would purge' if result.dry_run else 'purged'}: comment {comment_id}")
    print(
        f"{len(result.purged)} comments {'would be ' if result.dry_run else ''}purged "
        f"(retention ended before {result.on.isoformat()}); {result.kept_by_hold} kept by a "
        f"legal hold, {result.kept_open} by an open appeal or block"
    )
    return 0


def _worker(args: argparse.Namespace) -> int:
    import signal
    import threading

    from app.core.db import Database
    from app.core.logging import configure_logging
    from app.webhooks.worker import Worker

    settings = get_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    database = Database(settings)
    worker = Worker.from_settings(settings, database)
    stop = threading.Event()
    # SIGTERM (a deploy, docker stop) lets the message in flight finish and its result be
    # recorded; a message cut off mid-send would only be sent again after its lease.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print(f"webhook worker {worker.name} started", flush=True)
    try:
        worker.run(stop, drain=args.drain)
    finally:
        worker.client.close()
        database.dispose()
    print(f"webhook worker {worker.name} stopped", flush=True)
    return 0


def _screen(args: argparse.Namespace) -> int:
    from app.core.db import Database
    from app.screening.bulk import BulkInputError, Columns, screen_file
    from app.screening.engine.vocabulary import ContentKind
    from app.screening.engines import EngineCache

    source = Path(args.file)
    if not source.is_file():
        print(f"no such file: {source}", file=sys.stderr)
        return 2
    fmt = args.format or ("csv" if source.suffix.lower() == ".csv" else "jsonl")
    out = Path(args.output) if args.output else source.with_name(source.name + ".screened.jsonl")
    columns = Columns(
        text=args.text_column, id=args.id_column, kind=args.kind_column, at=args.at_column
    )
    settings = get_settings()
    database = Database(settings)
    try:
        with database.session(write=False) as session:
            summary = screen_file(
                session,
                EngineCache(settings.screening),
                source,
                out,
                columns=columns,
                fmt=fmt,
                default_kind=ContentKind(args.kind),
                progress=not args.no_progress,
            )
    except BulkInputError as exc:
        print(f"cannot screen {source}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\ninterrupted: run the same command again to resume ({out})", file=sys.stderr)
        return 130
    finally:
        database.dispose()
    decisions = ", ".join(f"{n} {d}" for d, n in sorted(summary.decisions.items()))
    resumed = f" (resumed after row {summary.resumed_after})" if summary.resumed_after else ""
    print(
        f"{summary.rows} rows{resumed}: {decisions or 'none screened'}, {summary.errors} "
        f"unreadable; {summary.rate:,.0f} rows/s; results in {out}"
    )
    return 0


def _import_policy(args: argparse.Namespace) -> int:
    from app.core.actor import system_actor
    from app.core.db import Database
    from app.core.errors import ProblemError
    from app.policies import service as policy_service
    from app.policies.schemas import PolicyCreate

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 1
    actor = system_actor("civic-social import-policy")
    database = Database(get_settings())
    try:
        with database.transaction() as session:
            policy = policy_service.find_policy_by_code(session, args.policy)
            if policy is None:
                policy = policy_service.create_policy(
                    session, actor, PolicyCreate(code=args.policy, title=args.title or args.policy)
                )
            version = policy_service.import_version(
                session, actor, policy.id, text, markdown=not args.plain, label=args.label
            )
            read = policy_service.version_read(session, version)
    except ProblemError as exc:
        print(f"{path}: {exc.detail or exc.title}", file=sys.stderr)
        for error in exc.extensions.get("errors", []):
            print(f"{path}:{error.get('line', '?')}: {error['msg']}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"draft version {read.label} of {policy.code} ({read.clause_count} clauses): {read.id}")
    return 0


def _create_api_key(args: argparse.Namespace) -> int:
    from app.auth import service as auth_service
    from app.auth.schemas import ApiKeyCreate
    from app.core.actor import system_actor
    from app.core.db import Database

    settings = get_settings()
    database = Database(settings)
    data = ApiKeyCreate(name=args.name, role=Role(args.role), expires_in_days=args.expires_in_days)
    try:
        with database.transaction() as session:
            key, token = auth_service.create_api_key(
                session, settings.resolved_secret_key(), system_actor("civic-social cli"), data
            )
    finally:
        database.dispose()
    expiry = key.expires_at.isoformat() if key.expires_at else "never"
    print(f"API key {key.id} ({key.name}, role {key.role}, expires {expiry})")
    print("Store it now: it is shown once and cannot be recovered.")
    print(token)
    return 0


def _openapi(args: argparse.Namespace) -> int:
    from app.main import create_app
    from app.openapi import check, export

    app = create_app()
    if args.action == "export":
        print(f"wrote {export(app)}")
        return 0
    problem = check(app)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    print("openapi/openapi.json matches the app")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="civic-social", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--graceful-timeout",
        type=int,
        default=30,
        help="seconds in-flight requests get to finish on shutdown",
    )
    serve.set_defaults(handler=_serve)

    commands.add_parser("migrate", help="upgrade the database to the latest schema").set_defaults(
        handler=_migrate
    )
    commands.add_parser("seed", help="add the sample town (idempotent)").set_defaults(handler=_seed)

    sweep = commands.add_parser(
        "sweep", help="mark dormant the accounts with no recorded post for the dormancy period"
    )
    sweep.add_argument(
        "--days",
        type=_days,
        default=None,
        help="the dormancy period (default: APP_ACCOUNTS_DORMANCY_DAYS, 90)",
    )
    sweep.set_defaults(handler=_sweep)

    purge = commands.add_parser(
        "purge",
        help="remove the comments whose retention has ended and that no legal hold, open "
        "appeal or block needs (audited)",
    )
    purge.add_argument("--dry-run", action="store_true", help="list them, remove nothing")
    purge.add_argument(
        "--on",
        type=_iso_date,
        default=None,
        help="judge retention on this town date (default: today)",
    )
    purge.set_defaults(handler=_purge)

    worker = commands.add_parser(
        "worker", help="deliver events to webhooks until stopped (several may run at once)"
    )
    worker.add_argument(
        "--drain",
        action="store_true",
        help="stop once every delivery is delivered or dead (for scripts and tests)",
    )
    worker.set_defaults(handler=_worker)

    screen = commands.add_parser(
        "screen",
        help="screen a CSV or JSON Lines export of comments or drafts, a verdict per line "
        "(nothing is stored; run again to resume after an interruption)",
    )
    screen.add_argument("file")
    screen.add_argument("--output", help="default: FILE.screened.jsonl")
    screen.add_argument("--format", choices=["csv", "jsonl"], help="default: by extension")
    screen.add_argument("--text-column", default="text", help="the text (default: text)")
    screen.add_argument("--id-column", help="an id to repeat in each result")
    screen.add_argument("--kind-column", help="comment, post or reply per row")
    screen.add_argument("--at-column", help="when it was (or will be) published, ISO 8601")
    screen.add_argument(
        "--kind", default="comment", choices=["comment", "post", "reply"], help="default kind"
    )
    screen.add_argument("--no-progress", action="store_true", help="no progress bar")
    screen.set_defaults(handler=_screen)

    policy = commands.add_parser(
        "import-policy", help="import a Markdown or plain-text policy as a draft version"
    )
    policy.add_argument("file")
    policy.add_argument("--policy", required=True, help="the policy's code, e.g. social-media")
    policy.add_argument("--title", help="the policy's title, if it is new")
    policy.add_argument("--label", help="the version's label, if the front matter lacks it")
    policy.add_argument("--plain", action="store_true", help="the file is plain text")
    policy.set_defaults(handler=_import_policy)

    key = commands.add_parser("create-api-key", help="issue an API key; the key is the last line")
    key.add_argument("--name", required=True)
    key.add_argument("--role", required=True, choices=[role.value for role in Role])
    key.add_argument("--expires-in-days", type=int, default=None)
    key.set_defaults(handler=_create_api_key)

    openapi = commands.add_parser("openapi", help="export or check openapi/openapi.json")
    openapi.add_argument("action", choices=["export", "check"])
    openapi.set_defaults(handler=_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
