from app.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation


class ModuleNotFound(NotFound):
    type = "training-module-not-found"
    title = "Training module not found"


class CompletionNotFound(NotFound):
    type = "training-completion-not-found"
    title = "Training completion not found"


class ModuleVersionTaken(Conflict):
    type = "training-module-version-taken"
    title = "This module version already exists"


class CompetencyTaken(Conflict):
    type = "competency-taken"
    title = "A competency with this code already exists"


class ModuleRetired(Conflict):
    type = "training-module-retired"
    title = "The module version is retired"


class CompletionConflict(Conflict):
    type = "training-completion-conflict"
    title = "A different completion is already recorded under this identity"


class AcknowledgementExists(Conflict):
    type = "acknowledgement-exists"
    title = "The person has already acknowledged this policy version"


class CompletionInvalid(RuleViolation):
    type = "training-completion-invalid"
    title = "The completion cannot be recorded"


class CompletionMalformed(RuleViolation):
    """A batch item that is not a valid completion. The same problem as the request
    validation error a single completion answers with (app.core.errors), so that a client
    reads both alike; ``errors`` lists the fields."""

    type = "validation-error"
    title = "The request is not valid"


class ModuleInvalid(RuleViolation):
    type = "training-module-invalid"
    title = "The module is not valid"


class AcknowledgementInvalid(RuleViolation):
    type = "acknowledgement-invalid"
    title = "The acknowledgement cannot be recorded"


class OwnRecordsOnly(PermissionDenied):
    type = "training-records-own-only"
    title = "Only your own training records"
