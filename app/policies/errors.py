from app.core.errors import (
    Conflict,
    NotFound,
    RuleViolation,
    UnsupportedMediaType,
)


class PolicyNotFound(NotFound):
    type = "policy-not-found"
    title = "Policy not found"


class PolicyVersionNotFound(NotFound):
    type = "policy-version-not-found"
    title = "Policy version not found"


class ClauseNotFound(NotFound):
    type = "clause-not-found"
    title = "Clause not found"


class NoVersionInForce(NotFound):
    type = "no-version-in-force"
    title = "No version of the policy was in force on that date"


class PolicyCodeTaken(Conflict):
    type = "policy-code-taken"
    title = "Policy code already in use"


class VersionLabelTaken(Conflict):
    type = "policy-version-label-taken"
    title = "Version label already in use for this policy"


class VersionNotDraft(Conflict):
    type = "policy-version-not-draft"
    title = "Only a draft version can be changed"


class VersionNotAdopted(Conflict):
    type = "policy-version-not-adopted"
    title = "The version is not the adopted version in force"


class ClauseRefTaken(Conflict):
    type = "clause-ref-taken"
    title = "Another clause of this version has that reference"


class ClauseHasChildren(Conflict):
    type = "clause-has-children"
    title = "The clause has sub-clauses"


class PolicyDocumentInvalid(RuleViolation):
    type = "policy-document-invalid"
    title = "The policy document cannot be read"


class ClausesInvalid(RuleViolation):
    type = "policy-clauses-invalid"
    title = "The clauses do not form a valid policy text"


class CoverageRulesInvalid(RuleViolation):
    type = "coverage-rules-invalid"
    title = "The coverage rules cite clauses the version does not have"


class AdoptionOutOfOrder(RuleViolation):
    type = "adoption-out-of-order"
    title = "The version cannot take effect before the version in force"


class RepealInvalid(RuleViolation):
    type = "repeal-invalid"
    title = "The repeal date is not within the version's period in force"


class UnsupportedDocumentType(UnsupportedMediaType):
    type = "unsupported-document-type"
    title = "Send JSON, Markdown or plain text"


class SearchQueryEmpty(RuleViolation):
    type = "search-query-empty"
    title = "The search has no words to look for"
