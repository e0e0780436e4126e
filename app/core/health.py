"""Liveness, readiness and metrics: what an orchestrator and a scraper ask."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from sqlalchemy import exc as sa_exc

from app.core import metrics
from app.core.errors import ServiceUnavailable, problem_responses
from app.core.migrations import current_revisions, head_revisions
from app.core.routing import PUBLIC, CivicRoute

router = APIRouter(tags=["health"], route_class=CivicRoute)


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready"] = "ready"
    database: Literal["ok"] = "ok"
    migrations: Literal["at_head"] = "at_head"


@router.get("/livez", summary="Liveness", openapi_extra=PUBLIC)
async def livez() -> Health:
    """The process is up and serving. Touches nothing else."""
    return Health()


# Sync: a database that does not answer must not stall the event loop.
@router.get("/readyz", summary="Readiness", openapi_extra=PUBLIC, responses=problem_responses(503))
def readyz(request: Request) -> Readiness:
    """The database answers and its schema is at the migration head."""
    retry = {"Retry-After": str(request.app.state.settings.retry_after_seconds)}
    try:
        with request.app.state.database.engine.connect() as connection:
            current = current_revisions(connection)
    except (
        sa_exc.OperationalError,
        sa_exc.InterfaceError,
        sa_exc.TimeoutError,
        sa_exc.ProgrammingError,
        sa_exc.DisconnectionError,
    ) as exc:
        raise ServiceUnavailable("The database cannot be reached.", headers=retry) from exc
    if current != head_revisions():
        raise ServiceUnavailable(
            "The database schema is not at the migration head; run `civic-social migrate`.",
            headers=retry,
        )
    return Readiness()


@router.get("/metrics", summary="Prometheus metrics", openapi_extra=PUBLIC, include_in_schema=False)
async def prometheus_metrics() -> Response:
    body, content_type = metrics.render()
    return Response(content=body, media_type=content_type)
