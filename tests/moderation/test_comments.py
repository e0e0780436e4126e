"""Comments in: screened, kept as posted, recognised when sent again; screening only advises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from app.core.actor import Role
from app.moderation.models import Comment
from tests.core.problems import assert_problem
from tests.moderation.conftest import COMMENTS, PHONE_COMMENT, PLAIN_COMMENT, Desk
from tests.training.conftest import ok


def _count(desk: Desk) -> int:
    with desk.database.session() as session:
        return session.scalar(select(func.count()).select_from(Comment)) or 0


def test_a_comment_is_screened_kept_as_posted_and_queued_when_flagged(desk: Desk) -> None:
    flagged = desk.comment(PHONE_COMMENT)
    plain = desk.comment(PLAIN_COMMENT)

    assert (flagged["status"], flagged["screening_decision"]) == ("visible", "hide")
    assert flagged["needs_review"] is True
    assert flagged["text"] == PHONE_COMMENT, "the record keeps the text as posted"
    assert flagged["screening_categories"] == ["personal_information"]
    (finding,) = flagged["screening"]["findings"]
    assert finding["clause"]["ref"] == "16.1(e)"
    assert flagged["screening"]["review_id"] is None, "the comment is its own queue"
    assert flagged["actions"] == []
    assert flagged["block"] is None
    assert flagged["retention_class"] == "comment"
    assert (plain["screening_decision"], plain["needs_review"]) == ("allow", False)

    queue = ok(
        desk.client.get(COMMENTS, params={"needs_review": "true"}, headers=desk.first.headers)
    )
    assert [c["id"] for c in queue["items"]] == [flagged["id"]]
    read = desk.read(flagged["id"], desk.first.headers)
    assert read.headers["ETag"] == f'"{flagged["version"]}"'
    assert read.json()["screening"]["id"] == flagged["screening_id"]


def test_the_same_comment_sent_again_is_recognised_and_a_different_one_is_refused(
    desk: Desk,
) -> None:
    body = desk.comment_body(PLAIN_COMMENT)
    first = desk.client.post(COMMENTS, json=body, headers=desk.integration)
    again = desk.client.post(COMMENTS, json=body, headers=desk.integration)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]

    edited = desk.client.post(
        COMMENTS, json={**body, "text": "Edited on the platform."}, headers=desk.integration
    )

    problem = assert_problem(edited, 409, "/problems/comment-already-recorded", detail=True)
    assert problem["comment_id"] == first.json()["id"]
    assert _count(desk) == 1


def test_bad_comments_are_refused_and_nothing_is_written(desk: Desk) -> None:
    requested = desk.registry.account("requested")
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)).isoformat()
    cases: list[tuple[dict[str, Any], int, str]] = [
        ({"account_id": "5f0c8a3e-2d1b-4c6a-9e7f-0123456789ab"}, 404, "account-not-found"),
        ({"account_id": requested["id"]}, 409, "account-not-open"),
        ({"posted_at": future}, 422, "comment-invalid"),
        ({"posted_at": "1700000000"}, 422, "validation-error"),
        ({"text": "   "}, 422, "validation-error"),
        ({"text": "x" * 10_001}, 422, "screening-text-too-long"),
        ({"author_handle": "two\nlines"}, 422, "validation-error"),
        ({"external_id": ""}, 422, "validation-error"),
        ({"unknown": 1}, 422, "validation-error"),
    ]
    for overrides, status, type_ in cases:
        response = desk.client.post(
            COMMENTS, json=desk.comment_body(**overrides), headers=desk.integration
        )
        assert_problem(response, status, f"/problems/{type_}")
    assert _count(desk) == 0


def test_only_city_systems_capture_comments(desk: Desk) -> None:
    for role in (Role.STAFF, Role.MODERATOR, Role.AUDITOR, Role.APPROVER):
        response = desk.client.post(
            COMMENTS,
            json=desk.comment_body(),
            headers=desk.registry.headers(role, desk.first.id),
        )
        assert_problem(response, 403, "/problems/role-required")
    assert _count(desk) == 0


def test_comments_are_listed_by_account_author_status_and_period(desk: Desk) -> None:
    earlier = (dt.datetime.now(dt.UTC) - dt.timedelta(days=3)).isoformat()
    old = desk.comment(PLAIN_COMMENT, posted_at=earlier, author_handle="@Old_Timer")
    new = desk.comment(PLAIN_COMMENT)
    elsewhere = desk.comment(PLAIN_COMMENT, account_id=desk.other["id"])

    def ids(**params: Any) -> list[str]:
        page = ok(desk.client.get(COMMENTS, params=params, headers=desk.admin))
        return [c["id"] for c in page["items"]]

    assert ids(account_id=desk.account["id"]) == [new["id"], old["id"]]
    assert ids(author_handle="old_timer") == [old["id"]], "handles compare without @ or case"
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).isoformat()
    assert set(ids(since=since)) == {new["id"], elsewhere["id"]}
    assert ids(until=since) == [old["id"]]
    assert ids(status="hidden") == []
    # A moderator of the first account sees its comments only.
    page = ok(desk.client.get(COMMENTS, headers=desk.first.headers))
    assert {c["id"] for c in page["items"]} == {old["id"], new["id"]}
    assert_problem(
        desk.client.get(
            COMMENTS, params={"account_id": desk.other["id"]}, headers=desk.first.headers
        ),
        404,
        "/problems/account-not-found",
    )
