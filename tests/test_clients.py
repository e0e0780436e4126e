"""The Python client generated from the contract (clients/python) works against a running
service: typed requests in, typed answers and problems out. (Its being current with the
contract is `make clients-check`, part of `make test`.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.testing import CivicSocial

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clients" / "python"))

from civic_social_client import AuthenticatedClient
from civic_social_client.api.auth import auth_whoami
from civic_social_client.api.departments import (
    departments_create_department,
    departments_get_department,
)
from civic_social_client.models import DepartmentCreate, DepartmentRead, Problem

pytestmark = pytest.mark.slow


def test_the_generated_client_speaks_the_service_s_language(civic_social: CivicSocial) -> None:
    with AuthenticatedClient(base_url=civic_social.base_url, token=civic_social.admin_key) as api:
        me = auth_whoami.sync(client=api)
        assert me is not None
        assert "admin" in [str(role) for role in me.roles]

        created = departments_create_department.sync(
            client=api, body=DepartmentCreate(code="clients", name="Client libraries")
        )
        assert isinstance(created, DepartmentRead)
        assert created.code == "CLIENTS"
        again = departments_create_department.sync_detailed(
            client=api, body=DepartmentCreate(code="CLIENTS", name="Twice")
        )
        assert again.status_code == 409
        assert isinstance(again.parsed, Problem)
        assert again.parsed.type_ == "/problems/department-code-taken"
        read = departments_get_department.sync(client=api, department_id=created.id)
        assert isinstance(read, DepartmentRead)
        assert read.name == "Client libraries"
