"""The sample town's screening set-up: a ruleset for each version of its social media policy,
citing that version's own clauses, and a by-election with registered candidates."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping

from sqlalchemy.orm import Session

from app.core.actor import Actor
from app.policies import service as policy_service
from app.screening import elections, repository, rulesets
from app.screening.engine.ruleset import DEFAULT_RULES
from app.screening.engine.vocabulary import Category
from app.screening.schemas import (
    ActionsByKind,
    CandidateCreate,
    ElectionCreate,
    RuleIn,
    RulesetCreate,
)

C = Category
# (clause a draft breaks, clause of the terms of engagement a comment breaks), by version.
SAMPLE_CLAUSES: Mapping[str, Mapping[Category, tuple[str | None, str | None]]] = {
    "2021": {
        C.PERSONAL_INFORMATION: ("9(a)", "13.1"),
        C.CONFIDENTIAL: ("9(b)", None),
        C.PROFANITY: ("9(c)", "13.1"),
        C.THREAT: ("9(c)", "13.1"),
        C.HARASSMENT: ("9(c)", "13.1"),
        C.HATE: ("9(c)", "13.1"),
        C.SEXUAL: ("9(c)", "13.1"),
        C.SPAM: ("9(d)", "13.1"),
        C.ELECTIONEERING: ("8.2", None),
        C.EMERGENCY_CHANNEL: ("11.1", None),
        C.MEDIA_CONSENT: ("12", None),
        C.VIEWPOINT_RISK: (None, "13.2"),
    },
    "2024": {
        C.PERSONAL_INFORMATION: ("11(a)", "16.1(e)"),
        C.CONFIDENTIAL: ("11(b)", None),
        C.PROFANITY: ("11(c)", "16.1(a)"),
        C.THREAT: ("11(c)", "16.1(b)"),
        C.HARASSMENT: ("11(c)", "16.1(c)"),
        C.HATE: ("11(c)", "16.1(d)"),
        C.SEXUAL: ("11(c)", "16.1(a)"),
        C.SPAM: ("11(d)", "16.1(f)"),
        C.ELECTIONEERING: ("15.1", None),
        C.EMERGENCY_CHANNEL: ("13.1", None),
        C.MEDIA_CONSENT: ("14", None),
        C.ACCESSIBILITY: ("10.2", None),
        C.VIEWPOINT_RISK: (None, "16.2"),
    },
}

SAMPLE_ELECTION = ElectionCreate(
    name="2027 Ward 3 By-election",
    voting_day=dt.date(2027, 3, 22),
    period_starts_on=dt.date(2027, 1, 4),
    period_ends_on=dt.date(2027, 3, 22),
)
SAMPLE_CANDIDATES = (
    CandidateCreate(name="Jordan Ellis-Carter", aliases=["J. Ellis-Carter"], office="Councillor"),
    CandidateCreate(name="Priya Raman", office="Councillor"),
)


def _rule(category: Category, clauses: tuple[str | None, str | None]) -> RuleIn:
    rule = DEFAULT_RULES[category]
    return RuleIn(
        severity=rule.severity,
        actions=ActionsByKind(**{kind.value: action for kind, action in rule.actions.items()}),
        clause_ref=clauses[0],
        comment_clause_ref=clauses[1],
        remove_from=rule.remove_from,
    )


def seed_sample_screening(session: Session, actor: Actor, policy_id: uuid.UUID) -> int:
    """Rulesets for the sample policy's versions and the sample by-election; returns how
    many rulesets were added (none for versions that have one)."""
    added = 0
    for label, clauses in SAMPLE_CLAUSES.items():
        version = policy_service.find_version_by_label(session, policy_id, label)
        if version is None or repository.ruleset_of_version(session, version.id) is not None:
            continue
        rules = {category: _rule(category, refs) for category, refs in clauses.items()}
        rulesets.create_ruleset(
            session, actor, RulesetCreate(policy_version_id=version.id, rules=rules)
        )
        added += 1
    if repository.find_election_by_name(session, SAMPLE_ELECTION.name) is None:
        election = elections.create_election(session, actor, SAMPLE_ELECTION)
        for candidate in SAMPLE_CANDIDATES:
            elections.register_candidate(session, actor, election.id, candidate)
    return added
