"""Does the policy apply to this person, on this account, for this activity? Answered from the
coverage rules stored with the version (nothing about one town is written here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.policies.vocabulary import AccountKind, ClauseKind, CoveredPersonType, PolicyRole

# Parts of a text that frame the policy rather than ask something of the people it covers;
# scope and exemptions are cited separately.
_FRAMING_KINDS = frozenset(
    {ClauseKind.PURPOSE, ClauseKind.DEFINITION, ClauseKind.SCOPE, ClauseKind.EXEMPTION}
)

# Whose duties a role clause states, when the clause does not say whom it applies to.
_ROLE_PERSON_TYPES: dict[PolicyRole, frozenset[CoveredPersonType]] = {
    PolicyRole.COUNCIL: frozenset({CoveredPersonType.COUNCIL_MEMBER, CoveredPersonType.MAYOR}),
    PolicyRole.CAO: frozenset({CoveredPersonType.CAO}),
    PolicyRole.EMPLOYEE: frozenset({CoveredPersonType.EMPLOYEE}),
    PolicyRole.CONTRACTOR: frozenset({CoveredPersonType.CONTRACT_EMPLOYEE}),
    PolicyRole.VOLUNTEER: frozenset({CoveredPersonType.VOLUNTEER}),
    PolicyRole.MODERATOR: frozenset(CoveredPersonType),  # whoever is assigned to moderate
}


@dataclass(frozen=True, slots=True)
class CoverageClause:
    ref: str
    parent_ref: str | None
    kind: ClauseKind
    role: PolicyRole | None
    applies_to: frozenset[CoveredPersonType]


@dataclass(slots=True)
class CoverageOutcome:
    covered: bool
    explanation: str
    scope: list[str] = field(default_factory=list)
    exemptions: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)


def _matches(
    rule: Mapping[str, Any],
    person_type: CoveredPersonType,
    account_kind: AccountKind,
    town_business: bool,
) -> bool:
    person_types = rule.get("person_types") or []
    account_kinds = rule.get("account_kinds") or []
    wanted_business = rule.get("town_business")
    return (
        (not person_types or person_type in person_types)
        and (not account_kinds or account_kind in account_kinds)
        and (wanted_business is None or wanted_business == town_business)
    )


def _a(words: str) -> str:
    return f"{'an' if words[:1] in ('a', 'e', 'i', 'o', 'u') else 'a'} {words}"


def _plural(refs: Sequence[str]) -> str:
    return ("s. " if len(refs) == 1 else "ss. ") + ", ".join(refs)


def evaluate(
    rules: Sequence[Mapping[str, Any]],
    clauses: Sequence[CoverageClause],
    person_type: CoveredPersonType,
    account_kind: AccountKind,
    town_business: bool,
) -> CoverageOutcome:
    matched = [r for r in rules if _matches(r, person_type, account_kind, town_business)]
    includes = [r["clause"] for r in matched if r["effect"] == "include"]
    excludes = [r["clause"] for r in matched if r["effect"] == "exclude"]
    exempts = [r for r in matched if r["effect"] == "exempt"]
    who = _a(person_type.value.replace("_", " "))
    in_scope = f"{who.capitalize()} is within scope ({_plural(includes)})"
    if excludes:
        return CoverageOutcome(
            covered=False,
            scope=excludes,
            explanation=f"{who.capitalize()} is outside the policy's scope ({_plural(excludes)}).",
        )
    if not includes:
        return CoverageOutcome(
            covered=False, explanation=f"No scope rule of this version covers {who}."
        )
    if exempts:
        exempted = [r["clause"] for r in exempts]
        still = list(dict.fromkeys(ref for r in exempts for ref in r.get("still_applies") or []))
        where = f"on {_a(account_kind.value.replace('_', ' '))} account"
        if not still:
            return CoverageOutcome(
                covered=False,
                scope=includes,
                exemptions=exempted,
                explanation=f"{in_scope}, but activity {where} is exempt ({_plural(exempted)}).",
            )
        return CoverageOutcome(
            covered=True,
            scope=includes,
            exemptions=exempted,
            clauses=still,
            explanation=f"{in_scope}; activity {where} is exempt ({_plural(exempted)}) "
            f"except {_plural(still)}, which apply.",
        )
    applying = applicable_clauses(clauses, person_type)
    return CoverageOutcome(
        covered=True,
        scope=includes,
        clauses=applying,
        explanation=f"{in_scope} and no exemption applies: "
        f"{len(applying)} parts of the policy apply.",
    )


def applicable_clauses(
    clauses: Sequence[CoverageClause], person_type: CoveredPersonType
) -> list[str]:
    """The outermost clauses that ask something of this person, in document order.

    A clause applies to the person types it names, or inherits its parent's; a role clause
    that names none applies to the people holding that role. A section is cited whole when
    all of it applies, otherwise its applicable parts are ("Roles" -> "Contractors")."""
    by_ref = {c.ref: c for c in clauses}
    children: dict[str | None, list[CoverageClause]] = {}
    for clause in clauses:
        parent = clause.parent_ref if clause.parent_ref in by_ref else None
        children.setdefault(parent, []).append(clause)
    applies_memo: dict[str, bool] = {}
    whole_memo: dict[str, bool] = {}

    def applies(clause: CoverageClause) -> bool:
        if clause.ref not in applies_memo:
            if clause.applies_to:
                applies_memo[clause.ref] = person_type in clause.applies_to
            elif clause.kind == ClauseKind.ROLE and clause.role is not None:
                applies_memo[clause.ref] = person_type in _ROLE_PERSON_TYPES[clause.role]
            else:
                parent = by_ref.get(clause.parent_ref or "")
                applies_memo[clause.ref] = True if parent is None else applies(parent)
        return applies_memo[clause.ref]

    def wholly(clause: CoverageClause) -> bool:
        if clause.ref not in whole_memo:
            whole_memo[clause.ref] = applies(clause) and all(
                wholly(child) for child in children.get(clause.ref, [])
            )
        return whole_memo[clause.ref]

    result: list[str] = []

    def visit(clause: CoverageClause) -> None:
        if clause.kind not in _FRAMING_KINDS and wholly(clause):
            result.append(clause.ref)
            return
        for child in children.get(clause.ref, []):
            visit(child)

    for root in children.get(None, []):
        visit(root)
    return result
