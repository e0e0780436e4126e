"""X-Request-ID: a caller's id is kept when it is safe to log, replaced when it is not, and
generated when there is none; problems and audit events carry the same id."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.core.problems import assert_problem
from tests.factories import create_person

GENERATED = re.compile(r"^[0-9a-f]{32}$")


@pytest.mark.parametrize(
    "given",
    ["abc-123", "req_2024.06.30:node-7", "A" * 128, "0"],
)
def test_a_valid_request_id_is_echoed(client: TestClient, given: str) -> None:
    response = client.get("/livez", headers={"X-Request-ID": given})
    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == given


@pytest.mark.parametrize(
    "given",
    [
        "A" * 129,
        "has space",
        "semi;colon",
        'quote"d',
        "slash/ed",
        "<script>",
        "",
    ],
)
def test_an_invalid_request_id_is_replaced(client: TestClient, given: str) -> None:
    response = client.get("/no/such/route", headers={"X-Request-ID": given})
    generated = response.headers["X-Request-ID"]
    assert GENERATED.match(generated), generated
    assert given not in response.text or given == ""
    # The problem carries the id the response says, not the one refused.
    assert assert_problem(response, 404)["request_id"] == generated


def test_a_request_id_is_generated_when_none_is_given(client: TestClient) -> None:
    first = client.get("/livez")
    second = client.get("/livez")
    assert GENERATED.match(first.headers["X-Request-ID"])
    assert GENERATED.match(second.headers["X-Request-ID"])
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


def test_only_one_request_id_header_is_answered(client: TestClient) -> None:
    response = client.get("/livez", headers={"X-Request-ID": "one-id"})
    assert response.headers.get_list("X-Request-ID") == ["one-id"]


def test_the_request_id_reaches_problems_and_audit_events(
    client: TestClient, admin: dict[str, str]
) -> None:
    missing = client.get("/api/v1/nothing", headers={"X-Request-ID": "trace-404"})
    assert assert_problem(missing, 404)["request_id"] == "trace-404"

    person = create_person(client, admin)
    client.patch(
        f"/api/v1/people/{person['id']}",
        json={"job_title": "Clerk"},
        headers={**admin, "If-Match": '"1"', "X-Request-ID": "trace-update"},
    )
    events = client.get(
        "/api/v1/audit-events", params={"entity_id": person["id"]}, headers=admin
    ).json()["items"]
    assert events[-1]["request_id"] == "trace-update"
