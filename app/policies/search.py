"""Full-text search over clause titles and texts, the same API on both databases.

SQLite: the FTS5 table ``clause_search`` (porter stemming), ranked by BM25 with the title
weighted four times the text. PostgreSQL: the English text-search vector of the GIN index
``ix_clauses_search`` (title weight A, text weight B), ranked by ``ts_rank``. Both created by
migration 0003, whose expressions this module repeats.

People ask questions ("can I use my personal account to talk about town business"), not
keyword lists: the words that carry meaning are kept, a few everyday words are widened to
the policy's vocabulary, and any of them may match; clauses matching more of them, and
matching in the title, rank higher."""

from __future__ import annotations

import datetime as dt
import html
import re
import uuid
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    RowMapping,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import Session

from app.core.db import json_list_contains
from app.policies import repository
from app.policies.models import Clause, Policy, PolicyVersion
from app.policies.vocabulary import ClauseKind

MAX_TERMS = 16
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around matches, replaced after escaping

STOP_WORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before being
    between both but by can could did do does doing during each for from further had has
    have having he her here hers him his how i if in into is it its itself just let me
    might more most my myself no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours""".split()  # noqa: SIM905
)

# Everyday words -> the words policies use for them. Deliberately small: stemming already
# joins approve/approves/approval; this bridges different words for one thing.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "photo": ("photograph", "image", "picture"),
    "photos": ("photographs", "images", "pictures"),
    "picture": ("photo", "photograph", "image"),
    "pictures": ("photos", "photographs", "images"),
    "video": ("footage", "recording"),
    "talk": ("discuss", "speak", "comment"),
    "say": ("comment", "speak"),
    "kid": ("minor", "child"),
    "kids": ("minors", "children"),
    "children": ("minors",),
    "password": ("credential", "login"),
    "passwords": ("credentials", "logins"),
    "quit": ("departure", "leave"),
    "fired": ("departure", "terminated"),
    "campaign": ("electioneering", "candidate"),
    "delete": ("remove", "hide"),
    "deleted": ("removed", "hidden"),
    "profile": ("account",),
    "page": ("account",),
    "city": ("town", "municipal"),
    "boss": ("supervisor", "manager"),
}

_WORD = re.compile(r"[^\W_]+")  # letters and digits: nothing a query syntax could read


def query_terms(q: str) -> list[str]:
    """The words a search looks for: those that carry meaning, widened by SYNONYMS."""
    words = [w.lower() for w in _WORD.findall(q)]
    kept = [w for w in words if w not in STOP_WORDS and len(w) > 1] or words
    terms: list[str] = []
    for word in kept:
        terms += [word, *SYNONYMS.get(word, ())]
    return list(dict.fromkeys(terms))[:MAX_TERMS]


@dataclass(frozen=True, slots=True)
class SearchScope:
    """Which clauses a search covers: those of the versions in force on ``on`` (of one
    policy, or of all), or those of one version."""

    on: dt.date
    policy_id: uuid.UUID | None = None
    version_id: uuid.UUID | None = None
    kind: ClauseKind | None = None
    topic: str | None = None


def _filters(scope: SearchScope) -> list[Any]:
    conditions: list[Any] = []
    if scope.version_id is not None:
        conditions.append(Clause.version_id == scope.version_id)
    else:
        conditions.append(repository.in_force_condition(scope.on))
    if scope.policy_id is not None:
        conditions.append(PolicyVersion.policy_id == scope.policy_id)
    if scope.kind is not None:
        conditions.append(Clause.kind == scope.kind)
    if scope.topic is not None:
        conditions.append(json_list_contains(Clause.topics, scope.topic))
    return conditions


_COLUMNS = (
    Clause.ref,
    Clause.title,
    Clause.kind,
    Clause.topics,
    Clause.position,
    Clause.version_id,
    PolicyVersion.label.label("version_label"),
    PolicyVersion.policy_id,
    Policy.title.label("policy_title"),
)

_fts = table("clause_search", column("clause_id"), column("title"), column("text"))

# The expression of the GIN index (migration 0003), so that PostgreSQL uses it.
PG_SEARCH_VECTOR: ColumnElement[Any] = literal_column(
    "(setweight(to_tsvector('english'::regconfig, coalesce(clauses.title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, clauses.text), 'B'))"
)


def _sqlite_query(terms: Sequence[str], conditions: list[Any]) -> tuple[Any, Any]:
    match = " OR ".join(f'"{t}"' for t in terms)  # quoted: FTS5 syntax in terms is inert
    rank = func.bm25(literal_column("clause_search"), 0.0, 4.0, 1.0)
    base = (
        select(*_COLUMNS)
        .select_from(_fts)
        .join(Clause, Clause.id == _fts.c.clause_id)
        .join(PolicyVersion, PolicyVersion.id == Clause.version_id)
        .join(Policy, Policy.id == PolicyVersion.policy_id)
        .where(literal_column("clause_search").op("MATCH")(match), *conditions)
    )
    snippet = func.snippet(literal_column("clause_search"), 2, _OPEN, _CLOSE, "…", 24)
    ranked = base.add_columns(snippet.label("snippet"), (-rank).label("score")).order_by(
        rank, Clause.position
    )
    return base, ranked


def _postgres_query(terms: Sequence[str], conditions: list[Any]) -> tuple[Any, Any]:
    tsquery = func.to_tsquery(literal_column("'english'::regconfig"), " | ".join(terms))
    base = (
        select(*_COLUMNS)
        .select_from(Clause)
        .join(PolicyVersion, PolicyVersion.id == Clause.version_id)
        .join(Policy, Policy.id == PolicyVersion.policy_id)
        .where(PG_SEARCH_VECTOR.op("@@")(tsquery), *conditions)
    )
    rank = func.ts_rank(PG_SEARCH_VECTOR, tsquery, 1, type_=Float)
    snippet = func.ts_headline(
        literal_column("'english'::regconfig"),
        Clause.text,
        tsquery,
        f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=30, MinWords=12, "
        'MaxFragments=2, FragmentDelimiter=" … "',
    )
    ranked = base.add_columns(snippet.label("snippet"), rank.label("score")).order_by(
        rank.desc(), Clause.position
    )
    return base, ranked


SearchResult = tuple[list[Any], int]


class AdoptedTextCache:
    """Search answers over adopted texts, kept while the adopted versions stay as they are.

    An adopted text never changes; what is in force changes only when a version is adopted,
    superseded or repealed, and each of those bumps the version's row version. So an answer
    stays right while the (id, row version) pairs of the adopted versions are the same: one
    small query per search checks that, on every replica (nothing here is shared)."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[frozenset[Any], SearchResult]] = OrderedDict()

    def get(self, key: Hashable, stamp: frozenset[Any]) -> SearchResult | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] != stamp:
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: Hashable, stamp: frozenset[Any], result: SearchResult) -> None:
        self._entries[key] = (stamp, result)
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


def search(
    session: Session, terms: Sequence[str], scope: SearchScope, *, offset: int, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Ranked matches and their total; each with an HTML-safe snippet, matches in <mark>."""
    if not terms:
        return [], 0
    build = _postgres_query if session.get_bind().dialect.name == "postgresql" else _sqlite_query
    base, ranked = build(terms, _filters(scope))
    connection = session.connection()
    total = connection.execute(select(func.count()).select_from(base.subquery())).scalar() or 0
    rows = connection.execute(ranked.offset(offset).limit(limit)).mappings().all()
    return [_hit(row) for row in rows], total


def _hit(row: RowMapping) -> dict[str, Any]:
    hit = dict(row)
    hit["snippet"] = (
        html.escape(row["snippet"] or "").replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    )
    hit["score"] = round(float(row["score"]), 6)
    return hit
