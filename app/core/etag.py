"""Optimistic concurrency over HTTP: ETag out, If-Match in."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Header

from app.core.errors import BadRequest, PreconditionFailed, PreconditionRequired

ETAG_PATTERN = r'^(W/)?"[0-9]{1,18}"$'
_ETAG = re.compile(r'^\s*(?:W/)?"(\d{1,18})"\s*$')


def etag_for(version: int) -> str:
    return f'"{version}"'


def required_version(if_match: str | None) -> int:
    """The entity version the client last saw, from a mandatory If-Match header."""
    if if_match is None:
        raise PreconditionRequired(
            "This update needs an If-Match header with the ETag from your last read."
        )
    match = _ETAG.match(if_match)
    if match is None:
        raise IfMatchMalformed(
            'If-Match must hold the ETag of your last read, e.g. "3" ("*" is not accepted: '
            "an update names the version it changes)."
        )
    return int(match.group(1))


class StaleVersion(PreconditionFailed):
    type = "stale-version"
    title = "The resource changed since you read it"


def check_version(current: int, expected: int) -> None:
    """Refuse an update made against a version the client no longer holds (412)."""
    if current != expected:
        raise StaleVersion(
            f"You sent version {expected}; the current version is {current}. "
            "Read it again and reapply your change."
        )


class IfMatchMalformed(BadRequest):
    type = "if-match-malformed"
    title = "If-Match is not an ETag"


IfMatchHeader = Annotated[
    str | None,
    Header(alias="If-Match", description="The ETag from your last read of the resource"),
]
