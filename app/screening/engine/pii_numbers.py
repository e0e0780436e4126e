"""Personal numbers: phone numbers, Social Insurance and Social Security numbers, payment
cards and health card numbers, each found by a cheap pattern and confirmed by a validator."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

import phonenumbers

from app.screening.engine.pii_common import (
    labelled_as_reference,
    luhn_valid,
    only_digits,
    personal_hit,
    scan_pattern,
    stands_alone,
)
from app.screening.engine.vocabulary import Hit, PersonalInformation

PHONE = PersonalInformation.PHONE
NATIONAL_ID = PersonalInformation.NATIONAL_ID
CREDIT_CARD = PersonalInformation.CREDIT_CARD
HEALTH = PersonalInformation.HEALTH

PHONE_PATTERN = (
    r"((?:\+ ?1[ .-]?|\b1[ .-]?)?(?:\(\d{3}\)[ .-]?|\b\d{3}[ ./-]?)\d{3}[ .-]?\d{4})\b"
    r"(?: *,? *(?:(?i:ext|extension|poste)\.?|[xX]) *(\d{1,6})\b)?"
)
_NORTH_AMERICAN_PHONE = scan_pattern(PHONE_PATTERN)
INTERNATIONAL_PHONE_PATTERN = r"\+[2-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,5}\d"
_INTERNATIONAL_PHONE = scan_pattern(INTERNATIONAL_PHONE_PATTERN)
# Ten bare digits are as often an account or file number as a phone number: they count only
# when the sentence is talking about calling someone.
_PHONE_CONTEXT = re.compile(
    r"\b(?:call|calling|phone|tel|telephone|cell|cellphone|mobile|text|txt|fax|reach|contact|"
    r"number|ring|dial|whatsapp|sms|voicemail|home|work)\b",
    re.IGNORECASE,
)

NATIONAL_ID_PATTERN = (
    r"\b(?:\d{3}-\d{3}-\d{3}|\d{3} \d{3} \d{3}|\d{9}|\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})\b"
)
_NATIONAL_ID = scan_pattern(NATIONAL_ID_PATTERN)
_SSN_CONTEXT = re.compile(r"\b(?:ssn|social\s+security|ss#|ss\s+no)", re.IGNORECASE)

CARD_PATTERN = r"\b\d(?:[ -]?\d){12,18}\b"
_CARD = scan_pattern(CARD_PATTERN)
_CARD_GROUPS = re.compile(r"\d+")

HEALTH_CARD_PATTERN = (
    r"(?i:\b(?:health(?:\s+care)?\s+(?:card|insurance|number|no)|ohip|phn|ramq|medicare|msp|"
    r"ahcip|hcn|personal\s+health|health\s+services\s+number|carte\s+(?:santé|soleil)|"
    r"assurance[\s-]maladie)\b)[^\d\n]{0,30}?"
    r"\b(\d{4}[ -]?\d{3}[ -]?\d{3}(?:[ -]?[A-Z]{2})?|\d[\d -]{6,12}\d"
    r"|[A-Z]{4}[ -]?\d{4}[ -]?\d{4})\b"
)
_HEALTH_CARD = scan_pattern(HEALTH_CARD_PATTERN)


@lru_cache(maxsize=4096)
def _valid_north_american(national_number: int) -> bool:
    """Whether the ten-digit North American number is in service according to phonenumbers."""
    area, exchange = national_number // 10_000_000, national_number // 10_000 % 1000
    # NANP area codes and exchanges never start with 0 or 1: no need to ask the metadata.
    if area < 200 or exchange < 200:
        return False
    number = phonenumbers.PhoneNumber(country_code=1, national_number=national_number)
    return phonenumbers.is_valid_number(number)


def phone_key(text: str, default_region: str) -> str | None:
    """The E.164 form of a phone number (with ";ext=" when it has one), None if not a number."""
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164};ext={number.extension}" if number.extension else e164


def find_phones(text: str, allowed: Collection[str], *, international: bool = True) -> list[Hit]:
    """Valid phone numbers that are not in `allowed` (E.164 keys, see `phone_key`); numbers
    with another country code only when `international`."""
    hits: list[Hit] = []
    for match in _NORTH_AMERICAN_PHONE.finditer(text):
        start, end = match.start(), match.end()
        number = match.group(1) or ""
        if not stands_alone(text, start, end) or labelled_as_reference(text, start):
            continue
        digits = only_digits(number)
        if len(digits) == 11:
            if digits[0] != "1":
                continue
            digits = digits[1:]
        if len(digits) != 10:
            continue
        if number.isdigit() and not _PHONE_CONTEXT.search(text, max(0, start - 40), start):
            continue
        if not _valid_north_american(int(digits)):
            continue
        key = "+1" + digits
        extension = match.group(2)
        if key in allowed or (extension and f"{key};ext={extension}" in allowed):
            continue
        hits.append(
            personal_hit(
                PHONE,
                start,
                end,
                "pii.phone",
                "a phone number that is not an official city contact",
            )
        )
    if international:
        hits.extend(_international_phones(text, allowed))
    return hits


def _international_phones(text: str, allowed: Collection[str]) -> list[Hit]:
    hits: list[Hit] = []
    for match in _INTERNATIONAL_PHONE.finditer(text):
        start, end = match.start(), match.end()
        if not stands_alone(text, start, end):
            continue
        key = phone_key(match.group() or "", "ZZ")
        if key is None or key in allowed:
            continue
        hits.append(
            personal_hit(
                PHONE,
                start,
                end,
                "pii.phone",
                "a phone number that is not an official city contact",
            )
        )
    return hits


def _valid_ssn(digits: str) -> bool:
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _valid_sin(digits: str) -> bool:
    return digits[0] not in "08" and luhn_valid(digits)


def find_national_ids(text: str) -> list[Hit]:
    """Canadian Social Insurance Numbers (Luhn valid) and US Social Security Numbers."""
    hits: list[Hit] = []
    for match in _NATIONAL_ID.finditer(text):
        start, end = match.start(), match.end()
        if not stands_alone(text, start, end) or labelled_as_reference(text, start):
            continue
        raw = match.group() or ""
        digits = only_digits(raw)
        if len(raw) == 11 and raw[6] in "- ":
            if _valid_ssn(digits):
                hits.append(_ssn_hit(start, end))
        elif len(raw) == 9 and _SSN_CONTEXT.search(text, max(0, start - 40), start):
            if _valid_ssn(digits):
                hits.append(_ssn_hit(start, end))
            elif _valid_sin(digits):
                hits.append(_sin_hit(start, end))
        elif _valid_sin(digits):
            hits.append(_sin_hit(start, end))
    return hits


def _ssn_hit(start: int, end: int) -> Hit:
    return personal_hit(NATIONAL_ID, start, end, "pii.ssn", "a US Social Security Number")


def _sin_hit(start: int, end: int) -> Hit:
    explanation = "a Social Insurance Number (checksum valid)"
    return personal_hit(NATIONAL_ID, start, end, "pii.sin", explanation)


def card_brand(digits: str) -> str | None:
    """The card network whose numbering (prefix and length) the digits follow, if any."""
    length = len(digits)
    two, four = int(digits[:2]), int(digits[:4])
    if digits[0] == "4" and length in (13, 16, 19):
        return "Visa"
    if (51 <= two <= 55 or 2221 <= four <= 2720) and length == 16:
        return "Mastercard"
    if two in (34, 37) and length == 15:
        return "American Express"
    if (four == 6011 or two == 65 or 644 <= four // 10 <= 649) and 16 <= length <= 19:
        return "Discover"
    if (300 <= four // 10 <= 305 or two in (36, 38, 39)) and 14 <= length <= 19:
        return "Diners Club"
    if 3528 <= four <= 3589 and 16 <= length <= 19:
        return "JCB"
    if two == 62 and 16 <= length <= 19:
        return "UnionPay"
    return None


def find_payment_cards(text: str) -> list[Hit]:
    """Card numbers with a known network prefix and length that pass the Luhn check."""
    hits: list[Hit] = []
    for match in _CARD.finditer(text):
        start = match.start()
        raw = match.group() or ""
        groups = [(group.start(), group.end()) for group in _CARD_GROUPS.finditer(raw)]
        # A card number followed by an expiry or a CVV ("4111 1111 1111 1111 0925") runs on:
        # drop trailing groups until a valid card number remains.
        while groups:
            last = groups[-1][1]
            digits = only_digits(raw[:last])
            if len(digits) < 13:
                break
            if len(digits) <= 19 and luhn_valid(digits) and card_brand(digits):
                if stands_alone(text, start, start + last):
                    hits.append(
                        personal_hit(
                            CREDIT_CARD,
                            start,
                            start + last,
                            "pii.credit_card",
                            "a payment card number (checksum valid)",
                        )
                    )
                break
            groups.pop()
    return hits


def find_health_card_numbers(text: str) -> list[Hit]:
    """Provincial health card numbers introduced by words such as "OHIP" or "health card"."""
    hits: list[Hit] = []
    for match in _HEALTH_CARD.finditer(text):
        start, end = match.start(1), match.end(1)
        digit_count = sum(char.isdigit() for char in match.group(1) or "")
        if 8 <= digit_count <= 12 and stands_alone(text, start, end):
            hits.append(personal_hit(HEALTH, start, end, "pii.health_card", "a health card number"))
    return hits
