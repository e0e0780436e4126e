"""Folding a text into the form the lexicon is matched against: lower case, no accents, no
invisible characters, no l33t digits, no letters spread apart by separators, no stretched
letters, one space between words. Every folded character remembers where it came from, so a
match in the folded text can be shown at its place in the original."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

# Characters that render as nothing and so can be slipped inside a word unseen.
_INVISIBLE: Final = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067"
    "\u2068\u2069\ufeff\u3164\uffa0" + "".join(chr(code) for code in range(0xFE00, 0xFE10))
)
_APOSTROPHES: Final = frozenset("\u2018\u2019\u201a\u201b\u02bc\u02b9\u2032\u00b4\uff07")

# Cyrillic and Greek letters that look like Latin ones; NFKD leaves them alone.
_LOOKALIKES: Final[dict[str, str]] = dict(
    zip(
        "\u0430\u0432\u0435\u0451\u043a\u043c\u043d\u043e\u0440\u0441\u0442\u0443"
        "\u0445\u0456\u0457\u0458\u0455\u0501\u0261\u04cf\u03b1\u03b2\u03b5\u03b7"
        "\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7",
        "abeekmhopctyxiijsdglabenikvoptux",
        strict=True,
    )
)

# Digits and symbols that stand for letters when written inside a word. "1", "!" and "|" are
# read as "i"; after repeats are collapsed "l" is read as "i" too, so "he11" and "k1ll" fold
# like "hell" and "kill" while "tilt" (two letters, not one stretched) never folds like "tit".
_LEET: Final = str.maketrans("01345789@$!|+", "oieastbgasiit")
_LEET_RUN: Final = re.compile(
    r"[01345789@$|+!](?:(?<=[a-z].)[01345789@$|+!]*|[01345789@$|+!]*(?=[a-z]))"
)

_WORD = r"0-9a-z$@|+!\u0080-\U0010ffff"  # what may sit on either side of a hidden separator
_INSIDE = r"\-._*~^/\\:;,\"`<>=#&?()\[\]{}"  # separators that can hide inside a word
# "fu.ck", "s-h-i-t": one separator between two word characters is dropped.
_SEPARATOR_IN_WORD: Final = re.compile(rf"[{_INSIDE}](?<=[{_WORD}].)(?=[{_WORD}])")
# "f u c k": three or more single characters, one space apart, are one word ("!" after the
# last one ends the sentence).
_LETTER = r"0-9a-z$@|+\u0080-\U0010ffff"
_SPACED_LETTERS: Final = re.compile(rf"\s[{_LETTER}](?:[ \t][{_LETTER}]){{2,}}(?![{_LETTER}])")
_SPACED_LETTERS_FIRST: Final = re.compile(rf"[{_LETTER}](?:[ \t][{_LETTER}]){{2,}}(?![{_LETTER}])")
# Everything but letters, digits, "$" and "%" (kept for "earn $", "100% free") and non-ASCII
# letters and symbols separates words. Phrases folded together keep their line breaks.
_SEPARATOR_CHARS: Final = "".join(
    chr(code) for code in range(128) if not (chr(code).isalnum() or chr(code) in "$% ")
)
_SEPARATOR_TABLE: Final = str.maketrans(_SEPARATOR_CHARS, " " * len(_SEPARATOR_CHARS))
_SEPARATOR_TABLE_BY_LINE: Final = {
    code: sub for code, sub in _SEPARATOR_TABLE.items() if code != 10
}
_SEPARATOR: Final = re.compile(f"[{re.escape(_SEPARATOR_CHARS)}]")
_SEPARATOR_BY_LINE: Final = re.compile(f"[{re.escape(_SEPARATOR_CHARS.replace(chr(10), ''))}]")
_NON_ASCII_RUN: Final = re.compile(r"([^\x00-\x7f]+)")

Repeats = tuple[tuple[int, int], ...]  # (index, count) of each letter written more than once


def _fold_char(char: str) -> str:
    """What one non-ASCII character reads as."""
    if char in _INVISIBLE:
        return ""
    if char in _APOSTROPHES:
        return "'"
    category = unicodedata.category(char)
    if category == "Pd":
        return "-"
    if category[0] in "ZC":
        return "" if category == "Cf" else " "
    decomposed = "".join(
        part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
    ).casefold()
    folded = "".join(_LOOKALIKES.get(part, part) for part in decomposed)
    if category[0] == "P":
        return folded if folded.isascii() else " "
    if category[0] == "S" and not folded.isascii():
        # A symbol (an emoji) is a word of its own even when written against a word.
        return f" {folded} "
    return folded


class _FoldTable(dict[int, str]):
    """Fold results by code point, filled on first sight (bounded against floods of rarities)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 20_000:
            self[code] = folded
        return folded


class _EvenProbe(dict[int, int | None]):
    """Translating with it deletes exactly the characters whose fold is not one character."""

    def __missing__(self, code: int) -> int | None:
        kept = code if len(_FOLD[code]) == 1 else None
        if len(self) < 20_000:
            self[code] = kept
        return kept


_FOLD: Final = _FoldTable()
_EVEN_PROBE: Final = _EvenProbe()


class _Stage:
    """A step that dropped or expanded characters: the way from its output back to its input.

    Breakpoints say that from output index `after[k]` on, output index i came from input index
    `before[k] + i - after[k]`. They are worked out only when a match needs them."""

    __slots__ = ("_after", "_before", "_dropped")

    def __init__(
        self,
        *,
        breakpoints: tuple[list[int], list[int]] | None = None,
        dropped: Callable[[], Iterable[tuple[int, int]]] | None = None,
    ) -> None:
        self._after, self._before = breakpoints if breakpoints is not None else ([], [])
        self._dropped = dropped

    def to_source(self, index: int) -> int:
        """The input index of the output character at `index`."""
        if self._dropped is not None:
            removed = 0
            for start, end in self._dropped():
                self._after.append(start - removed)
                self._before.append(end)
                removed += end - start
            self._dropped = None
        point = bisect_right(self._after, index) - 1
        if point < 0:
            return index
        return self._before[point] + index - self._after[point]


class Normalized:
    """A folded text and the way back from each of its characters to the original text."""

    __slots__ = ("_kept", "_prepared_length", "_stages", "text")

    def __init__(
        self, text: str, stages: list[_Stage], kept: npt.NDArray[np.intp] | None, length: int
    ) -> None:
        self.text = text
        self._stages = stages
        self._kept = kept  # where each folded character sat before repeats were collapsed
        self._prepared_length = length

    def _uncollapsed(self, index: int) -> int:
        if self._kept is None:
            return index
        return int(self._kept[index]) if index < len(self._kept) else self._prepared_length

    def _to_original(self, index: int) -> int:
        for stage in reversed(self._stages):
            index = stage.to_source(index)
        return index

    def original_index(self, index: int) -> int:
        """Where the folded character at `index` starts in the original text."""
        return self._to_original(self._uncollapsed(index))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded `text[start:end]`, stretched letters included."""
        return self.original_index(start), self._to_original(self._uncollapsed(end) - 1) + 1

    def origins(self) -> list[int]:
        """The original index of every folded character."""
        return [self.original_index(index) for index in range(len(self.text))]

    def run_length(self, index: int) -> int:
        """How many times the folded character at `index` was written in a row."""
        return self._uncollapsed(index + 1) - self._uncollapsed(index)


def _fold_non_ascii(text: str) -> tuple[str, _Stage | None]:
    parts = _NON_ASCII_RUN.split(text)
    out: list[str] = []
    after: list[int] = []
    before: list[int] = []
    source = target = 0
    for position, part in enumerate(parts):
        if position % 2 == 0 or len(part.translate(_EVEN_PROBE)) == len(part):
            out.append(part.lower() if position % 2 == 0 else part.translate(_FOLD))
            source += len(part)
            target += len(part)
            continue
        for char in part:
            folded = _FOLD[ord(char)]
            out.append(folded)
            for extra in range(1, len(folded)):
                after.append(target + extra)
                before.append(source)
            source += 1
            target += len(folded)
            if len(folded) != 1:
                after.append(target)
                before.append(source)
    stage = _Stage(breakpoints=(after, before)) if after else None
    return "".join(out), stage


def _translate_leet(match: re.Match[str]) -> str:
    run = match.group()
    if ("!" in run or "|" in run) and not (
        match.string[match.start() - 1 : match.start()].isalpha()
        and match.string[match.end() : match.end() + 1].isalpha()
    ):
        return run  # a "!" ending a sentence, not an "i"
    return run.translate(_LEET)


def _join_spaced_letters(text: str) -> tuple[str, list[tuple[int, int]]]:
    first = _SPACED_LETTERS_FIRST.match(text)
    matches = [first] if first else []
    matches.extend(_SPACED_LETTERS.finditer(text, first.end() if first else 0))
    if not matches:
        return text, []
    pieces: list[str] = []
    dropped: list[tuple[int, int]] = []
    done = 0
    for match in matches:
        start, end = match.span()
        letter = start if match is first else start + 1  # the first single letter
        pieces.append(text[done:letter])
        pieces.append(text[letter:end:2])
        dropped.extend((space, space + 1) for space in range(letter + 1, end, 2))
        done = end
    pieces.append(text[done:])
    return "".join(pieces), dropped


def _prepare(text: str, *, by_line: bool = False) -> tuple[str, list[_Stage]]:
    """Every step but collapsing repeats: the folded text and the stages that changed length."""
    stages: list[_Stage] = []
    if text.isascii():
        folded = text.lower()
    else:
        folded, stage = _fold_non_ascii(text)
        if stage is not None:
            stages.append(stage)
    squeezed = _SEPARATOR_IN_WORD.sub("", folded)
    if len(squeezed) != len(folded):
        source = folded
        spans = lambda: (match.span() for match in _SEPARATOR_IN_WORD.finditer(source))  # noqa: E731
        stages.append(_Stage(dropped=spans))
    joined, dropped = _join_spaced_letters(squeezed)
    if dropped:
        stages.append(_Stage(dropped=lambda: dropped))
    lettered = _LEET_RUN.sub(_translate_leet, joined)
    if lettered.isascii():
        table = _SEPARATOR_TABLE_BY_LINE if by_line else _SEPARATOR_TABLE
        return lettered.translate(table), stages
    return (_SEPARATOR_BY_LINE if by_line else _SEPARATOR).sub(" ", lettered), stages


def _codes(text: str) -> npt.NDArray[np.uint32] | npt.NDArray[np.uint8]:
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _collapse(prepared: str) -> tuple[str, npt.NDArray[np.intp] | None]:
    """`prepared` with each run of one character written once, and where each one was."""
    if len(prepared) < 2:
        return prepared, None
    codes = _codes(prepared)
    keep = np.empty(len(codes), dtype=np.bool_)
    keep[0] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    keep |= codes == 10  # line breaks part phrases folded together, even empty ones
    kept = np.flatnonzero(keep)
    if len(kept) == len(codes):
        return prepared, None
    encoding = "ascii" if codes.dtype == np.uint8 else "utf-32-le"
    return codes[keep].tobytes().decode(encoding, "surrogatepass"), kept


def normalize(text: str) -> Normalized:
    """Fold `text` for matching; the result maps each folded character back to `text`."""
    prepared, stages = _prepare(text)
    collapsed, kept = _collapse(prepared)
    return Normalized(collapsed.replace("l", "i"), stages, kept, len(prepared))


def normalize_phrases(phrases: Sequence[str]) -> tuple[list[str], dict[int, Repeats]]:
    """Each phrase folded like a text, and the letters each writes repeated, all in one go."""
    if not phrases:
        return [], {}
    joined = "\n".join(phrases)
    if joined.count("\n") != len(phrases) - 1:
        joined = "\n".join(" ".join(phrase.split()) for phrase in phrases)
    prepared = _prepare(joined, by_line=True)[0]
    collapsed, kept = _collapse(prepared)
    found: dict[int, list[tuple[int, int]]] = {}
    if kept is not None:
        codes = _codes(collapsed)
        counts = np.diff(kept, append=len(prepared))
        repeated = np.flatnonzero((counts >= 2) & (codes != 32) & (codes != 10))
        line_starts = np.concatenate(([0], np.flatnonzero(codes == 10) + 1))
        line_of = np.searchsorted(line_starts, repeated, side="right") - 1
        # A phrase starting with punctuation starts with a space, which is stripped below.
        offsets = repeated - line_starts[line_of] - (codes[line_starts[line_of]] == 32)
        for line, offset, count in zip(
            line_of.tolist(), offsets.tolist(), counts[repeated].tolist(), strict=True
        ):
            found.setdefault(line, []).append((offset, count))
    lines = collapsed.replace(" \n", "\n").replace("\n ", "\n").strip(" ").replace("l", "i")
    return lines.split("\n"), {line: tuple(repeats) for line, repeats in found.items()}
