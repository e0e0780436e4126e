"""Whether a person's training and policy acknowledgement let them hold a grant role.

Owners, publishers and moderators of the town's accounts must have passed training that covers
the competencies their role needs, with completions that have not expired nor been made void by
a retired module or a new policy version, and must have acknowledged the policy version in
force. These are the rules alone, on plain values: the caller loads the records and passes the
town date to judge, so the same answer comes out for the same inputs at any time and the rules
are tested without a database.

Dates are town dates (the calendar date in the town's time zone, see ``town_date``); a day
counts as a whole, whatever its length on a daylight-saving change.

When a required competency is not covered on the day, the gap says why coverage ended: the
completion that covered it last decides. If that completion ran out its validity the gap is
``EXPIRED``; if a retired module or a new policy version stopped it first, ``RETRAINING``. A
completion that never counted (a retired module taken after its retirement, a module teaching
a superseded policy taken after the new version took effect) never covered anything, so a
competency covered only by such completions is ``MISSING``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo


class GapKind(StrEnum):
    MISSING = "missing"  # never covered by a passed completion that counted
    EXPIRED = "expired"  # the completion that covered it last ran out its validity
    RETRAINING = "retraining"  # ... was voided by a retired module or a new policy version
    ACKNOWLEDGEMENT_OVERDUE = "acknowledgement_overdue"


@dataclass(frozen=True, slots=True)
class Module:
    id: uuid.UUID
    code: str
    module_version: str
    competencies: frozenset[str]
    validity_days: int
    required_for_roles: frozenset[str]  # grant roles: "owner", "publisher", "moderator", ...
    retired_on: dt.date | None  # town date it was retired, None while current
    retraining_on_retire: bool  # completions of it stop counting from retired_on
    policy_version_id: uuid.UUID | None  # the policy version it teaches
    retraining_on_new_policy: bool  # completions count only while that version is in force

    def __post_init__(self) -> None:
        if self.validity_days < 1:
            raise ValueError(f"module {self.code}: validity_days must be at least 1")


@dataclass(frozen=True, slots=True)
class Completion:
    id: uuid.UUID
    module_id: uuid.UUID
    completed_on: dt.date  # a town date
    passed: bool
    expires_on: dt.date  # last town date on which it is valid, see expiry_date

    def __post_init__(self) -> None:
        if self.expires_on < self.completed_on:
            raise ValueError(f"completion {self.id}: expires_on is before completed_on")


@dataclass(frozen=True, slots=True)
class PolicyInForce:
    version_id: uuid.UUID
    label: str
    in_force_since: dt.date  # town date the version took effect
    acknowledgement_due_on: dt.date  # in_force_since + the configured acknowledgement period

    def __post_init__(self) -> None:
        if self.acknowledgement_due_on < self.in_force_since:
            raise ValueError(f"policy {self.label}: acknowledgement due before it takes effect")


@dataclass(frozen=True, slots=True)
class Gap:
    kind: GapKind
    competency: str | None  # None for the acknowledgement gap
    # expired: the day after the last covering completion's expires_on; retraining: the day it
    # stopped counting (None if a policy change of unknown date stopped it); acknowledgement:
    # the day after acknowledgement_due_on; missing: None.
    since: dt.date | None
    last_completion_id: uuid.UUID | None  # expired/retraining: the completion that covered last
    modules: tuple[str, ...]  # codes of the current modules that cover the competency, sorted
    message: str  # a sentence for people, dates in ISO form


@dataclass(frozen=True, slots=True)
class Eligibility:
    role: str
    on: dt.date
    eligible: bool
    required_competencies: tuple[str, ...]  # sorted
    gaps: tuple[Gap, ...]  # acknowledgement first, then by competency
    # When eligible: the earliest expires_on among the completions relied on (per competency
    # the covering completion expiring last). None when not eligible or nothing is required.
    valid_until: dt.date | None
    acknowledgement_due_on: dt.date | None  # a version is in force, not yet acknowledged


@dataclass(frozen=True, slots=True)
class _Lapse:
    """Why and since when a completion that once counted no longer does."""

    completion: Completion
    kind: GapKind
    since: dt.date | None  # None: stopped by a policy change whose date is not known
    reason: str


def expiry_date(completed_on: dt.date, validity_days: int) -> dt.date:
    """The last town date on which a completion is valid.

    The day it was taken is the first of its ``validity_days`` days, so the last one is
    ``completed_on + validity_days - 1``: a 365-day validity completed on 2024-03-10 is valid
    through 2025-03-09 and no longer on 2025-03-10.
    """
    if validity_days < 1:
        raise ValueError("validity_days must be at least 1")
    return completed_on + dt.timedelta(days=validity_days - 1)


def town_date(moment: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The calendar date in the town at an aware instant (a naive datetime is refused)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("town_date needs an aware datetime")
    return moment.astimezone(zone).date()


def _is_current(module: Module, on: dt.date) -> bool:
    return module.retired_on is None or module.retired_on > on


def required_competencies(role: str, modules: Iterable[Module], on: dt.date) -> frozenset[str]:
    """Union of the competencies of the modules current on ``on`` (not retired on or before
    it) that are required for ``role``."""
    required: set[str] = set()
    for module in modules:
        if role in module.required_for_roles and _is_current(module, on):
            required |= module.competencies
    return frozenset(required)


def _voided_by_retirement(module: Module, on: dt.date) -> bool:
    return module.retraining_on_retire and not _is_current(module, on)


def _voided_by_policy(module: Module, policy: PolicyInForce | None) -> bool:
    return (
        module.retraining_on_new_policy
        and module.policy_version_id is not None
        and (policy is None or policy.version_id != module.policy_version_id)
    )


def counts_on(
    completion: Completion, module: Module, on: dt.date, policy: PolicyInForce | None
) -> bool:
    """Whether ``completion`` of ``module`` counts on town date ``on``, ``policy`` being the
    version in force that day: passed, taken on or before ``on``, not expired, and not voided
    by the module's retirement with retraining required (from ``retired_on``) nor, when the
    module asks for retraining on a new policy, by a policy version other than the one it
    teaches being in force (or none at all)."""
    if completion.module_id != module.id:
        raise ValueError(f"completion {completion.id} is not of module {module.id}")
    return (
        completion.passed
        and completion.completed_on <= on <= completion.expires_on
        and not _voided_by_retirement(module, on)
        and not _voided_by_policy(module, policy)
    )


def _lapse(
    completion: Completion, module: Module, on: dt.date, policy: PolicyInForce | None
) -> _Lapse | None:
    """How a passed completion taken by ``on`` that does not count on ``on`` stopped counting;
    None if it never counted at all. The earliest reason wins; on the same day a voided module
    wins over expiry, since the same module cannot simply be taken again."""
    version = f"{module.code} version {module.module_version}"
    reasons: list[tuple[dt.date | None, GapKind, str]] = []
    if _voided_by_retirement(module, on):
        reasons.append(
            (module.retired_on, GapKind.RETRAINING, f"{version} was retired, retraining required")
        )
    if _voided_by_policy(module, policy):
        # Only the version now in force is known here; the one the module teaches was in force
        # until that one's start at the latest.
        since = policy.in_force_since if policy is not None else None
        now = f"{policy.label} is" if policy is not None else "none is"
        reasons.append(
            (
                since,
                GapKind.RETRAINING,
                f"{version} teaches a policy version that is not the one in force ({now})",
            )
        )
    if on > completion.expires_on:
        expired = completion.expires_on + dt.timedelta(days=1)
        reasons.append((expired, GapKind.EXPIRED, f"{version} expired"))
    dated = [reason for reason in reasons if reason[0] is not None]
    since, kind, reason = (
        min(dated, key=lambda r: (r[0], r[1] is not GapKind.RETRAINING)) if dated else reasons[0]
    )
    if since is not None and since <= completion.completed_on:
        return None
    return _Lapse(completion=completion, kind=kind, since=since, reason=reason)


def _latest_lapse(lapses: Iterable[_Lapse]) -> _Lapse | None:
    """The completion that covered the competency last; an unknown end date counts as latest
    (the completion counted until some day after the known ones)."""
    return max(
        lapses,
        key=lambda lapse: (
            lapse.since or dt.date.max,
            lapse.completion.completed_on,
            lapse.completion.id,
        ),
        default=None,
    )


def _best(completions: Iterable[Completion]) -> Completion | None:
    """The covering completion to rely on: the one expiring last."""
    return max(completions, key=lambda c: (c.expires_on, c.completed_on, c.id), default=None)


def _complete(codes: tuple[str, ...]) -> str:
    return f"complete {' or '.join(codes)}"


def _lapse_message(competency: str, lapse: _Lapse, codes: tuple[str, ...]) -> str:
    taken = lapse.completion.completed_on.isoformat()
    if lapse.kind is GapKind.EXPIRED:
        return (
            f"Training in {competency} taken on {taken} was valid through "
            f"{lapse.completion.expires_on.isoformat()}: {_complete(codes)}."
        )
    when = f" on {lapse.since.isoformat()}" if lapse.since is not None else ""
    return (
        f"Training in {competency} taken on {taken} stopped counting{when} because "
        f"{lapse.reason}: {_complete(codes)}."
    )


def _competency_gap(competency: str, codes: tuple[str, ...], lapse: _Lapse | None) -> Gap:
    if lapse is None:
        return Gap(
            kind=GapKind.MISSING,
            competency=competency,
            since=None,
            last_completion_id=None,
            modules=codes,
            message=f"No passed training covers {competency}: {_complete(codes)}.",
        )
    return Gap(
        kind=lapse.kind,
        competency=competency,
        since=lapse.since,
        last_completion_id=lapse.completion.id,
        modules=codes,
        message=_lapse_message(competency, lapse, codes),
    )


def _acknowledgement_gap(policy: PolicyInForce) -> Gap:
    since = policy.acknowledgement_due_on + dt.timedelta(days=1)
    return Gap(
        kind=GapKind.ACKNOWLEDGEMENT_OVERDUE,
        competency=None,
        since=since,
        last_completion_id=None,
        modules=(),
        message=(
            f"Policy {policy.label}, in force since {policy.in_force_since.isoformat()}, was to "
            f"be acknowledged by {policy.acknowledgement_due_on.isoformat()}; the "
            f"acknowledgement is overdue since {since.isoformat()}."
        ),
    )


def _index(modules: Iterable[Module]) -> dict[uuid.UUID, Module]:
    by_id: dict[uuid.UUID, Module] = {}
    for module in modules:
        if by_id.setdefault(module.id, module) != module:
            raise ValueError(f"two different modules share the id {module.id}")
    return by_id


def _current_codes(
    by_id: Mapping[uuid.UUID, Module], competency: str, on: dt.date
) -> tuple[str, ...]:
    return tuple(
        sorted(
            {m.code for m in by_id.values() if competency in m.competencies and _is_current(m, on)}
        )
    )


def evaluate(
    role: str,
    modules: Iterable[Module],
    completions: Iterable[Completion],
    *,
    on: dt.date,
    policy: PolicyInForce | None,
    acknowledged: bool,
) -> Eligibility:
    """Eligibility of one person (their completions) for one grant role on town date ``on``.

    ``policy`` is the version in force on ``on`` (None when there is none) and ``acknowledged``
    whether this person has acknowledged it. Until ``acknowledgement_due_on`` an unacknowledged
    version does not stop eligibility, but the due date is reported; from the day after, it is a
    gap. A role no module requires needs only the acknowledgement. Completions of modules not
    in ``modules``, failed ones and ones taken after ``on`` are ignored.
    """
    by_id = _index(modules)
    taken = [
        (c, by_id[c.module_id])
        for c in completions
        if c.module_id in by_id and c.passed and c.completed_on <= on
    ]
    required = tuple(sorted(required_competencies(role, by_id.values(), on)))
    gaps: list[Gap] = []
    relied_on: list[Completion] = []
    for competency in required:
        covering = [(c, m) for c, m in taken if competency in m.competencies]
        best = _best(c for c, m in covering if counts_on(c, m, on, policy))
        if best is not None:
            relied_on.append(best)
            continue
        lapses = (_lapse(c, m, on, policy) for c, m in covering)
        lapse = _latest_lapse(lapse for lapse in lapses if lapse is not None)
        gaps.append(_competency_gap(competency, _current_codes(by_id, competency, on), lapse))
    due = policy.acknowledgement_due_on if policy is not None and not acknowledged else None
    if policy is not None and due is not None and on > due:
        gaps.insert(0, _acknowledgement_gap(policy))
    eligible = not gaps
    return Eligibility(
        role=role,
        on=on,
        eligible=eligible,
        required_competencies=required,
        gaps=tuple(gaps),
        valid_until=min(c.expires_on for c in relied_on) if eligible and relied_on else None,
        acknowledgement_due_on=due,
    )
