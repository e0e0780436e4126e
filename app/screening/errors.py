from app.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation


class ScreeningNotFound(NotFound):
    type = "screening-not-found"
    title = "Screening not found"


class ScreeningTextTooLong(RuleViolation):
    type = "screening-text-too-long"
    title = "Text longer than the service accepts"


class RulesetNotFound(NotFound):
    type = "ruleset-not-found"
    title = "Ruleset not found"


class RulesetPolicyVersionUnknown(RuleViolation):
    type = "ruleset-policy-version-unknown"
    title = "The ruleset names a policy version that does not exist"


class RulesetExists(Conflict):
    type = "ruleset-exists"
    title = "The policy version already has a ruleset"


class RulesetClauseNotFound(RuleViolation):
    type = "ruleset-clause-not-found"
    title = "A rule cites a clause the policy version does not have"


class RulesetNotNeutral(RuleViolation):
    type = "ruleset-not-content-neutral"
    title = "The rules would remove comments for what they say, not for a narrow rule"


class TermNotFound(NotFound):
    type = "ruleset-term-not-found"
    title = "Term not found in this ruleset"


class TermExists(Conflict):
    type = "ruleset-term-exists"
    title = "The ruleset already has this term in this category"


class ElectionNotFound(NotFound):
    type = "election-not-found"
    title = "Election not found"


class ElectionNameTaken(Conflict):
    type = "election-name-taken"
    title = "An election with this name exists"


class ElectionPeriodInvalid(RuleViolation):
    type = "election-period-invalid"
    title = "The election period ends before it starts"


class CandidateNotFound(NotFound):
    type = "candidate-not-found"
    title = "Candidate not found in this election"


class CandidateExists(Conflict):
    type = "candidate-exists"
    title = "The election already has a candidate with this name"


class ReviewNotFound(NotFound):
    type = "screening-review-not-found"
    title = "Review not found"


class ReviewAlreadyDecided(Conflict):
    type = "screening-review-decided"
    title = "The review has been decided"


class ReviewByAuthor(PermissionDenied):
    type = "screening-review-by-author"
    title = "The author of a draft cannot decide its review"


class ReviewDecisionInvalid(RuleViolation):
    type = "screening-review-decision-invalid"
    title = "The decision does not fit the kind of content"


class ModeratorNotEligible(PermissionDenied):
    type = "moderator-not-eligible"
    title = "Moderator training or policy acknowledgement not current"
