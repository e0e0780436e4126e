from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.actor import Role
from app.core.config import Settings
from app.core.db import Database
from app.main import create_app
from tests.conftest import make_settings
from tests.core.problems import assert_problem
from tests.screening.conftest import SCREENINGS, ScreeningTown

RULESETS = "/api/v1/screening-rulesets"


@pytest.fixture
def second_replica(settings: Settings, tmp_path: Path) -> Iterator[TestClient]:
    """Another server process on the same database, with its own engine cache."""
    other = make_settings(settings.database_url, settings.var_dir)
    with TestClient(create_app(other)) as client:
        yield client


def _ruleset(client: TestClient, ruleset_id: str, headers: dict[str, str]) -> Any:
    response = client.get(f"{RULESETS}/{ruleset_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response


def _screen(client: TestClient, headers: dict[str, str], text: str, kind: str = "post") -> Any:
    response = client.post(SCREENINGS, json={"text": text, "kind": kind}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_term_added_on_one_replica_is_used_by_another_at_once(
    town: ScreeningTown,
    client: TestClient,
    second_replica: TestClient,
    admin: dict[str, str],
    auth: Callable[[Role], dict[str, str]],
    database: Database,
) -> None:
    staff = auth(Role.STAFF)
    text = "Notes from the Harbourfront Working Group are ready."
    assert _screen(second_replica, staff, text)["decision"] == "allow"  # compiled and cached

    added = client.post(
        f"{RULESETS}/{town.rulesets['2024']}/terms",
        json={
            "phrase": "Harbourfront Working Group",
            "category": "confidential",
            "severity": "high",
        },
        headers=admin,
    )
    assert added.status_code == 201, added.text
    verdict = _screen(second_replica, staff, text)

    assert verdict["decision"] == "block"
    (finding,) = verdict["findings"]
    assert finding["category"] == "confidential"
    assert finding["clause"]["ref"] == "11(b)"
    assert verdict["ruleset_version"] == "2024-r2"

    removed = client.delete(
        f"{RULESETS}/{town.rulesets['2024']}/terms/{added.json()['id']}", headers=admin
    )
    assert removed.status_code == 204
    assert _screen(second_replica, staff, text)["decision"] == "allow"
    with database.session() as session:
        actions = session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.entity_id == town.rulesets["2024"])
            .order_by(AuditEvent.seq)
        ).all()
    assert actions == [
        "screening_ruleset.created",
        "screening_term.added",
        "screening_term.removed",
    ]


def test_updating_rules_changes_the_verdict(
    town: ScreeningTown,
    client: TestClient,
    admin: dict[str, str],
    auth: Callable[[Role], dict[str, str]],
) -> None:
    etag = _ruleset(client, town.rulesets["2024"], admin).headers["ETag"]
    rule = {
        "severity": "high",
        "actions": {"post": "review", "reply": "review", "comment": "remove"},
        "clause_ref": "11(a)",
        "comment_clause_ref": "16.1(e)",
    }
    response = client.patch(
        f"{RULESETS}/{town.rulesets['2024']}",
        json={"rules": {"personal_information": rule}},
        headers={**admin, "If-Match": etag},
    )
    assert response.status_code == 200, response.text
    assert response.json()["rules"]["personal_information"]["actions"]["post"] == "review"

    verdict = _screen(client, auth(Role.STAFF), "Call me at 416-555-0199 about the permit.")
    assert verdict["decision"] == "review"


def test_rules_that_would_hide_comments_for_their_viewpoint_are_refused(
    town: ScreeningTown, client: TestClient, admin: dict[str, str]
) -> None:
    etag = _ruleset(client, town.rulesets["2024"], admin).headers["ETag"]
    rule = {
        "severity": "medium",
        "actions": {"post": "remove", "reply": "remove", "comment": "remove"},
        "clause_ref": "11(c)",
    }
    response = client.patch(
        f"{RULESETS}/{town.rulesets['2024']}",
        json={"rules": {"profanity": rule}},
        headers={**admin, "If-Match": etag},
    )
    assert_problem(response, 422, "/problems/ruleset-not-content-neutral")

    viewpoint = {**rule, "actions": {"post": "review", "reply": "note", "comment": "note"}}
    response = client.patch(
        f"{RULESETS}/{town.rulesets['2024']}",
        json={"rules": {"viewpoint_risk": viewpoint}},
        headers={**admin, "If-Match": etag},
    )
    assert_problem(response, 422, "/problems/ruleset-not-content-neutral")


def test_a_rule_must_cite_a_clause_of_its_version(
    town: ScreeningTown, client: TestClient, admin: dict[str, str]
) -> None:
    etag = _ruleset(client, town.rulesets["2021"], admin).headers["ETag"]
    rule = {
        "severity": "high",
        "actions": {"post": "remove", "reply": "remove", "comment": "note"},
        "clause_ref": "16.1",  # the 2024 terms of engagement; 2021 has no section 16
    }
    response = client.patch(
        f"{RULESETS}/{town.rulesets['2021']}",
        json={"rules": {"electioneering": rule}},
        headers={**admin, "If-Match": etag},
    )
    problem = assert_problem(response, 422, "/problems/ruleset-clause-not-found")
    assert problem["refs"] == ["16.1"]


def test_one_ruleset_per_version_and_only_admins_write_them(
    town: ScreeningTown,
    client: TestClient,
    admin: dict[str, str],
    auth: Callable[[Role], dict[str, str]],
) -> None:
    body = {"policy_version_id": town.versions["2024"]}
    assert_problem(client.post(RULESETS, json=body, headers=admin), 409)
    assert_problem(client.post(RULESETS, json=body, headers=auth(Role.APPROVER)), 403)
    unknown = {"policy_version_id": "00000000-0000-4000-8000-000000000000"}
    assert_problem(client.post(RULESETS, json=unknown, headers=admin), 422)


def test_rulesets_are_listed_and_cite_their_own_versions_clauses(
    town: ScreeningTown, client: TestClient, admin: dict[str, str]
) -> None:
    listed = client.get(RULESETS, headers=admin).json()
    assert listed["total"] == 2
    rules_2024 = _ruleset(client, town.rulesets["2024"], admin).json()["rules"]
    assert rules_2024["personal_information"]["clause_ref"] == "11(a)"
    assert rules_2024["personal_information"]["comment_clause_ref"] == "16.1(e)"


def test_custom_terms_are_validated(
    town: ScreeningTown, client: TestClient, admin: dict[str, str]
) -> None:
    url = f"{RULESETS}/{town.rulesets['2024']}/terms"
    for body in (
        {"phrase": "", "category": "spam", "severity": "low"},
        {"phrase": "x", "category": "gossip", "severity": "low"},
        {"phrase": "x", "category": "accessibility", "severity": "low"},
        {"phrase": "x", "category": "personal_information", "severity": "low"},
        {"phrase": "x", "category": "spam", "severity": "extreme"},
    ):
        assert_problem(client.post(url, json=body, headers=admin), 422)
    term = {"phrase": "Limited  Offer", "category": "spam", "severity": "medium"}
    assert client.post(url, json=term, headers=admin).status_code == 201
    duplicate = {**term, "phrase": "limited offer"}
    assert_problem(client.post(url, json=duplicate, headers=admin), 409)
    assert client.get(url, headers=admin).json()["total"] == 1
