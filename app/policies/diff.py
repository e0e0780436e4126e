"""What changed between two versions of a policy, clause by clause and word by word.

Pure Python over ClauseDrafts: the caller loads both versions; nothing here touches storage."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from itertools import groupby
from typing import Any, Literal

from app.policies.vocabulary import ClauseDraft

SAME_REF_THRESHOLD = 0.5
MOVE_THRESHOLD = 0.6
# Inserting a section shifts every later number, so the clause now under a ref is often the
# old neighbour, and neighbours share enough words to pass 0.5. Keeping the ref is worth this
# much similarity: a clearly closer match elsewhere wins, a near tie stays "changed".
SAME_REF_BONUS = 0.1

# Anything that is not whitespace is part of a token, so splitting on them leaves only
# whitespace between: [gap, token, gap, ..., token, gap], which rejoins to the input.
_DIFF_TOKEN = re.compile(r"(\w+|[^\w\s])")
_WORD = re.compile(r"\w+")
_FIELDS = ("title", "text", "kind", "term", "role", "topics", "applies_to", "parent_ref")


@dataclass(frozen=True, slots=True)
class WordOp:
    op: Literal["equal", "insert", "delete"]
    text: str


@dataclass(slots=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(slots=True)
class ClauseChange:
    before: ClauseDraft
    after: ClauseDraft
    fields: list[FieldChange]
    title_diff: list[WordOp] | None
    text_diff: list[WordOp] | None
    similarity: float


@dataclass(slots=True)
class ClauseDiff:
    added: list[ClauseDraft]
    removed: list[ClauseDraft]
    changed: list[ClauseChange]
    moved: list[ClauseChange]
    unchanged: int


def _spaces(old: str, new: str) -> list[tuple[str, str]]:
    return [("equal", old)] if old == new else [("delete", old), ("insert", new)]


def word_diff(before: str, after: str) -> list[WordOp]:
    """The edits turning ``before`` into ``after``: equal+delete texts rejoin to ``before``,
    equal+insert to ``after``."""
    # Whitespace is kept out of the matched sequence: a token as common as " " makes
    # SequenceMatcher quadratic, and it would pin edits to the spaces between words.
    old_parts, new_parts = _DIFF_TOKEN.split(before), _DIFF_TOKEN.split(after)
    old, old_gaps, new, new_gaps = old_parts[1::2], old_parts[::2], new_parts[1::2], new_parts[::2]
    raw: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                raw += [*_spaces(old_gaps[i1 + k], new_gaps[j1 + k]), ("equal", old[i1 + k])]
            continue
        gone = "".join(old_gaps[k] + old[k] for k in range(i1, i2))
        came = "".join(new_gaps[k] + new[k] for k in range(j1, j2))
        if i1 < i2 and j1 < j2:  # so "must" -> "shall" leaves the space before it equal
            raw += _spaces(old_gaps[i1], new_gaps[j1])
            gone, came = gone[len(old_gaps[i1]) :], came[len(new_gaps[j1]) :]
        raw += [("delete", gone), ("insert", came)]
    raw += _spaces(old_gaps[-1], new_gaps[-1])
    runs = [list(run) for _, run in groupby((r for r in raw if r[1]), lambda r: r[0] == "equal")]
    ops: list[WordOp] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for k, run in enumerate(runs):
        text = "".join(text for _, text in run)
        # A lone space or comma kept between two edits would split one rewording into several
        # interleaved ones, so it joins both sides of the rewording instead.
        if run[0][0] == "equal" and (k in (0, len(runs) - 1) or _WORD.search(text)):
            ops += [*_edits(deleted, inserted), WordOp("equal", text)]
            deleted, inserted = [], []
        else:
            deleted += [text for op, text in run if op != "insert"]
            inserted += [text for op, text in run if op != "delete"]
    return ops + _edits(deleted, inserted)


def _edits(deleted: list[str], inserted: list[str]) -> list[WordOp]:
    ops = [WordOp("delete", "".join(deleted))] if deleted else []
    return ops + ([WordOp("insert", "".join(inserted))] if inserted else [])


def _norm(value: str | None) -> str | None:
    return " ".join((value or "").split()) or None


def _comparable(clause: ClauseDraft) -> tuple[Hashable, ...]:
    """The fields as compared: whitespace collapsed, and topics and applies_to as sets since
    their order carries no meaning. Ordered as _FIELDS; parent_ref last."""
    return (
        _norm(clause.title),
        _norm(clause.text),
        str(clause.kind),
        _norm(clause.term),
        None if clause.role is None else str(clause.role),
        tuple(sorted({" ".join(topic.split()) for topic in clause.topics})),
        tuple(sorted({str(person) for person in clause.applies_to})),
        clause.parent_ref,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, Enum) else value


def _change(before: ClauseDraft, after: ClauseDraft, similarity: float) -> ClauseChange:
    old, new = _comparable(before), _comparable(after)
    fields = [
        FieldChange(name, _plain(getattr(before, name)), _plain(getattr(after, name)))
        for k, name in enumerate(_FIELDS)
        if old[k] != new[k]
    ]
    title_diff = word_diff(before.title or "", after.title or "") if old[0] != new[0] else None
    text_diff = word_diff(before.text, after.text) if old[1] != new[1] else None
    return ClauseChange(before, after, fields, title_diff, text_diff, similarity)


def _bag(words: list[str], ids: dict[tuple[str, int], int]) -> frozenset[int]:
    """The words numbered by repeat, so that a set intersection counts shared words as a
    multiset does: the bound SequenceMatcher.quick_ratio computes, but in C."""
    seen: dict[str, int] = defaultdict(int)
    bag = set()
    for word in words:
        bag.add(ids.setdefault((word, seen[word]), len(ids)))
        seen[word] += 1
    return frozenset(bag)


def _words(clause: ClauseDraft) -> list[str]:
    return _WORD.findall(f"{clause.title or ''} {clause.text}".casefold())


def _similar(
    before: list[ClauseDraft], after: list[ClauseDraft]
) -> list[tuple[float, int, int, float]]:
    """(score, i, j, similarity) for every pair similar enough to be the same clause."""
    ids: dict[tuple[str, int], int] = {}
    old_words = [_words(clause) for clause in before]
    old_bags = [_bag(words, ids) for words in old_words]
    found = []
    for j, clause in enumerate(after):
        words = _words(clause)
        bag = _bag(words, ids)
        matcher = SequenceMatcher(None, b=words, autojunk=False)
        shared_counts = map(len, map(bag.__and__, old_bags))
        for i, shared in enumerate(shared_counts):
            same_ref = before[i].ref == clause.ref
            threshold = SAME_REF_THRESHOLD if same_ref else MOVE_THRESHOLD
            total = len(old_words[i]) + len(words)
            if total and 2 * shared < threshold * total:  # an upper bound on the ratio
                continue
            matcher.set_seq1(old_words[i])
            if (ratio := matcher.ratio()) >= threshold:
                found.append((ratio + (SAME_REF_BONUS if same_ref else 0.0), i, j, ratio))
    return found


def _by_content(keys: list[tuple[Hashable, ...]]) -> dict[Hashable, list[int]]:
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        groups[key[:-1]].append(index)  # all but parent_ref, which a move may change
    return groups


def diff_clauses(before: Sequence[ClauseDraft], after: Sequence[ClauseDraft]) -> ClauseDiff:
    """Pair the clauses of two versions: identical content first (same ref, else the ref that
    corresponds, else document order), then the most similar remaining pairs."""
    pairs: dict[int, int] = {}  # index in before -> index in after
    similarity: dict[int, float] = {}
    ref_map: dict[str | None, str | None] = {}

    def pair(o: int, n: int) -> None:
        pairs[o] = n
        ref_map.setdefault(before[o].ref, after[n].ref)
        if before[o].parent_ref is not None and after[n].parent_ref is not None:
            ref_map.setdefault(before[o].parent_ref, after[n].parent_ref)

    def corresponds(o: int, n: int) -> bool:
        parent = before[o].parent_ref
        return ref_map.get(parent, parent) == after[n].parent_ref

    def take(olds: list[int], news: list[int], fits: Callable[[int, int], bool]) -> None:
        for o in list(olds):
            match = next((n for n in news if fits(o, n)), None)
            if match is not None:
                pair(o, match)
                olds.remove(o)
                news.remove(match)

    old_keys, new_keys = [_comparable(c) for c in before], [_comparable(c) for c in after]
    old_groups, new_groups = _by_content(old_keys), _by_content(new_keys)
    ambiguous: list[tuple[list[int], list[int]]] = []
    for content, olds in old_groups.items():
        news = new_groups.get(content, [])
        take(olds, news, lambda o, n: before[o].ref == after[n].ref)
        if len(olds) == 1 and len(news) == 1:
            pair(olds[0], news[0])
        elif olds and news:
            ambiguous.append((olds, news))
    # Repeated boilerplate: the unique pairs above tell where each parent went.
    for olds, news in ambiguous:
        take(olds, news, corresponds)
        for o, n in zip(olds, news, strict=False):
            pair(o, n)

    paired = set(pairs.values())
    olds = [o for o in range(len(before)) if o not in pairs]
    news = [n for n in range(len(after)) if n not in paired]
    found = _similar([before[o] for o in olds], [after[n] for n in news])
    # Highest score first; on a tie the pair whose parents correspond, then document order.
    found.sort(key=lambda f: (-f[0], not corresponds(olds[f[1]], news[f[2]]), f[1], f[2]))
    for _, i, j, ratio in found:
        if olds[i] not in pairs and news[j] not in paired:
            pair(olds[i], news[j])
            paired.add(news[j])
            similarity[olds[i]] = ratio

    result = ClauseDiff(added=[], removed=[], changed=[], moved=[], unchanged=0)
    for o, n in sorted(pairs.items(), key=lambda item: item[1]):
        if old_keys[o] == new_keys[n] and before[o].ref == after[n].ref:
            result.unchanged += 1
            continue
        change = _change(before[o], after[n], similarity.get(o, 1.0))
        (result.changed if before[o].ref == after[n].ref else result.moved).append(change)
    result.added = [clause for n, clause in enumerate(after) if n not in paired]
    result.removed = [clause for o, clause in enumerate(before) if o not in pairs]
    return result
