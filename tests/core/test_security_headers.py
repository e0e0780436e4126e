"""Response hardening: security headers everywhere, CORS only where configured, docs that
can be turned off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import make_settings


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def build(**overrides: object) -> TestClient:
        settings = make_settings(f"sqlite:///{tmp_path / 'headers.db'}", tmp_path, **overrides)
        client = TestClient(create_app(settings))
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


def test_api_responses_cannot_be_sniffed_framed_or_cached(client: TestClient) -> None:
    response = client.get("/api/v1/people")  # a 401 problem: error bodies are covered too
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    assert (
        response.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    )


def test_docs_allow_scripts_from_the_service_only(client: TestClient) -> None:
    response = client.get("/docs")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src" not in policy  # falls back to 'self': no inline script runs
    assert "<script>" not in response.text
    assert client.get("/static/docs-init.js").status_code == 200


def test_cors_is_off_unless_origins_are_configured(make_client: Callable[..., TestClient]) -> None:
    preflight = {
        "Origin": "https://intranet.town.example.ca",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "Authorization",
    }
    closed = make_client().options("/api/v1/people", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers

    opened = make_client(cors_origins=["https://intranet.town.example.ca"])
    response = opened.options("/api/v1/people", headers=preflight)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://intranet.town.example.ca"
    assert "authorization" in response.headers["access-control-allow-headers"].lower()
    other = opened.options(
        "/api/v1/people", headers={**preflight, "Origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in other.headers


def test_docs_and_contract_can_be_turned_off(make_client: Callable[..., TestClient]) -> None:
    client = make_client(docs_enabled=False)
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 404
    assert client.get("/static/docs-init.js").status_code == 404
    assert client.get("/livez").status_code == 200
