"""The lexicon: listed words and phrases of every category, found in one pass over the folded
text whatever their disguise, as whole words only, and shown at their place in the original."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

import ahocorasick  # type: ignore[import-not-found]  # ships without type hints

from app.screening.engine.normalize import Normalized, Repeats, normalize, normalize_phrases
from app.screening.engine.vocabulary import Category, Hit, Severity


@dataclass(frozen=True, slots=True)
class Term:
    """A listed word or phrase and what finding it means."""

    phrase: str
    category: Category
    severity: Severity
    subtype: str | None = None


# In these categories a listed word is found with an English ending too ("idiots", "fucked");
# elsewhere an ending changes the meaning ("vote for" / "elected").
_INFLECTED: Final = frozenset(
    {Category.PROFANITY, Category.SEXUAL, Category.HATE, Category.HARASSMENT}
)
# Written as folded: repeats are collapsed before endings are compared.
_ENDINGS: Final = frozenset({"s", "es", "ed", "d", "er", "ers", "ing", "in", "y", "ies"})

_MORE_SPELLINGS: Final = re.compile(r"['\u2019\s.\-_/&+]")
_PUNCTUATION_IN_WORD: Final = re.compile(r"(?<=\w)[-./_&+](?=\w)")
_APOSTROPHE: Final = re.compile(r"['\u2019]")

_EXPLANATIONS: Final = {
    category: f"a term on the {category.value.replace('_', ' ')} list" for category in Category
}

_ALLOWED_WORDS: Final = frozenset(
    {
        # a listed word with an ending, written with a doubled letter, or inside a phrase, that
        # is an ordinary word ("assess" folds to a listed word plus "es", "rapping" to one)
        "annals", "assess", "blue tit", "bonner", "booby", "coal tit", "cocked", "cocker",
        "cockers", "cocking", "cocky", "crappie", "crappies", "craps", "cum laude", "cumin",
        "cummings", "damning", "dicker", "dickers", "dickies", "great tit", "great tits",
        "heller", "hellers", "looser", "pussy willow", "pussy willows", "rape crisis",
        "rape seed", "rapped", "rapping", "spiced", "spicer", "spices", "spicy", "spunky",
        "tit for tat", "titer", "titers", "titin", "twinkies",
    }
)  # fmt: skip


# What a key stands for: category, severity, subtype, and the letters the phrase writes twice.
_Entry = tuple[Category, Severity, str | None, Repeats]


# What a key of the automaton leads to: its length, whether it starts and ends with the space
# that marks a word boundary, the entries it stands for, and, when it is an allowed word, the
# letters each allowed spelling writes twice ("rapping" is allowed, "raping" is not).
_Found = tuple[int, bool, bool, tuple[_Entry, ...], tuple[Repeats, ...]]


def _parse_row(line: str, number: int) -> Term:
    fields = line.split("\t")
    if len(fields) not in (3, 4) or not fields[0].strip():
        raise ValueError(f"lexicon line {number}: expected phrase, category, severity[, subtype]")
    try:
        category, severity = Category(fields[1].strip()), Severity(fields[2].strip())
    except ValueError as error:
        raise ValueError(f"lexicon line {number}: {error}") from None
    subtype = fields[3].strip() if len(fields) == 4 and fields[3].strip() else None
    return Term(fields[0].strip(), category, severity, subtype)


@cache
def _load_default_terms() -> tuple[Term, ...]:
    source = resources.files(__package__).joinpath("data", "lexicon_en.tsv")
    lines = source.read_text(encoding="utf-8").splitlines()
    return tuple(
        _parse_row(line, number)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    )


def default_terms() -> list[Term]:
    """The shipped English lexicon (data/lexicon_en.tsv)."""
    return list(_load_default_terms())


def default_allowed_words() -> frozenset[str]:
    """Ordinary words and phrases that contain a listed word and must not be reported."""
    return _ALLOWED_WORDS


def _spellings(phrase: str) -> list[str]:
    """The phrase, and how it is also written: "i'll" as "ill", "re-elect" as "re elect", "kill
    yourself" as "killyourself" (the text's "kill-yourself", "#killyourself")."""
    phrase = phrase.strip()
    joined = phrase.replace(" ", "")
    if joined.isalpha():
        return [phrase] if joined == phrase else [phrase, joined]
    if not _MORE_SPELLINGS.search(phrase):
        return [phrase]
    spellings = [phrase]
    if _APOSTROPHE.search(phrase):
        spellings.append(_APOSTROPHE.sub("", phrase))
    if _PUNCTUATION_IN_WORD.search(phrase):
        spellings.append(_PUNCTUATION_IN_WORD.sub(" ", phrase))
    if len(phrase.split()) > 1:
        spellings.append("".join(phrase.split()))
    return spellings


class LexiconMatcher:
    """Finds every listed term of every category in one pass over the folded text."""

    def __init__(self, terms: Iterable[Term], *, allowed_words: Iterable[str] = ()) -> None:
        listed = list(terms)
        # Building makes tens of thousands of small acyclic tuples; collecting cycles while
        # they are made only costs time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            keys, allowed, self._size = self._keys(listed, list(allowed_words))
            self._found: list[_Found] = []
            self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for key, entries in keys.items():
                lead, trail = key[0] == " ", key[-1] == " "
                # Spellings of one phrase can fold alike; report the phrase once.
                unique = tuple(dict.fromkeys(entries)) if len(entries) > 1 else (entries[0],)
                self._automaton.add_word(key, len(self._found))
                self._found.append((len(key), lead, trail, unique, allowed.get(key, ())))
            for key in allowed.keys() - keys.keys():
                self._automaton.add_word(key, len(self._found))
                self._found.append((len(key), key[0] == " ", key[-1] == " ", (), allowed[key]))
            if self._found:
                self._automaton.make_automaton()
        finally:
            if collecting:
                gc.enable()

    @staticmethod
    def _keys(
        listed: list[Term], allowed_words: list[str]
    ) -> tuple[dict[str, list[_Entry]], dict[str, tuple[Repeats, ...]], int]:
        """The automaton's keys with their entries, the allowed keys, the distinct phrases."""
        spellings: list[str] = []
        owners: list[int] = []  # the term of each spelling; -1 for an allowed word
        for index, term in enumerate(listed):
            if term.phrase.isalpha():
                spellings.append(term.phrase)
                owners.append(index)
            else:
                found = _spellings(term.phrase)
                spellings.extend(found)
                owners.extend([index] * len(found))
        for word in allowed_words:
            found = _spellings(word)
            spellings.extend(found)
            owners.extend([-1] * len(found))
        keys: dict[str, list[_Entry]] = {}
        allowed: dict[str, tuple[Repeats, ...]] = {}
        distinct: set[tuple[str, Repeats]] = set()
        lines, repeated = normalize_phrases(spellings)
        previous = -1
        for index, (owner, core) in enumerate(zip(owners, lines, strict=True)):
            if not core:
                continue
            lead = " " if core[0].isalnum() else ""
            repeats = repeated.get(index, ())
            if owner < 0:
                key = f"{lead}{core}{' ' if core[-1].isalnum() else ''}"
                allowed[key] = (*allowed.get(key, ()), repeats)
                continue
            term = listed[owner]
            if owner != previous:  # the first spelling is the phrase as listed
                distinct.add((core, repeats))
                previous = owner
            # An ending may follow an inflected word: its key stops at the word's last letter.
            trail = " " if core[-1].isalnum() and term.category not in _INFLECTED else ""
            entry = (term.category, term.severity, term.subtype, repeats)
            keys.setdefault(f"{lead}{core}{trail}", []).append(entry)
        return keys, allowed, len(distinct)

    @property
    def size(self) -> int:
        """The number of distinct folded phrases."""
        return self._size

    def find(self, text: str) -> list[Hit]:
        """The listed terms in `text`, at their original spans, sorted by start."""
        if not self._size or not text:
            return []
        normalized = normalize(text)
        padded = f" {normalized.text} "
        allowed: list[tuple[int, int]] = []
        matches: list[tuple[int, int, bool, tuple[_Entry, ...]]] = []
        found = self._found
        for end, index in self._automaton.iter(padded):
            length, lead, trail, entries, allowed_repeats = found[index]
            start = end - length + 1
            if allowed_repeats and any(
                _written(normalized, start + lead - 1, repeats) for repeats in allowed_repeats
            ):
                allowed.append((start, end))
            if entries:
                matches.append((start + lead, end - trail, trail, entries))
        hits: list[Hit] = []
        for first, last, trail, entries in matches:
            word_last = last if trail else _word_end(padded, last)
            if word_last < 0 or any(a <= first and word_last <= b for a, b in allowed):
                continue
            hits.extend(_hits(normalized, first - 1, word_last, entries))
        return _keep_longest(hits)


def _word_end(padded: str, last: int) -> int:
    """Where a word matched up to `last` ends, with an allowed ending; -1 when it goes on."""
    if not (padded[last].isalnum() and padded[last + 1].isalnum()):
        return last
    word_end = padded.find(" ", last + 1)
    return word_end - 1 if padded[last + 1 : word_end] in _ENDINGS else -1


def _written(normalized: Normalized, first: int, repeats: Repeats) -> bool:
    """Whether the text writes each letter of the phrase at `first` as often as the phrase."""
    return all(normalized.run_length(first + at) >= count for at, count in repeats)


def _hits(normalized: Normalized, first: int, end: int, entries: tuple[_Entry, ...]) -> list[Hit]:
    hits = []
    for category, severity, subtype, repeats in entries:
        if not _written(normalized, first, repeats):
            continue
        start, stop = normalized.original_span(first, end)
        hits.append(
            Hit(
                category=category,
                start=start,
                end=stop,
                detector="lexicon",
                explanation=_EXPLANATIONS[category],
                severity=severity,
                subtype=subtype,
            )
        )
    return hits


def _keep_longest(hits: list[Hit]) -> list[Hit]:
    """Of overlapping hits of one category, the longest (then the most severe) stays."""
    if len(hits) < 2:
        return hits
    ranked = sorted(
        hits,
        key=lambda hit: (hit.end - hit.start, hit.severity.rank if hit.severity else -1),
        reverse=True,
    )
    kept: list[Hit] = []
    for hit in ranked:
        if not any(
            other.category == hit.category and other.start < hit.end and hit.start < other.end
            for other in kept
        ):
            kept.append(hit)
    return sorted(kept, key=lambda hit: (hit.start, hit.end, hit.category))
