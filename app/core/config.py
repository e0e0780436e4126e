"""Settings, read once from the environment (prefix ``APP_``) or a ``.env`` file."""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///./var/civic-social.db"


class OIDCSettings(BaseSettings):
    """Bearer tokens from the city's identity provider. Off unless an issuer is set."""

    model_config = SettingsConfigDict(env_prefix="APP_OIDC_", extra="ignore")

    issuer: str | None = None
    audience: str | None = None
    jwks_url: str | None = None
    public_key: str | None = Field(
        default=None, description="PEM public key, instead of a JWKS URL"
    )
    algorithms: list[str] = ["RS256", "ES256"]
    roles_claim: str = Field(default="roles", description="Dotted path, e.g. realm_access.roles")
    leeway_seconds: int = Field(default=30, ge=0, le=300)

    @property
    def enabled(self) -> bool:
        return self.issuer is not None

    @model_validator(mode="after")
    def _key_source_given(self) -> OIDCSettings:
        if self.issuer and not (self.jwks_url or self.public_key):
            raise ValueError("APP_OIDC_ISSUER needs APP_OIDC_JWKS_URL or APP_OIDC_PUBLIC_KEY")
        if self.issuer and not self.audience:
            raise ValueError("APP_OIDC_ISSUER needs APP_OIDC_AUDIENCE")
        if "none" in {a.lower() for a in self.algorithms}:
            raise ValueError("the 'none' algorithm is never accepted")
        return self


class ScreeningSettings(BaseSettings):
    """The screening engine's knobs that belong to the deployment, not to a ruleset."""

    model_config = SettingsConfigDict(env_prefix="APP_SCREENING_", extra="ignore")

    policy_code: str = Field(
        default="social-media",
        description="The policy whose version in force supplies the ruleset and citations",
    )
    max_text_length: int = Field(default=10_000, ge=100, le=100_000)
    store_original_text: bool = Field(
        default=False,
        description="Keep the original text of each screening (otherwise redacted text and "
        "a SHA-256 of the original only)",
    )
    city_contacts: list[str] = Field(
        default_factory=list,
        description="Official phone numbers, emails and addresses that are not personal "
        "information",
    )


class AccountsSettings(BaseSettings):
    """The account registry's knobs."""

    model_config = SettingsConfigDict(env_prefix="APP_ACCOUNTS_", extra="ignore")

    dormancy_days: int = Field(
        default=90,
        ge=1,
        le=3650,
        description="An active account with no recorded post for this many days is dormant",
    )


class TrainingSettings(BaseSettings):
    """How training and policy acknowledgements are enforced."""

    model_config = SettingsConfigDict(env_prefix="APP_TRAINING_", extra="ignore")

    policy_code: str = Field(
        default="social-media",
        description="The policy whose version in force grant holders must acknowledge",
    )
    acknowledgement_days: int = Field(
        default=30,
        ge=0,
        le=365,
        description="Days a grant holder has to acknowledge a newly adopted policy version",
    )


class ModerationSettings(BaseSettings):
    """How public comments are moderated, appealed and kept as records."""

    model_config = SettingsConfigDict(env_prefix="APP_MODERATION_", extra="ignore")

    policy_code: str = Field(
        default="social-media",
        description="The policy whose terms of engagement the reason codes cite",
    )
    town_name: str = Field(
        default="the Town", max_length=200, description="Who signs the notice to a commenter"
    )
    appeal_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="Days a commenter has to ask for reconsideration of a removal",
    )
    appeal_url: str | None = Field(
        default=None,
        max_length=500,
        description="Where a commenter asks for reconsideration, quoted in the notice; "
        "without it the notice names the public appeals endpoint",
    )
    appeal_rate_limit: str = Field(
        default="10/hour",
        description="Appeals accepted from one client address, e.g. 10/hour or 3/minute",
    )
    appeal_rate_limit_storage: str = Field(
        default="memory://",
        description="Where the appeal rate limit counts: memory:// (per replica) or a "
        "shared store such as redis://host:6379 (needs the redis client installed)",
    )
    retention_comment_days: int = Field(
        default=365,
        ge=1,
        le=36500,
        description="Days a captured comment nobody acted on is kept after it was posted",
    )
    retention_moderated_comment_days: int = Field(
        default=365,
        ge=1,
        le=36500,
        description="Days a moderated comment is kept after its last action or appeal",
    )

    @field_validator("appeal_rate_limit")
    @classmethod
    def _rate_limit_parses(cls, value: str) -> str:
        from limits import parse  # the rate limiter's own grammar: "10/hour", "3 per minute"

        try:
            parse(value)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a rate limit, e.g. 10/hour") from exc
        return value


class WebhookSettings(BaseSettings):
    """How the worker delivers events to subscribers."""

    model_config = SettingsConfigDict(env_prefix="APP_WEBHOOKS_", extra="ignore")

    max_attempts: int = Field(
        default=8, ge=1, le=50, description="Attempts before a delivery is a dead letter"
    )
    backoff_base_seconds: float = Field(
        default=10.0, gt=0, le=3600, description="The wait before the second attempt"
    )
    backoff_max_seconds: float = Field(
        default=3600.0, gt=0, le=86400, description="The longest wait between attempts"
    )
    timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    lease_seconds: float = Field(
        default=60.0, gt=0, le=3600, description="How long a worker's claim on a delivery lasts"
    )
    poll_seconds: float = Field(default=1.0, gt=0, le=60)
    batch_size: int = Field(default=20, ge=1, le=500)
    allowed_targets: list[str] = Field(
        default_factory=list,
        description="Hosts or networks (CIDR) webhooks may reach although they are loopback, "
        'link-local or private, e.g. ["10.20.0.0/16", "hooks.intranet.town"]; plain '
        "http is accepted only for these",
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL
    database_pool_size: int = Field(default=10, ge=1, le=200)
    database_connect_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    database_statement_timeout_ms: int = Field(default=15_000, ge=0)
    database_read_timeout_seconds: float = Field(
        default=20.0,
        gt=0,
        le=600,
        description="PostgreSQL: the longest a request waits for the database to answer a "
        "statement before it gives up with a 503 (a hung network, a frozen server); above the "
        "statement timeout, which the server enforces itself",
    )
    sqlite_busy_timeout_ms: int = Field(default=5_000, ge=0)

    var_dir: Path = Path("./var")
    secret_key: SecretStr | None = Field(
        default=None,
        description="HMAC key for API keys; when unset, one is generated under var_dir",
    )

    max_request_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    retry_after_seconds: int = Field(default=5, ge=1, le=3600)
    idempotency_ttl_hours: int = Field(default=24, ge=1)

    expose_bench_endpoint: bool = Field(
        default=False, description="Serve /bench/bare, the benchmark's baseline route"
    )
    docs_enabled: bool = Field(
        default=True, description="Serve /docs and /openapi.json (turn off to hide the contract)"
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser; none by default",
    )
    access_log: bool = False
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_json: bool = True

    oidc: OIDCSettings = Field(default_factory=OIDCSettings)
    screening: ScreeningSettings = Field(default_factory=ScreeningSettings)
    accounts: AccountsSettings = Field(default_factory=AccountsSettings)
    training: TrainingSettings = Field(default_factory=TrainingSettings)
    moderation: ModerationSettings = Field(default_factory=ModerationSettings)
    webhooks: WebhookSettings = Field(default_factory=WebhookSettings)
    time_zone: str = Field(
        default="America/Toronto",
        description="The town's time zone (IANA name): training expires at the end of a local day",
    )

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not an IANA time zone, e.g. America/Toronto") from exc
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def resolved_secret_key(self) -> bytes:
        """The API key HMAC secret: configured, or generated once and kept beside the data."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        if self.environment == "production":
            # Replicas must share one key, and a file on one host's disk is not shared.
            raise RuntimeError("APP_SECRET_KEY must be set when APP_ENVIRONMENT=production")
        path = self.var_dir / "secret.key"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: several workers starting at once agree on the first key written.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
        return path.read_text().strip().encode()


@lru_cache
def get_settings() -> Settings:
    return Settings()
