"""API keys over HTTP: issue, read, use, revoke, expire; and what a refused key sees."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from app.auth.models import ApiKey
from app.core.actor import Role
from app.core.db import Database
from tests.factories import create_person

KEYS = "/api/v1/api-keys"
WHOAMI = "/api/v1/auth/whoami"
PROBLEM = "application/problem+json"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def issue(client: TestClient, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"name": "Permits system", "role": "integration", **overrides}
    response = client.post(KEYS, json=payload, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def assert_invalid_token(response: Any) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/credentials-invalid"
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith('Bearer realm="civic-social"')
    assert 'error="invalid_token"' in challenge


def test_issued_key_is_shown_once_and_never_again(
    client: TestClient, admin: dict[str, str]
) -> None:
    response = client.post(
        KEYS, json={"name": "Permits system", "role": "integration"}, headers=admin
    )
    assert response.status_code == 201, response.text
    assert response.headers["Cache-Control"] == "no-store"
    created = response.json()
    token = created["key"]
    assert token.startswith("cs_")
    assert len(token) > 40
    assert created["prefix"] == token[: len(created["prefix"])]
    assert created["prefix"] != token
    assert created["role"] == "integration"
    assert created["status"] == "active"
    assert created["expires_at"] is None
    assert created["revoked_at"] is None
    assert response.headers["Location"] == f"{KEYS}/{created['id']}"

    one = client.get(response.headers["Location"], headers=admin)
    assert one.status_code == 200
    assert "key" not in one.json()
    assert token not in one.text
    assert one.json() == {k: v for k, v in created.items() if k != "key"}

    listed = client.get(KEYS, headers=admin)
    assert listed.status_code == 200
    assert token not in listed.text
    items = listed.json()["items"]
    assert created["id"] in {item["id"] for item in items}
    assert all("key" not in item for item in items)


def test_new_key_authenticates_with_its_role(client: TestClient, admin: dict[str, str]) -> None:
    created = issue(client, admin, name="Records system", role="auditor")

    response = client.get(WHOAMI, headers=bearer(created["key"]))

    assert response.status_code == 200, response.text
    assert response.json() == {
        "kind": "api_key",
        "id": created["id"],
        "name": "Records system",
        "roles": ["auditor"],
        "person_id": None,
    }


def test_key_with_expiry_reports_when_it_expires(client: TestClient, admin: dict[str, str]) -> None:
    before = dt.datetime.now(dt.UTC)
    created = issue(client, admin, expires_in_days=30)
    expires_at = dt.datetime.fromisoformat(created["expires_at"])
    assert before + dt.timedelta(days=30) <= expires_at
    assert expires_at <= dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
    assert client.get(WHOAMI, headers=bearer(created["key"])).status_code == 200


def test_revoked_key_is_refused_on_the_next_request(
    client: TestClient, admin: dict[str, str]
) -> None:
    created = issue(client, admin)
    key = bearer(created["key"])
    assert client.get(WHOAMI, headers=key).status_code == 200

    revoked = client.post(
        f"{KEYS}/{created['id']}/revoke", json={"reason": "Vendor contract ended"}, headers=admin
    )
    assert revoked.status_code == 200, revoked.text
    body = revoked.json()
    assert body["status"] == "revoked"
    assert body["revoked_at"] is not None
    assert body["revocation_reason"] == "Vendor contract ended"
    assert body["revoked_by"] == "admin key"

    assert_invalid_token(client.get(WHOAMI, headers=key))


def test_revoked_keys_leave_the_default_list(client: TestClient, admin: dict[str, str]) -> None:
    kept = issue(client, admin, name="Kept")
    gone = issue(client, admin, name="Gone")
    client.post(f"{KEYS}/{gone['id']}/revoke", json={"reason": "Unused"}, headers=admin)

    default = {k["id"] for k in client.get(KEYS, headers=admin).json()["items"]}
    everything = client.get(KEYS, params={"include_revoked": "true"}, headers=admin).json()

    assert kept["id"] in default
    assert gone["id"] not in default
    by_id = {k["id"]: k for k in everything["items"]}
    assert by_id[gone["id"]]["status"] == "revoked"
    assert by_id[kept["id"]]["status"] == "active"


def test_revoking_twice_is_a_conflict(client: TestClient, admin: dict[str, str]) -> None:
    created = issue(client, admin)
    url = f"{KEYS}/{created['id']}/revoke"
    first = client.post(url, json={"reason": "Leaked"}, headers=admin)
    assert first.status_code == 200

    second = client.post(url, json={"reason": "Leaked again"}, headers=admin)

    assert second.status_code == 409
    assert second.headers["content-type"] == PROBLEM
    assert second.json()["type"] == "/problems/api-key-already-revoked"
    # The first revocation stands.
    stored = client.get(f"{KEYS}/{created['id']}", headers=admin).json()
    assert stored["revocation_reason"] == "Leaked"


def test_revocation_needs_a_reason(client: TestClient, admin: dict[str, str]) -> None:
    created = issue(client, admin)
    response = client.post(f"{KEYS}/{created['id']}/revoke", json={"reason": ""}, headers=admin)
    assert response.status_code == 422
    assert client.get(WHOAMI, headers=bearer(created["key"])).status_code == 200


@pytest.mark.parametrize(
    ("method", "suffix", "payload"),
    [("GET", "", None), ("POST", "/revoke", {"reason": "Leaked"})],
)
def test_unknown_key_id_is_a_not_found_problem(
    client: TestClient,
    admin: dict[str, str],
    method: str,
    suffix: str,
    payload: dict[str, str] | None,
) -> None:
    response = client.request(method, f"{KEYS}/{uuid.uuid4()}{suffix}", json=payload, headers=admin)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/api-key-not-found"


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN], ids=lambda r: r.value)
def test_only_admins_manage_keys(
    client: TestClient,
    admin: dict[str, str],
    auth: Callable[[Role], dict[str, str]],
    role: Role,
) -> None:
    existing = issue(client, admin)
    headers = auth(role)
    attempts = [
        client.post(KEYS, json={"name": "Mine", "role": "admin"}, headers=headers),
        client.get(KEYS, headers=headers),
        client.get(f"{KEYS}/{existing['id']}", headers=headers),
        client.post(f"{KEYS}/{existing['id']}/revoke", json={"reason": "x"}, headers=headers),
    ]
    for response in attempts:
        assert response.status_code == 403, response.text
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["type"] == "/problems/role-required"
    # Nothing changed: the key is still active and no new key appeared.
    assert client.get(WHOAMI, headers=bearer(existing["key"])).status_code == 200
    names = {k["name"] for k in client.get(KEYS, headers=admin).json()["items"]}
    assert "Mine" not in names


def test_expired_key_is_refused(
    client: TestClient, make_key: Callable[..., str], database: Database
) -> None:
    token = make_key(Role.STAFF, expires_in_days=1)
    whoami = client.get(WHOAMI, headers=bearer(token))
    assert whoami.status_code == 200
    key_id = uuid.UUID(whoami.json()["id"])

    with database.engine.begin() as conn:
        moved = conn.execute(
            update(ApiKey.__table__)  # type: ignore[arg-type]
            .where(ApiKey.__table__.c.id == key_id)
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
        assert moved.rowcount == 1

    assert_invalid_token(client.get(WHOAMI, headers=bearer(token)))


def test_expired_key_is_listed_as_expired(
    client: TestClient, admin: dict[str, str], database: Database
) -> None:
    created = issue(client, admin, expires_in_days=1)
    with database.engine.begin() as conn:
        conn.execute(
            update(ApiKey.__table__)  # type: ignore[arg-type]
            .where(ApiKey.__table__.c.id == uuid.UUID(created["id"]))
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
        )
    assert client.get(f"{KEYS}/{created['id']}", headers=admin).json()["status"] == "expired"


@pytest.mark.parametrize(
    "token",
    [
        "cs_" + "A" * 43,
        "cs_",
        "cs_not-a-key-at-all",
    ],
    ids=["well-formed-unknown", "prefix-only", "short"],
)
def test_unknown_api_key_is_refused(client: TestClient, token: str) -> None:
    assert_invalid_token(client.get(WHOAMI, headers=bearer(token)))


def test_a_key_one_character_off_is_refused(
    client: TestClient, make_key: Callable[..., str]
) -> None:
    token = make_key(Role.STAFF)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert_invalid_token(client.get(WHOAMI, headers=bearer(tampered)))


def test_non_api_key_token_is_refused_when_identity_provider_is_off(client: TestClient) -> None:
    assert_invalid_token(client.get(WHOAMI, headers=bearer("eyJhbGciOiJub25lIn0.e30.")))


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer "}, {"Authorization": "Basic YWRtaW46YWRtaW4="}],
    ids=["no-header", "empty-bearer", "basic-scheme"],
)
def test_request_without_a_bearer_credential_is_challenged(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.get(WHOAMI, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/credentials-missing"
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="civic-social"'


def test_stored_row_holds_no_plaintext_key(
    client: TestClient, admin: dict[str, str], database: Database
) -> None:
    created = issue(client, admin)
    token = created["key"]

    with database.engine.connect() as conn:
        row = conn.execute(
            select(ApiKey.__table__).where(ApiKey.__table__.c.id == uuid.UUID(created["id"]))
        ).one()
    values = [str(value) for value in row]
    assert values, "the row has columns"
    assert token not in values
    assert not any(token in value for value in values)
    # Only the short, recognisable prefix is kept, far too short to be used as the key.
    assert row.prefix == created["prefix"]
    assert len(row.prefix) < len(token) // 2


def test_issue_and_revoke_are_audited(client: TestClient, admin: dict[str, str]) -> None:
    created = issue(client, admin, name="Payroll bridge")
    client.post(f"{KEYS}/{created['id']}/revoke", json={"reason": "System retired"}, headers=admin)

    response = client.get(
        "/api/v1/audit-events",
        params={"entity_type": "api_key", "entity_id": created["id"]},
        headers=admin,
    )

    assert response.status_code == 200, response.text
    assert created["key"] not in response.text
    events = response.json()["items"]
    assert [e["action"] for e in events] == ["api_key.created", "api_key.revoked"]
    issued, revoked = events
    assert issued["actor_kind"] == "api_key"
    assert issued["actor_name"] == "admin key"
    assert issued["before"] is None
    assert issued["after"]["name"] == "Payroll bridge"
    assert issued["after"]["status"] == "active"
    assert revoked["before"]["status"] == "active"
    assert revoked["after"]["status"] == "revoked"
    assert revoked["after"]["revocation_reason"] == "System retired"


def test_refused_changes_write_no_audit_event(
    client: TestClient, admin: dict[str, str], auth: Callable[[Role], dict[str, str]]
) -> None:
    created = issue(client, admin)
    url = f"{KEYS}/{created['id']}/revoke"
    client.post(url, json={"reason": "Leaked"}, headers=admin)
    assert client.post(url, json={"reason": "Again"}, headers=admin).status_code == 409
    assert (
        client.post(KEYS, json={"name": "x", "role": "admin"}, headers=auth(Role.STAFF))
    ).status_code == 403

    events = client.get(
        "/api/v1/audit-events", params={"entity_type": "api_key"}, headers=admin
    ).json()["items"]
    actions = [(e["action"], e["entity_id"]) for e in events]
    assert actions.count(("api_key.revoked", created["id"])) == 1
    # The admin and staff keys (issued by the test fixtures) and the key above; no other.
    assert [a for a, _ in actions].count("api_key.created") == 3


def test_a_persons_key_acts_for_them_until_they_leave(
    client: TestClient, admin: dict[str, str]
) -> None:
    person = create_person(client, admin)
    created = issue(client, admin, role="moderator", person_id=person["id"])
    assert created["person_id"] == person["id"]
    response = client.get(WHOAMI, headers=bearer(created["key"]))
    assert response.json()["person_id"] == person["id"]
    listed = client.get(KEYS, params={"person_id": person["id"]}, headers=admin).json()
    assert [k["id"] for k in listed["items"]] == [created["id"]]

    departed = client.patch(
        f"/api/v1/people/{person['id']}",
        json={"status": "departed", "departed_on": "2026-01-31"},
        headers={**admin, "If-Match": f'"{person["version"]}"'},
    )
    assert departed.status_code == 200, departed.text
    assert_invalid_token(client.get(WHOAMI, headers=bearer(created["key"])))


@pytest.mark.parametrize("holder", ["unknown", "contracting_firm", "departed"])
def test_keys_go_only_to_people_still_here(
    client: TestClient, admin: dict[str, str], holder: str
) -> None:
    if holder == "unknown":
        person_id = str(uuid.uuid4())
    elif holder == "contracting_firm":
        person_id = create_person(client, admin, person_type="contracting_firm")["id"]
    else:
        person_id = create_person(client, admin, status="departed", departed_on="2025-05-01")["id"]
    response = client.post(
        KEYS, json={"name": "k", "role": "staff", "person_id": person_id}, headers=admin
    )
    assert response.status_code == 422, response.text
    assert response.json()["type"] == "/problems/api-key-holder-not-allowed"
