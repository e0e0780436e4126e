from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.actor import Role
from app.core.db import Database
from tests.core.problems import assert_problem
from tests.screening.conftest import ScreeningTown

REVIEWS = "/api/v1/screening-reviews"
# Mild profanity in a staff draft: below the removal severity, so a person decides.
DRAFT_FOR_REVIEW = "Damn, the rink is closed again this weekend. Sorry folks."


def _open_review(screen: Callable[..., dict[str, Any]], role: Role = Role.STAFF) -> dict[str, Any]:
    verdict = screen(DRAFT_FOR_REVIEW, role=role)
    assert verdict["decision"] == "review", verdict
    assert verdict["review_id"] is not None
    return verdict


def _decide(
    client: TestClient, review_id: str, headers: dict[str, str], body: dict[str, Any]
) -> Any:
    etag = client.get(f"{REVIEWS}/{review_id}", headers=headers).headers["ETag"]
    return client.post(
        f"{REVIEWS}/{review_id}/decision", json=body, headers={**headers, "If-Match": etag}
    )


def test_a_review_verdict_opens_an_item_in_the_queue(
    town: ScreeningTown,
    screen: Callable[..., dict[str, Any]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
) -> None:
    verdict = _open_review(screen)

    queue = client.get(REVIEWS, params={"status": "open"}, headers=auth(Role.MODERATOR)).json()
    (item,) = queue["items"]
    assert item["id"] == verdict["review_id"]
    assert item["screening_id"] == verdict["id"]
    assert item["engine_decision"] == "review"
    assert "profanity" in item["categories"]


def test_a_moderator_decides_a_review_with_a_reason_and_it_is_audited(
    town: ScreeningTown,
    screen: Callable[..., dict[str, Any]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
    database: Database,
) -> None:
    verdict = _open_review(screen)
    moderator = auth(Role.MODERATOR)

    response = _decide(
        client, verdict["review_id"], moderator, {"outcome": "reject", "reason": "Tone."}
    )

    assert response.status_code == 200, response.text
    decided = response.json()
    assert decided["status"] == "decided"
    assert decided["final_decision"] == "block"
    assert decided["reason"] == "Tone."
    again = _decide(
        client, verdict["review_id"], moderator, {"outcome": "approve", "reason": "Fine now."}
    )
    assert_problem(again, 409, "/problems/screening-review-decided")
    with database.session() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == verdict["review_id"])
        ).all()
    assert actions == ["screening_review.decided"]


def test_the_author_of_a_draft_cannot_decide_its_review(
    town: ScreeningTown,
    screen: Callable[..., dict[str, Any]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
) -> None:
    verdict = _open_review(screen, role=Role.MODERATOR)

    response = _decide(
        client,
        verdict["review_id"],
        auth(Role.MODERATOR),
        {"outcome": "approve", "reason": "Mine, and fine."},
    )
    assert_problem(response, 403, "/problems/screening-review-by-author")


def test_only_moderators_decide_and_only_with_if_match(
    town: ScreeningTown,
    screen: Callable[..., dict[str, Any]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
) -> None:
    review_id = _open_review(screen)["review_id"]
    body = {"outcome": "approve", "reason": "Fine as written."}

    assert_problem(_decide(client, review_id, auth(Role.APPROVER), body), 403)
    response = client.post(
        f"{REVIEWS}/{review_id}/decision", json=body, headers=auth(Role.MODERATOR)
    )
    assert_problem(response, 428)


def test_an_override_names_a_decision_that_fits_the_kind(
    town: ScreeningTown,
    screen: Callable[..., dict[str, Any]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
) -> None:
    review_id = _open_review(screen)["review_id"]
    moderator = auth(Role.MODERATOR)

    hide_a_draft = {"outcome": "override", "decision": "hide", "reason": "Wrong word."}
    assert_problem(_decide(client, review_id, moderator, hide_a_draft), 422)
    no_decision = {"outcome": "override", "reason": "Forgot the decision."}
    assert_problem(_decide(client, review_id, moderator, no_decision), 422)
    allow = {"outcome": "override", "decision": "allow", "reason": "A quote from a resident."}
    response = _decide(client, review_id, moderator, allow)
    assert response.status_code == 200, response.text
    assert response.json()["final_decision"] == "allow"


def test_an_unknown_review_is_404(client: TestClient, admin: dict[str, str]) -> None:
    response = client.get(f"{REVIEWS}/00000000-0000-4000-8000-000000000000", headers=admin)
    assert_problem(response, 404, "/problems/screening-review-not-found")
