"""No gated action is possible for an ineligible person, through any route.

Owners, publishers and moderators must be trained and have acknowledged the policy in force.
The walk below takes one person who holds all three roles on an emergency channel, makes
them ineligible in each way there is (never trained, training expired, one competency
missing, a module retired with retraining, the acknowledgement overdue), and tries every
gated operation of a declarative table: each must be refused, and each must be allowed
again once the person is made eligible, so that the walk fails when a gate is open or stuck.
A last test fails when a route that gives a grant, uses one, decides a review or moderates a
comment is missing from the table."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.accounts.posture import GATED_ROLES
from app.audit.models import AuditEvent
from app.core.actor import Role
from app.core.db import Database
from app.core.routing import route_table
from tests.accounts.conftest import Registry
from tests.core.problems import assert_problem
from tests.moderation.conftest import seed_reason_codes
from tests.training.conftest import Training, days, ok, seed_town

Auth = Callable[[Role], dict[str, str]]
ACCOUNTS = "/api/v1/accounts"
REVIEWS = "/api/v1/screening-reviews"
GRANTS = "/api/v1/accounts/{account_id}/grants"
COMMENTS = "/api/v1/comments"
# Mild profanity in a staff draft: below the removal severity, so a moderator decides.
DRAFT_FOR_REVIEW = "Damn, the rink is closed again this weekend. Sorry folks."
UNTRAINED = "moderator_untrained"
NO_TRAINED_MODERATOR = "emergency_channel_without_trained_moderator"


@dataclass
class Walk:
    """The town the walk happens in: ``holder`` owns, publishes and moderates ``channel``
    (an approved emergency channel) and is offered grants on ``elsewhere``; ``newcomer`` is
    someone the holder, as the channel's owner, tries to give a grant to."""

    client: TestClient
    registry: Registry
    training: Training
    database: Database
    today: dt.date
    holder: dict[str, Any]
    newcomer: dict[str, Any]
    channel: dict[str, Any]
    elsewhere: dict[str, Any]
    grants: dict[str, dict[str, Any]]
    review_id: str = ""
    comments: list[dict[str, Any]] = field(default_factory=list)
    gap_kinds: tuple[str, ...] = ()
    remedy_module_id: str | None = None

    @property
    def admin(self) -> dict[str, str]:
        return self.registry.admin

    @property
    def holder_id(self) -> str:
        return str(self.holder["id"])

    def as_holder(self, role: Role) -> dict[str, str]:
        return self.registry.headers(role, self.holder_id)

    def grant_of(self, role: str) -> dict[str, Any]:
        url = f"{ACCOUNTS}/{self.channel['id']}/grants/{self.grants[role]['id']}"
        return dict(ok(self.client.get(url, headers=self.admin)))

    def grants_on(self, account: dict[str, Any], person_id: str) -> list[dict[str, Any]]:
        page = ok(
            self.client.get(
                f"{ACCOUNTS}/{account['id']}/grants",
                params={"person_id": person_id},
                headers=self.admin,
            )
        )
        return list(page["items"])

    def posture_codes(self) -> dict[str, dict[str, Any]]:
        posture = ok(
            self.client.get(f"{ACCOUNTS}/{self.channel['id']}/posture", headers=self.admin)
        )
        return {f["code"]: f for f in posture["findings"]}

    def colleague(self) -> dict[str, str]:
        """Another moderator of the channel, trained and eligible: their key."""
        person = self.registry.person()
        self.training.acknowledge(str(person["id"]))
        modules = ok(self.client.get("/api/v1/training/modules", headers=self.admin))["items"]
        for module in modules:
            self.training.complete(str(person["id"]), module["id"])
        self.registry.grant(self.channel["id"], person["id"], "moderator")
        return self.registry.headers(Role.MODERATOR, str(person["id"]))

    def comment(self) -> dict[str, Any]:
        """A comment on the channel with a phone number in it."""
        body = {
            "account_id": self.channel["id"],
            "external_id": f"walk-{len(self.comments)}",
            "author_handle": f"@walker_{len(self.comments)}",
            "text": "Call my neighbour at (613) 555-0143, she knows.",
            "posted_at": dt.datetime.now(dt.UTC).isoformat(),
        }
        response = self.client.post(COMMENTS, json=body, headers=self.registry.integration)
        comment = dict(ok(response, 201))
        self.comments.append(comment)
        return comment

    def act(self, comment: dict[str, Any], action: str, code: str, headers: dict[str, str]) -> Any:
        return self.client.post(
            f"{COMMENTS}/{comment['id']}/actions",
            json={"action": action, "reason_code": code},
            headers={**headers, "If-Match": f'"{comment["version"]}"'},
        )

    def decide(self, kind: str, item_id: str, body: dict[str, Any]) -> Any:
        url = f"/api/v1/moderation/{kind}/{item_id}"
        etag = self.client.get(url, headers=self.admin).headers["ETag"]
        return self.client.post(
            f"{url}/decision",
            json=body,
            headers={**self.as_holder(Role.MODERATOR), "If-Match": etag},
        )

    def train_everyone_else(self) -> None:
        """The newcomer acknowledges the policy and takes every current module today."""
        self.training.acknowledge(str(self.newcomer["id"]))
        modules = ok(self.client.get("/api/v1/training/modules", headers=self.admin))["items"]
        for module in modules:
            self.training.complete(str(self.newcomer["id"]), module["id"])


def _build(
    client: TestClient, registry: Registry, training: Training, database: Database, auth: Auth
) -> Walk:
    """Everyone holds their grants before any training rule or policy exists; then the sample
    policy comes into force and a staff draft waits for a moderator."""
    holder = registry.person(given_name="Hollis", family_name="Holder")
    request = registry.request()
    approved = registry.move(
        request["id"], "approve", headers=registry.approver, approved_emergency_channel=True
    )
    channel = registry.move(approved["id"], "activate")
    assert channel["approved_emergency_channel"] is True
    grants = {str(r): registry.grant(channel["id"], holder["id"], str(r)) for r in GATED_ROLES}
    walk = Walk(
        client=client,
        registry=registry,
        training=training,
        database=database,
        today=training.today,
        holder=holder,
        newcomer=registry.person(given_name="Nia", family_name="Newcomer"),
        channel=channel,
        elsewhere=registry.account("active"),
        grants=grants,
    )
    seed_town(database)
    seed_reason_codes(database)
    verdict = ok(
        client.post(
            "/api/v1/screenings",
            json={"text": DRAFT_FOR_REVIEW, "kind": "post"},
            headers=auth(Role.STAFF),
        ),
        201,
    )
    assert verdict["decision"] == "review", verdict
    walk.review_id = verdict["review_id"]
    return walk


# Ways of being ineligible -----------------------------------------------------------------


@dataclass(frozen=True)
class Ineligibility:
    """A way of being ineligible: ``make`` brings it about for the walk's holder and returns
    the module whose completion today makes them eligible again (None: acknowledging the
    policy does); ``gap_kinds`` is what eligibility then reports."""

    name: str
    gap_kinds: tuple[str, ...]
    make: Callable[[Walk], str | None]


def _never_trained(walk: Walk) -> str | None:
    walk.training.acknowledge(walk.holder_id)
    module = walk.training.module("SM-101", ["policy_compliance", "handling_harassment"])
    return str(module["id"])


def _expired(walk: Walk) -> str | None:
    walk.training.acknowledge(walk.holder_id)
    module = walk.training.module("SM-101", ["policy_compliance"], validity_days=30)
    walk.training.complete(walk.holder_id, module["id"], walk.today - days(40))
    return str(module["id"])


def _missing_one_competency(walk: Walk) -> str | None:
    walk.training.acknowledge(walk.holder_id)
    policy = walk.training.module("SM-101", ["policy_compliance"])
    harassment = walk.training.module("MOD-201", ["handling_harassment"])
    walk.training.complete(walk.holder_id, policy["id"], walk.today - days(5))
    return str(harassment["id"])


def _retired_with_retraining(walk: Walk) -> str | None:
    walk.training.acknowledge(walk.holder_id)
    old = walk.training.module("SM-101", ["policy_compliance"], version="2024.1")
    walk.training.complete(walk.holder_id, old["id"], walk.today - days(10))
    new = walk.training.module("SM-101", ["policy_compliance"], version="2025.1")
    walk.training.retire(old["id"], requires_retraining=True)
    return str(new["id"])


def _acknowledgement_overdue(walk: Walk) -> str | None:
    module = walk.training.module("SM-101", ["policy_compliance"])
    walk.training.complete(walk.holder_id, module["id"])
    return None


INELIGIBILITIES = [
    Ineligibility("never trained", ("missing", "missing"), _never_trained),
    Ineligibility("expired", ("expired",), _expired),
    Ineligibility("missing one competency", ("missing",), _missing_one_competency),
    Ineligibility("retired with retraining", ("retraining",), _retired_with_retraining),
    Ineligibility(
        "acknowledgement overdue", ("acknowledgement_overdue",), _acknowledgement_overdue
    ),
]


def _make_ineligible(walk: Walk, kind: Ineligibility) -> None:
    walk.remedy_module_id = kind.make(walk)
    walk.gap_kinds = kind.gap_kinds
    for role in GATED_ROLES:
        verdict = walk.training.eligibility(walk.holder_id, role)
        assert [g["kind"] for g in verdict["gaps"]] == list(kind.gap_kinds), (role, verdict)
        assert verdict["eligible"] is False


def _make_eligible(walk: Walk) -> None:
    if walk.remedy_module_id is None:
        walk.training.acknowledge(walk.holder_id)
    else:
        walk.training.complete(walk.holder_id, walk.remedy_module_id)
    for role in GATED_ROLES:
        assert walk.training.eligibility(walk.holder_id, role)["eligible"] is True, role


# Gated operations -------------------------------------------------------------------------


@dataclass(frozen=True)
class GatedOperation:
    """One thing an ineligible person must not be able to do (or have done for them), the
    route it goes through, how its refusal shows and how it shows once they are eligible.
    ``hole``: a known way through the gate, tested apart and expected to fail."""

    name: str
    method: str
    path: str
    refused: Callable[[Walk], None]
    allowed: Callable[[Walk], None]
    hole: str | None = None


def _ask_for_grant(walk: Walk, role: str, headers: dict[str, str] | None = None) -> Any:
    return walk.client.post(
        f"{ACCOUNTS}/{walk.elsewhere['id']}/grants",
        json={"person_id": walk.holder_id, "role": role, "reason": "Covers the winter season"},
        headers=headers or walk.admin,
    )


def _grant_refused(role: str) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        problem = assert_problem(
            _ask_for_grant(walk, role), 422, "/problems/grant-holder-not-eligible", detail=True
        )
        assert [g["kind"] for g in problem["gaps"]] == list(walk.gap_kinds)
        assert all(g["message"] for g in problem["gaps"])
        assert walk.grants_on(walk.elsewhere, walk.holder_id) == []

    return check


def _grant_allowed(role: str) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        grant = ok(_ask_for_grant(walk, role), 201)
        assert (grant["role"], grant["status"]) == (role, "active")

    return check


def _each_grant_reads(status: str) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        for role in GATED_ROLES:
            assert walk.grant_of(role)["status"] == status, role

    return check


def _listed_grants_read(status: str) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        listed = walk.grants_on(walk.channel, walk.holder_id)
        assert sorted(g["role"] for g in listed) == sorted(GATED_ROLES)
        assert {g["status"] for g in listed} == {status}

    return check


def _posture_flags_the_moderator(walk: Walk) -> None:
    findings = walk.posture_codes()
    assert findings[UNTRAINED]["severity"] == "high"
    assert findings[UNTRAINED]["person_ids"] == [walk.holder_id]
    assert findings[NO_TRAINED_MODERATOR]["severity"] == "critical"
    assert "no_owner" in findings


def _posture_is_clear(walk: Walk) -> None:
    findings = walk.posture_codes()
    assert UNTRAINED not in findings
    assert NO_TRAINED_MODERATOR not in findings
    assert "no_owner" not in findings


def _posture_report(walk: Walk) -> set[str]:
    report = ok(walk.client.get(f"{ACCOUNTS}/posture-report", headers=walk.admin))
    (posture,) = [p for p in report["items"] if p["account"]["id"] == walk.channel["id"]]
    return {f["code"] for f in posture["findings"]}


def _report_flags_the_moderator(walk: Walk) -> None:
    assert {UNTRAINED, NO_TRAINED_MODERATOR} <= _posture_report(walk)


def _report_is_clear(walk: Walk) -> None:
    assert not {UNTRAINED, NO_TRAINED_MODERATOR} & _posture_report(walk)


def _sweep(walk: Walk) -> dict[str, set[str]]:
    result = ok(walk.client.post(f"{ACCOUNTS}/suspension-sweep", headers=walk.admin))
    return {
        bucket: {g["id"] for g in result[bucket] if g["person_id"] == walk.holder_id}
        for bucket in ("suspended", "reinstated")
    }


def _sweep_suspends(walk: Walk) -> None:
    held = {g["id"] for g in walk.grants.values()}
    assert _sweep(walk) == {"suspended": held, "reinstated": set()}
    for role in GATED_ROLES:
        grant = walk.grant_of(role)
        assert (grant["status"], grant["suspended_at"] is not None) == ("suspended", True)
        assert grant["suspension_reason"]
    assert _sweep(walk) == {"suspended": set(), "reinstated": set()}, "recorded once"


def _sweep_reinstates(walk: Walk) -> None:
    held = {g["id"] for g in walk.grants.values()}
    assert _sweep(walk) == {"suspended": set(), "reinstated": held}
    for role in GATED_ROLES:
        grant = walk.grant_of(role)
        assert (grant["status"], grant["suspended_at"], grant["suspension_reason"]) == (
            "active",
            None,
            None,
        )


def _decide(walk: Walk) -> Any:
    headers = walk.as_holder(Role.MODERATOR)
    etag = walk.client.get(f"{REVIEWS}/{walk.review_id}", headers=headers).headers["ETag"]
    return walk.client.post(
        f"{REVIEWS}/{walk.review_id}/decision",
        json={"outcome": "approve", "reason": "An apology, not abuse."},
        headers={**headers, "If-Match": etag},
    )


def _review_and_its_events(walk: Walk) -> tuple[dict[str, Any], list[str]]:
    review = ok(walk.client.get(f"{REVIEWS}/{walk.review_id}", headers=walk.admin))
    with walk.database.session() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == walk.review_id)
        ).all()
    return dict(review), list(actions)


def _decision_refused(walk: Walk) -> None:
    before = _review_and_its_events(walk)
    problem = assert_problem(_decide(walk), 403, "/problems/moderator-not-eligible", detail=True)
    assert len(problem["gaps"]) == len(walk.gap_kinds)
    after = _review_and_its_events(walk)
    assert after == before
    review, actions = after
    assert (review["status"], review["outcome"], review["decided_by"]) == ("open", None, None)
    assert actions == []


def _decision_allowed(walk: Walk) -> None:
    decided = ok(_decide(walk))
    assert (decided["status"], decided["outcome"]) == ("decided", "approve")
    assert _review_and_its_events(walk)[1] == ["screening_review.decided"]


def _newcomer_granted_by_holder(walk: Walk) -> Any:
    walk.train_everyone_else()
    return walk.client.post(
        f"{ACCOUNTS}/{walk.channel['id']}/grants",
        json={"person_id": walk.newcomer["id"], "role": "publisher"},
        headers=walk.as_holder(Role.STAFF),
    )


def _owner_powers_refused(walk: Walk) -> None:
    response = _newcomer_granted_by_holder(walk)
    assert_problem(response, 403, "/problems/account-owner-required")
    assert walk.grants_on(walk.channel, str(walk.newcomer["id"])) == []


def _owner_powers_allowed(walk: Walk) -> None:
    grant = ok(
        walk.client.post(
            f"{ACCOUNTS}/{walk.channel['id']}/grants",
            json={"person_id": walk.newcomer["id"], "role": "moderator"},
            headers=walk.as_holder(Role.STAFF),
        ),
        201,
    )
    assert grant["granted_by_person_id"] == walk.holder_id


def _post_by_holder(walk: Walk) -> dict[str, Any]:
    response = walk.client.post(
        f"{ACCOUNTS}/{walk.channel['id']}/posts",
        json={
            "person_id": walk.holder_id,
            "posted_at": dt.datetime.now(dt.UTC).isoformat(),
            "external_url": "https://www.facebook.com/AlderBay/posts/1",
        },
        headers=walk.registry.integration,
    )
    return dict(ok(response, 201))


def _post_unauthorised(walk: Walk) -> None:
    assert _post_by_holder(walk)["authorised"] is False


def _post_authorised(walk: Walk) -> None:
    assert _post_by_holder(walk)["authorised"] is True


def _moderate(walk: Walk) -> Any:
    return walk.act(walk.comment(), "hide", "personal_information", walk.as_holder(Role.MODERATOR))


def _moderation_refused(walk: Walk) -> None:
    response = _moderate(walk)
    problem = assert_problem(response, 403, "/problems/moderator-not-eligible", detail=True)
    assert len(problem["gaps"]) == len(walk.gap_kinds)
    comment = ok(walk.client.get(f"{COMMENTS}/{walk.comments[-1]['id']}", headers=walk.admin))
    assert (comment["status"], comment["actions"]) == ("visible", [])


def _moderation_allowed(walk: Walk) -> None:
    outcome = ok(_moderate(walk), 201)
    assert outcome["comment"]["status"] == "hidden"


def _block_to_decide(walk: Walk) -> Any:
    requested = ok(walk.act(walk.comment(), "block", "repeated_breaches", walk.colleague()), 201)
    return walk.decide("blocks", requested["block"]["id"], {"approve": True, "reason": "Agreed"})


def _block_decision_refused(walk: Walk) -> None:
    assert_problem(_block_to_decide(walk), 403, "/problems/moderator-not-eligible")
    blocks = ok(walk.client.get("/api/v1/moderation/blocks", headers=walk.admin))["items"]
    assert blocks[0]["status"] == "pending"


def _block_decision_allowed(walk: Walk) -> None:
    assert ok(_block_to_decide(walk))["status"] == "active"


def _appeal_to_decide(walk: Walk) -> Any:
    hidden = ok(walk.act(walk.comment(), "hide", "personal_information", walk.colleague()), 201)
    appeal = ok(
        walk.client.post(
            "/api/v1/public/appeals",
            json={"token": hidden["notice"]["appeal_token"], "statement": "Please look again"},
        ),
        201,
    )
    return walk.decide("appeals", appeal["id"], {"outcome": "denied", "reason": "A phone no."})


def _appeal_decision_refused(walk: Walk) -> None:
    assert_problem(_appeal_to_decide(walk), 403, "/problems/moderator-not-eligible")


def _appeal_decision_allowed(walk: Walk) -> None:
    assert ok(_appeal_to_decide(walk))["status"] == "denied"


OPERATIONS = [
    *(
        GatedOperation(
            f"receive a new {role} grant",
            "POST",
            GRANTS,
            _grant_refused(role),
            _grant_allowed(role),
        )
        for role in sorted(GATED_ROLES)
    ),
    GatedOperation(
        "hold existing grants (each read)",
        "GET",
        f"{GRANTS}/{{grant_id}}",
        _each_grant_reads("suspended"),
        _each_grant_reads("active"),
    ),
    GatedOperation(
        "hold existing grants (the account's list)",
        "GET",
        GRANTS,
        _listed_grants_read("suspended"),
        _listed_grants_read("active"),
    ),
    GatedOperation(
        "count as the channel's trained moderator and owner",
        "GET",
        "/api/v1/accounts/{account_id}/posture",
        _posture_flags_the_moderator,
        _posture_is_clear,
    ),
    GatedOperation(
        "count as a trained moderator in the city-wide report",
        "GET",
        "/api/v1/accounts/posture-report",
        _report_flags_the_moderator,
        _report_is_clear,
    ),
    GatedOperation(
        "keep grants through the suspension sweep",
        "POST",
        "/api/v1/accounts/suspension-sweep",
        _sweep_suspends,
        _sweep_reinstates,
    ),
    GatedOperation(
        "decide a screening review",
        "POST",
        "/api/v1/screening-reviews/{review_id}/decision",
        _decision_refused,
        _decision_allowed,
    ),
    GatedOperation(
        "moderate a comment",
        "POST",
        f"{COMMENTS}/{{comment_id}}/actions",
        _moderation_refused,
        _moderation_allowed,
    ),
    GatedOperation(
        "approve another moderator's block",
        "POST",
        "/api/v1/moderation/blocks/{block_id}/decision",
        _block_decision_refused,
        _block_decision_allowed,
    ),
    GatedOperation(
        "decide a commenter's appeal",
        "POST",
        "/api/v1/moderation/appeals/{appeal_id}/decision",
        _appeal_decision_refused,
        _appeal_decision_allowed,
    ),
    GatedOperation(
        "give grants as the account's owner",
        "POST",
        GRANTS,
        _owner_powers_refused,
        _owner_powers_allowed,
    ),
    GatedOperation(
        "publish as an authorised publisher",
        "POST",
        "/api/v1/accounts/{account_id}/posts",
        _post_unauthorised,
        _post_authorised,
    ),
]
WALKED = [op for op in OPERATIONS if op.hole is None]

# Routes the coverage check finds that are deliberately not gated, and why.
UNGATED = {
    ("POST", f"{GRANTS}/{{grant_id}}/revoke"): "taking access away is never refused for want "
    "of training: anyone who manages the account may end an ineligible holder's grant",
}


def _walk(walk: Walk, operations: list[GatedOperation]) -> list[str]:
    """Try each operation refused, make the holder eligible, try each allowed; the failures,
    each named by its operation and phase."""
    failures: list[str] = []
    for phase in ("refused", "allowed"):
        if phase == "allowed":
            _make_eligible(walk)
        for op in operations:
            try:
                getattr(op, phase)(walk)
            except (AssertionError, LookupError, ValueError) as exc:
                failures.append(f"{op.name} ({op.method} {op.path}) not {phase}: {exc!r}")
    return failures


@pytest.mark.parametrize("kind", INELIGIBILITIES, ids=lambda k: k.name.replace(" ", "-"))
def test_no_gated_operation_is_possible_for_an_ineligible_person(
    client: TestClient,
    registry: Registry,
    training: Training,
    database: Database,
    auth: Auth,
    kind: Ineligibility,
) -> None:
    walk = _build(client, registry, training, database, auth)
    _make_ineligible(walk, kind)

    failures = _walk(walk, WALKED)

    assert not failures, "\n".join(failures)


def _routes(app: FastAPI) -> set[tuple[str, str]]:
    return {(method, entry.path) for entry in route_table(app) for method in entry.methods}


def _gives_uses_or_decides(method: str, path: str) -> bool:
    """Routes that change grants, decide reviews or moderate comments: every one must be in
    the table or named as ungated."""
    if method in {"GET", "HEAD", "OPTIONS"}:
        return False
    return bool(
        re.search(r"/grants(/|$)", path)
        or re.search(r"/screening-reviews/", path)
        or re.search(r"^/api/v1/comments/[^/]+/", path)
        or re.search(r"/moderation/(blocks|appeals)/", path)
    )


def test_the_table_covers_every_route_that_gives_uses_or_decides(app: FastAPI) -> None:
    routes = _routes(app)
    discovered = {(m, p) for m, p in routes if _gives_uses_or_decides(m, p)}
    tabled = {(op.method, op.path) for op in OPERATIONS}

    assert ("POST", GRANTS) in discovered
    assert ("POST", "/api/v1/screening-reviews/{review_id}/decision") in discovered
    assert ("POST", f"{COMMENTS}/{{comment_id}}/actions") in discovered
    assert discovered - tabled - UNGATED.keys() == set()
    assert (tabled | UNGATED.keys()) - routes == set(), "the table names a route that is gone"
    creates = {op.name for op in OPERATIONS if op.path == GRANTS and op.method == "POST"}
    assert {f"receive a new {role} grant" for role in GATED_ROLES} <= creates


def test_an_emergency_channel_needs_an_eligible_moderator(
    client: TestClient, registry: Registry, training: Training
) -> None:
    request = registry.request()
    channel = registry.move(
        request["id"], "approve", headers=registry.approver, approved_emergency_channel=True
    )
    ordinary = registry.account("approved")
    lapsed, trained = registry.person(), registry.person()

    def codes(account: dict[str, Any]) -> dict[str, str]:
        posture = ok(client.get(f"{ACCOUNTS}/{account['id']}/posture", headers=registry.admin))
        return {f["code"]: f["severity"] for f in posture["findings"]}

    assert channel["status"] == "approved"
    assert codes(channel)[NO_TRAINED_MODERATOR] == "critical"
    assert NO_TRAINED_MODERATOR not in codes(ordinary)
    # A moderator given the role before training was required, whose training is now missing.
    registry.grant(channel["id"], lapsed["id"], "moderator")
    assert NO_TRAINED_MODERATOR not in codes(channel)
    module = training.module("MOD-201", ["handling_harassment"], roles=["moderator"])
    assert codes(channel)[NO_TRAINED_MODERATOR] == "critical"
    assert codes(channel)[UNTRAINED] == "high"
    # An eligible publisher is not a moderator.
    registry.grant(channel["id"], trained["id"], "publisher")
    training.complete(trained["id"], module["id"])
    assert codes(channel)[NO_TRAINED_MODERATOR] == "critical"

    registry.grant(channel["id"], trained["id"], "moderator")

    after = codes(channel)
    assert NO_TRAINED_MODERATOR not in after
    assert after[UNTRAINED] == "high"
