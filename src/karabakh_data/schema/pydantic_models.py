"""Pydantic record models derived from the table definitions: ``record_model(table)`` validates one
published row (the curated records' models, with their link lists nested, are in ``curation.models``)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated, Any, Literal

import pydantic

from karabakh_data.schema.dtypes import TYPES
from karabakh_data.schema.model import Field
from karabakh_data.schema.tables import TABLES

CONFIG = pydantic.ConfigDict(extra="forbid", strict=True, frozen=True)


def annotation(f: Field) -> Any:
    if f.enum is not None:
        base: Any = Literal[f.enum]  # type: ignore[valid-type]
    elif f.type == "date":
        base = Annotated[dt.date, pydantic.Strict(False)]  # ISO strings are fine in YAML
    else:
        base = TYPES[f.type].python
    constraints = pydantic.Field(
        pattern=f.pattern,
        ge=f.minimum,
        le=f.maximum,
        min_length=f.min_length,
        allow_inf_nan=False if f.type == "number" else None,
    )
    annotated = Annotated[base, constraints]
    return annotated if f.required or f.default is not None else annotated | None


def default(f: Field) -> Any:
    """What pydantic fills in for a field the curator left out (``...``: the field is required)."""
    if f.default is not None:
        return f.default
    return ... if f.required else None


def definitions(fields: tuple[Field, ...], curated: bool = False) -> dict[str, Any]:
    return {
        f.name: (annotation(f), pydantic.Field(default(f), description=f.description))
        for f in fields
        if not (curated and f.derived)
    }


def class_name(name: str, suffix: str = "") -> str:
    return "".join(part.title() for part in name.split("_")) + suffix


@cache
def record_model(table_name: str) -> type[pydantic.BaseModel]:
    """Model of one published row of ``table_name``."""
    table = TABLES[table_name]
    return pydantic.create_model(class_name(table.name, "Record"), __config__=CONFIG,
                                 __doc__=table.description, **definitions(table.fields))
