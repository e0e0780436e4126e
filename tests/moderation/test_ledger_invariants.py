"""A property-based state machine over comments, actions, blocks, appeals and decisions, all
through the API: whatever the sequence, every hide (every action) carries a reason code from
the published list that fits it and the clause it enforced, every comment is where its
actions left it, and no appeal is decided by a person who took part in the removal."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from app.core.actor import Role
from app.core.db import Database
from app.moderation.models import Appeal, AuthorBlock, Comment, ModerationAction, ReasonCode
from app.moderation.samples import SAMPLE_REASON_CODES
from tests.accounts.conftest import Registry
from tests.conftest import empty_tables
from tests.factories import create_department
from tests.moderation.conftest import APPEALS, COMMENTS, MODERATION, seed_reason_codes
from tests.training.conftest import seed_town

SETTINGS = settings(
    max_examples=20,
    stateful_step_count=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
ACTIONS = ("hide", "restore", "delete", "keep", "block", "unblock")
# The published codes, a retired one and one nobody published.
CODES = (*(code for code, *_ in SAMPLE_REASON_CODES), "rudeness")
ALLOWED = {code: {a.value for a in actions} for code, _, _, _, actions in SAMPLE_REASON_CODES}
AUTHORS = ("@ana", "@ben")
FROM = {
    "hide": {"visible"},
    "restore": {"hidden", "deleted"},
    "delete": {"visible", "hidden"},
    "keep": {"visible"},
    "block": {"visible", "hidden", "deleted"},
    "unblock": {"visible", "hidden", "deleted"},
}
TO = {"hide": "hidden", "restore": "visible", "delete": "deleted"}
_ids = itertools.count(1)


@dataclass
class Removal:
    action_id: str
    comment_id: str
    kind: str
    moderator: int
    approver: int | None = None


@dataclass
class Model:
    status: dict[str, str] = field(default_factory=dict)
    author: dict[str, str] = field(default_factory=dict)
    # Per author: ("pending" | "active", block id, requesting moderator), or absent.
    blocks: dict[str, tuple[str, str, int]] = field(default_factory=dict)


class Ledger(RuleBasedStateMachine):
    comments = Bundle[str]("comments")
    removals = Bundle[Removal]("removals")
    appeals = Bundle[tuple[str, Removal]]("appeals")

    def __init__(
        self, client: TestClient, database: Database, make_key: Callable[..., str]
    ) -> None:
        super().__init__()
        empty_tables(database)
        client.app.state.appeal_limiter = None  # type: ignore[attr-defined]  # a fresh count
        self.client = client
        self.database = database
        admin = {"Authorization": f"Bearer {make_key(Role.ADMIN)}"}
        registry = Registry(client, admin, make_key)
        registry.department_id = create_department(client, admin)["id"]
        registry.approver = registry.headers(
            Role.APPROVER, registry.person(person_type="cao")["id"]
        )
        seed_town(database)
        seed_reason_codes(database)
        self.admin = admin
        self.integration = {"Authorization": f"Bearer {make_key(Role.INTEGRATION)}"}
        self.account = registry.account("active")
        self.moderators: list[tuple[str, dict[str, str]]] = []
        for _ in range(3):
            person = registry.person()
            ack = client.post(
                "/api/v1/training/acknowledgements",
                json={"person_id": person["id"]},
                headers=self.integration,
            )
            assert ack.status_code == 201, ack.text
            registry.grant(self.account["id"], person["id"], "moderator")
            self.moderators.append((person["id"], registry.headers(Role.MODERATOR, person["id"])))
        retire = client.patch(
            f"{MODERATION}/reason-codes/sexual_content",
            json={"retired": True},
            headers={**admin, "If-Match": '"1"'},
        )
        assert retire.status_code == 200, retire.text
        self.model = Model()

    # Rules --------------------------------------------------------------------------------

    @rule(target=comments, author=st.sampled_from(AUTHORS))
    def capture(self, author: str) -> str:
        body = {
            "account_id": self.account["id"],
            "external_id": f"c{next(_ids)}",
            "author_handle": author,
            "text": "Call (613) 555-0143 about the dog.",
            "posted_at": (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)).isoformat(),
        }
        response = self.client.post(COMMENTS, json=body, headers=self.integration)
        assert response.status_code == 201, response.text
        comment_id: str = response.json()["id"]
        self.model.status[comment_id] = "visible"
        self.model.author[comment_id] = author
        return comment_id

    def _expected(self, comment_id: str, action: str, code: str) -> int:
        if code not in ALLOWED or code == "sexual_content":
            return 422
        if action not in ALLOWED[code]:
            return 422
        if self.model.status[comment_id] not in FROM[action]:
            return 409
        block = self.model.blocks.get(self.model.author[comment_id])
        if action == "block" and block is not None:
            return 409
        if action == "unblock" and (block is None or block[0] != "active"):
            return 409
        return 201

    @rule(
        target=removals,
        comment_id=comments,
        action=st.sampled_from(ACTIONS),
        code=st.sampled_from(CODES),
        moderator=st.integers(0, 2),
    )
    def act(self, comment_id: str, action: str, code: str, moderator: int) -> Any:
        etag = self.client.get(f"{COMMENTS}/{comment_id}", headers=self.admin).headers["ETag"]
        response = self.client.post(
            f"{COMMENTS}/{comment_id}/actions",
            json={"action": action, "reason_code": code},
            headers={**self.moderators[moderator][1], "If-Match": etag},
        )
        expected = self._expected(comment_id, action, code)
        assert response.status_code == expected, (action, code, response.text)
        if expected != 201:
            return multiple()
        outcome = response.json()
        self.model.status[comment_id] = TO.get(action, self.model.status[comment_id])
        author = self.model.author[comment_id]
        if action == "block":
            self.model.blocks[author] = ("pending", outcome["block"]["id"], moderator)
        elif action == "unblock":
            del self.model.blocks[author]
        if action in ("hide", "delete"):
            return Removal(outcome["action"]["id"], comment_id, action, moderator)
        if action == "block":
            return Removal(outcome["action"]["id"], comment_id, action, moderator)
        return multiple()

    @rule(author=st.sampled_from(AUTHORS), decider=st.integers(0, 2), approve=st.booleans())
    def decide_block(self, author: str, decider: int, approve: bool) -> None:
        block = self.model.blocks.get(author)
        if block is None or block[0] != "pending":
            return
        url = f"{MODERATION}/blocks/{block[1]}"
        etag = self.client.get(url, headers=self.admin).headers["ETag"]
        response = self.client.post(
            f"{url}/decision",
            json={"approve": approve, "reason": "Second look"},
            headers={**self.moderators[decider][1], "If-Match": etag},
        )
        if decider == block[2]:
            assert response.status_code == 403, response.text
            return
        assert response.status_code == 200, response.text
        if approve:
            self.model.blocks[author] = ("active", block[1], block[2])
        else:
            del self.model.blocks[author]

    @rule(target=appeals, removal=removals)
    def appeal(self, removal: Removal) -> Any:
        notice = self.client.get(
            f"{MODERATION}/actions/{removal.action_id}/notice", headers=self.admin
        )
        if notice.status_code == 409:  # a block not (or no longer) approved
            return multiple()
        response = self.client.post(
            APPEALS, json={"token": notice.json()["appeal_token"], "statement": "Why?"}
        )
        if response.status_code != 201:
            assert response.status_code in (409, 422), response.text  # used, moot
            return multiple()
        if removal.kind == "block":
            with self.database.session() as session:
                approver = session.scalar(
                    select(AuthorBlock.decided_by_person_id).where(
                        AuthorBlock.requested_action_id == uuid.UUID(removal.action_id)
                    )
                )
            removal.approver = next(
                i for i, (pid, _) in enumerate(self.moderators) if pid == str(approver)
            )
        return (response.json()["id"], removal)

    @rule(appeal=appeals, decider=st.integers(0, 2), upheld=st.booleans())
    def decide_appeal(self, appeal: tuple[str, Removal], decider: int, upheld: bool) -> None:
        appeal_id, removal = appeal
        url = f"{MODERATION}/appeals/{appeal_id}"
        current = self.client.get(url, headers=self.admin)
        if current.json()["status"] != "open":
            return
        body: dict[str, Any] = {"outcome": "upheld" if upheld else "denied", "reason": "Looked"}
        if upheld:
            body["reason_code"] = "reconsidered"
        response = self.client.post(
            f"{url}/decision",
            json=body,
            headers={**self.moderators[decider][1], "If-Match": current.headers["ETag"]},
        )
        if decider in (removal.moderator, removal.approver):
            assert response.status_code == 403, response.text
            return
        assert response.status_code == 200, response.text
        remedy = response.json()["remedy_action_id"]
        if remedy is None:
            return
        if removal.kind == "block":
            del self.model.blocks[self.model.author[removal.comment_id]]
        else:
            self.model.status[removal.comment_id] = "visible"

    # Invariants ---------------------------------------------------------------------------

    @invariant()
    def every_action_cites_a_published_reason_that_fits_it(self) -> None:
        with self.database.session() as session:
            published = {c.code: set(c.actions) for c in session.scalars(select(ReasonCode))}
            for action in session.scalars(select(ModerationAction)):
                assert action.action in published[action.reason_code], action.reason_code
                assert action.clause_ref
                assert action.clause_version_id is not None
                assert action.moderator_person_id is not None

    @invariant()
    def comments_are_where_their_actions_left_them(self) -> None:
        with self.database.session() as session:
            rows = dict(session.execute(select(Comment.id, Comment.status)).all())
        assert {str(k): v for k, v in rows.items()} == self.model.status

    @invariant()
    def no_appeal_is_decided_by_someone_who_took_part(self) -> None:
        with self.database.session() as session:
            decided = session.execute(
                select(Appeal.decided_by_person_id, ModerationAction.moderator_person_id)
                .join(ModerationAction, ModerationAction.id == Appeal.action_id)
                .where(Appeal.decided_by_person_id.is_not(None))
            ).all()
            approvers = session.execute(
                select(Appeal.decided_by_person_id, AuthorBlock.decided_by_person_id).join(
                    AuthorBlock, AuthorBlock.requested_action_id == Appeal.action_id
                )
            ).all()
        assert all(decider != moderator for decider, moderator in decided)
        assert all(decider != approver for decider, approver in approvers if decider)


def test_no_sequence_breaks_the_ledger(
    client: TestClient, database: Database, make_key: Callable[..., str]
) -> None:
    class Town(Ledger):
        def __init__(self) -> None:
            super().__init__(client, database, make_key)

    run_state_machine_as_test(Town, settings=SETTINGS)
