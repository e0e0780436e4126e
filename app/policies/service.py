"""Policies and their versions: creating drafts (from JSON, a copy, or a document), editing
and discarding them. Adoption and repeal are in lifecycle.py.

A version is a draft until it is adopted; from then on its text is a record of what the
town decided and never changes (a revision is a new draft, usually based on it)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import RowMapping
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.policies import repository
from app.policies.document import DocumentInvalid, DocumentIssue, parse_document
from app.policies.errors import (
    ClausesInvalid,
    CoverageRulesInvalid,
    NoVersionInForce,
    PolicyCodeTaken,
    PolicyDocumentInvalid,
    PolicyNotFound,
    PolicyVersionNotFound,
    VersionLabelTaken,
    VersionNotDraft,
)
from app.policies.models import Clause, Policy, PolicyVersion
from app.policies.schemas import (
    CoverageRule,
    PolicyCreate,
    PolicyRead,
    PolicyUpdate,
    VersionCreate,
    VersionRead,
    VersionUpdate,
)
from app.policies.vocabulary import (
    ClauseDraft,
    ClauseKind,
    CoveredPersonType,
    PolicyRole,
    VersionStatus,
)

# Policies ---------------------------------------------------------------------------------


def get_policy(session: Session, policy_id: uuid.UUID, *, for_update: bool = False) -> Policy:
    policy = repository.get_policy(session, policy_id, for_update=for_update)
    if policy is None:
        raise PolicyNotFound(f"No policy has id {policy_id}.")
    return policy


def find_policy_by_code(session: Session, code: str) -> Policy | None:
    return repository.find_policy_by_code(session, code.lower())


def list_policies(
    session: Session, params: PageParams, *, q: str | None = None
) -> tuple[Sequence[Policy], int]:
    return repository.list_policies(session, q=q, offset=params.offset, limit=params.page_size)


def _policy_view(policy: Policy) -> dict[str, Any]:
    return PolicyRead.model_validate(policy).model_dump(mode="json")


def create_policy(session: Session, actor: Actor, data: PolicyCreate) -> Policy:
    if repository.find_policy_by_code(session, data.code) is not None:
        raise PolicyCodeTaken(f"Policy code {data.code} is already in use.")
    policy = Policy(id=uuid.uuid4(), **data.model_dump())
    repository.add(session, policy)
    audit.record(session, actor, "policy.created", "policy", policy.id, after=_policy_view(policy))
    return policy


def update_policy(
    session: Session, actor: Actor, policy_id: uuid.UUID, expected_version: int, data: PolicyUpdate
) -> Policy:
    policy = get_policy(session, policy_id)
    check_version(policy.version, expected_version)
    before = _policy_view(policy)
    for field, value in data.changes().items():
        setattr(policy, field, value)
    session.flush()
    audit.record(
        session,
        actor,
        "policy.updated",
        "policy",
        policy.id,
        before=before,
        after=_policy_view(policy),
    )
    return policy


# Versions ---------------------------------------------------------------------------------


def get_version(session: Session, policy_id: uuid.UUID, version_id: uuid.UUID) -> PolicyVersion:
    version = repository.get_version(session, policy_id, version_id)
    if version is None:
        get_policy(session, policy_id)
        raise PolicyVersionNotFound(f"Policy {policy_id} has no version {version_id}.")
    return version


def find_version(session: Session, version_id: uuid.UUID) -> PolicyVersion | None:
    """A version by its id alone, for other domains that hold only the id."""
    return session.get(PolicyVersion, version_id)


def find_version_by_label(
    session: Session, policy_id: uuid.UUID, label: str
) -> PolicyVersion | None:
    return repository.find_version_by_label(session, policy_id, label)


def version_read(
    session: Session, version: PolicyVersion, clause_count: int | None = None
) -> VersionRead:
    """The version as the API shows it (``clause_count``: when the caller has counted)."""
    if clause_count is None:
        clause_count = repository.clause_count(session, version.id)
    adoption = repeal = None
    if version.adopted_on is not None:
        adoption = {
            "adopted_on": version.adopted_on,
            "body": version.adoption_body,
            "reference": version.adoption_reference,
            "meeting_on": version.adoption_meeting_on,
            "vote": version.adoption_vote,
            "recorded_by": version.recorded_by,
        }
    if version.repealed_on is not None:
        repeal = {"repealed_on": version.repealed_on, "reference": version.repeal_reference}
    return VersionRead.model_validate(
        {
            **{c: getattr(version, c) for c in _VERSION_FIELDS},
            "adoption": adoption,
            "repeal": repeal,
            "clause_count": clause_count,
        }
    )


_VERSION_FIELDS = (  # noqa: SIM905
    "id policy_id label status summary effective_from effective_to supersedes_id "
    "coverage_rules created_at updated_at version"
).split()


def version_view(session: Session, version: PolicyVersion) -> dict[str, Any]:
    return version_read(session, version).model_dump(mode="json")


def list_versions(
    session: Session, policy_id: uuid.UUID, params: PageParams, *, status: VersionStatus | None
) -> tuple[list[VersionRead], int]:
    get_policy(session, policy_id)
    items, total = repository.list_versions(
        session, policy_id, status=status, offset=params.offset, limit=params.page_size
    )
    counts = repository.clause_counts(session, [v.id for v in items])
    return [version_read(session, v, counts.get(v.id, 0)) for v in items], total


def version_in_force(session: Session, policy_id: uuid.UUID, on: dt.date) -> PolicyVersion:
    version = repository.version_in_force(session, policy_id, on)
    if version is None:
        policy = get_policy(session, policy_id)
        raise NoVersionInForce(f"No version of {policy.title} was in force on {on.isoformat()}.")
    return version


def require_draft(version: PolicyVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise VersionNotDraft(
            f"Version {version.label} is {version.status}: its text is a record and does not "
            "change. Start a new draft based on it (based_on_version_id) to revise it."
        )


def _check_label_free(session: Session, policy_id: uuid.UUID, label: str) -> None:
    if repository.find_version_by_label(session, policy_id, label) is not None:
        raise VersionLabelTaken(f"This policy already has a version labelled {label}.")


def check_structure(clauses: Sequence[ClauseDraft]) -> list[str]:
    """What is wrong with a text's structure: duplicate references, parents that are missing
    or come after their sub-clauses."""
    problems: list[str] = []
    seen: set[str] = set()
    for clause in clauses:
        if clause.ref in seen:
            problems.append(f"Reference {clause.ref} appears twice.")
        if clause.parent_ref is not None and clause.parent_ref not in seen:
            problems.append(
                f"Clause {clause.ref} names parent {clause.parent_ref}, which does not come "
                "before it."
            )
        seen.add(clause.ref)
    return problems


def check_rules(rules: Iterable[dict[str, Any]], refs: set[str]) -> None:
    missing = sorted(
        {
            ref
            for rule in rules
            for ref in [rule["clause"], *rule.get("still_applies", [])]
            if ref not in refs
        }
    )
    if missing:
        raise CoverageRulesInvalid(
            f"The coverage rules cite clauses this version does not have: {', '.join(missing)}."
        )


def _store_text(session: Session, version: PolicyVersion, clauses: Sequence[ClauseDraft]) -> None:
    repository.insert_clauses(
        session,
        [
            {
                "id": uuid.uuid4(),
                "version_id": version.id,
                "ref": c.ref,
                "parent_ref": c.parent_ref,
                "position": position,
                "title": c.title,
                "text": c.text,
                "kind": c.kind,
                "term": c.term,
                "role": c.role,
                "topics": list(c.topics),
                "applies_to": [str(t) for t in c.applies_to],
                "version": 1,
            }
            for position, c in enumerate(clauses)
        ],
    )


def _new_version(
    session: Session,
    actor: Actor,
    policy: Policy,
    *,
    label: str,
    summary: str | None,
    effective_from: dt.date | None,
    rules: list[dict[str, Any]],
    clauses: Sequence[ClauseDraft],
) -> PolicyVersion:
    _check_label_free(session, policy.id, label)
    version = PolicyVersion(
        id=uuid.uuid4(),
        policy_id=policy.id,
        label=label,
        status=VersionStatus.DRAFT,
        summary=summary,
        effective_from=effective_from,
        coverage_rules=rules,
    )
    repository.add(session, version)
    _store_text(session, version, clauses)
    audit.record(
        session,
        actor,
        "policy_version.created",
        "policy_version",
        version.id,
        after=version_view(session, version),
    )
    return version


def draft_from_row(row: RowMapping | Clause) -> ClauseDraft:
    get = row.__getitem__ if isinstance(row, RowMapping) else row.__getattribute__
    return ClauseDraft(
        ref=get("ref"),
        parent_ref=get("parent_ref"),
        title=get("title"),
        text=get("text"),
        kind=ClauseKind(get("kind")),
        term=get("term"),
        role=PolicyRole(get("role")) if get("role") else None,
        topics=list(get("topics")),
        applies_to=[CoveredPersonType(t) for t in get("applies_to")],
    )


def create_version(
    session: Session, actor: Actor, policy_id: uuid.UUID, data: VersionCreate
) -> PolicyVersion:
    """A draft from clauses given as JSON, or a copy of another version to revise."""
    policy = get_policy(session, policy_id)
    rules = [r.model_dump(mode="json") for r in data.coverage_rules or []]
    if data.based_on_version_id is not None:
        source = get_version(session, policy_id, data.based_on_version_id)
        clauses = [draft_from_row(r) for r in repository.clause_rows(session, source.id)]
        if data.coverage_rules is None:
            rules = list(source.coverage_rules)
    else:
        clauses = [ClauseDraft(**c.model_dump()) for c in data.clauses or []]
    problems = check_structure(clauses)
    if problems:
        raise ClausesInvalid(" ".join(problems))
    check_rules(rules, {c.ref for c in clauses})
    return _new_version(
        session,
        actor,
        policy,
        label=data.label,
        summary=data.summary,
        effective_from=data.effective_from,
        rules=rules,
        clauses=clauses,
    )


def _document_problem(issues: Sequence[DocumentIssue]) -> PolicyDocumentInvalid:
    first = issues[0]
    more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
    return PolicyDocumentInvalid(
        f"Line {first.line}: {first.message}{more}",
        errors=[
            {"loc": ["body"], "type": "document", "msg": i.message, "line": i.line} for i in issues
        ],
    )


def import_version(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    document: str,
    *,
    markdown: bool,
    label: str | None = None,
) -> PolicyVersion:
    """A draft read from a Markdown or plain-text document (docs/policy-documents.md)."""
    policy = get_policy(session, policy_id)
    try:
        parsed = parse_document(document, markdown=markdown)
    except DocumentInvalid as exc:
        raise _document_problem(exc.issues) from exc
    meta = parsed.metadata
    issues: list[DocumentIssue] = []
    label = label or meta.label
    if not label:
        issues.append(
            DocumentIssue(
                1, "The version needs a label: give it in the front matter or as ?label=."
            )
        )
    rules: list[dict[str, Any]] = []
    for index, raw in enumerate(meta.coverage):
        try:
            rules.append(CoverageRule.model_validate(raw).model_dump(mode="json"))
        except ValidationError as exc:
            reason = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'rule'}: {e['msg']}" for e in exc.errors()
            )
            issues.append(
                DocumentIssue(meta.lines.get("coverage", 1), f"Coverage rule {index + 1}: {reason}")
            )
    refs = {c.ref for c in parsed.clauses}
    for index, rule in enumerate(rules):
        for ref in [rule["clause"], *rule["still_applies"]]:
            if ref not in refs:
                issues.append(
                    DocumentIssue(
                        meta.lines.get("coverage", 1),
                        f"Coverage rule {index + 1} cites clause {ref}, which the document "
                        "does not have.",
                    )
                )
    if issues:
        raise _document_problem(issues)
    assert label is not None
    return _new_version(
        session,
        actor,
        policy,
        label=label,
        summary=meta.summary,
        effective_from=meta.effective_from,
        rules=rules,
        clauses=parsed.clauses,
    )


def update_version(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    expected_version: int,
    data: VersionUpdate,
) -> PolicyVersion:
    version = get_version(session, policy_id, version_id)
    check_version(version.version, expected_version)
    require_draft(version)
    changes = data.changes()
    if changes.get("label", version.label) != version.label:
        _check_label_free(session, policy_id, changes["label"])
    if "coverage_rules" in changes:
        refs = {row["ref"] for row in repository.clause_rows(session, version.id)}
        check_rules(changes["coverage_rules"], refs)
    before = version_view(session, version)
    for field, value in changes.items():
        setattr(version, field, value)
    session.flush()
    audit.record(
        session,
        actor,
        "policy_version.updated",
        "policy_version",
        version.id,
        before=before,
        after=version_view(session, version),
    )
    return version


def discard_draft(
    session: Session,
    actor: Actor,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    expected_version: int,
) -> None:
    """Discard a draft that will not be adopted (the audit trail keeps what it was)."""
    version = get_version(session, policy_id, version_id)
    check_version(version.version, expected_version)
    require_draft(version)
    before = version_view(session, version)
    repository.delete_version(session, version)
    audit.record(
        session, actor, "policy_version.discarded", "policy_version", version_id, before=before
    )
