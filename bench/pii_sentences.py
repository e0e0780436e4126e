"""Labelled sentences for bench/pii_quality.py: North American personal information in
varied formats and phrasings, and the hard negatives of a city's posts and comments."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import phonenumbers

from app.screening.engine.pii_common import luhn_valid


@dataclass
class Sentence:
    text: str = ""
    labels: list[tuple[str, int, int]] = field(default_factory=list)

    def add(self, piece: str, subtype: str | None = None) -> Sentence:
        if subtype:
            self.labels.append((subtype, len(self.text), len(self.text) + len(piece)))
        self.text += piece
        return self


def fill(template: str, value: str, subtype: str | None) -> Sentence:
    before, after = template.split("{}")
    return Sentence().add(before).add(value, subtype).add(after)


FIRST = "Amir Beth Carlos Dana Émile Fatima Gord Hannah Ivan Jia Kevin Léa Marcus Nadia Owen Priya"
LAST = "Tremblay Nguyen MacDonald Singh Roy Kowalski Chen Okafor Gagnon Murphy Haddad Li Fraser"
FIRSTS, LASTS = FIRST.split(), LAST.split()
AREAS = (613, 343, 416, 647, 437, 905, 289, 604, 778, 403, 587, 514, 438, 204, 902, 212, 415)
AREAS_US = (312, 617, 202, 305, 503, 206, 718)


def phone(rng: random.Random) -> tuple[str, bool]:
    """A number phonenumbers accepts, in a random written form; True when bare digits."""
    while True:
        area = rng.choice(AREAS + AREAS_US)
        exchange, line = rng.randint(200, 999), rng.randint(0, 9999)
        number = phonenumbers.PhoneNumber(
            country_code=1, national_number=int(f"{area}{exchange}{line:04d}")
        )
        if phonenumbers.is_valid_number(number):
            break
    a, e, s = str(area), str(exchange), f"{line:04d}"
    forms = [
        f"({a}) {e}-{s}",
        f"{a}-{e}-{s}",
        f"{a}.{e}.{s}",
        f"{a} {e} {s}",
        f"+1 {a} {e} {s}",
        f"1-{a}-{e}-{s}",
        f"+1-{a}-{e}-{s}",
        f"+1 ({a}) {e}-{s}",
        f"({a}){e}-{s}",
        a + e + s,
        f"{a} {e}-{s}",
        f"1 ({a}) {e}-{s}",
        f"+1.{a}.{e}.{s}",
        f"{a}/{e}-{s}",
        f"({a})-{e}-{s}",
    ]
    written = rng.choice(forms)
    if rng.random() < 0.15 and written != a + e + s:
        written += rng.choice([" ext. ", " x", " ext ", ", extension "]) + str(rng.randint(1, 999))
    return written, written.isdigit()


PHONE_TEMPLATES = (
    "You can text {} anytime after supper.",
    "Her cell is {}, she never answers though.",
    "Reach Tom on {} about the lost dog.",
    "Leave a voicemail at {} if the line is busy.",
    "{} is the number for the guy who plows our lane.",
    "Phone: {}",
    "call my son at {} he knows the owner",
    "The contractor's mobile, {}, goes to voicemail.",
    "My home number {} has been spammed since the meeting.",
    "Tel. {} (evenings)",
    "Jen ({}) organised the petition.",
    "ring me: {}",
    "WhatsApp {} for pics",
)
BARE_PHONE_TEMPLATES = ("my cell is {} text me", "call {} after 6", "phone number {} thanks")


def email(rng: random.Random) -> str:
    first, last = rng.choice(FIRSTS).lower().replace("é", "e"), rng.choice(LASTS).lower()
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}_{last}{rng.randint(1, 99)}",
            f"{first}+city",
            f"{last}.{first}",
        ]
    )
    domain = rng.choice(
        [
            "gmail.com",
            "outlook.com",
            "yahoo.ca",
            "rogers.com",
            "sympatico.ca",
            "uottawa.ca",
            "mail.example.co.uk",
            "proton.me",
            "bell.net",
        ]
    )
    return f"{local}@{domain}"


EMAIL_TEMPLATES = (
    "Email me at {} and I'll send the photos.",
    "{} is the owner's address, tell him.",
    "Contact: {}",
    "send complaints to {}!",
    "My address is {} if staff need more details.",
    "(reply to {} please)",
    "Forwarded from {}.",
    "cc: {}; the ward office",
)

STREETS = (
    "Bank",
    "Elgin",
    "Somerset",
    "Bronson",
    "Carling",
    "Maple",
    "Rideau",
    "Wellington",
    "Baseline",
    "Merivale",
    "St. Laurent",
    "Prince of Wales",
    "Oak",
    "Riverside",
    "Hunt Club",
)
TYPES = (
    "Street",
    "St",
    "St.",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Drive",
    "Dr.",
    "Crescent",
    "Cres",
    "Boulevard",
    "Blvd",
    "Court",
    "Lane",
    "Way",
    "Place",
    "Terrace",
    "Private",
)
LETTERS, LAST_LETTERS = "ABCEGHJKLMNPRSTVXY", "ABCEGHJKLMNPRSTVWXYZ"


def postal_code(rng: random.Random) -> str:
    code = (
        rng.choice(LETTERS) + str(rng.randint(0, 9)) + rng.choice(LAST_LETTERS),
        str(rng.randint(0, 9)) + rng.choice(LAST_LETTERS) + str(rng.randint(0, 9)),
    )
    return rng.choice([" ", " ", ""]).join(code)


def address(rng: random.Random) -> list[tuple[str, str | None]]:
    """Pieces of an address sentence part: (text, subtype or None)."""
    kind = rng.random()
    if kind < 0.1:
        return [(f"PO Box {rng.randint(1, 9999)}", "address")]
    civic = str(rng.randint(1, 4999))
    if rng.random() < 0.15:
        civic = f"{rng.randint(1, 40)}-{civic}"
    street = f"{civic} {rng.choice(STREETS)} {rng.choice(TYPES)}"
    if rng.random() < 0.25:
        street += " " + rng.choice(["N", "S", "E", "W", "East", "West"])
    if rng.random() < 0.2:
        street += rng.choice([", Apt ", " Unit ", ", Suite ", " #"]) + str(rng.randint(1, 999))
    pieces: list[tuple[str, str | None]] = [(street, "address")]
    if kind > 0.7:
        pieces += [(", Ottawa, ON ", None), (postal_code(rng), "address")]
    elif kind > 0.6:
        state, town = rng.choice([("NY", "Buffalo"), ("MI", "Detroit"), ("WA", "Seattle")])
        pieces += [(f", {town}, {state} ", None), (f"{rng.randint(10000, 99999)}", "address")]
    return pieces


ADDRESS_TEMPLATES = (
    "The noisy parties are at {} every weekend.",
    "My mother lives at {}.",
    "Please send the inspector to {} tomorrow.",
    "{} has had garbage on the lawn for weeks.",
    "the owner of {} keeps parking on the sidewalk",
    "Return address: {}",
    "A coyote was seen behind {} last night.",
    "Her house ({}) was broken into.",
)


def sin(rng: random.Random) -> str:
    while True:
        digits = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + f"{rng.randint(0, 99_999_999):08d}"
        if luhn_valid(digits):
            break
    sep = rng.choice([" ", "-", ""])
    return sep.join((digits[:3], digits[3:6], digits[6:]))


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    sep = rng.choice(["-", "-", " "])
    return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"


ID_TEMPLATES = (
    "My SIN is {} if you need it for the rebate.",
    "social insurance number: {}",
    "Her SIN {} was on the form left on the counter.",
    "Here is my NAS {}.",
)
SSN_TEMPLATES = ("His SSN is {}.", "social security no. {}", "I gave them my SSN {} by mistake")


def card(rng: random.Random) -> str:
    prefix, length = rng.choice(
        [
            ("4", 16),
            ("4", 13),
            ("51", 16),
            ("55", 16),
            ("2221", 16),
            ("34", 15),
            ("37", 15),
            ("6011", 16),
            ("65", 16),
        ]
    )
    while True:
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        digits = next(body + c for c in "0123456789" if luhn_valid(body + c))
        if digits != body:
            break
    sep = rng.choice([" ", "-", ""])
    size = 4 if length != 15 else 0
    if size:
        return sep.join(digits[i : i + 4] for i in range(0, length, 4))
    return sep.join((digits[:4], digits[4:10], digits[10:]))


CARD_TEMPLATES = (
    "I paid the ticket with {} and was charged twice.",
    "card number {} exp 09/27",
    "Refund it to my Visa {} please.",
    "The clerk read my card {} out loud!",
)
MONTHS = (
    "January",
    "Feb.",
    "March",
    "April",
    "May",
    "Jun",
    "July",
    "Aug.",
    "September",
    "Oct",
    "November",
    "Dec",
)


def birth_date(rng: random.Random) -> str:
    year, month, day = rng.randint(1930, 2015), rng.randint(1, 12), rng.randint(1, 28)
    forms = [
        f"{MONTHS[month - 1]} {day}, {year}",
        f"{day} {MONTHS[month - 1]} {year}",
        f"{year}-{month:02d}-{day:02d}",
        f"{month:02d}/{day:02d}/{year}",
        f"{day}/{month}/{year % 100:02d}",
        f"{MONTHS[month - 1]} {day}th {year}",
    ]
    return rng.choice(forms)


DOB_TEMPLATES = (
    "He was born on {} in Sudbury.",
    "DOB: {}",
    "D.O.B. {}",
    "Birthdate: {}",
    "my daughter's date of birth is {}",
    "She was born {} and has lived here since.",
    "his birthday is {} so he qualifies for the seniors pass",
    "Born: {}",
    "date of birth - {}",
    "I was born {}, long before this road was built.",
)

PEOPLE = (
    "{f} {l}",
    "Mrs. {l}",
    "Mr {l}",
    "Councillor {l}",
    "my neighbour {f}",
    "my brother",
    "our landlord {f} {l}",
    "{f}",
    "Dr. {l}",
    "her husband",
)
CONDITIONS = (
    "has cancer",
    "was diagnosed with dementia",
    "is pregnant",
    "is in rehab again",
    "has HIV",
    "is on medication for schizophrenia",
    "overdosed last month",
    "had heart surgery",
    "is battling leukemia",
    "suffers from depression",
    "has been hospitalized",
    "is diabetic",
)
HEALTH_TEMPLATES = (
    "I heard {} and can't work.",
    "{} so please be kind.",
    "Everyone knows {}.",
    "Word is {}.",
    "Apparently {}, which explains a lot.",
)
HEALTH_CARDS = (
    ("OHIP ", "{d4}-{d3}-{d3} {v}"),
    ("health card number ", "{d4} {d3} {d3}"),
    ("my PHN is ", "9{d3} {d3} {d3}"),
    ("RAMQ ", "{L}{d4} {d4}"),
    ("Health card: ", "{d4}{d3}{d3}{v}"),
    ("Alberta health number ", "{d5}-{d4}"),
)

NEGATIVES: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"By-law {r.randint(2000, 2025)}-{r.randint(1, 400)} comes into force Monday.",
    lambda r: f"Bylaw No. {r.randint(2000, 2025)}-{r.randint(1, 99)} was repealed by council.",
    lambda r: f"Permit {r.randint(100, 999)}-{r.randint(1000, 9999)} covers the patio.",
    lambda r: f"Tender T-{r.randint(2019, 2025)}-{r.randint(1, 9999):04d} closes at 3 p.m.",
    lambda r: f"Invoice #{r.randint(100, 999)}-{r.randint(1000, 9999)} is now overdue.",
    lambda r: f"Resolution {r.randint(2019, 2025)}-{r.randint(1, 300)} passed 18 to 6.",
    lambda r: (
        f"Permit No. {r.choice(AREAS)}-{r.randint(200, 999)}-{r.randint(1000, 9999)} was renewed."
    ),
    lambda r: (
        f"File number {r.choice(AREAS)} {r.randint(200, 999)} {r.randint(1000, 9999)} is closed."
    ),
    lambda r: f"Meeting ID: {r.choice(AREAS)} {r.randint(200, 999)} {r.randint(1000, 9999)}",
    lambda r: f"Work order {r.randint(100_000_000, 999_999_999)} was completed.",
    lambda r: f"Roll number 0614 {r.randint(100, 999)} {r.randint(10000, 99999)}",
    lambda r: f"The hearing is on {r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2020, 2026)}.",
    lambda r: f"Deadline: {r.randint(2024, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}.",
    lambda r: f"Apply before {r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2024, 2026)}.",
    lambda r: f"Doors open at {r.randint(1, 12)}:{r.choice(['00', '15', '30', '45'])} p.m.",
    lambda r: (
        f"The project costs ${r.randint(1, 999)},{r.randint(0, 999):03d},{r.randint(0, 999):03d}."
    ),
    lambda r: f"The {r.randint(2021, 2023)}-{r.randint(2024, 2027)} plan is online.",
    lambda r: f"We counted {r.randint(10000, 99999)} visitors this summer.",
    lambda r: f"Route {r.randint(1, 299)} detours along Highway {r.randint(7, 417)}.",
    lambda r: f"The {r.randint(2019, 2025)} Bank Street festival returns.",
    lambda r: (
        f"Order {r.randint(1000, 9999)} {r.randint(1000, 9999)} "
        f"{r.randint(1000, 9999)} {r.randint(1000, 9999)} shipped."
    ),
    lambda r: "Call 3-1-1 or 613-580-2400 for help; email info@ottawa.ca.",
    lambda r: f"City Hall, 110 Laurier Ave W, Ottawa ON K1P 1J1, is open {r.randint(8, 9)} to 4.",
    lambda r: "The cancer screening clinic opens Monday at the Civic campus.",
    lambda r: "Residents with diabetes can get free foot care this month.",
    lambda r: "Ottawa Public Health is offering COVID vaccines at community centres.",
    lambda r: f"Mayor {r.choice(LASTS)} announced new funding for mental illness programs.",
    lambda r: f"Councillor {r.choice(LASTS)} thanked the hospital staff.",
    lambda r: f"Follow @City{r.choice(LASTS)} for updates.",
    lambda r: f"Canada Day celebrates on July 1, {r.randint(2025, 2027)} with fireworks at 10 p.m.",
    lambda r: (
        f"Ward {r.randint(1, 24)} has {r.randint(2, 40)} new parks and {r.randint(100, 999)} trees."
    ),
    lambda r: f"Call us at ext. {r.randint(100, 9999)} on the main line.",
    lambda r: (
        f"Case {r.randint(2019, 2025)}-{r.randint(100, 999)}-{r.randint(1000, 9999)} "
        "is under review."
    ),
    lambda r: f"Application D07-12-{r.randint(19, 25)}-{r.randint(1, 9999):04d} was approved.",
    lambda r: f"Tickets are ${r.randint(5, 99)}.{r.randint(0, 99):02d} plus HST.",
    lambda r: f"Join Dr. {r.choice(LASTS)} for a talk on diabetes prevention.",
    lambda r: f"Councillor {r.choice(LASTS)} will speak about opioid overdoses in the ward.",
    lambda r: f"Mayor {r.choice(LASTS)} toured the dementia care unit on {r.choice(MONTHS)} 3.",
    lambda r: f"Sign up at ottawa.ca/rec before {r.randint(1, 12)}/{r.randint(1, 28)}.",
    lambda r: (
        f"Population: {r.randint(100, 999)},{r.randint(100, 999)} ({r.randint(2016, 2021)} census)."
    ),
    lambda r: (
        f"Project {r.choice(AREAS)}-{r.randint(2019, 2025)}-{r.randint(1, 99):02d} "
        "starts in spring."
    ),
    lambda r: f"Lot {r.randint(1, 99)}, Concession {r.randint(1, 12)} is zoned rural.",
)


def build(seed: int) -> list[Sentence]:
    rng = random.Random(seed)
    sentences: list[Sentence] = []
    for _ in range(230):
        written, bare = phone(rng)
        sentences.append(
            fill(rng.choice(BARE_PHONE_TEMPLATES if bare else PHONE_TEMPLATES), written, "phone")
        )
        sentences.append(fill(rng.choice(EMAIL_TEMPLATES), email(rng), "email"))
        before, after = rng.choice(ADDRESS_TEMPLATES).split("{}")
        sentence = Sentence().add(before)
        for piece, subtype in address(rng):
            sentence.add(piece, subtype)
        sentences.append(sentence.add(after))
    for _ in range(160):
        sentences.append(fill(rng.choice(ID_TEMPLATES), sin(rng), "national_id"))
        sentences.append(fill(rng.choice(SSN_TEMPLATES), ssn(rng), "national_id"))
        sentences.append(fill(rng.choice(CARD_TEMPLATES), card(rng), "credit_card"))
        sentences.append(fill(rng.choice(DOB_TEMPLATES), birth_date(rng), "date_of_birth"))
        person = rng.choice(PEOPLE).format(f=rng.choice(FIRSTS), l=rng.choice(LASTS))
        condition = rng.choice(CONDITIONS)
        sentences.append(fill(rng.choice(HEALTH_TEMPLATES), f"{person} {condition}", "health"))
        sentences.append(health_card_sentence(rng))
    for _ in range(100):  # two items in one comment
        written, bare = phone(rng)
        while bare:
            written, bare = phone(rng)
        sentence = Sentence().add("Contact ").add(written, "phone").add(" or ")
        sentences.append(sentence.add(email(rng), "email").add(" before Friday."))
    for _ in range(1100):
        sentences.append(Sentence(rng.choice(NEGATIVES)(rng)))
    rng.shuffle(sentences)
    return sentences


def health_card_sentence(rng: random.Random) -> Sentence:
    prefix, number = rng.choice(HEALTH_CARDS)
    number = number.format(
        d3=rng.randint(100, 999),
        d4=rng.randint(1000, 9999),
        d5=rng.randint(10000, 99999),
        v=rng.choice(["AB", "XY", ""]),
        L="".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(4)),
    ).strip()
    ending = rng.choice([" on file.", "", " (expired)"])
    return Sentence().add(prefix).add(number, "health").add(ending)
