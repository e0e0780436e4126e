"""Optimistic concurrency over HTTP: ETag out, If-Match in."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Header

from app.core.errors import PreconditionFailed, PreconditionRequired

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
        raise PreconditionFailed("If-Match does not hold an ETag issued by this service.")
    return int(match.group(1))


IfMatchHeader = Annotated[
    str | None,
    Header(alias="If-Match", description="The ETag from your last read of the resource"),
]
