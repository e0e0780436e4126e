"""Base classes for request and response bodies."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, model_validator


class RequestModel(BaseModel):
    """A request body: unknown and read-only fields are refused, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ResponseModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class UpdateModel(RequestModel):
    """A partial update: only the fields sent are applied (``exclude_unset``). Fields named in
    ``not_nullable`` may be left out but not set to null."""

    not_nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _no_null_for_required_fields(self) -> Self:
        nulled = sorted(
            f for f in self.model_fields_set & self.not_nullable if getattr(self, f) is None
        )
        if nulled:
            raise ValueError(f"these fields cannot be null: {', '.join(nulled)}")
        return self

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)
