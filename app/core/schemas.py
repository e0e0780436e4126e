"""Base classes for request and response bodies."""

from __future__ import annotations

import datetime as dt
import re
from types import UnionType
from typing import Annotated, Any, ClassVar, Self, Union, get_args, get_origin

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from app.core.secrets import find_secret, secret_field_name

# Models a route reads from the raw request (one operation, several media types) and that the
# contract must still describe: app.openapi adds them to the components.
DECLARED_BODY_MODELS: dict[str, type[BaseModel]] = {}


def declared_body(model: type[BaseModel]) -> dict[str, str]:
    """A ``$ref`` to ``model`` for an ``openapi_extra`` request body."""
    DECLARED_BODY_MODELS[model.__name__] = model
    return {"$ref": f"#/components/schemas/{model.__name__}"}


class RequestModel(BaseModel):
    """A request body: unknown and read-only fields are refused, not silently dropped.

    Surrounding white space is stripped (and some codes are lower-cased), but a text is first
    held to what the contract says of it as sent, its maxLength and pattern, in a list too:
    a value that fits only once stripped is not one the contract allows (the contract fuzzer
    found it)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _as_sent(cls, value: Any, info: ValidationInfo) -> Any:
        if info.field_name is None:
            return value
        text, item = _contract_of(cls, info.field_name)
        if isinstance(value, str) and text is not None:
            _hold(text, value)
        elif isinstance(value, list) and item is not None:
            for element in value:
                if isinstance(element, str):
                    _hold(item, element)
        return value


# What the contract states of a text (maxLength, pattern), checked on the value as sent.
_Rules = TypeAdapter[str]
_CONTRACTS: dict[tuple[type[BaseModel], str], tuple[_Rules | None, _Rules | None]] = {}


def _hold(rules: _Rules, value: str) -> None:
    try:
        rules.validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        raise PydanticCustomError(error["type"], error["msg"], error.get("ctx")) from None


def _contract_of(model: type[BaseModel], name: str) -> tuple[_Rules | None, _Rules | None]:
    """The rules for a text field's value, and for the texts of a list field's items."""
    key = (model, name)
    if key not in _CONTRACTS:
        field = model.model_fields[name]
        text: dict[str, Any] = {}
        item: dict[str, Any] = {}
        _collect([*field.metadata], field.annotation, text, item)
        _CONTRACTS[key] = (_rules(text), _rules(item))
    return _CONTRACTS[key]


def _collect(
    metadata: list[Any], annotation: Any, text: dict[str, Any], item: dict[str, Any]
) -> None:
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        _collect([*metadata, *extra], inner, text, item)
    elif origin in (Union, UnionType):
        for option in get_args(annotation):
            _collect(metadata, option, text, item)
    elif origin is list:  # the metadata constrains the list; its items say their own
        (element,) = get_args(annotation)
        _collect([], element, item, {})
    elif annotation is str:
        for entry in metadata:
            for name in ("max_length", "pattern"):
                found = getattr(entry, name, None)
                if isinstance(found, int | str) and not isinstance(found, bool):
                    text.setdefault(name, found)


def _rules(found: dict[str, Any]) -> _Rules | None:
    if not found:
        return None
    return TypeAdapter(Annotated[str, StringConstraints(strict=True, **found)])


class SecretFreeModel(RequestModel):
    """A body whose values are stored: a field that names a credential, or a value that
    looks like one, is refused before anything else is read (422 ``secret_refused``, which
    names the field, never the value). Credentials live in the city's vault; the service
    keeps at most a reference to where."""

    # Fields holding other systems' identifiers (long random strings by nature): checked for
    # the known credential formats only, not for randomness.
    identifier_fields: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _no_secrets(cls, data: Any) -> Any:
        problem = (
            _secret_in(data, "body", cls.identifier_fields) if isinstance(data, dict) else None
        )
        if problem:
            raise PydanticCustomError(
                "secret_refused",
                "{problem}: Civic Social stores no password, token or recovery code. Keep "
                "credentials in the city's vault and send a reference to where they are.",
                {"problem": problem},
            )
        return data


def _secret_in(value: Any, where: str, identifiers: frozenset[str]) -> str | None:
    if isinstance(value, str):
        found = find_secret(value, randomness=where.rsplit(".", 1)[-1] not in identifiers)
        return f"{where} looks like it holds {found}" if found else None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and secret_field_name(key):
                return f"{where}.{key} names a credential"
            problem = _secret_in(item, f"{where}.{key}", identifiers)
            if problem:
                return problem
    if isinstance(value, list):
        for index, item in enumerate(value):
            problem = _secret_in(item, f"{where}[{index}]", identifiers)
            if problem:
                return problem
    return None


class ResponseModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _drop_null_from_required_fields(schema: dict[str, Any], model: type[Any]) -> None:
    for name in getattr(model, "not_nullable", ()):
        prop = schema.get("properties", {}).get(name)
        if prop and "anyOf" in prop:
            kept = [option for option in prop.pop("anyOf") if option.get("type") != "null"]
            prop.update(kept[0] if len(kept) == 1 else {"anyOf": kept})
            if prop.get("default", "absent") is None:
                del prop["default"]


class UpdateModel(RequestModel):
    """A partial update: only the fields sent are applied (``exclude_unset``). Fields named in
    ``not_nullable`` may be left out but not set to null (nor does the contract offer null)."""

    model_config = ConfigDict(json_schema_extra=_drop_null_from_required_fields)

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


def _iso_8601_only(value: Any) -> Any:
    # Pydantic would read "0.5" or 1700000000 as a Unix time; the contract says date-time.
    if not isinstance(value, str | dt.datetime) or (
        isinstance(value, str) and not _ISO_DATETIME.match(value)
    ):
        raise ValueError("expected an ISO 8601 date-time with an offset, e.g. 2024-06-30T09:00:00Z")
    return value


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")

IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_8601_only)]
"""A timezone-aware date-time given in ISO 8601 form (not as a number)."""


def _iso_date_only(value: Any) -> Any:
    # As above: pydantic would read 0 or "0" as 1970-01-01; the contract says a date.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("expected an ISO 8601 date, e.g. 2024-06-30")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
"""A calendar date given as YYYY-MM-DD (not as a number)."""
