"""The committed contract (openapi/openapi.json) is what the code serves, and every operation
in it is documented the same way: a stable operationId, a summary, a tag, and every error as
an application/problem+json body."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.core.routing import route_table
from app.main import create_app
from app.openapi import CONTRACT_PATH, EXPORT_COMMAND, check, export, render
from tests.conftest import make_settings

PROBLEM = "application/problem+json"
PROBLEM_REF = "#/components/schemas/Problem"

Operation = tuple[str, str, dict[str, Any]]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    # Shadows the session app: nothing here touches a database, so one backend is enough.
    tmp = tmp_path_factory.mktemp("openapi")
    return create_app(make_settings(f"sqlite:///{tmp / 'openapi.db'}", tmp))


@pytest.fixture(scope="module")
def document(app: FastAPI) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(render(app))
    return schema


def operations(document: dict[str, Any]) -> list[Operation]:
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def documented_routes(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    return [
        (method.lower(), entry.path, entry.route)
        for entry in route_table(app)
        if entry.route.include_in_schema
        for method in sorted(entry.methods)
    ]


def test_the_committed_contract_is_what_the_app_serves(app: FastAPI) -> None:
    problem = check(app)
    assert problem is None, problem
    assert EXPORT_COMMAND == "civic-social openapi export"


def test_a_drifted_contract_is_reported_with_the_command_that_fixes_it(
    app: FastAPI, tmp_path: Path
) -> None:
    missing = check(app, tmp_path / "absent.json")
    assert missing is not None
    assert "civic-social openapi export" in missing

    drifted = tmp_path / "openapi.json"
    drifted.write_text(CONTRACT_PATH.read_text(encoding="utf-8").replace("List people", "Lst"))
    message = check(app, drifted)
    assert message is not None
    assert "civic-social openapi export" in message

    export(app, drifted)
    assert check(app, drifted) is None


def test_the_served_document_is_the_contract(app: FastAPI, document: dict[str, Any]) -> None:
    with TestClient(app) as client:
        served = client.get("/openapi.json")
    assert served.status_code == 200
    assert served.json() == document


def test_the_contract_is_deterministic(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Two apps built alike render byte for byte alike (no set order, no per-run values)."""
    renders = []
    for name in ("one", "two"):
        tmp = tmp_path_factory.mktemp(name)
        renders.append(render(create_app(make_settings(f"sqlite:///{tmp / 'x.db'}", tmp))))
    assert renders[0] == renders[1]


def test_every_route_is_an_operation_and_every_operation_a_route(
    app: FastAPI, document: dict[str, Any]
) -> None:
    from_routes = {(method, path) for method, path, _ in documented_routes(app)}
    from_document = {(method, path) for method, path, _ in operations(document)}
    assert from_routes == from_document


def test_operation_ids_are_tag_dash_function_and_unique(
    app: FastAPI, document: dict[str, Any]
) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(document)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for method, path, route in documented_routes(app):
        operation = document["paths"][path][method]
        assert operation["operationId"] == f"{operation['tags'][0]}-{route.endpoint.__name__}", (
            method,
            path,
        )


def test_every_schema_has_a_name_of_its_own(document: dict[str, Any]) -> None:
    # Two models with one class name in two packages are published as "app__<package>__..."
    # names, which generated clients turn into unusable types.
    names = list(document["components"]["schemas"])
    assert [n for n in names if not re.fullmatch(r"[A-Z][A-Za-z0-9_]*", n) or "__" in n] == []


def test_creates_link_to_the_operations_on_what_they_create(document: dict[str, Any]) -> None:
    operations = {
        op["operationId"]: path for path, item in document["paths"].items() for op in item.values()
    }
    created = document["paths"]["/api/v1/comments"]["post"]["responses"]["201"]["links"]
    assert created["comments-get_comment"]["parameters"] == {"comment_id": "$response.body#/id"}
    for path, item in document["paths"].items():
        for operation in item.values():
            for link in operation["responses"].get("201", {}).get("links", {}).values():
                target = operations[link["operationId"]]
                assert set(link["parameters"]) == set(re.findall(r"\{(\w+)\}", target)), path


def test_every_operation_has_a_summary_and_a_tag(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        assert operation.get("summary", "").strip(), (method, path)
        assert operation.get("tags"), (method, path)
        assert all(isinstance(tag, str) and tag for tag in operation["tags"]), (method, path)


def test_every_error_response_is_a_problem(document: dict[str, Any]) -> None:
    assert "Problem" in document["components"]["schemas"]
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for method, path, operation in operations(document):
        errors = {s: r for s, r in operation["responses"].items() if s.startswith(("4", "5"))}
        for status, response in errors.items():
            where = (method, path, status)
            assert response.get("description"), where
            assert set(response.get("content", {})) == {PROBLEM}, where
            assert response["content"][PROBLEM]["schema"] == {"$ref": PROBLEM_REF}, where


def test_authenticated_operations_document_401_403_and_503(document: dict[str, Any]) -> None:
    public = []
    for method, path, operation in operations(document):
        if operation.get("security") == []:
            public.append((method, path))
            assert "x-required-roles" not in operation
            continue
        assert operation["x-required-roles"], (method, path)
        assert "admin" in operation["x-required-roles"], (method, path)
        assert {"401", "403", "503"} <= set(operation["responses"]), (method, path)
    assert ("get", "/livez") in public
    assert ("get", "/api/v1/people") not in public


def test_operations_with_inputs_document_422_and_bodies_413(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        responses = set(operation["responses"])
        if "requestBody" in operation:
            assert {"413", "422"} <= responses, (method, path)
        if any(p["in"] in ("path", "query") for p in operation.get("parameters", [])):
            assert "422" in responses, (method, path)


def test_operations_taking_if_match_document_412_and_428(document: dict[str, Any]) -> None:
    conditional = []
    for method, path, operation in operations(document):
        headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
        if "If-Match" in headers:
            conditional.append((method, path))
            assert {"412", "428"} <= set(operation["responses"]), (method, path)
    assert ("patch", "/api/v1/people/{person_id}") in conditional
    assert ("delete", "/api/v1/departments/{department_id}") in conditional
