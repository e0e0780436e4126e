"""Finding the election's registered candidates named in a text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick  # type: ignore[import-not-found]  # ships without type hints
from rapidfuzz.distance import Indel
from rapidfuzz.fuzz import ratio

from app.screening.engine.vocabulary import Category, Hit


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate registered in the current election, with the other names they go by."""

    name: str
    aliases: tuple[str, ...] = ()


_WORD = re.compile(r"[^\W\d_]+")
# What may separate the words of one name: "Ellis-Carter", "J. Ellis", "O'Connor". Line breaks
# and commas end a name, so "Jordan,\nEllis" is two mentions of other things.
_GAP_CHARS = " \t\u00a0.'\u2019-\u2010\u2011\u2013"
_GAP_MOST = 3
_NAME_GAP = re.compile(f"[{re.escape(_GAP_CHARS)}]{{1,{_GAP_MOST}}}")
_SENTENCE_END = frozenset(".!?:\n")

# English words that are also common given names or surnames. A name made only of these
# ("Mark Green", "Grace Hall") is only recognised when written with capitals, and one of these
# alone is not recognised at the start of a sentence ("Green bins go out on Tuesday").
_ORDINARY_WORDS_TEXT = """
    april august autumn baker banks bell berry best bill bird bishop black bliss bloom bond
    brook brooks brown bush butler cash chance chase church clay cook cole cross crown dale
    dawn day dean dell drake duke early east fair faith field fields fish fisher ford forest
    fox frank free gay gill glass gold golden good grace grant gray green grey guy hale hall
    hardy hart hay heath hill hills holly hope house hunt hunter ivy jack joy june king knight
    lake lamb land lane law lee little long lord love major march mark marsh mason may meadow
    mercy miles mill miller moon moore moss new newman noble north oak park parks pat patience
    payne peace pearl penny pierce pool pope porter price prince rich river rivers robin rock
    rose ross rowe ruby rush sage sharp shepherd short sky small smith snow south sparks spring
    stark steel sterling stone storm strong summer summers swift taylor turner violet wade
    walker wall ward warren water waters webb well wells west white will wise wolf wood woods
    young
"""
_ORDINARY_WORDS = frozenset(_ORDINARY_WORDS_TEXT.split())

# Words that may stand capitalised before a surname alone: titles ("Councillor Green") and
# words that open a sentence ("Ask Murphy"). Any other capitalised word there makes it another
# person's name ("Charlie Murphy", "Bowling Green").
_BEFORE_SURNAME_TEXT = """
    mr mrs ms mx miss dr prof sir madam mayor deputy councillor councilor candidate trustee
    reeve alderman alderwoman warden chair minister mp mpp mla premier senator
    a an and as ask at but by call congrats congratulations contact dear elect email for from
    go has hello hey hi how if in is join meet no of on or re see so support tell thank thanks
    the to today tonight vote was welcome what when where why will with yes
"""
_BEFORE_SURNAME = frozenset(_BEFORE_SURNAME_TEXT.split())
_NAME_LETTERS_FOR_SURNAME_ALONE = 5
# One word is a weak sign, so it must be spelled exactly unless long enough for one slip to be
# a misspelling rather than another word ("Ross" is not "Rossi", "Greens" not "Green").
_ONE_WORD_SLIP_LETTERS = 8
_REMEMBERED_SPELLINGS = 20_000


def _plain(text: str) -> str:
    """Lowercased without accents, so that "Hélène" and "Helene" compare equal."""
    low = text.lower()
    if low.isascii():
        return low
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _lower_same_length(text: str) -> str:
    # Offsets found in the lowered text must be offsets in the original: only the dotted
    # capital I grows when lowered.
    low = text.lower()
    if len(low) != len(text):
        low = text.replace("\u0130", "I").lower()
    return low


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(name.lower()))


@dataclass(frozen=True, slots=True)
class _NameForm:
    words: tuple[str, ...]  # without accents
    accented: tuple[str, ...]
    spelled: str
    candidate: str
    needs_capitals: bool
    surname: bool


class CandidateMatcher:
    """Finds registered candidates' names in a text, tolerating case, separators, initials,
    possessives and small misspellings."""

    def __init__(self, candidates: Iterable[Candidate], *, min_score: float = 88.0) -> None:
        self._min_score = min_score
        self._forms: list[_NameForm] = []
        seen: set[tuple[tuple[str, ...], str]] = set()
        for candidate in candidates:
            for accented, is_surname in self._written_forms(candidate):
                words = tuple(_plain(w) for w in accented)
                if not words or (words, candidate.name) in seen:
                    continue
                seen.add((words, candidate.name))
                needs_capitals = (
                    is_surname
                    or len(words) == 1
                    or all(w in _ORDINARY_WORDS or len(w) == 1 for w in words)
                )
                spelled = " ".join(words)
                form = _NameForm(
                    words, accented, spelled, candidate.name, needs_capitals, is_surname
                )
                self._forms.append(form)
        # A name is looked at only where a text word starts like one of its words: the first 3
        # letters, with and without accents; 4 for a long word of a name of several words, which
        # keeps "care" from waking "Carter" while its other words still catch a slip in the
        # first letters. Longer names come first: a name found hides the shorter ones inside it.
        anchors: dict[str, list[tuple[int, int]]] = {}
        for index, form in sorted(enumerate(self._forms), key=lambda f: -len(f[1].words)):
            long_enough = [p for p, w in enumerate(form.words) if len(w) >= 3] or [0]
            for position in long_enough:
                word = form.words[position]
                for spelling in {word, form.accented[position]}:
                    long = len(spelling) >= 6 and len(form.words) > 1
                    key = spelling[:4] if long else spelling[:3]
                    anchors.setdefault(key, []).append((index, position))
        self._anchors = ahocorasick.Automaton()
        for key, places in anchors.items():
            capitals_only = all(self._forms[i].needs_capitals for i, _ in places)
            self._anchors.add_word(key, (key, tuple(places), capitals_only))
        if anchors:
            self._anchors.make_automaton()
        # The most word edits a form can take and still score min_score: d <= (1-s)(2L+d).
        share = 1.0 - min_score / 100.0
        self._max_edits = [int(share * 2 * len(f.spelled) / (1.0 - share)) for f in self._forms]
        # Ordinary words recur from text to text ("market", "greenway"): each spelling is judged
        # once. Losing an entry to a concurrent clear() only costs recomputing it.
        self._close: dict[tuple[str, str], list[tuple[int, int]]] = {}

    @staticmethod
    def _written_forms(candidate: Candidate) -> Iterable[tuple[tuple[str, ...], bool]]:
        yield _name_words(candidate.name), False
        parts = candidate.name.split()
        if len(parts) >= 2:
            surname = _name_words(parts[-1])
            given = _name_words(parts[0])
            if sum(len(w) for w in surname) >= _NAME_LETTERS_FOR_SURNAME_ALONE:
                yield surname, True
            if given and surname:
                yield (given[0][0], *surname), False
        for alias in candidate.aliases:
            yield _name_words(alias), False

    def find(self, text: str) -> list[Hit]:
        """Every mention of a registered candidate in `text`."""
        if not self._forms or not text:
            return []
        low = _lower_same_length(text)
        found: list[tuple[int, int, float, str]] = []
        close = self._close
        if len(close) > _REMEMBERED_SPELLINGS:
            close.clear()
        # A word inside a name already found is not looked at again: the name's first word found
        # it with all its words, the longest reading.
        found_until = 0
        for last, (key, places, capitals_only) in self._anchors.iter(low):
            start = last - len(key) + 1
            if capitals_only and not text[start].isupper():
                continue
            # Not inside a word, nor in a handle ("@Ryan_Murphy3").
            if start < found_until or (
                start and (low[start - 1].isalnum() or low[start - 1] in "_@")
            ):
                continue
            word_match = _WORD.match(low, start)
            if word_match is None:
                continue
            end = word_match.end()
            word = low[start:end]
            fits = close.get((key, word))
            if fits is None:
                fits = close[key, word] = self._close_places(word, places)
            capitalised = text[start].isupper()
            before = after = 0
            for index, position in fits:
                before = max(before, position)
                after = max(after, len(self._forms[index].words) - 1 - position)
            spans = _name_words_around(low, start, end, before, after)
            anchor_at = spans.index((start, end))
            for index, position in fits:
                form = self._forms[index]
                first = anchor_at - position
                window = spans[first : first + len(form.words)] if first >= 0 else []
                if (
                    len(window) != len(form.words)
                    or window[-1][1] <= found_until
                    or (form.needs_capitals and not capitalised)
                ):
                    continue
                score = self._score(text, low, window, form)
                if score:
                    found.append((window[0][0], window[-1][1], score, form.candidate))
                    found_until = max(found_until, window[-1][1])
        return [
            Hit(
                category=Category.ELECTIONEERING,
                start=start,
                end=end,
                detector="candidates",
                explanation=f"names a registered candidate in the election: {candidate}",
            )
            for start, end, _, candidate in _without_overlaps(found)
        ]

    def _close_places(
        self, word: str, places: tuple[tuple[int, int], ...]
    ) -> list[tuple[int, int]]:
        """The places of name words spelled near enough `word` for its name to reach min_score."""
        plain = _plain(word)
        return [
            (i, p)
            for i, p in places
            if Indel.distance(plain, self._forms[i].words[p], score_cutoff=self._max_edits[i])
            <= self._max_edits[i]
        ]

    def _score(self, text: str, low: str, window: list[tuple[int, int]], form: _NameForm) -> float:
        # Each written word must begin with its name word's letter: a cheap test that spares
        # most fuzzy comparisons ("said Ellis-Carter" is not "Jordan Ellis-Carter").
        for (s, _), name_word in zip(window, form.words, strict=True):
            if low[s] != name_word[0] and _plain(low[s]) != name_word[0]:
                return 0.0
        written = _plain(" ".join([low[s:e] for s, e in window]))
        if len(window) == 1 and len(written) < _ONE_WORD_SLIP_LETTERS:
            score = 100.0 if written == form.spelled else 0.0
        else:
            score = ratio(written, form.spelled, score_cutoff=self._min_score)
        if not score:
            return 0.0
        if form.needs_capitals:
            for s, _ in window:
                if not text[s].isupper():
                    return 0.0
        return score if not form.surname or self._surname_alone(text, low, window, form) else 0.0

    @staticmethod
    def _surname_alone(text: str, low: str, window: list[tuple[int, int]], form: _NameForm) -> bool:
        """Whether a surname stands alone and not inside some other name."""
        start, end = window[0][0], window[-1][1]
        earlier = _name_words_around(low, start, end, 1, 0)
        if len(earlier) == 2:
            s, e = earlier[0]
            if text[s].isupper() and low[s:e] not in _BEFORE_SURNAME:
                return False  # "Charlie Murphy", "Bowling Green"
        if all(w in _ORDINARY_WORDS for w in form.words):
            if _starts_sentence(text, start):
                return False  # "Green bins go out on Tuesday"
            later = _name_words_around(low, start, end, 0, 1)
            if len(later) == 2 and text[later[1][0]].isupper():
                return False  # "Green Energy", "Green Lantern"
        return True


def _name_words_around(
    low: str, start: int, end: int, before: int, after: int
) -> list[tuple[int, int]]:
    """The word at start..end with up to `before` and `after` words joined to it as one name's
    words are ("Jordan Ellis-Carter", "J. Ellis"): separated only by a short name gap, with a
    full stop only after an initial (so "Market. Green" is two sentences)."""
    spans = [(start, end)]
    for _ in range(before):
        word_start = spans[0][0]
        i = word_start - 1
        while i >= 0 and word_start - i <= _GAP_MOST and low[i] in _GAP_CHARS:
            i -= 1
        if i == word_start - 1 or i < 0 or not low[i].isalpha():
            break
        previous = i
        while previous and low[previous - 1].isalpha():
            previous -= 1
        if previous < i and "." in low[i + 1 : word_start]:
            break
        spans.insert(0, (previous, i + 1))
    for _ in range(after):
        word_start, word_end = spans[-1]
        gap = _NAME_GAP.match(low, word_end)
        if gap is None or (word_end - word_start > 1 and "." in gap.group()):
            break
        word = _WORD.match(low, gap.end())
        if word is None:
            break
        spans.append(word.span())
    return spans


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in "\"'\u201c\u2018(["):
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _without_overlaps(
    found: list[tuple[int, int, float, str]],
) -> list[tuple[int, int, float, str]]:
    # The longest mention wins ("Jordan Ellis-Carter" over its "Ellis-Carter"), then the best
    # scored, then the candidate registered first.
    kept: list[tuple[int, int, float, str]] = []
    for item in sorted(found, key=lambda f: (f[0], f[0] - f[1], -f[2])):
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
        elif (item[1] - item[0], item[2]) > (kept[-1][1] - kept[-1][0], kept[-1][2]):
            kept[-1] = item
    return kept
