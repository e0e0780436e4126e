"""What staff and other systems ask of the sample policy (2021, revised 2024): search,
coverage, clause lookup, definitions, responsibilities, the diff, export and the public
terms of engagement."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.actor import Role
from tests.core.problems import assert_problem
from tests.policies.conftest import SamplePolicy, import_document

Auth = Callable[[Role], dict[str, str]]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can I use my personal account to talk about town business", "12.1"),
        ("who approves a new account", "8.2"),
        ("campaign posts during an election", "15.2"),
        ("photos at an emergency scene", "14.3"),
    ],
)
def test_natural_questions_find_the_clause_in_the_top_three(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy, question: str, expected: str
) -> None:
    response = client.get(
        "/api/v1/policies/search", params={"q": question, "page_size": 3}, headers=auth(Role.STAFF)
    )
    assert response.status_code == 200, response.text
    hits = response.json()["items"]
    assert expected in [hit["ref"] for hit in hits], hits
    assert {hit["version_label"] for hit in hits} == {"2024"}  # the version in force
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_covers_the_version_asked_for_and_filters_by_kind_and_topic(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    staff = auth(Role.STAFF)

    def search(**params: Any) -> list[dict[str, Any]]:
        response = client.get("/api/v1/policies/search", params=params, headers=staff)
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items

    in_2022 = search(q="who approves a new account", at="2022-06-30")
    assert in_2022[0]["version_label"] == "2021"
    by_id = search(q="who approves a new account", version_id=sample_policy.versions["2021"])
    assert [h["ref"] for h in by_id] == [h["ref"] for h in in_2022]

    elections = search(q="account", kind="election", page_size=100)
    assert elections
    assert {h["kind"] for h in elections} == {"election"}
    minors = search(q="photos", topic="minors", page_size=100)
    assert minors
    assert all("minors" in h["topics"] for h in minors)
    assert search(q="photos", topic="no-such-topic") == []
    assert search(q="zebra quantum") == []


def test_search_follows_a_new_adoption_at_once(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    staff = auth(Role.STAFF)
    question = {"q": "who approves a new account", "page_size": 3}
    first = client.get("/api/v1/policies/search", params=question, headers=staff).json()
    assert {hit["version_label"] for hit in first["items"]} == {"2024"}

    exported = client.get(f"{sample_policy.url('2024')}/export", headers=staff).text
    draft = import_document(client, staff, sample_policy.policy_id, exported, label="2025")
    draft_hits = client.get(
        "/api/v1/policies/search",
        params={**question, "version_id": draft.json()["id"]},
        headers=staff,
    ).json()["items"]
    assert {hit["version_label"] for hit in draft_hits} == {"2025"}
    adopted = client.post(
        f"{sample_policy.url()}/versions/{draft.json()['id']}/adopt",
        json={"adopted_on": "2025-05-12", "body": "Town Council", "reference": "R-2025-1"},
        headers={**auth(Role.APPROVER), "If-Match": '"1"'},
    )
    assert adopted.status_code == 200, adopted.text

    again = client.get("/api/v1/policies/search", params=question, headers=staff).json()
    assert {hit["version_label"] for hit in again["items"]} == {"2025"}
    missing = client.get(
        "/api/v1/policies/search",
        params={**question, "version_id": "00000000-0000-4000-8000-000000000000"},
        headers=staff,
    )
    assert_problem(missing, 404, "/problems/policy-version-not-found")


def test_snippets_highlight_matches_and_escape_the_text(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    hits = client.get(
        "/api/v1/policies/search", params={"q": "campaign"}, headers=auth(Role.STAFF)
    ).json()["items"]
    assert any("<mark>" in hit["snippet"] for hit in hits)
    quoted = [hit["snippet"] for hit in hits if "&quot;" in hit["snippet"]]
    assert quoted  # definitions quote their terms; quotes arrive escaped
    assert all('"' not in snippet for snippet in quoted)


def test_a_search_without_words_is_refused(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    response = client.get("/api/v1/policies/search", params={"q": ""}, headers=auth(Role.STAFF))
    assert_problem(response, 422)
    punctuation = client.get(
        "/api/v1/policies/search", params={"q": "?!* \"'"}, headers=auth(Role.STAFF)
    )
    assert punctuation.status_code == 200
    assert punctuation.json()["total"] == 0


COVERAGE_CASES = [
    # person, account, town business -> covered, scope refs, exemption refs
    ("contract_employee", "official", True, True, ["3.1"], []),
    ("contracting_firm", "official", True, False, ["3.3"], []),
    ("employee", "personal", False, False, ["3.1"], ["4.1"]),
    ("employee", "personal", True, True, ["3.1"], ["4.2"]),
    ("mayor", "elected_official_personal", True, False, ["3.1"], ["4.3"]),
    ("council_member", "elected_official_official", True, True, ["3.1"], []),
]


@pytest.mark.parametrize(
    ("person_type", "account_kind", "town_business", "covered", "scope", "exemptions"),
    COVERAGE_CASES,
)
def test_coverage_answers_cite_the_rules_of_the_version_in_force(
    client: TestClient,
    auth: Auth,
    sample_policy: SamplePolicy,
    person_type: str,
    account_kind: str,
    town_business: bool,
    covered: bool,
    scope: list[str],
    exemptions: list[str],
) -> None:
    response = client.post(
        f"{sample_policy.url()}/coverage",
        json={
            "person_type": person_type,
            "account_kind": account_kind,
            "town_business": town_business,
            "on": "2025-03-01",
        },
        headers=auth(Role.STAFF),
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["version"]["label"] == "2024"
    assert answer["covered"] is covered
    assert [c["ref"] for c in answer["scope"]] == scope
    assert [c["ref"] for c in answer["exemptions"]] == exemptions
    for citation in answer["scope"] + answer["exemptions"] + answer["clauses"]:
        assert citation["version_id"] == sample_policy.versions["2024"]
        assert citation["policy_id"] == sample_policy.policy_id
    if not covered:
        assert answer["clauses"] == []
    assert answer["explanation"]


def test_coverage_lists_the_clauses_that_apply_to_the_person(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    def clauses(person_type: str, account_kind: str, town_business: bool) -> list[str]:
        response = client.post(
            f"{sample_policy.url()}/coverage",
            json={
                "person_type": person_type,
                "account_kind": account_kind,
                "town_business": town_business,
            },
            headers=auth(Role.STAFF),
        )
        return [c["ref"] for c in response.json()["clauses"]]

    personal = clauses("employee", "personal", True)
    assert personal[:2] == ["12", "12.1"]
    assert "13.3" in personal
    contractor = clauses("contract_employee", "official", True)
    assert "6.5" in contractor  # the contractors' role
    assert "6.4" not in contractor  # the employees'
    assert "6.3" in contractor  # moderators: whoever moderates
    assert "1" not in contractor  # the purpose asks nothing of anyone
    assert "6.4" in clauses("employee", "official", True)


def test_nothing_is_covered_before_any_version_was_in_force(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    response = client.post(
        f"{sample_policy.url()}/coverage",
        json={
            "person_type": "employee",
            "account_kind": "official",
            "town_business": True,
            "on": "2020-01-01",
        },
        headers=auth(Role.STAFF),
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["covered"] is False
    assert answer["version"] is None
    assert "2020-01-01" in answer["explanation"]


def test_clause_lookup_tree_definitions_and_responsibilities(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    staff = auth(Role.STAFF)
    url = sample_policy.url("2024")

    clause = client.get(f"{url}/clauses/14.3(b)", headers=staff).json()
    assert clause["parent_ref"] == "14.3"
    assert "minor" in clause["text"]
    assert clause["version_label"] == "2024"

    tree = client.get(f"{url}/tree", headers=staff).json()
    assert tree["version"]["label"] == "2024"
    assert [node["ref"] for node in tree["clauses"]][:3] == ["1", "2", "3"]
    photos = next(node for node in tree["clauses"] if node["ref"] == "14")
    emergency_scene = next(node for node in photos["children"] if node["ref"] == "14.3")
    assert "14.3(b)" in [child["ref"] for child in emergency_scene["children"]]

    terms = {d["term"] for d in client.get(f"{url}/definitions", headers=staff).json()}
    assert {"Contractor", "Volunteer", "Town"} <= terms
    contractor = client.get(
        f"{url}/definitions", params={"term": "contractor"}, headers=staff
    ).json()
    assert [d["term"] for d in contractor] == ["Contractor"]

    for role in ("council", "cao", "moderator", "employee", "contractor", "volunteer"):
        duties = client.get(f"{url}/responsibilities/{role}", headers=staff).json()
        assert duties, role
        assert duties[0]["kind"] == "role"
        assert duties[0]["role"] == role


def test_the_2021_to_2024_diff_shows_moves_rewordings_and_new_sections(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    response = client.get(
        f"{sample_policy.url('2021')}/diff/{sample_policy.versions['2024']}",
        headers=auth(Role.STAFF),
    )
    assert response.status_code == 200, response.text
    diff = response.json()
    assert diff["from_version"]["label"] == "2021"
    assert diff["to_version"]["label"] == "2024"
    assert "7" in [c["ref"] for c in diff["added"]]  # Moderator Training is new
    assert any(c["title"] == "Live video" for c in diff["removed"])
    moves = {(m["before_ref"], m["after_ref"]) for m in diff["moved"]}
    assert ("10.1", "12.1") in moves  # personal use renumbered
    reworded = [c for c in diff["changed"] + diff["moved"] if c["text_diff"]]
    assert reworded
    for change in reworded:
        ops = {op["op"] for op in change["text_diff"]}
        assert ops & {"insert", "delete"}
    assert {"label", "effective_from"} <= {m["field"] for m in diff["metadata"]}
    assert diff["unchanged"] >= 0


def test_export_imports_back_to_the_same_clauses(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    staff = auth(Role.STAFF)
    exported = client.get(f"{sample_policy.url('2024')}/export", headers=staff)
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/markdown")

    copy = import_document(client, staff, sample_policy.policy_id, exported.text, label="copy")
    assert copy.status_code == 201, copy.text

    def tree(version_id: str) -> Any:
        response = client.get(f"{sample_policy.url()}/versions/{version_id}/tree", headers=staff)
        return response.json()["clauses"]

    assert tree(copy.json()["id"]) == tree(sample_policy.versions["2024"])
    original = client.get(sample_policy.url("2024"), headers=staff).json()
    assert copy.json()["coverage_rules"] == original["coverage_rules"]


def test_terms_of_engagement_are_public_as_json_and_as_a_page(
    client: TestClient, sample_policy: SamplePolicy
) -> None:
    response = client.get("/api/v1/terms-of-engagement")
    assert response.status_code == 200
    [terms] = response.json()
    assert terms["version"]["label"] == "2024"
    assert terms["clauses"]
    assert {c["kind"] for c in terms["clauses"]} == {"terms_of_engagement"}

    page = client.get("/terms-of-engagement")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for clause in terms["clauses"]:
        if clause["title"]:
            assert clause["title"].replace("'", "&#x27;") in page.text
    earlier = client.get("/api/v1/terms-of-engagement", params={"at": "2022-01-01"}).json()
    assert earlier[0]["version"]["label"] == "2021"
    assert client.get("/api/v1/terms-of-engagement", params={"at": "2019-01-01"}).json() == []


def test_listed_versions_count_their_own_clauses(
    client: TestClient, auth: Auth, sample_policy: SamplePolicy
) -> None:
    staff = auth(Role.STAFF)
    listed = client.get(f"{sample_policy.url()}/versions", headers=staff).json()["items"]
    assert [v["label"] for v in listed] == ["2021", "2024"]
    for version in listed:
        one = client.get(sample_policy.url(version["label"]), headers=staff).json()
        assert version["clause_count"] == one["clause_count"] > 0
    assert listed[0]["clause_count"] != listed[1]["clause_count"]
