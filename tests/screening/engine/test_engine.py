"""The engine as a whole: how findings become a decision under a ruleset."""

from __future__ import annotations

from functools import cache

import pytest

from app.screening.engine.classifier import TextClassifier
from app.screening.engine.context_rules import Candidate, MediaItem
from app.screening.engine.engine import Engine, ScreeningInput
from app.screening.engine.lexicon import Term
from app.screening.engine.ruleset import DEFAULT_RULES, Rule, Ruleset, neutrality_problems
from app.screening.engine.vocabulary import (
    Action,
    Category,
    ContentKind,
    Decision,
    Severity,
)

POST, COMMENT = ContentKind.POST, ContentKind.COMMENT


@cache
def engine() -> Engine:
    ruleset = Ruleset(
        version="test",
        rules={},
        terms=(Term("harbourfront deal", Category.CONFIDENTIAL, Severity.HIGH),),
        candidates={"e1": (Candidate("Jordan Ellis-Carter"),)},
        allowed_contacts=("613-555-0100", "info@alderbay.ca"),
    )
    return Engine(ruleset, classifier=TextClassifier.load())


def screen(text: str, kind: ContentKind = POST, **context: object) -> tuple[Decision, set[str]]:
    verdict = engine().screen(ScreeningInput(text, kind, **context))  # type: ignore[arg-type]
    return verdict.decision, {f.category.value for f in verdict.findings}


def test_personal_information_blocks_a_post_and_hides_a_comment() -> None:
    text = "My neighbour's number is 416-555-0199, call him."
    assert screen(text)[0] is Decision.BLOCK
    assert screen(text, COMMENT)[0] is Decision.HIDE


def test_official_contacts_are_not_personal_information() -> None:
    decision, categories = screen("Questions? Call 613-555-0100 or write to info@alderbay.ca.")
    assert "personal_information" not in categories
    assert decision is Decision.ALLOW


def test_redacted_text_masks_personal_information_and_keeps_offsets() -> None:
    text = "Reach Dana at dana.r@example.org today."
    verdict = engine().screen(ScreeningInput(text, COMMENT))
    (finding,) = [f for f in verdict.findings if f.category is Category.PERSONAL_INFORMATION]
    assert len(verdict.redacted_text) == len(text)
    assert "dana.r" not in verdict.redacted_text
    assert verdict.redacted_text[: finding.start] == text[: finding.start]
    assert "@" in finding.excerpt
    assert "dana" not in finding.excerpt


def test_a_custom_confidential_term_blocks_a_post_but_only_notes_a_comment() -> None:
    text = "The Harbourfront deal is nearly done."
    assert screen(text) == (Decision.BLOCK, {"confidential"})
    assert screen(text, COMMENT)[0] is Decision.ALLOW


def test_campaign_content_is_blocked_only_inside_the_election_period() -> None:
    text = "Proud to stand with Jordan Ellis-Carter this weekend."
    assert screen(text, elections=("e1",), election_period=True)[0] is Decision.BLOCK
    assert screen(text, elections=("e1",))[0] is Decision.REVIEW
    assert screen(text)[0] is Decision.ALLOW  # that election is over


def test_emergency_information_needs_an_approved_channel() -> None:
    text = "Evacuation order for the river flats: leave now."
    assert screen(text)[0] is Decision.REVIEW
    assert screen(text, emergency=True)[0] is Decision.BLOCK
    assert screen(text, emergency=True, approved_emergency_channel=True)[0] is Decision.ALLOW
    assert screen(text, COMMENT)[0] is Decision.ALLOW


def test_media_without_consent() -> None:
    minors = (MediaItem("photo", "Kids at camp", consent_recorded=None, depicts_minors=True),)
    no_consent = (MediaItem("photo", "Crowd at the fair", consent_recorded=False),)
    assert screen("Camp day!", media=minors)[0] is Decision.BLOCK
    assert screen("Fair day!", media=no_consent)[0] is Decision.REVIEW
    assert screen("Fair day!", COMMENT, media=minors)[0] is Decision.ALLOW


def test_accessibility_is_advice_that_never_changes_the_decision() -> None:
    image = (MediaItem("image", None),)
    decision, categories = screen("Council meets tonight #alderbaycouncilmeeting", media=image)
    assert categories == {"accessibility"}
    assert decision is Decision.ALLOW


def test_a_classifier_hit_alone_asks_for_review_never_removal() -> None:
    verdict = engine().screen(
        ScreeningInput("WINNER!! You have won a free cruise, txt CLAIM to 80085 now", COMMENT)
    )
    guesses = [f for f in verdict.findings if f.detector.startswith("classifier.")]
    assert guesses, verdict.findings
    assert all(f.action is Action.REVIEW for f in guesses)


@pytest.mark.parametrize(
    ("category", "comment_action"),
    [(Category.PROFANITY, Action.REMOVE), (Category.HARASSMENT, Action.REMOVE)],
)
def test_removing_comments_for_broad_categories_is_not_content_neutral(
    category: Category, comment_action: Action
) -> None:
    rule = Rule(Severity.MEDIUM, {POST: Action.REMOVE, COMMENT: comment_action})
    assert neutrality_problems({category: rule})
    assert not neutrality_problems(DEFAULT_RULES)


def test_even_a_misconfigured_ruleset_cannot_hide_a_comment_for_profanity() -> None:
    rules = {Category.PROFANITY: Rule(Severity.HIGH, {POST: Action.REMOVE, COMMENT: Action.REMOVE})}
    strict = Engine(Ruleset(version="strict", rules=rules))
    verdict = strict.screen(ScreeningInput("This is a damn shitty plan", COMMENT))
    assert verdict.decision is Decision.REVIEW


@pytest.mark.parametrize(
    "text",
    [
        "Somebody should shoot the whole council.",
        "I'm going to burn your house down, Councillor.",
        "i will kill you if the rink closes",
    ],
)
def test_threats_against_people_are_hidden(text: str) -> None:
    decision, categories = screen(text, COMMENT)
    assert decision is Decision.HIDE
    assert "threat" in categories


@pytest.mark.parametrize(
    "text", ["I will kill the weeds before the garden tour.", "Someone should shoot a video of it."]
)
def test_ordinary_uses_of_violent_words_are_not_threats(text: str) -> None:
    assert "threat" not in screen(text, COMMENT)[1]
