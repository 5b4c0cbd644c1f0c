"""Pydantic record models derived from the table definitions.

``record_model(table)`` validates one published row; ``curated_model(table)`` validates one curated
record as written in ``datasets/``, with its link-table lists nested inside.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated, Any, Literal

import pydantic

from karabakh_data.schema.model import Field, Table
from karabakh_data.schema.tables import LINK_TABLES, TABLES

_PY_TYPES: dict[str, type] = {"string": str, "integer": int, "number": float, "boolean": bool,
                              "date": dt.date}
_CONFIG = pydantic.ConfigDict(extra="forbid", strict=True, frozen=True)


def _annotation(f: Field) -> Any:
    if f.enum is not None:
        base: Any = Literal[f.enum]  # type: ignore[valid-type]
    elif f.type == "date":
        base = Annotated[dt.date, pydantic.Strict(False)]  # ISO strings are fine in YAML
    else:
        base = _PY_TYPES[f.type]
    constraints = pydantic.Field(
        pattern=f.pattern,
        ge=f.minimum,
        le=f.maximum,
        min_length=f.min_length,
        allow_inf_nan=False if f.type == "number" else None,
    )
    annotated = Annotated[base, constraints]
    return annotated if f.required or f.default is not None else annotated | None


def _default(f: Field) -> Any:
    """What pydantic fills in for a field the curator left out (``...``: the field is required)."""
    if f.default is not None:
        return f.default
    return ... if f.required else None


def _definitions(fields: tuple[Field, ...], curated: bool = False) -> dict[str, Any]:
    return {
        f.name: (_annotation(f), pydantic.Field(_default(f), description=f.description))
        for f in fields
        if not (curated and f.derived)
    }


def _class_name(name: str, suffix: str = "") -> str:
    return "".join(part.title() for part in name.split("_")) + suffix


@cache
def record_model(table_name: str) -> type[pydantic.BaseModel]:
    """Model of one published row of ``table_name``."""
    table = TABLES[table_name]
    return pydantic.create_model(_class_name(table.name, "Record"), __config__=_CONFIG,
                                 __doc__=table.description, **_definitions(table.fields))


def _nested_item(link: Table) -> Any:
    nesting = link.nesting
    assert nesting is not None
    if nesting.scalar is not None:
        return _annotation(link.field(nesting.scalar))
    # Mapping items drop the parent column and the "_id" suffix of the others: {source, locator}.
    fields = {
        f.name.removesuffix("_id"): (_annotation(f), _default(f))
        for f in link.fields
        if f.name != nesting.parent_field
    }
    return pydantic.create_model(_class_name(link.name, "Item"), __config__=_CONFIG, **fields)


def nested_key_columns(link: Table) -> dict[str, str]:
    """Map from a nested item's keys to the link table's columns."""
    nesting = link.nesting
    assert nesting is not None
    return {f.name.removesuffix("_id"): f.name for f in link.fields if f.name != nesting.parent_field}


def links_of(table_name: str) -> list[Table]:
    """The link tables nested in ``table_name``'s curated records."""
    return [t for t in LINK_TABLES if t.nesting and t.nesting.parent == table_name]


@cache
def curated_model(table_name: str) -> type[pydantic.BaseModel]:
    """Model of one curated record of ``table_name``, link lists included."""
    table = TABLES[table_name]
    definitions = _definitions(table.fields, curated=True)
    for link in links_of(table_name):
        assert link.nesting is not None
        item = _nested_item(link)
        definitions[link.nesting.key] = (list[item], pydantic.Field(default_factory=list))  # type: ignore[valid-type]
    return pydantic.create_model(_class_name(table.name, "Curated"), __config__=_CONFIG,
                                 **definitions)
