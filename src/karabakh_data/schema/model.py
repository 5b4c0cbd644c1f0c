"""The building blocks of the single source of truth: fields and tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

FieldType = Literal["string", "integer", "number", "boolean", "date"]
# What a field is for, read by the audit and the views: prose written in our own words; a date or number
# a cited seed must state; an actor whose name a cited seed must give; the bound of an undated record.
FieldRole = Literal["prose", "stated", "named_actor", "bound"]
INT64_MAX = 2**63 - 1  # integers are published as int64, so none may be larger
NOT_BLANK = r"[\s\S]*\S[\s\S]*"  # free text holds something besides whitespace (anchored or not)


def iso(value: object) -> object:
    """A date as its ISO text; any other value unchanged (for JSON, CSV, SQLite and Markdown)."""
    return value.isoformat() if isinstance(value, dt.date) else value


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

    def __post_init__(self) -> None:
        """Refuse combinations that make no sense, so a mistake in the registry fails at import."""
        problems = []
        if self.pattern is not None and self.type != "string":
            problems.append("a pattern needs a string field")
        if self.min_length is not None and self.type != "string":
            problems.append("min_length needs a string field")
        if self.enum is not None and (self.type != "string" or not self.enum):
            problems.append("an enum needs a string field and at least one value")
        if (self.minimum is not None or self.maximum is not None) and self.type not in (
                "integer", "number", "date"):
            problems.append("minimum/maximum need a number or date field")
        if self.references is not None and self.type != "string":
            problems.append("a foreign key must be a string field")
        if self.default is not None and self.type != "boolean":
            problems.append("only boolean fields have a default")
        if self.derived and self.required is False:
            problems.append("a derived field is always filled: it must be required")
        if self.role == "prose" and self.type != "string":
            problems.append("prose must be a string field")
        if self.role in ("stated", "bound") and self.type not in ("integer", "number", "date"):
            problems.append(f"role {self.role} needs a number or date field")
        if self.role == "named_actor" and self.references != "actors":
            problems.append("role named_actor needs a reference to actors")
        if self.precision is not None and self.type != "date":
            problems.append("only a date has a precision field")
        if problems:
            raise ValueError(f"field {self.name!r}: {'; '.join(problems)}")
        # Implied constraints: integers fit int64; free text holds more than whitespace.
        if self.type == "integer" and self.maximum is None:
            object.__setattr__(self, "maximum", INT64_MAX)
        if self.type == "string" and self.min_length and self.pattern is None and self.enum is None:
            object.__setattr__(self, "pattern", NOT_BLANK)

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

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        problems = [f"field {n!r} is defined twice" for n in set(names) if names.count(n) > 1]
        problems += [f"primary key field {k!r} is not a field" for k in self.primary_key if k not in names]
        problems += [f"field {f.name!r}: its precision field {f.precision!r} is not a field"
                     for f in self.fields if f.precision and f.precision not in names]
        if self.nesting is not None and self.nesting.parent_field not in names:
            problems.append(f"nesting field {self.nesting.parent_field!r} is not a field")
        if problems:
            raise ValueError(f"table {self.name!r}: {'; '.join(problems)}")

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
