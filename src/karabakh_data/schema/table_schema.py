"""Frictionless Table Schemas derived from the table definitions."""

from __future__ import annotations

from typing import Any

from karabakh_data.schema.model import Field, Table, iso
from karabakh_data.schema.vocabularies import categories


def field_descriptor(f: Field) -> dict[str, Any]:
    """Table Schema descriptor of one field."""
    constraints: dict[str, Any] = {"required": f.required}
    if f.enum is not None:
        constraints["enum"] = list(f.enum)
    if f.pattern is not None:
        constraints["pattern"] = f.pattern.removeprefix("^").removesuffix("$")
    if f.minimum is not None:
        constraints["minimum"] = iso(f.minimum)
    if f.maximum is not None:
        constraints["maximum"] = iso(f.maximum)
    if f.min_length is not None:
        constraints["minLength"] = f.min_length
    descriptor = {"name": f.name, "type": f.type, "description": f.description, "constraints": constraints}
    if f.enum is not None:  # Table Schema v2: the values with labels (and our definitions)
        descriptor["categories"] = categories(f.enum)
    return descriptor


def table_schema(table: Table) -> dict[str, Any]:
    """Table Schema (v2) with primary and foreign keys."""
    foreign_keys = []
    for name, target_table, target_field in table.foreign_keys:
        reference: dict[str, Any] = {"fields": [target_field]}
        if target_table != table.name:
            reference = {"resource": target_table, **reference}
        foreign_keys.append({"fields": [name], "reference": reference})
    schema: dict[str, Any] = {
        "fields": [field_descriptor(f) for f in table.fields],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema
