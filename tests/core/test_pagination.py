"""page/page_size: bounds are validated, every list answers the same envelope, and a page past
the end is empty but still tells the total."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.core.problems import assert_problem
from tests.factories import create_department, create_person

LISTS = ["/api/v1/people", "/api/v1/departments", "/api/v1/audit-events", "/api/v1/api-keys"]


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("page", 0),
        ("page", -1),
        ("page", 1_000_001),
        ("page", "two"),
        ("page_size", 0),
        ("page_size", -5),
        ("page_size", 101),
        ("page_size", 1.5),
    ],
)
def test_out_of_bounds_paging_is_a_validation_error(
    client: TestClient, admin: dict[str, str], param: str, value: object
) -> None:
    response = client.get("/api/v1/people", params={param: value}, headers=admin)
    body = assert_problem(response, 422, "/problems/validation-error")
    assert [e["loc"] for e in body["errors"]] == [["query", param]]


@pytest.mark.parametrize("size", [1, 100])
def test_page_size_bounds_are_inclusive(
    client: TestClient, admin: dict[str, str], size: int
) -> None:
    response = client.get("/api/v1/people", params={"page_size": size}, headers=admin)
    assert response.status_code == 200
    assert response.json()["page_size"] == size


@pytest.mark.parametrize("path", LISTS)
def test_every_list_answers_the_envelope(
    client: TestClient, admin: dict[str, str], path: str
) -> None:
    response = client.get(path, headers=admin)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "total", "page", "page_size"}
    assert body["page"] == 1
    assert body["page_size"] == 20
    assert isinstance(body["items"], list)
    assert body["total"] >= len(body["items"])

    refused = client.get(path, params={"page_size": 101}, headers=admin)
    assert_problem(refused, 422, "/problems/validation-error")


def test_pages_split_the_items_and_a_page_past_the_end_is_empty(
    client: TestClient, admin: dict[str, str]
) -> None:
    department = create_department(client, admin)
    created = [create_person(client, admin, department_id=department["id"]) for _ in range(5)]
    query = {"department_id": department["id"], "page_size": 2}

    pages = [
        client.get("/api/v1/people", params={**query, "page": n}, headers=admin).json()
        for n in (1, 2, 3)
    ]
    assert [len(p["items"]) for p in pages] == [2, 2, 1]
    assert all(p["total"] == 5 for p in pages)
    assert [p["page"] for p in pages] == [1, 2, 3]
    assert all(p["page_size"] == 2 for p in pages)
    seen = [item["id"] for p in pages for item in p["items"]]
    assert sorted(seen) == sorted(person["id"] for person in created)

    past = client.get("/api/v1/people", params={**query, "page": 4}, headers=admin)
    assert past.status_code == 200
    assert past.json() == {"items": [], "total": 5, "page": 4, "page_size": 2}

    far = client.get("/api/v1/people", params={**query, "page": 1_000_000}, headers=admin)
    assert far.json() == {"items": [], "total": 5, "page": 1_000_000, "page_size": 2}
