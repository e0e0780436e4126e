"""The published list: kept by administrators, public to read, every entry citing a clause
of the policy in force."""

from __future__ import annotations

from app.core.actor import Role
from tests.core.problems import assert_problem
from tests.moderation.conftest import MODERATION, Desk
from tests.training.conftest import ok

CODES = f"{MODERATION}/reason-codes"


def _body(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "code": "impersonation",
        "label": "Impersonation",
        "description": "Pretends to be another person or a Town account.",
        "clause_ref": "Section 16.1 (C)",
        "actions": ["hide", "delete"],
    }
    body.update(overrides)
    return body


def test_an_administrator_publishes_a_reason_citing_a_clause_in_force(desk: Desk) -> None:
    created = desk.client.post(CODES, json=_body(), headers=desk.admin)

    code = ok(created, 201)
    assert created.headers["Location"] == f"{CODES}/impersonation"
    assert code["clause_ref"] == "16.1(c)", "the reference is stored in its canonical form"
    assert (code["clause"]["ref"], code["clause"]["version_label"]) == ("16.1(c)", "2024")
    public = desk.client.get(f"{CODES}/impersonation")
    assert ok(public)["label"] == "Impersonation"
    assert public.headers["ETag"] == '"1"'
    listed = ok(desk.client.get(CODES, params={"page_size": 100}))
    assert "impersonation" in {c["code"] for c in listed["items"]}


def test_bad_reason_codes_are_refused_and_nothing_is_written(desk: Desk) -> None:
    cases: list[tuple[dict[str, object], int, str]] = [
        (_body(code="spam"), 409, "reason-code-exists"),
        (_body(clause_ref="99.9"), 422, "reason-code-clause-not-in-force"),
        (_body(clause_ref="not a ref!"), 422, "validation-error"),
        (_body(code="Has Spaces"), 422, "validation-error"),
        (_body(actions=[]), 422, "validation-error"),
        (_body(actions=["hide", "hide"]), 422, "validation-error"),
        (_body(actions=["mute"]), 422, "validation-error"),
        (_body(label="two\nlines"), 422, "validation-error"),
        (_body(description="password: hunter2"), 422, "validation-error"),
    ]
    for body, status, problem in cases:
        assert_problem(
            desk.client.post(CODES, json=body, headers=desk.admin), status, f"/problems/{problem}"
        )
    for role in (Role.APPROVER, Role.MODERATOR, Role.AUDITOR):
        assert_problem(
            desk.client.post(CODES, json=_body(), headers=desk.registry.headers(role)), 403
        )
    assert_problem(
        desk.client.get(f"{CODES}/impersonation"), 404, "/problems/reason-code-not-found"
    )


def test_a_reason_is_revised_retired_and_brought_back_with_if_match(desk: Desk) -> None:
    url = f"{CODES}/threat"
    assert_problem(desk.client.patch(url, json={"label": "Threats"}, headers=desk.admin), 428)
    revised = ok(
        desk.client.patch(
            url,
            json={"label": "Threats", "clause_ref": "16.1(c)"},
            headers={**desk.admin, "If-Match": '"1"'},
        )
    )
    assert (revised["label"], revised["clause_ref"], revised["version"]) == (
        "Threats",
        "16.1(c)",
        2,
    )
    assert_problem(
        desk.client.patch(
            url, json={"clause_ref": "42"}, headers={**desk.admin, "If-Match": '"2"'}
        ),
        422,
        "/problems/reason-code-clause-not-in-force",
    )
    assert_problem(
        desk.client.patch(url, json={"label": None}, headers={**desk.admin, "If-Match": '"2"'}), 422
    )
    assert_problem(
        desk.client.patch(url, json={"retired": True}, headers={**desk.admin, "If-Match": '"1"'}),
        412,
        "/problems/stale-version",
    )
    retired = ok(
        desk.client.patch(url, json={"retired": True}, headers={**desk.admin, "If-Match": '"2"'})
    )
    assert retired["retired_at"] is not None
    assert "threat" not in {
        c["code"] for c in ok(desk.client.get(CODES, params={"page_size": 100}))["items"]
    }
    everything = ok(desk.client.get(CODES, params={"page_size": 100, "include_retired": "true"}))
    assert "threat" in {c["code"] for c in everything["items"]}
    back = ok(
        desk.client.patch(url, json={"retired": False}, headers={**desk.admin, "If-Match": '"3"'})
    )
    assert back["retired_at"] is None
    comment = desk.comment()
    action = ok(desk.act(comment["id"], "hide", "threat"), 201)["action"]
    assert action["clause"]["ref"] == "16.1(c)", "the action cites the revised clause"
