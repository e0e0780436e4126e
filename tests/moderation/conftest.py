"""Builders the moderation tests share: the sample town's policy and published reason codes,
two active accounts, trained moderators holding grants on the first, and comments captured
through the API as a city system would send them."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.actor import Role, system_actor
from app.core.db import Database
from app.moderation.samples import seed_sample_reason_codes
from tests.accounts.conftest import Registry, registry  # noqa: F401  (fixture)
from tests.training.conftest import Training, ok, seed_town, today, training  # noqa: F401

COMMENTS = "/api/v1/comments"
MODERATION = "/api/v1/moderation"
APPEALS = "/api/v1/public/appeals"
PHONE_COMMENT = "My neighbour Dana is at (613) 555-0143 if you want to tell her off yourself."
PLAIN_COMMENT = "The arena schedule is wrong again and council should fix it."
_external_ids = itertools.count(1)


def seed_reason_codes(database: Database) -> None:
    with database.transaction() as session:
        seed_sample_reason_codes(session, system_actor("tests"))


@dataclass
class Moderator:
    person: dict[str, Any]
    headers: dict[str, str]

    @property
    def id(self) -> str:
        return str(self.person["id"])


@dataclass
class Desk:
    """A town with its terms of engagement in force, the published reason codes, two active
    accounts (``account`` and ``other``) and two trained moderators of ``account``."""

    client: TestClient
    registry: Registry
    training: Training
    database: Database
    account: dict[str, Any]
    other: dict[str, Any]
    first: Moderator
    second: Moderator
    integration: dict[str, str]

    @property
    def admin(self) -> dict[str, str]:
        return self.registry.admin

    def moderator(
        self, account: dict[str, Any] | None = None, *, trained: bool = True
    ) -> Moderator:
        """A new person with a moderator grant on ``account`` and a moderator key of their
        own; trained means the policy in force is acknowledged (the catalogue asks nothing
        more unless a test adds modules)."""
        person = self.registry.person()
        if trained:
            self.training.acknowledge(person["id"])
        self.registry.grant((account or self.account)["id"], person["id"], "moderator")
        return Moderator(person, self.registry.headers(Role.MODERATOR, person["id"]))

    def comment_body(self, text: str = PHONE_COMMENT, **overrides: Any) -> dict[str, Any]:
        body = {
            "account_id": self.account["id"],
            "external_id": f"fb-{next(_external_ids)}",
            "author_handle": "@riverside_resident",
            "text": text,
            "posted_at": (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat(),
        }
        body.update(overrides)
        return body

    def comment(self, text: str = PHONE_COMMENT, **overrides: Any) -> dict[str, Any]:
        response = self.client.post(
            COMMENTS, json=self.comment_body(text, **overrides), headers=self.integration
        )
        return dict(ok(response, 201))

    def read(self, comment_id: str, headers: dict[str, str] | None = None) -> Any:
        return self.client.get(f"{COMMENTS}/{comment_id}", headers=headers or self.admin)

    def act(
        self,
        comment_id: str,
        action: str,
        reason_code: str,
        by: Moderator | None = None,
        **fields: Any,
    ) -> Any:
        headers = (by or self.first).headers
        etag = self.read(comment_id).headers["ETag"]
        return self.client.post(
            f"{COMMENTS}/{comment_id}/actions",
            json={"action": action, "reason_code": reason_code, **fields},
            headers={**headers, "If-Match": etag},
        )

    def decide(self, kind: str, item_id: str, by: Moderator | dict[str, str], **body: Any) -> Any:
        """Decide a block or an appeal (``kind``: blocks or appeals)."""
        headers = by.headers if isinstance(by, Moderator) else by
        url = f"{MODERATION}/{kind}/{item_id}"
        etag = self.client.get(url, headers=self.admin).headers["ETag"]
        return self.client.post(f"{url}/decision", json=body, headers={**headers, "If-Match": etag})

    def appeal(self, token: str, statement: str = "I only asked a question.") -> Any:
        return self.client.post(APPEALS, json={"token": token, "statement": statement})


@pytest.fixture(autouse=True)
def _fresh_appeal_limiter(app: FastAPI) -> Iterator[None]:
    # The rate limiter lives with the app, which the whole session shares: each test starts
    # with no appeals counted.
    app.state.appeal_limiter = None
    yield
    app.state.appeal_limiter = None


@pytest.fixture
def desk(
    client: TestClient,
    registry: Registry,  # noqa: F811
    training: Training,  # noqa: F811
    database: Database,
    auth: Callable[[Role], dict[str, str]],
) -> Desk:
    seed_town(database)
    seed_reason_codes(database)
    account, other = registry.account("active"), registry.account("active")
    desk = Desk(
        client=client,
        registry=registry,
        training=training,
        database=database,
        account=account,
        other=other,
        first=None,  # type: ignore[arg-type]
        second=None,  # type: ignore[arg-type]
        integration=auth(Role.INTEGRATION),
    )
    desk.first = desk.moderator()
    desk.second = desk.moderator()
    return desk
