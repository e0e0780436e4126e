"""Training eligibility rules: which competencies a role needs, when a completion counts, what
gap stops a person from holding a grant and until when they may hold it."""

from __future__ import annotations

import datetime as dt
import uuid
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.training.eligibility import (
    Completion,
    Eligibility,
    GapKind,
    Module,
    PolicyInForce,
    counts_on,
    evaluate,
    expiry_date,
    required_competencies,
    town_date,
)

D = dt.date.fromisoformat
DAY = dt.timedelta(days=1)
SECOND = dt.timedelta(seconds=1)
IDS = uuid.UUID("6f1c2d0e-7a55-4c2b-9a36-1d7a3f0b9e11")
V2021 = uuid.uuid5(IDS, "policy 2021")
V2024 = uuid.uuid5(IDS, "policy 2024")
POLICY_2021 = PolicyInForce(V2021, "2021 edition", D("2021-05-01"), D("2021-06-30"))
POLICY_2024 = PolicyInForce(V2024, "2024 edition", D("2024-04-01"), D("2024-05-01"))
GRANT_ROLES = frozenset({"owner", "publisher", "moderator"})


def module(
    code: str,
    competencies: set[str],
    *,
    version: str = "1",
    validity_days: int = 365,
    roles: frozenset[str] = GRANT_ROLES,
    retired_on: str | None = None,
    retraining_on_retire: bool = False,
    policy_version_id: uuid.UUID | None = None,
    retraining_on_new_policy: bool = False,
) -> Module:
    return Module(
        id=uuid.uuid5(IDS, f"{code} {version}"),
        code=code,
        module_version=version,
        competencies=frozenset(competencies),
        validity_days=validity_days,
        required_for_roles=roles,
        retired_on=D(retired_on) if retired_on else None,
        retraining_on_retire=retraining_on_retire,
        policy_version_id=policy_version_id,
        retraining_on_new_policy=retraining_on_new_policy,
    )


def took(of: Module, on: str, *, passed: bool = True) -> Completion:
    return Completion(
        id=uuid.uuid5(of.id, f"{on} {passed}"),
        module_id=of.id,
        completed_on=D(on),
        passed=passed,
        expires_on=expiry_date(D(on), of.validity_days),
    )


SOCIAL = module("SM-101", {"privacy", "records"})
MODERATING = module("MOD-201", {"de-escalation"}, validity_days=730, roles=frozenset({"moderator"}))
SOCIAL_RETIRED = module(
    "SM-101", {"privacy", "records"}, retired_on="2024-06-01", retraining_on_retire=True
)
SOCIAL_OUTGROWN = module("SM-101", {"privacy", "records"}, retired_on="2024-06-01")
SOCIAL_NEXT = module("SM-102", {"privacy", "records"})
POLICY_OLD = module(
    "POL-21",
    {"policy"},
    retired_on="2024-04-01",
    policy_version_id=V2021,
    retraining_on_new_policy=True,
)
POLICY_OLD_KEPT = module("POL-21", {"policy"}, version="k", policy_version_id=V2021)
POLICY_OLD_CURRENT = module(
    "POL-21", {"policy"}, version="c", policy_version_id=V2021, retraining_on_new_policy=True
)
POLICY_NEW = module("POL-24", {"policy"}, policy_version_id=V2024, retraining_on_new_policy=True)

SOCIAL_JAN = took(SOCIAL, "2024-01-11")  # valid through 2025-01-09
SOCIAL_DEC = took(SOCIAL, "2024-12-01")  # valid through 2025-11-30
MODERATING_JUN = took(MODERATING, "2023-06-01")  # valid through 2025-05-30
ALL_THREE = ("de-escalation", "privacy", "records")


def gaps_of(result: Eligibility) -> list[tuple[Any, ...]]:
    return [(g.kind, g.competency, g.since, g.last_completion_id, g.modules) for g in result.gaps]


MISSING, EXPIRED, RETRAINING = GapKind.MISSING, GapKind.EXPIRED, GapKind.RETRAINING
OVERDUE = GapKind.ACKNOWLEDGEMENT_OVERDUE

# role, modules, completions, on, policy, acknowledged -> required, gaps, valid_until
CASES = {
    "nothing taken": (
        "moderator", [SOCIAL, MODERATING], [], "2024-06-01", None, False,
        ALL_THREE,
        [(MISSING, "de-escalation", None, None, ("MOD-201",)),
         (MISSING, "privacy", None, None, ("SM-101",)),
         (MISSING, "records", None, None, ("SM-101",))],
        None,
    ),
    "all current: valid until the first expiry": (
        "moderator", [SOCIAL, MODERATING], [SOCIAL_JAN, MODERATING_JUN], "2024-06-01", None, False,
        ALL_THREE, [], "2025-01-09",
    ),
    "still valid on the expiry date": (
        "moderator", [SOCIAL, MODERATING], [SOCIAL_JAN, MODERATING_JUN], "2025-01-09", None, False,
        ALL_THREE, [], "2025-01-09",
    ),
    "expired the day after": (
        "moderator", [SOCIAL, MODERATING], [SOCIAL_JAN, MODERATING_JUN], "2025-01-10", None, False,
        ALL_THREE,
        [(EXPIRED, "privacy", D("2025-01-10"), SOCIAL_JAN.id, ("SM-101",)),
         (EXPIRED, "records", D("2025-01-10"), SOCIAL_JAN.id, ("SM-101",))],
        None,
    ),
    "the completion expiring last is relied on": (
        "moderator", [SOCIAL, MODERATING], [SOCIAL_DEC, SOCIAL_JAN, MODERATING_JUN], "2024-12-15",
        None, False,
        ALL_THREE, [], "2025-05-30",
    ),
    "expired: the last covering completion gives the date": (
        "publisher", [SOCIAL], [took(SOCIAL, "2022-03-01"), took(SOCIAL, "2023-01-10")],
        "2024-03-01", None, False,
        ("privacy", "records"),
        [(EXPIRED, "privacy", D("2024-01-10"), took(SOCIAL, "2023-01-10").id, ("SM-101",)),
         (EXPIRED, "records", D("2024-01-10"), took(SOCIAL, "2023-01-10").id, ("SM-101",))],
        None,
    ),
    "a failed completion covers nothing": (
        "publisher", [SOCIAL], [took(SOCIAL, "2024-05-01", passed=False)], "2024-06-01", None,
        False,
        ("privacy", "records"),
        [(MISSING, "privacy", None, None, ("SM-101",)),
         (MISSING, "records", None, None, ("SM-101",))],
        None,
    ),
    "a failed retake leaves the expired pass": (
        "publisher", [SOCIAL],
        [took(SOCIAL, "2023-01-10"), took(SOCIAL, "2024-01-05", passed=False)],
        "2024-03-01", None, False,
        ("privacy", "records"),
        [(EXPIRED, "privacy", D("2024-01-10"), took(SOCIAL, "2023-01-10").id, ("SM-101",)),
         (EXPIRED, "records", D("2024-01-10"), took(SOCIAL, "2023-01-10").id, ("SM-101",))],
        None,
    ),
    "completions of unknown modules are ignored": (
        "publisher", [SOCIAL], [took(SOCIAL_NEXT, "2024-05-01")], "2024-06-01", None, False,
        ("privacy", "records"),
        [(MISSING, "privacy", None, None, ("SM-101",)),
         (MISSING, "records", None, None, ("SM-101",))],
        None,
    ),
    "a completion taken after the date is not counted yet": (
        "publisher", [SOCIAL], [SOCIAL_DEC], "2024-11-30", None, False,
        ("privacy", "records"),
        [(MISSING, "privacy", None, None, ("SM-101",)),
         (MISSING, "records", None, None, ("SM-101",))],
        None,
    ),
    "a module covering a competency counts even if the role does not require it": (
        "moderator", [MODERATING, module("DE-9", {"de-escalation"}, roles=frozenset())],
        [took(module("DE-9", {"de-escalation"}, roles=frozenset()), "2024-02-01")],
        "2024-06-01", None, False,
        ("de-escalation",), [], "2025-01-30",
    ),
    "retired with retraining: counts the day before": (
        "publisher", [SOCIAL_RETIRED, SOCIAL_NEXT], [took(SOCIAL_RETIRED, "2024-01-11")],
        "2024-05-31", None, False,
        ("privacy", "records"), [], "2025-01-09",
    ),
    "retired with retraining: stops on the retirement day": (
        "publisher", [SOCIAL_RETIRED, SOCIAL_NEXT], [took(SOCIAL_RETIRED, "2024-01-11")],
        "2024-06-01", None, False,
        ("privacy", "records"),
        [(RETRAINING, "privacy", D("2024-06-01"), took(SOCIAL_RETIRED, "2024-01-11").id,
          ("SM-102",)),
         (RETRAINING, "records", D("2024-06-01"), took(SOCIAL_RETIRED, "2024-01-11").id,
          ("SM-102",))],
        None,
    ),
    "retired with retraining, then past its expiry: still retraining": (
        "publisher", [SOCIAL_RETIRED, SOCIAL_NEXT], [took(SOCIAL_RETIRED, "2024-01-11")],
        "2025-03-01", None, False,
        ("privacy", "records"),
        [(RETRAINING, "privacy", D("2024-06-01"), took(SOCIAL_RETIRED, "2024-01-11").id,
          ("SM-102",)),
         (RETRAINING, "records", D("2024-06-01"), took(SOCIAL_RETIRED, "2024-01-11").id,
          ("SM-102",))],
        None,
    ),
    "expired before its module was retired: expired": (
        "publisher", [SOCIAL_RETIRED, SOCIAL_NEXT], [took(SOCIAL_RETIRED, "2023-01-10")],
        "2024-07-01", None, False,
        ("privacy", "records"),
        [(EXPIRED, "privacy", D("2024-01-10"), took(SOCIAL_RETIRED, "2023-01-10").id,
          ("SM-102",)),
         (EXPIRED, "records", D("2024-01-10"), took(SOCIAL_RETIRED, "2023-01-10").id,
          ("SM-102",))],
        None,
    ),
    "the completion that covered last decides the kind": (
        "publisher", [SOCIAL_RETIRED, SOCIAL_NEXT],
        [took(SOCIAL_RETIRED, "2024-01-11"), took(SOCIAL_NEXT, "2024-06-15")],
        "2025-07-01", None, False,
        ("privacy", "records"),
        [(EXPIRED, "privacy", D("2025-06-15"), took(SOCIAL_NEXT, "2024-06-15").id,
          ("SM-102",)),
         (EXPIRED, "records", D("2025-06-15"), took(SOCIAL_NEXT, "2024-06-15").id,
          ("SM-102",))],
        None,
    ),
    "taken after its retirement with retraining: never counted": (
        "publisher", [SOCIAL_RETIRED, SOCIAL_NEXT], [took(SOCIAL_RETIRED, "2024-06-02")],
        "2024-07-01", None, False,
        ("privacy", "records"),
        [(MISSING, "privacy", None, None, ("SM-102",)),
         (MISSING, "records", None, None, ("SM-102",))],
        None,
    ),
    "retired without retraining: counts until it expires": (
        "publisher", [SOCIAL_OUTGROWN, SOCIAL_NEXT], [took(SOCIAL_OUTGROWN, "2024-01-11")],
        "2025-01-09", None, False,
        ("privacy", "records"), [], "2025-01-09",
    ),
    "retired without retraining: expires as usual": (
        "publisher", [SOCIAL_OUTGROWN, SOCIAL_NEXT], [took(SOCIAL_OUTGROWN, "2024-01-11")],
        "2025-01-10", None, False,
        ("privacy", "records"),
        [(EXPIRED, "privacy", D("2025-01-10"), took(SOCIAL_OUTGROWN, "2024-01-11").id,
          ("SM-102",)),
         (EXPIRED, "records", D("2025-01-10"), took(SOCIAL_OUTGROWN, "2024-01-11").id,
          ("SM-102",))],
        None,
    ),
    "a retired module requires nothing any more": (
        "publisher", [SOCIAL_RETIRED], [], "2024-06-01", None, False,
        (), [], None,
    ),
    "policy taught is in force": (
        "owner", [POLICY_OLD, POLICY_NEW], [took(POLICY_OLD, "2023-09-01")], "2024-03-31",
        POLICY_2021, True,
        ("policy",), [], "2024-08-30",
    ),
    "policy change with retraining": (
        "owner", [POLICY_OLD, POLICY_NEW], [took(POLICY_OLD, "2023-09-01")], "2024-04-01",
        POLICY_2024, True,
        ("policy",),
        [(RETRAINING, "policy", D("2024-04-01"), took(POLICY_OLD, "2023-09-01").id, ("POL-24",))],
        None,
    ),
    "policy change without retraining": (
        "owner", [POLICY_OLD_KEPT, POLICY_NEW], [took(POLICY_OLD_KEPT, "2023-09-01")],
        "2024-04-01", POLICY_2024, True,
        ("policy",), [], "2024-08-30",
    ),
    "no policy in force: the day it stopped is not known": (
        "owner", [POLICY_NEW], [took(POLICY_NEW, "2024-04-02")], "2024-06-01", None, False,
        ("policy",),
        [(RETRAINING, "policy", None, took(POLICY_NEW, "2024-04-02").id, ("POL-24",))],
        None,
    ),
    "old policy module taken after the new version took effect: never counted": (
        "owner", [POLICY_OLD_CURRENT, POLICY_NEW], [took(POLICY_OLD_CURRENT, "2024-04-02")],
        "2024-05-01", POLICY_2024, True,
        ("policy",), [(MISSING, "policy", None, None, ("POL-21", "POL-24"))], None,
    ),
    "role no module requires: unacknowledged, within the period": (
        "analyst", [SOCIAL, MODERATING], [], "2024-04-15", POLICY_2024, False,
        (), [], None,
    ),
    "role no module requires: unacknowledged, on the due date": (
        "analyst", [SOCIAL, MODERATING], [], "2024-05-01", POLICY_2024, False,
        (), [], None,
    ),
    "role no module requires: unacknowledged, after the period": (
        "analyst", [SOCIAL, MODERATING], [], "2024-05-02", POLICY_2024, False,
        (), [(OVERDUE, None, D("2024-05-02"), None, ())], None,
    ),
    "role no module requires: acknowledged": (
        "analyst", [SOCIAL, MODERATING], [], "2025-05-02", POLICY_2024, True,
        (), [], None,
    ),
    "overdue acknowledgement comes first": (
        "publisher", [SOCIAL, MODERATING], [], "2024-06-01", POLICY_2024, False,
        ("privacy", "records"),
        [(OVERDUE, None, D("2024-05-02"), None, ()),
         (MISSING, "privacy", None, None, ("SM-101",)),
         (MISSING, "records", None, None, ("SM-101",))],
        None,
    ),
    "trained but overdue: not eligible": (
        "publisher", [SOCIAL], [SOCIAL_JAN], "2024-06-01", POLICY_2024, False,
        ("privacy", "records"), [(OVERDUE, None, D("2024-05-02"), None, ())], None,
    ),
    "trained, acknowledgement still due: eligible": (
        "publisher", [SOCIAL], [SOCIAL_JAN], "2024-04-20", POLICY_2024, False,
        ("privacy", "records"), [], "2025-01-09",
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("role", "modules", "completions", "on", "policy", "acknowledged", "required", "gaps", "until"),
    list(CASES.values()),
    ids=list(CASES),
)
def test_eligibility(
    role: str,
    modules: list[Module],
    completions: list[Completion],
    on: str,
    policy: PolicyInForce | None,
    acknowledged: bool,
    required: tuple[str, ...],
    gaps: list[tuple[Any, ...]],
    until: str | None,
) -> None:
    result = evaluate(
        role, modules, completions, on=D(on), policy=policy, acknowledged=acknowledged
    )
    assert (result.role, result.on) == (role, D(on))
    assert result.required_competencies == required
    assert gaps_of(result) == gaps
    assert result.eligible is (not gaps)
    assert result.valid_until == (D(until) if until else None)
    due = policy.acknowledgement_due_on if policy is not None and not acknowledged else None
    assert result.acknowledgement_due_on == due


def test_the_answer_does_not_depend_on_the_order_of_the_records() -> None:
    modules = [SOCIAL_RETIRED, SOCIAL_NEXT, MODERATING, POLICY_NEW]
    completions = [
        took(SOCIAL_RETIRED, "2024-01-11"),
        took(SOCIAL_NEXT, "2024-06-15"),
        took(SOCIAL_NEXT, "2024-03-01", passed=False),
        MODERATING_JUN,
        took(POLICY_NEW, "2024-04-02"),
    ]
    for on in ("2024-05-01", "2024-07-01", "2025-07-01"):
        forward = evaluate(
            "moderator", modules, completions, on=D(on), policy=POLICY_2024, acknowledged=False
        )
        backward = evaluate(
            "moderator",
            reversed(modules),
            reversed(completions),
            on=D(on),
            policy=POLICY_2024,
            acknowledged=False,
        )
        assert forward == backward


def test_gap_messages_name_the_dates_and_what_to_take() -> None:
    expired = evaluate(
        "publisher", [SOCIAL], [SOCIAL_JAN], on=D("2025-02-01"), policy=None, acknowledged=False
    )
    assert "2024-01-11" in expired.gaps[0].message
    assert "2025-01-09" in expired.gaps[0].message
    assert "SM-101" in expired.gaps[0].message

    retired = evaluate(
        "publisher",
        [SOCIAL_RETIRED, SOCIAL_NEXT],
        [took(SOCIAL_RETIRED, "2024-01-11")],
        on=D("2024-07-01"),
        policy=None,
        acknowledged=False,
    )
    assert "2024-06-01" in retired.gaps[0].message
    assert "retired" in retired.gaps[0].message
    assert "SM-102" in retired.gaps[0].message

    replaced = evaluate(
        "owner",
        [POLICY_OLD, POLICY_NEW],
        [took(POLICY_OLD, "2023-09-01")],
        on=D("2024-06-01"),
        policy=POLICY_2024,
        acknowledged=False,
    )
    overdue, policy_gap = replaced.gaps
    assert "2024 edition" in policy_gap.message
    assert "2024-04-01" in policy_gap.message
    assert "POL-24" in policy_gap.message
    assert "2024 edition" in overdue.message
    assert "2024-05-01" in overdue.message
    assert "2024-05-02" in overdue.message

    missing = evaluate(
        "moderator", [MODERATING], [], on=D("2024-06-01"), policy=None, acknowledged=False
    )
    assert "de-escalation" in missing.gaps[0].message
    assert "MOD-201" in missing.gaps[0].message


def test_required_competencies_are_those_of_current_modules_required_for_the_role() -> None:
    modules = [SOCIAL_RETIRED, MODERATING, module("ACC-1", {"accessibility"})]
    assert required_competencies("moderator", modules, D("2024-05-31")) == {
        "privacy",
        "records",
        "de-escalation",
        "accessibility",
    }
    assert required_competencies("moderator", modules, D("2024-06-01")) == {
        "de-escalation",
        "accessibility",
    }
    assert required_competencies("owner", modules, D("2024-06-01")) == {"accessibility"}
    assert required_competencies("analyst", modules, D("2024-06-01")) == frozenset()


COUNTS = [
    # completion, module, on, policy -> counts
    (SOCIAL_JAN, SOCIAL, "2024-01-10", None, False),
    (SOCIAL_JAN, SOCIAL, "2024-01-11", None, True),
    (SOCIAL_JAN, SOCIAL, "2025-01-09", None, True),
    (SOCIAL_JAN, SOCIAL, "2025-01-10", None, False),
    (took(SOCIAL, "2024-01-11", passed=False), SOCIAL, "2024-06-01", None, False),
    (took(SOCIAL_RETIRED, "2024-01-11"), SOCIAL_RETIRED, "2024-05-31", None, True),
    (took(SOCIAL_RETIRED, "2024-01-11"), SOCIAL_RETIRED, "2024-06-01", None, False),
    (took(SOCIAL_OUTGROWN, "2024-01-11"), SOCIAL_OUTGROWN, "2024-06-01", None, True),
    (took(POLICY_OLD, "2023-09-01"), POLICY_OLD, "2024-03-01", POLICY_2021, True),
    (took(POLICY_OLD, "2023-09-01"), POLICY_OLD, "2024-03-01", POLICY_2024, False),
    (took(POLICY_OLD, "2023-09-01"), POLICY_OLD, "2024-03-01", None, False),
    (took(POLICY_OLD_KEPT, "2023-09-01"), POLICY_OLD_KEPT, "2024-06-01", POLICY_2024, True),
    (took(POLICY_OLD_KEPT, "2023-09-01"), POLICY_OLD_KEPT, "2024-06-01", None, True),
    (SOCIAL_JAN, SOCIAL, "2024-06-01", POLICY_2024, True),  # teaches no policy version
]


@pytest.mark.parametrize(("completion", "of", "on", "policy", "counts"), COUNTS)
def test_counts_on(
    completion: Completion, of: Module, on: str, policy: PolicyInForce | None, counts: bool
) -> None:
    assert counts_on(completion, of, D(on), policy) is counts


def test_expiry_counts_the_day_taken_as_the_first_day() -> None:
    assert expiry_date(D("2024-03-10"), 365) == D("2025-03-09")
    assert expiry_date(D("2024-03-10"), 1) == D("2024-03-10")
    assert expiry_date(D("2023-03-01"), 366) == D("2024-02-29")
    assert expiry_date(D("2024-03-01"), 365) == D("2025-02-28")


def test_misuse_is_refused() -> None:
    with pytest.raises(ValueError, match="validity_days"):
        expiry_date(D("2024-03-10"), 0)
    with pytest.raises(ValueError, match="aware"):
        town_date(dt.datetime(2024, 3, 10, 12), ZoneInfo("UTC"))
    with pytest.raises(ValueError, match="is not of module"):
        counts_on(SOCIAL_JAN, MODERATING, D("2024-06-01"), None)
    with pytest.raises(ValueError, match="share the id"):
        evaluate(
            "owner",
            [SOCIAL, SOCIAL_RETIRED],
            [],
            on=D("2024-06-01"),
            policy=None,
            acknowledged=True,
        )
    with pytest.raises(ValueError, match="validity_days"):
        module("BAD-1", {"privacy"}, validity_days=0)
    with pytest.raises(ValueError, match="expires_on"):
        Completion(uuid.uuid4(), SOCIAL.id, D("2024-03-10"), True, D("2024-03-09"))
    with pytest.raises(ValueError, match="acknowledge"):
        PolicyInForce(V2024, "2024 edition", D("2024-04-01"), D("2024-03-31"))


# Time zones: the town's calendar day is what counts, however long it is.

TOWN_ZONES = (
    "America/Toronto",
    "America/St_Johns",
    "America/Vancouver",
    "America/Havana",  # changes at midnight: the day starts at 01:00 in March
    "America/Santiago",  # likewise, and repeats 23:00-24:00 in April
    "Pacific/Auckland",
    "Europe/London",
    "Australia/Lord_Howe",  # half-hour changes
    "Asia/Kolkata",
    "UTC",
)
YEARS = range(2023, 2028)


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def day_starts(day: dt.date, name: str) -> dt.datetime:
    """The first instant of a local day, in UTC. A local midnight that does not exist (clocks
    put forward at midnight) maps to the instant of the change; a repeated one to its first
    occurrence."""
    return dt.datetime.combine(day, dt.time(), tzinfo=zone(name)).astimezone(dt.UTC)


def day_length(day: dt.date, name: str) -> dt.timedelta:
    return day_starts(day + DAY, name) - day_starts(day, name)


@cache
def transition_days(name: str) -> tuple[dt.date, ...]:
    days = (dt.date(YEARS[0], 1, 1) + n * DAY for n in range(366 * len(YEARS)))
    return tuple(d for d in days if d.year in YEARS and day_length(d, name) != 24 * 3600 * SECOND)


ALL_TRANSITIONS = tuple(sorted({d for name in TOWN_ZONES for d in transition_days(name)}))

# Known facts, to check the helpers above against: (zone, day, hours in the day).
KNOWN_DAYS = [
    ("America/Toronto", "2024-03-10", 23),
    ("America/Toronto", "2024-11-03", 25),
    ("America/St_Johns", "2024-03-10", 23),
    ("America/Vancouver", "2024-11-03", 25),
    ("America/Havana", "2024-03-10", 23),
    ("America/Santiago", "2024-04-06", 25),
    ("America/Santiago", "2024-09-08", 23),
    ("Pacific/Auckland", "2024-04-07", 25),
    ("Pacific/Auckland", "2024-09-29", 23),
    ("Europe/London", "2024-03-31", 23),
    ("Europe/London", "2024-10-27", 25),
    ("Australia/Lord_Howe", "2024-04-07", 24.5),
    ("Australia/Lord_Howe", "2024-10-06", 23.5),
    ("Asia/Kolkata", "2024-03-10", 24),
    ("UTC", "2024-03-31", 24),
]


@pytest.mark.parametrize(("name", "day", "hours"), KNOWN_DAYS)
def test_local_days_have_their_real_length(name: str, day: str, hours: float) -> None:
    assert day_length(D(day), name) == dt.timedelta(hours=hours)
    assert (D(day) in transition_days(name)) is (hours != 24)


# The last second of a local day, written in UTC from the zone's published offsets.
LAST_SECONDS = [
    ("America/Toronto", "2024-03-11T03:59:59+00:00", "2024-03-10"),  # EDT, -4
    ("America/Toronto", "2024-11-04T04:59:59+00:00", "2024-11-03"),  # EST, -5
    ("America/St_Johns", "2024-03-11T02:29:59+00:00", "2024-03-10"),  # NDT, -2:30
    ("America/St_Johns", "2024-11-04T03:29:59+00:00", "2024-11-03"),  # NST, -3:30
    ("Pacific/Auckland", "2024-04-07T11:59:59+00:00", "2024-04-07"),  # NZST, +12
    ("Pacific/Auckland", "2024-09-29T10:59:59+00:00", "2024-09-29"),  # NZDT, +13
    ("Australia/Lord_Howe", "2024-04-07T13:29:59+00:00", "2024-04-07"),  # +10:30
    ("Australia/Lord_Howe", "2024-10-06T12:59:59+00:00", "2024-10-06"),  # +11
    ("Europe/London", "2024-03-31T22:59:59+00:00", "2024-03-31"),  # BST, +1
    ("Asia/Kolkata", "2024-06-30T18:29:59+00:00", "2024-06-30"),  # IST, +5:30
]


@pytest.mark.parametrize(("name", "instant", "day"), LAST_SECONDS)
def test_town_date_at_published_offsets(name: str, instant: str, day: str) -> None:
    last = dt.datetime.fromisoformat(instant)
    assert town_date(last, zone(name)) == D(day)
    assert town_date(last + SECOND, zone(name)) == D(day) + DAY


def boundary_instants(day: dt.date, name: str) -> list[dt.datetime]:
    """First and last second (and microsecond) of a local day, in UTC."""
    start, end = day_starts(day, name), day_starts(day + DAY, name)
    return [start, start + SECOND, end - SECOND, end - dt.timedelta(microseconds=1)]


def spellings(instant: dt.datetime, name: str) -> list[dt.datetime]:
    """The same instant in UTC, in the town's zone and at an unrelated fixed offset."""
    elsewhere = dt.timezone(dt.timedelta(hours=5, minutes=45))
    return [instant, instant.astimezone(zone(name)), instant.astimezone(elsewhere)]


@pytest.mark.parametrize("name", TOWN_ZONES)
def test_town_date_at_both_ends_of_each_day_around_transitions(name: str) -> None:
    days = {t + n * DAY for t in (transition_days(name) or ALL_TRANSITIONS) for n in (-1, 0, 1)}
    for day in sorted(days):
        first, _, last_second, _ = boundary_instants(day, name)
        for instant in boundary_instants(day, name):
            assert {town_date(s, zone(name)) for s in spellings(instant, name)} == {day}
        next_midnight = dt.datetime.combine(day + DAY, dt.time(), tzinfo=zone(name))
        assert town_date(next_midnight, zone(name)) == day + DAY
        assert town_date(last_second + SECOND, zone(name)) == day + DAY
        assert town_date(first - SECOND, zone(name)) == day - DAY


VALIDITIES = st.one_of(
    st.integers(1, 3), st.sampled_from([7, 30, 90, 180, 364, 365, 366, 730]), st.integers(1, 1200)
)


@st.composite
def expiry_cases(draw: st.DrawFn) -> tuple[str, Completion, Module]:
    name = draw(st.sampled_from(TOWN_ZONES))
    anchor = draw(st.sampled_from(transition_days(name) or ALL_TRANSITIONS))
    anchor += draw(st.integers(-1, 1)) * DAY
    validity = draw(VALIDITIES)
    # Either the completion is taken on, or expires on, a day near a change of the clocks.
    completed_on = anchor if draw(st.booleans()) else anchor - (validity - 1) * DAY
    of = module("SM-101", {"privacy"}, validity_days=validity)
    completion = Completion(
        id=uuid.uuid5(IDS, completed_on.isoformat()),
        module_id=of.id,
        completed_on=completed_on,
        passed=True,
        expires_on=expiry_date(completed_on, validity),
    )
    return name, completion, of


@settings(max_examples=300, deadline=None)
@given(case=expiry_cases(), fractions=st.lists(st.floats(0, 1), min_size=4, max_size=4))
def test_expiry_boundaries_across_time_zones(
    case: tuple[str, Completion, Module], fractions: list[float]
) -> None:
    """Expiry boundaries across time zones and daylight-saving changes (hypothesis): a
    completion valid until a date is valid on that date in the town's time zone and not the day
    after."""
    name, completion, of = case
    assert completion.expires_on - completion.completed_on == (of.validity_days - 1) * DAY
    first_day, last_day = completion.completed_on, completion.expires_on
    days = (first_day - DAY, first_day, last_day, last_day + DAY)
    for day, fraction in zip(days, fractions, strict=True):
        start, end = day_starts(day, name), day_starts(day + DAY, name)
        inside = start + (end - start - SECOND) * fraction
        for instant in [*boundary_instants(day, name), inside]:
            for spelt in spellings(instant, name):
                on = town_date(spelt, zone(name))
                assert on == day
                assert counts_on(completion, of, on, None) is (first_day <= day <= last_day)


# Properties of evaluate over generated records.

COMPETENCIES = ("privacy", "records", "de-escalation")
ROLES = ("owner", "publisher", "moderator", "analyst")
BASE = D("2024-06-01")
UNKNOWN_MODULE = uuid.uuid5(IDS, "unknown")


def dates(low: int = -500, high: int = 500) -> st.SearchStrategy[dt.date]:
    return st.integers(low, high).map(lambda n: BASE + n * DAY)


@st.composite
def modules_for(draw: st.DrawFn, retired_by: dt.date | None = None) -> list[Module]:
    """Up to four modules; with ``retired_by``, any retirement is on or before that date."""
    retired = dates() if retired_by is None else dates(high=(retired_by - BASE).days)
    return [
        Module(
            id=uuid.UUID(int=n + 1),
            code=f"M-{n}",
            module_version=str(draw(st.integers(1, 3))),
            competencies=frozenset(
                draw(st.sets(st.sampled_from(COMPETENCIES), min_size=1, max_size=2))
            ),
            validity_days=draw(st.integers(1, 800)),
            required_for_roles=frozenset(
                draw(st.sets(st.sampled_from(ROLES), min_size=1, max_size=3))
            ),
            retired_on=draw(st.none() | retired),
            retraining_on_retire=draw(st.booleans()),
            policy_version_id=draw(st.sampled_from([None, V2021, V2024])),
            retraining_on_new_policy=draw(st.booleans()),
        )
        for n in range(draw(st.integers(1, 4)))
    ]


@st.composite
def completion_of(
    draw: st.DrawFn, modules: list[Module], latest: dt.date | None = None
) -> Completion:
    """Any completion: of one of ``modules`` or of a module not among them, passed or not."""
    taken_on = draw(dates() if latest is None else dates(high=(latest - BASE).days))
    of = draw(st.sampled_from([*modules, None]))
    return Completion(
        id=draw(st.uuids()),
        module_id=of.id if of else UNKNOWN_MODULE,
        completed_on=taken_on,
        passed=draw(st.booleans()),
        expires_on=expiry_date(taken_on, of.validity_days if of else 365),
    )


@st.composite
def unexpired_on(draw: st.DrawFn, modules: list[Module], on: dt.date) -> Completion:
    """A passed completion of one of ``modules``, taken by ``on`` and not expired on it."""
    of = draw(st.sampled_from(modules))
    taken_on = on - draw(st.integers(0, of.validity_days - 1)) * DAY
    return Completion(
        id=draw(st.uuids()),
        module_id=of.id,
        completed_on=taken_on,
        passed=True,
        expires_on=expiry_date(taken_on, of.validity_days),
    )


@st.composite
def records(
    draw: st.DrawFn, on: dt.date, as_of: bool = False
) -> tuple[str, list[Module], list[Completion]]:
    """A role, the modules and one person's completions. ``as_of``: the record as it stands
    on ``on`` (no later retirement nor completion), with every module taken within its
    validity so that eligibility is common."""
    modules = draw(modules_for(retired_by=on if as_of else None))
    required = sorted({role for m in modules for role in m.required_for_roles})
    role = draw(st.sampled_from(required) | st.sampled_from(ROLES))
    anything = completion_of(modules, latest=on if as_of else None)
    completions = draw(st.lists(anything | unexpired_on(modules, on), max_size=8))
    if as_of:
        completions += [draw(unexpired_on([m], on)) for m in modules]
    return role, modules, completions


POLICIES = st.one_of(
    st.none(),
    st.builds(
        lambda version, since, period: PolicyInForce(
            version, "edition", since, since + period * DAY
        ),
        st.sampled_from([V2021, V2024]),
        dates(-500, 0),
        st.integers(0, 90),
    ),
)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), on=dates(-200, 200), policy=POLICIES, acknowledged=st.booleans())
def test_a_further_completion_never_takes_eligibility_away(
    data: st.DataObject, on: dt.date, policy: PolicyInForce | None, acknowledged: bool
) -> None:
    role, modules, completions = data.draw(records(on))
    before = evaluate(role, modules, completions, on=on, policy=policy, acknowledged=acknowledged)
    further = data.draw(st.one_of(completion_of(modules), unexpired_on(modules, on)))
    after = evaluate(
        role, modules, [*completions, further], on=on, policy=policy, acknowledged=acknowledged
    )
    event(f"eligible before: {before.eligible}, after: {after.eligible}")
    event(f"required: {bool(before.required_competencies)}")
    assert {g.competency for g in after.gaps} <= {g.competency for g in before.gaps}
    if before.eligible:
        assert after.eligible
        if before.valid_until is not None:
            assert after.valid_until is not None
            assert after.valid_until >= before.valid_until


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    on=dates(-200, 200),
    policy=POLICIES,
    acknowledged=st.booleans(),
    beyond=st.integers(1, 1000),
    within=st.floats(0, 1),
)
def test_eligibility_never_outlasts_valid_until(
    data: st.DataObject,
    on: dt.date,
    policy: PolicyInForce | None,
    acknowledged: bool,
    beyond: int,
    within: float,
) -> None:
    role, modules, completions = data.draw(records(on, as_of=True))

    def on_day(day: dt.date) -> Eligibility:
        return evaluate(
            role, modules, completions, on=day, policy=policy, acknowledged=acknowledged
        )

    now = on_day(on)
    event(f"eligible until a date: {now.eligible and now.valid_until is not None}")
    if not now.eligible or now.valid_until is None:
        return
    assert now.valid_until >= on
    assert not on_day(now.valid_until + DAY).eligible
    assert not on_day(now.valid_until + beyond * DAY).eligible
    if acknowledged or policy is None:  # otherwise the acknowledgement may fall due first
        between = on + round((now.valid_until - on).days * within) * DAY
        assert on_day(now.valid_until).eligible
        assert on_day(between).eligible
