from app.core.errors import Conflict, NotFound, PermissionDenied, ProblemError, RuleViolation


class CommentNotFound(NotFound):
    type = "comment-not-found"
    title = "Comment not found"


class CommentAlreadyRecorded(Conflict):
    type = "comment-already-recorded"
    title = "A different comment is recorded with this external id"


class CommentInvalid(RuleViolation):
    type = "comment-invalid"
    title = "The comment cannot be recorded"


class ReasonCodeNotFound(NotFound):
    type = "reason-code-not-found"
    title = "Reason code not found"


class ReasonCodeExists(Conflict):
    type = "reason-code-exists"
    title = "A reason code with this code exists"


class ReasonCodeUnknown(RuleViolation):
    type = "reason-code-unknown"
    title = "The reason code is not on the published list"


class ReasonCodeNotForAction(RuleViolation):
    type = "reason-code-not-for-action"
    title = "The reason code does not apply to this action"


class ReasonCodeClauseNotInForce(RuleViolation):
    type = "reason-code-clause-not-in-force"
    title = "The reason code cites a clause the policy in force does not have"


class ActionNotFound(NotFound):
    type = "moderation-action-not-found"
    title = "Moderation action not found"


class ActionNotAllowed(Conflict):
    type = "moderation-action-not-allowed"
    title = "The comment is not in a state this action applies to"


class ModeratorPersonRequired(PermissionDenied):
    type = "moderator-person-required"
    title = "Moderation is done by a named person"


class ModeratorNotEligible(PermissionDenied):
    type = "moderator-not-eligible"
    title = "Moderator training or policy acknowledgement not current"


class ModeratorGrantRequired(PermissionDenied):
    type = "moderator-grant-required"
    title = "A moderator grant on this account is needed"


class DecisionByConflictedPerson(PermissionDenied):
    type = "decision-by-conflicted-person"
    title = "This decision must be made by someone else"


class BlockNotFound(NotFound):
    type = "author-block-not-found"
    title = "Block not found"


class BlockAlreadyDecided(Conflict):
    type = "author-block-already-decided"
    title = "The block was already decided"


class NoticeNotAvailable(Conflict):
    type = "notice-not-available"
    title = "This action has no notice to send"


class AppealNotFound(NotFound):
    type = "appeal-not-found"
    title = "Appeal not found"


class AppealTokenInvalid(NotFound):
    type = "appeal-token-invalid"
    title = "No removal can be appealed with this token"


class AppealTokenUsed(Conflict):
    type = "appeal-token-used"
    title = "This removal has been appealed already"


class AppealWindowClosed(RuleViolation):
    type = "appeal-window-closed"
    title = "The time to ask for reconsideration has passed"


class AppealMoot(Conflict):
    type = "appeal-moot"
    title = "The removal has been undone already"


class AppealAlreadyDecided(Conflict):
    type = "appeal-already-decided"
    title = "The appeal was already decided"


class AppealDecisionInvalid(RuleViolation):
    type = "appeal-decision-invalid"
    title = "The decision is incomplete"


class TooManyAppeals(ProblemError):
    status, type, title = 429, "too-many-requests", "Too many requests"


class LegalHoldNotFound(NotFound):
    type = "legal-hold-not-found"
    title = "Legal hold not found"


class LegalHoldInvalid(RuleViolation):
    type = "legal-hold-invalid"
    title = "The legal hold names something that does not exist"


class LegalHoldReleased(Conflict):
    type = "legal-hold-released"
    title = "The legal hold was released already"


class PeriodInvalid(RuleViolation):
    type = "period-invalid"
    title = "The period ends before it starts"
