"""Accounts: requests, approval, lifecycle, posture, dormancy and public verification."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.accounts.models import Account
from app.audit.models import AuditEvent
from app.cli import main as cli_main
from app.core.actor import Role
from app.core.config import get_settings
from app.core.db import Database
from tests.accounts.conftest import ACCOUNTS, Registry
from tests.conftest import TEST_SECRET
from tests.core.problems import assert_problem


def _etag(registry: Registry, account_id: str) -> str:
    response = registry.client.get(f"{ACCOUNTS}/{account_id}", headers=registry.admin)
    return str(response.headers["ETag"])


def _count_accounts(database: Database) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(Account)) or 0


def _actions(database: Database, entity_id: str) -> list[str]:
    with database.transaction() as session:
        return list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity_id == entity_id)
                .order_by(AuditEvent.seq)
            )
        )


# Requests and decisions -------------------------------------------------------------------


def test_request_is_recorded_normalised_and_audited(
    client: TestClient, registry: Registry, database: Database
) -> None:
    staff = registry.person()
    headers = registry.headers(Role.STAFF, staff["id"])
    account = registry.request(
        headers, url="https://m.facebook.com/AlderBayParks/posts/123?ref=share"
    )
    assert account["status"] == "requested"
    assert account["url"] == "https://facebook.com/alderbayparks"
    assert account["requested_by_person_id"] == staff["id"]
    assert account["security"] == {
        "mfa_enabled": None,
        "recovery_contact": None,
        "vault_reference": None,
        "shared_login": None,
        "last_rotated_at": None,
    }
    assert _actions(database, account["id"]) == ["account.requested"]
    # The requester sees their own request; a stranger does not.
    assert client.get(f"{ACCOUNTS}/{account['id']}", headers=headers).status_code == 200
    stranger = registry.headers(Role.STAFF, registry.person()["id"])
    assert_problem(
        client.get(f"{ACCOUNTS}/{account['id']}", headers=stranger),
        404,
        "/problems/account-not-found",
    )


def test_full_lifecycle_and_invalid_moves(client: TestClient, registry: Registry) -> None:
    account = registry.request()
    assert_problem(
        client.post(
            f"{ACCOUNTS}/{account['id']}/activate",
            json={"reason": "x"},
            headers={**registry.admin, "If-Match": '"1"'},
        ),
        409,
        "/problems/account-transition-invalid",
    )
    approved = registry.move(
        account["id"], "approve", registry.approver, approved_emergency_channel=True
    )
    assert approved["status"] == "approved"
    assert approved["approved_emergency_channel"] is True
    assert approved["decided_by_person_id"] is not None
    assert registry.move(account["id"], "activate")["status"] == "active"
    response = client.post(
        f"{ACCOUNTS}/{account['id']}/approve",
        json={"reason": "again"},
        headers={**registry.approver, "If-Match": _etag(registry, account["id"])},
    )
    body = assert_problem(response, 409, "/problems/account-transition-invalid")
    assert body["current_status"] == "active"
    assert registry.move(account["id"], "decommission")["status"] == "decommissioned"
    for action in ("activate", "decommission"):
        assert_problem(
            client.post(
                f"{ACCOUNTS}/{account['id']}/{action}",
                json={"reason": "x"},
                headers={**registry.admin, "If-Match": _etag(registry, account["id"])},
            ),
            409,
            "/problems/account-transition-invalid",
        )


def test_nobody_decides_their_own_request(client: TestClient, registry: Registry) -> None:
    cao = registry.person(person_type="cao")
    own = registry.headers(Role.APPROVER, cao["id"])
    account = registry.request(own)
    for action in ("approve", "reject"):
        response = client.post(
            f"{ACCOUNTS}/{account['id']}/{action}",
            json={"reason": "fine"},
            headers={**own, "If-Match": _etag(registry, account["id"])},
        )
        assert_problem(response, 403, "/problems/account-own-request")
    # Not even an administrator key that made the request.
    by_admin = registry.request()
    response = client.post(
        f"{ACCOUNTS}/{by_admin['id']}/approve",
        json={"reason": "fine"},
        headers={**registry.admin, "If-Match": '"1"'},
    )
    assert_problem(response, 403, "/problems/account-own-request")
    assert registry.move(account["id"], "reject", registry.approver)["status"] == "rejected"


def test_staff_cannot_approve(client: TestClient, registry: Registry) -> None:
    account = registry.request()
    staff = registry.headers(Role.STAFF, registry.person()["id"])
    response = client.post(
        f"{ACCOUNTS}/{account['id']}/approve",
        json={"reason": "ok"},
        headers={**staff, "If-Match": '"1"'},
    )
    assert_problem(response, 403, "/problems/role-required")


def test_duplicate_url_in_another_spelling_is_409_and_free_again_after_rejection(
    client: TestClient, registry: Registry, database: Database
) -> None:
    first = registry.request(url="https://www.facebook.com/AlderBayDup")
    before = _count_accounts(database)
    response = client.post(
        ACCOUNTS,
        json=registry.request_body(url="http://facebook.com/alderbaydup/"),
        headers=registry.admin,
    )
    assert_problem(response, 409, "/problems/account-url-taken")
    assert _count_accounts(database) == before
    registry.move(first["id"], "reject", registry.approver)
    again = registry.request(url="facebook.com/AlderBayDup")
    assert again["url"] == first["url"]


@pytest.mark.parametrize(
    ("overrides", "status", "type_"),
    [
        ({"platform": "myspace"}, 422, "/problems/validation-error"),
        ({"kind": "personal"}, 422, "/problems/validation-error"),
        ({"url": "https://www.instagram.com/alderbay"}, 422, "/problems/account-url-invalid"),
        ({"url": "ftp://facebook.com/alderbay"}, 422, "/problems/account-url-invalid"),
        ({"url": "https://facebook.com/"}, 422, "/problems/account-url-invalid"),
        ({"handle": "@someoneelse"}, 422, "/problems/account-url-invalid"),
        ({"records_retention_acknowledged": False}, 422, "/problems/account-request-incomplete"),
        ({"records_retention_acknowledged": "yes"}, 422, "/problems/validation-error"),
        ({"named_publisher_ids": []}, 422, "/problems/validation-error"),
        (
            {"department_id": "00000000-0000-4000-8000-000000000000"},
            422,
            "/problems/reference-unknown",
        ),
        (
            {"named_publisher_ids": ["00000000-0000-4000-8000-000000000000"]},
            422,
            "/problems/account-request-incomplete",
        ),
        ({"password": "hunter2"}, 422, "/problems/validation-error"),
    ],
)
def test_bad_requests_are_problems_and_write_nothing(
    client: TestClient,
    registry: Registry,
    database: Database,
    overrides: dict[str, Any],
    status: int,
    type_: str,
) -> None:
    body = registry.request_body()
    body.update(overrides)
    before = _count_accounts(database)
    assert_problem(client.post(ACCOUNTS, json=body, headers=registry.admin), status, type_)
    assert _count_accounts(database) == before


def test_backup_must_differ_and_people_must_be_suitable(
    client: TestClient, registry: Registry
) -> None:
    publisher = registry.person()
    firm = registry.person(person_type="contracting_firm", department_id=None)
    gone = registry.person(status="departed", departed_on="2024-01-31")
    response = client.post(
        ACCOUNTS,
        json=registry.request_body(
            named_publisher_ids=[publisher["id"], firm["id"]],
            backup_publisher_id=publisher["id"],
        ),
        headers=registry.admin,
    )
    body = assert_problem(response, 422, "/problems/account-request-incomplete")
    kinds = sorted(e["type"] for e in body["errors"])
    assert kinds == ["backup_is_publisher", "person_unsuitable"]
    response = client.post(
        ACCOUNTS,
        json=registry.request_body(backup_publisher_id=gone["id"]),
        headers=registry.admin,
    )
    body = assert_problem(response, 422, "/problems/account-request-incomplete")
    assert "departed" in body["errors"][0]["msg"]


def test_update_needs_if_match_and_approver_for_emergency_flag(
    client: TestClient, registry: Registry
) -> None:
    account = registry.account()
    owner = registry.person()
    registry.grant(account["id"], owner["id"], "owner")
    owner_headers = registry.headers(Role.STAFF, owner["id"])
    url = f"{ACCOUNTS}/{account['id']}"
    assert_problem(client.patch(url, json={"display_name": "New"}, headers=owner_headers), 428)
    etag = client.get(url, headers=owner_headers).headers["ETag"]
    changed = client.patch(
        url, json={"display_name": "Parks & Trails"}, headers={**owner_headers, "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["display_name"] == "Parks & Trails"
    response = client.patch(
        url,
        json={"approved_emergency_channel": True},
        headers={**owner_headers, "If-Match": changed.headers["ETag"]},
    )
    assert_problem(response, 403, "/problems/approver-required")
    stale = client.patch(
        url, json={"display_name": "Old"}, headers={**owner_headers, "If-Match": etag}
    )
    assert_problem(stale, 412)


# Security posture -------------------------------------------------------------------------


def test_posture_lists_findings_and_security_update_clears_them(
    client: TestClient, registry: Registry
) -> None:
    account = registry.account()
    url = f"{ACCOUNTS}/{account['id']}"
    posture = client.get(f"{url}/posture", headers=registry.admin).json()
    codes = {f["code"] for f in posture["findings"]}
    assert {"no_owner", "too_few_publishers", "mfa_unknown", "no_vault_reference"} <= codes
    assert posture["worst_severity"] == "high"

    first, second = registry.person(), registry.person()
    registry.grant(account["id"], first["id"], "owner")
    registry.grant(account["id"], second["id"], "publisher")
    etag = client.get(url, headers=registry.admin).headers["ETag"]
    response = client.patch(
        f"{url}/security",
        json={
            "mfa_enabled": False,
            "recovery_contact": "personal",
            "shared_login": True,
            "vault_reference": "vault://parks/social/facebook",
            "last_rotated_at": "2026-01-05T10:00:00Z",
        },
        headers={**registry.admin, "If-Match": etag},
    )
    assert response.status_code == 200, response.text
    codes = {
        f["code"] for f in client.get(f"{url}/posture", headers=registry.admin).json()["findings"]
    }
    assert codes == {"mfa_off", "personal_recovery_contact", "shared_login"}

    response = client.patch(
        f"{url}/security",
        json={"mfa_enabled": True, "recovery_contact": "city", "shared_login": False},
        headers={**registry.admin, "If-Match": response.headers["ETag"]},
    )
    assert response.status_code == 200, response.text
    assert client.get(f"{url}/posture", headers=registry.admin).json()["findings"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"password": "Summer2024!"},
        {"vault_reference": "password=Summer2024!"},
        {"recovery_codes": ["1234-5678", "2345-6789"]},
        {"vault_reference": "EAAB" + "wzLixnjYBAO9ZCZCZBZBqvKZCZA0ZBZB7ZCZBVZAp1ZBjZAZBk1"},
    ],
)
def test_security_refuses_secrets(
    client: TestClient, registry: Registry, database: Database, body: dict[str, Any]
) -> None:
    account = registry.account()
    url = f"{ACCOUNTS}/{account['id']}"
    etag = client.get(url, headers=registry.admin).headers["ETag"]
    response = client.patch(
        f"{url}/security", json=body, headers={**registry.admin, "If-Match": etag}
    )
    problem = assert_problem(response, 422)
    assert "vault" in response.text
    assert body_values_absent(problem, body)
    assert client.get(url, headers=registry.admin).json()["security"]["vault_reference"] is None


def body_values_absent(problem: dict[str, Any], body: dict[str, Any]) -> bool:
    """The problem must not echo the secret back (it would land in logs and proxies)."""
    text = str(problem)
    return all(str(v) not in text for v in body.values() if isinstance(v, str))


def test_posture_report_counts_every_open_account(client: TestClient, registry: Registry) -> None:
    registry.account()
    registry.account("requested")
    registry.account("rejected")
    report = client.get(f"{ACCOUNTS}/posture-report", headers=registry.admin).json()
    assert report["accounts_checked"] == 1
    assert report["total"] == 1
    assert report["by_code"]["no_owner"] == 1
    high = client.get(
        f"{ACCOUNTS}/posture-report", params={"min_severity": "critical"}, headers=registry.admin
    ).json()
    assert high["total"] == 0
    auditor = registry.headers(Role.AUDITOR)
    assert client.get(f"{ACCOUNTS}/posture-report", headers=auditor).status_code == 200
    staff = registry.headers(Role.STAFF)
    assert_problem(client.get(f"{ACCOUNTS}/posture-report", headers=staff), 403)


# Dormancy ---------------------------------------------------------------------------------


def test_sweep_marks_idle_accounts_dormant_and_a_post_revives(
    client: TestClient, registry: Registry, database: Database
) -> None:
    idle = registry.account()
    with database.transaction() as session:
        row = session.get(Account, uuid.UUID(idle["id"]))
        assert row is not None
        long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=120)
        row.status_changed_at = long_ago
        row.last_activity_at = long_ago
    fresh = registry.account()
    response = client.post(f"{ACCOUNTS}/dormancy-sweep", headers=registry.admin)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["inactive_days"] == 90
    assert [a["id"] for a in result["marked_dormant"]] == [idle["id"]]
    assert (
        client.get(f"{ACCOUNTS}/{fresh['id']}", headers=registry.admin).json()["status"] == "active"
    )
    assert "account.dormant" in _actions(database, idle["id"])

    publisher = registry.person()
    registry.grant(idle["id"], publisher["id"])
    post = client.post(
        f"{ACCOUNTS}/{idle['id']}/posts",
        json={
            "person_id": publisher["id"],
            "posted_at": dt.datetime.now(dt.UTC).isoformat(),
            "external_id": "fb-1",
        },
        headers=registry.integration,
    )
    assert post.status_code == 201, post.text
    assert (
        client.get(f"{ACCOUNTS}/{idle['id']}", headers=registry.admin).json()["status"] == "active"
    )


def test_sweep_from_the_command_line(
    registry: Registry,
    database: Database,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = registry.account()
    with database.transaction() as session:
        row = session.get(Account, uuid.UUID(account["id"]))
        assert row is not None
        row.status_changed_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    monkeypatch.setenv("APP_DATABASE_URL", database_url)
    monkeypatch.setenv("APP_SECRET_KEY", TEST_SECRET)
    monkeypatch.setenv("APP_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert cli_main(["sweep", "--days", "30"]) == 0
        assert "0 accounts marked dormant" in capsys.readouterr().out
        assert cli_main(["sweep", "--days", "7"]) == 0
        out = capsys.readouterr().out
    finally:
        get_settings.cache_clear()
    assert "1 accounts marked dormant" in out
    assert account["url"] in out


# Public verification ----------------------------------------------------------------------


def test_public_verification(client: TestClient, registry: Registry) -> None:
    live = registry.account(url="https://www.facebook.com/AlderBayVerify")
    pending = registry.account("requested", url="https://www.facebook.com/AlderBayPending")
    retired = registry.account("decommissioned", url="https://www.facebook.com/AlderBayOld")
    verify = "/api/v1/public/accounts/verify"

    answer = client.get(verify, params={"url": "facebook.com/alderbayverify/photos"}).json()
    assert answer["official"] is True
    assert answer["status"] == "active"
    assert answer["display_name"] == live["display_name"]

    answer = client.get(verify, params={"url": pending["url"]}).json()
    assert (answer["official"], answer["status"], answer["display_name"]) == (
        False,
        "unknown",
        None,
    )

    answer = client.get(verify, params={"url": retired["url"]}).json()
    assert (answer["official"], answer["status"]) == (False, "retired")

    answer = client.get(verify, params={"url": "https://x.com/AlderBayVerify"}).json()
    assert (answer["official"], answer["platform"]) == (False, "x")

    assert_problem(
        client.get(verify, params={"url": "not a url"}), 422, "/problems/account-url-invalid"
    )
    assert_problem(client.get(verify), 422)
