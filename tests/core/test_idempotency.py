"""Idempotency-Key on creating POSTs: a retry gets the first answer and changes nothing; a key
belongs to one request of one caller; a request that failed leaves its key unused."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from app.core.actor import Role
from tests.core.problems import assert_problem
from tests.factories import create_person, person_payload


def people_total(client: TestClient, headers: dict[str, str]) -> int:
    response = client.get("/api/v1/people", params={"page_size": 1}, headers=headers)
    assert response.status_code == 200, response.text
    total: int = response.json()["total"]
    return total


def test_a_replay_returns_the_first_response_and_creates_nothing(
    client: TestClient, admin: dict[str, str]
) -> None:
    headers = {**admin, "Idempotency-Key": "create-alex-1"}
    payload = person_payload()
    first = client.post("/api/v1/people", json=payload, headers=headers)
    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    total = people_total(client, admin)

    replay = client.post("/api/v1/people", json=payload, headers=headers)
    assert replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.content == first.content
    assert replay.headers["Location"] == first.headers["Location"]
    assert replay.headers["ETag"] == first.headers["ETag"]
    assert replay.headers["Content-Type"] == first.headers["Content-Type"]
    assert replay.headers["Idempotent-Replayed"] == "true"
    # A replay is a new request: its own request id.
    assert replay.headers["X-Request-ID"] != first.headers["X-Request-ID"]

    assert people_total(client, admin) == total
    events = client.get(
        "/api/v1/audit-events", params={"entity_id": first.json()["id"]}, headers=admin
    ).json()
    assert [e["action"] for e in events["items"]] == ["person.created"]


def test_a_replay_still_answers_after_the_record_changed(
    client: TestClient, admin: dict[str, str]
) -> None:
    headers = {**admin, "Idempotency-Key": "create-then-edit"}
    payload = person_payload()
    first = client.post("/api/v1/people", json=payload, headers=headers)
    client.patch(
        first.headers["Location"], json={"job_title": "Clerk"}, headers={**admin, "If-Match": '"1"'}
    )
    replay = client.post("/api/v1/people", json=payload, headers=headers)
    assert replay.status_code == 201
    assert replay.json() == first.json()  # the first answer, as it was given


def test_the_same_key_with_another_body_is_refused(
    client: TestClient, admin: dict[str, str]
) -> None:
    headers = {**admin, "Idempotency-Key": "create-alex-2"}
    first = client.post("/api/v1/people", json=person_payload(), headers=headers)
    assert first.status_code == 201
    total = people_total(client, admin)

    other = client.post("/api/v1/people", json=person_payload(), headers=headers)
    assert_problem(other, 422, "/problems/idempotency-key-reused", detail=True)
    assert "Idempotent-Replayed" not in other.headers
    assert people_total(client, admin) == total


def test_the_same_key_on_another_path_is_refused(client: TestClient, admin: dict[str, str]) -> None:
    headers = {**admin, "Idempotency-Key": "shared-key"}
    assert client.post("/api/v1/people", json=person_payload(), headers=headers).status_code == 201
    department = client.post(
        "/api/v1/departments", json={"code": "PARKS", "name": "Parks"}, headers=headers
    )
    assert_problem(department, 422, "/problems/idempotency-key-reused")


def test_keys_of_different_callers_do_not_collide(
    client: TestClient, make_key: Callable[..., str]
) -> None:
    first_key = {"Authorization": f"Bearer {make_key(Role.ADMIN, name='first')}"}
    second_key = {"Authorization": f"Bearer {make_key(Role.ADMIN, name='second')}"}
    key = {"Idempotency-Key": "nightly-sync-0001"}

    payload_one, payload_two = person_payload(), person_payload()
    one = client.post("/api/v1/people", json=payload_one, headers={**first_key, **key})
    two = client.post("/api/v1/people", json=payload_two, headers={**second_key, **key})
    assert one.status_code == two.status_code == 201, two.text
    assert "Idempotent-Replayed" not in two.headers
    assert one.json()["id"] != two.json()["id"]
    assert people_total(client, first_key) == 2

    # Each caller replays its own answer under the shared key.
    for headers, payload, first in ((first_key, payload_one, one), (second_key, payload_two, two)):
        replay = client.post("/api/v1/people", json=payload, headers={**headers, **key})
        assert replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json() == first.json()
    assert people_total(client, first_key) == 2


def test_a_failed_request_does_not_consume_its_key(
    client: TestClient, admin: dict[str, str]
) -> None:
    taken = create_person(client, admin)
    headers = {**admin, "Idempotency-Key": "retry-after-fix"}
    payload = person_payload(email=taken["email"])

    conflict = client.post("/api/v1/people", json=payload, headers=headers)
    assert_problem(conflict, 409, "/problems/person-email-taken")
    # Retried unchanged, it is tried again, not replayed as the stored failure.
    again = client.post("/api/v1/people", json=payload, headers=headers)
    assert_problem(again, 409, "/problems/person-email-taken")
    assert "Idempotent-Replayed" not in again.headers

    fixed = client.post(
        "/api/v1/people",
        json={**payload, "email": "fixed.address@town.example.ca"},
        headers=headers,
    )
    assert fixed.status_code == 201, fixed.text
    assert "Idempotent-Replayed" not in fixed.headers

    replay = client.post(
        "/api/v1/people",
        json={**payload, "email": "fixed.address@town.example.ca"},
        headers=headers,
    )
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == fixed.json()


def test_a_request_refused_by_validation_does_not_consume_its_key(
    client: TestClient, admin: dict[str, str]
) -> None:
    headers = {**admin, "Idempotency-Key": "bad-then-good"}
    bad = client.post("/api/v1/people", json=person_payload(person_type="alien"), headers=headers)
    assert_problem(bad, 422, "/problems/validation-error")
    good = client.post("/api/v1/people", json=person_payload(), headers=headers)
    assert good.status_code == 201, good.text


def test_an_empty_or_overlong_key_is_a_validation_error(
    client: TestClient, admin: dict[str, str]
) -> None:
    for key in ("", "k" * 256):
        response = client.post(
            "/api/v1/people", json=person_payload(), headers={**admin, "Idempotency-Key": key}
        )
        body = assert_problem(response, 422, "/problems/validation-error")
        assert body["errors"][0]["loc"] == ["header", "Idempotency-Key"]
    assert people_total(client, admin) == 0
