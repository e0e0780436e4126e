"""RFC 9457 problem details: the error categories every domain subclasses, and the handlers
that render every error (domain, HTTP, validation, database, unexpected) as
``application/problem+json``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any, ClassVar

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import exc as orm_exc
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.core.context import current_request_id

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "/problems/"

logger = structlog.get_logger("app.errors")


class FieldError(BaseModel):
    loc: list[str | int] = Field(
        description="Where the error is: body, query, path or header, then the field"
    )
    type: str = Field(description="A stable error code, e.g. missing or extra_forbidden")
    msg: str
    line: int | None = Field(default=None, description="For documents: the 1-based line")


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "/problems/person-not-found",
                    "title": "Person not found",
                    "status": 404,
                    "detail": "No person has id 5f0c...",
                    "instance": "/api/v1/people/5f0c...",
                    "request_id": "9d1f0c2b6a3e4f5d",
                }
            ]
        },
    )

    type: str = Field(description="A stable identifier of the kind of problem")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = Field(
        default=None, description="Validation errors, one per field"
    )


class ProblemError(Exception):
    """Base of every error the service raises on purpose. Subclass a category below."""

    status: ClassVar[int] = 500
    type: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal error"

    def __init__(
        self, detail: str | None = None, *, headers: dict[str, str] | None = None, **extensions: Any
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.headers = headers or {}
        self.extensions = extensions


class BadRequest(ProblemError):
    status, type, title = 400, "bad-request", "Bad request"


class Unauthenticated(ProblemError):
    status, type, title = 401, "unauthenticated", "Authentication required"


class PermissionDenied(ProblemError):
    status, type, title = 403, "permission-denied", "Permission denied"


class NotFound(ProblemError):
    status, type, title = 404, "not-found", "Not found"


class Conflict(ProblemError):
    status, type, title = 409, "conflict", "Conflict"


class PreconditionFailed(ProblemError):
    status, type, title = 412, "precondition-failed", "Precondition failed"


class UnsupportedMediaType(ProblemError):
    status, type, title = 415, "unsupported-media-type", "Unsupported media type"


class RuleViolation(ProblemError):
    status, type, title = 422, "rule-violation", "The request breaks a rule"


class PreconditionRequired(ProblemError):
    status, type, title = 428, "precondition-required", "Precondition required"


class ServiceUnavailable(ProblemError):
    status, type, title = 503, "service-unavailable", "Service unavailable"


def problem_response(
    status: int,
    type_: str,
    title: str,
    detail: str | None,
    request: Request | None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> Response:
    body = Problem(
        type=PROBLEM_TYPE_BASE + type_,
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path if request is not None else None,
        request_id=current_request_id(),
        **extensions,
    )
    return Response(
        content=body.model_dump_json(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


_HTTP_TYPES = {
    400: "bad-request",
    401: "unauthenticated",
    403: "permission-denied",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "content-too-large",
    415: "unsupported-media-type",
}
# One title per problem type, whoever answers: the middleware refuses a declared oversized
# body with this title, and Python's phrase for 413 differs between versions.
_HTTP_TITLES = {413: "Content too large"}


async def _problem_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)
    if exc.status >= 500:
        logger.error("problem", type=exc.type, detail=exc.detail)
    return problem_response(
        exc.status, exc.type, exc.title, exc.detail, request, exc.headers, **exc.extensions
    )


def _allowed_methods(request: Request) -> str | None:
    """Every method any route serves at this path. Starlette answers 405 from the first route
    whose path matches, so its Allow header would name only that route's methods. HEAD goes
    with GET (the middleware serves it). None when no API route has this path (a mount such
    as /static answers for itself)."""
    from app.core.routing import route_table  # routing imports this module

    path = request.scope["path"]
    methods = {
        m for entry in route_table(request.app) if entry.pattern.match(path) for m in entry.methods
    }
    if not methods:
        return None
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    headers = dict(exc.headers or {})
    if status == 405:
        allow = _allowed_methods(request)
        if allow is not None:
            headers["Allow"] = allow
    phrase = _HTTP_TITLES.get(status) or (
        HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    )
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    type_ = _HTTP_TYPES.get(status, phrase.lower().replace(" ", "-"))
    return problem_response(status, type_, phrase, detail, request, headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    # Only where and what: the offending input is never echoed back (it may be personal data).
    errors = [
        FieldError(
            loc=list(err.get("loc", ())),
            type=str(err.get("type", "invalid")),
            msg=str(err.get("msg", "Invalid value")),
        )
        for err in exc.errors()
    ]
    count = len(errors)
    return problem_response(
        422,
        "validation-error",
        "The request is not valid",
        f"{count} field{'s' if count != 1 else ''} failed validation",
        request,
        errors=[e.model_dump() for e in errors],
    )


def _answer_with(
    status: int, type_: str, title: str, detail: str
) -> Callable[[Request, Exception], Awaitable[Response]]:
    """A handler that answers a database-level exception with one fixed problem."""

    async def handler(request: Request, exc: Exception) -> Response:
        logger.info("database_refused", error=type(exc).__name__, problem=type_)
        return problem_response(status, type_, title, detail, request)

    return handler


# A race the service's own checks could not see (two writers, one unique value).
_integrity_error = _answer_with(
    409,
    "conflict",
    "Conflict",
    "The change conflicts with the current state of another record; reload and try again.",
)
# Values the validators let through but the database cannot store (a NUL character in text
# on PostgreSQL, say): the client's input, so a 422, never a 500.
_data_error = _answer_with(
    422,
    "unstorable-value",
    "The request is not valid",
    "A value in the request cannot be stored or compared by the database "
    "(for example a NUL character).",
)
# Two writers read the same version and both passed the service's version check; the later
# UPDATE ... WHERE version = n then matched no row. The same answer as that check.
_stale_write = _answer_with(
    412,
    "stale-version",
    "The resource changed since you read it",
    "Another change was saved first. Read it again and reapply your change.",
)


# SQLite reports a missing table or a bad statement as an OperationalError too: a defect or
# an unmigrated database, not an outage to retry. Those stay 500s (logged with the request id).
_SQLITE_DEFECTS = ("no such table", "no such column", "syntax error", "has no column named")


async def _database_unavailable(request: Request, exc: Exception) -> Response:
    settings = request.app.state.settings
    if isinstance(exc, sa_exc.OperationalError) and any(
        marker in str(exc.orig) for marker in _SQLITE_DEFECTS
    ):
        raise exc
    logger.warning("database_unavailable", error=type(exc).__name__)
    return problem_response(
        503,
        "database-unavailable",
        "Service unavailable",
        "The database cannot be reached or is busy; nothing was changed. Try again shortly.",
        request,
        {"Retry-After": str(settings.retry_after_seconds)},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _problem_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(sa_exc.IntegrityError, _integrity_error)
    app.add_exception_handler(orm_exc.StaleDataError, _stale_write)
    app.add_exception_handler(sa_exc.DataError, _data_error)
    app.add_exception_handler(sa_exc.OperationalError, _database_unavailable)
    app.add_exception_handler(sa_exc.InterfaceError, _database_unavailable)
    app.add_exception_handler(sa_exc.TimeoutError, _database_unavailable)
    app.add_exception_handler(sa_exc.DisconnectionError, _database_unavailable)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries documenting problem+json bodies for these statuses."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for status in statuses
    }
