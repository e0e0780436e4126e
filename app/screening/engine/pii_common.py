"""Shared pieces of personal-information detection: the typed linear-time pattern wrapper,
the hit factory, the Luhn check and the context tests every number detector uses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, cast

import re2  # type: ignore[import-untyped]

from app.screening.engine.vocabulary import Category, Hit, PersonalInformation, Severity


class ScanMatch(Protocol):
    """The part of a match object the detectors use."""

    def start(self, group: int = 0) -> int: ...

    def end(self, group: int = 0) -> int: ...

    def group(self, group: int = 0) -> str | None: ...


class _AsciiMatch:
    """A match found in the ASCII bytes of a text, whose offsets are the text's offsets."""

    __slots__ = ("_match", "_text")

    def __init__(self, text: str, match: ScanMatch) -> None:
        self._text, self._match = text, match

    def start(self, group: int = 0) -> int:
        return self._match.start(group)

    def end(self, group: int = 0) -> int:
        return self._match.end(group)

    def group(self, group: int = 0) -> str | None:
        start = self._match.start(group)
        return None if start < 0 else self._text[start : self._match.end(group)]


class ScanPattern:
    """A pattern for whole-text scans with RE2, which stays linear and is far quicker than `re`
    on long alternations (no look-arounds, no back-references)."""

    __slots__ = ("_ascii", "_text")

    def __init__(self, pattern: str) -> None:
        self._text = re2.compile(pattern)
        # The wrapper maps every match of a str back from UTF-8 offsets; most texts are ASCII,
        # where matching the bytes gives the same offsets at a third of the cost.
        self._ascii = re2.compile(pattern.encode())

    def finditer(self, text: str) -> Iterator[ScanMatch]:
        """The non-overlapping matches in `text`, left to right."""
        if not text.isascii():
            yield from cast("Iterator[ScanMatch]", self._text.finditer(text))
            return
        for match in self._ascii.finditer(text.encode("ascii")):
            yield _AsciiMatch(text, match)


def scan_pattern(pattern: str) -> ScanPattern:
    """Compile a pattern for whole-text scans."""
    return ScanPattern(pattern)


class PatternSet:
    """Which of several patterns occur somewhere in a text, found in a single linear pass."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self._set = re2.Set.SearchSet()
        for pattern in patterns:
            self._set.Add(pattern)
        self._set.Compile()

    def present(self, text: str) -> frozenset[int]:
        """The positions (in the constructor's sequence) of the patterns found in `text`."""
        found = self._set.Match(text)
        return frozenset(cast("list[int]", found)) if found else frozenset()


_SEVERITY = {
    PersonalInformation.NATIONAL_ID: Severity.CRITICAL,
    PersonalInformation.CREDIT_CARD: Severity.CRITICAL,
    PersonalInformation.HEALTH: Severity.CRITICAL,
    PersonalInformation.PHONE: Severity.HIGH,
    PersonalInformation.EMAIL: Severity.HIGH,
    PersonalInformation.ADDRESS: Severity.HIGH,
    PersonalInformation.DATE_OF_BIRTH: Severity.HIGH,
}


def personal_hit(
    subtype: PersonalInformation, start: int, end: int, detector: str, explanation: str
) -> Hit:
    """A personal-information hit; the explanation must never quote the item itself."""
    return Hit(
        category=Category.PERSONAL_INFORMATION,
        start=start,
        end=end,
        detector=detector,
        explanation=explanation,
        severity=_SEVERITY[subtype],
        subtype=subtype.value,
        sensitive=True,
    )


def _words(text: str) -> list[str]:
    return text.split()


def luhn_valid(digits: str) -> bool:
    """True when the digit string passes the Luhn (mod 10) check."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def only_digits(text: str) -> str:
    """The digits of a matched number, separators dropped."""
    return "".join(char for char in text if char.isdigit())


def stands_alone(text: str, start: int, end: int) -> bool:
    """True when the number is not a piece of a longer number or code ("12-613-555-0143-9")."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or before == "_":
            return False
        if before in "-./" and start > 1 and text[start - 2].isdigit():
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or after == "_":
            return False
        if after in "-/" and end + 1 < len(text) and text[end + 1].isalnum():
            return False
    return True


# A reference number's label just before the digits ("By-law No. 2024-123", "Invoice #",
# "Permit: 613 555 0143") says the digits are the city's paperwork, not a person's.
_REFERENCE_LABELS = frozenset(
    _words(
        """by-law bylaw by-laws bylaws law permit tender invoice inv file case order resolution
        policy report application app ref reference account acct claim ticket project contract
        motion item licence license registration roll lot plan serial model part po request
        complaint incident bid rfp rfq rfi agenda page pages section docket folio receipt
        transaction confirmation tracking booking reservation job unit id batch parcel pin
        asset meter route bus flight version isbn code amendment schedule appendix bill
        cheque check program grant fund budget ward meeting webinar conference zoom passcode
        password access"""
    )
)
_NUMBER_WORDS = frozenset(("no", "nos", "number", "num", "nbr", "#", "n°"))


def labelled_as_reference(text: str, start: int) -> bool:
    """True when the words just before `start` name a reference number, not a person's."""
    window = text[max(0, start - 32) : start].rstrip()
    if window.endswith("$"):
        return True
    words = window.lower().split()
    if not words:
        return False
    last = words[-1].strip(".:#,")
    if last in _REFERENCE_LABELS:
        return True
    # "By-law No.", "Permit #", "file number": the label is the word before.
    return (
        (not last or last in _NUMBER_WORDS)
        and len(words) > 1
        and (words[-2].strip(".:#,") in _REFERENCE_LABELS)
    )
