"""Table-level validation of the curated rows (and, with Pandera, of a published package's frames):
every problem, in one report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from karabakh_data.curation.curated import Origin, Rows
from karabakh_data.curation.record_lines import with_lines
from karabakh_data.curation.validation.dataset import dataset_findings
from karabakh_data.curation.validation.keys import cross_failures, ids_are_unique
from karabakh_data.curation.validation.rules import DATASET_RULES as _DATASET_RULES
from karabakh_data.curation.validation.rules import RULES
from karabakh_data.errors import Problem
from karabakh_data.frames import frame_from_rows
from karabakh_data.schema import CITATIONS, CITED_TABLES, TABLES

Frames = dict[str, pd.DataFrame]
Locate = Callable[[str, int | None], tuple[str, str]]  # (table, row index) -> (file, record id)
Case = Mapping[str, Any]  # a Pandera failure case, or a Failure of the checks across rows and tables
Skip = Callable[[str, Case], bool]  # (table, failure case) -> a follow-on to leave out
Rename = Callable[[str, int | None, str], str]  # (table, row index, column) -> field as written


def _keys(frames: Frames) -> dict[str, frozenset[str]]:
    return {name: frozenset(frame["id"].dropna()) for name, frame in frames.items() if "id" in frame}


def _cited(frames: Frames) -> dict[str, frozenset[str]]:
    return {parent: frozenset(frames[link.name][link.nesting.parent_field].dropna())  # type: ignore[union-attr]
            for parent, link in CITATIONS.items()}


_RULE_BY_MESSAGE = {rule.message: rule for rule in RULES.values()}


def describe_failure(table: str, case: Case) -> tuple[str, str]:
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


def _problems(name: str, cases: Iterable[Case], locate: Locate, skip: Skip | None,
              rename: Rename | None) -> list[Problem]:
    problems = []
    for case in cases:
        if skip is not None and skip(name, case):
            continue
        index = case.get("index")
        row = None if index is None or pd.isna(index) else int(index)
        file, record = locate(name, row)
        field, message = describe_failure(name, case)
        problems.append(Problem(file, record, rename(name, row, field) if rename else field, message))
    return problems


def frame_problems(frames: Frames, locate: Locate, skip: Skip | None = None,
                   rename: Rename | None = None) -> list[Problem]:
    """Pandera problems of every table (types, values, keys, references, citations, rules), located by
    ``locate``: for frames nothing has checked yet, such as a published package's.

    ``skip`` leaves out follow-on failures; ``rename`` turns a column into the field as the curator wrote it.
    """
    import pandera.errors

    from karabakh_data.curation.validation.tables import pandera_schema

    keys, cited = _keys(frames), _cited(frames)
    across = frames if ids_are_unique(frames) else None  # rules assume unique ids; doubled ones come first
    problems: list[Problem] = []
    for name, table in TABLES.items():
        schema = pandera_schema(table, keys, cited.get(name) if name in CITED_TABLES else None, across)
        try:
            schema.validate(frames[name], lazy=True)
        except pandera.errors.SchemaErrors as exc:
            cases = (case for _, case in exc.failure_cases.iterrows())
            problems += _problems(name, cases, locate, skip, rename)
    return problems


def cross_problems(frames: Frames, locate: Locate, skip: Skip | None = None,
                   rename: Rename | None = None) -> list[Problem]:
    """Problems of the keys, references, citations and rules of every table, for frames whose values
    the curated record models have already checked one by one."""
    keys, cited = _keys(frames), _cited(frames)
    unique = ids_are_unique(frames)
    problems: list[Problem] = []
    for name, table in TABLES.items():
        cited_ids = cited.get(name) if name in CITED_TABLES else None
        failures = cross_failures(table, frames[name], keys, cited_ids, frames, rules=unique)
        problems += _problems(name, failures, locate, skip, rename)
    return problems


def _doubled(rows: Rows) -> dict[str, set[Any]]:
    """The ids written more than once, per table keyed by one id."""
    return {name: {i for i, n in Counter(r.get("id") for r in rows.tables[name]).items() if n > 1}
            for name, t in TABLES.items() if len(t.primary_key) == 1}


def _follow_on(rows: Rows) -> Skip:
    """Failures caused by a record or file that could not be read: a reference to a record that may be
    in it, and the rules across rows and tables (their inputs are incomplete)."""
    doubled = _doubled(rows)

    def skip(name: str, case: Case) -> bool:
        check, column = str(case.get("check")), case.get("column")
        nesting = TABLES[name].nesting
        if check == "multiple_fields_uniqueness" and nesting is not None and case.get("index") is not None:
            parent = rows.tables[name][int(case["index"])].get(nesting.parent_field)
            if parent in doubled.get(nesting.parent, ()):
                return True  # the doubled parent record is the root cause
        if not rows.problems:
            return False
        rule = _RULE_BY_MESSAGE.get(check) or RULES.get(check)
        if rule is not None:
            return rule.name in _DATASET_RULES
        reference = TABLES[name].field(column).reference if column in TABLES[name].field_names else None
        if reference is not None and check in ("foreign_key",
                                               f"no {reference[0]}.{reference[1]} with this value"):
            return rows.is_unread(reference[0], case.get("failure_case"))
        return False
    return skip


def _rename(rows: Rows) -> Rename:
    def rename(name: str, index: int | None, column: str) -> str:
        nesting = TABLES[name].nesting
        if nesting is None or index is None:
            return column
        item = rows.origins[name][index].item
        if column == nesting.parent_field:
            return "id"
        if nesting.scalar is not None or column not in TABLES[name].field_names:
            return item
        return f"{item}.{column.removesuffix('_id')}"
    return rename


def table_problems(rows: Rows) -> list[Problem]:
    """Pandera problems of every table, each traced back to the curated file and record."""
    def locate(name: str, index: int | None) -> tuple[str, str]:
        if index is None:
            return f"datasets/{name}", "-"
        origin: Origin = rows.origins[name][index]
        return origin.file, origin.record

    frames = {name: frame_from_rows(table, rows.tables[name]) for name, table in TABLES.items()}
    problems = cross_problems(frames, locate, _follow_on(rows), _rename(rows))
    rename = _rename(rows)
    doubled = _doubled(rows)
    for name, index, column, message in dataset_findings(frames):
        if index is not None and rows.tables[name][index].get("id") in doubled.get(name, ()):
            continue  # a follow-on of the doubled record, reported as such
        problems.append(Problem(*locate(name, index), rename(name, index, column), message))
    return problems


def validate_rows(rows: Rows) -> list[Problem]:
    """All problems: those met while reading and the table-level ones."""
    located = with_lines([*rows.problems, *table_problems(rows)], rows.nodes)
    return list(dict.fromkeys(located))  # a record doubled in one file is one problem, not two alike
