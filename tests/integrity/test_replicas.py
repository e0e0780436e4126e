"""Two server processes on one database, as replicas behind a load balancer: nothing one
keeps in memory is needed by the other. A key revoked on one is refused by the other on its
next request, a ruleset term added on one is used by the other at once, and the audit chain
stays whole under writes to both."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from app.core.actor import Role
from app.core.config import Settings
from app.core.db import Database
from tests.integrity.conftest import ServerProcess, running_server
from tests.training.conftest import seed_town

pytestmark = pytest.mark.slow
TEXT = "Notes from the Harbourfront Working Group are ready."


@pytest.fixture
def replicas(
    database_url: str, settings: Settings, tmp_path: Path, client: TestClient
) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    with ExitStack() as stack:
        started = []
        for name in ("a", "b"):
            var_dir = tmp_path / name
            var_dir.mkdir()
            started.append(
                stack.enter_context(running_server(database_url, settings, var_dir, workers=1))
            )
        yield started[0], started[1]


def _bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_a_key_revoked_on_one_replica_is_refused_by_the_other(
    replicas: tuple[ServerProcess, ServerProcess], make_key: Callable[..., str]
) -> None:
    a, b = replicas
    admin = _bearer(make_key(Role.ADMIN))
    issued = httpx.post(
        f"{a.base_url}/api/v1/api-keys", json={"name": "leaver", "role": "staff"}, headers=admin
    ).json()
    leaver = _bearer(issued["key"])
    assert httpx.get(f"{b.base_url}/api/v1/auth/whoami", headers=leaver).status_code == 200

    revoked = httpx.post(
        f"{a.base_url}/api/v1/api-keys/{issued['id']}/revoke",
        json={"reason": "Left the town"},
        headers=admin,
    )

    assert revoked.status_code == 200, revoked.text
    refused = httpx.get(f"{b.base_url}/api/v1/auth/whoami", headers=leaver)
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"


def test_a_ruleset_term_added_on_one_replica_is_used_by_the_other(
    replicas: tuple[ServerProcess, ServerProcess],
    make_key: Callable[..., str],
    database: Database,
) -> None:
    a, b = replicas
    versions = seed_town(database)
    admin, staff = _bearer(make_key(Role.ADMIN)), _bearer(make_key(Role.STAFF))

    def screen() -> str:
        response = httpx.post(
            f"{b.base_url}/api/v1/screenings", json={"text": TEXT, "kind": "post"}, headers=staff
        )
        assert response.status_code == 201, response.text
        return str(response.json()["decision"])

    assert screen() == "allow"  # the second replica compiles and caches the ruleset
    rulesets = httpx.get(
        f"{a.base_url}/api/v1/screening-rulesets",
        params={"policy_version_id": versions["2024"]},
        headers=admin,
    ).json()["items"]
    (ruleset,) = rulesets
    added = httpx.post(
        f"{a.base_url}/api/v1/screening-rulesets/{ruleset['id']}/terms",
        json={
            "phrase": "Harbourfront Working Group",
            "category": "confidential",
            "severity": "high",
        },
        headers=admin,
    )
    assert added.status_code == 201, added.text

    assert screen() == "block"


def test_the_audit_chain_stays_whole_under_writes_to_both_replicas(
    replicas: tuple[ServerProcess, ServerProcess], make_key: Callable[..., str]
) -> None:
    admin = _bearer(make_key(Role.ADMIN))
    statuses: list[int] = []
    lock = threading.Lock()

    def write(server: ServerProcess, prefix: str) -> None:
        with httpx.Client(base_url=server.base_url, headers=admin, timeout=30) as http:
            for n in range(25):
                response = http.post(
                    "/api/v1/departments", json={"code": f"{prefix}{n:03d}", "name": prefix}
                )
                with lock:
                    statuses.append(response.status_code)

    threads = [
        threading.Thread(target=write, args=(server, prefix))
        for server, prefix in zip(replicas, ("RA", "RB"), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses.count(201) == 50, statuses
    for server in replicas:
        verdict = httpx.get(f"{server.base_url}/api/v1/audit-events/verify", headers=admin).json()
        assert verdict["valid"] is True, verdict
        assert verdict["events_checked"] >= 50
        assert verdict["first_broken_seq"] is None
