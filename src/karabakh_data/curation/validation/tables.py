"""Pandera table schemas derived from the table definitions.

Column checks come from the field definitions; cross-row checks (unique keys, row rules) and
cross-table checks (foreign keys, citations) are added from the key sets of the other tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa

from karabakh_data.curation.validation.rules import RULES, Frames
from karabakh_data.schema.dtypes import pandas_dtype
from karabakh_data.schema.model import Field, Table

Keys = Mapping[str, frozenset[str]]


def _bound(value: object) -> object:
    return pd.Timestamp(value) if isinstance(value, dt.date) else value


def _column_checks(f: Field) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if f.enum is not None:
        checks.append(pa.Check.isin(list(f.enum)))
    if f.pattern is not None:
        checks.append(pa.Check.str_matches(f.pattern))
    if f.min_length is not None:
        checks.append(pa.Check.str_length(min_value=f.min_length))
    if f.minimum is not None:
        checks.append(pa.Check.ge(_bound(f.minimum)))
    if f.maximum is not None:
        checks.append(pa.Check.le(_bound(f.maximum)))
    return checks


def _foreign_key(f: Field, keys: Keys) -> pa.Check:
    target_table, target_field = f.reference  # type: ignore[misc]
    allowed = keys.get(target_table, frozenset())
    return pa.Check(lambda s: s.isin(allowed), element_wise=False, name="foreign_key",
                    error=f"no {target_table}.{target_field} with this value")


def pandera_schema(table: Table, keys: Keys | None = None, cited: frozenset[str] | None = None,
                   frames: Frames | None = None) -> pa.DataFrameSchema:
    """Pandera schema of ``table``.

    With ``keys``, foreign keys are checked against them; with ``cited``, every id must be among the
    cited ones; with ``frames`` (every table), the rules across tables are checked too.
    """
    single_key = table.primary_key[0] if len(table.primary_key) == 1 else None
    columns = {}
    for f in table.fields:
        checks = _column_checks(f)
        if keys is not None and f.reference is not None:
            checks.append(_foreign_key(f, keys))
        if cited is not None and f.name == "id":
            checks.append(pa.Check(lambda s: s.isin(cited), name="has_citation",
                                   error="the record cites no source (add a `cite` entry)"))
        columns[f.name] = pa.Column(pandas_dtype(f), checks=checks, nullable=not f.required,
                                    unique=f.name == single_key, required=True,
                                    description=f.description, title=f.name)
    rules = [
        pa.Check(lambda df, rule=RULES[name]: rule.holds(df, frames or {}), name=name,
                 error=RULES[name].message)
        for name in table.rules
        if frames is not None or not RULES[name].across_tables
    ]
    return pa.DataFrameSchema(
        columns,
        checks=rules,
        unique=list(table.primary_key) if single_key is None else None,
        strict=True,
        ordered=True,
        name=table.name,
        description=table.description,
    )
