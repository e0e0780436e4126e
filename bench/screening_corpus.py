"""A deterministic corpus of about 1,000-character texts a town's accounts see: council
notices (posts) and residents' comments, some carrying a phone number, an email, a street
address, profanity, spam or a candidate's name. Used by bench/screening_engine.py."""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.screening.engine.vocabulary import ContentKind

TEXT_LENGTH = 1_000
SEED = 20_261_121

NOTICE_SENTENCES = (
    "Council will meet on Tuesday at 7 p.m. in the council chambers at city hall.",
    "The agenda and staff reports are posted on the town's website by Friday at noon.",
    "Residents may register to speak on any item by contacting the Clerk's office.",
    "Curbside yard waste collection resumes the week of April 14 on your regular day.",
    "Please place bags at the curb by 7 a.m. and keep them clear of the sidewalk.",
    "The Riverside Park splash pad opens for the season on the Victoria Day weekend.",
    "Lifeguards are on duty from 11 a.m. to 7 p.m. daily, weather permitting.",
    "Crews will be repaving Harbour Road between Birch Avenue and Station Road.",
    "Expect lane closures and short delays between 7 a.m. and 5 p.m. on weekdays.",
    "Emergency vehicles will have access to all properties throughout the work.",
    "The draft 2027 budget proposes a 2.9 per cent increase to the municipal levy.",
    "Most of the increase goes to road renewal, transit service and the fire department.",
    "Join us at the community centre for an open house on the new official plan.",
    "Staff will be on hand to answer questions and take your written comments.",
    "Library hours change for the summer: open 10 a.m. to 6 p.m. Monday to Saturday.",
    "A boil-water advisory remains in effect for homes on Lakeshore Drive east of Pine Street.",
    "Bring water to a rolling boil for at least one minute before drinking or cooking.",
    "The Ward 3 by-election takes place on March 22; advance polls open March 12.",
    "Voters can check their registration online or at the Clerk's office at city hall.",
    "Applications for the youth sports grant close on May 30 at 4:30 p.m.",
    "Snow clearing starts with arterial roads, then bus routes, then residential streets.",
    "Please move parked cars off the street during a declared snow event.",
    "The arena will be closed for maintenance from June 2 to June 20.",
    "Thank you to the 140 volunteers who helped with the spring shoreline clean-up.",
    "Dogs must be on a leash in all parks except the fenced off-leash area at Maple Grove.",
)

COMMENT_SENTENCES = (
    "I drive this road every day and the potholes near the school are getting worse.",
    "Thanks for the update, that is really helpful for those of us without cable.",
    "Why does it take three months to fix one stretch of sidewalk on our street?",
    "The bike lanes on Queen Street have made my commute so much safer.",
    "I still think the parking changes downtown will hurt the small shops.",
    "Can someone from the town explain where the money for the arena is coming from?",
    "Our kids love the splash pad, please keep it open later in August.",
    "The garbage truck skipped our block again this week, is there a number to call?",
    "I went to the open house and the staff were friendly and knew their stuff.",
    "Property taxes keep going up but the services stay the same, it is frustrating.",
    "Please consider more benches along the trail for older residents.",
    "Is the boil-water advisory also for the townhouses behind the plaza?",
    "The new crosswalk by the library is a great idea, it was dangerous before.",
    "My neighbour says the rezoning means a six-storey building next to us, is that true?",
    "Snow clearing on the side streets was much faster this year, well done.",
    "I would like to see the full budget document, not just the summary slides.",
    "Council should record the committee meetings too, not only the full council ones.",
    "The dog park is a mess after the rain, could you add some gravel at the gate?",
    "Who decides which streets get repaved first? Ours has not been done in twenty years.",
    "Transit on Sundays is almost useless if the first bus leaves at ten.",
    "I agree with the comment above, the signage at the detour was confusing.",
    "We moved here last year and this page has been the best way to learn what is going on.",
)

# Something a detector is there to find, spliced into some texts.
SPECIAL_SENTENCES = {
    "phone": (
        "Call me at 604-555-0142 if you want to talk about it.",
        "My cell is (416) 555-0188, text me anytime.",
    ),
    "email": (
        "You can reach me at dana.whitmore@example.org for the petition.",
        "Send the forms to k.osei@example.com and I will pass them on.",
    ),
    "address": (
        "I live at 42 Linden Crescent and the water is brown every morning.",
        "The house at 118 Birch Avenue has had a car on blocks for a year.",
    ),
    "profanity": (
        "This is total bullshit and everyone knows it.",
        "What the fuck is council thinking with this plan?",
    ),
    "spam": (
        "Earn $5000 a week working from home, click www.easy-cash-now.example to start!",
        "Buy cheap followers and likes now at www.boost-fans.example, limited time offer!",
    ),
    "candidate": (
        "Jordan Ellis-Carter was at the open house and answered every question.",
        "Has Priya Raman said anything about the transit cuts yet?",
    ),
    "official contact": (
        "Questions? Call 613-555-0100 or write to info@alderbay.ca.",
        "Contact the Clerk's office at 613-555-0100 during business hours.",
    ),
}
OFFICIAL_CONTACTS = ("613-555-0100", "info@alderbay.ca")


@dataclass(frozen=True, slots=True)
class Sample:
    """One text of the corpus, what kind it is, and what was spliced into it."""

    text: str
    kind: ContentKind
    special: str | None


def _compose(rng: random.Random, sentences: tuple[str, ...], special: str | None) -> str:
    chosen: list[str] = []
    if special is not None:
        chosen.append(rng.choice(SPECIAL_SENTENCES[special]))
    length = sum(len(s) + 1 for s in chosen)
    while length < TEXT_LENGTH + 200:
        sentence = rng.choice(sentences)
        chosen.append(sentence)
        length += len(sentence) + 1
    # The special sentence somewhere in the first half, so that trimming cannot cut it.
    if special is not None:
        first = chosen.pop(0)
        chosen.insert(rng.randrange(0, 5), first)
    text = " ".join(chosen)[: TEXT_LENGTH + 1]
    return text[: text.rfind(" ")]  # whole words: a few characters short of TEXT_LENGTH


def corpus(size: int = 240) -> list[Sample]:
    """`size` texts of TEXT_LENGTH characters or a few less: half notices, half comments; about
    half of each carries one of SPECIAL_SENTENCES."""
    rng = random.Random(SEED)
    specials: list[str | None] = [*SPECIAL_SENTENCES, None, None, None, None, None, None]
    samples = []
    for index in range(size):
        kind = ContentKind.POST if index % 2 == 0 else ContentKind.COMMENT
        special = specials[(index // 2) % len(specials)]
        sentences: tuple[str, ...]
        if kind is ContentKind.POST and special in ("profanity", "spam", "phone", "email"):
            # A notice does not swear or sell; a draft does sometimes quote a resident.
            sentences = NOTICE_SENTENCES + COMMENT_SENTENCES[:4]
        else:
            sentences = NOTICE_SENTENCES if kind is ContentKind.POST else COMMENT_SENTENCES
        samples.append(Sample(_compose(rng, sentences, special), kind, special))
    return samples
