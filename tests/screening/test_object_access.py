"""Screenings and reviews for an official account are seen and decided only by those who
reach the account: a moderator of another account gets the answer for nothing at all."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from app.core.actor import Role
from tests.accounts.conftest import Registry, registry  # noqa: F401  (fixture)
from tests.core.problems import assert_problem
from tests.training.conftest import ok

DRAFT_FOR_REVIEW = "Damn, the rink is closed again this weekend. Sorry folks."


def _draft(client: TestClient, headers: dict[str, str], account_id: str | None) -> dict[str, Any]:
    body = {"text": DRAFT_FOR_REVIEW, "kind": "post", "account_id": account_id}
    verdict = ok(client.post("/api/v1/screenings", json=body, headers=headers), 201)
    assert verdict["decision"] == "review"
    return dict(verdict)


def test_a_moderator_of_another_account_neither_sees_nor_decides_its_reviews(
    client: TestClient,
    registry: Registry,  # noqa: F811
    auth: Callable[[Role], dict[str, str]],
) -> None:
    ours, theirs = registry.account("active"), registry.account("active")
    staff = auth(Role.STAFF)
    on_theirs = _draft(client, staff, theirs["id"])
    on_none = _draft(client, staff, None)
    person = registry.person()
    registry.grant(ours["id"], person["id"], "moderator")
    moderator = registry.headers(Role.MODERATOR, person["id"])
    ghost = str(uuid.uuid4())

    for path in (
        f"/api/v1/screenings/{on_theirs['id']}",
        f"/api/v1/screening-reviews/{on_theirs['review_id']}",
    ):
        theirs_answer = client.get(path, headers=moderator)
        nothing = client.get(path.rsplit("/", 1)[0] + f"/{ghost}", headers=moderator)
        assert_problem(theirs_answer, 404)
        assert theirs_answer.json()["type"] == nothing.json()["type"]
    decision = client.post(
        f"/api/v1/screening-reviews/{on_theirs['review_id']}/decision",
        json={"outcome": "approve", "reason": "Fine."},
        headers={**moderator, "If-Match": '"1"'},
    )
    assert_problem(decision, 404, "/problems/screening-review-not-found")
    for path in ("/api/v1/screenings", "/api/v1/screening-reviews"):
        seen = {i["id"] for i in ok(client.get(path, headers=moderator))["items"]}
        assert not seen & {on_theirs["id"], on_theirs["review_id"]}, path
        assert seen & {on_none["id"], on_none["review_id"]}, "nothing hides what has no account"
        filtered = client.get(path, params={"account_id": theirs["id"]}, headers=moderator)
        assert_problem(filtered, 404, "/problems/account-not-found")
    # The city-wide roles see everything.
    everything = ok(client.get("/api/v1/screening-reviews", headers=registry.approver))
    assert everything["total"] == 2
    review = ok(
        client.get(f"/api/v1/screening-reviews/{on_theirs['review_id']}", headers=registry.admin)
    )
    assert review["status"] == "open"
