"""The checks across rows and tables, evaluated directly on the frames: unique keys, references,
citations and the named rules. The build runs these alone, since the curated record models have already
checked every value as read (Pandera's per-check overhead and import cost two thirds of a build).

Each failure is a ``Failure`` shaped like a Pandera failure case, so both paths report alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from karabakh_data.curation.validation.rules import RULES
from karabakh_data.schema.model import Table

Failure = dict[str, Any]  # check, column, failure_case, index: the keys of a Pandera failure case
Keys = Mapping[str, frozenset[str]]


def _rows(mask: pd.Series, frame: pd.DataFrame, column: str | None, check: str) -> Iterator[Failure]:
    for index in mask[mask].index:
        value = frame.at[index, column] if column else None
        yield {"check": check, "column": column, "failure_case": value, "index": index}


def ids_are_unique(frames: Mapping[str, pd.DataFrame]) -> bool:
    """Whether every table keyed by one id has each id once: the rules assume it, so a doubled id (reported
    as the root cause) leaves them unchecked."""
    from karabakh_data.schema import TABLES

    return all(not frames[name][t.primary_key[0]].duplicated().any()
               for name, t in TABLES.items() if len(t.primary_key) == 1 and name in frames)


def cross_failures(table: Table, frame: pd.DataFrame, keys: Keys, cited: frozenset[str] | None,
                   frames: Mapping[str, pd.DataFrame], rules: bool = True) -> Iterator[Failure]:
    """Every failure of ``table``'s keys, references, citations and rules."""
    key = list(table.primary_key)
    if len(key) == 1:
        yield from _rows(frame[key[0]].duplicated(keep=False) & frame[key[0]].notna(), frame, key[0],
                         "field_uniqueness")
    else:
        yield from _rows(frame.duplicated(subset=key, keep=False), frame, None, "multiple_fields_uniqueness")
    for field, target, target_field in table.foreign_keys:
        column = frame[field]
        dangling = column.notna() & ~column.astype(object).isin(keys.get(target, frozenset()))
        yield from _rows(dangling, frame, field, f"no {target}.{target_field} with this value")
    if cited is not None:
        yield from _rows(~frame["id"].astype(object).isin(cited), frame, "id",
                         "the record cites no source (add a `cite` entry)")
    for name in table.rules if rules else ():
        rule = RULES[name]
        holds = rule.holds(frame, frames) if len(frame) else pd.Series([], dtype=bool)
        yield from _rows(~holds.astype(bool), frame, None, rule.message)
