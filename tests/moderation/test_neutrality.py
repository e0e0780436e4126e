"""The neutrality report: actions by reason code, moderator and commenter, with outliers."""

from __future__ import annotations

from typing import Any

from app.core.actor import Role
from app.moderation.reports import outliers, upper_fence
from tests.core.problems import assert_problem
from tests.moderation.conftest import MODERATION, PLAIN_COMMENT, Desk
from tests.training.conftest import ok

REPORT = f"{MODERATION}/neutrality-report"


def test_the_fence_flags_only_what_stands_far_out() -> None:
    assert upper_fence([1, 2, 3]) is None, "too few to speak of a spread"
    assert outliers({"a": 1, "b": 1, "c": 2, "d": 30}) == {"d"}
    assert outliers({"a": 1, "b": 1, "c": 1, "d": 2}) == set(), "2 is below the minimum"
    assert outliers({"a": 5, "b": 5, "c": 5, "d": 5}) == set()


def test_actions_are_counted_by_reason_moderator_and_commenter(desk: Desk) -> None:
    busy = desk.first
    quiet = [desk.second, desk.moderator(), desk.moderator()]
    for n in range(6):
        comment = desk.comment(PLAIN_COMMENT, author_handle="@frequent")
        ok(desk.act(comment["id"], "hide", "spam" if n % 2 else "harassment", by=busy), 201)
    for n, moderator in enumerate(quiet):
        comment = desk.comment(PLAIN_COMMENT, author_handle=f"@once_{n}")
        ok(desk.act(comment["id"], "hide", "spam", by=moderator), 201)
        ok(desk.act(comment["id"], "restore", "within_terms", by=moderator), 201)
    overseer = desk.registry.headers(Role.AUDITOR)

    report = ok(
        desk.client.get(REPORT, params={"account_id": desk.account["id"]}, headers=overseer)
    )

    assert (report["actions"], report["removals"]) == (12, 9)
    reasons: dict[str, Any] = {r["reason_code"]: r for r in report["by_reason_code"]}
    assert {c: r["actions"] for c, r in reasons.items()} == {
        "spam": 6,
        "harassment": 3,
        "within_terms": 3,
    }
    assert reasons["spam"]["share"] == 0.5
    moderators = {m["person_id"]: m for m in report["by_moderator"]}
    assert moderators[busy.id]["removals"] == 6
    assert moderators[busy.id]["outlier"] is True
    assert not any(moderators[m.id]["outlier"] for m in quiet)
    assert moderators[busy.id]["name"].startswith("Alex")
    commenters = {c["author_handle"]: c for c in report["by_commenter"]}
    assert commenters["@frequent"]["removals"] == 6
    assert commenters["@frequent"]["outlier"] is True
    assert commenters["@frequent"]["moderators"] == 1
    assert "Tukey" in report["method"]
    assert report["from"] is None

    empty = ok(
        desk.client.get(REPORT, params={"from": "2020-01-01", "to": "2020-12-31"}, headers=overseer)
    )
    assert (empty["actions"], empty["by_moderator"], empty["from"]) == (0, [], "2020-01-01")


def test_the_report_is_for_overseers(desk: Desk) -> None:
    assert_problem(desk.client.get(REPORT, headers=desk.first.headers), 403)
    assert ok(desk.client.get(REPORT, headers=desk.registry.approver))["actions"] == 0
