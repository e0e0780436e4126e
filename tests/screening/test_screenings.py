from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.core.actor import Role
from app.core.config import ScreeningSettings, Settings
from app.core.db import Database
from app.main import create_app
from app.screening.models import Screening, ScreeningReview
from tests.accounts.conftest import Registry
from tests.conftest import make_settings
from tests.core.problems import assert_problem
from tests.screening.conftest import SCREENINGS, ScreeningTown

Screen = Callable[..., dict[str, Any]]

PHONE_POST = "Questions about your tax bill? Call Dana at (613) 555-0143 after 5pm."


def _count(database: Database, model: type[Any]) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_draft_with_a_phone_number_is_blocked_citing_the_clause(
    town: ScreeningTown, screen: Screen
) -> None:
    verdict = screen(PHONE_POST, at="2025-03-01T10:00:00Z")

    assert verdict["decision"] == "block"
    (finding,) = [f for f in verdict["findings"] if f["category"] == "personal_information"]
    assert finding["subtype"] == "phone"
    assert PHONE_POST[finding["start"] : finding["end"]] == "(613) 555-0143"
    assert finding["excerpt"] == "(***) ***-****"
    assert finding["clause"]["ref"] == "11(a)"
    assert finding["clause"]["version"] == "2024"
    assert finding["clause"]["title"]
    assert verdict["policy_version"]["label"] == "2024"
    assert verdict["ruleset_version"].startswith("2024-r")
    assert "555-0143" not in verdict["redacted_text"]
    assert len(verdict["redacted_text"]) == len(PHONE_POST)
    assert verdict["text_sha256"] == hashlib.sha256(PHONE_POST.encode()).hexdigest()


def test_the_version_in_force_on_the_publication_date_is_cited(
    town: ScreeningTown, screen: Screen
) -> None:
    verdict = screen(PHONE_POST, at="2022-06-01T10:00:00-04:00")

    (finding,) = [f for f in verdict["findings"] if f["category"] == "personal_information"]
    assert finding["clause"]["ref"] == "9(a)"
    assert verdict["policy_version"]["label"] == "2021"


def test_a_comment_with_a_phone_number_is_hidden_under_the_terms_of_engagement(
    town: ScreeningTown, screen: Screen
) -> None:
    verdict = screen(PHONE_POST, kind="comment", role=Role.INTEGRATION)

    assert verdict["decision"] == "hide"
    (finding,) = [f for f in verdict["findings"] if f["category"] == "personal_information"]
    assert finding["clause"]["ref"] == "16.1(e)"
    assert finding["action"] == "remove"


def test_a_clean_notice_is_allowed_and_opens_no_review(
    town: ScreeningTown, screen: Screen, database: Database
) -> None:
    verdict = screen(
        "The Alder Bay public library opens at 9 on Saturday for the budget open house."
    )

    assert verdict["decision"] == "allow"
    assert verdict["review_id"] is None
    assert _count(database, ScreeningReview) == 0


def test_a_verdict_is_stored_redacted_and_can_be_read_back(
    town: ScreeningTown,
    screen: Screen,
    client: TestClient,
    admin: dict[str, str],
    database: Database,
) -> None:
    verdict = screen(PHONE_POST)

    again = client.get(f"{SCREENINGS}/{verdict['id']}", headers=admin)
    assert again.status_code == 200
    assert again.json() == verdict
    with database.session() as session:
        stored = session.get(Screening, uuid.UUID(verdict["id"]))
        assert stored is not None
        assert stored.original_text is None
        assert "555-0143" not in stored.redacted_text


def test_campaign_content_is_blocked_in_the_election_period_and_reviewed_outside_it(
    town: ScreeningTown, screen: Screen
) -> None:
    text = "Great turnout at the community centre with Jordan Ellis-Carter tonight!"

    during = screen(text, at="2027-02-01T12:00:00Z")
    before = screen(text, at="2026-12-01T12:00:00Z")

    assert during["decision"] == "block"
    assert before["decision"] == "review"
    (finding,) = [f for f in during["findings"] if f["category"] == "electioneering"]
    assert finding["detector"] == "candidates"
    assert finding["clause"]["ref"] == "15.1"


def test_emergency_information_off_an_approved_channel_is_blocked(
    town: ScreeningTown, screen: Screen
) -> None:
    verdict = screen("Boil water advisory for Ward 2 until further notice.", emergency=True)

    assert verdict["decision"] == "block"
    assert any(f["category"] == "emergency_channel" for f in verdict["findings"])


def test_a_photo_of_minors_without_consent_is_blocked(town: ScreeningTown, screen: Screen) -> None:
    verdict = screen(
        "Day camp wrapped up today!",
        media=[{"kind": "image", "alt_text": "Campers at the lake", "depicts_minors": True}],
    )

    assert verdict["decision"] == "block"
    (finding,) = verdict["findings"]
    assert finding["category"] == "media_consent"
    assert finding["severity"] == "critical"


def test_viewpoint_words_only_raise_a_risk_flag(town: ScreeningTown, screen: Screen) -> None:
    verdict = screen(
        "This budget is misleading and the council's numbers are propaganda.", kind="comment"
    )

    assert "viewpoint_risk" in verdict["risk_flags"]
    assert all(f["category"] != "viewpoint_risk" for f in verdict["findings"])


def test_without_any_ruleset_the_defaults_apply_without_citations(screen: Screen) -> None:
    verdict = screen(PHONE_POST)

    assert verdict["decision"] == "block"
    assert verdict["ruleset_version"] == "default"
    assert verdict["policy_version"] is None
    assert all(f["clause"] is None for f in verdict["findings"])


def test_a_batch_answers_in_order(
    town: ScreeningTown, client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    texts = ["Pool opens Monday.", PHONE_POST, "Library hours change in May."]
    response = client.post(
        f"{SCREENINGS}/batch",
        json={"items": [{"text": t, "kind": "post"} for t in texts]},
        headers=auth(Role.STAFF),
    )

    assert response.status_code == 201, response.text
    items = response.json()["items"]
    assert [item["decision"] for item in items] == ["allow", "block", "allow"]
    assert [item["text_length"] for item in items] == [len(t) for t in texts]


def test_screenings_are_listed_and_filtered(
    town: ScreeningTown, screen: Screen, client: TestClient, admin: dict[str, str]
) -> None:
    screen(PHONE_POST)
    screen("Pool opens Monday.")
    screen(PHONE_POST, kind="comment", role=Role.INTEGRATION)

    def listed(**params: str) -> list[dict[str, Any]]:
        response = client.get(SCREENINGS, params=params, headers=admin)
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items

    assert len(listed()) == 3
    assert len(listed(category="personal_information")) == 2
    assert [s["decision"] for s in listed(kind="comment")] == ["hide"]
    assert [s["kind"] for s in listed(decision="allow")] == ["post"]
    assert listed(category="threat") == []


# Bad input --------------------------------------------------------------------------------


def test_bad_texts_are_refused_and_nothing_is_stored(
    town: ScreeningTown,
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
    database: Database,
) -> None:
    headers = auth(Role.STAFF)
    for body in (
        {"text": "", "kind": "post"},
        {"text": "   \n ", "kind": "post"},
        {"text": "hello\x00world", "kind": "post"},
        {"text": "hello", "kind": "tweet"},
        {"text": "hello", "kind": "post", "emergency": "yes"},
        {"text": "hello", "kind": "post", "surprise": 1},
        {"text": "x" * 10_001, "kind": "post"},
    ):
        assert_problem(client.post(SCREENINGS, json=body, headers=headers), 422)
    assert _count(database, Screening) == 0


def test_a_batch_with_one_bad_item_stores_nothing(
    town: ScreeningTown,
    client: TestClient,
    auth: Callable[[Role], dict[str, str]],
    database: Database,
) -> None:
    headers = auth(Role.STAFF)
    too_long = {"items": [{"text": "ok", "kind": "post"}, {"text": "x" * 10_001, "kind": "post"}]}
    problem = assert_problem(
        client.post(f"{SCREENINGS}/batch", json=too_long, headers=headers), 422
    )
    assert problem["items"] == [1]

    too_many = {"items": [{"text": "ok", "kind": "post"}] * 501}
    assert_problem(client.post(f"{SCREENINGS}/batch", json=too_many, headers=headers), 422)
    assert_problem(client.post(f"{SCREENINGS}/batch", json={"items": []}, headers=headers), 422)
    assert _count(database, Screening) == 0


def test_an_auditor_cannot_screen(
    client: TestClient, auth: Callable[[Role], dict[str, str]]
) -> None:
    response = client.post(
        SCREENINGS, json={"text": "hello", "kind": "post"}, headers=auth(Role.AUDITOR)
    )
    assert_problem(response, 403)


def test_an_unknown_screening_is_404(client: TestClient, admin: dict[str, str]) -> None:
    response = client.get(f"{SCREENINGS}/00000000-0000-4000-8000-000000000000", headers=admin)
    assert_problem(response, 404, "/problems/screening-not-found")


def test_deployment_settings_name_official_contacts_and_keep_originals(
    settings: Settings, town: ScreeningTown, make_key: Callable[..., str], database: Database
) -> None:
    configured = make_settings(
        settings.database_url,
        settings.var_dir,
        screening=ScreeningSettings(city_contacts=["+1 613 555 0143"], store_original_text=True),
    )
    headers = {"Authorization": f"Bearer {make_key(Role.STAFF)}"}
    with TestClient(create_app(configured)) as replica:
        contact = replica.post(
            SCREENINGS, json={"text": PHONE_POST, "kind": "post"}, headers=headers
        )

    assert not [f for f in contact.json()["findings"] if f["category"] == "personal_information"]
    with database.session() as session:
        stored = session.get(Screening, uuid.UUID(contact.json()["id"]))
        assert stored is not None
        assert stored.original_text == PHONE_POST


def test_emergency_information_goes_only_on_active_approved_channels_of_the_registry(
    client: TestClient, town: ScreeningTown, registry: Registry
) -> None:
    approved = registry.request()
    registry.move(approved["id"], "approve", registry.approver, approved_emergency_channel=True)
    plain = registry.account()
    headers = registry.headers(Role.STAFF)
    alert = {"text": "Boil water advisory for Ward 2.", "kind": "post", "emergency": True}

    def decision(account_id: str | None) -> str:
        body = {**alert, "account_id": account_id} if account_id else alert
        response = client.post(SCREENINGS, json=body, headers=headers)
        assert response.status_code == 201, response.text
        return str(response.json()["decision"])

    assert decision(approved["id"]) == "block"  # approved, but not live yet
    registry.move(approved["id"], "activate")
    assert decision(approved["id"]) == "allow"
    assert decision(plain["id"]) == "block"
    assert decision(None) == "block"
    assert decision(str(uuid.uuid4())) == "block"
    registry.move(approved["id"], "decommission")
    assert decision(approved["id"]) == "block"


def test_the_batch_path_is_not_a_screening_id(client: TestClient, admin: dict[str, str]) -> None:
    response = client.get(f"{SCREENINGS}/batch", headers=admin)
    assert_problem(response, 405)
    assert response.headers["allow"] == "POST"
