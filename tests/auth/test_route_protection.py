"""Every route needs credentials unless it is marked public, and the roles each route declares
are the roles it enforces and the roles the OpenAPI document states."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from app.core.actor import Role
from app.core.routing import PUBLIC, RouteEntry, route_table
from app.openapi import required_roles

PROBLEM = "application/problem+json"
CHALLENGE = 'Bearer realm="civic-social"'
PUBLIC_PATHS = {
    "/livez",
    "/readyz",
    "/docs",
    "/metrics",
    "/terms-of-engagement",
    "/api/v1/terms-of-engagement",
    "/api/v1/public/accounts/verify",
    "/api/v1/moderation/reason-codes",
    "/api/v1/moderation/reason-codes/{code}",
    "/api/v1/public/appeals",
}
# What a public route needs to answer 200.
PUBLIC_QUERIES = {"/api/v1/public/accounts/verify": {"url": "https://facebook.com/alderbay"}}
# Public routes that cannot answer 200 to a bare request, and what they answer instead: a
# reason code nobody published, an appeal without its body. Never 401.
PUBLIC_REFUSALS = {
    ("GET", "/api/v1/moderation/reason-codes/{code}"): (404, "/problems/reason-code-not-found"),
    ("POST", "/api/v1/public/appeals"): (422, "/problems/validation-error"),
}
SAMPLE_UUID = "5f0c8a3e-2d1b-4c6a-9e7f-0123456789ab"
_PLACEHOLDER = re.compile(r"{(\w+)(?::\w+)?}")


def is_public(entry: RouteEntry) -> bool:
    extra = entry.route.openapi_extra or {}
    return all(extra.get(k) == v for k, v in PUBLIC.items())


def concrete_path(entry: RouteEntry) -> str:
    """The path template with every parameter filled by a value of its declared type."""
    types = {p.alias: p.field_info.annotation for p in entry.route.dependant.path_params}

    def fill(match: re.Match[str]) -> str:
        annotation = types.get(match.group(1))
        if annotation is uuid.UUID:
            return SAMPLE_UUID
        if annotation is int:
            return "1"
        if annotation is str:
            return "a_code"
        if isinstance(annotation, type) and issubclass(annotation, StrEnum):
            return next(iter(annotation)).value
        raise AssertionError(
            f"{entry.path}: teach this test a value for {match.group(1)}: {annotation}"
        )

    return _PLACEHOLDER.sub(fill, entry.path)


def operations(app: FastAPI, *, public: bool) -> Iterator[tuple[str, str, RouteEntry]]:
    for entry in route_table(app):
        if is_public(entry) != public:
            continue
        for method in sorted(entry.methods):
            yield method, concrete_path(entry), entry


def test_route_table_sees_the_whole_api(app: FastAPI) -> None:
    # A guard on the guard: if the table came back short, the sweeps below would prove nothing.
    paths = {entry.path for entry in route_table(app)}
    assert {
        "/api/v1/auth/whoami",
        "/api/v1/api-keys",
        "/api/v1/api-keys/{key_id}/revoke",
        "/api/v1/people/{person_id}",
        "/api/v1/audit-events/{seq}",
    } <= paths
    api_routes = [
        context.original_route
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute)
    ]
    assert len(route_table(app)) == len(api_routes)
    assert len(list(operations(app, public=False))) >= 15


def test_every_route_not_marked_public_refuses_a_request_without_credentials(
    client: TestClient, app: FastAPI
) -> None:
    failures: list[str] = []
    for method, path, _ in operations(app, public=False):
        variants: list[dict[str, Any]] = [
            {},
            # Headers and a body that other dependencies act on: none of them may answer first.
            {
                "json": {},
                "headers": {"Idempotency-Key": f"probe-{uuid.uuid4()}", "If-Match": '"1"'},
            },
        ]
        for variant in variants:
            response = client.request(method, path, **variant)
            problem = response.json() if response.headers.get("content-type") == PROBLEM else {}
            if (
                response.status_code != 401
                or problem.get("type") != "/problems/credentials-missing"
                or response.headers.get("WWW-Authenticate") != CHALLENGE
            ):
                failures.append(f"{method} {path} {sorted(variant)}: {response.status_code}")
    assert failures == []


def test_every_route_not_marked_public_refuses_an_unknown_credential(
    client: TestClient, app: FastAPI
) -> None:
    unknown = {"Authorization": "Bearer cs_" + "x" * 43}
    failures = []
    for method, path, _ in operations(app, public=False):
        response = client.request(method, path, headers=unknown)
        if (
            response.status_code != 401
            or response.headers.get("content-type") != PROBLEM
            or 'error="invalid_token"' not in response.headers.get("WWW-Authenticate", "")
        ):
            failures.append(f"{method} {path}: {response.status_code}")
    assert failures == []


def test_public_routes_are_exactly_the_health_docs_and_metrics_ones(app: FastAPI) -> None:
    public = {entry.path for entry in route_table(app) if is_public(entry)}
    assert public == PUBLIC_PATHS


def test_public_routes_answer_without_credentials(client: TestClient, app: FastAPI) -> None:
    for method, path, entry in operations(app, public=True):
        response = client.request(method, path, params=PUBLIC_QUERIES.get(path))
        refusal = PUBLIC_REFUSALS.get((method, entry.path))
        if refusal is None:
            assert response.status_code == 200, f"{method} {path}: {response.status_code}"
        else:
            assert (response.status_code, response.json()["type"]) == refusal, (method, path)


def test_only_the_openapi_document_and_static_files_are_served_outside_the_api_routes(
    client: TestClient, app: FastAPI
) -> None:
    others = {
        (type(context.original_route), getattr(context.original_route, "path", None))
        for context in iter_route_contexts(app.routes)
        if not isinstance(context.original_route, APIRoute)
    }
    assert others == {(Route, "/openapi.json"), (Mount, "/static")}

    document = client.get("/openapi.json")
    assert document.status_code == 200
    assert document.json()["info"]["title"] == "Civic Social"

    asset = client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert asset.status_code == 200


def test_every_route_not_marked_public_declares_its_roles(app: FastAPI) -> None:
    unguarded = [
        f"{sorted(entry.methods)} {entry.path}"
        for entry in route_table(app)
        if not is_public(entry) and not required_roles(entry.route)
    ]
    assert unguarded == []


def test_public_routes_declare_no_roles(app: FastAPI) -> None:
    guarded = [
        entry.path
        for entry in route_table(app)
        if is_public(entry) and required_roles(entry.route) is not None
    ]
    assert guarded == []


def test_openapi_states_the_roles_of_every_guarded_route(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    for method, _, entry in operations(app, public=False):
        assert entry.route.include_in_schema, f"{method} {entry.path} is missing from OpenAPI"
        operation = paths[entry.path][method.lower()]
        roles = required_roles(entry.route)
        assert roles is not None
        assert operation["x-required-roles"] == sorted(roles | {"admin"}), entry.path
        assert operation.get("security") != [], entry.path
        assert {"401", "403"} <= set(operation["responses"]), entry.path


def test_openapi_marks_public_routes_as_needing_no_credentials(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    for method, _, entry in operations(app, public=True):
        if not entry.route.include_in_schema:
            continue
        operation = paths[entry.path][method.lower()]
        assert operation["security"] == [], entry.path
        assert "x-required-roles" not in operation, entry.path


def test_each_route_enforces_the_roles_it_declares(
    client: TestClient, app: FastAPI, auth: Callable[[Role], dict[str, str]]
) -> None:
    failures: list[str] = []
    for method, path, entry in operations(app, public=False):
        declared = required_roles(entry.route) or frozenset()
        for role in Role:
            allowed = role is Role.ADMIN or role.value in declared
            # No body: a permitted caller gets a validation error or a 404, never a change.
            response = client.request(method, path, headers=auth(role))
            if allowed and response.status_code in (401, 403):
                failures.append(f"{role} refused on {method} {path}: {response.status_code}")
            if not allowed and (
                response.status_code != 403
                or response.json().get("type") != "/problems/role-required"
            ):
                failures.append(f"{role} let through {method} {path}: {response.status_code}")
    assert failures == []
