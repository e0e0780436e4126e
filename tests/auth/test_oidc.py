"""Bearer tokens from the identity provider: signed locally with a key made in the test, checked
by an app configured with its public key (PEM) or a JWKS served from 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi.testclient import TestClient

from app.core.config import OIDCSettings
from app.main import create_app
from tests.conftest import make_settings
from tests.factories import create_person

ISSUER = "https://login.town.example.ca/realms/staff"
AUDIENCE = "civic-social"
WHOAMI = "/api/v1/auth/whoami"
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def other_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "f3c1a2b4-user-0001",
        "name": "Robin Clerk",
        "iat": now,
        "exp": now + 300,
        "roles": ["staff"],
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def sign(key: Any, payload: dict[str, Any], algorithm: str = "RS256", **headers: Any) -> str:
    return jwt.encode(payload, key, algorithm=algorithm, headers=headers or None)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


OIDCClient = Callable[..., Any]


@pytest.fixture
def oidc_client(database_url: str, tmp_path: Path) -> Iterator[OIDCClient]:
    """``oidc_client(public_key=PEM, roles_claim=...)``: a client of an app trusting that key."""
    stack: list[Any] = []

    def open_client(**oidc: Any) -> TestClient:
        settings = OIDCSettings(issuer=ISSUER, audience=AUDIENCE, **oidc)
        app = create_app(make_settings(database_url, tmp_path, oidc=settings))
        client = TestClient(app)
        client.__enter__()
        stack.append(client)
        return client

    yield open_client
    for client in reversed(stack):
        client.__exit__(None, None, None)


@pytest.fixture
def pem_client(oidc_client: OIDCClient, signing_key: rsa.RSAPrivateKey) -> TestClient:
    client: TestClient = oidc_client(public_key=public_pem(signing_key))
    return client


def assert_refused(response: Any) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/credentials-invalid"
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


# -- PEM key ---------------------------------------------------------------------------------


def test_valid_token_is_a_user_with_its_roles(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(roles=["staff", "not-a-role"]))

    response = pem_client.get(WHOAMI, headers=bearer(token))

    assert response.status_code == 200, response.text
    assert response.json() == {
        "kind": "user",
        "id": "f3c1a2b4-user-0001",
        "name": "Robin Clerk",
        "roles": ["staff"],
        "person_id": None,
    }


def test_token_without_a_name_is_named_by_its_email(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(name=None, email="robin@town.example.ca"))
    response = pem_client.get(WHOAMI, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "robin@town.example.ca"


def test_space_separated_roles_are_read(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(roles="auditor moderator"))
    response = pem_client.get(WHOAMI, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json()["roles"] == ["auditor", "moderator"]


def test_missing_token_is_challenged(pem_client: TestClient) -> None:
    response = pem_client.get(WHOAMI)
    assert response.status_code == 401
    assert response.json()["type"] == "/problems/credentials-missing"
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="civic-social"'


def test_unsigned_token_is_refused(pem_client: TestClient) -> None:
    token = jwt.encode(claims(roles=["admin"]), None, algorithm="none")  # type: ignore[arg-type]
    assert token.endswith(".")  # truly unsigned
    assert_refused(pem_client.get(WHOAMI, headers=bearer(token)))


def test_unsigned_token_is_refused_with_any_spelling_of_none(pem_client: TestClient) -> None:
    for alg in ("None", "NONE", "nOnE"):
        header = b64url(json.dumps({"alg": alg, "typ": "JWT"}).encode())
        body = b64url(json.dumps(claims(roles=["admin"])).encode())
        assert_refused(pem_client.get(WHOAMI, headers=bearer(f"{header}.{body}.")))


def test_token_signed_with_another_key_is_refused(
    pem_client: TestClient, other_key: rsa.RSAPrivateKey
) -> None:
    assert_refused(pem_client.get(WHOAMI, headers=bearer(sign(other_key, claims()))))


def test_token_with_a_tampered_payload_is_refused(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    header, _, signature = sign(signing_key, claims()).split(".")
    forged = b64url(json.dumps(claims(roles=["admin"])).encode())
    assert_refused(pem_client.get(WHOAMI, headers=bearer(f"{header}.{forged}.{signature}")))


def test_public_key_used_as_an_hmac_secret_is_refused(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    # The classic key-confusion forgery: HS256 keyed with the (public) PEM.
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64url(json.dumps(claims(roles=["admin"])).encode())
    mac = hmac.new(public_pem(signing_key).encode(), f"{header}.{body}".encode(), hashlib.sha256)
    token = f"{header}.{body}.{b64url(mac.digest())}"
    assert_refused(pem_client.get(WHOAMI, headers=bearer(token)))


def test_token_with_an_accepted_algorithm_of_another_key_type_is_refused(
    pem_client: TestClient,
) -> None:
    # ES256 is an accepted algorithm, but the configured key is RSA.
    ec_key = ec.generate_private_key(ec.SECP256R1())
    token = sign(ec_key, claims(), algorithm="ES256")
    assert_refused(pem_client.get(WHOAMI, headers=bearer(token)))


def test_rsa_token_against_an_ec_key_is_refused(
    oidc_client: OIDCClient, signing_key: rsa.RSAPrivateKey
) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    client = oidc_client(public_key=public_pem(ec_key))
    assert (
        client.get(WHOAMI, headers=bearer(sign(ec_key, claims(), algorithm="ES256"))).status_code
        == 200
    )
    assert_refused(client.get(WHOAMI, headers=bearer(sign(signing_key, claims()))))


def test_expired_token_is_refused(pem_client: TestClient, signing_key: rsa.RSAPrivateKey) -> None:
    now = int(time.time())
    token = sign(signing_key, claims(iat=now - 600, exp=now - 120))  # beyond the 30 s leeway
    response = pem_client.get(WHOAMI, headers=bearer(token))
    assert_refused(response)
    assert "expired" in response.json()["detail"]


def test_token_expired_within_the_leeway_is_accepted(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    now = int(time.time())
    token = sign(signing_key, claims(iat=now - 600, exp=now - 5))
    assert pem_client.get(WHOAMI, headers=bearer(token)).status_code == 200


def test_token_not_valid_yet_is_refused(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    now = int(time.time())
    token = sign(signing_key, claims(nbf=now + 600, exp=now + 1200))
    response = pem_client.get(WHOAMI, headers=bearer(token))
    assert_refused(response)
    assert "not valid yet" in response.json()["detail"]


def test_token_for_another_audience_is_refused(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(aud="payroll"))
    response = pem_client.get(WHOAMI, headers=bearer(token))
    assert_refused(response)
    assert "audience" in response.json()["detail"]


def test_token_for_several_audiences_including_ours_is_accepted(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(aud=["payroll", AUDIENCE]))
    assert pem_client.get(WHOAMI, headers=bearer(token)).status_code == 200


def test_token_from_another_issuer_is_refused(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(iss="https://login.elsewhere.example.com"))
    response = pem_client.get(WHOAMI, headers=bearer(token))
    assert_refused(response)
    assert "issuer" in response.json()["detail"]


@pytest.mark.parametrize("claim", ["exp", "iat", "sub", "iss", "aud"])
def test_token_missing_a_required_claim_is_refused(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey, claim: str
) -> None:
    token = sign(signing_key, claims(**{claim: None}))
    assert_refused(pem_client.get(WHOAMI, headers=bearer(token)))


def test_malformed_token_is_refused(pem_client: TestClient) -> None:
    for token in ("not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", "...."):
        assert_refused(pem_client.get(WHOAMI, headers=bearer(token)))


@pytest.mark.parametrize("roles", [[], ["superuser"], "Staff", None], ids=repr)
def test_valid_token_without_a_known_role_is_forbidden(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey, roles: Any
) -> None:
    payload = claims()
    if roles is None:
        del payload["roles"]
    else:
        payload["roles"] = roles

    response = pem_client.get(WHOAMI, headers=bearer(sign(signing_key, payload)))

    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/role-required"


def test_user_role_is_checked_against_the_route(
    pem_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    staff = bearer(sign(signing_key, claims(roles=["staff"])))
    assert pem_client.get("/api/v1/api-keys", headers=staff).status_code == 403
    assert pem_client.get("/api/v1/audit-events", headers=staff).status_code == 403

    auditor = bearer(sign(signing_key, claims(roles=["auditor"])))
    assert pem_client.get("/api/v1/audit-events", headers=auditor).status_code == 200


def test_roles_are_read_from_a_nested_claim(
    oidc_client: OIDCClient, signing_key: rsa.RSAPrivateKey
) -> None:
    client = oidc_client(public_key=public_pem(signing_key), roles_claim="realm_access.roles")

    nested = sign(
        signing_key,
        claims(roles=["admin"], realm_access={"roles": ["moderator", "offline_access"]}),
    )
    response = client.get(WHOAMI, headers=bearer(nested))
    assert response.status_code == 200, response.text
    assert response.json()["roles"] == ["moderator"]

    # The top-level claim is not where this issuer keeps roles: it grants nothing.
    top_level_only = sign(signing_key, claims(roles=["admin"]))
    assert client.get(WHOAMI, headers=bearer(top_level_only)).status_code == 403

    not_a_mapping = sign(signing_key, claims(realm_access="moderator"))
    assert client.get(WHOAMI, headers=bearer(not_a_mapping)).status_code == 403


# -- JWKS ------------------------------------------------------------------------------------


class JWKSServer:
    """A JWKS document on 127.0.0.1, served from a thread; counts the fetches."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.fetches = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path != "/jwks.json":
                    self.send_error(404)
                    return
                server.fetches += 1
                body = json.dumps(server.document).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/jwks.json"


@contextmanager
def serve_jwks(document: dict[str, Any]) -> Iterator[JWKSServer]:
    server = JWKSServer(document)
    thread = threading.Thread(target=server.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(timeout=5)


def jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    public: dict[str, Any] = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    return {**public, "kid": kid, "use": "sig", "alg": "RS256"}


@pytest.fixture
def jwks(signing_key: rsa.RSAPrivateKey, other_key: rsa.RSAPrivateKey) -> Iterator[JWKSServer]:
    with serve_jwks({"keys": [jwk(other_key, "old-2023"), jwk(signing_key, "current")]}) as s:
        yield s


@pytest.fixture
def jwks_client(oidc_client: OIDCClient, jwks: JWKSServer) -> TestClient:
    client: TestClient = oidc_client(jwks_url=jwks.url)
    return client


def test_token_signed_with_a_published_key_is_accepted(
    jwks_client: TestClient, jwks: JWKSServer, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(roles=["approver"]), kid="current")

    response = jwks_client.get(WHOAMI, headers=bearer(token))

    assert response.status_code == 200, response.text
    assert response.json()["kind"] == "user"
    assert response.json()["roles"] == ["approver"]
    assert jwks.fetches >= 1


def test_published_keys_are_cached_between_requests(
    jwks_client: TestClient, jwks: JWKSServer, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(), kid="current")
    for _ in range(3):
        assert jwks_client.get(WHOAMI, headers=bearer(token)).status_code == 200
    assert jwks.fetches == 1


def test_token_whose_kid_is_not_published_is_refused(
    jwks_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = sign(signing_key, claims(), kid="retired-2019")
    response = jwks_client.get(WHOAMI, headers=bearer(token))
    assert_refused(response)
    assert "signing key" in response.json()["detail"]


def test_token_without_a_kid_is_refused(
    jwks_client: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    assert_refused(jwks_client.get(WHOAMI, headers=bearer(sign(signing_key, claims()))))


def test_token_naming_a_published_kid_but_signed_by_another_key_is_refused(
    jwks_client: TestClient, other_key: rsa.RSAPrivateKey
) -> None:
    token = sign(other_key, claims(), kid="current")
    assert_refused(jwks_client.get(WHOAMI, headers=bearer(token)))


def test_token_with_an_algorithm_its_published_key_cannot_check_is_refused(
    jwks_client: TestClient,
) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    token = sign(ec_key, claims(), algorithm="ES256", kid="current")
    assert_refused(jwks_client.get(WHOAMI, headers=bearer(token)))


def test_empty_published_key_set_refuses_the_token(
    oidc_client: OIDCClient, signing_key: rsa.RSAPrivateKey
) -> None:
    with serve_jwks({"keys": []}) as server:
        client: TestClient = oidc_client(jwks_url=server.url)
        token = sign(signing_key, claims(), kid="current")
        assert_refused(client.get(WHOAMI, headers=bearer(token)))


def test_unreachable_identity_provider_is_a_503_not_a_refusal(
    oidc_client: OIDCClient, signing_key: rsa.RSAPrivateKey
) -> None:
    with serve_jwks({"keys": []}) as server:
        url = server.url  # a port that is closed once the server stops
    client: TestClient = oidc_client(jwks_url=url)
    response = client.get(WHOAMI, headers=bearer(sign(signing_key, claims(), kid="current")))
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/identity-provider-unavailable"
    assert int(response.headers["Retry-After"]) > 0


def test_token_email_names_the_person_acting_and_a_departed_one_is_refused(
    pem_client: TestClient,
    signing_key: rsa.RSAPrivateKey,
    client: TestClient,
    admin: dict[str, str],
) -> None:
    person = create_person(client, admin, email="Robin.Clerk@Town.Example.ca")
    token = sign(signing_key, claims(email="robin.clerk@town.example.ca"))
    response = pem_client.get(WHOAMI, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json()["person_id"] == person["id"]

    departed = client.patch(
        f"/api/v1/people/{person['id']}",
        json={"status": "departed", "departed_on": "2026-01-31"},
        headers={**admin, "If-Match": f'"{person["version"]}"'},
    )
    assert departed.status_code == 200, departed.text
    assert_refused(pem_client.get(WHOAMI, headers=bearer(token)))
