from app.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation


class AccountNotFound(NotFound):
    type = "account-not-found"
    title = "Account not found"


class GrantNotFound(NotFound):
    type = "grant-not-found"
    title = "Access grant not found"


class ReconciliationNotFound(NotFound):
    type = "reconciliation-not-found"
    title = "Reconciliation not found"


class AccountUrlTaken(Conflict):
    type = "account-url-taken"
    title = "Another account has this URL"


class AccountTransitionInvalid(Conflict):
    type = "account-transition-invalid"
    title = "The account cannot move to that status from its current one"


class AccountNotOpen(Conflict):
    type = "account-not-open"
    title = "The account is not open for this"


class GrantOverlap(Conflict):
    type = "grant-overlap"
    title = "The person already holds this role on this account for part of that period"


class GrantAlreadyRevoked(Conflict):
    type = "grant-already-revoked"
    title = "Access grant already revoked"


class PostAlreadyRecorded(Conflict):
    type = "post-already-recorded"
    title = "A post with this external id is already recorded for this account"


class ReconciliationAlreadyApplied(Conflict):
    type = "reconciliation-already-applied"
    title = "Reconciliation already applied"


class OwnRequest(PermissionDenied):
    type = "account-own-request"
    title = "Nobody approves or rejects their own request"


class AccountOwnerRequired(PermissionDenied):
    type = "account-owner-required"
    title = "Only the account's owner, an approver or an administrator may do this"


class ApproverRequired(PermissionDenied):
    type = "approver-required"
    title = "Only an approver or an administrator may do this"


class AccountUrlInvalid(RuleViolation):
    type = "account-url-invalid"
    title = "The URL is not an account on that platform"


class AccountRequestIncomplete(RuleViolation):
    type = "account-request-incomplete"
    title = "The request does not meet the policy's criteria"


class GrantNotAllowed(RuleViolation):
    type = "grant-not-allowed"
    title = "This person cannot be given this access"


class PostInvalid(RuleViolation):
    type = "post-invalid"
    title = "The post record is not valid"


class UnknownReference(RuleViolation):
    type = "reference-unknown"
    title = "A referenced record does not exist"


class GrantHolderNotEligible(RuleViolation):
    type = "grant-holder-not-eligible"
    title = "The person is not trained, or has not acknowledged the policy, for this role"
