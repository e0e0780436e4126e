"""The audit chain: every change appends one event linked by hash to the one before, and
verification finds exactly where someone edited or removed history behind the service's
back. The database refuses updates of audit events (a BEFORE UPDATE trigger), so each
tampering below first lifts the trigger, as an intruder with the database owner's rights
would, and restores it in the same transaction."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, delete, update
from sqlalchemy import exc as sa_exc

from app.audit.chain import GENESIS_HASH, event_hash
from app.audit.models import AuditEvent
from app.auth import service as auth_service
from app.auth.schemas import ApiKeyCreate
from app.core.actor import Role, system_actor
from app.core.db import Database
from tests.conftest import TEST_SECRET, audit_triggers_lifted
from tests.factories import create_department, create_person

PROBLEM = "application/problem+json"
AUDIT = AuditEvent.__table__

Headers = dict[str, str]


def _make_history(client: TestClient, admin: Headers) -> list[dict[str, Any]]:
    """A few changes of different kinds; returns every audit event in chain order."""
    department = create_department(client, admin)
    first = create_person(client, admin, department_id=department["id"])
    create_person(client, admin)
    changed = client.patch(
        f"/api/v1/people/{first['id']}",
        json={"job_title": "Communications Officer"},
        headers={**admin, "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    create_person(client, admin)
    return _all_events(client, admin)


def _all_events(client: TestClient, headers: Headers, **filters: Any) -> list[dict[str, Any]]:
    response = client.get(
        "/api/v1/audit-events", params={**filters, "page_size": 100}, headers=headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"]) <= 100
    items: list[dict[str, Any]] = body["items"]
    return items


def _verify(client: TestClient, headers: Headers) -> dict[str, Any]:
    response = client.get("/api/v1/audit-events/verify", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _behind_the_services_back(database: Database, change: Callable[[Connection], Any]) -> None:
    """Run ``change`` with the append-only triggers lifted, and put them back, all in one
    transaction (DDL is transactional on both databases)."""
    with database.engine.begin() as conn, audit_triggers_lifted(conn):
        change(conn)
    _assert_changes_refused(database)


def _assert_changes_refused(database: Database) -> None:
    with pytest.raises(sa_exc.DBAPIError, match="append-only"), database.engine.begin() as conn:
        conn.execute(update(AUDIT).values(actor_name="Intruder"))
    with pytest.raises(sa_exc.DBAPIError, match="append-only"), database.engine.begin() as conn:
        conn.execute(delete(AUDIT))


def test_every_change_appends_a_linked_event_and_the_chain_verifies(
    client: TestClient, admin: Headers
) -> None:
    events = _make_history(client, admin)
    # The admin key's own issue, a department, three people and one update.
    assert [e["action"] for e in events] == [
        "api_key.created",
        "department.created",
        "person.created",
        "person.created",
        "person.updated",
        "person.created",
    ]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[0]["prev_hash"] == GENESIS_HASH
    for previous, current in itertools.pairwise(events):
        assert current["prev_hash"] == previous["hash"]
    updated = events[4]
    assert updated["before"]["job_title"] is None
    assert updated["after"]["job_title"] == "Communications Officer"

    verdict = _verify(client, admin)
    assert verdict == {
        "valid": True,
        "events_checked": len(events),
        "head_seq": len(events),
        "head_hash": events[-1]["hash"],
        "first_broken_seq": None,
        "reason": None,
    }


def test_an_empty_chain_is_valid(client: TestClient, database: Database) -> None:
    # The key is issued through the service, which audits it; remove that one event so the
    # chain is empty when verification runs.
    token = _key_without_history(client, database)
    verdict = _verify(client, {"Authorization": f"Bearer {token}"})
    assert verdict["valid"] is True
    assert verdict["events_checked"] == 0
    assert verdict["head_seq"] is None
    assert verdict["head_hash"] is None


def _key_without_history(client: TestClient, database: Database) -> str:
    with database.transaction() as session:
        _, token = auth_service.create_api_key(
            session,
            TEST_SECRET.encode(),
            system_actor("tests"),
            ApiKeyCreate(name="auditor key", role=Role.AUDITOR),
        )
    with database.engine.begin() as conn, audit_triggers_lifted(conn):
        conn.execute(delete(AUDIT))
    return token


def test_the_database_refuses_to_update_an_audit_event(
    client: TestClient, admin: Headers, database: Database
) -> None:
    _make_history(client, admin)
    _assert_changes_refused(database)
    assert _verify(client, admin)["valid"] is True


def test_an_edited_after_snapshot_is_reported_at_exactly_that_event(
    client: TestClient, admin: Headers, database: Database
) -> None:
    events = _make_history(client, admin)
    target = events[2]  # a middle event: a person's creation
    assert target["action"] == "person.created"
    forged = {**target["after"], "job_title": "Chief Executive"}

    _behind_the_services_back(
        database,
        lambda conn: conn.execute(
            update(AUDIT).where(AUDIT.c.seq == target["seq"]).values(after=forged)
        ),
    )

    assert _all_events(client, admin)[2]["after"]["job_title"] == "Chief Executive"
    verdict = _verify(client, admin)
    assert verdict["valid"] is False
    assert verdict["first_broken_seq"] == target["seq"]
    assert verdict["reason"] == "content altered: the stored hash does not match the event"
    # Everything before the edit still checks out.
    assert verdict["events_checked"] == target["seq"] - 1
    assert verdict["head_seq"] == target["seq"] - 1
    assert verdict["head_hash"] == events[target["seq"] - 2]["hash"]


def test_an_edited_stored_hash_is_reported_at_that_event_not_the_next(
    client: TestClient, admin: Headers, database: Database
) -> None:
    """The edited row's own hash no longer matches its content, and that check comes first:
    the break is reported at the edited row itself (the next row's link to it would break
    too, but verification stops at the first event that does not hold)."""
    events = _make_history(client, admin)
    target = events[3]
    _behind_the_services_back(
        database,
        lambda conn: conn.execute(
            update(AUDIT).where(AUDIT.c.seq == target["seq"]).values(hash="f" * 64)
        ),
    )

    verdict = _verify(client, admin)
    assert verdict["valid"] is False
    assert verdict["first_broken_seq"] == target["seq"]
    assert verdict["reason"] == "content altered: the stored hash does not match the event"
    assert verdict["events_checked"] == target["seq"] - 1


def test_an_edit_with_a_recomputed_hash_breaks_the_next_events_link(
    client: TestClient, admin: Headers, database: Database
) -> None:
    """A careful forger recomputes the edited row's hash: that row then checks out on its
    own, and the break moves to the next event, whose prev_hash still names the original."""
    events = _make_history(client, admin)
    target = events[2]
    forged_after = {**target["after"], "given_name": "Mallory"}

    def forge(conn: Connection) -> None:
        row = conn.execute(AUDIT.select().where(AUDIT.c.seq == target["seq"])).mappings().one()
        fields = {
            name: row[name]
            for name in (
                "seq",
                "occurred_at",
                "actor_kind",
                "actor_id",
                "actor_name",
                "action",
                "entity_type",
                "entity_id",
                "before",
                "request_id",
                "prev_hash",
            )
        }
        new_hash = event_hash(**fields, after=forged_after)
        conn.execute(
            update(AUDIT)
            .where(AUDIT.c.seq == target["seq"])
            .values(after=forged_after, hash=new_hash)
        )

    _behind_the_services_back(database, forge)

    verdict = _verify(client, admin)
    assert verdict["valid"] is False
    assert verdict["first_broken_seq"] == target["seq"] + 1
    assert verdict["reason"] == "link broken: prev_hash is not the previous event's hash"
    assert verdict["events_checked"] == target["seq"]


def test_a_deleted_middle_event_is_reported_as_the_missing_sequence_number(
    client: TestClient, admin: Headers, database: Database
) -> None:
    events = _make_history(client, admin)
    missing = events[3]["seq"]
    _behind_the_services_back(
        database, lambda conn: conn.execute(delete(AUDIT).where(AUDIT.c.seq == missing))
    )

    verdict = _verify(client, admin)
    assert verdict["valid"] is False
    assert verdict["first_broken_seq"] == missing
    assert verdict["reason"] == f"sequence gap: expected {missing}, found {missing + 1}"
    assert verdict["events_checked"] == missing - 1
    assert verdict["head_seq"] == missing - 1


def test_a_truncated_tail_is_only_visible_through_the_head_hash(
    client: TestClient, admin: Headers, database: Database
) -> None:
    """What verification alone cannot see, and why it reports the head: removing the newest
    events (with the database's delete guard lifted, as only its owner could) leaves a valid,
    shorter chain whose head no longer matches a head kept elsewhere."""
    events = _make_history(client, admin)
    kept_head = _verify(client, admin)
    newest = events[-1]["seq"]
    _behind_the_services_back(
        database, lambda conn: conn.execute(delete(AUDIT).where(AUDIT.c.seq == newest))
    )

    verdict = _verify(client, admin)
    assert verdict["valid"] is True
    assert verdict["head_seq"] == kept_head["head_seq"] - 1
    assert verdict["head_hash"] != kept_head["head_hash"]


# Reading the trail ------------------------------------------------------------------------


def test_audit_events_are_filtered_by_entity_action_and_actor(
    client: TestClient, admin: Headers, make_key: Callable[..., str]
) -> None:
    integration = {
        "Authorization": f"Bearer {make_key(Role.INTEGRATION, name='payroll integration')}"
    }
    events = _make_history(client, admin)
    by_integration = create_person(client, integration)
    events = _all_events(client, admin)

    issued = {
        e["after"]["name"]: e["entity_id"] for e in events if e["action"] == "api_key.created"
    }
    assert set(issued) == {"admin key", "payroll integration"}

    people = _all_events(client, admin, entity_type="person")
    assert [e["seq"] for e in people] == [e["seq"] for e in events if e["entity_type"] == "person"]
    assert len(people) == 5
    assert {e["entity_type"] for e in people} == {"person"}

    created = _all_events(client, admin, action="person.created")
    assert len(created) == 4
    assert {e["action"] for e in created} == {"person.created"}

    updates = _all_events(client, admin, entity_type="person", action="person.updated")
    assert len(updates) == 1
    one_person = _all_events(client, admin, entity_id=updates[0]["entity_id"])
    assert [e["action"] for e in one_person] == ["person.created", "person.updated"]

    mine = _all_events(client, admin, actor_id=issued["payroll integration"])
    assert [(e["action"], e["entity_id"]) for e in mine] == [
        ("person.created", by_integration["id"])
    ]
    assert mine[0]["actor_kind"] == "api_key"
    assert mine[0]["actor_name"] == "payroll integration"
    admins = _all_events(client, admin, actor_id=issued["admin key"])
    assert len(admins) == 5  # the department, three people and the update
    system = _all_events(client, admin, actor_id="tests")
    assert [e["action"] for e in system] == ["api_key.created", "api_key.created"]

    assert _all_events(client, admin, action="person.departed") == []
    assert _all_events(client, admin, entity_type="department", action="person.created") == []


def _at(event: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(event["occurred_at"])


def test_since_is_inclusive_and_until_exclusive_in_any_offset(
    client: TestClient, admin: Headers
) -> None:
    events = _make_history(client, admin)
    times = [_at(e) for e in events]
    assert times == sorted(times)
    assert all(t.utcoffset() == dt.timedelta(0) for t in times)
    since, until = times[1], times[4]

    def seqs(**filters: Any) -> list[int]:
        return [e["seq"] for e in _all_events(client, admin, **filters)]

    expected = [e["seq"] for e, t in zip(events, times, strict=True) if since <= t < until]
    assert expected  # the window is not empty
    assert seqs(since=since.isoformat(), until=until.isoformat()) == expected
    assert seqs(since=since.isoformat()) == [
        e["seq"] for e, t in zip(events, times, strict=True) if t >= since
    ]
    assert seqs(until=until.isoformat()) == [
        e["seq"] for e, t in zip(events, times, strict=True) if t < until
    ]
    # The same instants written in another offset select the same events.
    east = dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert (
        seqs(since=since.astimezone(east).isoformat(), until=until.astimezone(east).isoformat())
        == expected
    )
    assert seqs(since=(times[-1] + dt.timedelta(seconds=1)).isoformat()) == []
    assert seqs(until=times[0].isoformat()) == []

    bad = client.get("/api/v1/audit-events", params={"since": "yesterday"}, headers=admin)
    assert bad.status_code == 422
    assert bad.headers["content-type"] == PROBLEM


def test_audit_events_are_paged_in_chain_order(client: TestClient, admin: Headers) -> None:
    events = _make_history(client, admin)
    seen: list[int] = []
    for page in (1, 2, 3):
        response = client.get(
            "/api/v1/audit-events", params={"page": page, "page_size": 2}, headers=admin
        )
        assert response.status_code == 200
        body = response.json()
        assert body["total"] == len(events)
        assert body["page"] == page
        assert body["page_size"] == 2
        assert len(body["items"]) == 2
        seen.extend(e["seq"] for e in body["items"])
    assert seen == [e["seq"] for e in events]

    beyond = client.get("/api/v1/audit-events", params={"page": 4, "page_size": 2}, headers=admin)
    assert beyond.json()["items"] == []
    assert beyond.json()["total"] == len(events)
    filtered = client.get(
        "/api/v1/audit-events",
        params={"action": "person.created", "page": 2, "page_size": 2},
        headers=admin,
    ).json()
    assert filtered["total"] == 3
    assert [e["seq"] for e in filtered["items"]] == [
        e["seq"] for e in events if e["action"] == "person.created"
    ][2:]
    too_big = client.get("/api/v1/audit-events", params={"page_size": 101}, headers=admin)
    assert too_big.status_code == 422


def test_one_event_by_sequence_number(client: TestClient, admin: Headers) -> None:
    events = _make_history(client, admin)
    for listed in (events[0], events[3], events[-1]):
        response = client.get(f"/api/v1/audit-events/{listed['seq']}", headers=admin)
        assert response.status_code == 200
        assert response.json() == listed

    missing = client.get(f"/api/v1/audit-events/{len(events) + 1}", headers=admin)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM
    assert missing.json()["type"] == "/problems/audit-event-not-found"
    assert client.get("/api/v1/audit-events/0", headers=admin).status_code == 422


def test_auditors_read_the_trail_and_staff_may_not(
    client: TestClient, admin: Headers, auth: Callable[[Role], Headers]
) -> None:
    events = _make_history(client, admin)
    auditor, staff = auth(Role.AUDITOR), auth(Role.STAFF)
    paths = ["/api/v1/audit-events", "/api/v1/audit-events/verify", "/api/v1/audit-events/1"]

    for path in paths:
        assert client.get(path, headers=auditor).status_code == 200, path
        refused = client.get(path, headers=staff)
        assert refused.status_code == 403, path
        assert refused.headers["content-type"] == PROBLEM
        assert client.get(path).status_code == 401, path
    # The auditor and staff keys' own issue is audited too.
    assert _all_events(client, auditor)[: len(events)] == events
    assert _verify(client, auditor)["valid"] is True


@pytest.mark.parametrize("value", ["0.5", "1700000000", "yesterday", "2024-06-30T09:00:00"])
def test_audit_time_filters_take_only_iso_dates_with_an_offset(
    client: TestClient, admin: Headers, value: str
) -> None:
    response = client.get("/api/v1/audit-events", params={"until": value}, headers=admin)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == ["query", "until"]
