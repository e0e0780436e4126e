from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from app.core.actor import Role
from tests.core.problems import assert_problem

ELECTIONS = "/api/v1/elections"
ELECTION = {
    "name": "2030 Municipal Election",
    "voting_day": "2030-10-28",
    "period_starts_on": "2030-05-01",
    "period_ends_on": "2030-10-28",
}


def _create(client: TestClient, headers: dict[str, str], **fields: Any) -> Any:
    response = client.post(ELECTIONS, json={**ELECTION, **fields}, headers=headers)
    assert response.status_code == 201, response.text
    return response


def test_an_election_is_registered_updated_and_deleted(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    clerk = auth(Role.STAFF)
    created = _create(client, clerk)
    election = created.json()
    url = f"{ELECTIONS}/{election['id']}"
    assert created.headers["Location"] == url

    changed = client.patch(
        url,
        json={"period_starts_on": "2030-06-01"},
        headers={**clerk, "If-Match": created.headers["ETag"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["period_starts_on"] == "2030-06-01"
    assert_problem(
        client.patch(
            url, json={"name": "x y"}, headers={**clerk, "If-Match": created.headers["ETag"]}
        ),
        412,
    )
    listed = client.get(ELECTIONS, params={"on": "2030-07-01"}, headers=clerk).json()
    assert [e["id"] for e in listed["items"]] == [election["id"]]
    assert client.get(ELECTIONS, params={"on": "2030-05-15"}, headers=clerk).json()["total"] == 0

    deleted = client.delete(url, headers={**clerk, "If-Match": changed.headers["ETag"]})
    assert deleted.status_code == 204
    assert_problem(client.get(url, headers=clerk), 404, "/problems/election-not-found")


def test_bad_elections_are_refused(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    clerk = auth(Role.STAFF)
    backwards = {**ELECTION, "period_starts_on": "2030-11-01"}
    assert_problem(client.post(ELECTIONS, json=backwards, headers=clerk), 422)
    assert_problem(
        client.post(ELECTIONS, json={**ELECTION, "voting_day": 20301028}, headers=clerk), 422
    )
    created = _create(client, clerk)
    assert_problem(client.post(ELECTIONS, json=ELECTION, headers=clerk), 409)
    moved = client.patch(
        f"{ELECTIONS}/{created.json()['id']}",
        json={"period_ends_on": "2030-01-01"},
        headers={**clerk, "If-Match": created.headers["ETag"]},
    )
    assert_problem(moved, 422, "/problems/election-period-invalid")
    assert_problem(client.post(ELECTIONS, json=ELECTION, headers=auth(Role.MODERATOR)), 403)


def test_candidates_are_registered_once_per_election(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    clerk = auth(Role.STAFF)
    election_id = _create(client, clerk).json()["id"]
    url = f"{ELECTIONS}/{election_id}/candidates"
    candidate = {"name": "Sam Okafor", "aliases": ["S. Okafor"], "office": "Mayor"}

    created = client.post(url, json=candidate, headers=clerk)
    assert created.status_code == 201, created.text
    assert_problem(client.post(url, json=candidate, headers=clerk), 409)
    renamed = client.patch(
        f"{url}/{created.json()['id']}",
        json={"aliases": ["Sam O."]},
        headers={**clerk, "If-Match": created.headers["ETag"]},
    )
    assert renamed.json()["aliases"] == ["Sam O."]
    assert client.get(url, headers=clerk).json()["total"] == 1
    removed = client.delete(
        f"{url}/{created.json()['id']}", headers={**clerk, "If-Match": renamed.headers["ETag"]}
    )
    assert removed.status_code == 204
    assert client.get(url, headers=clerk).json()["total"] == 0
    missing = f"{ELECTIONS}/00000000-0000-4000-8000-000000000000/candidates"
    assert_problem(client.get(missing, headers=clerk), 404)


def test_a_candidate_registered_now_is_found_in_the_next_screening(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    clerk = auth(Role.STAFF)
    text = "Thanks to Sam Okafor for joining the ribbon cutting."
    body = {"text": text, "kind": "post", "at": "2030-06-15T10:00:00Z"}
    election_id = _create(client, clerk).json()["id"]
    assert client.post("/api/v1/screenings", json=body, headers=clerk).json()["decision"] == "allow"

    client.post(f"{ELECTIONS}/{election_id}/candidates", json={"name": "Sam Okafor"}, headers=clerk)
    verdict = client.post("/api/v1/screenings", json=body, headers=clerk).json()

    assert verdict["decision"] == "block"
    assert [f["category"] for f in verdict["findings"]] == ["electioneering"]
