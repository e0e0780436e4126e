"""Coverage rules evaluated on their own (the HTTP answers are in test_questions.py)."""

from __future__ import annotations

from app.policies.coverage import CoverageClause, evaluate
from app.policies.vocabulary import AccountKind, ClauseKind, CoveredPersonType, PolicyRole

P = CoveredPersonType
A = AccountKind

RULES = [
    {"effect": "include", "person_types": ["employee", "contract_employee"], "clause": "2.1"},
    {"effect": "include", "person_types": [], "account_kinds": ["official"], "clause": "2.2"},
    {"effect": "exclude", "person_types": ["contracting_firm"], "clause": "2.3"},
    {"effect": "exempt", "account_kinds": ["personal"], "town_business": False, "clause": "3.1"},
    {
        "effect": "exempt",
        "account_kinds": ["personal"],
        "town_business": True,
        "clause": "3.1",
        "still_applies": ["6"],
    },
]


def _clause(
    ref: str,
    kind: ClauseKind,
    parent: str | None = None,
    role: PolicyRole | None = None,
    applies_to: frozenset[CoveredPersonType] = frozenset(),
) -> CoverageClause:
    return CoverageClause(ref, parent, kind, role, applies_to)


CLAUSES = [
    _clause("1", ClauseKind.PURPOSE),
    _clause("2", ClauseKind.SCOPE),
    _clause("5", ClauseKind.ROLE),
    _clause("5.1", ClauseKind.ROLE, "5", PolicyRole.COUNCIL),
    _clause("5.2", ClauseKind.ROLE, "5", PolicyRole.CONTRACTOR),
    _clause("5.2(a)", ClauseKind.ROLE, "5.2"),
    _clause("5.3", ClauseKind.ROLE, "5", PolicyRole.MODERATOR),
    _clause("6", ClauseKind.GUIDELINE),
    _clause("6.1", ClauseKind.GUIDELINE, "6"),
    _clause("7", ClauseKind.ACCOUNT_CRITERIA, applies_to=frozenset({P.EMPLOYEE})),
]


def test_exclusion_wins_over_an_inclusion_that_also_matches() -> None:
    outcome = evaluate(RULES, CLAUSES, P.CONTRACTING_FIRM, A.OFFICIAL, True)
    assert not outcome.covered
    assert outcome.scope == ["2.3"]
    assert outcome.clauses == []


def test_nobody_is_covered_without_a_matching_inclusion() -> None:
    outcome = evaluate(RULES, CLAUSES, P.VOLUNTEER, A.DEPARTMENTAL, True)
    assert not outcome.covered
    assert outcome.scope == []
    assert "volunteer" in outcome.explanation


def test_personal_account_is_exempt_unless_town_business_is_discussed() -> None:
    private = evaluate(RULES, CLAUSES, P.EMPLOYEE, A.PERSONAL, False)
    assert not private.covered
    assert private.exemptions == ["3.1"]

    business = evaluate(RULES, CLAUSES, P.EMPLOYEE, A.PERSONAL, True)
    assert business.covered
    assert business.exemptions == ["3.1"]
    assert business.clauses == ["6"]


def test_clauses_apply_by_person_type_and_role_outermost_first() -> None:
    contractor = evaluate(RULES, CLAUSES, P.CONTRACT_EMPLOYEE, A.OFFICIAL, True)
    assert contractor.covered
    assert contractor.scope == ["2.1", "2.2"]
    # 5.2 is the contractors' role clause (its sub-clause comes with it), 5.3 applies to
    # whoever moderates, 6 to all; council's 5.1 and the employees-only 7 do not.
    assert contractor.clauses == ["5.2", "5.3", "6"]

    employee = evaluate(RULES, CLAUSES, P.EMPLOYEE, A.OFFICIAL, True)
    assert employee.clauses == ["5.3", "6", "7"]
