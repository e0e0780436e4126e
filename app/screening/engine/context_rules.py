"""Detectors that need the context of a post: the election's registered candidates, the media
attached to it, and how readable it is for people using screen readers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.screening.engine.candidate_names import Candidate, CandidateMatcher
from app.screening.engine.vocabulary import Category, Hit, Severity

__all__ = [
    "Candidate",
    "CandidateMatcher",
    "MediaItem",
    "accessibility_hits",
    "media_consent_hits",
]


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A photo, video, recording or document attached to a post."""

    kind: str
    alt_text: str | None = None
    consent_recorded: bool | None = None
    depicts_minors: bool | None = None


# --- accessibility of posts -----------------------------------------------------------------

_IMAGE_KINDS = frozenset(
    {"image", "photo", "photograph", "picture", "graphic", "infographic", "gif"}
)
_RECORDED_KINDS = _IMAGE_KINDS | {"video", "audio"}

_HASHTAG = re.compile(r"#(\w+)")  # begins with its literal "#", which re finds quickly
_NOT_BEFORE_HASHTAG = frozenset("#&/_")  # "##", "&#38;", "page/#top" are not hashtags
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# A hashtag's words cannot be found without a dictionary, so this is a heuristic over each
# stretch of letters (digits and underscores end one): 10 or more letters all in one case
# ("#alderbaycouncil", "#ALDERBAYCOUNCIL") are taken to be several words run together; with
# only a first capital, 15 or more ("#Alderbaycouncil"), since single capitalised words of 10
# to 14 letters are common in tags ("#Westminster", "#Conservatives"); any capital inside means
# the author is writing CamelCase. Limits: shorter run-together tags ("#cityhall", "#votenow")
# and half-CamelCase ones ("#AlderBaycouncil") pass, and a long single word in one case is
# flagged unless it is one of the common ones below ("#infrastructure").
_RUN_TOGETHER_LETTERS = 10
_RUN_TOGETHER_CAPITALISED_LETTERS = 15
_LONG_SINGLE_WORDS_TEXT = """
    accessibility accessible accountability administration affordability affordable agriculture
    anniversary announcement application appointment assessment basketball celebration
    championship collection commissioner communication communications communities competition
    conservation conservative constitution constitutional construction consultation contractor
    councillor councilor department development disability electricity emergencies employment
    engagement engineering entertainment entrepreneur environment environmental exhibition
    experience facilities firefighter government graduation healthcare historical homelessness
    independence indigenous information infrastructure innovation inspection intersection
    investment leadership legislation management multicultural municipality neighborhood
    neighbourhood newsletter opportunities opportunity paramedic parliament participation
    partnership photography playground population preparedness presentation prevention
    proclamation reconciliation recreation referendum regulation remembrance renovation
    reservation residential resilience restoration roundabout scholarship scientific stewardship
    streetscape sustainability sustainable technology thanksgiving tournament transparency
    transportation university volunteer volunteering wastewater
"""
_LONG_SINGLE_WORDS = frozenset(_LONG_SINGLE_WORDS_TEXT.split())

_CAPS_RUN_WORDS = 4
_CAPS_RUN_WORD_LETTERS = 3
_MOSTLY_CAPITALS = 0.7
_MOSTLY_CAPITALS_MIN_LETTERS = 20


def _shape(byte: int) -> int:
    if (65 <= byte <= 90 or 0xC0 <= byte <= 0xDE) and byte != 0xD7:
        return ord("A")  # a capital
    if 97 <= byte <= 122 or 48 <= byte <= 57 or byte == 95 or (byte >= 0xDF and byte != 0xF7):
        return ord("a")  # any other part of a word
    return byte if byte in b"\n'" else ord(" ")


# Capitals are found in the text's shape, its Latin-1 bytes with every capital made "A", every
# other word character "a" (one byte per character, so offsets carry over). Fast, and letters
# of other scripts are not counted: all-capital Greek or Cyrillic is not noticed.
_SHAPE = bytes(_shape(b) for b in range(256))
_LETTERS_ONLY = bytes(
    c for c in range(256) if not (65 <= c <= 90 or 97 <= c <= 122 or c >= 0xC0) or c in (0xD7, 0xF7)
)
# Four words of 3+ capitals in a row; shorter capital words may come between ("STATE OF THE
# CITY ADDRESS"). A word with digits ends the run ("COVID-19").
_CAPS_RUN = re.compile(
    rb"AAA(?<![Aa']AAA)A*(?:'A+)?"  # a literal start, which re finds quickly
    rb"(?:[^Aa\n']{1,3}(?:A{1,2}(?:'A+)?[^Aa\n']{1,3})*A{3,}(?:'A+)?){%d,}(?![Aa'])"
    % (_CAPS_RUN_WORDS - 1)
)


def accessibility_hits(text: str, media: Sequence[MediaItem]) -> list[Hit]:
    """What makes a post hard to use with a screen reader: images without alternative text,
    run-together hashtags and text in capitals."""
    hits: list[Hit] = []
    # Numbered by place in the post's media, as media items are everywhere else.
    for number, item in enumerate(media, start=1):
        if _is_image(item) and not (item.alt_text or "").strip():
            hits.append(_accessibility("alt_text", 0, 0, f"image {number} has no alternative text"))
    for tag in _HASHTAG.finditer(text) if "#" in text else ():
        before = text[tag.start() - 1] if tag.start() else " "
        if before.isalnum() or before in _NOT_BEFORE_HASHTAG:
            continue
        if _runs_words_together(tag.group(1)):
            hits.append(
                _accessibility(
                    "hashtag",
                    tag.start(),
                    tag.end(),
                    "hashtag of several words should capitalise each word (CamelCase) "
                    "so that screen readers can read it",
                )
            )
    hits.extend(_capitals_hits(text))
    return hits


def _is_image(item: MediaItem) -> bool:
    return item.kind.strip().lower() in _IMAGE_KINDS


def _accessibility(rule: str, start: int, end: int, explanation: str) -> Hit:
    return Hit(
        category=Category.ACCESSIBILITY,
        start=start,
        end=end,
        detector=f"accessibility.{rule}",
        explanation=explanation,
        severity=Severity.LOW,
    )


def _runs_words_together(tag: str) -> bool:
    for letters in _LETTER_RUN.findall(tag):
        if letters.islower() or letters.isupper():
            least = _RUN_TOGETHER_LETTERS
        elif letters[0].isupper() and letters[1:].islower():
            least = _RUN_TOGETHER_CAPITALISED_LETTERS
        else:
            continue
        word = letters.lower()
        single = word in _LONG_SINGLE_WORDS or word.removesuffix("s") in _LONG_SINGLE_WORDS
        if len(letters) >= least and not single:
            return True
    return False


def _capitals_hits(text: str) -> list[Hit]:
    latin = text.encode("latin-1", "replace")
    shape = latin.translate(_SHAPE)
    capitals = shape.count(b"A")
    letters = len(latin.translate(None, _LETTERS_ONLY))
    if letters >= _MOSTLY_CAPITALS_MIN_LETTERS and capitals > _MOSTLY_CAPITALS * letters:
        return [_accessibility("all_caps", 0, len(text), "the text is mostly in capitals")]
    # Each word of 3 or more capitals holds at least one "AAA": too few, and no run is possible.
    if shape.count(b"A" * _CAPS_RUN_WORD_LETTERS) < _CAPS_RUN_WORDS:
        return []
    return [
        _accessibility("all_caps", run.start(), run.end(), "several words in a row are in capitals")
        for run in _CAPS_RUN.finditer(shape)
    ]


# --- consent for media ------------------------------------------------------------------------


def media_consent_hits(media: Sequence[MediaItem]) -> list[Hit]:
    """Media published without the recorded consent of the people (or children) shown."""
    hits: list[Hit] = []
    for number, item in enumerate(media, start=1):
        if item.depicts_minors is True and item.consent_recorded is not True:
            severity = Severity.CRITICAL
            explanation = f"media item {number} depicts minors without recorded guardian consent"
        elif item.consent_recorded is False and item.kind.strip().lower() in _RECORDED_KINDS:
            severity = Severity.HIGH
            explanation = f"media item {number} has no recorded consent from the people shown"
        else:
            continue
        hits.append(
            Hit(
                category=Category.MEDIA_CONSENT,
                start=0,
                end=0,
                detector="media.consent",
                explanation=explanation,
                severity=severity,
            )
        )
    return hits
