"""Home addresses: street addresses, post office boxes, Canadian postal codes and US ZIP
codes, with the official city addresses left out."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from app.screening.engine.pii_common import personal_hit, scan_pattern
from app.screening.engine.vocabulary import Hit, PersonalInformation

ADDRESS = PersonalInformation.ADDRESS

_STREET_TYPES = (
    "street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|crescent|cres|"
    "crt|place|pl|way|terrace|terr|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|"
    "gate|grove|heights|hts|line|sideroad|concession|close|mews|row|path|walk|landing|"
    "promenade|private|pvt|alley|expressway|loop|ridge|glen|gardens|gdns|common|plaza|"
    "point|pt|bay|vale"
)
_SUFFIX = (
    r"(?:\s+(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW|Nord|Sud|Est|Ouest)\b\.?)?"
    r"(?:,?\s+(?:(?i:apt|apartment|unit|suite|ste|room|rm|floor|fl)\b\.?|#)\s*#?\s*"
    r"[A-Za-z0-9-]{1,6}\b)?"
)
_NAME_WORD = r"(?:[A-Za-z][A-Za-z'.-]*|\d{1,3}(?i:st|nd|rd|th))"
STREET_PATTERN = (
    r"\b(?:(?i:unit|apt|suite)\.?\s*[A-Za-z0-9-]{1,5},?\s+)?"
    r"(\d{1,6}[A-Za-z]?(?:-\d{1,6}[A-Za-z]?)?)\s+"
    r"(?:"
    rf"((?:{_NAME_WORD}\s+){{1,4}}?)(?i:{_STREET_TYPES})\b\.?"
    r"|(?i:rue|avenue|boulevard|boul|chemin|ch|route|rang|place|côte|montée)\s+"
    r"[A-Z][A-Za-zÀ-ÿ'.-]*(?:\s+[A-Z][A-Za-zÀ-ÿ'.-]*){0,3}"
    r")"
    rf"{_SUFFIX}"
)
_STREET = scan_pattern(STREET_PATTERN)
PO_BOX_PATTERN = (
    r"(?i:\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box|case\s+postale|rr|rural\s+route)\s*#?\s*)"
    r"\d{1,6}\b"
)
_PO_BOX = scan_pattern(PO_BOX_PATTERN)
POSTAL_CODE_PATTERN = r"\b(?i:[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d)\b"
_POSTAL_CODE = scan_pattern(POSTAL_CODE_PATTERN)
ZIP_PATTERN = r"\b\d{5}(?:-\d{4})?\b"
_ZIP = scan_pattern(ZIP_PATTERN)

# A street name in lower case ("45 elm street") is only believed right after words that
# announce an address: otherwise "3 kids on the street" would be one.
_LOWERCASE_NAME_CONTEXT = re.compile(
    r"\b(?:lives?|living|lived|resides?|residing|moved|address(?:\s+is)?|located|house|home|"
    r"apartment|condo)\b(?:\s+(?:is|at|on|to|now|in))*\s*:?\s*$",
    re.IGNORECASE,
)
# Small words inside proper street names: "Prince of Wales Drive", "Chemin de la Montagne".
_NAME_PARTICLES = frozenset(("of", "the", "and", "de", "du", "des", "la", "le", "les"))
_YEAR_BEFORE = re.compile(r"\b(?:the|in|since|of|for|by|until|from)\s*$", re.IGNORECASE)
_ADDRESS_CONTEXT = re.compile(
    r"\b(?:zip|zip\s*code|postal(?:\s+code)?|code\s+postal|address|mailing|mail|lives?|"
    r"living|reside[sd]?|located)\b",
    re.IGNORECASE,
)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
_ZIP_CONTEXT = re.compile(
    rf"(?:\b(?:{_STATES})\.?|\b(?:{_STATE_NAMES})|(?i:\bzip(?:\s*code)?|\bpostal\s+code|"
    r"\bmailing\s+address|\baddress))[\s,:#]*$"
)
_ABBREVIATIONS = {
    "st": "street", "ave": "avenue", "av": "avenue", "rd": "road", "blvd": "boulevard",
    "dr": "drive", "ln": "lane", "ct": "court", "crt": "court", "cres": "crescent",
    "pl": "place", "terr": "terrace", "cir": "circle", "pkwy": "parkway", "hwy": "highway",
    "trl": "trail", "sq": "square", "hts": "heights", "pvt": "private", "pt": "point",
    "n": "north", "s": "south", "e": "east", "w": "west", "apt": "unit", "suite": "unit",
    "ste": "unit", "boul": "boulevard", "ch": "chemin",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def normalise_address(text: str) -> str:
    """A loose comparison form: lower case, no punctuation, street words spelt out."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in _WORD.findall(text.lower()))


KINDS = frozenset(("street", "po_box", "postal_code", "zip"))
PATTERNS = {
    "street": STREET_PATTERN,
    "po_box": PO_BOX_PATTERN,
    "postal_code": POSTAL_CODE_PATTERN,
    "zip": ZIP_PATTERN,
}


class AddressFinder:
    """Finds addresses, except those listed as official city addresses."""

    def __init__(self, official_addresses: Iterable[str]) -> None:
        self._official = [normalise_address(address) for address in official_addresses]
        self._official_postal_codes = {
            code.replace(" ", "").replace("-", "").lower()
            for address in official_addresses
            for code in (match.group() or "" for match in _POSTAL_CODE.finditer(address))
        }

    def find(self, text: str, kinds: Container[str] = KINDS) -> list[Hit]:
        """Street addresses, PO boxes, postal codes and ZIP codes in address context; only the
        `kinds` (from `KINDS`) a prefilter saw in the text are looked for."""
        hits: list[Hit] = []
        street_ends: list[int] = []
        streets = _STREET.finditer(text) if "street" in kinds else ()
        for match in streets:
            start, end = match.start(), match.end()
            found = match.group() or ""
            if not self._street_is_personal(text, found, match.group(2), start):
                continue
            if found.endswith(".") and found[:-1].rsplit(None, 1)[-1].lower() not in _ABBREVIATIONS:
                end -= 1  # the full stop of the sentence, not of an abbreviation
            street_ends.append(end)
            hits.append(
                personal_hit(
                    ADDRESS,
                    start,
                    end,
                    "pii.address",
                    "a street address that is not an official city address",
                )
            )
        for match in _PO_BOX.finditer(text) if "po_box" in kinds else ():
            if not self._is_official(match.group() or ""):
                hits.append(
                    personal_hit(
                        ADDRESS, match.start(), match.end(), "pii.address", "a post office box"
                    )
                )
        for match in _POSTAL_CODE.finditer(text) if "postal_code" in kinds else ():
            code = match.group() or ""
            compact = code.replace(" ", "").replace("-", "").lower()
            if compact in self._official_postal_codes:
                continue
            # "k1a0b1" in lower case could be any code word: only in an address sentence.
            if (
                compact == code.lower()
                and not code.isupper()
                and not _ADDRESS_CONTEXT.search(text, max(0, match.start() - 60), match.start())
            ):
                continue
            hits.append(
                personal_hit(
                    ADDRESS, match.start(), match.end(), "pii.postal_code", "a postal code"
                )
            )
        for match in _ZIP.finditer(text) if "zip" in kinds else ():
            start = match.start()
            if _ZIP_CONTEXT.search(text[max(0, start - 40) : start]) or any(
                0 <= start - street_end <= 40 for street_end in street_ends
            ):
                hits.append(personal_hit(ADDRESS, start, match.end(), "pii.zip", "a ZIP code"))
        return hits

    def _street_is_personal(self, text: str, found: str, name: str | None, start: int) -> bool:
        number = found.split(None, 1)[0]
        looks_like_year = len(number) == 4 and number[:2] in ("19", "20") and number.isdigit()
        if looks_like_year and _YEAR_BEFORE.search(text, max(0, start - 12), start):
            return False  # "the 2024 Main Street festival"
        lower_case_name = any(
            word[0].islower() and word not in _NAME_PARTICLES for word in (name or "").split()
        )
        if lower_case_name and not _LOWERCASE_NAME_CONTEXT.search(text[max(0, start - 40) : start]):
            return False
        return not self._is_official(found)

    def _is_official(self, found: str) -> bool:
        key = normalise_address(found)
        return any(
            official == key or official.startswith(key + " ") or key.startswith(official + " ")
            for official in self._official
        )
