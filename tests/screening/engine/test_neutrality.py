"""Content neutrality: comments and posts that differ only in stance, party, candidate or
evaluative words get the same decision, whatever else they carry (a phone number, a threat,
profanity, spam), for comments and for posts inside and outside an election period."""

from __future__ import annotations

import random
import string
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import pytest

from app.screening.engine.classifier import TextClassifier
from app.screening.engine.context_rules import Candidate
from app.screening.engine.engine import Engine, ScreeningInput, Verdict
from app.screening.engine.ruleset import Ruleset
from app.screening.engine.vocabulary import ContentKind, Decision

ELECTION = "e1"
CANDIDATES = (
    Candidate("Jordan Ellis-Carter", aliases=("J. Ellis-Carter",)),
    Candidate("Priya Raman"),
    Candidate("Marguerite Okafor"),
    Candidate("Daniel Tremblay"),
    Candidate("Hélène Bouchard"),
    Candidate("Samuel Whitfield"),
)

# The slots a pair may differ in, by what the issue calls them. Every value of a slot fits
# every template that uses the slot, so two members of a pair read equally naturally.
NEUTRAL_SLOTS: Mapping[str, tuple[str, ...]] = {
    "stance": ("support", "oppose", "reject", "approve", "favour", "favor"),
    "stances": ("supports", "opposes", "rejects", "approves", "favours"),
    "agreement": ("agree", "disagree"),
    "side": ("for", "against"),
    "party": (
        "Liberal",
        "Conservative",
        "NDP",
        "Green",
        "Democrat",
        "Republican",
        "Progressive",
        "independent",
    ),
    "candidate": tuple(c.name for c in CANDIDATES),
    "surname": ("Ellis-Carter", "Raman", "Okafor", "Tremblay", "Bouchard", "Whitfield"),
    "evaluative": (
        "good",
        "bad",
        "great",
        "terrible",
        "wise",
        "misguided",
        "excellent",
        "awful",
        "unwise",
        "wonderful",
        "horrible",
        "brilliant",
    ),
    "superlative": ("best", "worst"),
}
SLOT_FAMILY = {
    "stance": "stance",
    "stances": "stance",
    "agreement": "stance",
    "side": "stance",
    "party": "party",
    "candidate": "candidate",
    "surname": "candidate",
    "evaluative": "evaluative",
    "superlative": "evaluative",
}

# What stays the same in both members of a pair.
FILLER_SLOTS: Mapping[str, tuple[str, ...]] = {
    "street": (
        "Maple Street",
        "Harbour Road",
        "Birch Avenue",
        "Queen Street West",
        "Lakeshore Drive",
        "Station Road",
    ),
    "topic": (
        "the 2027 budget",
        "the new bike lanes",
        "the library expansion",
        "the snow clearing schedule",
        "the rezoning of the old mill site",
        "the water rate increase",
        "the downtown parking plan",
    ),
    "place": ("the arena", "city hall", "the community centre", "Riverside Park", "the library"),
    "day": ("Monday", "Tuesday", "last night", "this morning", "Thursday"),
}

# Something the rules act on whatever the viewpoint, carried by both members of a pair.
VIOLATIONS: Mapping[str, tuple[str, ...]] = {
    "phone": (
        "Call me at 604-555-0142 if you want the details.",
        "Text my cell (416) 555-0188 and I'll explain.",
    ),
    "email": ("Write to me at dana.whitmore@example.org.", "My email is k.osei@example.com."),
    "address": ("Come see for yourself at 42 Linden Crescent.",),
    "threat": (
        "I will kill you if this passes.",
        "Somebody should shoot the whole council.",
        "I'm going to burn your house down.",
    ),
    "profanity": (
        "This is total bullshit.",
        "What the fuck is council thinking?",
        "Stop wasting our money, you assholes.",
    ),
    "spam": (
        "Earn $5000 a week working from home, click www.easy-cash-now.example to start!",
        "Buy cheap followers and likes now, visit www.boost-fans.example, limited offer!",
        "FREE iPhone winner! Text WIN to 80082 to claim your prize now.",
    ),
    # Emergency information belongs on an approved channel: a post asks for review.
    "emergency": (
        "Evacuation order for the river flats: leave now.",
        "Boil water advisory in effect for the whole east end.",
    ),
}

TEMPLATES = (
    "I {stance} the new bike lane plan on {street}.",
    "I {stance} {topic}. Council should listen to residents.",
    "Honestly I {agreement} with council on {topic}.",
    "I {agreement} with {candidate} about {topic}.",
    "Put me down as {side} {topic}. Thanks for posting this.",
    "Most people on {street} are {side} the rezoning, and so am I.",
    "{candidate} is {evaluative} on housing, and the {party} caucus {stances} it.",
    "As a {party} voter I think the budget is {evaluative}.",
    "As a {party} voter I {stance} {topic}.",
    "Lifelong {party} supporter here. {topic} is a {evaluative} idea.",
    "The {party} councillors always vote {side} projects like this.",
    "Will {candidate} be at {place} on {day}? I want to ask about {topic}.",
    "{candidate} {stances} {topic}, which I think is {evaluative}.",
    "Councillor {surname} gave a {evaluative} answer on {topic} at {place}.",
    "Thank you {candidate} for showing up at {place} {day}.",
    "I heard {surname} speak at {place}. I {agreement} with most of it.",
    "This is the {superlative} decision council has made in years.",
    "The {superlative} part of {topic} is the cost.",
    "The meeting at {place} {day} was {evaluative}. Well run, clear slides.",
    "{topic} is a {evaluative} use of our taxes.",
    "Our family is {side} {topic}. We live on {street}.",
    "My neighbours and I {stance} closing {street} for the market.",
    "The {party} plan for transit is {evaluative}, whatever {candidate} says.",
    "Who else {stances} this? I think {candidate} got it {evaluative}... or not.",
    # With something the rules act on, in both members.
    "I {stance} the new bike lane plan on {street}. {violation}",
    "{candidate} is {evaluative} on housing. {violation}",
    "As a {party} voter I think the budget is {evaluative}. {violation}",
    "{violation} Anyway I {agreement} with {candidate} on {topic}.",
    "I am {side} {topic}. {violation}",
    "The {party} caucus {stances} it and that is {evaluative}. {violation}",
    "This is the {superlative} plan yet. {violation}",
    "Councillor {surname} was {evaluative} at {place}. {violation}",
)

PAIRS_WANTED = 800
SEED = 20_270_322


@dataclass(frozen=True, slots=True)
class Pair:
    """Two texts that differ only in the value of one neutral slot: `before`, the value,
    `after`."""

    template: str
    slot: str
    family: str
    violation: str | None
    before: str
    after: str
    first_value: str
    second_value: str

    @property
    def first(self) -> str:
        return f"{self.before}{self.first_value}{self.after}"

    @property
    def second(self) -> str:
        return f"{self.before}{self.second_value}{self.after}"


@dataclass(frozen=True, slots=True)
class Context:
    """Where a text is going: its kind and what the election calendar says on the day."""

    name: str
    kind: ContentKind
    election_period: bool
    elections: tuple[str, ...]


CONTEXTS = (
    Context("comment during the election period", ContentKind.COMMENT, True, (ELECTION,)),
    Context("comment after the election", ContentKind.COMMENT, False, ()),
    Context("post during the election period", ContentKind.POST, True, (ELECTION,)),
    Context("post before the election period", ContentKind.POST, False, (ELECTION,)),
    Context("post after the election", ContentKind.POST, False, ()),
)


def _slots(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _fill(template: str, values: Mapping[str, str], slot: str) -> tuple[str, str]:
    """The text before and after `slot` once every other slot is filled."""
    marker = "\x00"
    text = template.format_map({**values, slot: marker})
    text = text[0].upper() + text[1:]
    before, after = text.split(marker)
    return before, after


@cache
def pairs() -> tuple[Pair, ...]:
    """Deterministic pairs, spread evenly over the four slot families."""
    rng = random.Random(SEED)
    by_family: dict[str, list[tuple[str, str]]] = {}
    for template in TEMPLATES:
        for slot in dict.fromkeys(_slots(template)):
            if slot in NEUTRAL_SLOTS:
                by_family.setdefault(SLOT_FAMILY[slot], []).append((template, slot))
    families = sorted(by_family)
    found: dict[tuple[str, str], Pair] = {}
    attempts = 0
    while len(found) < PAIRS_WANTED:
        attempts += 1
        assert attempts < 50 * PAIRS_WANTED, "the templates cannot make enough distinct pairs"
        family = families[len(found) % len(families)]
        template, slot = rng.choice(by_family[family])
        values = {name: rng.choice(choices) for name, choices in NEUTRAL_SLOTS.items()}
        values |= {name: rng.choice(choices) for name, choices in FILLER_SLOTS.items()}
        violation = rng.choice(sorted(VIOLATIONS)) if "{violation}" in template else None
        values["violation"] = rng.choice(VIOLATIONS[violation]) if violation else ""
        first_value, second_value = rng.sample(NEUTRAL_SLOTS[slot], 2)
        before, after = _fill(template, values, slot)
        pair = Pair(template, slot, family, violation, before, after, first_value, second_value)
        found.setdefault((pair.first, pair.second), pair)
    return tuple(found.values())


@cache
def engine() -> Engine:
    ruleset = Ruleset(version="neutrality", rules={}, candidates={ELECTION: CANDIDATES})
    return Engine(ruleset, classifier=TextClassifier.load())


@cache
def verdict(text: str, context: Context) -> Verdict:
    return engine().screen(
        ScreeningInput(
            text,
            context.kind,
            election_period=context.election_period,
            elections=context.elections,
        )
    )


def _describe(pair: Pair, context: Context) -> str:
    lines = [f"{context.name}, {pair.family} ({pair.slot}):"]
    for text in (pair.first, pair.second):
        found = verdict(text, context)
        findings = ", ".join(
            f"{f.category.value}/{f.action.value} by {f.detector} at {f.excerpt!r}"
            for f in found.findings
        )
        lines.append(f"  {found.decision.value}: {text!r} [{findings}]")
    return "\n".join(lines)


def _differing(context: Context, outcome: str) -> list[str]:
    def of(text: str) -> object:
        found = verdict(text, context)
        if outcome == "decision":
            return found.decision
        return sorted((f.category.value, f.action.value) for f in found.findings)

    return [_describe(p, context) for p in pairs() if of(p.first) != of(p.second)]


def test_there_are_at_least_500_pairs_spread_over_every_slot_family() -> None:
    families = Counter(pair.family for pair in pairs())
    assert len(pairs()) >= 500
    assert set(families) == {"stance", "party", "candidate", "evaluative"}
    assert min(families.values()) >= 100
    assert len({(pair.first, pair.second) for pair in pairs()}) == len(pairs())


def test_the_members_of_each_pair_differ_in_one_neutral_slot_only() -> None:
    for pair in pairs():
        assert {pair.first_value, pair.second_value} <= set(NEUTRAL_SLOTS[pair.slot])
        assert pair.first_value != pair.second_value
        # Every other slot was filled, with the same value in both members.
        assert not {"{", "}", "\x00"} & set(pair.before + pair.after)


@pytest.mark.parametrize("context", CONTEXTS, ids=lambda c: c.name)
def test_the_pairs_reach_every_decision_the_kind_of_text_can_get(context: Context) -> None:
    decisions = Counter(verdict(pair.first, context).decision for pair in pairs())
    removal = Decision.HIDE if context.kind is ContentKind.COMMENT else Decision.BLOCK
    assert set(decisions) == {Decision.ALLOW, Decision.REVIEW, removal}
    assert min(decisions.values()) >= 10


@pytest.mark.parametrize("context", CONTEXTS, ids=lambda c: c.name)
def test_stance_party_candidate_and_evaluation_never_change_the_decision(
    context: Context,
) -> None:
    differing = _differing(context, "decision")
    assert not differing, f"{len(differing)} pairs decided differently:\n" + "\n".join(
        differing[:20]
    )


@pytest.mark.parametrize("context", CONTEXTS, ids=lambda c: c.name)
def test_stance_party_candidate_and_evaluation_never_change_what_is_found(
    context: Context,
) -> None:
    differing = _differing(context, "findings")
    assert not differing, f"{len(differing)} pairs had different findings:\n" + "\n".join(
        differing[:20]
    )
