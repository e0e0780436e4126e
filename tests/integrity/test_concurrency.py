"""Races against a real two-worker server: optimistic concurrency picks exactly one winner,
an idempotent POST creates exactly one record, and concurrent writers keep the audit chain
gapless and valid. Every request is a real socket request from its own thread.

The first race's rarest interleaving (a writer passing the version check and then losing the
row to another's commit) is also forced deterministically, in process, on PostgreSQL."""

from __future__ import annotations

import itertools
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.engine import make_url

from app.core.db import Database
from tests.factories import create_person, person_payload

T = TypeVar("T")

PROBLEM = "application/problem+json"


def _http() -> httpx.Client:
    return httpx.Client(
        timeout=60.0,
        limits=httpx.Limits(max_connections=64, max_keepalive_connections=64),
    )


def _all_at_once(inputs: Sequence[T], call: Callable[[T], httpx.Response]) -> list[httpx.Response]:
    """One thread per input, released together by a barrier: the requests really overlap."""
    barrier = threading.Barrier(len(inputs))

    def run(item: T) -> httpx.Response:
        barrier.wait(timeout=30)
        return call(item)

    with ThreadPoolExecutor(max_workers=len(inputs)) as pool:
        return list(pool.map(run, inputs))


def _summary(responses: Sequence[httpx.Response]) -> str:
    odd = [
        f"{r.status_code} {r.text[:300]}" for r in responses if r.status_code not in (200, 201, 412)
    ]
    return f"statuses {Counter(r.status_code for r in responses)}; unexpected: {odd[:5]}"


def _audit_events(
    http: httpx.Client, base_url: str, headers: dict[str, str], **filters: Any
) -> list[dict[str, Any]]:
    """Every audit event matching the filters, in chain order, read page by page."""
    events: list[dict[str, Any]] = []
    page = 1
    while True:
        response = http.get(
            f"{base_url}/api/v1/audit-events",
            params={**filters, "page": page, "page_size": 100},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        events.extend(body["items"])
        if len(events) >= body["total"] or not body["items"]:
            assert len(events) == body["total"]
            return events
        page += 1


@pytest.mark.slow
def test_fifty_updates_with_the_same_etag_have_exactly_one_winner(
    live_server: str, client: TestClient, admin: dict[str, str]
) -> None:
    person = create_person(client, admin)
    url = f"{live_server}/api/v1/people/{person['id']}"
    titles = [f"Clerk {n:02d}" for n in range(50)]

    with _http() as http:
        responses = _all_at_once(
            titles,
            lambda title: http.patch(
                url, json={"job_title": title}, headers={**admin, "If-Match": '"1"'}
            ),
        )
        statuses = Counter(r.status_code for r in responses)
        assert statuses == {200: 1, 412: 49}, _summary(responses)

        winner_index = next(i for i, r in enumerate(responses) if r.status_code == 200)
        winner = responses[winner_index]
        assert winner.json()["job_title"] == titles[winner_index]
        assert winner.json()["version"] == 2
        assert winner.headers["ETag"] == '"2"'
        for loser in responses:
            if loser is winner:
                continue
            assert loser.headers["content-type"] == PROBLEM
            problem = loser.json()
            assert problem["status"] == 412
            assert problem["type"] == "/problems/stale-version"

        final = http.get(url, headers=admin)
        assert final.status_code == 200
        assert final.json()["job_title"] == titles[winner_index]
        assert final.json()["version"] == 2
        assert final.headers["ETag"] == '"2"'

        updates = _audit_events(
            http, live_server, admin, entity_id=person["id"], action="person.updated"
        )
        assert len(updates) == 1
        assert updates[0]["before"]["job_title"] is None
        assert updates[0]["after"]["job_title"] == titles[winner_index]
        assert updates[0]["after"]["version"] == 2


@pytest.mark.slow
def test_twenty_concurrent_posts_with_one_idempotency_key_create_one_person(
    live_server: str, client: TestClient, admin: dict[str, str]
) -> None:
    payload = person_payload()
    key = f"create-{uuid.uuid4()}"
    headers = {**admin, "Idempotency-Key": key}

    with _http() as http:
        responses = _all_at_once(
            range(20),
            lambda _: http.post(f"{live_server}/api/v1/people", json=payload, headers=headers),
        )
        assert {r.status_code for r in responses} == {201}, _summary(responses)
        assert len({r.content for r in responses}) == 1
        assert len({r.headers["Location"] for r in responses}) == 1
        assert len({r.headers["ETag"] for r in responses}) == 1
        # Exactly one of them did the work; the others replayed it.
        replayed = [r for r in responses if r.headers.get("Idempotent-Replayed") == "true"]
        assert len(replayed) == 19

        person = responses[0].json()
        assert person["email"] == payload["email"]
        found = http.get(
            f"{live_server}/api/v1/people", params={"q": payload["email"]}, headers=admin
        )
        assert found.status_code == 200
        assert [p["id"] for p in found.json()["items"]] == [person["id"]]

        created = _audit_events(
            http, live_server, admin, entity_type="person", action="person.created"
        )
        assert [e["entity_id"] for e in created] == [person["id"]]


@pytest.mark.slow
def test_concurrent_writers_keep_the_audit_chain_gapless_and_valid(
    live_server: str, client: TestClient, admin: dict[str, str]
) -> None:
    creates = 200
    payloads = [person_payload() for _ in range(creates)]

    with _http() as http:

        def post(payload: dict[str, Any]) -> httpx.Response:
            return http.post(f"{live_server}/api/v1/people", json=payload, headers=admin)

        with ThreadPoolExecutor(max_workers=8) as pool:
            responses = list(pool.map(post, payloads))
        assert Counter(r.status_code for r in responses) == {201: creates}, _summary(responses)

        events = _audit_events(http, live_server, admin)
        seqs = [e["seq"] for e in events]
        assert seqs == list(range(1, len(events) + 1))
        created_ids = {r.json()["id"] for r in responses}
        person_events = [e for e in events if e["action"] == "person.created"]
        assert {e["entity_id"] for e in person_events} == created_ids
        assert len(person_events) == creates
        for previous, event in itertools.pairwise(events):
            assert event["prev_hash"] == previous["hash"]

        verdict = http.get(f"{live_server}/api/v1/audit-events/verify", headers=admin)
        assert verdict.status_code == 200
        body = verdict.json()
        assert body["valid"] is True, body
        assert body["events_checked"] == len(events)
        assert body["head_seq"] == len(events)
        assert body["head_hash"] == events[-1]["hash"]
        assert body["first_broken_seq"] is None


@pytest.mark.postgres_only
def test_a_writer_that_loses_the_row_after_the_version_check_gets_412(
    client: TestClient, admin: dict[str, str], database: Database, database_url: str
) -> None:
    """On PostgreSQL two requests can both read version 1 and pass the service's check; the
    second UPDATE ... WHERE version = 1 then matches no row (StaleDataError). That must be the
    same 412 as the check's, not a 500. Forced here: another connection commits a change to
    the row just before this request's UPDATE is sent. (SQLite cannot interleave like this: a
    writer holds the database write lock from its first statement.)"""
    if database.is_sqlite:
        pytest.skip("SQLite writers are serialised by BEGIN IMMEDIATE; no such interleaving")
    person = create_person(client, admin)
    conninfo = (
        make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    fired: list[str] = []

    def commit_a_rival_change_first(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if fired or not statement.lstrip().startswith("UPDATE people"):
            return
        fired.append(statement)
        with psycopg.connect(conninfo, autocommit=True) as rival:
            rival.execute(
                "UPDATE people SET job_title = 'Rival', version = version + 1 WHERE id = %s",
                (uuid.UUID(person["id"]),),
            )

    event.listen(database.engine, "before_cursor_execute", commit_a_rival_change_first)
    try:
        response = client.patch(
            f"/api/v1/people/{person['id']}",
            json={"job_title": "Loser"},
            headers={**admin, "If-Match": '"1"'},
        )
    finally:
        event.remove(database.engine, "before_cursor_execute", commit_a_rival_change_first)

    assert fired, "the request never sent its UPDATE"
    assert response.status_code == 412, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/stale-version"
    current = client.get(f"/api/v1/people/{person['id']}", headers=admin)
    assert current.json()["job_title"] == "Rival"
    assert current.headers["ETag"] == '"2"'
    updates = client.get(
        "/api/v1/audit-events",
        params={"entity_id": person["id"], "action": "person.updated"},
        headers=admin,
    )
    assert updates.json()["total"] == 0
