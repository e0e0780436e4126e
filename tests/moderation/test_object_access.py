"""A moderator of one account can neither read nor change the comments, actions, blocks or
appeals of another: every such route answers as if they did not exist (a test walks them)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from fastapi import FastAPI

from app.core.routing import route_table
from tests.moderation.conftest import MODERATION, Desk, Moderator
from tests.training.conftest import ok

_PARAM = re.compile(r"{(\w+)}")
BODIES: dict[str, dict[str, Any]] = {
    "/api/v1/comments/{comment_id}/actions": {"action": "hide", "reason_code": "spam"},
    f"{MODERATION}/blocks/{{block_id}}/decision": {"approve": True, "reason": "Looks fine"},
    f"{MODERATION}/appeals/{{appeal_id}}/decision": {"outcome": "denied", "reason": "Fine"},
}


def _scoped_routes(app: FastAPI) -> list[tuple[str, str]]:
    names = {"comment_id", "action_id", "block_id", "appeal_id"}
    return sorted(
        (method, entry.path)
        for entry in route_table(app)
        if set(_PARAM.findall(entry.path)) & names
        for method in entry.methods - {"HEAD"}
    )


def _scene(desk: Desk) -> dict[str, str]:
    """A comment on the first account with a hide, an open appeal and a pending block."""
    comment = desk.comment()
    hidden = ok(desk.act(comment["id"], "hide", "personal_information"), 201)
    appeal = ok(desk.appeal(hidden["notice"]["appeal_token"]), 201)
    block = ok(desk.act(comment["id"], "block", "repeated_breaches"), 201)["block"]
    return {
        "comment_id": comment["id"],
        "action_id": hidden["action"]["id"],
        "appeal_id": appeal["id"],
        "block_id": block["id"],
    }


def _call(desk: Desk, method: str, template: str, ids: dict[str, str], who: Moderator) -> Any:
    path = _PARAM.sub(lambda m: ids[m.group(1)], template)
    body = BODIES[template] if method == "POST" else None
    return desk.client.request(method, path, json=body, headers={**who.headers, "If-Match": '"1"'})


def test_every_scoped_route_answers_for_another_account_as_for_nothing(
    desk: Desk, app: FastAPI
) -> None:
    routes = _scoped_routes(app)
    assert len(routes) >= 8, routes
    ids = _scene(desk)
    ghost = {name: str(uuid.uuid4()) for name in ids}
    outsider = desk.moderator(desk.other)
    failures = []
    for method, template in routes:
        theirs = _call(desk, method, template, ids, outsider)
        nothing = _call(desk, method, template, ghost, outsider)
        shape = [(r.status_code, r.json().get("type")) for r in (theirs, nothing)]
        if theirs.status_code != 404 or shape[0] != shape[1]:
            failures.append(f"{method} {template}: {shape}")
    assert failures == []
    # Nothing changed.
    after = ok(desk.read(ids["comment_id"]))
    assert [a["action"] for a in after["actions"]] == ["hide", "block"]
    assert after["block"]["status"] == "pending"


def test_lists_never_show_another_account_s_records(desk: Desk) -> None:
    ids = _scene(desk)
    outsider = desk.moderator(desk.other)
    for path in (
        "/api/v1/comments",
        *(f"{MODERATION}/{k}" for k in ("actions", "blocks", "appeals")),
    ):
        mine = ok(desk.client.get(path, headers=desk.second.headers))
        theirs = ok(desk.client.get(path, headers=outsider.headers))
        assert mine["total"] >= 1, path
        assert theirs["total"] == 0, path
    del ids
