"""Table-level validation of the curated rows: every problem, in one report."""

from __future__ import annotations

import pandas as pd
import pandera.errors

from karabakh_data.curated import Origin, Rows
from karabakh_data.errors import Problem
from karabakh_data.frames import frame_from_rows
from karabakh_data.schema import CITED_TABLES, TABLES
from karabakh_data.schema.pandera_schema import table_schema
from karabakh_data.schema.rules import RULES
from karabakh_data.schema.tables import LINK_TABLES


def _keys(rows: Rows) -> dict[str, frozenset[str]]:
    return {name: frozenset(r["id"] for r in table_rows if isinstance(r.get("id"), str))
            for name, table_rows in rows.tables.items() if "id" in TABLES[name].field_names}


def _cited(rows: Rows) -> dict[str, frozenset[str]]:
    cited = {}
    for link in LINK_TABLES:
        if link.nesting and link.nesting.key == "cite":
            column = link.nesting.parent_field
            cited[link.nesting.parent] = frozenset(r[column] for r in rows.tables[link.name])
    return cited


_RULE_BY_MESSAGE = {rule.message: rule for rule in RULES.values()}


def describe_failure(table: str, case: pd.Series) -> tuple[str, str]:
    """The field and message of one pandera failure case."""
    check = str(case.get("check"))
    value = case.get("failure_case")
    rule = _RULE_BY_MESSAGE.get(check) or RULES.get(check)
    if rule is not None:
        return rule.field, rule.message
    column = case.get("column")
    field = column if isinstance(column, str) and column else ",".join(TABLES[table].primary_key)
    if check == "multiple_fields_uniqueness":
        key = TABLES[table].primary_key
        return ",".join(key), f"duplicate key: the same ({', '.join(key)}) appears more than once"
    if check == "field_uniqueness":
        return field, f"duplicate key {value!r}: keys must be unique in {table}"
    if check == "not_nullable":
        return field, "a value is required"
    return field, f"{value!r}: {check}"


def table_problems(rows: Rows) -> list[Problem]:
    """Pandera problems of every table, each traced back to the curated file and record."""
    keys = _keys(rows)
    cited = _cited(rows)
    problems: list[Problem] = []
    frames = {name: frame_from_rows(table, rows.tables[name]) for name, table in TABLES.items()}
    for name, table in TABLES.items():
        frame = frames[name]
        origins: list[Origin] = rows.origins[name]
        schema = table_schema(table, keys, cited.get(name) if name in CITED_TABLES else None, frames)
        try:
            schema.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            for _, case in exc.failure_cases.iterrows():
                index = case.get("index")
                field, message = describe_failure(name, case)
                if index is None or pd.isna(index):
                    problems.append(Problem(f"datasets/{name}", "-", field, message))
                    continue
                origin = origins[int(index)]
                problems.append(Problem(origin.file, origin.record, field, message))
    return problems


def validate_rows(rows: Rows) -> list[Problem]:
    """All problems: those met while reading and the table-level ones."""
    return [*rows.problems, *table_problems(rows)]
