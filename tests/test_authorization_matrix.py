"""Every operation, called with every role and without credentials, is refused for want of a
role exactly where the authorization matrix (tests/authorization_matrix.py) says."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.actor import Role
from app.core.routing import RouteEntry, route_table
from tests.auth.test_route_protection import concrete_path
from tests.authorization_matrix import MATRIX, PUBLIC

ROLE_REQUIRED = "/problems/role-required"


def _operation_id(entry: RouteEntry) -> str:
    # As the contract names operations (app.main): "<first tag>-<function>".
    route = entry.route
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def _operations(app: FastAPI) -> list[tuple[str, str, RouteEntry]]:
    return sorted(
        (_operation_id(entry), method, entry)
        for entry in route_table(app)
        if entry.route.include_in_schema
        for method in sorted(entry.methods - {"HEAD"})
    )


def test_the_matrix_names_every_operation_once(app: FastAPI) -> None:
    served = {operation_id for operation_id, _, _ in _operations(app)}
    assert served - MATRIX.keys() == set(), "add these operations to the matrix"
    assert MATRIX.keys() - served == set(), "the matrix names operations that are gone"


def test_the_contract_advertises_the_matrix(app: FastAPI) -> None:
    contract = app.openapi()
    advertised = {
        op["operationId"]: (
            PUBLIC if op.get("x-public") else frozenset(Role(r) for r in op["x-required-roles"])
        )
        for path in contract["paths"].values()
        for op in path.values()
    }
    assert {k: v for k, v in advertised.items() if MATRIX.get(k) != v} == {}


def test_every_role_is_refused_exactly_where_the_matrix_says(
    client: TestClient, app: FastAPI, auth: Callable[[Role], dict[str, str]]
) -> None:
    principals: dict[str, dict[str, str]] = {role.value: auth(role) for role in Role}
    principals["anonymous"] = {}
    mismatches = []
    for operation_id, method, entry in _operations(app):
        allowed = MATRIX[operation_id]
        path = concrete_path(entry)
        for name, headers in principals.items():
            response = client.request(
                method,
                path,
                headers={**headers, "If-Match": '"1"', "Idempotency-Key": uuid.uuid4().hex},
                json={} if method in {"POST", "PUT", "PATCH"} else None,
            )
            problem = (
                response.json().get("type")
                if response.headers.get("content-type") == "application/problem+json"
                else None
            )
            if allowed is PUBLIC:
                refused = response.status_code in (401, 403) and problem in (
                    ROLE_REQUIRED,
                    "/problems/credentials-missing",
                )
                expected_refusal = False
            elif name == "anonymous":
                refused = response.status_code == 401
                expected_refusal = True
            else:
                refused = response.status_code == 403 and problem == ROLE_REQUIRED
                expected_refusal = Role(name) not in allowed and Role(name) is not Role.ADMIN
            if refused != expected_refusal:
                mismatches.append(
                    f"{operation_id} ({method} {entry.path}) as {name}: {response.status_code} "
                    f"{problem}, expected {'a refusal' if expected_refusal else 'no refusal'}"
                )
    assert mismatches == []
