from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.training.service import TrainingRules


async def _training_rules(request: Request) -> TrainingRules:
    # Built once per application from its settings.
    state = request.app.state
    rules: TrainingRules | None = getattr(state, "training_rules", None)
    if rules is None:
        rules = state.training_rules = TrainingRules.from_settings(state.settings)
    return rules


TrainingRulesDep = Annotated[TrainingRules, Depends(_training_rules)]
