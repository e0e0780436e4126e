"""The civic-social command, run in-process against the test databases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import main
from app.core.actor import Role
from app.people.models import PersonStatus, PersonType


def test_seed_adds_a_town_of_every_kind_of_person_once(
    cli_env: Callable[..., tuple[int, str]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = cli_env("seed", capsys=capsys)
    assert code == 0
    assert "0 people added" not in out

    people = client.get("/api/v1/people", params={"page_size": 100}, headers=auth(Role.STAFF))
    items = people.json()["items"]
    assert {p["person_type"] for p in items} == {t.value for t in PersonType}
    assert any(p["status"] == PersonStatus.DEPARTED for p in items)
    assert all(p["department_id"] for p in items if p["person_type"] != "contracting_firm")

    code, again = cli_env("seed", capsys=capsys)
    assert code == 0
    assert "0 departments and 0 people added" in again
    assert "0 official accounts, 0 training completions and 0 moderation reason codes" in again
    assert client.get("/api/v1/people", headers=auth(Role.STAFF)).json()["total"] == len(items)


def test_seeded_accounts_show_every_problem_the_posture_report_exists_for(
    cli_env: Callable[..., tuple[int, str]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = cli_env("seed", capsys=capsys)
    assert code == 0
    assert "6 official accounts," in out
    admin = auth(Role.ADMIN)
    accounts = client.get("/api/v1/accounts", headers=admin).json()["items"]
    assert {a["status"] for a in accounts} == {"active", "dormant", "requested"}
    report = client.get("/api/v1/accounts/posture-report", headers=admin).json()
    assert set(report["by_code"]) >= {
        "no_owner",
        "too_few_publishers",
        "shared_login",
        "mfa_off",
        "personal_recovery_contact",
        "rotation_overdue",
        "dormant",
        "departed_access",
    }
    # One account is in good order, and the emergency channel is approved and live.
    flagged = {item["account"]["id"] for item in report["items"]}
    assert len([a for a in accounts if a["status"] != "requested"]) - len(flagged) == 1
    emergency = [a for a in accounts if a["approved_emergency_channel"]]
    assert [a["status"] for a in emergency] == ["active"]
    verify = client.get(
        "/api/v1/public/accounts/verify", params={"url": "https://x.com/AlderBayTown"}
    ).json()
    assert verify["official"] is True


def test_create_api_key_prints_a_working_key_alone_on_the_last_line(
    cli_env: Callable[..., tuple[int, str]], client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = cli_env(
        "create-api-key",
        "--name",
        "Permits",
        "--role",
        "integration",
        "--expires-in-days",
        "30",
        capsys=capsys,
    )
    assert code == 0
    key = out.rstrip("\n").splitlines()[-1]
    assert key.startswith("cs_")
    assert " " not in key
    whoami = client.get("/api/v1/auth/whoami", headers={"Authorization": f"Bearer {key}"})
    assert whoami.status_code == 200
    assert whoami.json()["roles"] == ["integration"]
    assert whoami.json()["name"] == "Permits"


def test_unknown_role_is_refused_by_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["create-api-key", "--name", "x", "--role", "superuser"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_migrate_is_idempotent_and_openapi_check_passes(
    cli_env: Callable[..., tuple[int, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_env("migrate", capsys=capsys) == (0, "database at the migration head\n")
    code, out = cli_env("openapi", "check", capsys=capsys)
    assert code == 0, out


def test_shared_worker_socket_is_tcp_so_responses_are_not_delayed() -> None:
    # asyncio sets TCP_NODELAY only where the listening socket's proto is IPPROTO_TCP.
    import socket

    from app.cli import _listening_socket

    sock = _listening_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.get_inheritable()
    finally:
        sock.close()


def test_production_refuses_to_run_without_a_shared_secret(tmp_path: Path) -> None:
    from app.core.config import Settings

    settings = Settings(environment="production", var_dir=tmp_path, secret_key=None)
    with pytest.raises(RuntimeError, match="APP_SECRET_KEY"):
        settings.resolved_secret_key()
    assert not (tmp_path / "secret.key").exists()
    assert Settings(
        environment="development", var_dir=tmp_path, secret_key=None
    ).resolved_secret_key()


def test_import_policy_reads_a_file_into_a_draft_and_names_the_lines_of_errors(
    cli_env: Callable[..., tuple[int, str]],
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    good = tmp_path / "policy.txt"
    good.write_text("SOCIAL MEDIA POLICY\n\n1. PURPOSE\nWhy we post.\n\n2. SCOPE\nEveryone.\n")
    code, out = cli_env(
        "import-policy",
        str(good),
        "--policy",
        "social-media",
        "--label",
        "2025",
        "--plain",
        capsys=capsys,
    )
    assert code == 0
    assert "draft version 2025 of social-media (2 clauses)" in out
    policies = client.get("/api/v1/policies", headers=auth(Role.STAFF)).json()["items"]
    assert [p["code"] for p in policies] == ["social-media"]

    bad = tmp_path / "bad.md"
    bad.write_text("---\nlabel: x\nnonsense: 1\n---\n## 1. Purpose\n\nWhy.\n")
    code = main(["import-policy", str(bad), "--policy", "social-media"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}:3:" in err
