"""Personal information that only context makes personal: a date that is someone's date of
birth, and a health condition tied to an identifiable person."""

from __future__ import annotations

import re

from app.screening.engine.pii_common import personal_hit, scan_pattern
from app.screening.engine.vocabulary import Hit, PersonalInformation

DATE_OF_BIRTH = PersonalInformation.DATE_OF_BIRTH
HEALTH = PersonalInformation.HEALTH

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_PATTERN = (
    rf"(?i:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}\b)"
    r"|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"
)
_DATE = scan_pattern(DATE_PATTERN)
BIRTH_WORDS_PATTERN = r"(?i:\b(?:born|birth(?:date|day)?|b-?day|n(?:ée|ee|é))\b|\bd\.?o\.?b\b\.?)"
_BIRTH_WORDS = re.compile(BIRTH_WORDS_PATTERN)
# Between the birth word and the date: no new sentence, no event ("birthday party on ...").
_BROKEN_LINK = re.compile(
    r"[!?;\n]|\.\s+[A-Z]|\b(?:party|parties|celebration|event|festival|parade|bash)\b",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return text.split()


_HEALTH_TERMS = (
    r"cancer|leuka?emia|lymphoma|melanoma|tumou?rs?|chemo(?:therapy)?|hiv(?:\s+positive|\+)?|"
    r"aids|hepatitis(?:\s+[abc]\b)?|herpes|syphilis|gonorrh?o?ea|chlamydia|stds?|stis?|"
    r"diabetes|diabetic|dementia|alzheimer'?s|parkinson'?s|epilepsy|epileptic|seizures?|"
    r"schizophreni[ac]|bipolar|depression|depressed|anxiety\s+disorder|ptsd|ocd|adhd|autism|"
    r"autistic|mental\s+illness|mentally\s+ill|psychiatric|psychosis|psychotic|suicidal|"
    r"eating\s+disorder|anorexi[ac]|bulimi[ac]|pregnant|pregnancy|miscarriage|miscarried|"
    r"abortion|ivf|rehab|detox|addiction|addicted|alcoholic|alcoholism|overdosed?|"
    r"overdosing|relapsed?|opioids?|heart\s+attack|stroke|surgery|dialysis|transplant|"
    r"medications?|meds|insulin|antidepressants?|methadone|terminally\s+ill|covid(?:-?19)?|"
    r"tuberculosis|multiple\s+sclerosis|cerebral\s+palsy|disease|illness|infection|"
    r"diagnosed|diagnosis|hospitali[sz]ed|in\s+(?:the\s+)?hospital|icu|intensive\s+care|"
    r"palliative|hospice"
)
HEALTH_TERM_PATTERN = rf"(?i:\b(?:{_HEALTH_TERMS})\b)"
_HEALTH_TERM = scan_pattern(HEALTH_TERM_PATTERN)
# Conditions said with a verb need no linking word: "Bob Brown overdosed".
_VERB_TERMS = frozenset(
    ("overdosed", "overdosing", "relapsed", "miscarried", "hospitalized", "hospitalised")
)
_HEALTH_WORD = re.compile(_HEALTH_TERMS, re.IGNORECASE)
# "cancer screening clinic", "COVID vaccines": a service or a topic, not someone's condition.
_SERVICE_AFTER = re.compile(
    r"\s*(?:screening|clinics?|centres?|centers?|society|research|awareness|ward|unit|"
    r"programs?|programmes?|services?|support|foundation|month|walk|run|fundraiser|hospital|"
    r"prevention|education|strategy|survivors?|vaccines?|vaccinations?|testing|tests?|cases|"
    r"rates?|data|patients|policy|plan|sites?|kits?|benefits?|coverage|resources|team|"
    r"nurses?|specialists?|drop-off|disposal|outbreak|response|guidelines|rules)\b",
    re.IGNORECASE,
)
# Words that may stand between a person and their condition ("was recently diagnosed with").
_LINK_WORDS = frozenset(
    _words(
        """has had have having is was were been being got gets getting get recently just now
    currently also still apparently reportedly secretly finally already a an the in on for
    with from of to into at diagnosed suffers suffering suffered battling battled fighting
    fought struggling struggles treated tested positive admitted recovering recovers
    undergoing underwent undergone taking takes took needs needed need went goes going gone
    back checked sent rushed living lives lost dying died passed developed contracted caught
    stage early late advanced severe chronic serious terminal breast lung prostate colon skin
    brain pancreatic liver ovarian type heavy major emergency heart bypass knee hip her his
    their very really so after due 1 2 3 4 ii iii iv"""
    )
)
_NAME = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'-]*[a-zß-öø-ÿ]"
_TITLES = (
    r"Mr|Mrs|Ms|Mx|Miss|Dr|Councillor|Councilor|Coun|Cllr|Mayor|Deputy\s+Mayor|Chief|Officer|"
    r"Constable|Const|Sgt|Sergeant|Director|Manager|Coach|Professor|Prof|Rev|Pastor|Father|"
    r"Sister|Brother|Mme|Madame|Monsieur|Senator|Minister|MPP|MP|Premier|Trustee|Principal|"
    r"Superintendent|Inspector|Captain|Capt|Aunt|Uncle|Grandma|Grandpa"
)
_RELATIONS = (
    r"neighbou?rs?|wife|husband|son|daughter|mother|father|mom|mum|dad|brother|sister|friend|"
    r"cousin|aunt|uncle|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|boss|"
    r"co-?worker|colleague|tenant|landlord|landlady|partner|spouse|boyfriend|girlfriend|"
    r"roommate|room-mate|niece|nephew|child|kid|baby|stepson|stepdaughter|stepmother|"
    r"stepfather|in-law|mother-in-law|father-in-law|classmate|teacher|employee|employer|"
    r"supervisor|manager|client|patient|caregiver"
)
_PERSON = re.compile(
    rf"(?:(?:{_TITLES})\.?\s+{_NAME}(?:\s+{_NAME})?"
    rf"|(?i:my|his|her|our|their|your)\s+(?:[a-z-]+\s+){{0,2}}?(?i:{_RELATIONS})"
    rf"(?:\s+{_NAME}){{0,2}}"
    rf"|{_NAME}(?:\s+[A-Z]\.)?(?:\s+{_NAME}){{0,2}})(?:['\u2019]s)?"
)
_PERSON_WORDS = 6
_MAX_LINKS = 8
_RELATION = re.compile(rf"(?i:{_RELATIONS})")
# Capitalised words that start sentences or name institutions, not people.
_NOT_NAMES = frozenset(
    _words(
        """the a an this that these those he she it they we you i my his her our their your its
    someone somebody everyone everybody anyone anybody nobody people person residents
    resident seniors senior staff patients patient children kids parents families women men
    students workers employees members many some most all few several each every who which
    what when where why how there here city town council county region province ottawa
    public health hospital clinic centre center department services service program
    government canada ontario federal provincial local community today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december one two three anyone if
    please thanks thank also but and or so because after before while since although
    meanwhile however unfortunately sadly apparently reportedly officials official police
    paramedics firefighters mayor councillor chief doctor doctors nurse nurses"""
    )
)
_TOKEN = re.compile(r"\S+")
_DETERMINERS = frozenset(("my", "his", "her", "our", "their", "your"))
_TITLE = re.compile(rf"(?:{_TITLES})\.?")


def find_dates_of_birth(text: str) -> list[Hit]:
    """Dates introduced as someone's date of birth ("born on", "DOB:", "birthday is")."""
    hits: list[Hit] = []
    for match in _DATE.finditer(text):
        start = match.start()
        window = text[max(0, start - 50) : start]
        contexts = list(_BIRTH_WORDS.finditer(window))
        if not contexts or _BROKEN_LINK.search(window, contexts[-1].end()):
            continue
        hits.append(
            personal_hit(DATE_OF_BIRTH, start, match.end(), "pii.date_of_birth", "a date of birth")
        )
    return hits


def find_health_details(text: str) -> list[Hit]:
    """A health condition stated about an identifiable person ("Mrs. Lee has diabetes")."""
    hits: list[Hit] = []
    for match in _HEALTH_TERM.finditer(text):
        start, end = match.start(), match.end()
        if _SERVICE_AFTER.match(text, end):
            continue
        verb = text[start:end].lower() in _VERB_TERMS
        person_start = _person_before(text, start, verb=verb)
        if person_start is not None:
            hits.append(
                personal_hit(
                    HEALTH,
                    person_start,
                    end,
                    "pii.health",
                    "health information about an identifiable person",
                )
            )
    return hits


def _word_before(text: str, end: int) -> tuple[int, int] | None:
    """The span of the space-separated word ending at or before `end`."""
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return (text.rfind(" ", 0, end) + 1, end) if end > 0 else None


def _person_before(text: str, term_start: int, *, verb: bool) -> int | None:
    """Where the person the condition is about starts, if the words before the condition are
    a person followed only by linking words ("John Smith was recently diagnosed with")."""
    links = 0
    span = _word_before(text, term_start)
    while span is not None and links < _MAX_LINKS:
        word = text[span[0] : span[1]]
        if word.lower() not in _LINK_WORDS and not _HEALTH_WORD.fullmatch(word):
            break
        if not word[-1].isalnum():
            return None  # punctuation ends the clause: "... the city. Cancer ..."
        links += 1
        span = _word_before(text, span[0])
    if span is None:
        return None
    last_start, last_end = span
    last = text[last_start:last_end]
    possessive = last.endswith(("'s", "\u2019s"))
    if not (links or possessive or verb):
        return None
    # A person ends with a capitalised name or a relation ("my brother"): most words do not,
    # and are turned away before any pattern runs.
    bare = last[:-2] if possessive else last
    if not (bare[:1].isupper() or _RELATION.fullmatch(bare)):
        return None
    starts = [last_start]
    while len(starts) < _PERSON_WORDS and (span := _word_before(text, starts[-1])) is not None:
        starts.append(span[0])
    person = None
    for first_start in reversed(starts):  # the longest person wins: "Deputy Mayor Jones"
        person = _PERSON.fullmatch(text, first_start, last_end)
        if person is not None:
            break
    if person is None:
        return None
    # The name pattern also takes capitalised sentence openers ("Sadly John Smith"): skip
    # those; a relation ("My neighbour") or a title ("Mayor Watson") starts the person.
    for token in _TOKEN.finditer(person.group()):
        lowered = token.group().lower().rstrip(".")
        if lowered in _DETERMINERS or lowered not in _NOT_NAMES or _TITLE.fullmatch(token.group()):
            return person.start() + token.start()
    return None
