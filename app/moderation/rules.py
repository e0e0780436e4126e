"""The deployment's side of moderation: the town's time zone and name, the policy whose terms
the reason codes cite, the appeal window and the retention periods."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from app.core.config import Settings
from app.core.db import utcnow

_TOKEN_CONTEXT = b"civic-social/appeal-token/v1:"


@dataclass(frozen=True, slots=True)
class ModerationRules:
    zone: ZoneInfo
    policy_code: str
    town_name: str
    appeal_days: int
    appeal_url: str | None
    comment_days: int
    moderated_comment_days: int
    secret: bytes

    @classmethod
    def from_settings(cls, settings: Settings, secret: bytes) -> ModerationRules:
        m = settings.moderation
        return cls(
            zone=settings.zone,
            policy_code=m.policy_code,
            town_name=m.town_name,
            appeal_days=m.appeal_days,
            appeal_url=m.appeal_url,
            comment_days=m.retention_comment_days,
            moderated_comment_days=m.retention_moderated_comment_days,
            secret=secret,
        )

    def town_date(self, at: dt.datetime | None = None) -> dt.date:
        return (at or utcnow()).astimezone(self.zone).date()

    def day_start(self, day: dt.date) -> dt.datetime:
        """The UTC instant the town date begins (a local midnight, whatever its offset)."""
        return dt.datetime.combine(day, dt.time(), self.zone).astimezone(dt.UTC)

    def appeal_deadline(self, since: dt.datetime) -> dt.datetime:
        """The end of the last town day on which a removal made at ``since`` can be appealed."""
        last_day = self.town_date(since) + dt.timedelta(days=self.appeal_days)
        return self.day_start(last_day + dt.timedelta(days=1))

    def appeal_token(self, action_id: uuid.UUID) -> str:
        """A token only the holder of the notice has: the action's id and its keyed digest.
        Nothing is stored; it can be given again and is checked by computing it again."""
        digest = hmac.new(self.secret, _TOKEN_CONTEXT + action_id.bytes, hashlib.sha256).digest()
        return f"{_b64(action_id.bytes)}.{_b64(digest[:24])}"

    def action_of_token(self, token: str) -> uuid.UUID | None:
        """The action a genuine token names; None for anything else."""
        head, _, _ = token.partition(".")
        try:
            raw = base64.urlsafe_b64decode(head + "==")
            action_id = uuid.UUID(bytes=raw)
        except ValueError:
            return None
        if not hmac.compare_digest(self.appeal_token(action_id), token):
            return None
        return action_id


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
