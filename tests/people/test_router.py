from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import time_machine
from fastapi.testclient import TestClient

from app.core.actor import Role
from tests.core.problems import assert_problem
from tests.factories import create_department, create_person, person_payload

FUTURE = "/problems/departure-in-future"


def test_created_person_can_be_read_back_with_its_etag(
    client: TestClient, admin: dict[str, str]
) -> None:
    created = client.post(
        "/api/v1/people", json=person_payload(email="Mixed.Case@Town.example.ca"), headers=admin
    )
    assert created.status_code == 201
    person = created.json()
    assert person["email"] == "mixed.case@town.example.ca"
    assert created.headers["Location"] == f"/api/v1/people/{person['id']}"

    fetched = client.get(created.headers["Location"], headers=admin)
    assert fetched.status_code == 200
    assert fetched.json() == person
    assert fetched.headers["ETag"] == '"1"'


def test_email_is_unique_whatever_its_case(client: TestClient, admin: dict[str, str]) -> None:
    create_person(client, admin, email="sam.lee@town.example.ca")
    response = client.post(
        "/api/v1/people", json=person_payload(email="SAM.LEE@town.example.ca"), headers=admin
    )
    assert response.status_code == 409
    assert response.json()["type"] == "/problems/person-email-taken"


def test_update_needs_if_match_and_refuses_a_stale_one(
    client: TestClient, admin: dict[str, str]
) -> None:
    person = create_person(client, admin)
    url = f"/api/v1/people/{person['id']}"

    missing = client.patch(url, json={"job_title": "Clerk"}, headers=admin)
    assert missing.status_code == 428

    ok = client.patch(url, json={"job_title": "Clerk"}, headers={**admin, "If-Match": '"1"'})
    assert ok.status_code == 200
    assert ok.json()["job_title"] == "Clerk"
    assert ok.headers["ETag"] == '"2"'

    stale = client.patch(
        url, json={"job_title": "Deputy Clerk"}, headers={**admin, "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert client.get(url, headers=admin).json()["job_title"] == "Clerk"


def test_departure_needs_a_date_and_a_return_clears_it(
    client: TestClient, admin: dict[str, str]
) -> None:
    person = create_person(client, admin)
    url = f"/api/v1/people/{person['id']}"
    no_date = client.patch(url, json={"status": "departed"}, headers={**admin, "If-Match": '"1"'})
    assert no_date.status_code == 422
    assert no_date.json()["type"] == "/problems/departure-inconsistent"

    left = client.patch(
        url,
        json={"status": "departed", "departed_on": "2024-06-30"},
        headers={**admin, "If-Match": '"1"'},
    )
    assert left.status_code == 200
    assert left.json()["departed_on"] == "2024-06-30"

    back = client.patch(url, json={"status": "active"}, headers={**admin, "If-Match": '"2"'})
    assert back.status_code == 200
    assert back.json()["departed_on"] is None


def test_a_departure_dated_after_today_is_refused_and_nothing_is_written(
    client: TestClient,
    admin: dict[str, str],
    auth: Callable[[Role], dict[str, str]],
    make_key: Callable[..., str],
) -> None:
    person = create_person(client, admin)
    url = f"/api/v1/people/{person['id']}"
    bearer = {"Authorization": f"Bearer {make_key(Role.STAFF, person_id=person['id'])}"}
    # Two days after the UTC date: a date that has begun nowhere yet, whatever the hour.
    soon = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)).isoformat()

    for departed_on in ("2030-01-01", soon):
        offboarded = client.post(
            f"{url}/offboarding",
            json={"reason": "Resigned", "departed_on": departed_on},
            headers=auth(Role.INTEGRATION),
        )
        assert departed_on in assert_problem(offboarded, 422, FUTURE, detail=True)["detail"]
        patched = client.patch(
            url,
            json={"status": "departed", "departed_on": departed_on},
            headers={**admin, "If-Match": '"1"'},
        )
        assert_problem(patched, 422, FUTURE)
        created = client.post(
            "/api/v1/people",
            json=person_payload(
                email="gone.soon@town.example.ca", status="departed", departed_on=departed_on
            ),
            headers=admin,
        )
        assert_problem(created, 422, FUTURE)

    now = client.get(url, headers=admin)
    assert (now.json()["status"], now.json()["departed_on"]) == ("active", None)
    assert now.headers["ETag"] == '"1"'
    assert client.get("/api/v1/auth/whoami", headers=bearer).status_code == 200
    found = client.get("/api/v1/people", params={"q": "gone.soon"}, headers=admin).json()
    assert found["total"] == 0
    events = client.get(
        "/api/v1/audit-events", params={"entity_id": person["id"]}, headers=admin
    ).json()
    assert [e["action"] for e in events["items"]] == ["person.created"]


def test_a_departure_is_refused_only_once_its_date_has_begun_nowhere(
    client: TestClient, admin: dict[str, str]
) -> None:
    # At 20:00 UTC it is already tomorrow at UTC+14 (Kiritimati), and nowhere the day after.
    moment = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).replace(hour=20, minute=0)
    tomorrow = moment.date() + dt.timedelta(days=1)
    first, second = create_person(client, admin), create_person(client, admin)

    with time_machine.travel(moment, tick=False):
        too_soon = client.patch(
            f"/api/v1/people/{first['id']}",
            json={
                "status": "departed",
                "departed_on": (tomorrow + dt.timedelta(days=1)).isoformat(),
            },
            headers={**admin, "If-Match": '"1"'},
        )
        begun = client.patch(
            f"/api/v1/people/{second['id']}",
            json={"status": "departed", "departed_on": tomorrow.isoformat()},
            headers={**admin, "If-Match": '"1"'},
        )

    assert_problem(too_soon, 422, FUTURE, detail=True)
    assert begun.status_code == 200, begun.text
    assert begun.json()["departed_on"] == tomorrow.isoformat()


def test_offboarding_without_a_date_is_accepted_in_the_town_evening(
    client: TestClient, admin: dict[str, str], auth: Callable[[Role], dict[str, str]]
) -> None:
    person = create_person(client, admin)
    # 03:30 UTC is the evening before in the town (America/Toronto by default).
    moment = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).replace(hour=3, minute=30)

    with time_machine.travel(moment, tick=False):
        response = client.post(
            f"/api/v1/people/{person['id']}/offboarding",
            json={"reason": "Contract ended"},
            headers=auth(Role.INTEGRATION),
        )

    assert response.status_code == 200, response.text
    assert response.json()["already_departed"] is False


def test_required_field_cannot_be_nulled(client: TestClient, admin: dict[str, str]) -> None:
    person = create_person(client, admin)
    response = client.patch(
        f"/api/v1/people/{person['id']}",
        json={"given_name": None},
        headers={**admin, "If-Match": '"1"'},
    )
    assert response.status_code == 422


def test_contracting_firm_holds_no_service_roles(client: TestClient, admin: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/people",
        json=person_payload(person_type="contracting_firm", service_roles=["staff"]),
        headers=admin,
    )
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/service-roles-not-allowed"


def test_person_in_unknown_or_archived_department_is_refused(
    client: TestClient, admin: dict[str, str]
) -> None:
    missing = client.post(
        "/api/v1/people",
        json=person_payload(department_id="00000000-0000-4000-8000-000000000000"),
        headers=admin,
    )
    assert missing.status_code == 422
    assert missing.json()["type"] == "/problems/department-unknown"

    department = create_department(client, admin)
    archived = client.delete(
        f"/api/v1/departments/{department['id']}", headers={**admin, "If-Match": '"1"'}
    )
    assert archived.status_code == 200
    assert archived.json()["archived_at"] is not None
    refused = client.post(
        "/api/v1/people", json=person_payload(department_id=department["id"]), headers=admin
    )
    assert refused.status_code == 422


def test_department_with_active_people_cannot_be_archived(
    client: TestClient, admin: dict[str, str]
) -> None:
    department = create_department(client, admin)
    create_person(client, admin, department_id=department["id"])
    response = client.delete(
        f"/api/v1/departments/{department['id']}", headers={**admin, "If-Match": '"1"'}
    )
    assert response.status_code == 409
    assert response.json()["type"] == "/problems/department-in-use"


def test_people_are_filtered_and_paged_in_a_stable_order(
    client: TestClient, admin: dict[str, str]
) -> None:
    department = create_department(client, admin)
    for family in ["Zhang", "Abbott", "Moreau", "Abbott"]:
        create_person(
            client,
            admin,
            family_name=family,
            department_id=department["id"],
            service_roles=["moderator"] if family == "Moreau" else [],
        )
    create_person(client, admin, person_type="volunteer", family_name="Other")

    first = client.get(
        "/api/v1/people", params={"department_id": department["id"], "page_size": 3}, headers=admin
    ).json()
    second = client.get(
        "/api/v1/people",
        params={"department_id": department["id"], "page_size": 3, "page": 2},
        headers=admin,
    ).json()
    assert first["total"] == second["total"] == 4
    names = [p["family_name"] for p in first["items"] + second["items"]]
    assert names == ["Abbott", "Abbott", "Moreau", "Zhang"]
    abbotts = [p["id"] for p in first["items"][:2]]
    assert abbotts == sorted(abbotts)

    moderators = client.get(
        "/api/v1/people", params={"service_role": "moderator"}, headers=admin
    ).json()
    assert [p["family_name"] for p in moderators["items"]] == ["Moreau"]
    volunteers = client.get(
        "/api/v1/people", params={"person_type": "volunteer"}, headers=admin
    ).json()
    assert [p["family_name"] for p in volunteers["items"]] == ["Other"]
    found = client.get("/api/v1/people", params={"q": "MOREAU"}, headers=admin).json()
    assert found["total"] == 1


def test_page_size_is_capped(client: TestClient, admin: dict[str, str]) -> None:
    response = client.get("/api/v1/people", params={"page_size": 101}, headers=admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "page_size"]


def test_staff_can_read_but_not_change_people(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    person = create_person(client, auth(Role.ADMIN))
    staff = auth(Role.STAFF)
    assert client.get(f"/api/v1/people/{person['id']}", headers=staff).status_code == 200
    response = client.post("/api/v1/people", json=person_payload(), headers=staff)
    assert response.status_code == 403
    assert response.json()["type"] == "/problems/role-required"


def test_every_change_writes_one_audit_event(client: TestClient, admin: dict[str, str]) -> None:
    person = create_person(client, admin)
    client.patch(
        f"/api/v1/people/{person['id']}",
        json={"job_title": "Planner"},
        headers={**admin, "If-Match": '"1"', "X-Request-ID": "req-audit-1"},
    )
    events = client.get(
        "/api/v1/audit-events", params={"entity_id": person["id"]}, headers=admin
    ).json()
    assert [e["action"] for e in events["items"]] == ["person.created", "person.updated"]
    update = events["items"][1]
    assert update["before"]["job_title"] is None
    assert update["after"]["job_title"] == "Planner"
    assert update["request_id"] == "req-audit-1"
    assert update["actor_kind"] == "api_key"
