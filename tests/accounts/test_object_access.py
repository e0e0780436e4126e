"""Object-level authorisation in the account registry.

A moderator or staff member reaches only the accounts they hold a grant on in effect
(app.accounts.access); any other account must look exactly like one that does not exist, or
the answer itself tells them which ids are real. These tests walk every route with an account
in its path, for every method, with a principal of another account, and compare each answer
with the answer for an id nobody has."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import httpx
import httpx2
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.core.actor import Role
from app.core.db import Database
from app.core.routing import RouteEntry, route_table
from app.models import Base
from app.openapi import required_roles
from tests.accounts.conftest import ACCOUNTS, Registry
from tests.core.problems import PROBLEM_MEDIA_TYPE, assert_problem

POSTS = "/api/v1/posts"
NOT_FOUND = "/problems/account-not-found"
GRANT_NOT_FOUND = "/problems/grant-not-found"
ROLE_REQUIRED = "/problems/role-required"
OWNER_REQUIRED = "/problems/account-owner-required"
_PLACEHOLDER = re.compile(r"{(\w+)(?::\w+)?}")
# Members of a problem that name the request rather than the answer.
_PER_REQUEST = ("instance", "request_id")

# The account-scoped operations the registry had when this test was written. The walk must
# reach at least these: a route that drops out of the table (renamed, unmounted) is noticed.
KNOWN_OPERATIONS = frozenset(
    {
        ("GET", "/api/v1/accounts/{account_id}"),
        ("PATCH", "/api/v1/accounts/{account_id}"),
        ("PATCH", "/api/v1/accounts/{account_id}/security"),
        ("GET", "/api/v1/accounts/{account_id}/posture"),
        ("POST", "/api/v1/accounts/{account_id}/approve"),
        ("POST", "/api/v1/accounts/{account_id}/reject"),
        ("POST", "/api/v1/accounts/{account_id}/activate"),
        ("POST", "/api/v1/accounts/{account_id}/decommission"),
        ("GET", "/api/v1/accounts/{account_id}/grants"),
        ("POST", "/api/v1/accounts/{account_id}/grants"),
        ("GET", "/api/v1/accounts/{account_id}/grants/{grant_id}"),
        ("POST", "/api/v1/accounts/{account_id}/grants/{grant_id}/revoke"),
        ("POST", "/api/v1/accounts/{account_id}/posts"),
        ("GET", "/api/v1/accounts/{account_id}/posts"),
    }
)


# The scene --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Principal:
    """A key of a person who holds a grant on account A only."""

    name: str
    role: Role
    grant_role: str
    person_id: str
    headers: dict[str, str]


@dataclass(frozen=True)
class Target:
    """What a request names: the account, a grant under it, the version sent as If-Match."""

    account_id: str
    grant_id: str
    version: int


@dataclass
class Scene:
    """Accounts A and B, both active; the principals hold grants on A, B has its own grants
    and posts."""

    registry: Registry
    a_id: str
    b_id: str
    a_grant_id: str
    b_grant_id: str
    newcomer_id: str
    poster_id: str
    a_post_ids: set[str]
    b_post_ids: set[str]
    principals: dict[str, Principal] = field(default_factory=dict)

    def version(self, account_id: str) -> int:
        response = self.registry.client.get(f"{ACCOUNTS}/{account_id}", headers=self.registry.admin)
        assert response.status_code == 200, response.text
        version: int = response.json()["version"]
        return version

    def a(self) -> Target:
        return Target(self.a_id, self.a_grant_id, self.version(self.a_id))

    def b(self) -> Target:
        return Target(self.b_id, self.b_grant_id, self.version(self.b_id))

    def ghost(self) -> Target:
        """An id no account has, asked for exactly as B is (its grant, its version)."""
        return Target(str(uuid.uuid4()), self.b_grant_id, self.version(self.b_id))


def _external_id() -> str:
    """A platform's post id: page id and post number, digits only."""
    return f"{uuid.uuid4().int % 10**10}_{uuid.uuid4().int % 10**15}"


def _record_post(registry: Registry, account_id: str, person_id: str) -> str:
    response = registry.client.post(
        f"{ACCOUNTS}/{account_id}/posts",
        json={
            "person_id": person_id,
            "posted_at": (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat(),
            "external_id": _external_id(),
        },
        headers=registry.integration,
    )
    assert response.status_code == 201, response.text
    post_id: str = response.json()["id"]
    return post_id


@pytest.fixture
def scene(registry: Registry) -> Scene:
    a = registry.account("active")["id"]
    b = registry.account("active")["id"]
    poster = registry.person()["id"]
    for account in (a, b):
        registry.grant(account, poster, "publisher")
    registry.grant(b, registry.person()["id"], "owner")
    built = Scene(
        registry=registry,
        a_id=a,
        b_id=b,
        # Grants the walk may try to revoke: nobody's access depends on them.
        a_grant_id=registry.grant(a, registry.person()["id"], "analyst")["id"],
        b_grant_id=registry.grant(b, registry.person()["id"], "analyst")["id"],
        newcomer_id=registry.person()["id"],
        poster_id=poster,
        a_post_ids={_record_post(registry, a, poster)},
        b_post_ids={_record_post(registry, b, poster) for _ in range(2)},
    )
    for name, role, grant_role in (
        ("moderator", Role.MODERATOR, "moderator"),
        ("staff owner", Role.STAFF, "owner"),
    ):
        person = registry.person()["id"]
        registry.grant(a, person, grant_role)
        built.principals[name] = Principal(
            name, role, grant_role, person, registry.headers(role, person)
        )
    return built


PRINCIPALS = ["moderator", "staff owner"]


# What each route needs --------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RouteCase:
    """How to call a route validly, and what an owner of the account gets when their role may
    call it (None: neither principal's role may)."""

    call: Callable[[Scene, Target], Call]
    owner_status: int | None


def _if_match(target: Target) -> dict[str, str]:
    return {"If-Match": f'"{target.version}"'}


def _idempotency_key() -> dict[str, str]:
    return {"Idempotency-Key": f"walk-{uuid.uuid4()}"}


def _no_body(_scene: Scene, _target: Target) -> Call:
    return Call()


def _account_update(_scene: Scene, target: Target) -> Call:
    return Call({"purpose": "Trail news and closures, weekly"}, _if_match(target))


def _security_update(_scene: Scene, target: Target) -> Call:
    return Call({"mfa_enabled": True, "recovery_contact": "city"}, _if_match(target))


def _transition(_scene: Scene, target: Target) -> Call:
    return Call({"reason": "Asked for by the object-access walk"}, _if_match(target))


def _grant(scene: Scene, _target: Target) -> Call:
    return Call({"person_id": scene.newcomer_id, "role": "analyst"}, _idempotency_key())


def _revocation(_scene: Scene, _target: Target) -> Call:
    return Call({"reason": "Asked for by the object-access walk"})


def _post(scene: Scene, _target: Target) -> Call:
    body = {
        "person_id": scene.poster_id,
        "posted_at": (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)).isoformat(),
        "external_id": _external_id(),
    }
    return Call(body, _idempotency_key())


# Keyed by (method, full path template). A route with an account in its path that is missing
# here fails the walk: add how to call it. Activation of an account already active is a 409:
# the owner got past the scope and owner checks to the lifecycle rule.
ROUTES: dict[tuple[str, str], RouteCase] = {
    ("GET", "/api/v1/accounts/{account_id}"): RouteCase(_no_body, 200),
    ("PATCH", "/api/v1/accounts/{account_id}"): RouteCase(_account_update, 200),
    ("PATCH", "/api/v1/accounts/{account_id}/security"): RouteCase(_security_update, 200),
    ("GET", "/api/v1/accounts/{account_id}/posture"): RouteCase(_no_body, 200),
    ("POST", "/api/v1/accounts/{account_id}/approve"): RouteCase(_transition, None),
    ("POST", "/api/v1/accounts/{account_id}/reject"): RouteCase(_transition, None),
    ("POST", "/api/v1/accounts/{account_id}/activate"): RouteCase(_transition, 409),
    ("POST", "/api/v1/accounts/{account_id}/decommission"): RouteCase(_transition, None),
    ("GET", "/api/v1/accounts/{account_id}/grants"): RouteCase(_no_body, 200),
    ("POST", "/api/v1/accounts/{account_id}/grants"): RouteCase(_grant, 201),
    ("GET", "/api/v1/accounts/{account_id}/grants/{grant_id}"): RouteCase(_no_body, 200),
    ("POST", "/api/v1/accounts/{account_id}/grants/{grant_id}/revoke"): RouteCase(_revocation, 200),
    ("POST", "/api/v1/accounts/{account_id}/posts"): RouteCase(_post, None),
    ("GET", "/api/v1/accounts/{account_id}/posts"): RouteCase(_no_body, 200),
}


# Walking ----------------------------------------------------------------------------------


def account_operations(app: FastAPI) -> Iterator[tuple[str, RouteEntry]]:
    """Every (method, route) whose path names an account."""
    for entry in route_table(app):
        if "{account_id}" in entry.path:
            for method in sorted(entry.methods):
                yield method, entry


def role_may_call(entry: RouteEntry, role: Role) -> bool:
    declared = required_roles(entry.route) or frozenset()
    return role is Role.ADMIN or role.value in declared


def concrete(template: str, target: Target) -> str:
    values = {"account_id": target.account_id, "grant_id": target.grant_id}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in values, f"{template}: teach this test a value for {{{name}}}"
        return values[name]

    return _PLACEHOLDER.sub(fill, template)


def send(
    client: TestClient,
    method: str,
    template: str,
    target: Target,
    headers: dict[str, str],
    call: Call,
) -> httpx2.Response:
    return client.request(
        method,
        concrete(template, target),
        json=call.body,
        headers={**headers, **call.headers},
    )


def shape(response: httpx2.Response, *ids: str) -> dict[str, Any]:
    """The answer as a caller can compare it: status, header names, the problem without its
    per-request members, the ids of the request replaced by a placeholder."""
    if response.headers.get("content-type") == PROBLEM_MEDIA_TYPE:
        problem = {k: v for k, v in response.json().items() if k not in _PER_REQUEST}
        text = json.dumps(problem, sort_keys=True)
    else:
        text = response.text
    for id_ in ids:
        text = text.replace(id_, "<id>")
    return {
        "status": response.status_code,
        "content-type": response.headers.get("content-type"),
        "headers": sorted(response.headers.keys()),
        "body": text,
    }


def problem_of(response: httpx2.Response, status: int, type_: str) -> dict[str, Any]:
    """``assert_problem`` for the test client's responses: httpx2's, which have the members
    of the httpx type it is annotated with."""
    return assert_problem(cast(httpx.Response, response), status, type_)


def problem_mismatch(response: httpx2.Response, status: int, type_: str) -> str | None:
    try:
        problem_of(response, status, type_)
    except AssertionError as exc:
        return f"{response.status_code} {response.text[:200]} ({exc})"
    return None


def rows_of(database: Database, account_id: str) -> dict[str, Any]:
    """Everything the database holds about an account, and how many audit events exist."""
    tables = Base.metadata.tables
    accounts, grants, posts = tables["accounts"], tables["access_grants"], tables["account_posts"]
    key = uuid.UUID(account_id)
    with database.engine.connect() as conn:
        return {
            "account": [
                tuple(r) for r in conn.execute(select(accounts).where(accounts.c.id == key))
            ],
            "grants": [
                tuple(r)
                for r in conn.execute(
                    select(grants).where(grants.c.account_id == key).order_by(grants.c.id)
                )
            ],
            "posts": [
                tuple(r)
                for r in conn.execute(
                    select(posts).where(posts.c.account_id == key).order_by(posts.c.id)
                )
            ],
            "audit_events": conn.scalar(select(func.count()).select_from(tables["audit_events"])),
        }


# The walk ---------------------------------------------------------------------------------


def test_the_walk_knows_every_account_route(app: FastAPI) -> None:
    walked = {(method, entry.path) for method, entry in account_operations(app)}
    assert walked >= KNOWN_OPERATIONS, f"no longer served: {KNOWN_OPERATIONS - walked}"
    assert walked - ROUTES.keys() == set(), "add these routes to ROUTES"


@pytest.mark.parametrize("principal_name", PRINCIPALS)
def test_every_account_route_answers_for_another_account_as_for_none(
    client: TestClient, app: FastAPI, database: Database, scene: Scene, principal_name: str
) -> None:
    principal = scene.principals[principal_name]
    before = rows_of(database, scene.b_id)
    assert before["account"]
    assert before["grants"]
    assert before["posts"]
    failures: list[str] = []
    walked: set[tuple[str, str]] = set()
    for method, entry in account_operations(app):
        case = ROUTES.get((method, entry.path))
        if case is None:
            failures.append(f"{method} {entry.path}: not in ROUTES")
            continue
        walked.add((method, entry.path))
        b, ghost = scene.b(), scene.ghost()
        expected = (
            (404, NOT_FOUND) if role_may_call(entry, principal.role) else (403, ROLE_REQUIRED)
        )
        # The valid request, then bare ones (no body, no headers): whatever the order of the
        # checks, B and an id nobody has must get the same answer.
        for variant, call_b, call_ghost in (
            ("valid", case.call(scene, b), case.call(scene, ghost)),
            ("bare", Call(), Call()),
        ):
            on_b = send(client, method, entry.path, b, principal.headers, call_b)
            on_ghost = send(client, method, entry.path, ghost, principal.headers, call_ghost)
            label = f"{method} {entry.path} ({variant})"
            if variant == "valid" and (problem := problem_mismatch(on_b, *expected)):
                failures.append(f"{label} on B: {problem}")
            if shape(on_b, b.account_id) != shape(on_ghost, ghost.account_id):
                failures.append(f"{label}: B {on_b.text[:200]} != none {on_ghost.text[:200]}")
    assert walked >= KNOWN_OPERATIONS
    assert failures == []
    assert rows_of(database, scene.b_id) == before


@pytest.mark.parametrize("principal_name", PRINCIPALS)
def test_the_same_principal_reaches_its_own_account(
    client: TestClient, app: FastAPI, scene: Scene, principal_name: str
) -> None:
    # Without this, a walk that refused everything would pass.
    principal = scene.principals[principal_name]
    failures: list[str] = []
    for method, entry in account_operations(app):
        case = ROUTES[(method, entry.path)]
        a = scene.a()
        response = send(client, method, entry.path, a, principal.headers, case.call(scene, a))
        label = f"{method} {entry.path}"
        if not role_may_call(entry, principal.role):
            problem = problem_mismatch(response, 403, ROLE_REQUIRED)
        elif principal.grant_role == "owner":
            assert case.owner_status is not None, f"{label}: give ROUTES its owner_status"
            problem = None
            if response.status_code != case.owner_status:
                problem = f"{response.status_code} {response.text[:200]}"
        elif method == "GET":
            problem = None if response.status_code == 200 else response.text[:200]
        else:
            # Inside the scope; what a grant other than owner may change is another rule.
            problem = problem_mismatch(response, 403, OWNER_REQUIRED)
        if problem:
            failures.append(f"{label}: {problem}")
    assert failures == []


# Lists ------------------------------------------------------------------------------------


def _ids(client: TestClient, path: str, headers: dict[str, str], **params: str) -> set[str]:
    response = client.get(path, headers=headers, params={"page_size": "100", **params})
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("principal_name", PRINCIPALS)
def test_lists_never_show_the_other_account(
    client: TestClient, scene: Scene, principal_name: str
) -> None:
    headers = scene.principals[principal_name].headers
    admin = scene.registry.admin
    assert {scene.a_id, scene.b_id} <= _ids(client, ACCOUNTS, admin)
    assert _ids(client, ACCOUNTS, headers) == {scene.a_id}
    assert _ids(client, POSTS, headers) == scene.a_post_ids
    # The poster published on both accounts: filtering by them reveals nothing of B.
    assert _ids(client, POSTS, admin, person_id=scene.poster_id) == (
        scene.a_post_ids | scene.b_post_ids
    )
    assert _ids(client, POSTS, headers, person_id=scene.poster_id) == scene.a_post_ids

    on_b = client.get(POSTS, headers=headers, params={"account_id": scene.b_id})
    ghost = str(uuid.uuid4())
    on_ghost = client.get(POSTS, headers=headers, params={"account_id": ghost})
    problem_of(on_b, 404, NOT_FOUND)
    assert shape(on_b, scene.b_id) == shape(on_ghost, ghost)


def test_the_other_account_s_grant_is_not_found_through_one_s_own_account(
    client: TestClient, database: Database, scene: Scene
) -> None:
    owner = scene.principals["staff owner"]
    before = rows_of(database, scene.b_id)
    ghost_grant = str(uuid.uuid4())
    for method, suffix, body in (
        ("GET", "", None),
        ("POST", "/revoke", {"reason": "Asked for through the wrong account"}),
    ):
        answers = [
            client.request(
                method,
                f"{ACCOUNTS}/{scene.a_id}/grants/{grant_id}{suffix}",
                json=body,
                headers=owner.headers,
            )
            for grant_id in (scene.b_grant_id, ghost_grant)
        ]
        problem_of(answers[0], 404, GRANT_NOT_FOUND)
        assert shape(answers[0], scene.a_id, scene.b_grant_id) == shape(
            answers[1], scene.a_id, ghost_grant
        )
    assert rows_of(database, scene.b_id) == before


# Grants open and close the scope at once ---------------------------------------------------


def _reaches_b(client: TestClient, scene: Scene, headers: dict[str, str]) -> bool:
    """Whether B answers the principal, checked on every reading surface at once."""
    answers = {
        "account": client.get(f"{ACCOUNTS}/{scene.b_id}", headers=headers).status_code,
        "grants": client.get(f"{ACCOUNTS}/{scene.b_id}/grants", headers=headers).status_code,
        "posts": client.get(f"{ACCOUNTS}/{scene.b_id}/posts", headers=headers).status_code,
        "listed": scene.b_id in _ids(client, ACCOUNTS, headers),
        "posts listed": scene.b_post_ids <= _ids(client, POSTS, headers),
    }
    reached = {name: answer in (200, True) for name, answer in answers.items()}
    assert len(set(reached.values())) == 1, f"the surfaces disagree: {answers}"
    return next(iter(reached.values()))


def test_a_grant_on_the_other_account_opens_it_at_once_and_revoking_it_closes_it(
    client: TestClient, scene: Scene
) -> None:
    principal = scene.principals["moderator"]
    registry = scene.registry
    assert not _reaches_b(client, scene, principal.headers)

    # A grant that has not started yet opens nothing.
    now = dt.datetime.now(dt.UTC)
    registry.grant(
        scene.b_id,
        principal.person_id,
        "publisher",
        starts_at=(now + dt.timedelta(days=2)).isoformat(),
        expires_at=(now + dt.timedelta(days=9)).isoformat(),
    )
    assert not _reaches_b(client, scene, principal.headers)

    grant = registry.grant(scene.b_id, principal.person_id, "analyst")
    assert _reaches_b(client, scene, principal.headers)

    revoked = client.post(
        f"{ACCOUNTS}/{scene.b_id}/grants/{grant['id']}/revoke",
        json={"reason": "Covered the other account for a week"},
        headers=registry.admin,
    )
    assert revoked.status_code == 200, revoked.text
    assert not _reaches_b(client, scene, principal.headers)
    problem_of(client.get(f"{ACCOUNTS}/{scene.b_id}", headers=principal.headers), 404, NOT_FOUND)
