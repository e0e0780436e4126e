from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.screening.engine.context_rules import (
    Candidate,
    CandidateMatcher,
    MediaItem,
    accessibility_hits,
    media_consent_hits,
)
from app.screening.engine.vocabulary import Category, Hit, Severity

CANDIDATES = (
    Candidate("Jordan Ellis-Carter", aliases=("J. Ellis-Carter",)),
    Candidate("Mark Green"),
    Candidate("Priya Natarajan"),
    Candidate("Robert Okafor", aliases=("Bobby Okafor",)),
    Candidate("Hélène Tremblay"),
    Candidate("Liam O'Connor"),
    Candidate("Wei Chen"),
)
MATCHER = CandidateMatcher(CANDIDATES)


def named(text: str, matcher: CandidateMatcher = MATCHER) -> list[str]:
    return [text[hit.start : hit.end] for hit in matcher.find(text)]


# --- candidates -------------------------------------------------------------------------------


def test_candidate_hit_is_electioneering_for_the_ruleset_to_weigh() -> None:
    text = "Vote for Jordan Ellis-Carter on Monday"
    assert MATCHER.find(text) == [
        Hit(
            category=Category.ELECTIONEERING,
            start=9,
            end=28,
            detector="candidates",
            explanation="names a registered candidate in the election: Jordan Ellis-Carter",
        )
    ]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Thanks to jordan ellis carter for coming", "jordan ellis carter"),
        ("JORDAN ELLIS-CARTER spoke first", "JORDAN ELLIS-CARTER"),
        ("J. Ellis-Carter spoke first", "J. Ellis-Carter"),
        ("Ask Ellis-Carter about it.", "Ellis-Carter"),
        ("Jordon Elis-Carter is on the ballot", "Jordon Elis-Carter"),
        ("Ellis-Carter's plan for the arena", "Ellis-Carter"),
        ("Ellis Carter said yes", "Ellis Carter"),
    ],
)
def test_candidate_is_found_however_the_name_is_written(text: str, mention: str) -> None:
    assert named(text) == [mention]


@pytest.mark.parametrize(
    "text",
    [
        "The detour uses Jordan Street until Friday.",
        "Our sister city is in Jordan.",
        "Carter Road reopens on Friday.",
        "Please mark the green bins with your address.",
        "please mark green bins with your address",
        "Green bins go out on Tuesday.",
        "ellis-carter said so",
        "The Greenway trail is open.",
        "Enjoy the market this weekend, care of the Chamber.",
        "Jimmy Carter visited in 1979.",
        "Ask McGreen about the trail.",
        "Fresh produce at the Market. Green bins are out today.",
    ],
)
def test_ordinary_words_and_other_names_are_not_candidates(text: str) -> None:
    assert named(text) == []


def test_name_of_ordinary_words_is_found_when_capitalised() -> None:
    assert named("Join Mark Green at the library") == ["Mark Green"]
    assert named("We asked Green about snow clearing") == ["Green"]


@pytest.mark.parametrize(
    "text",
    [
        "Sam Ellis-Carter is her cousin.",
        "We drove to Bowling Green last week.",
        "The Green Energy plan was adopted.",
        "Thanks @Ryan_Green3 for the photo",
        "Notes: Green bins are picked up weekly.",
    ],
)
def test_surname_inside_another_name_or_handle_is_not_the_candidate(text: str) -> None:
    assert named(text) == []


def test_surname_after_a_title_or_sentence_opener_is_the_candidate() -> None:
    assert named("Thanks to Councillor Green for the update") == ["Green"]
    assert named("Ask Dr. Ellis-Carter.") == ["Ellis-Carter"]


def test_short_surname_alone_must_be_spelled_exactly() -> None:
    matcher = CandidateMatcher([Candidate("Sofia Rossi")])
    assert named("We asked Ross about it", matcher) == []
    assert named("We asked Rossi about it", matcher) == ["Rossi"]
    assert named("We asked Natrajan about it") == ["Natrajan"]


def test_alias_names_the_registered_candidate() -> None:
    [hit] = MATCHER.find("Bobby Okafor will hold a town hall")
    assert hit.explanation.endswith(": Robert Okafor")


def test_accents_and_apostrophes_do_not_hide_a_candidate() -> None:
    assert named("Helene Tremblay and liam o'connor debated") == [
        "Helene Tremblay",
        "liam o'connor",
    ]
    assert named("Ask O'Connor.") == ["O'Connor"]


def test_short_surname_alone_is_not_enough() -> None:
    assert named("Chen Park is closed") == []
    assert named("Wei Chen is running") == ["Wei Chen"]


def test_each_mention_is_reported_once_with_its_longest_span() -> None:
    text = "Jordan Ellis-Carter and Priya Natarajan met; Natarajan and Ellis-Carter agreed."
    assert named(text) == ["Jordan Ellis-Carter", "Priya Natarajan", "Natarajan", "Ellis-Carter"]


def test_offsets_stay_right_when_lowercasing_grows_a_letter() -> None:
    text = "İzmir visitors met Priya Natarajan"
    assert named(text) == ["Priya Natarajan"]


def test_stricter_score_rejects_misspellings() -> None:
    strict = CandidateMatcher(CANDIDATES, min_score=97)
    assert named("Jordon Elis-Carter is running", strict) == []
    assert named("Jordan Ellis-Carter is running", strict) == ["Jordan Ellis-Carter"]


def test_no_candidates_finds_nothing() -> None:
    assert CandidateMatcher([]).find("Jordan Ellis-Carter") == []


DISTINCT_NAMES = ["Jordan Ellis-Carter", "Priya Natarajan", "Hélène Tremblay", "Robert Okafor"]
FILLER = st.lists(st.sampled_from(["the", "council", "said", "on", "Tuesday", "we", "met"]))


def written(name: str, draw: st.DrawFn, *, keep_initials: bool) -> str:
    words = name.replace("-", " ").split()
    out = []
    for word in words:
        cased = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
        if keep_initials:
            cased = cased[0].upper() + cased[1:]
        out.append(cased)
    return "".join(w + draw(st.sampled_from([" ", "-"])) for w in out[:-1]) + out[-1]


@st.composite
def text_naming(draw: st.DrawFn) -> tuple[str, str, str]:
    if draw(st.booleans()):
        name, mention = "Mark Green", written("Mark Green", draw, keep_initials=True)
    else:
        name = draw(st.sampled_from(DISTINCT_NAMES))
        mention = written(name, draw, keep_initials=False)
    text = " ".join([*draw(FILLER), mention, *draw(FILLER)])
    return text, mention, name


@settings(database=None, max_examples=300)
@given(text_naming())
def test_registered_name_in_any_case_and_separators_is_found(case: tuple[str, str, str]) -> None:
    text, mention, name = case
    hits = MATCHER.find(text)
    assert [text[h.start : h.end] for h in hits] == [mention]
    assert hits[0].explanation.endswith(f": {name}")


COMMON_WORDS_TEXT = (
    "the of and to in is it you that he was for on are with as his they be at one have this "
    "from or had by word but what some we can out other were all there when up use your how "
    "said an each she which do their time if will way about many then them write would like so "
    "these her long make thing see him two has look more day could go come did number sound no "
    "most people my over know water than call first who may down side been now find mark green "
    "grace rose brook brooks hill park stone white young king hall wood field bell jordan carter "
    "care market great street china natural tremble council budget road snow bins garbage"
)
COMMON_WORDS = COMMON_WORDS_TEXT.split()


@st.composite
def common_text(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(st.lists(st.sampled_from(COMMON_WORDS), min_size=1), min_size=1))
    return " ".join(" ".join(s).capitalize() + "." for s in sentences)


@settings(database=None, max_examples=300)
@given(common_text())
def test_text_of_common_words_names_no_candidate(text: str) -> None:
    assert MATCHER.find(text) == []


# --- accessibility ----------------------------------------------------------------------------


def test_image_without_alt_text_is_numbered_by_its_place_in_the_post() -> None:
    media = [MediaItem("video"), MediaItem("Photo"), MediaItem("gif", alt_text="  ")]
    hits = accessibility_hits("", media)
    assert hits == [
        Hit(
            category=Category.ACCESSIBILITY,
            start=0,
            end=0,
            detector="accessibility.alt_text",
            explanation="image 2 has no alternative text",
            severity=Severity.LOW,
        ),
        Hit(
            category=Category.ACCESSIBILITY,
            start=0,
            end=0,
            detector="accessibility.alt_text",
            explanation="image 3 has no alternative text",
            severity=Severity.LOW,
        ),
    ]


def test_described_images_and_other_media_need_no_alt_text() -> None:
    media = [MediaItem("image", alt_text="Mayor cutting the ribbon"), MediaItem("document")]
    assert accessibility_hits("", media) == []


@pytest.mark.parametrize(
    "tag",
    ["#alderbaycouncil", "#ALDERBAYCOUNCIL", "#Alderbaycouncil", "#vote2025alderbaycouncil"],
)
def test_run_together_hashtag_is_flagged_with_its_span(tag: str) -> None:
    text = f"See you tonight {tag} at 7"
    [hit] = accessibility_hits(text, [])
    assert (hit.detector, hit.severity, text[hit.start : hit.end]) == (
        "accessibility.hashtag",
        Severity.LOW,
        tag,
    )


@pytest.mark.parametrize(
    "tag",
    [
        "#budget",
        "#Budget2025",
        "#AlderBay",
        "#AlderBayCouncil",
        "#RCMP",
        "#ON",
        "#infrastructure",
        "#Volunteers",
        "#Westminster",
        "#Conservatives",
        "#ConstitutionDay",
        "#alder_bay_council",
        "#2025",
    ],
)
def test_readable_hashtag_passes(tag: str) -> None:
    assert accessibility_hits(f"Read more {tag} online", []) == []


def test_link_fragment_is_not_a_hashtag() -> None:
    assert accessibility_hits("https://alderbay.ca/news#alderbaycouncil", []) == []


def test_four_words_in_capitals_are_flagged_with_their_span() -> None:
    text = "Please note: ROAD CLOSED ON MAIN STREET until the crews finish the water main repairs."
    [hit] = accessibility_hits(text, [])
    assert (hit.detector, text[hit.start : hit.end]) == (
        "accessibility.all_caps",
        "ROAD CLOSED ON MAIN STREET",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The STATE OF THE CITY address is tonight at the community centre, all are welcome.",
        "The RCMP, OPP and CBC were all at the briefing on the new bridge this morning.",
        "The COVID-19 UPDATE FOR ALL residents is posted on our website with the new hours.",
        "ROAD CLOSED TODAY!!",
    ],
)
def test_short_runs_and_acronyms_are_not_shouting(text: str) -> None:
    assert accessibility_hits(text, []) == []


def test_text_mostly_in_capitals_is_flagged_whole() -> None:
    text = "I AM SO ANGRY AT YOU ALL, council"
    [hit] = accessibility_hits(text, [])
    assert (hit.start, hit.end, hit.explanation) == (0, len(text), "the text is mostly in capitals")


def test_accented_capitals_count_as_capitals() -> None:
    text = "Notice: FERMETURE DES ÉCOLES DEMAIN ÉGALEMENT for all schools in the district today."
    [hit] = accessibility_hits(text, [])
    assert text[hit.start : hit.end] == "FERMETURE DES ÉCOLES DEMAIN ÉGALEMENT"


# --- media consent ----------------------------------------------------------------------------


@pytest.mark.parametrize("consent", [None, False])
def test_minors_without_guardian_consent_are_critical(consent: bool | None) -> None:
    media = [MediaItem("photo", consent_recorded=consent, depicts_minors=True)]
    assert media_consent_hits(media) == [
        Hit(
            category=Category.MEDIA_CONSENT,
            start=0,
            end=0,
            detector="media.consent",
            explanation="media item 1 depicts minors without recorded guardian consent",
            severity=Severity.CRITICAL,
        )
    ]


@pytest.mark.parametrize("kind", ["image", "Video", "audio"])
def test_refused_consent_for_people_shown_is_high(kind: str) -> None:
    media = [MediaItem("image", consent_recorded=True), MediaItem(kind, consent_recorded=False)]
    [hit] = media_consent_hits(media)
    assert (hit.severity, hit.explanation) == (
        Severity.HIGH,
        "media item 2 has no recorded consent from the people shown",
    )


@pytest.mark.parametrize(
    "item",
    [
        MediaItem("image"),
        MediaItem("image", consent_recorded=True, depicts_minors=True),
        MediaItem("document", consent_recorded=False),
        MediaItem("video", consent_recorded=None, depicts_minors=False),
    ],
)
def test_unknown_or_recorded_consent_is_not_a_violation(item: MediaItem) -> None:
    assert media_consent_hits([item]) == []
