"""A small linear classifier that scores a text as offensive, hateful or spam.

Pure Python when screening: the coefficients live in data/classifier.json, written by
scripts/train_classifier.py, which builds its training features with `features()` from this
module so that training and screening cannot drift apart.

Removal of public comments on a government page must be viewpoint-neutral, so words that carry
a stance or a political identity (NEUTRAL_TERMS) are replaced by PLACEHOLDER before any feature
is taken, in training and when screening alike: they cannot move a score."""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

PLACEHOLDER = "zzneutralzz"
"""The token that stands for a masked word: a neutral term, or a name the engine masked."""

DEFAULT_PATH = Path(__file__).parent / "data" / "classifier.json"

_PARTIES = """
    liberal liberals conservative conservatives ndp ndper ndpers green greens democrat democrats
    democratic dem dems republican republicans gop tory tories progressive progressives
    socialist socialists communist communists libertarian libertarians leftist leftists
    rightist rightists left right wing lib libs con cons maga trump trumps biden obama
    """
_STANCES = """
    support supports supported supporting supporter supporters oppose opposes opposed opposing
    agree agrees agreed disagree disagrees disagreed favour favours favoured favor favors
    favored against approve approves approved reject rejects rejected yes yeah no nope for pro
    anti
    """
_EVALUATIONS = """
    good better bad worse great terrible wise unwise misguided excellent awful best worst
    love loves loved like likes liked dislike dislikes disliked hate hates hated amazing
    awesome horrible wonderful fantastic brilliant wrong
    """
NEUTRAL_TERMS: frozenset[str] = frozenset((_PARTIES + _STANCES + _EVALUATIONS).split())
"""Words of stance, party or political identity and evaluation; they never move a score."""

# Tweet artefacts (mentions, links, retweet marks) say nothing about a comment on a city page;
# left in, the model would learn that "has a link" means "is a news share, not offensive".
_ARTEFACT = re.compile(r"(?<!\w)@\w+|https?://\S+|\bwww\.\S+|\bURL\b|\bRT\b")
_TOKEN = re.compile("[\\w@$*!'\u2019]+")
_INNER_LEET = re.compile(r"(?<=[a-z])[013457!](?=[a-z])")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "!": "i"}
_REPEATED_LETTER = re.compile(r"([a-z])\1{2,}")
_DIGIT = re.compile(r"[0-9]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_ALNUM = re.compile(r"[^\W_]")
_CHAR_SIZES = (4, 5)
_CACHE_LIMIT = 50_000
_SPANS: dict[int, list[tuple[int, int]]] = {}


def clean(text: str) -> str:
    """Unescape HTML, drop mentions, links and retweet marks, and lowercase."""
    if "&" in text:
        text = html.unescape(text)
    if "@" in text or "http" in text or "www." in text or "URL" in text or "RT" in text:
        text = _ARTEFACT.sub(" ", text)
    return text.lower()


@lru_cache(maxsize=65_536)
def normalise_word(raw: str) -> str | None:
    """The word a lowercased token stands for, undoing simple obfuscation; None if no word."""
    word = raw.replace("\u2019", "'")
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    word = word.strip("_'!")
    if word.startswith("*"):
        word = word.strip("*")
    if not _HAS_ALNUM.search(word):
        return None
    if _HAS_LETTER.search(word):
        # "b1tch", "sh!t", "@ss", "a$$": a symbol between or beside letters is a letter in disguise
        word = _INNER_LEET.sub(lambda m: _LEET[m.group()], word)
        word = word.replace("@", "a").replace("$", "s")
    # The shape of a number (a long one is a phone number) generalises; its digits do not.
    word = _DIGIT.sub("0", _REPEATED_LETTER.sub(r"\1\1", word))
    if word.endswith("'s") and (word[:-2] in NEUTRAL_TERMS or word[:-2] == PLACEHOLDER):
        word = word[:-2]
    if word in NEUTRAL_TERMS:
        return PLACEHOLDER
    return word


def words(text: str) -> list[str]:
    """The normalised words of a text, neutral terms replaced by PLACEHOLDER."""
    found = (normalise_word(raw) for raw in _TOKEN.findall(clean(text)))
    return [word for word in found if word is not None]


def word_features(word: str) -> list[str]:
    """The word itself (as "<word>") and its character 4- and 5-grams within the word."""
    padded = f"<{word}>"
    spans = _SPANS.get(len(padded)) or _spans(len(padded))
    found = [padded[start:end] for start, end in spans]
    found.append(padded)
    return found


def _spans(size: int) -> list[tuple[int, int]]:
    # Slicing by precomputed spans is several times faster than nested ranges, and this runs
    # for every word the classifier has not met yet.
    spans = [(i, i + n) for n in _CHAR_SIZES if n < size for i in range(size - n + 1)]
    _SPANS[size] = spans
    return spans


def features(text: str) -> Iterator[str]:
    """Every feature of a text, repeated as often as it occurs: the one definition for training
    and screening. The feature vector is each feature's count over the square root of the
    number of features yielded."""
    found = words(text)
    for word in found:
        yield from word_features(word)
    for first, second in pairwise(found):
        yield f"{first} {second}"


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class TextClassifier:
    """A linear model per label over `features()`, with a threshold per label."""

    labels: tuple[str, ...]
    thresholds: dict[str, float]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    version: str

    def __init__(
        self,
        labels: Sequence[str],
        intercepts: Sequence[float],
        thresholds: dict[str, float],
        weights: dict[str, tuple[float, ...]],
        version: str,
    ) -> None:
        if len(intercepts) != len(labels) or set(thresholds) != set(labels):
            raise ValueError("every label needs an intercept and a threshold")
        self.labels = tuple(labels)
        self.intercepts = tuple(intercepts)
        self.thresholds = dict(thresholds)
        self.weights = weights
        self.version = version
        self._zero = (0.0,) * len(self.labels)
        # raw token -> (word or None, summed weights of its word features or None, their count);
        # comments reuse the same few thousand words, so most tokens cost one lookup.
        self._known: dict[str, tuple[str | None, tuple[float, ...] | None, int]] = {}
        self._preset: dict[str, tuple[str | None, tuple[float, ...] | None, int]] = {}
        # Every word the model knows by itself is worked out now, so that the first comments
        # after a (re)build cost what later ones do.
        for feature in weights:
            if feature[0] == "<" and feature[-1] == ">" and len(feature) > 2:
                word = feature[1:-1]
                if normalise_word(word) == word:
                    self._learn(word)
        self._preset = dict(self._known)

    @classmethod
    def load(cls, path: Path | None = None) -> TextClassifier:
        """Read a coefficient file (by default the shipped data/classifier.json)."""
        raw = (path or DEFAULT_PATH).read_bytes()
        data: dict[str, Any] = json.loads(raw)
        labels = [str(label) for label in data["labels"]]
        width = len(labels)
        weights: dict[str, tuple[float, ...]] = {}
        for feature, row in data["weights"].items():
            if len(row) != width:
                raise ValueError(f"feature {feature!r} has {len(row)} weights, not {width}")
            weights[feature] = tuple(row)
        return cls(
            labels=labels,
            intercepts=[float(value) for value in data["intercepts"]],
            thresholds={str(k): float(v) for k, v in data["thresholds"].items()},
            weights=weights,
            version=hashlib.sha256(raw).hexdigest()[:12],
        )

    def scores(self, text: str) -> dict[str, float]:
        """The probability of each label for a text, between 0 and 1."""
        known = self._known
        weights = self.weights
        parts: list[tuple[float, ...]] = []
        count = 0
        previous: str | None = None
        for raw in _TOKEN.findall(clean(text)):
            entry = known.get(raw)
            if entry is None:
                entry = self._learn(raw)
            word, summed, size = entry
            if word is None:
                continue
            count += size
            if summed is not None:
                parts.append(summed)
            if previous is not None:
                count += 1
                pair = weights.get(f"{previous} {word}")
                if pair is not None:
                    parts.append(pair)
            previous = word
        if not count:
            return {
                label: _sigmoid(b) for label, b in zip(self.labels, self.intercepts, strict=True)
            }
        scale = 1.0 / math.sqrt(count)
        totals = map(sum, zip(*parts, strict=True)) if parts else iter(self._zero)
        return {
            label: _sigmoid(b + total * scale)
            for label, b, total in zip(self.labels, self.intercepts, totals, strict=True)
        }

    def flagged(self, text: str) -> list[tuple[str, float]]:
        """The labels whose probability reaches their threshold, with that probability."""
        return [
            (label, score)
            for label, score in self.scores(text).items()
            if score >= self.thresholds[label]
        ]

    def _learn(self, raw: str) -> tuple[str | None, tuple[float, ...] | None, int]:
        word = normalise_word(raw)
        if word is None:
            entry: tuple[str | None, tuple[float, ...] | None, int] = (None, None, 0)
        else:
            found = word_features(word)
            rows = [row for row in map(self.weights.get, found) if row is not None]
            summed = tuple(map(sum, zip(*rows, strict=True))) if rows else None
            entry = (word, summed, len(found))
        if len(self._known) >= _CACHE_LIMIT:
            self._known = dict(self._preset)
        self._known[raw] = entry
        return entry
