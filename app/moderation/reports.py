"""Neutrality in practice: how often each reason is used, by whom and against whom, with the
outliers a town should be able to explain."""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.moderation import repository
from app.moderation.access import reachable_account
from app.moderation.models import REMOVALS, AppealStatus
from app.moderation.rules import ModerationRules
from app.moderation.schemas import (
    CommenterCount,
    ModeratorCount,
    NeutralityReport,
    ReasonCount,
)
from app.people import service as people
from app.people.errors import PersonNotFound

# Fewer removals than this is never called an outlier, whatever the spread.
MIN_OUTLIER_COUNT = 3
COMMENTERS_LISTED = 100
METHOD = (
    "A moderator or commenter is an outlier when their number of removals (hide, delete, "
    "block) is above the upper Tukey fence of the group (third quartile + 1.5 x the "
    f"interquartile range) and at least {MIN_OUTLIER_COUNT}; with fewer than four in a group "
    "none is flagged. An outlier is a question to answer, not a finding of bias."
)


def upper_fence(values: list[int]) -> float | None:
    """Q3 + 1.5 IQR, or None when there are too few values to speak of a spread."""
    if len(values) < 4:
        return None
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q3 + 1.5 * (q3 - q1)


def outliers(counts: Mapping[Any, int]) -> set[Any]:
    fence = upper_fence(list(counts.values()))
    if fence is None:
        return set()
    return {key for key, n in counts.items() if n > fence and n >= MIN_OUTLIER_COUNT}


def _name(session: Session, person_id: uuid.UUID) -> str:
    try:
        person = people.get_person(session, person_id)
    except PersonNotFound:  # pragma: no cover - actions keep their moderator (RESTRICT)
        return str(person_id)
    return f"{person.given_name} {person.family_name}"


def neutrality(
    session: Session,
    actor: Any,
    rules: ModerationRules,
    *,
    account_id: uuid.UUID | None,
    since: dt.date | None,
    until: dt.date | None,
) -> NeutralityReport:
    """Actions in the period (town dates, inclusive) by reason code, moderator and commenter."""
    if account_id is not None:
        reachable_account(session, actor, account_id)
    rows = list(
        repository.action_rows_for_report(
            session,
            account_id=account_id,
            since=rules.day_start(since) if since else None,
            until=rules.day_start(until + dt.timedelta(days=1)) if until else None,
        )
    )
    by_reason: Counter[str] = Counter()
    moderator_actions: Counter[uuid.UUID] = Counter()
    moderator_removals: Counter[uuid.UUID] = Counter()
    appeals: Counter[uuid.UUID] = Counter()
    upheld: Counter[uuid.UUID] = Counter()
    commenter_removals: Counter[tuple[uuid.UUID, str]] = Counter()
    commenter_moderators: defaultdict[tuple[uuid.UUID, str], set[uuid.UUID]] = defaultdict(set)
    removals = 0
    for _id, action, reason_code, moderator, author, account, appeal_status in rows:
        by_reason[reason_code] += 1
        moderator_actions[moderator] += 1
        if action not in REMOVALS:
            continue
        removals += 1
        moderator_removals[moderator] += 1
        commenter_removals[(account, author)] += 1
        commenter_moderators[(account, author)].add(moderator)
        if appeal_status is not None:
            appeals[moderator] += 1
            upheld[moderator] += appeal_status == AppealStatus.UPHELD
    flagged_moderators = outliers({m: moderator_removals[m] for m in moderator_actions})
    flagged_commenters = outliers(commenter_removals)
    listed = sorted(commenter_removals, key=lambda k: (-commenter_removals[k], k[1]))
    listed = listed[:COMMENTERS_LISTED] + [
        k for k in listed[COMMENTERS_LISTED:] if k in flagged_commenters
    ]
    handles = repository.handles_by_key(session, listed)
    total = len(rows)
    return NeutralityReport(
        from_=since,
        to=until,
        account_id=account_id,
        actions=total,
        removals=removals,
        by_reason_code=[
            ReasonCount(reason_code=code, actions=n, share=round(n / total, 4))
            for code, n in sorted(by_reason.items(), key=lambda item: (-item[1], item[0]))
        ],
        by_moderator=[
            ModeratorCount(
                person_id=m,
                name=_name(session, m),
                actions=moderator_actions[m],
                removals=moderator_removals[m],
                appeals=appeals[m],
                appeals_upheld=upheld[m],
                outlier=m in flagged_moderators,
            )
            for m in sorted(moderator_actions, key=lambda m: (-moderator_removals[m], str(m)))
        ],
        by_commenter=[
            CommenterCount(
                author_handle=handles.get(key, key[1]),
                account_id=key[0],
                removals=commenter_removals[key],
                moderators=len(commenter_moderators[key]),
                outlier=key in flagged_commenters,
            )
            for key in listed
        ],
        method=METHOD,
    )
