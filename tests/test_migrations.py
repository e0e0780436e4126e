"""Migrations are the only source of the schema, on SQLite and on PostgreSQL: they build what
the models describe, every step goes down and up again, down to nothing, and the audit log
is append-only in the database itself."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Column, Engine, MetaData, String, create_engine, inspect, text
from sqlalchemy import exc as sa_exc

from app.core.db import normalise_url
from app.core.migrations import MIGRATIONS_DIR, downgrade, head_revisions, upgrade
from app.models import Base, is_modelled


@pytest.fixture
def engine(empty_database_url: str) -> Iterator[Engine]:
    engine = create_engine(normalise_url(empty_database_url))
    yield engine
    engine.dispose()


def revisions_in_order() -> list[Script]:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return list(reversed(list(script.walk_revisions("base", "heads"))))


def tables(engine: Engine) -> set[str]:
    """The tables, but not the full-text search ones the models do not describe."""
    with engine.connect() as connection:
        return {t for t in inspect(connection).get_table_names() if is_modelled(t, "table")}


def current(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def test_revisions_form_one_line() -> None:
    revisions = revisions_in_order()
    assert revisions
    assert revisions[0].down_revision is None
    for previous, following in itertools.pairwise(revisions):
        assert following.down_revision == previous.revision
    assert {revisions[-1].revision} == head_revisions()


def test_upgrade_builds_exactly_what_the_models_describe(
    empty_database_url: str, engine: Engine
) -> None:
    upgrade(empty_database_url)
    assert current(engine) == set(head_revisions())
    assert tables(engine) == set(Base.metadata.tables) | {"alembic_version"}

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            # What env.py compares with; only the search index is not a model.
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_name": is_modelled,
            },
        )
        differences: list[Any] = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_comparison_would_see_a_model_the_migrations_lack(
    empty_database_url: str, engine: Engine
) -> None:
    """The check above is only worth something if a drift shows: a column the migrations do
    not create, and a column whose type they made differently."""
    upgrade(empty_database_url)
    drifted = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(drifted)
    drifted.tables["people"].append_column(Column("nickname", String(50), nullable=True))
    drifted.tables["departments"].c.name.type = String(50)

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_name": is_modelled,
            },
        )
        differences = compare_metadata(context, drifted)
    # ("add_column", schema, table, column) and [("modify_type", schema, table, column, ...)]
    kinds = {(d[0], d[2]) if d[0] == "add_column" else (d[0][0], d[0][2]) for d in differences}
    assert kinds == {("add_column", "people"), ("modify_type", "departments")}, differences


def test_upgrade_is_idempotent(empty_database_url: str, engine: Engine) -> None:
    upgrade(empty_database_url)
    upgrade(empty_database_url)
    assert current(engine) == set(head_revisions())


def test_stairway_every_revision_goes_down_and_up_again(
    empty_database_url: str, engine: Engine
) -> None:
    for revision in revisions_in_order():
        previous = revision.down_revision or "base"
        assert isinstance(previous, str), "merge revisions need their own stairway step"
        upgrade(empty_database_url, revision.revision)
        assert current(engine) == {revision.revision}
        after_upgrade = tables(engine)

        downgrade(empty_database_url, previous)
        assert current(engine) == (set() if previous == "base" else {previous})

        upgrade(empty_database_url, revision.revision)
        assert current(engine) == {revision.revision}
        assert tables(engine) == after_upgrade

    assert current(engine) == set(head_revisions())


def test_a_full_downgrade_leaves_nothing_behind(empty_database_url: str, engine: Engine) -> None:
    upgrade(empty_database_url)
    downgrade(empty_database_url, "base")
    assert tables(engine) == {"alembic_version"}
    assert current(engine) == set()
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            functions = connection.execute(
                text(
                    "SELECT proname FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace "
                    "WHERE n.nspname = 'public'"
                )
            ).scalars()
            assert list(functions) == []
            sequences = connection.execute(
                text("SELECT sequence_name FROM information_schema.sequences")
            ).scalars()
            assert list(sequences) == []
        else:
            leftovers = connection.execute(
                text("SELECT type, name FROM sqlite_master WHERE tbl_name != 'alembic_version'")
            ).all()
            assert leftovers == []


def _insert_audit_event(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_events (seq, id, occurred_at, actor_kind, actor_id, "
                "actor_name, action, entity_type, entity_id, prev_hash, hash) VALUES "
                "(1, :id, :at, 'system', 'tests', 'tests', 'person.created', 'person', 'p1', "
                ":zero, :hash)"
            ),
            {
                "id": uuid.uuid4() if connection.dialect.name == "postgresql" else uuid.uuid4().hex,
                "at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
                "zero": "0" * 64,
                "hash": "a" * 64,
            },
        )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'person.deleted'",
        "UPDATE audit_events SET hash = :forged",
        "UPDATE audit_events SET seq = seq",
    ],
)
def test_the_database_refuses_to_update_an_audit_event(
    empty_database_url: str, engine: Engine, statement: str
) -> None:
    upgrade(empty_database_url)
    _insert_audit_event(engine)

    with pytest.raises(sa_exc.DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement), {"forged": "f" * 64})

    with engine.connect() as connection:
        row = connection.execute(text("SELECT action, hash FROM audit_events")).one()
    assert tuple(row) == ("person.created", "a" * 64)


def test_the_audit_trigger_survives_the_stairway(empty_database_url: str, engine: Engine) -> None:
    first = revisions_in_order()[0].revision
    upgrade(empty_database_url, first)
    downgrade(empty_database_url, "base")
    upgrade(empty_database_url)
    _insert_audit_event(engine)
    with pytest.raises(sa_exc.DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET action = 'x'"))


def test_audit_events_cannot_be_deleted(empty_database_url: str, engine: Engine) -> None:
    upgrade(empty_database_url)
    _insert_audit_event(engine)
    with pytest.raises(sa_exc.DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_events")).scalar() == 1
