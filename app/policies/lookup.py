"""The questions staff, moderators and other city systems ask of a policy: what does clause
4.2(c) say, what is in force, does it cover me, where does it talk about this, what changed.
Every answer names the version it comes from. Nothing here changes anything."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import RowMapping
from sqlalchemy.orm import Session

from app.core.pagination import PageParams
from app.policies import coverage, repository, search
from app.policies.diff import ClauseChange, WordOp, diff_clauses
from app.policies.document import DocumentMetadata, render_markdown
from app.policies.errors import ClauseNotFound, PolicyVersionNotFound
from app.policies.models import PolicyVersion
from app.policies.schemas import (
    Citation,
    ClauseBrief,
    ClauseChangeRead,
    ClauseNode,
    ClauseRead,
    ClauseTree,
    CoverageAnswer,
    CoverageQuestion,
    SearchHit,
    TermsOfEngagement,
    VersionDiff,
    VersionSummary,
)
from app.policies.service import draft_from_row, get_policy, get_version
from app.policies.vocabulary import ClauseKind, PolicyRole, VersionStatus, normalize_ref


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _clause_read(row: RowMapping, version: PolicyVersion) -> ClauseRead:
    return ClauseRead.model_validate(
        {**row, "policy_id": version.policy_id, "version_label": version.label}
    )


# Clauses of adopted versions, which never change (nor are they deleted): once read, a
# clause is answered from memory. Drafts are always read from the database.
_ADOPTED_CLAUSES: dict[tuple[uuid.UUID, uuid.UUID, str], ClauseRead] = {}
_ADOPTED_CLAUSES_MAX = 4096


def read_clause(
    session: Session, policy_id: uuid.UUID, version_id: uuid.UUID, ref: str
) -> ClauseRead:
    """One clause by its reference: one query the first time (bench/), none after that for
    an adopted text."""
    canonical = normalize_ref(ref)
    key = (policy_id, version_id, canonical or "")
    cached = _ADOPTED_CLAUSES.get(key)
    if cached is not None:
        return cached
    row = (
        repository.read_cited_clause(session, policy_id, version_id, canonical)
        if canonical
        else None
    )
    if row is None:
        version = get_version(session, policy_id, version_id)  # 404 for them first
        raise ClauseNotFound(f"Version {version.label} has no clause {ref}.", ref=ref)
    clause = ClauseRead.model_validate(row)
    if row["version_status"] != VersionStatus.DRAFT:
        if len(_ADOPTED_CLAUSES) >= _ADOPTED_CLAUSES_MAX:
            _ADOPTED_CLAUSES.pop(next(iter(_ADOPTED_CLAUSES)))
        _ADOPTED_CLAUSES[key] = clause
    return clause


def list_clauses(
    session: Session,
    policy_id: uuid.UUID,
    version_id: uuid.UUID,
    params: PageParams,
    *,
    kind: ClauseKind | None = None,
    topic: str | None = None,
    applies_to: str | None = None,
) -> tuple[list[ClauseRead], int]:
    version = get_version(session, policy_id, version_id)
    rows, total = repository.list_clauses(
        session,
        version.id,
        kind=kind,
        topic=topic,
        applies_to=applies_to,
        offset=params.offset,
        limit=params.page_size,
    )
    return [_clause_read(r, version) for r in rows], total


def summary_of(version: PolicyVersion) -> VersionSummary:
    return VersionSummary.model_validate(version)


def clause_tree(session: Session, policy_id: uuid.UUID, version_id: uuid.UUID) -> ClauseTree:
    version = get_version(session, policy_id, version_id)
    nodes: dict[str, ClauseNode] = {}
    roots: list[ClauseNode] = []
    for row in repository.clause_rows(session, version.id):
        node = ClauseNode.model_validate({**row, "children": []})
        nodes[node.ref] = node
        parent = nodes.get(row["parent_ref"] or "")
        (parent.children if parent is not None else roots).append(node)
    return ClauseTree(policy_id=policy_id, version=summary_of(version), clauses=roots)


def definitions(
    session: Session, policy_id: uuid.UUID, version_id: uuid.UUID, *, term: str | None = None
) -> list[ClauseRead]:
    """The terms a version defines, optionally one term (case-insensitive)."""
    version = get_version(session, policy_id, version_id)
    rows = repository.definitions(session, version.id)
    if term is not None:
        rows = [r for r in rows if (r["term"] or "").casefold() == term.strip().casefold()]
    return [_clause_read(r, version) for r in rows]


def responsibilities(
    session: Session, policy_id: uuid.UUID, version_id: uuid.UUID, role: PolicyRole
) -> list[ClauseRead]:
    """The role clauses that state this role's duties, with their sub-clauses."""
    version = get_version(session, policy_id, version_id)
    kept: list[ClauseRead] = []
    included: set[str] = set()
    for row in repository.clause_rows(session, version.id):
        own = row["kind"] == ClauseKind.ROLE and row["role"] == role
        if own or row["parent_ref"] in included:
            included.add(row["ref"])
            kept.append(_clause_read(row, version))
    return kept


def _citation(version: PolicyVersion, row: RowMapping) -> Citation:
    return Citation(
        policy_id=version.policy_id,
        version_id=version.id,
        version_label=version.label,
        ref=row["ref"],
        title=row["title"],
        kind=row["kind"],
    )


def coverage_of(
    session: Session, policy_id: uuid.UUID, question: CoverageQuestion
) -> CoverageAnswer:
    """Whether the version in force on the day covers this person on this kind of account,
    which clauses apply and which exemptions matched, each cited."""
    on = question.on or today()
    version = repository.version_in_force(session, policy_id, on)
    if version is None:
        policy = get_policy(session, policy_id)
        return CoverageAnswer(
            policy_id=policy_id,
            version=None,
            on=on,
            covered=False,
            scope=[],
            exemptions=[],
            clauses=[],
            explanation=f"No version of {policy.title} was in force on {on.isoformat()}.",
        )
    rows = repository.clause_rows(session, version.id)
    by_ref = {row["ref"]: row for row in rows}
    outcome = coverage.evaluate(
        version.coverage_rules,
        [
            coverage.CoverageClause(
                ref=r["ref"],
                parent_ref=r["parent_ref"],
                kind=ClauseKind(r["kind"]),
                role=PolicyRole(r["role"]) if r["role"] else None,
                applies_to=frozenset(r["applies_to"]),
            )
            for r in rows
        ],
        question.person_type,
        question.account_kind,
        question.town_business,
    )

    def cite(refs: Sequence[str]) -> list[Citation]:
        return [_citation(version, by_ref[ref]) for ref in refs if ref in by_ref]

    return CoverageAnswer(
        policy_id=policy_id,
        version=summary_of(version),
        on=on,
        covered=outcome.covered,
        scope=cite(outcome.scope),
        exemptions=cite(outcome.exemptions),
        clauses=cite(outcome.clauses),
        explanation=outcome.explanation,
    )


def search_clauses(
    session: Session,
    q: str,
    params: PageParams,
    *,
    on: dt.date | None = None,
    policy_id: uuid.UUID | None = None,
    version_id: uuid.UUID | None = None,
    kind: ClauseKind | None = None,
    topic: str | None = None,
) -> tuple[list[SearchHit], int]:
    """Clauses of the versions in force (or of one version) ranked by relevance to ``q``."""
    adopted_only = True
    if version_id is not None:
        policy_id = policy_id or repository.policy_of_version(session, version_id)
        if policy_id is None:
            raise PolicyVersionNotFound(f"No policy has a version {version_id}.")
        version = get_version(session, policy_id, version_id)
        adopted_only = version.status != VersionStatus.DRAFT
    elif policy_id is not None:
        get_policy(session, policy_id)
    scope = search.SearchScope(
        on=on or today(), policy_id=policy_id, version_id=version_id, kind=kind, topic=topic
    )
    terms = search.query_terms(q)
    if not adopted_only:
        return _search_hits(session, terms, scope, params)
    key = (tuple(terms), scope, params.offset, params.page_size)
    stamp = repository.adopted_versions_stamp(session)
    answer = _search_cache.get(key, stamp)
    if answer is None:
        answer = _search_hits(session, terms, scope, params)
        _search_cache.put(key, stamp, answer)
    return answer


# Answers over adopted texts only, checked against the adopted versions on every search.
_search_cache = search.AdoptedTextCache()


def _search_hits(
    session: Session, terms: list[str], scope: search.SearchScope, params: PageParams
) -> tuple[list[SearchHit], int]:
    hits, total = search.search(session, terms, scope, offset=params.offset, limit=params.page_size)
    return [SearchHit.model_validate(h) for h in hits], total


def _ops(ops: list[WordOp] | None) -> list[dict[str, str]] | None:
    return None if ops is None else [{"op": o.op, "text": o.text} for o in ops]


def _change(change: ClauseChange) -> ClauseChangeRead:
    return ClauseChangeRead(
        before_ref=change.before.ref,
        after_ref=change.after.ref,
        title=change.after.title,
        fields=[{"field": f.field, "before": f.before, "after": f.after} for f in change.fields],
        title_diff=_ops(change.title_diff),
        text_diff=_ops(change.text_diff),
        similarity=round(change.similarity, 3),
    )


_COMPARED_FIELDS = ("label", "status", "summary", "effective_from", "effective_to")


def diff_versions(
    session: Session, policy_id: uuid.UUID, from_id: uuid.UUID, to_id: uuid.UUID
) -> VersionDiff:
    """What changed from one version to another: clauses added, removed, changed (word by
    word) and moved, and the version's own fields."""
    old = get_version(session, policy_id, from_id)
    new = get_version(session, policy_id, to_id)
    result = diff_clauses(
        [draft_from_row(r) for r in repository.clause_rows(session, old.id)],
        [draft_from_row(r) for r in repository.clause_rows(session, new.id)],
    )
    metadata: list[dict[str, Any]] = [
        {"field": f, "before": _plain(getattr(old, f)), "after": _plain(getattr(new, f))}
        for f in _COMPARED_FIELDS
        if getattr(old, f) != getattr(new, f)
    ]
    if old.coverage_rules != new.coverage_rules:
        metadata.append(
            {"field": "coverage_rules", "before": old.coverage_rules, "after": new.coverage_rules}
        )

    def brief(clause: Any) -> ClauseBrief:
        return ClauseBrief(ref=clause.ref, title=clause.title, kind=clause.kind, text=clause.text)

    return VersionDiff.model_validate(
        {
            "policy_id": policy_id,
            "from_version": summary_of(old),
            "to_version": summary_of(new),
            "metadata": metadata,
            "added": [brief(c) for c in result.added],
            "removed": [brief(c) for c in result.removed],
            "changed": [_change(c) for c in result.changed],
            "moved": [_change(c) for c in result.moved],
            "unchanged": result.unchanged,
        }
    )


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def export_markdown(session: Session, policy_id: uuid.UUID, version_id: uuid.UUID) -> str:
    """The version as a Markdown document that imports back to the same clauses."""
    policy = get_policy(session, policy_id)
    version = get_version(session, policy_id, version_id)
    metadata = DocumentMetadata(
        label=version.label,
        title=policy.title,
        summary=version.summary,
        effective_from=version.effective_from,
        coverage=list(version.coverage_rules),
    )
    clauses = [draft_from_row(r) for r in repository.clause_rows(session, version.id)]
    return render_markdown(metadata, clauses)


def terms_of_engagement(
    session: Session, *, on: dt.date | None = None, policy_id: uuid.UUID | None = None
) -> list[TermsOfEngagement]:
    """The comment rules the public must know, from each policy's version in force."""
    on = on or today()
    grouped: dict[uuid.UUID, TermsOfEngagement] = {}
    for row in repository.terms_of_engagement(session, on, policy_id):
        terms = grouped.get(row["policy_id"])
        if terms is None:
            terms = grouped[row["policy_id"]] = TermsOfEngagement.model_validate(
                {
                    "policy_id": row["policy_id"],
                    "policy_title": row["policy_title"],
                    "version": {
                        "id": row["version_id"],
                        "label": row["version_label"],
                        "status": row["version_status"],
                        "effective_from": row["effective_from"],
                        "effective_to": row["effective_to"],
                    },
                    "clauses": [],
                }
            )
        terms.clauses.append(ClauseRead.model_validate(row))
    return list(grouped.values())


def clause_titles(session: Session, version_id: uuid.UUID, refs: Iterable[str]) -> dict[str, str]:
    """The titles of the given clauses of a version, to cite them; an untitled clause (an
    item such as 11(a)) is named after the nearest titled clause above it. References the
    version does not have are left out."""
    rows = {row["ref"]: row for row in repository.clause_rows(session, version_id)}

    def title(ref: str) -> str:
        row = rows[ref]
        while row["title"] is None and row["parent_ref"] in rows:
            row = rows[row["parent_ref"]]
        if row["title"] is None:
            return f"Section {ref}"
        return row["title"] if row["ref"] == ref else f"{row['title']}, {ref}"

    return {ref: title(ref) for ref in refs if ref in rows}
