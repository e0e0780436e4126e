"""Drafting, importing, adopting and superseding versions over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from app.core.actor import Role
from tests.core.problems import assert_problem
from tests.policies.conftest import SMALL_POLICY, import_document

Auth = Callable[[Role], dict[str, str]]

ADOPTION = {
    "adopted_on": "2025-01-13",
    "effective_from": "2025-02-01",
    "body": "Town Council",
    "reference": "Resolution 2025-004",
    "meeting_on": "2025-01-13",
    "vote": {"in_favour": 5, "opposed": 2, "abstained": 0},
}


def _adopt(client: TestClient, auth: Auth, version: dict[str, Any], **changes: Any) -> Any:
    return client.post(
        f"/api/v1/policies/{version['policy_id']}/versions/{version['id']}/adopt",
        json={**ADOPTION, **changes},
        headers={**auth(Role.APPROVER), "If-Match": f'"{version["version"]}"'},
    )


def _draft(client: TestClient, auth: Auth, policy_id: str, label: str = "draft-1") -> Any:
    response = import_document(client, auth(Role.STAFF), policy_id, SMALL_POLICY, label=label)
    assert response.status_code == 201, response.text
    return response.json()


def test_markdown_document_becomes_a_draft_with_its_clauses(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    response = import_document(client, auth(Role.STAFF), policy["id"], SMALL_POLICY)

    assert response.status_code == 201, response.text
    version = response.json()
    assert version["status"] == "draft"
    assert version["label"] == "draft-1"
    assert version["effective_from"] == "2025-01-01"
    assert version["adoption"] is None
    assert version["clause_count"] == 9
    assert [rule["effect"] for rule in version["coverage_rules"]] == [
        "include",
        "exclude",
        "exempt",
        "exempt",
    ]
    assert (
        response.headers["Location"] == f"/api/v1/policies/{policy['id']}/versions/{version['id']}"
    )
    assert response.headers["ETag"] == '"1"'

    clause = client.get(f"{response.headers['Location']}/clauses/5.1(b)", headers=auth(Role.STAFF))
    assert clause.status_code == 200
    assert clause.json()["text"] == "Be accurate."
    assert clause.json()["parent_ref"] == "5.1"
    assert clause.json()["version_label"] == "draft-1"


def test_malformed_document_is_refused_with_line_numbers_and_nothing_is_created(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    broken = (
        "---\nlabel: x\nbogus_key: 1\n---\n# Policy\n\n"
        "## 1. Purpose\n\nText.\n\n## 1. Again\n\nMore.\n"
    )
    before = client.get("/api/v1/audit-events", headers=auth(Role.AUDITOR)).json()["total"]

    response = import_document(client, auth(Role.STAFF), policy["id"], broken)

    body = assert_problem(response, 422, "/problems/policy-document-invalid", detail=True)
    lines = sorted(error["line"] for error in body["errors"])
    assert 3 in lines  # the unknown front-matter key
    assert 11 in lines  # the second "1."
    assert body["detail"].startswith("Line 3:")
    versions = client.get(f"/api/v1/policies/{policy['id']}/versions", headers=auth(Role.STAFF))
    assert versions.json()["total"] == 0
    after = client.get("/api/v1/audit-events", headers=auth(Role.AUDITOR)).json()["total"]
    assert after == before


def test_document_without_label_names_the_missing_label(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    response = import_document(
        client, auth(Role.STAFF), policy["id"], "# Policy\n\n1. Purpose\n\nThe purpose.\n"
    )
    body = assert_problem(response, 422, "/problems/policy-document-invalid")
    assert body["errors"][0]["line"] == 1
    assert "label" in body["errors"][0]["msg"]

    labelled = import_document(
        client,
        auth(Role.STAFF),
        policy["id"],
        "# Policy\n\n1. Purpose\n\nThe purpose.\n",
        media_type="text/plain; charset=utf-8",
        label="2025",
    )
    assert labelled.status_code == 201, labelled.text
    assert labelled.json()["label"] == "2025"


def test_other_media_types_are_refused_with_415(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    response = import_document(
        client, auth(Role.STAFF), policy["id"], "<p>policy</p>", media_type="text/html"
    )
    assert_problem(response, 415, "/problems/unsupported-document-type")


def test_json_draft_and_a_revision_based_on_an_adopted_version(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    url = f"/api/v1/policies/{policy['id']}/versions"
    created = client.post(
        url,
        json={
            "label": "2025",
            "clauses": [
                {"ref": "1", "title": "Purpose", "text": "Why.", "kind": "purpose"},
                {"ref": "1(a)", "parent_ref": "1", "text": "More.", "kind": "purpose"},
            ],
        },
        headers=auth(Role.STAFF),
    )
    assert created.status_code == 201, created.text
    assert created.json()["clause_count"] == 2

    orphan = client.post(
        url,
        json={"label": "bad", "clauses": [{"ref": "2(a)", "parent_ref": "2", "text": "x"}]},
        headers=auth(Role.STAFF),
    )
    assert_problem(orphan, 422, "/problems/policy-clauses-invalid")

    revision = client.post(
        url,
        json={"label": "2026", "based_on_version_id": created.json()["id"]},
        headers=auth(Role.STAFF),
    )
    assert revision.status_code == 201
    assert revision.json()["clause_count"] == 2

    same_label = client.post(url, json={"label": "2025", "clauses": []}, headers=auth(Role.STAFF))
    assert_problem(same_label, 409, "/problems/policy-version-label-taken")


def test_adoption_needs_the_approver_role_and_records_the_decision(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    draft = _draft(client, auth, policy["id"])
    url = f"/api/v1/policies/{policy['id']}/versions/{draft['id']}/adopt"

    by_staff = client.post(url, json=ADOPTION, headers={**auth(Role.STAFF), "If-Match": '"1"'})
    assert_problem(by_staff, 403)

    adopted = _adopt(client, auth, draft)
    assert adopted.status_code == 200, adopted.text
    version = adopted.json()
    assert version["status"] == "adopted"
    assert version["effective_from"] == "2025-02-01"
    assert version["effective_to"] is None
    assert version["adoption"] == {
        "adopted_on": "2025-01-13",
        "body": "Town Council",
        "reference": "Resolution 2025-004",
        "meeting_on": "2025-01-13",
        "vote": {"in_favour": 5, "opposed": 2, "abstained": 0},
        "recorded_by": "approver key",
    }
    events = client.get(
        "/api/v1/audit-events", params={"entity_id": draft["id"]}, headers=auth(Role.AUDITOR)
    ).json()["items"]
    assert "policy_version.adopted" in [e["action"] for e in events]


def test_adopted_versions_are_immutable(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    draft = _draft(client, auth, policy["id"])
    adopted = _adopt(client, auth, draft).json()
    url = f"/api/v1/policies/{policy['id']}/versions/{draft['id']}"
    staff = auth(Role.STAFF)
    etag = {"If-Match": f'"{adopted["version"]}"'}

    attempts = [
        client.patch(url, json={"summary": "changed"}, headers={**staff, **etag}),
        client.delete(url, headers={**staff, **etag}),
        client.patch(f"{url}/clauses/1", json={"text": "x"}, headers={**staff, "If-Match": '"1"'}),
        client.delete(f"{url}/clauses/5.1(b)", headers={**staff, "If-Match": '"1"'}),
        client.post(f"{url}/clauses", json={"ref": "9", "text": "x"}, headers=staff),
        _adopt(client, auth, adopted),
    ]
    for response in attempts:
        assert_problem(response, 409, "/problems/policy-version-not-draft", detail=True)
    assert client.get(f"{url}/clauses/1", headers=staff).json()["version"] == 1


def test_a_new_adoption_supersedes_the_version_in_force(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    first = _adopt(client, auth, _draft(client, auth, policy["id"], "2025")).json()
    second_draft = _draft(client, auth, policy["id"], "2026")

    too_early = _adopt(client, auth, second_draft, effective_from="2025-02-01")
    assert_problem(too_early, 422, "/problems/adoption-out-of-order")

    second = _adopt(
        client, auth, second_draft, adopted_on="2026-03-02", effective_from="2026-04-01"
    ).json()
    assert second["supersedes_id"] == first["id"]

    base = f"/api/v1/policies/{policy['id']}"
    old = client.get(f"{base}/versions/{first['id']}", headers=auth(Role.STAFF)).json()
    assert old["status"] == "superseded"
    assert old["effective_to"] == "2026-04-01"

    def in_force(at: str) -> Any:
        return client.get(f"{base}/in-force", params={"at": at}, headers=auth(Role.STAFF))

    assert in_force("2025-02-01").json()["label"] == "2025"
    assert in_force("2026-03-31").json()["label"] == "2025"
    assert in_force("2026-04-01").json()["label"] == "2026"
    none = in_force("2025-01-31")
    body = assert_problem(none, 404, "/problems/no-version-in-force")
    assert "2025-01-31" in body["detail"]


def test_repeal_ends_the_version_in_force(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    adopted = _adopt(client, auth, _draft(client, auth, policy["id"])).json()
    url = f"/api/v1/policies/{policy['id']}/versions/{adopted['id']}/repeal"
    headers = {**auth(Role.APPROVER), "If-Match": f'"{adopted["version"]}"'}

    early = client.post(
        url, json={"repealed_on": "2025-02-01", "reference": "R-1"}, headers=headers
    )
    assert_problem(early, 422, "/problems/repeal-invalid")
    repealed = client.post(
        url, json={"repealed_on": "2025-06-01", "reference": "R-1"}, headers=headers
    )
    assert repealed.status_code == 200, repealed.text
    assert repealed.json()["status"] == "repealed"
    assert repealed.json()["repeal"] == {"repealed_on": "2025-06-01", "reference": "R-1"}

    base = f"/api/v1/policies/{policy['id']}/in-force"
    assert (
        client.get(base, params={"at": "2025-05-31"}, headers=auth(Role.STAFF)).status_code == 200
    )
    assert (
        client.get(base, params={"at": "2025-06-01"}, headers=auth(Role.STAFF)).status_code == 404
    )


def test_drafts_are_editable_with_if_match(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    draft = _draft(client, auth, policy["id"])
    url = f"/api/v1/policies/{policy['id']}/versions/{draft['id']}"
    staff = auth(Role.STAFF)

    missing = client.patch(
        f"{url}/clauses/5.1(a)", json={"text": "Say who you are."}, headers=staff
    )
    assert_problem(missing, 428)
    changed = client.patch(
        f"{url}/clauses/5.1(a)",
        json={"text": "Say who you are.", "topics": ["Transparency"]},
        headers={**staff, "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["topics"] == ["transparency"]
    assert changed.headers["ETag"] == '"2"'
    reread = client.get(f"{url}/clauses/5.1(a)", headers=staff).json()
    assert reread["text"] == "Say who you are."  # a draft's clause is never served stale
    stale = client.patch(
        f"{url}/clauses/5.1(a)", json={"text": "Other."}, headers={**staff, "If-Match": '"1"'}
    )
    assert_problem(stale, 412)

    added = client.post(
        f"{url}/clauses",
        json={"ref": "5.1(c)", "parent_ref": "5.1", "text": "Be ethical.", "kind": "guideline"},
        headers=staff,
    )
    assert added.status_code == 201, added.text
    refs = [c["ref"] for c in client.get(f"{url}/clauses", headers=staff).json()["items"]]
    assert refs.index("5.1(c)") == refs.index("5.1(b)") + 1

    with_children = client.delete(f"{url}/clauses/5.1", headers={**staff, "If-Match": '"1"'})
    assert_problem(with_children, 409, "/problems/clause-has-children")
    cited = client.delete(f"{url}/clauses/2", headers={**staff, "If-Match": '"1"'})
    assert_problem(cited, 422, "/problems/coverage-rules-invalid")
    removed = client.delete(f"{url}/clauses/5.1(c)", headers={**staff, "If-Match": '"1"'})
    assert removed.status_code == 204

    rules = client.patch(
        url,
        json={"coverage_rules": [{"effect": "include", "clause": "42"}]},
        headers={**staff, "If-Match": '"1"'},
    )
    assert_problem(rules, 422, "/problems/coverage-rules-invalid")

    discarded = client.delete(url, headers={**staff, "If-Match": '"1"'})
    assert discarded.status_code == 204
    assert_problem(client.get(url, headers=staff), 404, "/problems/policy-version-not-found")


def test_unknown_policy_version_and_clause_are_404_naming_what_is_missing(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    draft = _draft(client, auth, policy["id"])
    staff = auth(Role.STAFF)
    missing = "00000000-0000-4000-8000-000000000000"

    assert_problem(
        client.get(f"/api/v1/policies/{missing}", headers=staff), 404, "/problems/policy-not-found"
    )
    assert_problem(
        client.get(f"/api/v1/policies/{missing}/versions/{draft['id']}/clauses/1", headers=staff),
        404,
        "/problems/policy-not-found",
    )
    assert_problem(
        client.get(f"/api/v1/policies/{policy['id']}/versions/{missing}/clauses/1", headers=staff),
        404,
        "/problems/policy-version-not-found",
    )
    for ref in ("9.9(z)", "not a ref"):
        body = assert_problem(
            client.get(
                f"/api/v1/policies/{policy['id']}/versions/{draft['id']}/clauses/{ref}",
                headers=staff,
            ),
            404,
            "/problems/clause-not-found",
        )
        assert body["ref"] == ref
        assert ref in body["detail"]


def test_references_are_read_as_people_write_them(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    draft = _draft(client, auth, policy["id"])
    base = f"/api/v1/policies/{policy['id']}/versions/{draft['id']}/clauses"
    for written in ("5.1(b)", "Section 5.1 (B)", "5.1%28b%29"):
        response = client.get(f"{base}/{written}", headers=auth(Role.STAFF))
        assert response.status_code == 200, (written, response.text)
        assert response.json()["ref"] == "5.1(b)"


def test_a_document_upload_replays_under_its_idempotency_key(
    client: TestClient, auth: Auth, new_policy: Callable[..., dict[str, Any]]
) -> None:
    policy = new_policy()
    headers = {**auth(Role.STAFF), "Idempotency-Key": "upload-1"}
    first = import_document(client, headers, policy["id"], SMALL_POLICY)
    again = import_document(client, headers, policy["id"], SMALL_POLICY)
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    other = import_document(client, headers, policy["id"], SMALL_POLICY + "\nMore.\n")
    assert_problem(other, 422, "/problems/idempotency-key-reused")
    versions = client.get(f"/api/v1/policies/{policy['id']}/versions", headers=auth(Role.STAFF))
    assert versions.json()["total"] == 1
