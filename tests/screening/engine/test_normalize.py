"""Folding texts for the lexicon: disguises undone, every folded character traced back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.screening.engine.normalize import normalize, normalize_phrases


@pytest.mark.parametrize(
    "disguised",
    [
        "FUCK",
        "f\u00fcck",  # accent
        "fu\u0308ck",  # combining mark
        "\uff46\uff55\uff43\uff4b",  # full width
        "fu\u200bck",  # zero-width space
        "fu\u00adck",  # soft hyphen
        "fu\u0441k",  # Cyrillic c
        "f.u.c.k",
        "f u c k",
        "f-u-c-k",
        "f_u_c_k",
        "fu.ck",
        "fuuuuck",
        "ffuucckk",
    ],
)
def test_disguises_fold_to_the_plain_word(disguised: str) -> None:
    assert normalize(disguised).text == "fuck"


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [("sh1t", "shit"), ("$h!t", "shit"), ("a55", "ass"), ("p0rn", "porn"), ("b!tch", "bitch")],
)
def test_digits_and_symbols_inside_a_word_are_letters(disguised: str, plain: str) -> None:
    assert normalize(disguised).text == normalize(plain).text


def test_one_and_l_fold_alike_so_either_spelling_of_hell_matches() -> None:
    assert normalize("he11").text == normalize("hell").text == normalize("heII").text


def test_two_letters_are_not_one_stretched_letter() -> None:
    assert normalize("tilt").text != normalize("tit").text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Call 311 on 2024-05-01", "cai 31 on 20240501"),  # numbers stay numbers
        ("earn $500, 100% free", "earn $50 10% fre"),
        ("hell!", "hei "),  # the "!" ends a sentence
        ("He'll go", "he i go"),  # an apostrophe parts words
        ("plan a b", "pian a b"),  # two single letters are words, not a spelled word
    ],
)
def test_ordinary_writing_is_not_taken_for_a_disguise(text: str, folded: str) -> None:
    assert normalize(text).text == folded


def test_separators_fold_to_one_space() -> None:
    assert normalize("kill \t--  yourself!!").text == "kii yourseif "


def test_each_folded_character_points_at_its_original() -> None:
    folded = normalize("F.u.c.k!")
    assert folded.origins() == [0, 2, 4, 6, 7]


def test_a_span_covers_the_stretched_and_spread_letters() -> None:
    text = "oh sh1iiit, f . u"
    folded = normalize(text)
    start = folded.text.index("shit")
    assert folded.original_span(start, start + 4) == (3, 10)


def test_an_expanded_character_maps_every_part_back_to_itself() -> None:
    folded = normalize("\ufb01ne")  # the "fi" ligature
    assert folded.text == "fine"
    assert folded.origins() == [0, 0, 1, 2]
    assert folded.original_span(0, 4) == (0, 3)


def test_a_removed_invisible_character_stays_inside_the_span() -> None:
    folded = normalize("fu\u200b\u200bck off")
    assert folded.original_span(0, 4) == (0, 6)


def test_run_length_counts_a_stretched_letter() -> None:
    folded = normalize("fuuuuck")
    assert [folded.run_length(index) for index in range(4)] == [1, 4, 1, 1]


def test_an_emoji_is_a_word_of_its_own() -> None:
    assert normalize("nice\U0001f595").text == "nice \U0001f595 "


def test_phrases_fold_alike_together_and_alone() -> None:
    phrases = ["Fuuck", "i'll find you", "!!", "", "earn $", "a s s", "b00bs"]
    lines, repeats = normalize_phrases(phrases)
    assert lines == [normalize(phrase).text.strip(" ") for phrase in phrases]
    assert repeats == {0: ((1, 2),), 1: ((2, 2),), 5: ((1, 2),), 6: ((1, 2),)}


_ALPHABET = "abcilstu 1!.-$'\u00fc\u200b\U0001f595"


@given(st.lists(st.text(alphabet=_ALPHABET, max_size=12), max_size=6))
def test_folding_phrases_together_equals_folding_each(phrases: list[str]) -> None:
    lines, repeats = normalize_phrases(phrases)
    for index, phrase in enumerate(phrases):
        alone = normalize(phrase)
        assert lines[index] == alone.text.strip(" ")
        shift = len(alone.text) - len(alone.text.lstrip(" "))
        expected = tuple(
            (at - shift, alone.run_length(at))
            for at, char in enumerate(alone.text)
            if char != " " and alone.run_length(at) > 1
        )
        assert repeats.get(index, ()) == expected


@given(st.text(max_size=60))
def test_every_folded_character_comes_from_the_text_in_order(text: str) -> None:
    folded = normalize(text)
    origins = folded.origins()
    assert origins == sorted(origins)
    assert all(0 <= origin < len(text) for origin in origins)
    if folded.text:
        start, end = folded.original_span(0, len(folded.text))
        assert 0 <= start < end <= len(text)
