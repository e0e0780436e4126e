"""Access grants, post records, offboarding and HR-roster reconciliation."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.accounts.models import AccessGrant, PostRecord
from app.core.actor import Role
from app.core.db import Database
from tests.accounts.conftest import ACCOUNTS, Registry
from tests.core.problems import assert_problem

NOW = dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat()


def _grant_count(database: Database) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(AccessGrant)) or 0


# Grants -----------------------------------------------------------------------------------


def test_grant_is_listed_with_its_effective_status(client: TestClient, registry: Registry) -> None:
    account = registry.account()
    person = registry.person()
    now = dt.datetime.now(dt.UTC)
    current = registry.grant(account["id"], person["id"], "owner")
    later = registry.grant(
        account["id"],
        person["id"],
        "moderator",
        starts_at=_iso(now + dt.timedelta(days=3)),
        expires_at=_iso(now + dt.timedelta(days=30)),
    )
    assert (current["status"], later["status"]) == ("active", "pending")
    assert current["granted_by"] == "admin key"
    listed = client.get(f"{ACCOUNTS}/{account['id']}/grants", headers=registry.admin).json()
    assert {g["id"]: g["status"] for g in listed["items"]} == {
        current["id"]: "active",
        later["id"]: "pending",
    }
    one = client.get(
        f"{ACCOUNTS}/{account['id']}/grants/{current['id']}", headers=registry.admin
    ).json()
    assert one["role"] == "owner"


def test_overlapping_grant_is_409_and_writes_nothing(
    client: TestClient, registry: Registry, database: Database
) -> None:
    account = registry.account()
    person = registry.person()
    now = dt.datetime.now(dt.UTC)
    registry.grant(
        account["id"],
        person["id"],
        "publisher",
        starts_at=_iso(now + dt.timedelta(days=1)),
        expires_at=_iso(now + dt.timedelta(days=10)),
    )
    before = _grant_count(database)
    for window in [(None, None), (5, 20), (0.5, 2)]:
        body: dict[str, Any] = {"person_id": person["id"], "role": "publisher"}
        if window[0] is not None:
            body["starts_at"] = _iso(now + dt.timedelta(days=window[0]))
            body["expires_at"] = _iso(now + dt.timedelta(days=window[1] or 1))
        response = client.post(
            f"{ACCOUNTS}/{account['id']}/grants", json=body, headers=registry.admin
        )
        assert_problem(response, 409, "/problems/grant-overlap")
    assert _grant_count(database) == before
    # Another role, or the period after it, is fine.
    registry.grant(account["id"], person["id"], "analyst")
    registry.grant(
        account["id"],
        person["id"],
        "publisher",
        starts_at=_iso(now + dt.timedelta(days=10)),
        expires_at=_iso(now + dt.timedelta(days=20)),
    )


@pytest.mark.parametrize(
    ("holder", "fields", "type_"),
    [
        ({"status": "departed", "departed_on": "2025-01-31"}, {}, "/problems/grant-not-allowed"),
        (
            {"person_type": "contracting_firm", "department_id": None},
            {},
            "/problems/grant-not-allowed",
        ),
        ({"person_type": "volunteer"}, {}, "/problems/grant-not-allowed"),
        ({"person_type": "contract_employee"}, {}, "/problems/grant-not-allowed"),
        ({}, {"starts_at": "2020-01-01T00:00:00Z"}, "/problems/grant-not-allowed"),
        (
            {},
            {"starts_at": "2031-01-02T00:00:00Z", "expires_at": "2031-01-01T00:00:00Z"},
            "/problems/grant-not-allowed",
        ),
        ({}, {"role": "superuser"}, "/problems/validation-error"),
        ({}, {"expires_at": 1767225600}, "/problems/validation-error"),
    ],
)
def test_grants_refused(
    client: TestClient,
    registry: Registry,
    database: Database,
    holder: dict[str, Any],
    fields: dict[str, Any],
    type_: str,
) -> None:
    account = registry.account()
    person = registry.person(**holder)
    before = _grant_count(database)
    body = {"person_id": person["id"], "role": "publisher", **fields}
    response = client.post(f"{ACCOUNTS}/{account['id']}/grants", json=body, headers=registry.admin)
    assert_problem(response, 422, type_)
    assert _grant_count(database) == before


def test_contractor_grant_with_expiry_is_accepted(registry: Registry) -> None:
    account = registry.account()
    contractor = registry.person(person_type="contract_employee")
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=60)
    grant = registry.grant(account["id"], contractor["id"], expires_at=_iso(expires))
    assert grant["status"] == "active"


@pytest.mark.parametrize("status", ["requested", "rejected", "decommissioned"])
def test_no_grants_on_accounts_not_open(
    client: TestClient, registry: Registry, status: str
) -> None:
    account = registry.account(status)
    response = client.post(
        f"{ACCOUNTS}/{account['id']}/grants",
        json={"person_id": registry.person()["id"], "role": "publisher"},
        headers=registry.admin,
    )
    assert_problem(response, 409, "/problems/account-not-open")


def test_owner_manages_grants_and_a_moderator_does_not(
    client: TestClient, registry: Registry
) -> None:
    account = registry.account()
    owner, moderator, newcomer = registry.person(), registry.person(), registry.person()
    registry.grant(account["id"], owner["id"], "owner")
    registry.grant(account["id"], moderator["id"], "moderator")
    as_owner = registry.headers(Role.STAFF, owner["id"])
    as_moderator = registry.headers(Role.MODERATOR, moderator["id"])
    body = {"person_id": newcomer["id"], "role": "publisher"}
    url = f"{ACCOUNTS}/{account['id']}/grants"
    assert_problem(
        client.post(url, json=body, headers=as_moderator), 403, "/problems/account-owner-required"
    )
    created = client.post(url, json=body, headers=as_owner)
    assert created.status_code == 201, created.text
    assert created.json()["granted_by_person_id"] == owner["id"]
    revoked = client.post(
        f"{url}/{created.json()['id']}/revoke", json={"reason": "Moved teams"}, headers=as_owner
    )
    assert revoked.status_code == 200, revoked.text
    assert (revoked.json()["status"], revoked.json()["revocation_cause"]) == ("revoked", "manual")
    again = client.post(
        f"{url}/{created.json()['id']}/revoke", json={"reason": "again"}, headers=as_owner
    )
    assert_problem(again, 409, "/problems/grant-already-revoked")
    listed = client.get(url, headers=as_owner).json()
    assert created.json()["id"] not in {g["id"] for g in listed["items"]}
    listed = client.get(url, params={"include_revoked": True}, headers=as_owner).json()
    assert created.json()["id"] in {g["id"] for g in listed["items"]}


def test_decommissioning_revokes_every_grant(client: TestClient, registry: Registry) -> None:
    account = registry.account()
    grant = registry.grant(account["id"], registry.person()["id"])
    registry.move(account["id"], "decommission")
    got = client.get(f"{ACCOUNTS}/{account['id']}/grants/{grant['id']}", headers=registry.admin)
    assert got.json()["status"] == "revoked"


# Posts ------------------------------------------------------------------------------------


def test_posts_are_attributed_and_queryable(
    client: TestClient, registry: Registry, database: Database
) -> None:
    account = registry.account()
    publisher, outsider = registry.person(), registry.person()
    registry.grant(account["id"], publisher["id"])
    url = f"{ACCOUNTS}/{account['id']}/posts"
    now = dt.datetime.now(dt.UTC)

    # After the grant began (a post before it would be unauthorised), within the few minutes
    # ahead a city system's clock may run.
    def record(person: dict[str, Any], minutes_later: int, external_id: str) -> dict[str, Any]:
        response = client.post(
            url,
            json={
                "person_id": person["id"],
                "posted_at": _iso(now + dt.timedelta(minutes=minutes_later)),
                "external_id": external_id,
                "external_url": f"https://facebook.com/alderbay/posts/{external_id}",
            },
            headers=registry.integration,
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    first = record(publisher, 1, "p1")
    second = record(outsider, 3, "p2")
    assert (first["authorised"], second["authorised"]) == (True, False)
    account_now = client.get(f"{ACCOUNTS}/{account['id']}", headers=registry.admin).json()
    assert account_now["last_activity_at"] is not None
    listed = client.get(url, headers=registry.admin).json()
    assert [p["external_id"] for p in listed["items"]] == ["p2", "p1"]
    by_person = client.get(
        "/api/v1/posts", params={"person_id": publisher["id"]}, headers=registry.admin
    ).json()
    assert [p["id"] for p in by_person["items"]] == [first["id"]]
    period = client.get(
        "/api/v1/posts",
        params={
            "since": _iso(now + dt.timedelta(minutes=2)),
            "until": _iso(now + dt.timedelta(minutes=4)),
        },
        headers=registry.admin,
    ).json()
    assert [p["id"] for p in period["items"]] == [second["id"]]

    posture = client.get(f"{ACCOUNTS}/{account['id']}/posture", headers=registry.admin).json()
    assert "posts_without_grant" in {f["code"] for f in posture["findings"]}

    duplicate = client.post(
        url,
        json={"person_id": publisher["id"], "posted_at": _iso(now), "external_id": "p1"},
        headers=registry.integration,
    )
    assert_problem(duplicate, 409, "/problems/post-already-recorded")
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(PostRecord)) == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"posted_at": "2999-01-01T00:00:00Z", "external_id": "x"},
        {"posted_at": "2026-01-01T00:00:00Z"},
        {"posted_at": "2026-01-01T00:00:00Z", "external_url": "javascript:alert(1)"},
        {
            "posted_at": "2026-01-01T00:00:00Z",
            "external_id": "x",
            "screening_id": str(uuid.uuid4()),
        },
        {"posted_at": "2026-01-01T00:00:00Z", "external_id": "x", "person_id": str(uuid.uuid4())},
    ],
)
def test_bad_post_records_are_refused(
    client: TestClient, registry: Registry, database: Database, fields: dict[str, Any]
) -> None:
    account = registry.account()
    body = {"person_id": registry.person()["id"], **fields}
    response = client.post(
        f"{ACCOUNTS}/{account['id']}/posts", json=body, headers=registry.integration
    )
    assert_problem(response, 422, "/problems/post-invalid")
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(PostRecord)) == 0


def test_only_city_systems_record_posts(client: TestClient, registry: Registry) -> None:
    account = registry.account()
    person = registry.person()
    registry.grant(account["id"], person["id"], "owner")
    response = client.post(
        f"{ACCOUNTS}/{account['id']}/posts",
        json={"person_id": person["id"], "posted_at": _iso(NOW), "external_id": "x"},
        headers=registry.headers(Role.STAFF, person["id"]),
    )
    assert_problem(response, 403, "/problems/role-required")


# Offboarding ------------------------------------------------------------------------------


def test_offboarding_revokes_everything_names_accounts_to_rotate_and_is_idempotent(
    client: TestClient, registry: Registry, database: Database
) -> None:
    first, second, untouched = registry.account(), registry.account(), registry.account()
    person = registry.person()
    registry.grant(first["id"], person["id"], "owner")
    registry.grant(second["id"], person["id"], "moderator")
    later = registry.grant(
        second["id"],
        person["id"],
        "publisher",
        starts_at=_iso(dt.datetime.now(dt.UTC) + dt.timedelta(days=5)),
    )
    key = registry.make_key(Role.MODERATOR, person_id=person["id"])
    bearer = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/v1/auth/whoami", headers=bearer).status_code == 200

    url = f"/api/v1/people/{person['id']}/offboarding"
    response = client.post(
        url, json={"reason": "Resigned", "departed_on": "2026-11-20"}, headers=registry.integration
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["already_departed"] is False
    assert result["departed_on"] == "2026-11-20"
    assert len(result["revoked_grants"]) == 3
    assert later["id"] in {g["id"] for g in result["revoked_grants"]}
    assert {g["revocation_cause"] for g in result["revoked_grants"]} == {"offboarding"}
    assert len(result["revoked_api_keys"]) == 1
    # The grant that had not started gave no access: only the two reached accounts rotate.
    assert {a["account"]["id"] for a in result["accounts_to_rotate"]} == {first["id"], second["id"]}
    assert untouched["id"] not in {a["account"]["id"] for a in result["accounts_to_rotate"]}
    assert client.get("/api/v1/auth/whoami", headers=bearer).status_code == 401
    person_now = client.get(f"/api/v1/people/{person['id']}", headers=registry.admin).json()
    assert (person_now["status"], person_now["departed_on"]) == ("departed", "2026-11-20")

    repeat = client.post(url, json={"reason": "again"}, headers=registry.integration).json()
    assert repeat["already_departed"] is True
    assert (repeat["revoked_grants"], repeat["revoked_api_keys"]) == ([], [])
    assert repeat["departed_on"] == "2026-11-20"
    assert {a["account"]["id"] for a in repeat["accounts_to_rotate"]} == {first["id"], second["id"]}

    posture = client.get(f"{ACCOUNTS}/{first['id']}/posture", headers=registry.admin).json()
    rotation = [f for f in posture["findings"] if f["code"] == "rotation_overdue"]
    assert [f["person_ids"] for f in rotation] == [[person["id"]]]

    # Rotating the credentials clears the account from the list.
    etag = client.get(f"{ACCOUNTS}/{first['id']}", headers=registry.admin).headers["ETag"]
    rotated = client.patch(
        f"{ACCOUNTS}/{first['id']}/security",
        json={"last_rotated_at": _iso(dt.datetime.now(dt.UTC))},
        headers={**registry.admin, "If-Match": etag},
    )
    assert rotated.status_code == 200, rotated.text
    repeat = client.post(url, json={"reason": "again"}, headers=registry.integration).json()
    assert {a["account"]["id"] for a in repeat["accounts_to_rotate"]} == {second["id"]}


def test_offboarding_an_unknown_person_is_404(client: TestClient, registry: Registry) -> None:
    response = client.post(
        f"/api/v1/people/{uuid.uuid4()}/offboarding",
        json={"reason": "x"},
        headers=registry.integration,
    )
    assert_problem(response, 404, "/problems/person-not-found")


def test_a_departure_recorded_elsewhere_shows_on_grants_and_posture(
    client: TestClient, registry: Registry
) -> None:
    account = registry.account()
    person = registry.person()
    grant = registry.grant(account["id"], person["id"], "owner")
    patched = client.patch(
        f"/api/v1/people/{person['id']}",
        json={"status": "departed", "departed_on": "2026-10-01"},
        headers={**registry.admin, "If-Match": f'"{person["version"]}"'},
    )
    assert patched.status_code == 200, patched.text
    got = client.get(f"{ACCOUNTS}/{account['id']}/grants/{grant['id']}", headers=registry.admin)
    assert got.json()["status"] == "holder_departed"
    findings = client.get(f"{ACCOUNTS}/{account['id']}/posture", headers=registry.admin).json()
    codes = {f["code"]: f for f in findings["findings"]}
    assert codes["departed_access"]["severity"] == "critical"
    assert codes["departed_access"]["person_ids"] == [person["id"]]
    assert "no_owner" in codes


# Reconciliation ---------------------------------------------------------------------------


def test_reconciliation_finds_and_applies(
    client: TestClient, registry: Registry, database: Database
) -> None:
    account = registry.account()
    staying, leaving = registry.person(), registry.person()
    ended = registry.person(person_type="contract_employee")
    long_grant = registry.person(person_type="contract_employee")
    councillor = registry.person(person_type="council_member")
    far = _iso(dt.datetime.now(dt.UTC) + dt.timedelta(days=365))
    for person in (staying, leaving, councillor):
        registry.grant(account["id"], person["id"])
    registry.grant(account["id"], ended["id"], expires_at=far)
    grant = registry.grant(account["id"], long_grant["id"], expires_at=far)
    today = dt.datetime.now(dt.UTC).date()
    roster = [
        {"email": staying["email"].upper()},
        {"email": ended["email"], "contract_ends_on": (today - dt.timedelta(days=3)).isoformat()},
        {
            "email": long_grant["email"],
            "contract_ends_on": (today + dt.timedelta(days=30)).isoformat(),
        },
        {"email": "new.hire@town.example.ca"},
    ]
    response = client.post(
        "/api/v1/reconciliations", json={"people": roster}, headers=registry.integration
    )
    assert response.status_code == 201, response.text
    proposal = response.json()
    assert proposal["status"] == "proposed"
    found = {(f["code"], f["email"]) for f in proposal["findings"]}
    assert found == {
        ("not_on_roster", leaving["email"]),
        ("contract_ended", ended["email"]),
        ("grant_outlives_contract", long_grant["email"]),
        ("unknown_person", "new.hire@town.example.ca"),
    }
    # Nothing changes until it is applied.
    assert (
        client.get(f"/api/v1/people/{leaving['id']}", headers=registry.admin).json()["status"]
        == "active"
    )

    applied = client.post(
        f"/api/v1/reconciliations/{proposal['id']}/apply", headers=registry.integration
    )
    assert applied.status_code == 200, applied.text
    assert applied.json()["status"] == "applied"
    assert all(f["applied"] for f in applied.json()["findings"] if f["action"] != "none")
    for person in (leaving, ended):
        now = client.get(f"/api/v1/people/{person['id']}", headers=registry.admin).json()
        assert now["status"] == "departed"
    shortened = client.get(
        f"{ACCOUNTS}/{account['id']}/grants/{grant['id']}", headers=registry.admin
    ).json()
    assert shortened["expires_at"].startswith((today + dt.timedelta(days=31)).isoformat())
    assert shortened["status"] == "active"
    assert (
        client.get(f"/api/v1/people/{councillor['id']}", headers=registry.admin).json()["status"]
        == "active"
    )
    again = client.post(
        f"/api/v1/reconciliations/{proposal['id']}/apply", headers=registry.integration
    )
    assert_problem(again, 409, "/problems/reconciliation-already-applied")
    listed = client.get("/api/v1/reconciliations", headers=registry.admin).json()
    assert [r["id"] for r in listed["items"]] == [proposal["id"]]


def test_reconciliation_with_apply_acts_at_once(client: TestClient, registry: Registry) -> None:
    account = registry.account()
    leaving = registry.person()
    registry.grant(account["id"], leaving["id"])
    response = client.post(
        "/api/v1/reconciliations",
        json={"people": [], "apply": True},
        headers=registry.integration,
    )
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "applied"
    grants = client.get(
        f"{ACCOUNTS}/{account['id']}/grants",
        params={"include_revoked": True},
        headers=registry.admin,
    ).json()
    assert [(g["status"], g["revocation_cause"]) for g in grants["items"]] == [
        ("revoked", "reconciliation")
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"people": [{"email": "x@town.example.ca", "contract_ends_on": 0}]},
        {"people": [{"name": "no email"}]},
        {"people": "everyone"},
        {"people": [], "apply": "true"},
    ],
)
def test_bad_rosters_are_refused(client: TestClient, registry: Registry, body: Any) -> None:
    response = client.post("/api/v1/reconciliations", json=body, headers=registry.integration)
    assert_problem(response, 422, "/problems/validation-error")
