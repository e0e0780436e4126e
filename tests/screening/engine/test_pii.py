from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.screening.engine.pii import PersonalInformationDetector
from app.screening.engine.pii_common import luhn_valid
from app.screening.engine.vocabulary import Category, Hit, Severity

OFFICIAL = (
    "613-580-2400",
    "+1 (613) 580-2401 ext. 7",
    "Info@Ottawa.ca",
    "110 Laurier Avenue West, Ottawa, ON K1P 1J1",
)
DETECTOR = PersonalInformationDetector(allowed_contacts=OFFICIAL)


def found(text: str) -> list[tuple[str | None, str]]:
    return [(hit.subtype, text[hit.start : hit.end]) for hit in DETECTOR.find(text)]


def subtypes(text: str) -> set[str | None]:
    return {hit.subtype for hit in DETECTOR.find(text)}


# Phone numbers


@pytest.mark.parametrize(
    "number",
    [
        "(613) 555-0143",
        "613-555-0143",
        "613.555.0143",
        "+1 613 555 0143",
        "1-800-555-0199",
        "416 555 0199",
        "+1 (604) 555-0123",
    ],
)
def test_phone_number_formats_are_found_with_exact_span(number: str) -> None:
    assert found(f"Please reach me on {number} after six.") == [("phone", number)]


def test_ten_bare_digits_are_a_phone_number_when_calling_is_mentioned() -> None:
    assert found("my cell is 6135550143 thanks") == [("phone", "6135550143")]


def test_ten_bare_digits_without_phone_context_are_not_a_phone_number() -> None:
    assert found("Reference 2024112100 was closed on schedule.") == []
    assert found("The total came to 4165550199 points") == []


def test_extension_belongs_to_the_phone_number() -> None:
    assert found("Call 212-555-0100 ext. 204 today") == [("phone", "212-555-0100 ext. 204")]


def test_number_with_an_area_code_that_does_not_exist_is_not_a_phone_number() -> None:
    assert found("call 613-123-4567 now") == []


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is on 2024-11-21 at City Hall.",
        "Submit by 11/21/2024 at noon.",
        "By-law 2024-123 takes effect today.",
        "Bylaw No. 2021-45 was repealed.",
        "Permit 123-4567 was issued.",
        "Tender T-2024-0457 closes Friday.",
        "Invoice #555-1234 is overdue.",
        "Resolution 2024-187 passed.",
        "The budget is $1,234,567.89 for 2021-2024.",
        "Doors open at 10:30 and close at 16:45.",
        "Mail it to K1A 0B1.",
        "Permit No. 416-555-0199 was renewed.",
        "File number: 613 555 0143",
        "Account #604-555-0123 is closed.",
        "It cost $6135550143 in total.",
    ],
)
def test_reference_numbers_dates_and_money_are_not_phone_numbers(text: str) -> None:
    assert "phone" not in subtypes(text)


def test_official_city_phone_number_is_not_reported_in_any_format() -> None:
    assert found("Call (613) 580-2400 or +1 613 580 2400 or 613.580.2400.") == []


def test_official_number_with_its_listed_extension_only_is_allowed() -> None:
    assert found("Dial 613-580-2401 ext. 7 for help") == []
    assert found("Dial 613-580-2401 ext. 9 for help") == [("phone", "613-580-2401 ext. 9")]


def test_international_number_is_found() -> None:
    assert found("My London number is +44 20 7946 0958.") == [("phone", "+44 20 7946 0958")]


# Email addresses


def test_email_address_is_found_with_exact_span() -> None:
    assert found("Write to jane.doe+x@example.org, please.") == [
        ("email", "jane.doe+x@example.org")
    ]


def test_official_email_address_is_allowed_whatever_its_case() -> None:
    assert found("Questions? INFO@ottawa.CA answers.") == []


@pytest.mark.parametrize("text", ["Follow @CityOfOttawa", "meet me @ 5", "user@localhost"])
def test_handles_and_addresses_without_a_domain_are_not_emails(text: str) -> None:
    assert "email" not in subtypes(text)


# National identity numbers


@pytest.mark.parametrize("sin", ["130 692 544", "130-692-544", "130692544", "276 543 212"])
def test_luhn_valid_social_insurance_number_is_found(sin: str) -> None:
    hits = DETECTOR.find(f"My SIN is {sin}.")
    assert [(hit.subtype, hit.detector) for hit in hits] == [("national_id", "pii.sin")]


@pytest.mark.parametrize("sin", ["130 692 545", "130-692-540", "276543213"])
def test_luhn_invalid_nine_digits_are_not_a_social_insurance_number(sin: str) -> None:
    assert found(f"My SIN is {sin}.") == []


def test_social_insurance_number_cannot_start_with_zero_or_eight() -> None:
    assert luhn_valid("046454286")
    assert found("SIN 046 454 286") == []


def test_valid_social_security_number_is_found() -> None:
    hits = DETECTOR.find("SSN 123-45-6789 on file")
    assert [(hit.detector, hit.start, hit.end) for hit in hits] == [("pii.ssn", 4, 15)]


@pytest.mark.parametrize(
    "ssn",
    ["000-12-3456", "666-12-3456", "900-12-3456", "999-45-6789", "123-00-4567", "123-45-0000"],
)
def test_social_security_numbers_breaking_the_numbering_rules_are_not_found(ssn: str) -> None:
    assert found(f"SSN {ssn}") == []


def test_plain_nine_digit_social_security_number_needs_context() -> None:
    assert [hit.detector for hit in DETECTOR.find("her social security number is 123456789")] == [
        "pii.ssn"
    ]
    assert found("order 123456789 shipped") == []


# Payment cards


@pytest.mark.parametrize(
    "card",
    [
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "5555555555554444",
        "3782 822463 10005",
        "6011 1111 1111 1117",
        "2223 0031 2200 3222",
    ],
)
def test_luhn_valid_card_with_known_prefix_is_found(card: str) -> None:
    assert found(f"card {card} exp soon") == [("credit_card", card)]


def test_luhn_invalid_card_number_is_not_found() -> None:
    assert found("card 4111 1111 1111 1112") == []


def test_luhn_valid_number_with_unknown_prefix_is_not_a_card() -> None:
    assert luhn_valid("9111111111111110")
    assert "credit_card" not in subtypes("ref 9111 1111 1111 1110")


def test_expiry_after_card_number_is_left_out_of_the_span() -> None:
    assert found("4012 8888 8888 1881 0925") == [("credit_card", "4012 8888 8888 1881")]


def _visa_numbers() -> st.SearchStrategy[str]:
    def complete(body: str) -> str:
        return next(body + check for check in "0123456789" if luhn_valid(body + check))

    return st.text(alphabet="0123456789", min_size=14, max_size=14).map(lambda d: complete("4" + d))


def _grouped(digits: str, cuts: list[int], separator: str) -> str:
    positions = sorted(set(cuts))
    parts, last = [], 0
    for position in positions:
        parts.append(digits[last:position])
        last = position
    parts.append(digits[last:])
    return separator.join(part for part in parts if part)


@given(
    card=_visa_numbers(),
    cuts=st.lists(st.integers(min_value=1, max_value=15), max_size=5),
    separator=st.sampled_from([" ", "-"]),
)
def test_any_luhn_valid_visa_number_in_any_grouping_is_found_with_exact_span(
    card: str, cuts: list[int], separator: str
) -> None:
    written = _grouped(card, cuts, separator)
    text = f"Paid with {written} yesterday."
    hits = [hit for hit in DETECTOR.find(text) if hit.subtype == "credit_card"]
    assert [(hit.start, hit.end) for hit in hits] == [(10, 10 + len(written))]


@given(
    card=_visa_numbers(),
    position=st.integers(min_value=1, max_value=15),
    change=st.integers(min_value=1, max_value=9),
)
def test_changing_one_digit_of_a_visa_number_breaks_it(
    card: str, position: int, change: int
) -> None:
    digit = str((int(card[position]) + change) % 10)
    broken = card[:position] + digit + card[position + 1 :]
    assert not luhn_valid(broken)
    assert "credit_card" not in subtypes(f"Paid with {broken} yesterday.")


# Addresses


@pytest.mark.parametrize(
    "address",
    [
        "123 Main Street",
        "45 Elm St. Apt 4",
        "1200 Lakeshore Blvd W",
        "12-345 King St E",
        "PO Box 123",
        "77 5th Avenue",
        "1234 rue Sainte-Catherine Ouest",
    ],
)
def test_street_addresses_are_found_with_exact_span(address: str) -> None:
    assert found(f"She moved to {address} last year.") == [("address", address)]


def test_street_address_in_lower_case_needs_an_address_phrase() -> None:
    assert found("i live at 45 elm street now") == [("address", "45 elm street")]
    assert found("I have 3 kids on the street") == []


def test_year_before_a_street_name_is_not_a_civic_number() -> None:
    assert found("The 2024 Main Street festival was a success.") == []


def test_canadian_postal_code_is_found_on_its_own() -> None:
    assert found("Mail K2P 1L4 today") == [("address", "K2P 1L4")]


def test_lower_case_compact_postal_code_needs_address_context() -> None:
    assert found("my postal code is k2p1l4") == [("address", "k2p1l4")]
    assert found("the wifi key is k2p1l4") == []


def test_zip_code_is_found_after_a_state_or_zip_label() -> None:
    assert found("Springfield, IL 62701") == [("address", "62701")]
    assert found("zip code 12345-6789") == [("address", "12345-6789")]


def test_bare_five_digit_number_is_not_a_zip_code() -> None:
    assert found("Attendance reached 12345 people.") == []


def test_official_city_address_is_allowed_in_short_form() -> None:
    assert found("Visit us at 110 Laurier Ave W, Ottawa K1P 1J1.") == []


# Dates of birth


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("He was born on March 3, 1985 in Ottawa.", "March 3, 1985"),
        ("DOB: 1985-03-03", "1985-03-03"),
        ("date of birth 03/03/1985", "03/03/1985"),
        ("my birthday is 3 March 1985", "3 March 1985"),
    ],
)
def test_date_introduced_as_a_birth_date_is_a_date_of_birth(text: str, date: str) -> None:
    assert found(text) == [("date_of_birth", date)]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is on March 3, 1985.",
        "Born in Ottawa. The hall reopens 2024-03-03.",
        "The city's birthday party is on July 1, 2026.",
    ],
)
def test_date_without_birth_context_is_not_a_date_of_birth(text: str) -> None:
    assert "date_of_birth" not in subtypes(text)


# Health information


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("John Smith has cancer.", "John Smith has cancer"),
        ("Mrs. Lee was diagnosed with diabetes.", "Mrs. Lee was diagnosed with diabetes"),
        ("my neighbour Bob is HIV positive", "my neighbour Bob is HIV positive"),
        ("Councillor Jones is in rehab.", "Councillor Jones is in rehab"),
        ("Sadly Bob Brown overdosed last week.", "Bob Brown overdosed"),
        ("I heard Dr. Patel's surgery went well.", "Dr. Patel's surgery"),
    ],
)
def test_health_condition_of_a_named_person_is_health_information(text: str, span: str) -> None:
    assert found(text) == [("health", span)]


@pytest.mark.parametrize(
    "text",
    [
        "The city's cancer screening clinic opens Monday.",
        "Residents with diabetes can get help at the centre.",
        "Public Health has COVID vaccines for everyone.",
        "Mayor Watson announced that the hospital will expand.",
    ],
)
def test_health_words_without_a_named_person_are_not_personal(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("OHIP 1234-567-890 AB", "1234-567-890 AB"),
        ("health card number 9876543210", "9876543210"),
        ("PHN: 9123 456 789", "9123 456 789"),
        ("RAMQ ABCD 1234 5678", "ABCD 1234 5678"),
    ],
)
def test_health_card_number_after_its_name_is_health_information(text: str, number: str) -> None:
    hits = DETECTOR.find(text)
    assert [(hit.detector, text[hit.start : hit.end]) for hit in hits] == [
        ("pii.health_card", number)
    ]


# Hits as a whole


def test_hits_are_sensitive_personal_information_with_the_subtype_severity() -> None:
    text = "SIN 130 692 544, phone 613-555-0143, DOB 1985-03-03"
    hits = DETECTOR.find(text)
    assert all(hit.category is Category.PERSONAL_INFORMATION and hit.sensitive for hit in hits)
    assert [(hit.subtype, hit.severity) for hit in hits] == [
        ("national_id", Severity.CRITICAL),
        ("phone", Severity.HIGH),
        ("date_of_birth", Severity.HIGH),
    ]


def test_hits_are_sorted_and_do_not_overlap() -> None:
    text = "OHIP 6135550143 and email a@b.ca then call 416-555-0199 or my SIN 130692544"
    hits = DETECTOR.find(text)
    assert [hit.start for hit in hits] == sorted(hit.start for hit in hits)
    assert all(first.end <= second.start for first, second in itertools.pairwise(hits))
    assert hits[0].detector == "pii.health_card"


def _explanations(hits: list[Hit]) -> str:
    return " ".join(hit.explanation for hit in hits)


def test_explanations_never_repeat_the_personal_information() -> None:
    text = (
        "Jane (jane@example.org, 613-555-0143, SIN 130 692 544, card 4111 1111 1111 1111) "
        "lives at 123 Main Street, K2P 1L4, born on 1985-03-03, OHIP 1234-567-890."
    )
    hits = DETECTOR.find(text)
    assert len(hits) == 8
    explanations = _explanations(hits)
    assert not any(char.isdigit() for char in explanations)
    assert "jane" not in explanations.lower()


def test_text_without_personal_information_has_no_hits() -> None:
    text = "The community centre reopens on Monday, November 25, 2024 at 9 a.m. Room 204."
    assert DETECTOR.find(text) == []
