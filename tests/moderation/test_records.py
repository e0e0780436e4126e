"""Comments as public records: nothing is destroyed by moderating, the purge takes only what
retention and holds allow (property-based over dates), and an export holds everything."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from app.audit.models import AuditEvent
from app.core.actor import Role, system_actor
from app.core.config import Settings
from app.core.routing import route_table
from app.moderation import records
from app.moderation.models import Appeal, Comment, LegalHold, ModerationAction
from app.moderation.rules import ModerationRules
from tests.core.problems import assert_problem
from tests.moderation.conftest import (
    APPEALS,
    COMMENTS,
    MODERATION,
    PHONE_COMMENT,
    PLAIN_COMMENT,
    Desk,
)
from tests.training.conftest import ok

HOLDS = f"{MODERATION}/legal-holds"


def _rules(settings: Settings) -> ModerationRules:
    return ModerationRules.from_settings(settings, b"test")


def _comment_rows(desk: Desk) -> dict[str, str]:
    with desk.database.session() as session:
        return {str(i): t for i, t in session.execute(select(Comment.id, Comment.text))}


# Nothing is destroyed by moderating -------------------------------------------------------


def _write_routes(app: FastAPI) -> set[tuple[str, str]]:
    prefixes = (COMMENTS, MODERATION, APPEALS)
    return {
        (method, entry.path)
        for entry in route_table(app)
        if entry.path.startswith(prefixes)
        for method in entry.methods - {"GET", "HEAD"}
    }


WALKED = {
    ("POST", COMMENTS),
    ("POST", f"{COMMENTS}/{{comment_id}}/actions"),
    ("POST", f"{MODERATION}/blocks/{{block_id}}/decision"),
    ("POST", APPEALS),
    ("POST", f"{MODERATION}/appeals/{{appeal_id}}/decision"),
    ("POST", HOLDS),
    ("POST", f"{HOLDS}/{{hold_id}}/release"),
    ("POST", f"{MODERATION}/reason-codes"),
    ("PATCH", f"{MODERATION}/reason-codes/{{code}}"),
}


def test_no_route_removes_a_comment_however_it_is_moderated(desk: Desk, app: FastAPI) -> None:
    assert _write_routes(app) == WALKED, "walk the new route below"
    assert not any(method == "DELETE" for method, _ in _write_routes(app))
    comment = desk.comment(PHONE_COMMENT)
    other = desk.comment(PLAIN_COMMENT)
    hidden = ok(desk.act(comment["id"], "hide", "personal_information"), 201)
    ok(desk.act(comment["id"], "delete", "personal_information"), 201)
    appeal = ok(desk.appeal(hidden["notice"]["appeal_token"]), 409)  # deleted after: not moot
    del appeal
    block = ok(desk.act(other["id"], "block", "repeated_breaches"), 201)["block"]
    ok(desk.decide("blocks", block["id"], desk.second, approve=True, reason="Third time"))
    notice = ok(
        desk.client.get(
            f"{MODERATION}/actions/{block['requested_action_id']}/notice", headers=desk.admin
        )
    )
    opened = ok(desk.appeal(notice["appeal_token"]), 201)
    third = desk.moderator()
    ok(desk.decide("appeals", opened["id"], third, outcome="denied", reason="Repeated threats"))
    hold = ok(
        desk.client.post(
            HOLDS, json={"reference": "A-1", "reason": "Request 41"}, headers=desk.admin
        ),
        201,
    )
    ok(
        desk.client.post(
            f"{HOLDS}/{hold['id']}/release",
            json={"reason": "Answered"},
            headers={**desk.admin, "If-Match": '"1"'},
        )
    )
    ok(
        desk.client.patch(
            f"{MODERATION}/reason-codes/spam",
            json={"label": "Spam"},
            headers={**desk.admin, "If-Match": '"1"'},
        )
    )

    assert _comment_rows(desk) == {comment["id"]: PHONE_COMMENT, other["id"]: PLAIN_COMMENT}
    assert ok(desk.read(comment["id"]))["status"] == "deleted"


# Legal holds ------------------------------------------------------------------------------


def test_a_legal_hold_is_placed_listed_and_released_once(desk: Desk) -> None:
    body = {
        "reference": "ATIP-2026-041",
        "reason": "Access request about the arena posts",
        "account_id": desk.account["id"],
        "author_handle": "@Riverside_Resident",
        "posted_from": "2026-01-01",
        "posted_to": "2026-12-31",
    }
    auditor = desk.registry.headers(Role.AUDITOR)
    hold = ok(desk.client.post(HOLDS, json=body, headers=auditor), 201)
    assert hold["released_at"] is None
    assert_problem(
        desk.client.post(HOLDS, json={**body, "posted_to": "2025-12-31"}, headers=auditor),
        422,
        "/problems/period-invalid",
    )
    assert_problem(desk.client.post(HOLDS, json=body, headers=desk.first.headers), 403)
    unknown = {**body, "account_id": str(uuid.uuid4())}
    assert_problem(
        desk.client.post(HOLDS, json=unknown, headers=auditor), 422, "/problems/legal-hold-invalid"
    )
    url = f"{HOLDS}/{hold['id']}"
    etag = desk.client.get(url, headers=auditor).headers["ETag"]
    release = f"{url}/release"
    assert_problem(desk.client.post(release, json={"reason": "Done"}, headers=auditor), 428)

    released = ok(
        desk.client.post(release, json={"reason": "Done"}, headers={**auditor, "If-Match": etag})
    )

    assert released["released_at"] is not None
    again = desk.client.post(
        release,
        json={"reason": "Done"},
        headers={**auditor, "If-Match": f'"{released["version"]}"'},
    )
    assert_problem(again, 409, "/problems/legal-hold-released")
    active = ok(desk.client.get(HOLDS, params={"active": "true"}, headers=auditor))
    assert active["total"] == 0


# Purge ------------------------------------------------------------------------------------


def _insert_comment(
    desk: Desk, posted: dt.datetime, retain_until: dt.date, author: str, **fields: Any
) -> uuid.UUID:
    comment = Comment(
        id=uuid.uuid4(),
        account_id=uuid.UUID(desk.account["id"]),
        external_id=f"ext-{uuid.uuid4().hex[:12]}",
        author_handle=author,
        author_key=author.lstrip("@").casefold(),
        text=f"Comment by {author}",
        posted_at=posted,
        received_at=posted,
        submitted_by="tests",
        screening_decision="allow",
        screening_categories=[],
        retention_class="comment",
        retain_until=retain_until,
        **fields,
    )
    with desk.database.transaction() as session:
        session.add(comment)
    return comment.id


def _open_appeal_on(desk: Desk, comment_id: uuid.UUID) -> None:
    """An open appeal of a hide, written as the service would have left it."""
    with desk.database.transaction() as session:
        citation = session.execute(select(ModerationAction).limit(1)).scalar()
        del citation
        from app.moderation.reason_codes import cite

        rules = _rules(desk.database.settings)
        clause = cite(session, rules, "16.1(e)", rules.town_date())
        assert clause is not None
        action = ModerationAction(
            id=uuid.uuid4(),
            comment_id=comment_id,
            account_id=uuid.UUID(desk.account["id"]),
            author_key="x",
            action="hide",
            reason_code="personal_information",
            clause_policy_id=clause.policy_id,
            clause_version_id=clause.version_id,
            clause_version_label=clause.version_label,
            clause_ref=clause.ref,
            clause_title=clause.title,
            status_before="visible",
            status_after="hidden",
            moderator_person_id=uuid.UUID(desk.first.id),
            acted_by="tests",
            acted_by_actor_id="tests",
        )
        session.add(action)
        session.flush()
        session.add(
            Appeal(
                action_id=action.id,
                comment_id=comment_id,
                account_id=action.account_id,
                statement="Please look again",
                status="open",
            )
        )


def _clear(desk: Desk) -> None:
    with desk.database.transaction() as session:
        for model in (Appeal, ModerationAction, Comment, LegalHold):
            session.execute(delete(model))


AUTHORS = ("@ana", "@ben", "@cy")
DAY = dt.timedelta(days=1)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    comments=st.lists(
        st.tuples(
            st.integers(0, 1000),  # posted this many days before the base date
            st.integers(-30, 800),  # retained this many days after it was posted
            st.sampled_from(AUTHORS),
            st.booleans(),  # an open appeal rests on it
        ),
        min_size=1,
        max_size=10,
    ),
    holds=st.lists(
        st.tuples(
            st.sampled_from((None, *AUTHORS)),
            st.one_of(st.none(), st.tuples(st.integers(0, 1000), st.integers(0, 200))),
            st.booleans(),  # released
        ),
        max_size=3,
    ),
    judged=st.integers(-10, 1000),  # the purge runs this many days after the base date
)
def test_a_purge_takes_only_what_retention_and_holds_allow(
    desk: Desk,
    comments: list[tuple[int, int, str, bool]],
    holds: list[tuple[str | None, tuple[int, int] | None, bool]],
    judged: int,
) -> None:
    _clear(desk)
    rules = _rules(desk.database.settings)
    base = dt.date(2025, 6, 1)
    made: dict[uuid.UUID, tuple[dt.date, dt.date, str, bool]] = {}
    for posted_ago, kept_days, author, appealed in comments:
        posted_on = base - posted_ago * DAY
        posted = dt.datetime.combine(posted_on, dt.time(12), dt.UTC)  # 7 or 8 a.m. in town
        retain_until = posted_on + kept_days * DAY
        comment_id = _insert_comment(desk, posted, retain_until, author)
        if appealed:
            _open_appeal_on(desk, comment_id)
        made[comment_id] = (posted_on, retain_until, author, appealed)
    active_holds = []
    with desk.database.transaction() as session:
        for author, period, released in holds:
            start = base - period[0] * DAY if period else None
            end = start + period[1] * DAY if start and period else None
            session.add(
                LegalHold(
                    reference="H",
                    reason="test",
                    author_handle=author,
                    author_key=author.lstrip("@") if author else None,
                    posted_from=start,
                    posted_to=end,
                    placed_by="tests",
                    released_at=dt.datetime.now(dt.UTC) if released else None,
                )
            )
            if not released:
                active_holds.append((author, start, end))
    on = base + judged * DAY

    def held(posted_on: dt.date, author: str) -> bool:
        return any(
            (a is None or a == author)
            and (s is None or s <= posted_on)
            and (e is None or posted_on <= e)
            for a, s, e in active_holds
        )

    with desk.database.transaction() as session:
        result = records.purge(session, system_actor("tests"), rules, on=on)

    expected = {
        cid
        for cid, (posted_on, until, author, appealed) in made.items()
        if until < on and not held(posted_on, author) and not appealed
    }
    assert set(result.purged) == expected
    remaining = {uuid.UUID(i) for i in _comment_rows(desk)}
    assert remaining == set(made) - expected
    for cid in remaining:
        posted_on, until, author, appealed = made[cid]
        assert until >= on or held(posted_on, author) or appealed


def test_purge_from_the_command_line_is_audited_and_a_dry_run_removes_nothing(
    desk: Desk, cli_env: Callable[..., tuple[int, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=800)
    expired = _insert_comment(desk, old, old.date() + 365 * DAY, "@ana")
    held = _insert_comment(desk, old, old.date() + 365 * DAY, "@ben")
    fresh = desk.comment(PLAIN_COMMENT)
    ok(
        desk.client.post(
            HOLDS,
            json={"reference": "LIT-7", "reason": "Litigation", "author_handle": "ben"},
            headers=desk.admin,
        ),
        201,
    )

    code, out = cli_env("purge", "--dry-run", capsys=capsys)
    assert code == 0
    assert f"would purge: comment {expired}" in out
    assert len(_comment_rows(desk)) == 3

    code, out = cli_env("purge", capsys=capsys)

    assert code == 0
    assert "1 comments purged" in out
    assert "1 kept by a legal hold" in out
    assert set(_comment_rows(desk)) == {str(held), fresh["id"]}
    with desk.database.session() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "comment.purged")
        ).one()
    assert event.entity_id == str(expired)
    assert event.before is not None
    assert "text" not in event.before
    assert event.before["text_sha256"]
    assert ok(desk.client.get("/api/v1/audit-events/verify", headers=desk.admin))["valid"] is True


# Export -----------------------------------------------------------------------------------


def test_the_export_holds_every_comment_action_reason_and_appeal(desk: Desk) -> None:
    hidden = desk.comment(PHONE_COMMENT)
    deleted = desk.comment('=HYPERLINK("http://spam.example") cheap pills', author_handle="@pills")
    plain = desk.comment(PLAIN_COMMENT)
    elsewhere = desk.comment(PLAIN_COMMENT, account_id=desk.other["id"])
    outcome = ok(desk.act(hidden["id"], "hide", "personal_information"), 201)
    ok(desk.act(deleted["id"], "delete", "spam"), 201)
    ok(desk.appeal(outcome["notice"]["appeal_token"], "It was the library's number"), 201)
    auditor = desk.registry.headers(Role.AUDITOR)
    url = f"{MODERATION}/export"

    response = desk.client.get(url, params={"account_id": desk.account["id"]}, headers=auditor)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert {line["id"] for line in lines} == {hidden["id"], deleted["id"], plain["id"]}
    by_id = {line["id"]: line for line in lines}
    assert by_id[hidden["id"]]["text"] == PHONE_COMMENT
    assert by_id[hidden["id"]]["status"] == "hidden"
    (action,) = by_id[hidden["id"]]["actions"]
    assert (action["reason_code"], action["clause"]["ref"]) == ("personal_information", "16.1(e)")
    assert by_id[hidden["id"]]["appeals"][0]["statement"] == "It was the library's number"
    assert by_id[deleted["id"]]["status"] == "deleted"

    as_csv = desk.client.get(url, params={"format": "csv"}, headers=auditor)
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert {r["comment_id"] for r in rows} == {
        hidden["id"],
        deleted["id"],
        plain["id"],
        elsewhere["id"],
    }
    (spam_row,) = [r for r in rows if r["comment_id"] == deleted["id"]]
    assert spam_row["text"].startswith("'="), "a formula is written as text"
    assert (spam_row["action"], spam_row["clause_ref"]) == ("delete", "16.1(f)")
    hidden_row = next(r for r in rows if r["comment_id"] == hidden["id"])
    assert hidden_row["appeal_status"] == "open"

    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).date().isoformat()
    later = desk.client.get(url, params={"from": tomorrow}, headers=auditor)
    assert later.text == ""


def test_the_export_is_for_auditors_and_refuses_bad_periods(desk: Desk) -> None:
    url = f"{MODERATION}/export"
    auditor = desk.registry.headers(Role.AUDITOR)
    for headers in (desk.first.headers, desk.registry.approver, desk.integration):
        assert_problem(desk.client.get(url, headers=headers), 403, "/problems/role-required")
    assert_problem(
        desk.client.get(url, params={"from": "2026-02-01", "to": "2026-01-01"}, headers=auditor),
        422,
        "/problems/period-invalid",
    )
    assert_problem(
        desk.client.get(url, params={"account_id": str(uuid.uuid4())}, headers=auditor),
        404,
        "/problems/account-not-found",
    )
    assert_problem(desk.client.get(url, params={"format": "xml"}, headers=auditor), 422)


def test_comments_in_export_stay_in_one_snapshot_across_batches(desk: Desk) -> None:
    base = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    for n in range(records._EXPORT_BATCH + 20):
        _insert_comment(desk, base + dt.timedelta(seconds=n), base.date() + 365 * DAY, f"@p{n}")
    stream = records.export_stream(
        desk.database, account_id=None, since=None, until=None, format="jsonl"
    )
    first = next(stream)
    _insert_comment(desk, base + dt.timedelta(hours=2), base.date() + 365 * DAY, "@late")
    rest = b"".join(stream)
    assert len((first + rest).splitlines()) == records._EXPORT_BATCH + 20
    with desk.database.session() as session:
        assert (
            session.scalar(select(func.count()).select_from(Comment)) == records._EXPORT_BATCH + 21
        )
