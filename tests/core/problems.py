"""The shape every error response must have (RFC 9457 problem details)."""

from __future__ import annotations

from typing import Any

import httpx

PROBLEM_MEDIA_TYPE = "application/problem+json"


def assert_problem(
    response: httpx.Response,
    status: int,
    type_: str | None = None,
    *,
    detail: bool = False,
) -> dict[str, Any]:
    """Assert ``response`` is a problem+json document for ``status`` and return its body.

    ``type_`` is the expected ``type`` (e.g. ``/problems/not-found``); ``detail=True`` also
    requires a non-empty ``detail``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE, response.headers
    body: dict[str, Any] = response.json()
    for member in ("type", "title", "status", "instance", "request_id"):
        assert member in body, f"{member} missing from {body}"
    assert body["status"] == status
    assert body["type"].startswith("/problems/")
    if type_ is not None:
        assert body["type"] == type_, body
    assert isinstance(body["title"], str)
    assert body["title"]
    assert body["instance"] == response.request.url.path
    assert body["request_id"] == response.headers["X-Request-ID"]
    if detail:
        assert isinstance(body.get("detail"), str)
        assert body["detail"]
    return body
