"""Table-level validation of the curated rows: every problem, in one report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

import pandas as pd
import pandera.errors

from karabakh_data.curated import Origin, Rows
from karabakh_data.errors import NO_RECORD, Problem
from karabakh_data.frames import frame_from_rows
from karabakh_data.schema import CITATIONS, CITED_TABLES, TABLES
from karabakh_data.schema.pandera_schema import table_schema
from karabakh_data.schema.pydantic_models import nested_key_columns
from karabakh_data.schema.rules import RULES

Frames = dict[str, pd.DataFrame]
Locate = Callable[[str, int | None], tuple[str, str]]  # (table, row index) -> (file, record id)
Rename = Callable[[str, int, str], str]  # (table, row index, column) -> the key the curator wrote


def _keys(frames: Frames) -> dict[str, frozenset[str]]:
    return {name: frozenset(frame["id"].dropna()) for name, frame in frames.items() if "id" in frame}


def _cited(frames: Frames) -> dict[str, frozenset[str]]:
    return {parent: frozenset(frames[link.name][link.nesting.parent_field].dropna())  # type: ignore[union-attr]
            for parent, link in CITATIONS.items()}


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


def frame_problems(frames: Frames, locate: Locate, rename: Rename | None = None,
                   missing: frozenset[str] = frozenset()) -> list[Problem]:
    """Pandera problems of every table (keys, references, citations, rules), located by ``locate``.

    ``rename`` gives a row's column the name the curator wrote; foreign-key failures pointing into a
    table of ``missing`` (one of its files could not be read) are follow-on errors and left out.
    """
    keys, cited = _keys(frames), _cited(frames)
    problems: list[Problem] = []
    for name, table in TABLES.items():
        schema = table_schema(table, keys, cited.get(name) if name in CITED_TABLES else None, frames)
        try:
            schema.validate(frames[name], lazy=True)
        except pandera.errors.SchemaErrors as exc:
            for _, case in exc.failure_cases.iterrows():
                index = case.get("index")
                row = None if index is None or pd.isna(index) else int(index)
                if _target(name, case.get("column")) in missing and _is_reference(case):
                    continue
                file, record = locate(name, row)
                field, message = describe_failure(name, case)
                if rename is not None and row is not None:
                    field = rename(name, row, field)
                problems.append(Problem(file, record, field, message))
    return problems


def _is_reference(case: pd.Series) -> bool:
    check = str(case.get("check"))
    return check == "foreign_key" or check.endswith("with this value")


def _target(table: str, column: object) -> str | None:
    reference = TABLES[table].field(column).reference if column in TABLES[table].field_names else None
    return reference[0] if reference else None


def _curated_key(rows: Rows, table: str, index: int, column: str) -> str:
    """``column`` of link-table row ``index`` as written in the curated record: ``cite[0].source``."""
    nesting = TABLES[table].nesting
    if nesting is not None and "," in column:  # the whole key of a link row: a repeated list entry
        return nesting.key
    if nesting is None or column not in TABLES[table].field_names or column == nesting.parent_field:
        return column
    origin = rows.origins[table][index]
    position = sum(1 for o in rows.origins[table][:index] if o == origin)
    if nesting.scalar is not None:
        return f"{nesting.key}[{position}]"
    keys = {col: key for key, col in nested_key_columns(TABLES[table]).items()}
    return f"{nesting.key}[{position}].{keys[column]}"


def table_problems(rows: Rows, unreadable: frozenset[str] = frozenset()) -> list[Problem]:
    """Pandera problems of every table, each traced back to the curated file, record and key."""
    def locate(name: str, index: int | None) -> tuple[str, str]:
        if index is None:
            return f"datasets/{name}", NO_RECORD
        origin: Origin = rows.origins[name][index]
        return origin.file, origin.record

    def rename(name: str, index: int, column: str) -> str:
        return _curated_key(rows, name, index, column)

    frames = {name: frame_from_rows(table, rows.tables[name]) for name, table in TABLES.items()}
    return frame_problems(frames, locate, rename, unreadable)


def validate_rows(rows: Rows) -> list[Problem]:
    """All problems: those met while reading first, then the table-level ones.

    When a whole file could not be read, references to the records it should have held are not
    reported: they would only repeat that those records are missing.
    """
    unreadable = frozenset(PurePosixPath(p.file.split(":")[0]).parent.name
                           for p in rows.problems if p.whole_file)
    return [*rows.problems, *table_problems(rows, unreadable)]
