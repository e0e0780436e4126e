"""Pure ASGI middleware (no BaseHTTPMiddleware: it costs a task and a copy per request).

One layer does what every request needs: request id in and out, the body size limit,
Prometheus metrics by route template, the optional access log, and the last-resort 500
that leaks nothing and logs the request id."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import metrics
from app.core.context import reset_request_id, set_request_id
from app.core.errors import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, Problem
from app.core.routing import route_template

REQUEST_ID_HEADER = b"x-request-id"
# On every response. The API answers JSON only: nothing in it may run, be framed or be
# cached by a shared cache (people's records). /docs sets a policy of its own.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
API_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"cache-control", b"no-store"),
)
_VALID_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:\-]{1,128}$")

logger = structlog.get_logger("app.request")


def _incoming_request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER:
            if _VALID_REQUEST_ID.match(value):
                return str(value.decode("ascii"))
            break
    return uuid.uuid4().hex


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, access_log: bool) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        request_id = _incoming_request_id(scope)
        token = set_request_id(request_id)
        method = scope["method"]
        is_api = scope["path"].startswith("/api/")
        # HEAD is GET without the body (RFC 9110 9.3.2); routes declare only GET. A copy: the
        # server keeps its own scope, where the method must stay HEAD.
        inner_scope = {**scope, "method": "GET"} if method == "HEAD" else scope
        started = time.perf_counter()
        status_code = 500
        response_started = False
        recorded = False
        limit = self.max_body_bytes

        def record() -> None:
            nonlocal recorded
            recorded = True
            elapsed = time.perf_counter() - started
            route = inner_scope.get("route")
            template = (
                route_template(scope["app"], route) if route is not None else None
            ) or "<unmatched>"
            metrics.observe_request(method, template, status_code, elapsed)
            if self.access_log:
                logger.info(
                    "request",
                    method=method,
                    path=scope["path"],
                    route=template,
                    status=status_code,
                    duration_ms=round(elapsed * 1000, 2),
                )

        async def send_wrapper(message: Message) -> None:
            nonlocal status_code, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status_code = message["status"]
                headers = list(message.get("headers", ()))
                headers.append((REQUEST_ID_HEADER, request_id.encode("ascii")))
                headers.extend(SECURITY_HEADERS)
                if is_api:
                    present = {name.lower() for name, _ in headers}
                    headers.extend(h for h in API_HEADERS if h[0] not in present)
                message["headers"] = headers
            elif message["type"] == "http.response.body":
                if method == "HEAD":
                    message = {**message, "body": b""}
                if not message.get("more_body", False):
                    # Counted before the last byte leaves: a client that has its response
                    # finds it in the next scrape.
                    record()
            await send(message)

        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised inside body parsing; FastAPI re-raises HTTPException as is.
                    raise HTTPException(413, f"The request body exceeds {limit} bytes.")
            return message

        try:
            declared = _declared_length(scope)
            if declared is not None and declared > limit:
                # Refused before a byte of the body is read.
                await self._send_problem(
                    send_wrapper,
                    scope,
                    413,
                    "content-too-large",
                    "Content too large",
                    f"The request body exceeds {limit} bytes.",
                    request_id,
                )
                return
            await self.app(inner_scope, receive_limited, send_wrapper)
        except Exception:
            logger.exception("unhandled_error", method=method, path=scope["path"])
            if not response_started:
                await self._send_problem(
                    send_wrapper,
                    scope,
                    500,
                    "internal-error",
                    "Internal error",
                    "An unexpected error occurred. Quote the request id when reporting it.",
                    request_id,
                )
        finally:
            if not recorded:  # no complete response: an error, or the client went away
                record()
            reset_request_id(token)

    @staticmethod
    async def _send_problem(
        send: Send, scope: Scope, status: int, type_: str, title: str, detail: str, request_id: str
    ) -> None:
        body = Problem(
            type=PROBLEM_TYPE_BASE + type_,
            title=title,
            status=status,
            detail=detail,
            instance=scope.get("path"),
            request_id=request_id,
        )
        payload = body.model_dump_json(exclude_none=True).encode()
        headers: list[tuple[bytes, bytes]] = [
            (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
            (b"content-length", str(len(payload)).encode()),
        ]
        if status == 413:
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})
