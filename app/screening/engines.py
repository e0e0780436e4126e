"""Compiled engines, one per ruleset version, kept in memory and checked against the database
on every screening: a replica picks up a ruleset, term, election or candidate change made on
another replica at its next screening, without a restart."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import RowMapping
from sqlalchemy.orm import Session

from app.core.config import ScreeningSettings
from app.policies import lookup as policy_lookup
from app.screening import repository
from app.screening.engine.classifier import TextClassifier
from app.screening.engine.context_rules import Candidate as CandidateName
from app.screening.engine.engine import Engine
from app.screening.engine.lexicon import Term
from app.screening.engine.ruleset import DEFAULT_RULES, Rule
from app.screening.engine.ruleset import Ruleset as RulesetSpec
from app.screening.engine.vocabulary import Action, Category, ContentKind, Severity
from app.screening.schemas import ClauseCitation, PolicyVersionRef

DEFAULT_RULESET_VERSION = "default"


@cache
def classifier() -> TextClassifier:
    """The trained classifier, loaded once per process (its file ships with the code)."""
    return TextClassifier.load()


@dataclass(frozen=True, slots=True)
class ElectionWindow:
    id: str
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class CompiledRuleset:
    """An engine and what a verdict needs beside it: citations, versions, elections."""

    engine: Engine
    ruleset_id: uuid.UUID | None
    ruleset_version: str
    policy_version: PolicyVersionRef | None
    citations: Mapping[str, ClauseCitation]
    elections: tuple[ElectionWindow, ...]

    def elections_on(self, day: dt.date) -> tuple[bool, tuple[str, ...]]:
        """Whether `day` is in an Election Period, and the elections not over by then."""
        in_period = any(e.starts_on <= day <= e.ends_on for e in self.elections)
        return in_period, tuple(e.id for e in self.elections if e.ends_on >= day)


def rules_from_json(stored: Mapping[str, Any]) -> dict[Category, Rule]:
    """Rules as stored (category -> plain dict) for the engine."""
    return {
        Category(category): Rule(
            severity=Severity(rule["severity"]),
            actions={ContentKind(k): Action(a) for k, a in rule["actions"].items()},
            clause_ref=rule.get("clause_ref"),
            comment_clause_ref=rule.get("comment_clause_ref"),
            remove_from=Severity(rule.get("remove_from", Severity.LOW)),
        )
        for category, rule in stored.items()
    }


def rules_to_json(rules: Mapping[Category, Rule]) -> dict[str, Any]:
    return {
        category.value: {
            "severity": rule.severity.value,
            "actions": {kind.value: action.value for kind, action in rule.actions.items()},
            "clause_ref": rule.clause_ref,
            "comment_clause_ref": rule.comment_clause_ref,
            "remove_from": rule.remove_from.value,
        }
        for category, rule in rules.items()
    }


def _compile(
    session: Session, row: RowMapping | None, settings: ScreeningSettings
) -> CompiledRuleset:
    ruleset_id = row["ruleset_id"] if row else None
    rules: dict[Category, Rule] = dict(DEFAULT_RULES)
    terms: tuple[Term, ...] = ()
    citations: dict[str, ClauseCitation] = {}
    policy_version = None
    version = DEFAULT_RULESET_VERSION
    if row is not None and ruleset_id is not None:
        ruleset = repository.get_ruleset(session, ruleset_id)
        assert ruleset is not None
        rules.update(rules_from_json(ruleset.rules))
        terms = tuple(
            Term(phrase=t.phrase, category=Category(t.category), severity=Severity(t.severity))
            for t in repository.terms_of(session, ruleset_id)
        )
        version = f"{row['policy_version_label']}-r{ruleset.version}"
        policy_version = PolicyVersionRef(
            policy_id=row["policy_id"],
            version_id=row["policy_version_id"],
            label=row["policy_version_label"],
        )
        refs = {ref for r in rules.values() for ref in (r.clause_ref, r.comment_clause_ref) if ref}
        titles = policy_lookup.clause_titles(session, row["policy_version_id"], refs)
        citations = {
            ref: ClauseCitation(
                policy_id=row["policy_id"],
                version=row["policy_version_label"],
                version_id=row["policy_version_id"],
                ref=ref,
                title=title,
            )
            for ref, title in titles.items()
        }
    candidates: dict[str, list[CandidateName]] = {}
    for candidate in repository.all_candidates(session):
        candidates.setdefault(str(candidate.election_id), []).append(
            CandidateName(name=candidate.name, aliases=tuple(candidate.aliases))
        )
    elections = tuple(
        ElectionWindow(str(election_id), starts, ends)
        for election_id, starts, ends in repository.election_periods(session)
    )
    spec = RulesetSpec(
        version=version,
        rules=rules,
        terms=terms,
        candidates={election: tuple(names) for election, names in candidates.items()},
        allowed_contacts=tuple(settings.city_contacts),
    )
    return CompiledRuleset(
        engine=Engine(spec, classifier=classifier()),
        ruleset_id=ruleset_id,
        ruleset_version=version,
        policy_version=policy_version,
        citations=citations,
        elections=elections,
    )


class EngineCache:
    """The compiled rulesets this process holds, by (token, ruleset id)."""

    def __init__(self, settings: ScreeningSettings, max_entries: int = 8) -> None:
        self.settings = settings
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str | None, uuid.UUID | None], CompiledRuleset] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def current(self, session: Session, on: dt.date) -> CompiledRuleset:
        """The compiled ruleset for a text published on `on`: one read to check it is
        current, a build only when something changed."""
        row = repository.resolve(session, self.settings.policy_code, on)
        key = (row["token"], row["ruleset_id"]) if row else (None, None)
        compiled = self._entries.get(key)
        if compiled is not None:
            return compiled
        compiled = _compile(session, row if row and row["ruleset_id"] else None, self.settings)
        with self._lock:
            self._entries[key] = compiled
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return compiled
