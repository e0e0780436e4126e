from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.webhooks.signing import SecretBox
from app.webhooks.targets import TargetPolicy


async def _secret_box(request: Request) -> SecretBox:
    # Built once per application from its secret.
    state = request.app.state
    box: SecretBox | None = getattr(state, "webhook_secret_box", None)
    if box is None:
        box = state.webhook_secret_box = SecretBox(state.secret_key)
    return box


async def _target_policy(request: Request) -> TargetPolicy:
    state = request.app.state
    policy: TargetPolicy | None = getattr(state, "webhook_target_policy", None)
    if policy is None:
        policy = state.webhook_target_policy = TargetPolicy.from_entries(
            state.settings.webhooks.allowed_targets
        )
    return policy


SecretBoxDep = Annotated[SecretBox, Depends(_secret_box)]
TargetPolicyDep = Annotated[TargetPolicy, Depends(_target_policy)]
