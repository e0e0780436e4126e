"""Small builders for test data, through the public API."""

from __future__ import annotations

import itertools
from typing import Any

from fastapi.testclient import TestClient

_counter = itertools.count(1)


def person_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "given_name": "Alex",
        "family_name": f"Example{n}",
        "email": f"alex.example{n}@town.example.ca",
        "person_type": "employee",
    }
    payload.update(overrides)
    return payload


def create_person(client: TestClient, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    response = client.post("/api/v1/people", json=person_payload(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def create_department(
    client: TestClient,
    headers: dict[str, str],
    code: str | None = None,
    name: str = "Example Department",
) -> dict[str, Any]:
    code = code or f"D{next(_counter)}"
    response = client.post(
        "/api/v1/departments", json={"code": code, "name": name}, headers=headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body
