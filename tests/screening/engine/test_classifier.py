from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from app.screening.engine.classifier import (
    DEFAULT_PATH,
    NEUTRAL_TERMS,
    PLACEHOLDER,
    TextClassifier,
    features,
    words,
)

COUNCIL_NOTICE = (
    "The council meeting on the Main Street bike lanes moves to Tuesday at 7 pm in the city hall "
    "chamber. The agenda and the traffic study are posted on this page."
)
ABUSE = "You are a fucking idiot, shut up you stupid bitch."
SPAM_SMS = (
    "WINNER!! As a valued network customer you have been selected to receive a $900 prize "
    "reward! To claim call 09061701461. Claim code KL341. Valid 12 hours only."
)
CIVIC_WORDS = [
    "the", "council", "bylaw", "park", "mayor", "road", "budget", "is", "this", "plan",
    "residents", "tax", "library", "we", "vote", "on", "snow", "parking", "i", "very",
]  # fmt: skip
TERMS = sorted(NEUTRAL_TERMS)


@cache
def shipped() -> TextClassifier:
    return TextClassifier.load()


def reference_scores(classifier: TextClassifier, text: str) -> dict[str, float]:
    found = list(features(text))
    totals = [0.0] * len(classifier.labels)
    for feature in found:
        for i, weight in enumerate(classifier.weights.get(feature, ())):
            totals[i] += weight
    scale = 1.0 / math.sqrt(len(found)) if found else 0.0
    return {
        label: 1.0 / (1.0 + math.exp(-(b + total * scale)))
        for label, b, total in zip(classifier.labels, classifier.intercepts, totals, strict=True)
    }


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_scores_are_probabilities_for_any_text(text: str) -> None:
    scores = shipped().scores(text)
    assert set(scores) == {"offensive", "hate", "spam"}
    assert all(0.0 <= value <= 1.0 for value in scores.values())


def test_abusive_sentence_scores_above_a_council_notice() -> None:
    classifier = shipped()
    assert classifier.scores(ABUSE)["offensive"] > classifier.scores(COUNCIL_NOTICE)["offensive"]
    assert "offensive" in dict(classifier.flagged(ABUSE))
    assert classifier.flagged(COUNCIL_NOTICE) == []


def test_prize_sms_is_flagged_as_spam() -> None:
    classifier = shipped()
    assert classifier.scores(SPAM_SMS)["spam"] > 0.9
    assert "spam" in dict(classifier.flagged(SPAM_SMS))
    assert classifier.scores(COUNCIL_NOTICE)["spam"] < classifier.thresholds["spam"]


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(st.sampled_from(CIVIC_WORDS), max_size=8),
    after=st.lists(st.sampled_from(CIVIC_WORDS), max_size=8),
    first=st.sampled_from(TERMS),
    second=st.sampled_from(TERMS),
    shape=st.sampled_from([str.lower, str.upper, str.title]),
    ending=st.sampled_from(["", ".", "!", ",", "'s", "?!"]),
)
def test_swapping_one_neutral_term_for_another_leaves_scores_unchanged(
    before: list[str],
    after: list[str],
    first: str,
    second: str,
    shape: Callable[[str], str],
    ending: str,
) -> None:
    def sentence(term: str) -> str:
        return " ".join([*before, shape(term) + ending, *after])

    classifier = shipped()
    assert classifier.scores(sentence(first)) == classifier.scores(sentence(second))


def test_a_masked_name_scores_like_a_neutral_term() -> None:
    classifier = shipped()
    masked = f"I will vote for {PLACEHOLDER} because the plan is sound"
    assert classifier.scores(masked) == classifier.scores(masked.replace(PLACEHOLDER, "Liberal"))


def test_stance_does_not_move_the_score() -> None:
    classifier = shipped()
    assert classifier.scores("I support this bylaw, it is a great plan") == classifier.scores(
        "I oppose this bylaw, it is a terrible plan"
    )


def test_fast_scores_match_the_shared_feature_function() -> None:
    classifier = shipped()
    for text in (ABUSE, SPAM_SMS, COUNCIL_NOTICE, "", "RT @someone: ok ok ok", "Très bien 😊"):
        fast = classifier.scores(text)
        for label, expected in reference_scores(classifier, text).items():
            assert math.isclose(fast[label], expected, rel_tol=1e-9, abs_tol=1e-12)


def test_shipped_file_loads_with_a_stable_version() -> None:
    first = TextClassifier.load()
    second = TextClassifier.load(DEFAULT_PATH)
    assert first.labels == ("offensive", "hate", "spam")
    assert set(first.thresholds) == set(first.labels)
    assert all(0.0 < value < 1.0 for value in first.thresholds.values())
    assert first.version == second.version
    assert first.version == hashlib.sha256(DEFAULT_PATH.read_bytes()).hexdigest()[:12]


def test_shipped_file_names_its_training_sources() -> None:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    named = {source["file"]: source["licence"] for source in data["sources"]}
    assert named == {
        "davidson_train.jsonl": "MIT",
        "olid_train.jsonl": "research dataset; cite the paper",
        "sms_spam_train.jsonl": "CC BY 4.0",
    }


def test_features_drop_mentions_links_and_retweet_marks() -> None:
    text = "RT @city_fan: read this &amp; share URL http://t.co/abc www.example.com/x @USER"
    assert words(text) == ["read", "this", "share"]
    assert not [f for f in features(text) if "user" in f or "http" in f or "<rt>" in f]


def test_obfuscated_spellings_normalise_to_the_plain_word() -> None:
    assert words("SH!T sh1t shiiiit Śhit") == ["shit", "shit", "shiit", "shit"]
    assert words("a$$ sc@m") == ["ass", "scam"]


def test_numbers_keep_their_shape_not_their_digits() -> None:
    assert words("call 09061701461 by 2025") == ["call", "00000000000", "by", "0000"]


def test_neutral_terms_become_the_placeholder() -> None:
    assert words("Liberals AGREE, the NDP's plan is good") == [
        PLACEHOLDER, PLACEHOLDER, "the", PLACEHOLDER, "plan", "is", PLACEHOLDER,
    ]  # fmt: skip


def test_emoji_and_other_scripts_do_not_break_scoring() -> None:
    classifier = shipped()
    for text in ("😊🎉👍", "Très bien, merci à l'équipe 🙏", "市议会会议", "\u200b\u0000\ufeff"):
        scores = classifier.scores(text)
        assert all(0.0 <= value <= 1.0 for value in scores.values())


def test_flagged_lists_labels_at_or_above_their_threshold() -> None:
    classifier = TextClassifier(
        labels=("offensive", "hate", "spam"),
        intercepts=(0.0, 0.0, 0.0),
        thresholds={"offensive": 0.5, "hate": 0.6, "spam": 0.4},
        weights={},
        version="test",
    )
    assert classifier.scores("anything") == {"offensive": 0.5, "hate": 0.5, "spam": 0.5}
    assert classifier.flagged("anything") == [("offensive", 0.5), ("spam", 0.5)]
