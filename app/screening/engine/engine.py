"""The screening engine: every detector over one text, then the ruleset's verdict.

Built once per ruleset version (the matchers are compiled in the constructor) and shared by
every request that screens under that version; `screen` itself allocates only its result."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.screening.engine.classifier import PLACEHOLDER, TextClassifier
from app.screening.engine.context_rules import (
    CandidateMatcher,
    MediaItem,
    accessibility_hits,
    media_consent_hits,
)
from app.screening.engine.lexicon import LexiconMatcher, default_allowed_words, default_terms
from app.screening.engine.pii import PersonalInformationDetector
from app.screening.engine.ruleset import (
    ADVISORY,
    DEFAULT_RULES,
    HATE_HIDDEN_FROM,
    HIDEABLE_IN_COMMENTS,
    Rule,
    Ruleset,
)
from app.screening.engine.vocabulary import (
    Action,
    Category,
    ContentKind,
    Decision,
    Hit,
    Severity,
)

ENGINE_VERSION = "1.0.0"
EXCERPT_LIMIT = 200
MASK = "*"

# What each classifier label reports as. "offensive" is abuse aimed at someone, which the
# policies call harassment; a guess never removes anything on its own (Hit.certain=False).
CLASSIFIER_CATEGORIES = {
    "offensive": Category.HARASSMENT,
    "hate": Category.HATE,
    "spam": Category.SPAM,
}
# Spam is unsolicited commercial text from outside: the spam model (trained on SMS) reads a
# town's own "call 311 or write to info@..." as spam, and a draft's endorsements are the
# lexicon's business. It screens comments only.
DRAFT_EXEMPT_LABELS = frozenset({"spam"})
CLASSIFIER_EXPLANATIONS = {
    "offensive": "the text reads as abusive or offensive",
    "hate": "the text reads as an attack on a group protected by human rights law",
    "spam": "the text reads as spam or commercial solicitation",
}


@dataclass(frozen=True, slots=True)
class ScreeningInput:
    """A text and what the engine needs to know about where it is going."""

    text: str
    kind: ContentKind
    media: tuple[MediaItem, ...] = ()
    emergency: bool = False
    approved_emergency_channel: bool = False
    election_period: bool = False
    elections: tuple[str, ...] = ()  # whose candidates count as campaign content


@dataclass(frozen=True, slots=True)
class Finding:
    category: Category
    subtype: str | None
    severity: Severity
    start: int
    end: int
    excerpt: str
    detector: str
    explanation: str
    action: Action
    clause_ref: str | None


@dataclass(frozen=True, slots=True)
class Verdict:
    decision: Decision
    findings: tuple[Finding, ...]
    redacted_text: str
    risk_flags: tuple[str, ...]


class Engine:
    """Screens texts under one ruleset version."""

    def __init__(self, ruleset: Ruleset, *, classifier: TextClassifier | None = None) -> None:
        self.ruleset = ruleset
        self.rules: dict[Category, Rule] = {**DEFAULT_RULES, **ruleset.rules}
        self.lexicon = LexiconMatcher(
            [*default_terms(), *ruleset.terms],
            allowed_words=[*default_allowed_words(), *ruleset.allowed_words],
        )
        self.personal_information = PersonalInformationDetector(
            allowed_contacts=ruleset.allowed_contacts
        )
        self.candidates = {
            election: CandidateMatcher(candidates)
            for election, candidates in ruleset.candidates.items()
        }
        self.classifier = classifier

    @property
    def version(self) -> str:
        return ENGINE_VERSION

    def screen(self, item: ScreeningInput) -> Verdict:
        """Find everything the ruleset cares about in `item` and decide what happens to it."""
        text, kind = item.text, item.kind
        is_draft = kind is not ContentKind.COMMENT
        hits = self.personal_information.find(text)
        lexical = self.lexicon.find(text)
        # Every registered name is found (and masked for the classifier, so who a comment
        # is about never moves its score); only the current elections' names are findings.
        named = {election: matcher.find(text) for election, matcher in self.candidates.items()}
        candidates = [hit for election in item.elections for hit in named.get(election, ())]
        hits += candidates
        masked = [hit for found in named.values() for hit in found]
        risk_flags: set[str] = set()
        for hit in lexical:
            if hit.category is Category.VIEWPOINT_RISK:
                risk_flags.add(Category.VIEWPOINT_RISK.value)
            elif hit.category is Category.EMERGENCY_CHANNEL:
                if is_draft and not item.approved_emergency_channel:
                    hits.append(hit)
            else:
                hits.append(hit)
        if is_draft:
            hits += accessibility_hits(text, item.media)
            hits += media_consent_hits(item.media)
            if item.emergency and not item.approved_emergency_channel:
                hits.append(
                    Hit(
                        Category.EMERGENCY_CHANNEL,
                        0,
                        0,
                        "context.emergency",
                        "emergency information on an account that is not an approved "
                        "emergency channel",
                        severity=Severity.CRITICAL,
                    )
                )
        if self.classifier is not None:
            hits += self._classifier_hits(text, masked, is_draft)
        hits = _spam_corroborated(text, hits)

        findings = tuple(
            sorted(
                (self._finding(hit, item) for hit in hits),
                key=lambda f: (f.start, f.end, f.category),
            )
        )
        return Verdict(
            decision=_decision(findings, kind),
            findings=findings,
            redacted_text=_redact(text, [h for h in hits if h.sensitive]),
            risk_flags=tuple(sorted(risk_flags)),
        )

    def _classifier_hits(self, text: str, candidates: Sequence[Hit], is_draft: bool) -> list[Hit]:
        assert self.classifier is not None
        # Who a comment is about must not move the score: candidates' names are masked, as
        # the classifier masks party names and stance words itself.
        cursor = len(text)
        for hit in sorted(candidates, key=lambda h: h.start, reverse=True):
            if hit.end <= cursor:  # the same name registered twice is masked once
                text = f"{text[: hit.start]}{PLACEHOLDER}{text[hit.end :]}"
                cursor = hit.start
        return [
            Hit(
                CLASSIFIER_CATEGORIES[label],
                0,
                len(text),
                f"classifier.{label}",
                f"{CLASSIFIER_EXPLANATIONS[label]} (score {score:.2f}); a person should check it",
                certain=False,
            )
            for label, score in self.classifier.flagged(text)
            if label in CLASSIFIER_CATEGORIES and not (is_draft and label in DRAFT_EXEMPT_LABELS)
        ]

    def _finding(self, hit: Hit, item: ScreeningInput) -> Finding:
        rule = self.rules[hit.category]
        severity = hit.severity or rule.severity
        excerpt = item.text[hit.start : hit.end]
        if hit.sensitive:
            excerpt = _mask(excerpt)
        if len(excerpt) > EXCERPT_LIMIT:
            excerpt = excerpt[: EXCERPT_LIMIT - 1] + "…"
        return Finding(
            category=hit.category,
            subtype=hit.subtype,
            severity=severity,
            start=hit.start,
            end=hit.end,
            excerpt=excerpt,
            detector=hit.detector,
            explanation=hit.explanation,
            action=_action(hit, rule, severity, item),
            clause_ref=rule.clause_for(item.kind),
        )


# A link, or a web address written out: what solicitation leads to.
_LINK = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|net|org|biz|info|io|co|xyz|ru|top|shop|online|site)\b",
    re.IGNORECASE,
)


def _spam_corroborated(text: str, hits: list[Hit]) -> list[Hit]:
    """A spam phrase alone is no proof: "act now", "click here", "bitcoin" and "work from
    home" are also what residents write about their town ("Council must act now on
    housing!"). A phrase found by the lexicon removes only with something beside it: another
    spam phrase, a link or web address, contact details, or the classifier's spam signal.
    Otherwise it asks a person (Hit.certain=False)."""
    phrases = [h for h in hits if h.category is Category.SPAM and h.detector.startswith("lexicon")]
    if not phrases:
        return hits
    corroborated = (
        len({text[h.start : h.end].casefold() for h in phrases}) >= 2
        or _LINK.search(text) is not None
        or any(h.category is Category.PERSONAL_INFORMATION for h in hits)
        or any(h.category is Category.SPAM and h.detector.startswith("classifier") for h in hits)
    )
    if corroborated:
        return hits
    return [replace(h, certain=False) if h in phrases else h for h in hits]


def _action(hit: Hit, rule: Rule, severity: Severity, item: ScreeningInput) -> Action:
    category = hit.category
    action = rule.actions.get(item.kind, Action.NOTE)
    if category in ADVISORY:
        return Action.NOTE
    if action is not Action.REMOVE:
        return action
    removable = (
        hit.certain
        and severity.rank >= rule.remove_from.rank
        and (category is not Category.ELECTIONEERING or item.election_period)
    )
    if item.kind is ContentKind.COMMENT:
        removable = (
            removable
            and category in HIDEABLE_IN_COMMENTS
            and (category is not Category.HATE or severity.rank >= HATE_HIDDEN_FROM.rank)
        )
    return Action.REMOVE if removable else Action.REVIEW


def _decision(findings: Sequence[Finding], kind: ContentKind) -> Decision:
    actions = {finding.action for finding in findings}
    if Action.REMOVE in actions:
        return Decision.HIDE if kind is ContentKind.COMMENT else Decision.BLOCK
    if Action.REVIEW in actions:
        return Decision.REVIEW
    return Decision.ALLOW


def _mask(text: str) -> str:
    # Same length, separators kept: offsets into the redacted text stay those of the original.
    return "".join(MASK if ch.isalnum() else ch for ch in text)


def _redact(text: str, sensitive: Sequence[Hit]) -> str:
    if not sensitive:
        return text
    parts, cursor = [], 0
    for hit in sorted(sensitive, key=lambda h: h.start):
        start = max(hit.start, cursor)
        if hit.end <= start:
            continue
        parts += [text[cursor:start], _mask(text[start : hit.end])]
        cursor = hit.end
    parts.append(text[cursor:])
    return "".join(parts)
