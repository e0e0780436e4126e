"""Engine, sessions and the one-transaction-per-request dependency.

Routes are ``async def`` and call the synchronous SQLAlchemy session directly: on this
service's hardware that measured 3.1x the throughput of AsyncSession over aiosqlite and 2.1x
over async psycopg for a read by id (see bench/). Long scans run in the threadpool instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import psycopg
from fastapi import Depends, Request
from sqlalchemy import (
    DateTime,
    Engine,
    MetaData,
    Select,
    String,
    cast,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator

from app.core.config import Settings

T = TypeVar("T")

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC on the way in and out, on SQLite (naive storage) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use UTC-aware values")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def normalise_url(url: str) -> URL:
    """Accept plain ``postgresql://`` URLs and pin the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _pool_options(settings: Settings, pooled: bool) -> dict[str, Any]:
    if not pooled:
        return {"poolclass": NullPool}
    return {
        "pool_size": settings.database_pool_size,
        "max_overflow": settings.database_pool_size,
        "pool_timeout": settings.database_connect_timeout_seconds,
    }


def build_engine(settings: Settings, *, pooled: bool = True) -> Engine:
    """The engine requests share (``pooled``), or one whose connections are opened and
    closed for each use, for the few long readers that must not hold a pooled one."""
    url = normalise_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, settings, pooled)
    connect_args: dict[str, Any] = {
        "connect_timeout": max(1, int(settings.database_connect_timeout_seconds)),
        "application_name": "civic-social",
    }
    if settings.database_statement_timeout_ms:
        connect_args["options"] = f"-c statement_timeout={settings.database_statement_timeout_ms}"
    engine = create_engine(
        url,
        # No pre-ping: it cost a round trip on every checkout (bench/). A connection found
        # dead fails its request with a 503 and SQLAlchemy then discards the whole pool, so
        # the service recovers from a database restart on its own.
        pool_recycle=1800,
        connect_args=connect_args,
        **_pool_options(settings, pooled),
    )
    read_timeout = settings.database_read_timeout_seconds

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        connection = _DeadlineConnection.connect(*cargs, **cparams)
        connection.read_timeout = read_timeout
        return connection

    return engine


class _DeadlineConnection(psycopg.Connection[Any]):
    """A connection that waits for the server at most ``read_timeout`` seconds a statement.

    The server's statement timeout ends slow queries, but not a network that stopped
    forwarding or a frozen server: without this, a request would wait for ever (and, with
    the database calls made on the event loop, so would its worker). Past the deadline the
    connection is closed, its state being unknown, and the request answers 503."""

    read_timeout: float | None = None

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        try:
            return super().wait(gen, interval, self.read_timeout if timeout is None else timeout)
        except psycopg.OperationalError as exc:
            # psycopg's own wait-timeout error (private, an OperationalError): give up on
            # the connection, so that the pool replaces it.
            if type(exc).__name__ == "_WaitTimeout":
                self.pgconn.finish()
            raise


def _sqlite_engine(url: URL, settings: Settings, pooled: bool) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={
            "check_same_thread": False,
            "timeout": settings.sqlite_busy_timeout_ms / 1000,
        },
        **_pool_options(settings, pooled),
    )
    busy_ms = settings.sqlite_busy_timeout_ms

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself so writers can ask for BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A writer takes the write lock up front: a deferred transaction that reads and
        # then writes can fail with SQLITE_BUSY without waiting, whatever the timeout.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode != "NONE":
            connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """The engine and two session factories: one for readers, one for writers.

    Writers run in one transaction (SQLite: BEGIN IMMEDIATE). Readers, the GET requests,
    run each statement on its own (autocommit): no BEGIN and COMMIT round trips on a read,
    which cannot change anything. A read of several statements (a page and its total) may
    then see changes committed between them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = build_engine(settings)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        reader = (
            self.engine.execution_options(sqlite_begin="NONE")
            if self.is_sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self._read = sessionmaker(bind=reader, expire_on_commit=False)
        self._write = sessionmaker(bind=writer, expire_on_commit=False)
        # Long readers (a streamed export, read in a thread) get connections of their own,
        # outside the pool requests share: one holding a pooled connection while the pool
        # ran dry would wait on the event loop, which waits for a connection.
        self._unpooled = build_engine(settings, pooled=False)

    def session(self, *, write: bool = True) -> Session:
        return (self._write if write else self._read)()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work outside HTTP (CLI, seed): commit on success, roll back on error."""
        session = self.session(write=True)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only transaction that sees one state of the database from its first read
        to its end: an export read in batches is then consistent, whatever commits meanwhile
        (PostgreSQL: REPEATABLE READ; SQLite: a deferred transaction, a WAL snapshot)."""
        bind = (
            self._unpooled.execution_options(sqlite_begin="DEFERRED")
            if self.is_sqlite
            else self._unpooled.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        )
        session = Session(bind=bind, expire_on_commit=False)
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
        self._unpooled.dispose()


_SESSION_KEY = "civic_social.session"


async def _request_session(request: Request) -> Session:
    # A plain coroutine, not a generator: FastAPI's teardown machinery for generator
    # dependencies cost ~85 us a request (bench/). The route class ends the unit of work
    # (app.core.routing.CivicRoute -> end_request_session).
    session: Session | None = request.scope.get(_SESSION_KEY)
    if session is None:
        database: Database = request.app.state.database
        session = database.session(write=request.method in WRITE_METHODS)
        request.scope[_SESSION_KEY] = session
    return session


async def _read_only_session(request: Request) -> Session:
    session: Session | None = request.scope.get(_SESSION_KEY)
    if session is None:
        database: Database = request.app.state.database
        session = database.session(write=False)
        request.scope[_SESSION_KEY] = session
    return session


def end_request_session(scope: MutableMapping[str, Any], *, commit: bool) -> None:
    """Commit (or roll back) and close the request's session, if it opened one."""
    session: Session | None = scope.pop(_SESSION_KEY, None)
    if session is None:
        return
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


# One transaction per request: committed after the route returns and before the response is
# sent, so a client never sees a success that was not committed; rolled back on any error.
SessionDep = Annotated[Session, Depends(_request_session)]

# A question asked with a body (a POST that changes nothing): a reader's session, without the
# write lock. Declare it before any other dependency that needs a session, so it opens it.
ReadSessionDep = Annotated[Session, Depends(_read_only_session)]


def fetch_page(
    session: Session, query: Select[T], *order_by: Any, offset: int, limit: int
) -> tuple[Sequence[T], int]:
    """One page of ``query`` in the given order, and how many rows the whole query has."""
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = session.scalars(query.order_by(*order_by).offset(offset).limit(limit)).all()
    return items, total


def like_escaped(value: str) -> str:
    """``value`` for a LIKE pattern with ``escape="\\"``: its %, _ and \\ match themselves."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def json_list_contains(column: Any, value: str) -> Any:
    """Rows whose JSON list of short vocabulary words holds ``value``: matching the quoted
    word in the list's text works the same on SQLite and PostgreSQL (the words are validated
    and hold no quotes)."""
    return cast(column, String).like(f'%"{like_escaped(value)}"%', escape="\\")


def sql_in(values: type[StrEnum]) -> str:
    """The values of an enum as an SQL list, for CHECK constraints: "'a', 'b'"."""
    return ", ".join(f"'{v.value}'" for v in values)
