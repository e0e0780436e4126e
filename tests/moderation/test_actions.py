"""Moderation actions: a published reason and the clause it enforces, by a named, trained
moderator of the account, written to the ledger for good; blocks need a second person."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.actor import Role
from tests.core.problems import assert_problem
from tests.moderation.conftest import COMMENTS, MODERATION, PHONE_COMMENT, Desk
from tests.training.conftest import ok


def _audit_actions(desk: Desk, entity_id: str) -> list[str]:
    with desk.database.session() as session:
        return list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity_id == entity_id)
                .order_by(AuditEvent.seq)
            )
        )


def test_a_hide_cites_the_reason_and_clause_and_keeps_the_comment(desk: Desk) -> None:
    comment = desk.comment()

    outcome = ok(desk.act(comment["id"], "hide", "personal_information", note="Phone number"), 201)

    action = outcome["action"]
    assert (action["action"], action["reason_code"]) == ("hide", "personal_information")
    assert action["clause"]["ref"] == "16.1(e)"
    assert action["clause"]["version_label"] == "2024"
    assert action["clause"]["title"]
    assert action["moderator_person_id"] == desk.first.id
    assert (action["status_before"], action["status_after"]) == ("visible", "hidden")
    assert outcome["comment"]["status"] == "hidden"
    assert outcome["comment"]["needs_review"] is False
    assert outcome["comment"]["retention_class"] == "moderated_comment"
    notice = outcome["notice"]
    assert notice["clause"]["ref"] == "16.1(e)"
    assert "16.1(e)" in notice["text"]
    assert notice["appeal_token"] in notice["text"]
    assert "reconsideration" in notice["text"]

    kept = ok(desk.read(comment["id"]))
    assert kept["text"] == PHONE_COMMENT, "hiding keeps the original text"
    assert [a["id"] for a in kept["actions"]] == [action["id"]]
    assert kept["actions"][0]["note"] == "Phone number"
    assert ok(desk.client.get(f"{MODERATION}/actions/{action['id']}", headers=desk.admin)) == action
    assert _audit_actions(desk, comment["id"]) == ["comment.hide"]


def test_actions_follow_the_comment_through_its_states(desk: Desk) -> None:
    comment = desk.comment()
    steps: list[tuple[str, str, int, str | None]] = [
        ("keep", "within_terms", 201, "visible"),
        ("hide", "personal_information", 201, "hidden"),
        ("hide", "personal_information", 409, None),
        ("keep", "within_terms", 409, None),
        ("delete", "personal_information", 201, "deleted"),
        ("delete", "personal_information", 409, None),
        ("restore", "within_terms", 201, "visible"),
        ("restore", "within_terms", 409, None),
        ("delete", "spam", 201, "deleted"),
    ]
    for action, code, status, after in steps:
        response = desk.act(comment["id"], action, code)
        if status == 409:
            assert_problem(response, 409, "/problems/moderation-action-not-allowed", detail=True)
            continue
        assert ok(response, 201)["comment"]["status"] == after, (action, code)
    history = ok(desk.read(comment["id"]))["actions"]
    assert [a["action"] for a in history] == ["keep", "hide", "delete", "restore", "delete"]
    assert history[2]["status_before"] == "hidden"


def test_reason_codes_must_be_published_and_fit_the_action(desk: Desk) -> None:
    comment = desk.comment()
    etag = '"1"'
    retired = desk.client.patch(
        f"{MODERATION}/reason-codes/sexual_content",
        json={"retired": True},
        headers={**desk.admin, "If-Match": etag},
    )
    assert ok(retired)["retired_at"] is not None
    cases = [
        ("hide", "rudeness", "reason-code-unknown"),
        ("hide", "sexual_content", "reason-code-unknown"),
        ("restore", "spam", "reason-code-not-for-action"),
        ("keep", "personal_information", "reason-code-not-for-action"),
        ("block", "within_terms", "reason-code-not-for-action"),
    ]
    for action, code, problem in cases:
        assert_problem(desk.act(comment["id"], action, code), 422, f"/problems/{problem}")
    for bad in ({"action": "mute"}, {"reason_code": "Not A Code"}, {"note": ""}):
        body = {"action": "hide", "reason_code": "spam", **bad}
        response = desk.client.post(
            f"{COMMENTS}/{comment['id']}/actions",
            json=body,
            headers={**desk.first.headers, "If-Match": f'"{comment["version"]}"'},
        )
        assert_problem(response, 422, "/problems/validation-error")
    after = ok(desk.read(comment["id"]))
    assert (after["status"], after["actions"], after["version"]) == ("visible", [], 1)


def test_only_a_named_trained_moderator_of_the_account_acts(desk: Desk) -> None:
    comment = desk.comment()
    publisher = desk.registry.person()
    desk.training.acknowledge(publisher["id"])
    desk.registry.grant(desk.account["id"], publisher["id"], "publisher")
    elsewhere = desk.moderator(desk.other)
    untrained = desk.moderator(trained=True)
    desk.training.module("MOD-201", ["handling_harassment"], roles=["moderator"])
    cases: list[tuple[dict[str, str], int, str]] = [
        (desk.registry.headers(Role.APPROVER), 403, "moderator-person-required"),
        (desk.registry.headers(Role.MODERATOR), 404, "comment-not-found"),  # reaches nothing
        (desk.registry.headers(Role.STAFF, desk.first.id), 403, "role-required"),
        (elsewhere.headers, 404, "comment-not-found"),
        (desk.registry.headers(Role.MODERATOR, publisher["id"]), 403, "moderator-grant-required"),
        (untrained.headers, 403, "moderator-not-eligible"),
    ]
    for headers, status, problem in cases:
        response = desk.client.post(
            f"{COMMENTS}/{comment['id']}/actions",
            json={"action": "hide", "reason_code": "personal_information"},
            headers={**headers, "If-Match": '"1"'},
        )
        body = assert_problem(response, status, f"/problems/{problem}")
        if problem == "moderator-not-eligible":
            assert body["gaps"]
            assert "handling_harassment" in " ".join(body["gaps"]).lower()
    assert ok(desk.read(comment["id"]))["actions"] == []
    # The CAO moderates any account, once trained like everyone else.
    cao = desk.registry.approver
    desk.training.complete(
        desk.first.id,
        ok(desk.client.get("/api/v1/training/modules", headers=desk.admin))["items"][0]["id"],
    )
    assert_problem(
        desk.act(comment["id"], "hide", "personal_information", by=_as(cao)),
        403,
        "/problems/moderator-not-eligible",
    )
    assert ok(desk.act(comment["id"], "hide", "personal_information"), 201)


def _as(headers: dict[str, str]) -> Any:
    from tests.moderation.conftest import Moderator

    return Moderator({"id": ""}, headers)


def test_an_action_needs_the_comment_s_current_etag(desk: Desk) -> None:
    comment = desk.comment()
    url = f"{COMMENTS}/{comment['id']}/actions"
    body = {"action": "hide", "reason_code": "personal_information"}

    assert_problem(desk.client.post(url, json=body, headers=desk.first.headers), 428)
    ok(desk.act(comment["id"], "keep", "within_terms"), 201)
    stale = desk.client.post(url, json=body, headers={**desk.first.headers, "If-Match": '"1"'})
    assert_problem(stale, 412, "/problems/stale-version")
    assert [a["action"] for a in ok(desk.read(comment["id"]))["actions"]] == ["keep"]


def test_a_block_takes_effect_only_with_a_second_person_s_approval(desk: Desk) -> None:
    comment = desk.comment()
    requested = ok(desk.act(comment["id"], "block", "repeated_breaches"), 201)
    block = requested["block"]
    assert (block["status"], requested["notice"]) == ("pending", None)
    action_id = requested["action"]["id"]
    assert_problem(
        desk.client.get(f"{MODERATION}/actions/{action_id}/notice", headers=desk.first.headers),
        409,
        "/problems/notice-not-available",
    )
    assert_problem(
        desk.act(comment["id"], "block", "repeated_breaches", by=desk.second),
        409,
        "/problems/moderation-action-not-allowed",
    )
    assert_problem(
        desk.act(comment["id"], "unblock", "within_terms"),
        409,
        "/problems/moderation-action-not-allowed",
    )

    by_requester = desk.decide("blocks", block["id"], desk.first, approve=True, reason="Agreed")
    assert_problem(by_requester, 403, "/problems/decision-by-conflicted-person")
    approved = ok(
        desk.decide("blocks", block["id"], desk.second, approve=True, reason="Third time")
    )

    assert (approved["status"], approved["decided_by_person_id"]) == ("active", desk.second.id)
    assert_problem(
        desk.decide("blocks", block["id"], desk.second, approve=False, reason="Changed my mind"),
        409,
        "/problems/author-block-already-decided",
    )
    notice = ok(
        desk.client.get(f"{MODERATION}/actions/{action_id}/notice", headers=desk.first.headers)
    )
    assert notice["action"] == "block"
    assert "blocked" in notice["text"]
    assert ok(desk.read(comment["id"]))["block"]["status"] == "active"
    # Another comment by the same author (another spelling of the handle) shows the block.
    again = desk.comment(author_handle="@Riverside_Resident")
    assert ok(desk.read(again["id"]))["block"]["id"] == block["id"]

    lifted = ok(desk.act(again["id"], "unblock", "within_terms"), 201)
    assert lifted["block"]["status"] == "lifted"
    assert _audit_actions(desk, block["id"]) == ["author_block.approved"]


def test_a_rejected_block_leaves_the_author_free(desk: Desk) -> None:
    comment = desk.comment()
    block = ok(desk.act(comment["id"], "block", "repeated_breaches"), 201)["block"]
    rejected = ok(desk.decide("blocks", block["id"], desk.second, approve=False, reason="Once"))
    assert rejected["status"] == "rejected"
    assert ok(desk.read(comment["id"]))["block"] is None
    listed = ok(
        desk.client.get(f"{MODERATION}/blocks", params={"status": "rejected"}, headers=desk.admin)
    )
    assert [b["id"] for b in listed["items"]] == [block["id"]]
    assert ok(desk.act(comment["id"], "block", "threat"), 201)["block"]["status"] == "pending"
