"""The application factory: ``create_app(settings)``. Importing this module builds nothing;
the server calls the factory (``uvicorn --factory app.main:create_app``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles

from app import __version__
from app.api import include_api
from app.auth.oidc import OIDCVerifier
from app.core import docs, health
from app.core.config import Settings, get_settings
from app.core.db import Database
from app.core.errors import install_error_handlers
from app.core.idempotency import IdempotentReplay, replay_handler
from app.core.logging import configure_logging
from app.core.middleware import RequestContextMiddleware
from app.core.routing import PUBLIC, CivicRoute
from app.openapi import build_openapi

DESCRIPTION = """\
Civic Social governs a town's social media: what its policy says, whether a post or comment
breaks it, which official accounts exist and who may use them, and whether the people who
moderate them are trained.

Every error is an RFC 9457 problem (`application/problem+json`). Lists take `page` and
`page_size`. Updates need `If-Match` with the ETag from your last read. Creating POSTs accept
`Idempotency-Key`. Send `Authorization: Bearer <API key>`; `X-Request-ID` is echoed.
"""


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    database = Database(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    app = FastAPI(
        openapi_url="/openapi.json" if settings.docs_enabled else None,
        title="Civic Social",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    # Routes added on the app itself get the request's unit of work too.
    app.router.route_class = CivicRoute
    app.state.settings = settings
    app.state.database = database
    app.state.secret_key = settings.resolved_secret_key()
    app.state.oidc_verifier = OIDCVerifier(settings.oidc) if settings.oidc.enabled else None

    install_error_handlers(app)
    app.add_exception_handler(IdempotentReplay, replay_handler)
    if settings.expose_bench_endpoint:
        _add_bench_endpoint(app)  # first, so no other route is tried before it
    app.include_router(health.router)  # probes are polled constantly: two routes, tried first
    include_api(app)
    if settings.docs_enabled:
        app.include_router(docs.router)
    if settings.docs_enabled:
        app.mount("/static", StaticFiles(directory=docs.STATIC_DIR), name="static")
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "Idempotency-Key",
                "X-Request-ID",
            ],
            expose_headers=[
                "ETag",
                "Location",
                "Retry-After",
                "X-Request-ID",
                "Idempotent-Replayed",
            ],
            max_age=600,
        )
    app.add_middleware(
        RequestContextMiddleware,
        max_body_bytes=settings.max_request_body_bytes,
        access_log=settings.access_log,
    )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _add_bench_endpoint(app: FastAPI) -> None:
    """The benchmark's baseline: the cheapest route this app can serve, through the same
    middleware, so other routes can be reported as a ratio of it."""

    @app.get("/bench/bare", include_in_schema=False, openapi_extra=PUBLIC)
    async def bare() -> dict[str, str]:
        return {"status": "ok"}
