"""Personal-information detection: phone numbers, email addresses, home addresses, national
identity numbers, payment cards, dates of birth and health information, minus the city's
own published contacts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.screening.engine import pii_addresses
from app.screening.engine.pii_addresses import AddressFinder
from app.screening.engine.pii_common import PatternSet, personal_hit
from app.screening.engine.pii_context import (
    BIRTH_WORDS_PATTERN,
    DATE_PATTERN,
    HEALTH_TERM_PATTERN,
    find_dates_of_birth,
    find_health_details,
)
from app.screening.engine.pii_numbers import (
    CARD_PATTERN,
    HEALTH_CARD_PATTERN,
    INTERNATIONAL_PHONE_PATTERN,
    NATIONAL_ID_PATTERN,
    PHONE_PATTERN,
    find_health_card_numbers,
    find_national_ids,
    find_payment_cards,
    find_phones,
    phone_key,
)
from app.screening.engine.vocabulary import Hit, PersonalInformation

# Every detector's own pattern, in one RE2 set: one linear pass over the text says which
# detectors have anything to look at, so a text without personal information costs one scan.
_GATES = (
    ("email", "@"),
    ("phone", PHONE_PATTERN),
    ("international_phone", INTERNATIONAL_PHONE_PATTERN),
    ("national_id", NATIONAL_ID_PATTERN),
    ("card", CARD_PATTERN),
    *pii_addresses.PATTERNS.items(),
    ("birth", BIRTH_WORDS_PATTERN),
    ("date", DATE_PATTERN),
    ("health_card", HEALTH_CARD_PATTERN),
    ("health_term", HEALTH_TERM_PATTERN),
)
_GATE_NAMES = tuple(name for name, _ in _GATES)

# Found around each "@": the local part backwards, the domain (with a top-level domain) forwards.
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&*+/=?^_~-]+(?:\.[A-Za-z0-9!#$%&*+/=?^_~-]+)*\Z")
_EMAIL_DOMAIN = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b")
_EMAIL_ADDRESS = re.compile(_EMAIL_LOCAL.pattern[:-2] + "@" + _EMAIL_DOMAIN.pattern)

# When two findings overlap, the more specific one names the span: a health card number
# before the phone number its ten digits also make, a card before a SIN, and so on.
_SPECIFICITY = {
    "pii.health_card": 9,
    "pii.credit_card": 8,
    "pii.ssn": 7,
    "pii.sin": 6,
    "pii.health": 5,
    "pii.date_of_birth": 4,
    "pii.email": 3,
    "pii.phone": 2,
    "pii.address": 1,
}


class PersonalInformationDetector:
    """Finds personal information in a text, leaving out the official city contacts."""

    def __init__(self, *, allowed_contacts: Iterable[str] = (), default_region: str = "CA") -> None:
        emails: set[str] = set()
        phones: set[str] = set()
        addresses: list[str] = []
        for raw in allowed_contacts:
            contact = raw.strip()
            if not contact:
                continue
            if _EMAIL_ADDRESS.fullmatch(contact):
                emails.add(contact.lower())
                continue
            key = phone_key(contact, default_region) if _looks_like_phone(contact) else None
            if key is not None:
                phones.add(key)
            else:
                addresses.append(contact)
        self._allowed_emails = frozenset(emails)
        self._allowed_phones = frozenset(phones)
        self._addresses = AddressFinder(addresses)
        self._gates = PatternSet([pattern for _, pattern in _GATES])

    def find(self, text: str) -> list[Hit]:
        """Personal information in `text`, sorted by start, without overlaps."""
        present = self._gates.present(text)
        if not present:
            return []
        seen = {_GATE_NAMES[index] for index in present}
        found: list[Hit] = []
        if "email" in seen:
            found.extend(self._emails(text))
        if "phone" in seen or "international_phone" in seen:
            found.extend(
                find_phones(text, self._allowed_phones, international="international_phone" in seen)
            )
        if "national_id" in seen:
            found.extend(find_national_ids(text))
        if "card" in seen:
            found.extend(find_payment_cards(text))
        if not seen.isdisjoint(pii_addresses.KINDS):
            found.extend(self._addresses.find(text, seen))
        if "birth" in seen and "date" in seen:
            found.extend(find_dates_of_birth(text))
        if "health_card" in seen:
            found.extend(find_health_card_numbers(text))
        if "health_term" in seen:
            found.extend(find_health_details(text))
        return _without_overlaps(found)

    def _emails(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        at = text.find("@")
        while at != -1:
            local = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
            domain = _EMAIL_DOMAIN.match(text, at + 1)
            if local and domain:
                address = text[local.start() : domain.end()]
                if address.lower() not in self._allowed_emails:
                    hits.append(
                        personal_hit(
                            PersonalInformation.EMAIL,
                            local.start(),
                            domain.end(),
                            "pii.email",
                            "an email address that is not an official city contact",
                        )
                    )
            at = text.find("@", at + 1)
        return hits


def _looks_like_phone(contact: str) -> bool:
    digits = sum(char.isdigit() for char in contact)
    letters = sum(char.isalpha() for char in contact)
    return digits >= 10 and letters <= len("extension")


def _without_overlaps(found: list[Hit]) -> list[Hit]:
    if len(found) < 2:
        return found
    ranked = sorted(
        found,
        key=lambda hit: (
            -(hit.severity.rank if hit.severity else 0),
            -_SPECIFICITY.get(hit.detector, 0),
            hit.start - hit.end,
            hit.start,
        ),
    )
    kept: list[Hit] = []
    for hit in ranked:
        if all(hit.end <= other.start or other.end <= hit.start for other in kept):
            kept.append(hit)
    kept.sort(key=lambda hit: hit.start)
    return kept
