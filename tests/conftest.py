"""Every test that touches the database runs on SQLite and on PostgreSQL.

Each backend gets a fresh database migrated to head once per session; tables are emptied
after every test. (Not a rolled-back outer transaction: the concurrency tests need real
commits seen by other connections and processes.)

PostgreSQL is the server at APP_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test);
the suite creates and drops its own databases there. Without CI=true and with no server,
the PostgreSQL half skips with the reason; with CI=true it fails instead."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from app.auth import service as auth_service
from app.auth.schemas import ApiKeyCreate
from app.cli import main as cli_main
from app.core.actor import Role, system_actor
from app.core.config import Settings, get_settings
from app.core.db import Database
from app.core.migrations import upgrade
from app.main import create_app
from app.models import Base

POSTGRES_ADMIN_URL = os.environ.get(
    "APP_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() == "true"
# pytester runs the integration-test plugin (app.testing) as other teams would.
pytest_plugins = ["pytester"]
TEST_SECRET = "test-secret-key-for-hmac"


def _postgres_unavailable_reason() -> str | None:
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL at {make_url(POSTGRES_ADMIN_URL).render_as_string()} unreachable: {exc}"


class PostgresDatabases:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url

    def create(self, prefix: str = "civic_test") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return (
            make_url(self.admin_url)
            .set(drivername="postgresql+psycopg", database=name)
            .render_as_string(hide_password=False)
        )

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres() -> PostgresDatabases:
    reason = _postgres_unavailable_reason()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"CI=true needs PostgreSQL: {reason}")
        pytest.skip(reason)
    return PostgresDatabases(POSTGRES_ADMIN_URL)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def database_url(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("sqlite") / "civic-social.db"
        url = f"sqlite:///{path}"
        upgrade(url)
        yield url
        return
    postgres: PostgresDatabases = request.getfixturevalue("postgres")
    url = postgres.create()
    try:
        upgrade(url)
        yield url
    finally:
        postgres.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database nobody migrated, on each backend (migration and readiness tests)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    postgres: PostgresDatabases = request.getfixturevalue("postgres")
    url = postgres.create("civic_empty")
    try:
        yield url
    finally:
        postgres.drop(url)


def make_settings(database_url: str, var_dir: Path, **overrides: object) -> Settings:
    return Settings(
        database_url=database_url,
        secret_key=TEST_SECRET,
        var_dir=var_dir,
        environment="test",
        log_json=True,
        **overrides,
    )  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(database_url, tmp_path_factory.mktemp("var"))


@pytest.fixture(scope="session")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture(scope="session")
def database(app: FastAPI) -> Database:
    db: Database = app.state.database
    return db


@pytest.fixture(scope="session")
def session_client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client(session_client: TestClient, database: Database) -> Iterator[TestClient]:
    yield session_client
    empty_tables(database)


# The database refuses to change or delete audit events (migrations 0001 and 0002). Tests
# that tamper with the chain, and the cleanup between tests on SQLite, lift these triggers
# and put them back in the same transaction.
SQLITE_AUDIT_TRIGGERS = {
    "audit_events_no_update": "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON "
    "audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
    "audit_events_no_delete": "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON "
    "audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
}


@contextmanager
def audit_triggers_lifted(conn: Connection) -> Iterator[None]:
    """Inside a transaction: the audit table accepts UPDATE and DELETE until the block ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        yield
        conn.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
        return
    for name in SQLITE_AUDIT_TRIGGERS:
        conn.execute(text(f"DROP TRIGGER {name}"))
    yield
    for ddl in SQLITE_AUDIT_TRIGGERS.values():
        conn.execute(text(ddl))


def empty_tables(database: Database) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with database.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # TRUNCATE is not a row operation: the row triggers do not apply.
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            # Rows that point at rows of their own table (superseded versions, parent
            # clauses) go in one sweep: foreign keys are checked at commit.
            conn.execute(text("PRAGMA defer_foreign_keys = ON"))
            with audit_triggers_lifted(conn):
                for table in tables:
                    conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def make_key(client: TestClient, database: Database) -> Callable[..., str]:
    """Issue an API key straight through the service: ``make_key(Role.STAFF)``."""

    def issue(
        role: Role = Role.ADMIN,
        *,
        name: str | None = None,
        expires_in_days: int | None = None,
        person_id: uuid.UUID | str | None = None,
    ) -> str:
        with database.transaction() as session:
            _, token = auth_service.create_api_key(
                session,
                TEST_SECRET.encode(),
                system_actor("tests"),
                ApiKeyCreate(
                    name=name or f"{role.value} key",
                    role=role,
                    expires_in_days=expires_in_days,
                    person_id=uuid.UUID(str(person_id)) if person_id else None,
                ),
            )
        return token

    return issue


@pytest.fixture
def auth(make_key: Callable[..., str]) -> Callable[[Role], dict[str, str]]:
    """Authorization headers for a role, one key per role per test."""
    tokens: dict[Role, str] = {}

    def headers(role: Role = Role.ADMIN) -> dict[str, str]:
        if role not in tokens:
            tokens[role] = make_key(role)
        return {"Authorization": f"Bearer {tokens[role]}"}

    return headers


@pytest.fixture
def admin(auth: Callable[[Role], dict[str, str]]) -> dict[str, str]:
    return auth(Role.ADMIN)


@pytest.fixture
def cli_env(
    client: TestClient, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., tuple[int, str]]]:
    """Run ``civic-social ...`` on the test database; returns (exit code, stdout)."""
    monkeypatch.setenv("APP_DATABASE_URL", database_url)
    monkeypatch.setenv("APP_SECRET_KEY", TEST_SECRET)
    monkeypatch.setenv("APP_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()

    def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
        code = cli_main(list(argv))
        return code, capsys.readouterr().out

    yield run
    get_settings.cache_clear()
