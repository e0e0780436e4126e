"""What a ruleset tells the engine: for each category, the severity, the action per kind of
content and the clause it enforces; and the custom terms, candidates and official contacts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.screening.engine.context_rules import Candidate
from app.screening.engine.lexicon import Term
from app.screening.engine.vocabulary import Action, Category, ContentKind, Severity

# Content neutrality on a public forum: a comment is hidden automatically only for these
# narrow, viewpoint-independent categories; everything else goes to a person. Hate is hidden
# automatically only at CRITICAL severity (the severe slurs of the lexicon).
HIDEABLE_IN_COMMENTS = frozenset(
    {
        Category.PERSONAL_INFORMATION,
        Category.THREAT,
        Category.SPAM,
        Category.SEXUAL,
        Category.HATE,
    }
)
HATE_HIDDEN_FROM = Severity.CRITICAL

# Categories that never change a decision on their own.
ADVISORY = frozenset({Category.ACCESSIBILITY, Category.VIEWPOINT_RISK})


@dataclass(frozen=True, slots=True)
class Rule:
    """How one category is treated. `remove_from` is the lowest severity at which `remove`
    applies; below it the finding asks for review."""

    severity: Severity
    actions: Mapping[ContentKind, Action]
    clause_ref: str | None = None  # the clause a draft breaks
    comment_clause_ref: str | None = None  # the terms-of-engagement clause a comment breaks
    remove_from: Severity = Severity.LOW

    def clause_for(self, kind: ContentKind) -> str | None:
        return self.comment_clause_ref if kind is ContentKind.COMMENT else self.clause_ref


@dataclass(frozen=True, slots=True)
class Ruleset:
    """Everything the engine is compiled from. `version` names it in every verdict."""

    version: str
    rules: Mapping[Category, Rule]
    terms: tuple[Term, ...] = ()
    allowed_words: tuple[str, ...] = ()
    # Registered candidates by election: a text is checked for the candidates of the
    # elections its screening names (those not over on the day it is published).
    candidates: Mapping[str, tuple[Candidate, ...]] = field(default_factory=dict)
    allowed_contacts: tuple[str, ...] = ()


def _actions(post: Action, comment: Action) -> dict[ContentKind, Action]:
    return {ContentKind.POST: post, ContentKind.REPLY: post, ContentKind.COMMENT: comment}


NOTE, REVIEW, REMOVE = Action.NOTE, Action.REVIEW, Action.REMOVE

# The treatment a new ruleset starts from, before it is tied to a policy's clauses.
DEFAULT_RULES: Mapping[Category, Rule] = {
    Category.PERSONAL_INFORMATION: Rule(Severity.HIGH, _actions(REMOVE, REMOVE)),
    Category.CONFIDENTIAL: Rule(Severity.HIGH, _actions(REMOVE, NOTE)),
    Category.PROFANITY: Rule(
        Severity.MEDIUM, _actions(REMOVE, REVIEW), remove_from=Severity.MEDIUM
    ),
    Category.THREAT: Rule(Severity.CRITICAL, _actions(REMOVE, REMOVE)),
    Category.HARASSMENT: Rule(Severity.MEDIUM, _actions(REMOVE, REVIEW)),
    Category.HATE: Rule(Severity.HIGH, _actions(REMOVE, REMOVE), remove_from=Severity.CRITICAL),
    Category.SEXUAL: Rule(Severity.HIGH, _actions(REMOVE, REMOVE), remove_from=Severity.HIGH),
    Category.SPAM: Rule(Severity.MEDIUM, _actions(REMOVE, REMOVE)),
    # Removal only inside an election period; outside one a person reviews campaign content.
    Category.ELECTIONEERING: Rule(Severity.HIGH, _actions(REMOVE, NOTE)),
    Category.EMERGENCY_CHANNEL: Rule(
        Severity.HIGH, _actions(REMOVE, NOTE), remove_from=Severity.CRITICAL
    ),
    Category.MEDIA_CONSENT: Rule(
        Severity.HIGH, _actions(REMOVE, NOTE), remove_from=Severity.CRITICAL
    ),
    Category.ACCESSIBILITY: Rule(Severity.LOW, _actions(NOTE, NOTE)),
    Category.VIEWPOINT_RISK: Rule(Severity.LOW, _actions(NOTE, NOTE)),
}


def neutrality_problems(rules: Mapping[Category, Rule]) -> list[str]:
    """The ways a set of rules would let comments be removed for their viewpoint."""
    problems = []
    for category, rule in rules.items():
        for kind, action in rule.actions.items():
            if category in ADVISORY and action is not Action.NOTE:
                problems.append(f"{category}: a {kind} can only be noted, never {action}")
            elif (
                kind is ContentKind.COMMENT
                and action is Action.REMOVE
                and category not in HIDEABLE_IN_COMMENTS
            ):
                problems.append(
                    f"{category}: comments are hidden automatically only for "
                    + ", ".join(sorted(HIDEABLE_IN_COMMENTS))
                )
    return problems
