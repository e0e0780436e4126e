"""The OpenAPI contract: built from the app, committed at openapi/openapi.json, checked for
drift. The build adds what FastAPI cannot see: roles per operation, problem+json bodies on
every error, and the statuses the shared middleware and dependencies answer with."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from app.auth.dependencies import BEARER_SCHEME, Authorize
from app.core.errors import PROBLEM_MEDIA_TYPE
from app.core.etag import ETAG_PATTERN
from app.core.routing import route_table
from app.core.schemas import DECLARED_BODY_MODELS

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.dependencies.models import Dependant

CONTRACT_PATH = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"
EXPORT_COMMAND = "civic-social openapi export"

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_SHARED_ERRORS = {
    "401": "Credentials missing or invalid",
    "403": "The credential lacks a role this operation needs",
    "503": "The database cannot be reached; retry after Retry-After seconds",
}


def required_roles(route: APIRoute) -> frozenset[str] | None:
    """The roles an operation's Authorize dependency asks for, or None if it has none."""
    stack: list[Dependant] = [route.dependant]
    while stack:
        dependant = stack.pop()
        if isinstance(dependant.call, Authorize):
            return frozenset(role.value for role in dependant.call.roles)
        stack.extend(dependant.dependencies)
    return None


def _has_header(route: APIRoute, alias: str) -> bool:
    stack: list[Dependant] = [route.dependant]
    while stack:
        dependant = stack.pop()
        if any(param.alias == alias for param in dependant.header_params):
            return True
        stack.extend(dependant.dependencies)
    return False


def build_openapi(app: FastAPI) -> dict[str, Any]:
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schema.setdefault("components", {}).setdefault("schemas", {})
    for entry in route_table(app):
        if not entry.route.include_in_schema:
            continue
        for method in entry.methods:
            operation = schema["paths"][entry.path][method.lower()]
            _complete_operation(entry.route, operation)
    for operation in (op for item in schema["paths"].values() for op in item.values()):
        for status, response in operation.get("responses", {}).items():
            if status.startswith(("4", "5")):
                response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}}
    schema["components"]["securitySchemes"] = {"bearer": BEARER_SCHEME}
    components = schema["components"]["schemas"]
    for name, model in DECLARED_BODY_MODELS.items():
        declared = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for nested, nested_schema in declared.pop("$defs", {}).items():
            components.setdefault(nested, nested_schema)
        components.setdefault(name, declared)
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    schema["components"]["schemas"] = dict(sorted(components.items()))
    _add_links(schema["paths"])
    return schema


_PARAM = re.compile(r"\{(\w+)\}")


def _add_links(paths: dict[str, Any]) -> None:
    """OpenAPI links from what a create returns to the operations on it: the new resource's
    ``id`` (or its ``ref``, ``code``: the body field named like the path parameter) fills the
    parameter of every operation under ``<collection>/{param}``, and the collection's own path
    parameters carry over from the request. Clients, and the contract fuzzer's stateful phase,
    follow them from one answer to the next call."""
    for collection, item in paths.items():
        created = item.get("post", {}).get("responses", {}).get("201")
        if created is None:
            continue
        inherited = {name: f"$request.path.{name}" for name in _PARAM.findall(collection)}
        links: dict[str, Any] = {}
        for path, operations in paths.items():
            if not path.startswith(collection + "/"):
                continue
            first, *rest = path[len(collection) + 1 :].split("/")
            own = _PARAM.fullmatch(first)
            if own is None or any(_PARAM.fullmatch(part) for part in rest):
                continue
            name = own.group(1)
            field = "id" if name == "id" or name.endswith("_id") else name
            for method, operation in operations.items():
                links[operation["operationId"]] = {
                    "operationId": operation["operationId"],
                    "parameters": {**inherited, name: f"$response.body#/{field}"},
                    "description": f"{method.upper()} {path} for what was just created",
                }
        if links:
            created["links"] = dict(sorted(links.items()))


def _complete_operation(route: APIRoute, operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    roles = required_roles(route)
    if roles is None:
        operation["security"] = []
    else:
        operation["security"] = [{"bearer": []}]
        operation["x-required-roles"] = sorted(roles | {"admin"})  # admin passes every check
        for status in ("401", "403", "503"):
            responses.setdefault(status, {"description": _SHARED_ERRORS[status]})
    if "422" in responses:
        responses["422"]["description"] = "The request is not valid, or breaks a rule"
    if route.body_field is not None or "requestBody" in (route.openapi_extra or {}):
        responses.setdefault("400", {"description": "The body is not decodable text"})
        responses.setdefault("413", {"description": "The request body is too large"})
    if _has_header(route, "If-Match"):
        # Optional to FastAPI so that a missing header answers 428, not 422; required in
        # the contract, with the form of the ETags this service issues.
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "header" and parameter["name"] == "If-Match":
                parameter["required"] = True
                parameter["schema"] = {
                    "type": "string",
                    "pattern": ETAG_PATTERN,
                    "examples": ['"3"'],
                }
        responses.setdefault("400", {"description": "If-Match is not an ETag"})
        responses.setdefault("412", {"description": "The resource changed since it was read"})
        responses.setdefault("428", {"description": "If-Match is missing"})
    operation["responses"] = dict(sorted(responses.items()))


def render(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def export(app: FastAPI, path: Path = CONTRACT_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(app), encoding="utf-8")
    return path


def check(app: FastAPI, path: Path = CONTRACT_PATH) -> str | None:
    """None when the committed contract matches the app; otherwise what to do about it."""
    if not path.exists():
        return f"{path} is missing: run `{EXPORT_COMMAND}` and commit it."
    if path.read_text(encoding="utf-8") != render(app):
        return (
            f"{path} differs from the API the code serves: run `{EXPORT_COMMAND}`, "
            "read the diff, and commit it."
        )
    return None
