"""The pytest plugin other teams use: a real service for the session, an httpx client and
an administrator's key; the sample town when asked."""

from __future__ import annotations

import httpx
import pytest

from app.testing import CivicSocial

pytestmark = pytest.mark.slow


def test_the_service_answers_with_the_administrator_s_key(
    civic_social: CivicSocial, civic_social_client: httpx.Client
) -> None:
    me = civic_social_client.get("/api/v1/auth/whoami")
    assert me.status_code == 200, me.text
    assert "admin" in me.json()["roles"]
    assert civic_social.seeded is False
    assert civic_social_client.get("/api/v1/people").json()["total"] == 0
    created = civic_social_client.post(
        "/api/v1/departments", json={"code": "QA", "name": "Quality"}
    )
    assert created.status_code == 201, created.text


def test_keys_of_other_roles_are_issued_and_refused_where_they_should_be(
    civic_social: CivicSocial,
) -> None:
    key = civic_social.issue_key("staff")
    with civic_social.client(key) as staff:
        assert staff.get("/api/v1/people").status_code == 200
        refused = staff.post("/api/v1/departments", json={"code": "NO", "name": "No"})
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"


def test_the_sample_town_is_seeded_when_asked(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_town(civic_social, civic_social_client):
            assert civic_social.seeded
            people = civic_social_client.get("/api/v1/people").json()
            assert people["total"] > 10
            codes = civic_social_client.get("/api/v1/moderation/reason-codes").json()
            assert codes["total"] == 10
        """
    )
    result = pytester.runpytest_subprocess("--civic-social-seed", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
