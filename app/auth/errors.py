from app.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ServiceUnavailable,
    Unauthenticated,
)

BEARER_CHALLENGE = 'Bearer realm="civic-social"'


class CredentialsMissing(Unauthenticated):
    type = "credentials-missing"
    title = "Credentials missing"

    def __init__(self) -> None:
        super().__init__(
            "Send Authorization: Bearer <API key or identity-provider token>.",
            headers={"WWW-Authenticate": BEARER_CHALLENGE},
        )


class CredentialsInvalid(Unauthenticated):
    type = "credentials-invalid"
    title = "Credentials invalid"

    def __init__(self, detail: str) -> None:
        super().__init__(
            detail, headers={"WWW-Authenticate": f'{BEARER_CHALLENGE}, error="invalid_token"'}
        )


class RoleRequired(PermissionDenied):
    type = "role-required"
    title = "Role required"


class ApiKeyNotFound(NotFound):
    type = "api-key-not-found"
    title = "API key not found"


class ApiKeyAlreadyRevoked(Conflict):
    type = "api-key-already-revoked"
    title = "API key already revoked"


class IdentityProviderUnavailable(ServiceUnavailable):
    type = "identity-provider-unavailable"
    title = "Identity provider unavailable"


class ApiKeyHolderNotAllowed(RuleViolation):
    type = "api-key-holder-not-allowed"
    title = "This person cannot hold an API key"
