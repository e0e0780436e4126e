"""The lexicon: listed terms found whole, whatever their disguise, at their original place."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.screening.engine.lexicon import (
    LexiconMatcher,
    Term,
    default_allowed_words,
    default_terms,
)
from app.screening.engine.vocabulary import Category, Hit, Severity


@cache
def default_matcher() -> LexiconMatcher:
    return LexiconMatcher(default_terms(), allowed_words=default_allowed_words())


@cache
def matcher_without_allowed_words() -> LexiconMatcher:
    """For disguises that happen to spell an ordinary word ("loser" stretched is "looser")."""
    return LexiconMatcher(default_terms())


def found(text: str, matcher: LexiconMatcher | None = None) -> list[tuple[str, str]]:
    hits = (matcher or default_matcher()).find(text)
    return [(hit.category.value, text[hit.start : hit.end]) for hit in hits]


@pytest.mark.parametrize(
    ("text", "disguised"),
    [
        ("what the f.u.c.k is this", "f.u.c.k"),
        ("f u c k this", "f u c k"),
        ("oh f-u-c-k-i-n-g hell", "f-u-c-k-i-n-g"),
        ("well FÜCK me", "FÜCK"),
        ("\uff46\uff55\uff43\uff4b off", "\uff46\uff55\uff43\uff4b"),
        ("fu\u200bck off", "fu\u200bck"),
        ("fuuuuuck off", "fuuuuuck"),
        ("sh1iiit happens", "sh1iiit"),
        ("what a load of $h!t", "$h!t"),
        ("you a55hole", "a55hole"),
        ("what the fu.ck", "fu.ck"),
        ("you idiots", "idiots"),
        ("this is \u201cbullshit\u201d!", "bullshit"),
    ],
)
def test_a_disguised_term_is_found_at_its_original_span(text: str, disguised: str) -> None:
    hits = default_matcher().find(text)
    assert [text[hit.start : hit.end] for hit in hits] == [disguised] or (
        disguised in [text[hit.start : hit.end] for hit in hits]
    )


@pytest.mark.parametrize(
    "innocent",
    [
        "assessment",
        "class",
        "bass",
        "Scunthorpe",
        "cocktail",
        "Dickens",
        "Sussex",
        "analysis",
        "therapist",
        "shiitake",
        "grapes",
        "assess",
        "as",
        "hello",
        "shell",
        "tilt",
        "He'll be there",
        "Let's hit the road",
        "the mayor-elect",
        "elected officials",
        "spicy food",
        "rapping",
        "looser rules",
        "summa cum laude",
        "pussy willows",
        "The park lies north of the river",
        "Go back to the main page",
        "Prices shoot up in summer",
        "She is privileged to serve",
    ],
)
def test_an_innocent_word_is_not_found(innocent: str) -> None:
    assert found(innocent) == []


@pytest.mark.parametrize(
    ("text", "category", "phrase"),
    [
        ("please kill   yourself!!", "harassment", "kill   yourself"),
        ("just kill-yourself", "harassment", "kill-yourself"),
        ("I'll find where you live", "threat", "I'll find where you live"),
        ("Ill find where you live", "threat", "Ill find where you live"),
        ("This item is IN CAMERA.", "confidential", "IN CAMERA"),
        ("Re-elect Smith", "electioneering", "Re-elect"),
        ("vote, for me Smith", "electioneering", "vote, for me"),
        ("earn $500 a day", "spam", "earn $"),
    ],
)
def test_a_phrase_matches_across_spaces_and_punctuation(
    text: str, category: str, phrase: str
) -> None:
    assert found(text) == [(category, phrase)]


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        ("damn", Category.PROFANITY, Severity.LOW),
        ("fuck", Category.PROFANITY, Severity.MEDIUM),
        ("blowjob", Category.SEXUAL, Severity.HIGH),
        ("i will kill you", Category.THREAT, Severity.CRITICAL),
        ("bomb threat", Category.THREAT, Severity.HIGH),
        ("kys", Category.HARASSMENT, Severity.CRITICAL),
        ("moron", Category.HARASSMENT, Severity.MEDIUM),
        ("click here", Category.SPAM, Severity.MEDIUM),
        ("closed session", Category.CONFIDENTIAL, Severity.HIGH),
        ("vote for me", Category.ELECTIONEERING, Severity.HIGH),
        ("boil water advisory", Category.EMERGENCY_CHANNEL, Severity.HIGH),
        ("fake news", Category.VIEWPOINT_RISK, Severity.LOW),
    ],
)
def test_category_and_severity_come_from_the_data(
    text: str, category: Category, severity: Severity
) -> None:
    [hit] = default_matcher().find(text)
    assert (hit.category, hit.severity) == (category, severity)


def test_the_severe_slurs_are_hate_at_critical_severity() -> None:
    slurs = [term for term in default_terms() if term.severity is Severity.CRITICAL]
    hate = [term for term in slurs if term.category is Category.HATE]
    assert len(hate) > 20
    for term in hate:
        hits = default_matcher().find(f"you {term.phrase}!")
        assert (Category.HATE, Severity.CRITICAL) in {(hit.category, hit.severity) for hit in hits}


def test_a_hit_explains_its_list_without_repeating_the_word() -> None:
    [hit] = default_matcher().find("oh shit")
    assert hit == Hit(
        category=Category.PROFANITY,
        start=3,
        end=7,
        detector="lexicon",
        explanation="a term on the profanity list",
        severity=Severity.MEDIUM,
    )


def test_a_term_listed_under_two_categories_is_reported_under_both() -> None:
    matcher = LexiconMatcher(
        [
            Term("hope you die", Category.THREAT, Severity.HIGH),
            Term("Hope you DIE", Category.HARASSMENT, Severity.CRITICAL, subtype="self-harm"),
        ]
    )
    hits = matcher.find("I hope you die.")
    assert {(hit.category, hit.severity, hit.subtype, hit.start, hit.end) for hit in hits} == {
        (Category.THREAT, Severity.HIGH, None, 2, 14),
        (Category.HARASSMENT, Severity.CRITICAL, "self-harm", 2, 14),
    }
    assert matcher.size == 1


def test_of_overlapping_hits_of_one_category_the_longer_stays() -> None:
    assert found("you piece of shit") == [("profanity", "piece of shit")]


def test_overlapping_hits_of_different_categories_both_stay() -> None:
    matcher = LexiconMatcher(
        [
            Term("closed session", Category.CONFIDENTIAL, Severity.HIGH),
            Term("session vote", Category.ELECTIONEERING, Severity.HIGH),
        ]
    )
    assert found("the closed session vote", matcher) == [
        ("confidential", "closed session"),
        ("electioneering", "session vote"),
    ]


def test_hits_are_sorted_by_start() -> None:
    hits = default_matcher().find("click here, damn it, or kys")
    assert [hit.start for hit in hits] == sorted(hit.start for hit in hits)
    assert [hit.category for hit in hits] == [
        Category.SPAM,
        Category.PROFANITY,
        Category.HARASSMENT,
    ]


def test_an_allowed_word_is_not_reported_but_the_term_still_is() -> None:
    terms = [Term("cum", Category.SEXUAL, Severity.MEDIUM)]
    plain = LexiconMatcher(terms)
    allowing = LexiconMatcher(terms, allowed_words=["cum laude", "cumin"])
    assert found("magna cum laude, with cumin", plain) == [("sexual", "cum"), ("sexual", "cumin")]
    assert found("magna cum laude, with cumin", allowing) == []
    assert found("cum", allowing) == [("sexual", "cum")]


def test_an_allowed_word_must_be_written_as_allowed() -> None:
    matcher = LexiconMatcher(
        [Term("raping", Category.SEXUAL, Severity.HIGH)], allowed_words=["rapping"]
    )
    assert found("rapping", matcher) == []
    assert found("raping", matcher) == [("sexual", "raping")]


def test_insults_take_endings_but_campaign_words_do_not() -> None:
    matcher = LexiconMatcher(
        [
            Term("idiot", Category.HARASSMENT, Severity.MEDIUM),
            Term("elect", Category.ELECTIONEERING, Severity.HIGH),
        ]
    )
    assert found("idiots elected", matcher) == [("harassment", "idiots")]
    assert found("idiotic", matcher) == []


def test_a_word_written_with_a_double_letter_needs_it() -> None:
    matcher = LexiconMatcher([Term("ass", Category.PROFANITY, Severity.MEDIUM)])
    assert found("as", matcher) == []
    assert found("asssss", matcher) == [("profanity", "asssss")]


def test_size_counts_distinct_folded_phrases() -> None:
    matcher = LexiconMatcher(
        [
            Term("Fuck", Category.PROFANITY, Severity.MEDIUM),
            Term("fuck", Category.SEXUAL, Severity.HIGH),
            Term("ass", Category.PROFANITY, Severity.MEDIUM),
            Term("as", Category.SPAM, Severity.LOW),
        ]
    )
    assert matcher.size == 3


def test_nothing_is_found_without_terms_or_text() -> None:
    assert LexiconMatcher([]).find("fuck") == []
    assert default_matcher().find("") == []
    assert default_matcher().find(" ... ") == []


def test_the_default_lexicon_covers_every_screened_word_category() -> None:
    categories = {term.category for term in default_terms()}
    assert categories >= {
        Category.PROFANITY,
        Category.SEXUAL,
        Category.HATE,
        Category.THREAT,
        Category.HARASSMENT,
        Category.SPAM,
        Category.CONFIDENTIAL,
        Category.ELECTIONEERING,
        Category.EMERGENCY_CHANNEL,
        Category.VIEWPOINT_RISK,
    }


_WORDS = sorted(
    {
        term.phrase
        for term in default_terms()
        if term.phrase.isascii() and term.phrase.isalpha() and len(term.phrase) >= 3
    }
)
_SEPARATORS = ".-_*~,/:;"


@st.composite
def _disguised(draw: st.DrawFn) -> tuple[str, str]:
    word = draw(st.sampled_from(_WORDS))
    parts = []
    for index, letter in enumerate(word):
        if index and draw(st.booleans()):
            parts.append(draw(st.sampled_from(_SEPARATORS)))
        parts.append(letter * draw(st.integers(min_value=1, max_value=4)))
    return word, "".join(parts)


@given(_disguised())
def test_stretched_and_separated_letters_still_hit_over_the_whole_word(
    disguise: tuple[str, str],
) -> None:
    word, disguised = disguise
    text = f"well {disguised} then"
    expected = {term.category for term in default_terms() if term.phrase == word}
    covering = {
        hit.category
        for hit in matcher_without_allowed_words().find(text)
        if hit.start <= 5 and hit.end >= 5 + len(disguised)
    }
    assert expected <= covering


@given(st.sampled_from(_WORDS), st.booleans())
def test_a_word_spelled_out_letter_by_letter_still_hits(word: str, upper: bool) -> None:
    spelled = " ".join(word.upper() if upper else word)
    text = f"so {spelled}!"
    hits = matcher_without_allowed_words().find(text)
    assert any(hit.start == 3 and hit.end == 3 + len(spelled) for hit in hits)


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Council must act now on housing!", "review"),
        ("Can staff work from home during the storm?", "review"),
        ("Will the town accept bitcoin for property taxes?", "review"),
        ("Click here for the agenda on the town site", "review"),
        ("Buy followers now!!! Click here to start", "hide"),  # two phrases
        ("Earn money fast, visit www.quickcash.biz", "hide"),  # a web address
        ("Make money fast: call 613-555-0143", "hide"),  # contact details
    ],
)
def test_a_lone_spam_phrase_asks_a_person_and_corroborated_spam_is_hidden(
    text: str, decision: str
) -> None:
    from app.screening.engine.engine import Engine, ScreeningInput
    from app.screening.engine.ruleset import DEFAULT_RULES, Ruleset
    from app.screening.engine.vocabulary import ContentKind

    engine = Engine(Ruleset(version="t", rules=DEFAULT_RULES))
    verdict = engine.screen(ScreeningInput(text=text, kind=ContentKind.COMMENT))
    assert verdict.decision.value == decision
    assert "spam" in {f.category.value for f in verdict.findings}
