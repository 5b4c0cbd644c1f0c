"""The building blocks of the single source of truth: fields and tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

FieldType = Literal["string", "integer", "number", "boolean", "date"]
# What a field is for, read by the audit and the views: prose written in our own words; a date or number
# a cited seed must state; an actor whose name a cited seed must give; the bound of an undated record.
FieldRole = Literal["prose", "stated", "named_actor", "bound"]


@dataclass(frozen=True)
class Field:
    """One column, defined once; every other schema is derived from it."""

    name: str
    type: FieldType
    description: str
    required: bool = True
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: int | float | dt.date | None = None
    maximum: int | float | dt.date | None = None
    min_length: int | None = None
    references: str | None = None  # "table" or "table.field"; None: no foreign key
    default: bool | None = None  # value the build fills in when the curator leaves the field out
    derived: bool = False  # computed by the build; never written by a curator
    role: FieldRole | None = None
    precision: str | None = None  # for a date: the field that says how precisely it is known

    @property
    def reference(self) -> tuple[str, str] | None:
        """The referenced (table, field), if this field is a foreign key."""
        if self.references is None:
            return None
        table, _, target = self.references.partition(".")
        return table, target or "id"


@dataclass(frozen=True)
class Nesting:
    """How a link table is written inside its parent's curated records.

    ``key`` is the YAML key of the list in the parent record, ``parent_field`` the
    column that receives the parent's id and ``scalar`` the column filled when the
    list holds plain values instead of mappings.
    """

    parent: str
    key: str
    parent_field: str
    scalar: str | None = None


@dataclass(frozen=True)
class Table:
    """One published table (one Parquet file, one data-package resource)."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ("id",)
    nesting: Nesting | None = None
    rules: tuple[str, ...] = field(default_factory=tuple)  # names in schema.rules.RULES

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(field, referenced table, referenced field) for every foreign key."""
        return [(f.name, *f.reference) for f in self.fields if f.reference]
