"""The route class every router uses, and the marker for routes without credentials."""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute, APIRouter, iter_route_contexts
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import Scope

from app.core.db import WRITE_METHODS, end_request_session
from app.core.idempotency import completed_claim

# openapi_extra marker: the route answers without credentials (a test holds every other
# route to an Authorize dependency).
PUBLIC: dict[str, Any] = {"x-public": True}


class CivicRoute(APIRoute):
    """The unit of work of a request. After the route has returned and its response is
    serialised, and before a byte is sent: store a claimed idempotent response, then commit.
    On any error, from a dependency or the route, roll back; the error handlers answer."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route_handler(request: Request) -> Response:
            try:
                if request.method in WRITE_METHODS:
                    # The whole body is read before the first database statement: a request
                    # that read it later (a document upload) would wait on the network while
                    # holding SQLite's write lock, and the requests queued behind that lock
                    # block the event loop it needs (every one then waited out the busy
                    # timeout: 503s under concurrent writes). Later reads hit the cache.
                    await request.body()
                response = await handler(request)
                claim = completed_claim(request)
                if claim is not None and response.status_code < 300:
                    claim.complete(response)
            except BaseException:
                end_request_session(request.scope, commit=False)
                raise
            end_request_session(request.scope, commit=True)
            return response

        return route_handler


class DomainRouter(APIRouter):
    """A domain's router, which says no at once to paths outside the ones it serves.

    FastAPI matches routes one by one (~5 us each), through every included router before the
    one that serves the path, and then again inside that one: without this, a request paid
    for the routes of every domain listed before its own (bench/)."""

    def __init__(self, *, serves: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(route_class=CivicRoute, **kwargs)
        self.serves = serves
        self._full_prefixes = serves

    def mount_under(self, prefix: str) -> None:
        """Called when the router is included under ``prefix``: the paths it serves then
        start with it."""
        self._full_prefixes = tuple(prefix + path for path in self.serves)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path: str = scope["path"]
        root_path: str = scope.get("root_path", "")
        if root_path and path.startswith(root_path + "/"):  # as Starlette's routes see it
            path = path[len(root_path) :]
        if not any(
            path == prefix or path.startswith((prefix + "/", prefix + "?"))
            for prefix in self._full_prefixes
        ):
            return Match.NONE, {}
        return super().matches(scope)


@dataclass(frozen=True, slots=True)
class RouteEntry:
    """A route as clients see it: its full path template (prefixes included) and methods."""

    path: str
    methods: frozenset[str]
    route: APIRoute
    pattern: re.Pattern[str]


def route_table(app: FastAPI) -> list[RouteEntry]:
    """Every API route of the app with its full path, built once per app.

    Included routers keep their routes' own paths (without the prefix), so the full template
    comes from FastAPI's route contexts."""
    table: list[RouteEntry] | None = getattr(app.state, "route_table", None)
    if table is None:
        table = [
            RouteEntry(
                path=context.path_format,
                methods=frozenset(context.methods or ()),
                route=context.original_route,
                pattern=context.path_regex,
            )
            for context in iter_route_contexts(app.routes)
            if isinstance(context.original_route, APIRoute) and context.path_format
        ]
        app.state.route_table = table
    return table


def route_template(app: FastAPI, route: object) -> str | None:
    """The full path template of the route that served a request (for metrics labels)."""
    templates: dict[int, str] | None = getattr(app.state, "route_templates", None)
    if templates is None:
        templates = {id(entry.route): entry.path for entry in route_table(app)}
        app.state.route_templates = templates
    return templates.get(id(route))
