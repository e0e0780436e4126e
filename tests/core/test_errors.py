"""Every error the service answers is an RFC 9457 problem (application/problem+json) carrying
type, title, status, instance and the request id, whatever raised it: routing, auth, domain
rules, preconditions, the body limit, validation, or an exception nobody expected."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.actor import Role
from app.main import create_app
from tests.conftest import make_settings
from tests.core.problems import assert_problem
from tests.factories import create_person, person_payload

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL_LIMIT = 2048
SOME_ID = "5f0c9a52-3b7e-4c1d-9a8f-2e6d4b1c0a99"


def people_total(client: TestClient, headers: dict[str, str]) -> int:
    response = client.get("/api/v1/people", params={"page_size": 1}, headers=headers)
    assert response.status_code == 200, response.text
    total: int = response.json()["total"]
    return total


def allowed(response: object) -> set[str]:
    header = response.headers["Allow"]  # type: ignore[attr-defined]
    return {method.strip() for method in header.split(",") if method.strip()}


# -- routing ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/no/such/route", "/api/v1/nothing-here", "/static/nope.js"])
def test_unknown_route_is_a_404_problem(client: TestClient, path: str) -> None:
    assert_problem(client.get(path), 404, "/problems/not-found")


def test_unknown_record_is_a_404_problem_with_detail(
    client: TestClient, admin: dict[str, str]
) -> None:
    response = client.get(f"/api/v1/people/{uuid.uuid4()}", headers=admin)
    assert_problem(response, 404, "/problems/person-not-found", detail=True)


@pytest.mark.parametrize(
    ("method", "path", "methods"),
    [
        ("PUT", "/api/v1/people", {"GET", "HEAD", "POST"}),
        ("DELETE", "/api/v1/people", {"GET", "HEAD", "POST"}),
        ("DELETE", f"/api/v1/people/{SOME_ID}", {"GET", "HEAD", "PATCH"}),
        ("PUT", f"/api/v1/departments/{SOME_ID}", {"GET", "HEAD", "PATCH", "DELETE"}),
        ("POST", "/livez", {"GET", "HEAD"}),
        ("POST", "/static/vendor/swagger-ui/swagger-ui.css", {"GET", "HEAD"}),
    ],
)
def test_405_allow_names_every_method_the_path_serves(
    client: TestClient, method: str, path: str, methods: set[str]
) -> None:
    # No credentials: the method is refused before anyone is asked who they are.
    response = client.request(method, path)
    assert_problem(response, 405, "/problems/method-not-allowed")
    assert allowed(response) == methods


def test_head_is_served_wherever_get_is(client: TestClient, admin: dict[str, str]) -> None:
    """Allow names HEAD, so HEAD must work: GET's status and headers, no body."""
    live = client.head("/livez")
    assert live.status_code == 200
    assert live.content == b""
    assert live.headers["content-type"] == "application/json"

    person = create_person(client, admin)
    url = f"/api/v1/people/{person['id']}"
    got = client.get(url, headers=admin)
    head = client.head(url, headers=admin)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["ETag"] == got.headers["ETag"] == '"1"'
    assert head.headers["content-length"] == got.headers["content-length"]

    # HEAD is checked like GET: no credentials, no answer.
    refused = client.head(url)
    assert refused.status_code == 401
    assert refused.content == b""


# -- authentication and authorisation ------------------------------------------------------


def test_401_without_credentials_challenges_for_a_bearer_token(client: TestClient) -> None:
    response = client.get("/api/v1/people")
    assert_problem(response, 401, "/problems/credentials-missing", detail=True)
    assert response.headers["WWW-Authenticate"].startswith("Bearer ")


def test_401_with_an_unknown_key_says_the_token_is_invalid(client: TestClient) -> None:
    response = client.get(
        "/api/v1/people", headers={"Authorization": "Bearer cs_not-a-key-anyone-issued"}
    )
    assert_problem(response, 401, "/problems/credentials-invalid", detail=True)
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    assert "cs_not-a-key-anyone-issued" not in response.text


def test_403_when_the_role_is_missing(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    response = client.post("/api/v1/people", json=person_payload(), headers=auth(Role.STAFF))
    body = assert_problem(response, 403, "/problems/role-required", detail=True)
    assert "admin" in body["detail"]


# -- domain conflicts and preconditions ----------------------------------------------------


def test_409_for_a_duplicate_email(client: TestClient, admin: dict[str, str]) -> None:
    create_person(client, admin, email="dup@town.example.ca")
    response = client.post(
        "/api/v1/people", json=person_payload(email="dup@town.example.ca"), headers=admin
    )
    assert_problem(response, 409, "/problems/person-email-taken", detail=True)


def test_412_for_a_stale_etag_400_for_one_that_is_not_ours(
    client: TestClient, admin: dict[str, str]
) -> None:
    person = create_person(client, admin)
    url = f"/api/v1/people/{person['id']}"
    assert (
        client.patch(url, json={"job_title": "A"}, headers={**admin, "If-Match": '"1"'})
    ).status_code == 200

    stale = client.patch(url, json={"job_title": "B"}, headers={**admin, "If-Match": '"1"'})
    assert_problem(stale, 412, "/problems/stale-version", detail=True)
    # "*" would match any version and so defeat the check: an update names the one it read.
    for malformed in ("*", '"abc"', "1"):
        foreign = client.patch(
            url, json={"job_title": "B"}, headers={**admin, "If-Match": malformed}
        )
        assert_problem(foreign, 400, "/problems/if-match-malformed", detail=True)
    assert client.get(url, headers=admin).json()["job_title"] == "A"


def test_428_when_if_match_is_missing(client: TestClient, admin: dict[str, str]) -> None:
    person = create_person(client, admin)
    response = client.patch(
        f"/api/v1/people/{person['id']}", json={"job_title": "A"}, headers=admin
    )
    assert_problem(response, 428, "/problems/precondition-required", detail=True)


# -- the body limit ------------------------------------------------------------------------


@pytest.fixture
def small_client(database_url: str, tmp_path: Path, client: TestClient) -> Iterator[TestClient]:
    """The app with a 2 KiB body limit, on the session database (``client`` empties it)."""
    app = create_app(make_settings(database_url, tmp_path, max_request_body_bytes=SMALL_LIMIT))
    with TestClient(app) as small:
        yield small


def padded_person(size: int) -> bytes:
    """A valid person as JSON, padded with whitespace (still valid JSON) to ``size`` bytes."""
    body = json.dumps(person_payload()).encode()
    assert len(body) < size
    return body + b" " * (size - len(body))


def test_body_under_the_limit_is_accepted(small_client: TestClient, admin: dict[str, str]) -> None:
    response = small_client.post(
        "/api/v1/people",
        content=padded_person(SMALL_LIMIT),
        headers={**admin, "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text


def test_413_for_a_declared_length_over_the_limit_before_the_route_runs(
    small_client: TestClient, admin: dict[str, str]
) -> None:
    body = padded_person(SMALL_LIMIT + 1)
    # No credentials: a route that ran would answer 401, so 413 means it never ran.
    anonymous = small_client.post(
        "/api/v1/people", content=body, headers={"Content-Type": "application/json"}
    )
    assert anonymous.request.headers["content-length"] == str(SMALL_LIMIT + 1)
    problem = assert_problem(anonymous, 413, "/problems/content-too-large", detail=True)
    assert str(SMALL_LIMIT) in problem["detail"]
    assert anonymous.headers["Connection"] == "close"

    before = people_total(small_client, admin)
    refused = small_client.post(
        "/api/v1/people", content=body, headers={**admin, "Content-Type": "application/json"}
    )
    assert_problem(refused, 413, "/problems/content-too-large")
    assert people_total(small_client, admin) == before


def test_413_for_a_chunked_body_that_grows_over_the_limit(
    small_client: TestClient, admin: dict[str, str]
) -> None:
    body = padded_person(SMALL_LIMIT * 2)

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 512):
            yield body[start : start + 512]

    before = people_total(small_client, admin)
    response = small_client.post(
        "/api/v1/people",
        content=chunks(),
        headers={**admin, "Content-Type": "application/json"},
    )
    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    problem = assert_problem(response, 413, "/problems/content-too-large", detail=True)
    assert people_total(small_client, admin) == before

    # One problem type, one title (RFC 9457 3.1.3), whichever path refused the body.
    declared = small_client.post(
        "/api/v1/people", content=body, headers={"Content-Type": "application/json"}
    )
    assert declared.json()["title"] == problem["title"]


# -- validation ----------------------------------------------------------------------------

SECRET = "jane.doe.secret-7391@private.example"


def test_422_lists_each_field_and_never_echoes_the_input(
    client: TestClient, admin: dict[str, str]
) -> None:
    payload = person_payload(
        given_name={"nested": SECRET},
        department_id=SECRET,
        person_type=SECRET,
        service_roles=[SECRET],
        departed_on=SECRET,
    )
    before = people_total(client, admin)
    response = client.post("/api/v1/people", json=payload, headers=admin)
    body = assert_problem(response, 422, "/problems/validation-error", detail=True)
    assert SECRET not in response.text
    assert "7391" not in response.text
    for error in body["errors"]:
        assert set(error) == {"loc", "type", "msg"}
        assert isinstance(error["type"], str)
        assert error["type"]
        assert isinstance(error["msg"], str)
    locs = {tuple(error["loc"]) for error in body["errors"]}
    assert {
        ("body", "given_name"),
        ("body", "department_id"),
        ("body", "person_type"),
        ("body", "service_roles", 0),
        ("body", "departed_on"),
    } <= locs
    assert str(len(body["errors"])) in body["detail"]
    assert people_total(client, admin) == before


def test_422_for_malformed_json_does_not_echo_it(client: TestClient, admin: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/people",
        content=f'{{"given_name": "{SECRET}", '.encode(),
        headers={**admin, "Content-Type": "application/json"},
    )
    body = assert_problem(response, 422, "/problems/validation-error")
    assert body["errors"][0]["type"] == "json_invalid"
    assert SECRET not in response.text


def test_422_for_query_and_path_parameters(client: TestClient, admin: dict[str, str]) -> None:
    bad_path = client.get(f"/api/v1/people/{SECRET}", headers=admin)
    body = assert_problem(bad_path, 422, "/problems/validation-error")
    assert body["errors"][0]["loc"] == ["path", "person_id"]
    assert body["errors"][0]["type"] == "uuid_parsing"
    # instance is the URL the client asked for; nothing else repeats the value.
    assert SECRET not in json.dumps({k: v for k, v in body.items() if k != "instance"})

    bad_query = client.get("/api/v1/people", params={"person_type": SECRET}, headers=admin)
    body = assert_problem(bad_query, 422, "/problems/validation-error")
    assert body["errors"][0]["loc"] == ["query", "person_type"]
    assert SECRET not in bad_query.text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nickname", "Al"),
        ("id", "00000000-0000-4000-8000-000000000001"),
        ("version", 7),
        ("created_at", "2024-01-01T00:00:00Z"),
        ("updated_at", "2024-01-01T00:00:00Z"),
    ],
)
def test_unknown_and_read_only_fields_are_refused_not_ignored(
    client: TestClient, admin: dict[str, str], field: str, value: object
) -> None:
    before = people_total(client, admin)
    created = client.post("/api/v1/people", json=person_payload(**{field: value}), headers=admin)
    body = assert_problem(created, 422, "/problems/validation-error")
    assert {"loc": ["body", field], "type": "extra_forbidden"}.items() <= body["errors"][0].items()
    assert people_total(client, admin) == before

    person = create_person(client, admin)
    url = f"/api/v1/people/{person['id']}"
    updated = client.patch(url, json={field: value}, headers={**admin, "If-Match": '"1"'})
    body = assert_problem(updated, 422, "/problems/validation-error")
    assert body["errors"][0]["loc"] == ["body", field]
    assert client.get(url, headers=admin).json() == person


# -- the unexpected ------------------------------------------------------------------------


def _app_with_a_failing_route(tmp_path: Path) -> FastAPI:
    app = create_app(make_settings(f"sqlite:///{tmp_path / 'errors.db'}", tmp_path))

    # Added before the first request, when the middleware stack is built.
    @app.get("/test-only/boom", openapi_extra={"x-public": True})
    async def boom() -> None:
        raise RuntimeError("secret internals")

    return app


def test_500_from_an_unexpected_exception_leaks_nothing(tmp_path: Path) -> None:
    app = _app_with_a_failing_route(tmp_path)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/test-only/boom")
        body = assert_problem(response, 500, "/problems/internal-error", detail=True)
        assert "secret internals" not in response.text
        assert "Traceback" not in response.text
        assert "RuntimeError" not in response.text
        assert len(response.headers["X-Request-ID"]) == 32

        given = client.get("/test-only/boom", headers={"X-Request-ID": "support-ticket-42"})
        assert given.status_code == 500
        assert given.json()["request_id"] == "support-ticket-42"
        assert body["request_id"] != "support-ticket-42"

        # The app keeps serving after it.
        assert client.get("/livez").status_code == 200


# structlog caches each logger on first use together with the stream it was configured with,
# so a logger first used by an earlier test keeps writing to that test's capture, never to
# capsys/capfd here. A child process has a clean configuration and its own stdout.
_CHILD = """
import json, sys
from pathlib import Path
from fastapi.testclient import TestClient
from tests.core.test_errors import _app_with_a_failing_route

app = _app_with_a_failing_route(Path(sys.argv[1]))
with TestClient(app, raise_server_exceptions=False) as client:
    response = client.get("/test-only/boom")
sys.stderr.write("RESPONSE " + json.dumps(
    {"status": response.status_code, "header": response.headers["X-Request-ID"],
     "body": response.json()}
) + "\\n")
"""


def test_500_logs_the_exception_with_the_request_id(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("APP_")},
        "PYTHONPATH": str(REPO_ROOT),
        "APP_SECRET_KEY": "child-secret",
    }
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path)],
        cwd=tmp_path,  # the module-level app of app.main keeps its var/ here
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    marker = next(line for line in child.stderr.splitlines() if line.startswith("RESPONSE "))
    result = json.loads(marker.removeprefix("RESPONSE "))
    assert result["status"] == 500
    request_id = result["header"]
    assert result["body"]["request_id"] == request_id

    # Logs are JSON lines on stdout.
    records = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    failures = [r for r in records if r.get("event") == "unhandled_error"]
    assert len(failures) == 1, child.stdout
    failure = failures[0]
    assert failure["request_id"] == request_id
    assert failure["level"] == "error"
    assert failure["path"] == "/test-only/boom"
    # The log keeps what the response withheld.
    assert "secret internals" in failure["exception"]
    assert "RuntimeError" in failure["exception"]


def test_sqlite_schema_defect_is_a_500_not_an_outage(tmp_path: Path) -> None:
    """A never-migrated SQLite database is a deployment defect: 500 (logged), not "retry"."""
    app = create_app(make_settings(f"sqlite:///{tmp_path / 'empty.db'}", tmp_path))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get(
            "/api/v1/people", headers={"Authorization": "Bearer cs_not-a-key-in-an-empty-db"}
        )
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "no such table" not in response.text


def test_a_text_longer_than_its_maximum_is_refused_as_sent_even_if_it_fits_once_stripped(
    client: TestClient, admin: dict[str, str]
) -> None:
    # The contract's maxLength counts what the client sends (found by the contract fuzzer).
    too_long = client.post(
        "/api/v1/departments", json={"code": "LONG", "name": "\u00a0" + "x" * 200}, headers=admin
    )
    body = assert_problem(too_long, 422, "/problems/validation-error")
    assert body["errors"][0]["loc"] == ["body", "name"]
    assert body["errors"][0]["type"] == "string_too_long"
    fits = client.post(
        "/api/v1/departments", json={"code": "PARKS", "name": "  Parks  "}, headers=admin
    )
    assert fits.status_code == 201, fits.text
    assert fits.json()["name"] == "Parks", "surrounding white space is still stripped"


def test_a_text_is_held_to_its_pattern_as_sent_in_lists_too(
    client: TestClient, admin: dict[str, str]
) -> None:
    # The contract's pattern, like its maxLength, is about what the client sends: a code
    # that matches only once stripped is refused; one the contract allows is normalised.
    padded = client.post(
        "/api/v1/policies", json={"code": " parks-use", "title": "Parks"}, headers=admin
    )
    body = assert_problem(padded, 422, "/problems/validation-error")
    assert body["errors"][0]["loc"] == ["body", "code"]
    assert body["errors"][0]["type"] == "string_pattern_mismatch"
    upper = client.post(
        "/api/v1/policies", json={"code": "Parks-Use", "title": "Parks"}, headers=admin
    )
    assert upper.status_code == 201, upper.text
    assert upper.json()["code"] == "parks-use"

    long_item = client.post(
        "/api/v1/webhooks",
        json={"url": "https://hooks.example.org/in", "event_types": ["\u00a0" + "x" * 64]},
        headers=admin,
    )
    body = assert_problem(long_item, 422, "/problems/validation-error")
    assert body["errors"][0]["loc"] == ["body", "event_types"]
    assert body["errors"][0]["type"] == "string_too_long"
