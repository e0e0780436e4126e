"""No credential is ever stored by the account registry.

The registry records where an account's credentials live, never the credentials, and clients
will still send them. Every write route of the registry is tried with fields named like a
credential and with credential-shaped values in each of its free-text fields: each attempt is
refused, and afterwards no table, the audit trail included, holds anything that was sent.
The credential-shaped values are assembled here from harmless parts and random hex, so that
this file does not itself read as a leak to a secret scanner."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import types
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Union, get_args, get_origin

import httpx2
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, EmailStr
from sqlalchemy import select

from app.core.db import Database
from app.core.routing import RouteEntry, route_table
from app.models import Base
from tests.accounts.conftest import ACCOUNTS, Registry
from tests.core.problems import PROBLEM_MEDIA_TYPE

ROUTER_MODULE = "app.accounts.router"
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT"})
SECRET_FIELD_NAMES = ("password", "accessToken", "recovery_codes", "fb_page_access_token")
RECONCILIATIONS = "/api/v1/reconciliations"
API_KEYS = "/api/v1/api-keys"
Path = tuple[str | int, ...]


# Credential-shaped values -----------------------------------------------------------------


@dataclass(frozen=True)
class FakeSecret:
    kind: str
    value: str
    needle: str = field(repr=False)  # the random part: no table may ever hold it


def _hex() -> str:
    return uuid.uuid4().hex


def _segment(claims: dict[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()


def fake_secrets() -> list[FakeSecret]:
    """One of each shape, with fresh random parts on every call."""
    jwt, facebook, assigned, pem, url = (_hex() for _ in range(5))
    key_line = "PRIVATE" + " KEY-----"
    return [
        FakeSecret(
            "a JSON Web Token",
            ".".join([_segment({"alg": "HS256"}), _segment({"sub": "42"}), jwt]),
            jwt,
        ),
        FakeSecret("a Facebook access token", "EA" + "AB" + facebook + "Zd" + "Q", facebook),
        FakeSecret("a password assignment", "pass" + "word=" + "Wint3r" + assigned, assigned),
        FakeSecret(
            "a PEM private key",
            "-----BEGIN " + key_line + "\nMII" + pem + "\n-----END " + key_line,
            pem,
        ),
        FakeSecret(
            "a URL with a password",
            "https://" + "clerk:" + "S3cret" + url + "@intranet.alderbay.example.ca/login",
            url,
        ),
    ]


def secret_named_fields() -> list[FakeSecret]:
    """A value under each credential-like field name (``kind`` is the name)."""
    return [
        FakeSecret(name, "Swordfish" + (needle := _hex()), needle) for name in SECRET_FIELD_NAMES
    ]


# What is stored ---------------------------------------------------------------------------


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, dict | list):
        return json.dumps(value, default=str, ensure_ascii=False)
    return str(value)


def stored_text(database: Database) -> str:
    """Every value of every column of every table, as text, in one case-folded string."""
    with database.engine.connect() as conn:
        parts = [
            _as_text(value)
            for table in Base.metadata.sorted_tables
            for row in conn.execute(select(table))
            for value in row
        ]
    return "\n".join(parts).casefold()


def stored_needles(database: Database, secrets: list[FakeSecret]) -> list[str]:
    dump = stored_text(database)
    return [s.kind for s in secrets if s.needle.casefold() in dump]


# The routes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """A request the route accepts: a secret added to it is the only thing wrong with it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None


def _if_match(registry: Registry, account: dict[str, Any]) -> dict[str, str]:
    return {**registry.admin, "If-Match": f'"{account["version"]}"'}


def _account_request(registry: Registry) -> Call:
    return Call(ACCOUNTS, registry.admin, registry.request_body())


def _dormancy_sweep(registry: Registry) -> Call:
    return Call(f"{ACCOUNTS}/dormancy-sweep", registry.admin, {"inactive_days": 30})


def _account_update(registry: Registry) -> Call:
    account = registry.account("active")
    return Call(
        f"{ACCOUNTS}/{account['id']}",
        _if_match(registry, account),
        {"purpose": "Trail news and closures", "audience": "Residents and visitors"},
    )


def _security_update(registry: Registry) -> Call:
    account = registry.account("active")
    return Call(
        f"{ACCOUNTS}/{account['id']}/security",
        _if_match(registry, account),
        {"mfa_enabled": True, "vault_reference": "vault://comms/social/facebook-parks"},
    )


def _move(status: str, action: str, approver: bool) -> Callable[[Registry], Call]:
    def call(registry: Registry) -> Call:
        account = registry.account(status)
        headers = registry.approver if approver else registry.admin
        etag = f'"{account["version"]}"'
        return Call(
            f"{ACCOUNTS}/{account['id']}/{action}",
            {**headers, "If-Match": etag},
            {"reason": f"{action} it"},
        )

    return call


def _grant(registry: Registry) -> Call:
    account = registry.account("active")
    body = {"person_id": registry.person()["id"], "role": "publisher", "reason": "Summer cover"}
    return Call(f"{ACCOUNTS}/{account['id']}/grants", registry.admin, body)


def _revocation(registry: Registry) -> Call:
    account = registry.account("active")
    grant = registry.grant(account["id"], registry.person()["id"])
    return Call(
        f"{ACCOUNTS}/{account['id']}/grants/{grant['id']}/revoke",
        registry.admin,
        {"reason": "Moved to another department"},
    )


def _post(registry: Registry) -> Call:
    account = registry.account("active")
    body = {
        "person_id": registry.person()["id"],
        "posted_at": (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat(),
        "external_id": f"{uuid.uuid4().int % 10**10}_{uuid.uuid4().int % 10**15}",
        "external_url": "https://www.facebook.com/AlderBayParks/posts/1234567890",
    }
    return Call(f"{ACCOUNTS}/{account['id']}/posts", registry.integration, body)


def _offboarding(registry: Registry) -> Call:
    person = registry.person()
    return Call(
        f"/api/v1/people/{person['id']}/offboarding",
        registry.integration,
        {"reason": "Resigned; last day today"},
    )


def _reconciliation(registry: Registry) -> Call:
    body = {"people": [{"email": "jordan.unlisted@alderbay.example.ca"}]}
    return Call(RECONCILIATIONS, registry.integration, body)


# Keyed by (method, full path template): every write route of the registry that takes a body.
# A route missing here fails test_every_write_route_is_tried: say how to call it.
WRITE_ROUTES: dict[tuple[str, str], Callable[[Registry], Call]] = {
    ("POST", "/api/v1/accounts"): _account_request,
    ("POST", "/api/v1/accounts/dormancy-sweep"): _dormancy_sweep,
    ("PATCH", "/api/v1/accounts/{account_id}"): _account_update,
    ("PATCH", "/api/v1/accounts/{account_id}/security"): _security_update,
    ("POST", "/api/v1/accounts/{account_id}/approve"): _move("requested", "approve", True),
    ("POST", "/api/v1/accounts/{account_id}/reject"): _move("requested", "reject", True),
    ("POST", "/api/v1/accounts/{account_id}/activate"): _move("approved", "activate", False),
    ("POST", "/api/v1/accounts/{account_id}/decommission"): _move("active", "decommission", True),
    ("POST", "/api/v1/accounts/{account_id}/grants"): _grant,
    ("POST", "/api/v1/accounts/{account_id}/grants/{grant_id}/revoke"): _revocation,
    ("POST", "/api/v1/accounts/{account_id}/posts"): _post,
    ("POST", "/api/v1/people/{person_id}/offboarding"): _offboarding,
    ("POST", "/api/v1/reconciliations"): _reconciliation,
}
# Write routes that read no body: whatever is sent to them is never looked at.
BODILESS_ROUTES = frozenset(
    {
        ("POST", "/api/v1/reconciliations/{reconciliation_id}/apply"),
        ("POST", "/api/v1/accounts/suspension-sweep"),
    }
)

# Routes whose free-text values are known to reach the database unchecked (mark them
# xfail(strict=True) here, with the reason, until they are mended).
VALUE_CHECK_BUGS: dict[tuple[str, str], pytest.MarkDecorator] = {}


def write_operations(app: FastAPI) -> Iterator[tuple[str, RouteEntry]]:
    for entry in route_table(app):
        if entry.route.endpoint.__module__ == ROUTER_MODULE:
            for method in sorted(entry.methods & WRITE_METHODS):
                yield method, entry


def body_model(entry: RouteEntry) -> Any:
    """The annotation of the route's body (a model, or a model or None), None without one."""
    params = entry.route.dependant.body_params
    assert len(params) <= 1, f"{entry.path}: teach this test about embedded bodies"
    return params[0].field_info.annotation if params else None


def text_paths(annotation: Any, path: Path = ()) -> Iterator[Path]:
    """Where a body holds free text: every plain ``str`` field, nested models and lists
    included (enumerations, ids, dates and numbers are not free text)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from text_paths(get_args(annotation)[0], path)
    elif origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            yield from text_paths(arg, path)
    elif origin is list:
        yield from text_paths(get_args(annotation)[0], (*path, 0))
    elif annotation is str or annotation is EmailStr:
        yield path
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            yield from text_paths(info.annotation, (*path, info.alias or name))


def with_value(body: dict[str, Any], path: Path, value: str) -> dict[str, Any]:
    changed = copy.deepcopy(body)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def entry_for(app: FastAPI, method: str, template: str) -> RouteEntry:
    return next(e for e in route_table(app) if e.path == template and method in e.methods)


def _params(bugs: dict[tuple[str, str], pytest.MarkDecorator]) -> list[Any]:
    return [
        pytest.param(
            method, template, id=f"{method} {template}", marks=bugs.get((method, template), ())
        )
        for method, template in sorted(WRITE_ROUTES)
    ]


def send(client: TestClient, method: str, call: Call, body: dict[str, Any]) -> httpx2.Response:
    return client.request(method, call.path, json=body, headers=call.headers)


def refusal_problem(response: httpx2.Response, secret: FakeSecret) -> str | None:
    """Why the answer to a request carrying ``secret`` is wrong, or None."""
    if response.status_code != 422:
        return f"{response.status_code} {response.text[:300]}"
    if response.headers.get("content-type") != PROBLEM_MEDIA_TYPE:
        return f"not a problem document: {response.headers.get('content-type')}"
    if secret.needle.casefold() in response.text.casefold():
        return "the refusal repeats the secret"
    return None


def assert_still_accepts(client: TestClient, method: str, call: Call) -> None:
    # The same route with the same body and no secret works: the refusals were about the
    # secret, and the route was really exercised.
    assert call.body is not None
    response = send(client, method, call, call.body)
    assert 200 <= response.status_code < 300, response.text


# Tests ------------------------------------------------------------------------------------


def test_every_write_route_is_tried(app: FastAPI) -> None:
    found = {(method, entry.path) for method, entry in write_operations(app)}
    assert found, "no write route found: the walk would prove nothing"
    assert found - WRITE_ROUTES.keys() - BODILESS_ROUTES == set(), "add these to WRITE_ROUTES"
    assert (WRITE_ROUTES.keys() | BODILESS_ROUTES) - found == set(), "no longer served"
    for method, entry in write_operations(app):
        takes_body = body_model(entry) is not None
        assert takes_body == ((method, entry.path) in WRITE_ROUTES), (method, entry.path)


def test_text_fields_are_found_in_every_body_that_has_them(app: FastAPI) -> None:
    # Guards the walk of test_secret_values_are_refused_in_every_text_field.
    fields = {key: set(text_paths(body_model(entry_for(app, *key)))) for key in WRITE_ROUTES}
    assert fields[("POST", "/api/v1/accounts")] >= {("purpose",), ("url",), ("handle",)}
    assert fields[("PATCH", "/api/v1/accounts/{account_id}/security")] == {("vault_reference",)}
    assert fields[("POST", "/api/v1/accounts/{account_id}/posts")] == {
        ("external_id",),
        ("external_url",),
    }
    assert fields[("POST", "/api/v1/reconciliations")] == {("people", 0, "email")}
    assert fields[("POST", "/api/v1/accounts/dormancy-sweep")] == set()


@pytest.mark.parametrize(("method", "template"), _params({}))
def test_fields_named_like_a_credential_are_refused(
    client: TestClient, database: Database, registry: Registry, method: str, template: str
) -> None:
    call = WRITE_ROUTES[(method, template)](registry)
    assert call.body is not None
    secrets = secret_named_fields()
    failures = []
    for secret in secrets:
        response = send(client, method, call, {**call.body, secret.kind: secret.value})
        if problem := refusal_problem(response, secret):
            failures.append(f"{secret.kind}: {problem}")
    assert failures == []
    assert stored_needles(database, secrets) == []
    assert_still_accepts(client, method, call)


@pytest.mark.parametrize(("method", "template"), _params(VALUE_CHECK_BUGS))
def test_secret_values_are_refused_in_every_text_field(
    client: TestClient,
    app: FastAPI,
    database: Database,
    registry: Registry,
    method: str,
    template: str,
) -> None:
    call = WRITE_ROUTES[(method, template)](registry)
    assert call.body is not None
    secrets = fake_secrets()
    failures = []
    for path in text_paths(body_model(entry_for(app, method, template))):
        for secret in secrets:
            response = send(client, method, call, with_value(call.body, path, secret.value))
            if problem := refusal_problem(response, secret):
                failures.append(f"{'.'.join(map(str, path))} with {secret.kind}: {problem}")
    assert failures == []
    assert stored_needles(database, secrets) == []
    assert_still_accepts(client, method, call)


def test_a_route_without_a_body_never_stores_one(
    client: TestClient, database: Database, registry: Registry
) -> None:
    created = client.post(RECONCILIATIONS, json={"people": []}, headers=registry.integration)
    assert created.status_code == 201, created.text
    secrets = [*secret_named_fields(), *fake_secrets()]
    body = {secret.kind: secret.value for secret in secrets}
    response = client.post(
        f"{RECONCILIATIONS}/{created.json()['id']}/apply", json=body, headers=registry.integration
    )
    assert response.status_code == 200, response.text
    assert stored_needles(database, secrets) == []


def test_the_dump_sees_what_routes_store(
    client: TestClient, database: Database, registry: Registry
) -> None:
    # Guards stored_text: a value a route does keep is found, whatever its case.
    marker = f"ParksLaunchWeek{uuid.uuid4().int % 10**12}"
    account = registry.account("approved")
    registry.move(account["id"], "activate", reason=f"Launched, see {marker}")
    assert marker.casefold() in stored_text(database)


# The API keys route stores its key's name ------------------------------------------------


API_KEY_BODIES: dict[str, dict[str, Any]] = {
    "name": {"name": "Permits system", "role": "integration"},
}


def test_api_keys_refuse_fields_named_like_a_credential(
    client: TestClient, database: Database, admin: dict[str, str]
) -> None:
    secrets = secret_named_fields()
    for secret in secrets:
        response = client.post(
            API_KEYS, json={**API_KEY_BODIES["name"], secret.kind: secret.value}, headers=admin
        )
        assert refusal_problem(response, secret) is None, response.text
    assert stored_needles(database, secrets) == []


def test_api_keys_refuse_secret_values(
    client: TestClient, database: Database, admin: dict[str, str]
) -> None:
    secrets = fake_secrets()
    failures = []
    for secret in secrets:
        created = client.post(
            API_KEYS, json={**API_KEY_BODIES["name"], "name": secret.value}, headers=admin
        )
        if problem := refusal_problem(created, secret):
            failures.append(f"name with {secret.kind}: {problem}")
    key = client.post(API_KEYS, json=API_KEY_BODIES["name"], headers=admin)
    assert key.status_code == 201, key.text
    for secret in secrets:
        revoked = client.post(
            f"{API_KEYS}/{key.json()['id']}/revoke", json={"reason": secret.value}, headers=admin
        )
        if problem := refusal_problem(revoked, secret):
            failures.append(f"revocation reason with {secret.kind}: {problem}")
    assert failures == []
    assert stored_needles(database, secrets) == []
