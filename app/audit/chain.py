"""The hash of an audit event: SHA-256 over a canonical JSON form of its fields and the
previous event's hash. Pure functions, shared by writing and verification."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

GENESIS_HASH = "0" * 64


def event_hash(
    *,
    seq: int,
    occurred_at: dt.datetime,
    actor_kind: str,
    actor_id: str,
    actor_name: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    request_id: str | None,
    prev_hash: str,
) -> str:
    canonical = json.dumps(
        {
            "seq": seq,
            "occurred_at": occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "actor_kind": actor_kind,
            "actor_id": actor_id,
            "actor_name": actor_name,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "before": before,
            "after": after,
            "request_id": request_id,
            "prev_hash": prev_hash,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
