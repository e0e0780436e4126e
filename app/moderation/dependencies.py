from __future__ import annotations

import math
import time
from typing import Annotated

from fastapi import Depends, Request
from limits import RateLimitItem, parse, strategies
from limits.storage import storage_from_string

from app.moderation.errors import TooManyAppeals
from app.moderation.rules import ModerationRules


async def _moderation_rules(request: Request) -> ModerationRules:
    # Built once per application from its settings.
    state = request.app.state
    rules: ModerationRules | None = getattr(state, "moderation_rules", None)
    if rules is None:
        rules = state.moderation_rules = ModerationRules.from_settings(
            state.settings, state.secret_key
        )
    return rules


ModerationRulesDep = Annotated[ModerationRules, Depends(_moderation_rules)]


class AppealLimiter:
    """How many appeals one client address may send: the public endpoint takes tokens, and
    guessing them must stay slow. Counted per replica unless a shared store is configured."""

    def __init__(self, limit: str, storage_uri: str) -> None:
        self.item: RateLimitItem = parse(limit)
        self.limiter = strategies.MovingWindowRateLimiter(storage_from_string(storage_uri))

    def check(self, client: str) -> None:
        if not self.limiter.hit(self.item, "appeal", client):
            reset_at = self.limiter.get_window_stats(self.item, "appeal", client).reset_time
            wait = max(1, math.ceil(reset_at - time.time()))
            raise TooManyAppeals(
                f"Too many appeals from this address; try again in {wait} seconds.",
                headers={"Retry-After": str(wait)},
            )


async def _appeal_rate_limit(request: Request) -> None:
    state = request.app.state
    limiter: AppealLimiter | None = getattr(state, "appeal_limiter", None)
    if limiter is None:
        moderation = state.settings.moderation
        limiter = state.appeal_limiter = AppealLimiter(
            moderation.appeal_rate_limit, moderation.appeal_rate_limit_storage
        )
    # Behind a proxy this is the proxy's address unless the server is told to trust its
    # X-Forwarded-For (uvicorn --forwarded-allow-ips).
    limiter.check(request.client.host if request.client else "unknown")


AppealRateLimit = Depends(_appeal_rate_limit)
