"""Reading a new version from the request: JSON, or a document as cities publish them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.core.errors import BadRequest
from app.policies.errors import UnsupportedDocumentType
from app.policies.schemas import VersionCreate

DOCUMENT_MEDIA_TYPES = {"text/markdown": True, "text/plain": False}  # -> is it Markdown


@dataclass(frozen=True, slots=True)
class PolicyDocumentBody:
    text: str
    markdown: bool


async def _version_body(request: Request) -> VersionCreate | PolicyDocumentBody:
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != "application/json" and media_type not in DOCUMENT_MEDIA_TYPES:
        raise UnsupportedDocumentType(
            f"Content-Type {media_type or '(none)'} is not accepted here: send "
            "application/json, text/markdown or text/plain."
        )
    raw = await request.body()
    if media_type == "application/json":
        try:
            return VersionCreate.model_validate_json(raw)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from exc
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from a word processor is fine
    except UnicodeDecodeError as exc:
        raise BadRequest(
            f"The document is not UTF-8 text (byte {exc.start} cannot be decoded)."
        ) from exc
    return PolicyDocumentBody(text=text, markdown=DOCUMENT_MEDIA_TYPES[media_type])


VersionBody = Annotated[VersionCreate | PolicyDocumentBody, Depends(_version_body)]
