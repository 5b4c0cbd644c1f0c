"""Pydantic models of the curated records as written in ``datasets/``, link-table lists nested inside."""

from __future__ import annotations

from functools import cache
from typing import Any

import pydantic

from karabakh_data.schema.model import Table
from karabakh_data.schema.pydantic_models import CONFIG, annotation, class_name, default, definitions
from karabakh_data.schema.tables import LINK_TABLES, TABLES


def _nested_item(link: Table) -> Any:
    nesting = link.nesting
    assert nesting is not None
    if nesting.scalar is not None:
        return annotation(link.field(nesting.scalar))
    # Mapping items drop the parent column and the "_id" suffix of the others: {source, locator}.
    fields = {
        f.name.removesuffix("_id"): (annotation(f), default(f))
        for f in link.fields
        if f.name != nesting.parent_field
    }
    return pydantic.create_model(class_name(link.name, "Item"), __config__=CONFIG, **fields)


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
    fields = definitions(table.fields, curated=True)
    for link in links_of(table_name):
        assert link.nesting is not None
        item = _nested_item(link)
        fields[link.nesting.key] = (list[item], pydantic.Field(default_factory=list))  # type: ignore[valid-type]
    return pydantic.create_model(class_name(table.name, "Curated"), __config__=CONFIG,
                                 **fields)
