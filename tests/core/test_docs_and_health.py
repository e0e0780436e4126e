"""What answers without credentials: the offline API docs, the OpenAPI document, liveness,
readiness and metrics; and how the service behaves while its database is away."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.engine import make_url

from app.auth import service as auth_service
from app.auth.schemas import ApiKeyCreate
from app.core.actor import Role, system_actor
from app.core.migrations import downgrade, upgrade
from app.main import create_app
from tests.conftest import PostgresDatabases, make_settings
from tests.core.problems import assert_problem
from tests.core.tcpproxy import TcpProxy
from tests.factories import person_payload

ASSET_TYPES = {
    ".css": ("text/css",),
    ".js": ("text/javascript", "application/javascript"),
    ".png": ("image/png",),
}
_ATTRIBUTE = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


# -- docs ----------------------------------------------------------------------------------


def test_docs_are_public_and_fetch_nothing_from_the_internet(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert 'data-openapi-url="/openapi.json"' in html
    starter = client.get("/static/docs-init.js").text
    assert "SwaggerUIBundle(" in starter
    assert "validatorUrl: null" in starter  # Swagger UI would otherwise call its validator
    assert not re.search(r"https?://", starter)

    references = _ATTRIBUTE.findall(html)
    assert references, "the page references no assets"
    for reference in references:
        assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", reference, re.IGNORECASE), reference
    assert not re.search(r"https?://", html), "the page names an absolute URL"

    for reference in references:
        asset = client.get(reference)
        assert asset.status_code == 200, reference
        expected = ASSET_TYPES[Path(reference).suffix]
        assert asset.headers["content-type"].split(";")[0] in expected, (reference, asset.headers)
        assert asset.content


def test_the_script_the_docs_need_is_the_swagger_ui_bundle(client: TestClient) -> None:
    script = client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert script.status_code == 200
    assert b"SwaggerUIBundle" in script.content


def test_the_openapi_document_is_public(client: TestClient) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/people" in document["paths"]


# -- liveness and readiness ----------------------------------------------------------------


def test_livez_answers_without_credentials(client: TestClient) -> None:
    response = client.get("/livez")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ready_when_the_database_is_at_head(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready", "database": "ok", "migrations": "at_head"}


# -- metrics -------------------------------------------------------------------------------


def request_count(client: TestClient, **labels: str) -> float:
    """The value of civic_social_http_requests_total for these labels (0 if absent)."""
    response = client.get("/metrics")
    assert response.status_code == 200
    total = 0.0
    for family in text_string_to_metric_families(response.text):
        if family.name != "civic_social_http_requests":
            continue
        for sample in family.samples:
            if sample.name.endswith("_total") and all(
                sample.labels.get(k) == v for k, v in labels.items()
            ):
                total += sample.value
    return total


def test_metrics_are_prometheus_text_and_public(client: TestClient) -> None:
    client.get("/livez")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert "version=" in response.headers["content-type"]
    families = {f.name: f for f in text_string_to_metric_families(response.text)}
    assert families["civic_social_http_requests"].type == "counter"
    assert families["civic_social_http_request_duration_seconds"].type == "histogram"
    assert "# TYPE civic_social_http_requests_total counter" in response.text


def test_metrics_count_requests_by_route_template(
    client: TestClient, admin: dict[str, str]
) -> None:
    labels = {"method": "GET", "route": "/api/v1/people/{person_id}", "status": "404"}
    before = request_count(client, **labels)
    person_id = uuid.uuid4()
    assert client.get(f"/api/v1/people/{person_id}", headers=admin).status_code == 404
    assert request_count(client, **labels) == before + 1

    text = client.get("/metrics").text
    assert str(person_id) not in text
    assert 'route="/api/v1/people/{person_id}"' in text


def test_unknown_paths_share_one_label(client: TestClient) -> None:
    labels = {"method": "GET", "route": "<unmatched>", "status": "404"}
    before = request_count(client, **labels)
    paths = [f"/probe-{uuid.uuid4().hex}" for _ in range(3)]
    for path in paths:
        assert client.get(path).status_code == 404
    assert request_count(client, **labels) == before + 3
    text = client.get("/metrics").text
    for path in paths:
        assert path not in text


def test_unknown_methods_share_one_label(client: TestClient) -> None:
    before = request_count(client, method="OTHER", route="/livez")
    assert client.request("BREW", "/livez").status_code == 405
    assert request_count(client, method="OTHER", route="/livez") == before + 1
    assert 'method="BREW"' not in client.get("/metrics").text


# -- readiness against a schema that is not at head ----------------------------------------


def test_readyz_is_503_on_a_database_that_was_never_migrated(
    empty_database_url: str, tmp_path: Path
) -> None:
    app = create_app(make_settings(empty_database_url, tmp_path, retry_after_seconds=7))
    with TestClient(app) as client:
        response = client.get("/readyz")
        body = assert_problem(response, 503, "/problems/service-unavailable", detail=True)
        assert response.headers["Retry-After"] == "7"
        assert "migrat" in body["detail"]  # the reason, not "cannot be reached"
        assert client.get("/livez").status_code == 200

        upgrade(empty_database_url)
        assert client.get("/readyz").status_code == 200


def test_readyz_is_503_after_a_downgrade_below_head(
    empty_database_url: str, tmp_path: Path
) -> None:
    upgrade(empty_database_url)
    app = create_app(make_settings(empty_database_url, tmp_path))
    with TestClient(app) as client:
        assert client.get("/readyz").status_code == 200
        downgrade(empty_database_url, "base")
        response = client.get("/readyz")
        body = assert_problem(response, 503, "/problems/service-unavailable", detail=True)
        assert "civic-social migrate" in body["detail"]
        assert response.headers["Retry-After"] == "5"


# -- an outage: PostgreSQL behind a proxy we can cut ---------------------------------------


@dataclass
class Outage:
    client: TestClient
    app: FastAPI
    proxy: TcpProxy

    def admin_headers(self) -> dict[str, str]:
        with self.app.state.database.transaction() as session:
            _, token = auth_service.create_api_key(
                session,
                self.app.state.secret_key,
                system_actor("tests"),
                ApiKeyCreate(name="outage admin", role=Role.ADMIN),
            )
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def outage(postgres: PostgresDatabases, tmp_path: Path) -> Iterator[Outage]:
    """An app whose PostgreSQL is reached through a proxy the test can stop and restart."""
    url = postgres.create("civic_outage")
    try:
        upgrade(url)
        direct = make_url(url)
        with TcpProxy(direct.host or "127.0.0.1", direct.port or 5432) as proxy:
            through_proxy = direct.set(host="127.0.0.1", port=proxy.port).render_as_string(
                hide_password=False
            )
            settings = make_settings(
                through_proxy,
                tmp_path,
                retry_after_seconds=7,
                database_connect_timeout_seconds=2,
            )
            app = create_app(settings)
            with TestClient(app) as client:
                yield Outage(client, app, proxy)
    finally:
        postgres.drop(url)


def test_an_outage_is_503_with_retry_after_and_the_app_recovers_by_itself(
    outage: Outage,
) -> None:
    client, proxy = outage.client, outage.proxy
    admin = outage.admin_headers()  # created before the outage
    people = "/api/v1/people"

    assert client.get("/readyz").status_code == 200
    assert client.get(people, headers=admin).status_code == 200
    assert proxy.live_connections >= 1, "the app does not go through the proxy"
    port = proxy.port

    proxy.stop()

    ready = client.get("/readyz")
    assert_problem(ready, 503, "/problems/service-unavailable", detail=True)
    assert ready.headers["Retry-After"] == "7"

    for attempt in range(2):  # a pooled connection first, then a fresh one: both refused
        read = client.get(people, headers=admin)
        assert_problem(read, 503, "/problems/database-unavailable", detail=True)
        assert read.headers["Retry-After"] == "7", attempt
    write = client.post(people, json=person_payload(), headers=admin)
    assert_problem(write, 503, "/problems/database-unavailable")
    assert write.headers["Retry-After"] == "7"
    assert client.get("/livez").status_code == 200  # alive, just not ready

    proxy.start()
    assert proxy.port == port

    assert client.get("/readyz").status_code == 200
    assert client.get(people, headers=admin).status_code == 200
    created = client.post(people, json=person_payload(), headers=admin)
    assert created.status_code == 201, created.text
    listed = client.get(people, headers=admin).json()
    assert [p["id"] for p in listed["items"]] == [created.json()["id"]]


def test_a_connection_cut_mid_session_is_503_not_500(outage: Outage) -> None:
    """Live connections die while the listener stays down: the pool's connections are dead,
    and the next request must notice and say so, whatever state they were left in."""
    client, proxy = outage.client, outage.proxy
    admin = outage.admin_headers()
    for _ in range(3):
        assert (
            client.post("/api/v1/people", json=person_payload(), headers=admin).status_code == 201
        )

    proxy.stop()
    statuses = [
        client.get("/api/v1/people", headers=admin).status_code,
        client.post("/api/v1/people", json=person_payload(), headers=admin).status_code,
        client.get("/readyz").status_code,
    ]
    assert statuses == [503, 503, 503]

    proxy.start()
    assert client.get("/api/v1/people", headers=admin).json()["total"] == 3


def test_the_proxy_itself_forwards_and_cuts(postgres: PostgresDatabases) -> None:
    """The tool the outage tests trust: traffic passes, stop() refuses and kills, start()
    reuses the port."""
    import psycopg

    direct = make_url(postgres.admin_url)
    with TcpProxy(direct.host or "127.0.0.1", direct.port or 5432) as proxy:
        dsn = direct.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        with psycopg.connect(dsn, connect_timeout=3) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
            assert proxy.live_connections == 1
            proxy.stop()
            with pytest.raises(psycopg.OperationalError):
                conn.execute("SELECT 1")
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(dsn, connect_timeout=3)
        proxy.start()
        with psycopg.connect(dsn, connect_timeout=3) as conn:
            assert conn.execute("SELECT 2").fetchone() == (2,)
