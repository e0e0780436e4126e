"""Rulesets: how a policy version is enforced, and the custom terms administrators add.
Every change rewrites the engine token, so every replica rebuilds its engine."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.policies import lookup as policy_lookup
from app.policies import service as policy_service
from app.policies.models import PolicyVersion
from app.screening import repository
from app.screening.engine.ruleset import DEFAULT_RULES, neutrality_problems
from app.screening.engine.vocabulary import Category
from app.screening.engines import rules_from_json, rules_to_json
from app.screening.errors import (
    RulesetClauseNotFound,
    RulesetExists,
    RulesetNotFound,
    RulesetNotNeutral,
    RulesetPolicyVersionUnknown,
    TermExists,
    TermNotFound,
)
from app.screening.models import Ruleset, RulesetTerm
from app.screening.schemas import (
    PolicyVersionRef,
    RuleIn,
    RulesetCreate,
    RulesetRead,
    RulesetUpdate,
    TermCreate,
    rule_view,
)


def new_engine_token(session: Session) -> None:
    """Call with every change to what the engine is built from."""
    repository.write_engine_token(session, uuid.uuid4().hex)


def _version_ref(version: PolicyVersion) -> PolicyVersionRef:
    return PolicyVersionRef(policy_id=version.policy_id, version_id=version.id, label=version.label)


def _read(session: Session, ruleset: Ruleset, term_count: int | None = None) -> RulesetRead:
    version = policy_service.find_version(session, ruleset.policy_version_id)
    assert version is not None
    if term_count is None:
        term_count = repository.term_counts(session, [ruleset.id]).get(ruleset.id, 0)
    return RulesetRead(
        id=ruleset.id,
        policy_version=_version_ref(version),
        rules={Category(c): rule_view(r) for c, r in ruleset.rules.items()},
        term_count=term_count,
        ruleset_version=f"{version.label}-r{ruleset.version}",
        version=ruleset.version,
        created_at=ruleset.created_at,
        updated_at=ruleset.updated_at,
    )


def _stored_rules(rules: Mapping[Category, RuleIn]) -> dict[str, Any]:
    return {category.value: rule.model_dump(mode="json") for category, rule in rules.items()}


def _check(session: Session, version: PolicyVersion, rules: Mapping[str, Any]) -> None:
    problems = neutrality_problems(rules_from_json(rules))
    if problems:
        raise RulesetNotNeutral("; ".join(problems), problems=problems)
    refs = {
        ref
        for rule in rules.values()
        for ref in (rule.get("clause_ref"), rule.get("comment_clause_ref"))
        if ref
    }
    found = policy_lookup.clause_titles(session, version.id, refs)
    missing = sorted(refs - set(found))
    if missing:
        raise RulesetClauseNotFound(
            f"Version {version.label} has no clause {', '.join(missing)}", refs=missing
        )


def get_ruleset(session: Session, ruleset_id: uuid.UUID, *, for_update: bool = False) -> Ruleset:
    ruleset = repository.get_ruleset(session, ruleset_id, for_update=for_update)
    if ruleset is None:
        raise RulesetNotFound(f"No ruleset has id {ruleset_id}")
    return ruleset


def read_ruleset(session: Session, ruleset_id: uuid.UUID) -> RulesetRead:
    return _read(session, get_ruleset(session, ruleset_id))


def list_rulesets(
    session: Session, page: PageParams, *, policy_version_id: uuid.UUID | None
) -> tuple[list[RulesetRead], int]:
    items, total = repository.list_rulesets(
        session, policy_version_id=policy_version_id, offset=page.offset, limit=page.page_size
    )
    counts = repository.term_counts(session, [r.id for r in items])
    return [_read(session, r, counts.get(r.id, 0)) for r in items], total


def _inherited_rules(session: Session, version: PolicyVersion) -> dict[str, Any]:
    """The rules of the version this one supersedes, if it has a ruleset whose clauses this
    version still has; otherwise the defaults (without citations)."""
    if version.supersedes_id is not None:
        previous = repository.ruleset_of_version(session, version.supersedes_id)
        if previous is not None:
            return dict(previous.rules)
    return rules_to_json(DEFAULT_RULES)


def create_ruleset(session: Session, actor: Actor, data: RulesetCreate) -> RulesetRead:
    """A ruleset for a policy version (one per version)."""
    version = policy_service.find_version(session, data.policy_version_id)
    if version is None:
        raise RulesetPolicyVersionUnknown(f"No policy version has id {data.policy_version_id}")
    if repository.ruleset_of_version(session, version.id) is not None:
        raise RulesetExists(f"Version {version.label} already has a ruleset")
    rules = rules_to_json(DEFAULT_RULES)
    if data.rules is None:
        rules.update(_inherited_rules(session, version))
    else:
        rules.update(_stored_rules(data.rules))
    _check(session, version, rules)
    ruleset = Ruleset(policy_version_id=version.id, rules=rules)
    repository.add(session, ruleset)
    new_engine_token(session)
    audit.record(
        session,
        actor,
        "screening_ruleset.created",
        "screening_ruleset",
        ruleset.id,
        after={"policy_version_id": str(version.id), "rules": rules},
    )
    return _read(session, ruleset, 0)


def update_ruleset(
    session: Session,
    actor: Actor,
    ruleset_id: uuid.UUID,
    data: RulesetUpdate,
    expected_version: int,
) -> RulesetRead:
    """Replace the rules of the categories given."""
    ruleset = get_ruleset(session, ruleset_id, for_update=True)
    check_version(ruleset.version, expected_version)
    version = policy_service.find_version(session, ruleset.policy_version_id)
    assert version is not None
    before = dict(ruleset.rules)
    rules = {**before, **_stored_rules(data.rules or {})}
    _check(session, version, rules)
    ruleset.rules = rules
    session.flush()
    new_engine_token(session)
    audit.record(
        session,
        actor,
        "screening_ruleset.updated",
        "screening_ruleset",
        ruleset.id,
        before={"rules": before},
        after={"rules": rules},
    )
    return _read(session, ruleset)


def phrase_key(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


def list_terms(
    session: Session, ruleset_id: uuid.UUID, page: PageParams
) -> tuple[Sequence[RulesetTerm], int]:
    get_ruleset(session, ruleset_id)
    return repository.list_terms(session, ruleset_id, offset=page.offset, limit=page.page_size)


def add_term(
    session: Session, actor: Actor, ruleset_id: uuid.UUID, data: TermCreate
) -> RulesetTerm:
    """Add a custom term to a ruleset's lexicon."""
    ruleset = get_ruleset(session, ruleset_id, for_update=True)
    key = phrase_key(data.phrase)
    if repository.find_term(session, ruleset_id, key, data.category) is not None:
        raise TermExists(f"The ruleset already lists {data.phrase!r} as {data.category}")
    term = RulesetTerm(
        ruleset_id=ruleset_id,
        phrase=data.phrase,
        phrase_key=key,
        category=data.category,
        severity=data.severity,
        created_by=actor.id,
    )
    repository.add(session, term)
    _bump(session, ruleset)
    audit.record(
        session,
        actor,
        "screening_term.added",
        "screening_ruleset",
        ruleset_id,
        after={
            "term_id": str(term.id),
            "phrase": term.phrase,
            "category": term.category,
            "severity": term.severity,
        },
    )
    return term


def _bump(session: Session, ruleset: Ruleset) -> None:
    repository.touch_ruleset(session, ruleset)
    new_engine_token(session)


def remove_term(session: Session, actor: Actor, ruleset_id: uuid.UUID, term_id: uuid.UUID) -> None:
    """Remove a custom term from a ruleset's lexicon."""
    ruleset = get_ruleset(session, ruleset_id, for_update=True)
    term = repository.get_term(session, ruleset_id, term_id)
    if term is None:
        raise TermNotFound(f"Ruleset {ruleset_id} has no term {term_id}")
    before = {
        "term_id": str(term.id),
        "phrase": term.phrase,
        "category": term.category,
        "severity": term.severity,
    }
    repository.delete(session, term)
    _bump(session, ruleset)
    audit.record(
        session, actor, "screening_term.removed", "screening_ruleset", ruleset_id, before=before
    )
