from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

# Re-exported: other domains that screen on a request's behalf name the cache's type.
from app.screening.engines import EngineCache as EngineCache


async def _engine_cache(request: Request) -> EngineCache:
    # One cache per application (and so per settings): created on first use.
    state = request.app.state
    cache: EngineCache | None = getattr(state, "screening_engines", None)
    if cache is None:
        cache = state.screening_engines = EngineCache(state.settings.screening)
    return cache


EnginesDep = Annotated[EngineCache, Depends(_engine_cache)]
