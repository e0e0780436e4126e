"""Reconsideration: asked for with the notice's token (public, once, in time, rate-limited),
decided by someone other than those who acted; upheld, the removal is undone."""

from __future__ import annotations

import datetime as dt

import time_machine
from fastapi import FastAPI

from app.moderation.dependencies import AppealLimiter
from tests.core.problems import assert_problem
from tests.moderation.conftest import APPEALS, MODERATION, Desk
from tests.training.conftest import ok


def _hidden(desk: Desk) -> tuple[dict, dict]:
    comment = desk.comment()
    outcome = ok(desk.act(comment["id"], "hide", "personal_information"), 201)
    return comment, outcome


def test_the_notice_s_token_opens_one_appeal_without_credentials(desk: Desk) -> None:
    comment, outcome = _hidden(desk)
    token = outcome["notice"]["appeal_token"]
    again = ok(
        desk.client.get(
            f"{MODERATION}/actions/{outcome['action']['id']}/notice", headers=desk.first.headers
        )
    )
    assert again["appeal_token"] == token, "the notice can be given again, token and all"

    receipt = ok(desk.appeal(token), 201)

    assert (receipt["status"], receipt["action"]) == ("open", "hide")
    assert receipt["clause"]["ref"] == "16.1(e)"
    assert set(receipt) == {"id", "status", "submitted_at", "action", "clause"}, "no staff names"
    assert_problem(desk.appeal(token), 409, "/problems/appeal-token-used")
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert_problem(desk.appeal(forged), 404, "/problems/appeal-token-invalid")
    assert_problem(desk.appeal("not a token"), 422, "/problems/validation-error")
    listed = ok(desk.client.get(f"{MODERATION}/appeals", headers=desk.second.headers))
    assert [a["id"] for a in listed["items"]] == [receipt["id"]]
    assert ok(desk.read(comment["id"]))["appeals"][0]["statement"] == "I only asked a question."


def test_an_appeal_is_decided_by_someone_else_and_upheld_restores_the_comment(
    desk: Desk,
) -> None:
    comment, outcome = _hidden(desk)
    appeal = ok(desk.appeal(outcome["notice"]["appeal_token"]), 201)

    by_moderator = desk.decide("appeals", appeal["id"], desk.first, outcome="upheld", reason="Oops")
    assert_problem(by_moderator, 403, "/problems/decision-by-conflicted-person")
    without_code = desk.decide(
        "appeals", appeal["id"], desk.second, outcome="upheld", reason="Fine by me"
    )
    assert_problem(without_code, 422, "/problems/appeal-decision-invalid")
    decided = ok(
        desk.decide(
            "appeals",
            appeal["id"],
            desk.second,
            outcome="upheld",
            reason="The number is the library's.",
            reason_code="reconsidered",
        )
    )

    assert (decided["status"], decided["decided_by_person_id"]) == ("upheld", desk.second.id)
    after = ok(desk.read(comment["id"]))
    assert after["status"] == "visible"
    restore = after["actions"][-1]
    assert (restore["id"], restore["action"]) == (decided["remedy_action_id"], "restore")
    assert (restore["clause"]["ref"], restore["moderator_person_id"]) == ("16.4", desk.second.id)
    assert_problem(
        desk.decide("appeals", appeal["id"], desk.second, outcome="denied", reason="Not now"),
        409,
        "/problems/appeal-already-decided",
    )


def test_a_denied_appeal_leaves_the_removal(desk: Desk) -> None:
    comment, outcome = _hidden(desk)
    appeal = ok(desk.appeal(outcome["notice"]["appeal_token"]), 201)
    cao = desk.registry.approver  # the CAO decides reconsiderations (terms of engagement)

    decided = ok(desk.decide("appeals", appeal["id"], cao, outcome="denied", reason="A phone no."))

    assert (decided["status"], decided["remedy_action_id"]) == ("denied", None)
    assert ok(desk.read(comment["id"]))["status"] == "hidden"


def test_an_upheld_block_appeal_unblocks_and_the_approver_cannot_decide_it(desk: Desk) -> None:
    comment = desk.comment()
    block = ok(desk.act(comment["id"], "block", "repeated_breaches"), 201)
    ok(desk.decide("blocks", block["block"]["id"], desk.second, approve=True, reason="Agreed"))
    notice = ok(
        desk.client.get(
            f"{MODERATION}/actions/{block['action']['id']}/notice", headers=desk.first.headers
        )
    )
    appeal = ok(desk.appeal(notice["appeal_token"]), 201)
    by_approver = desk.decide(
        "appeals",
        appeal["id"],
        desk.second,
        outcome="upheld",
        reason="x" * 5,
        reason_code="reconsidered",
    )
    assert_problem(by_approver, 403, "/problems/decision-by-conflicted-person")
    third = desk.moderator()

    ok(
        desk.decide(
            "appeals", appeal["id"], third, outcome="upheld", reason="First breach only",
            reason_code="reconsidered",
        )
    )  # fmt: skip

    assert ok(desk.read(comment["id"]))["block"] is None
    blocks = ok(desk.client.get(f"{MODERATION}/blocks", headers=desk.admin))["items"]
    assert [b["status"] for b in blocks] == ["lifted"]


def test_the_appeal_window_closes_after_the_configured_days(desk: Desk) -> None:
    _, outcome = _hidden(desk)
    deadline = dt.datetime.fromisoformat(outcome["notice"]["appeal_deadline"])
    assert (deadline - dt.datetime.now(dt.UTC)).days in (30, 31)

    with time_machine.travel(deadline + dt.timedelta(seconds=1), tick=False):
        late = desk.appeal(outcome["notice"]["appeal_token"])
    with time_machine.travel(deadline - dt.timedelta(seconds=1), tick=False):
        in_time = desk.appeal(outcome["notice"]["appeal_token"])

    assert_problem(late, 422, "/problems/appeal-window-closed")
    assert in_time.status_code == 201, in_time.text


def test_an_undone_removal_cannot_be_appealed(desk: Desk) -> None:
    comment, outcome = _hidden(desk)
    ok(desk.act(comment["id"], "restore", "within_terms", by=desk.second), 201)
    assert_problem(desk.appeal(outcome["notice"]["appeal_token"]), 409, "/problems/appeal-moot")
    keep = ok(desk.act(comment["id"], "keep", "within_terms"), 201)
    assert keep["notice"] is None
    assert_problem(
        desk.client.get(
            f"{MODERATION}/actions/{keep['action']['id']}/notice", headers=desk.first.headers
        ),
        409,
        "/problems/notice-not-available",
    )


def test_appeals_from_one_address_are_rate_limited(desk: Desk, app: FastAPI) -> None:
    app.state.appeal_limiter = AppealLimiter("2/minute", "memory://")
    bad = "A" * 22 + "." + "B" * 32

    answers = [desk.client.post(APPEALS, json={"token": bad, "statement": "x"}) for _ in range(3)]

    assert [a.status_code for a in answers] == [404, 404, 429]
    problem = assert_problem(answers[2], 429, "/problems/too-many-requests")
    assert problem["detail"]
    assert 1 <= int(answers[2].headers["Retry-After"]) <= 60
