"""The outbox: the changes the catalogue lists are announced in their own transaction (a
rolled-back change announces nothing), with the events that come from no audited change:
screenings flagged, people offboarded, training about to expire."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.core.actor import Role, system_actor
from app.core.db import Database
from app.events.catalogue import AUDITED, EVENT_TYPES
from app.events.models import OutboxEvent
from app.people import service as people_service
from app.people.schemas import DepartmentCreate
from tests.accounts.conftest import Registry, registry  # noqa: F401  (fixture)
from tests.training.conftest import Training, days, ok, seed_town, today, training  # noqa: F401

APP = Path(__file__).resolve().parents[2] / "app"


def _events(database: Database, event_type: str | None = None) -> list[OutboxEvent]:
    with database.session(write=False) as session:
        query = select(OutboxEvent).order_by(OutboxEvent.occurred_at)
        if event_type is not None:
            query = query.where(OutboxEvent.type == event_type)
        return list(session.scalars(query))


def _department(database: Database, code: str, *, then_fail: bool = False) -> str:
    before = len(_events(database))
    with database.transaction() as session:
        department = people_service.create_department(
            session, system_actor("tests"), DepartmentCreate(code=code, name=code.title())
        )
        assert len(_events(database)) == before, "nothing is seen before the change commits"
        if then_fail:
            raise RuntimeError("the change fails after it was audited")
    return str(department.id)


def test_a_change_is_announced_with_its_transaction_or_not_at_all(database: Database) -> None:
    kept = _department(database, "KEPT")
    with pytest.raises(RuntimeError, match="after it was audited"):
        _department(database, "GONE", then_fail=True)

    (event,) = _events(database)
    assert (event.type, event.payload["data"]["id"]) == ("department.created", kept)
    assert event.payload["data"]["state"]["code"] == "KEPT"
    assert event.payload["type"] == "department.created"
    assert event.payload["timestamp"].endswith("Z")
    assert event.dispatched_at is None


def test_every_audited_change_the_catalogue_names_is_one_the_service_makes() -> None:
    source = "\n".join(p.read_text() for p in APP.rglob("*.py"))
    # Actions written as f-strings: comment.{kind}, appeal.{status}, account.{to}.
    dynamic = {
        "comment": {"hide", "restore", "delete", "block", "unblock"},
        "appeal": {"upheld", "denied"},
        "account": {"approved", "rejected"},
    }
    missing = [
        action
        for action in AUDITED
        if f'"{action}"' not in source
        and action.split(".")[1] not in dynamic.get(action.split(".")[0], set())
    ]
    assert missing == []
    assert set(AUDITED.values()) <= set(EVENT_TYPES)
    assert all(re.fullmatch(r"[a-z_]+\.[a-z_]+", t) for t in EVENT_TYPES)


def test_a_flagged_screening_is_announced_and_an_allowed_one_is_not(
    client: TestClient, auth: Callable[[Role], dict[str, str]], database: Database
) -> None:
    staff = auth(Role.STAFF)
    for text in ("Call Dana at (613) 555-0143 about the permit.", "The pool opens at nine."):
        ok(
            client.post("/api/v1/screenings", json={"text": text, "kind": "post"}, headers=staff),
            201,
        )

    (flagged,) = _events(database, "screening.flagged")
    data = flagged.payload["data"]
    assert (data["decision"], data["categories"]) == ("block", ["personal_information"])


def test_offboarding_is_announced_once(
    client: TestClient,
    registry: Registry,  # noqa: F811
    auth: Callable[[Role], dict[str, str]],
    database: Database,
) -> None:
    account = registry.account("active")
    person = registry.person()
    grant = registry.grant(account["id"], person["id"], "analyst")
    url = f"/api/v1/people/{person['id']}/offboarding"
    for _ in range(2):
        ok(client.post(url, json={"reason": "Resigned"}, headers=auth(Role.INTEGRATION)))

    (offboarded,) = _events(database, "person.offboarded")
    data: dict[str, Any] = offboarded.payload["data"]
    assert data["person_id"] == person["id"]
    assert data["revoked_grant_ids"] == [grant["id"]]
    assert [e.payload["data"]["id"] for e in _events(database, "grant.revoked")] == [grant["id"]]
    assert len(_events(database, "person.departed")) == 1


def test_training_about_to_expire_is_announced_once_per_end_date(
    client: TestClient,
    registry: Registry,  # noqa: F811
    training: Training,  # noqa: F811
    database: Database,
) -> None:
    seed_town(database)
    account = registry.account("active")
    soon, later = registry.person(), registry.person()
    module = training.module(
        "MOD-201", ["handling_harassment"], validity_days=60, roles=["moderator"]
    )
    for person, taken in ((soon, training.today - days(45)), (later, training.today)):
        training.acknowledge(person["id"])
        training.complete(person["id"], module["id"], taken)
        registry.grant(account["id"], person["id"], "moderator")

    for _ in range(2):
        ok(client.post("/api/v1/accounts/suspension-sweep", headers=registry.admin))

    (expiring,) = _events(database, "training.expiring")
    data = expiring.payload["data"]
    assert (data["person_id"], data["role"]) == (soon["id"], "moderator")
    assert dt.date.fromisoformat(data["valid_until"]) <= training.today + days(30)
