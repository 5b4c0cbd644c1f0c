"""Rules that relate several fields of one row, named in the table definitions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class RowRule:
    """A check over one row: ``holds`` returns a boolean Series, True where the row is fine."""

    name: str
    field: str
    message: str
    holds: Callable[[pd.DataFrame], pd.Series]


def _le(a: pd.Series, b: pd.Series) -> pd.Series:
    return (a.isna() | b.isna() | (a <= b)).astype(bool)


def _both_or_neither(a: pd.Series, b: pd.Series) -> pd.Series:
    return (a.isna() == b.isna()).astype(bool)


RULES: dict[str, RowRule] = {
    r.name: r
    for r in (
        RowRule("date_order", "date_end", "date_end is before date_start",
                lambda df: _le(df["date_start"], df["date_end"])),
        RowRule("period_order", "period_end", "period_end is before period_start",
                lambda df: _le(df["period_start"], df["period_end"])),
        RowRule("count_order", "count_best", "counts must satisfy count_low <= count_best <= count_high",
                lambda df: _le(df["count_low"], df["count_best"]) & _le(df["count_best"], df["count_high"])
                & _le(df["count_low"], df["count_high"])),
        RowRule("has_count", "count_best", "at least one of count_low, count_best, count_high is needed",
                lambda df: df[["count_low", "count_best", "count_high"]].notna().any(axis=1)),
        RowRule("has_count_or_value", "count_best",
                "at least one of count_low, count_best, count_high or value_usd is needed",
                lambda df: df[["count_low", "count_best", "count_high", "value_usd"]].notna().any(axis=1)),
        RowRule("coordinates_complete", "coordinate_precision",
                "latitude, longitude and coordinate_precision are given together or not at all",
                lambda df: _both_or_neither(df["latitude"], df["longitude"])
                & _both_or_neither(df["latitude"], df["coordinate_precision"])),
        RowRule("figure_complete", "figure_unit", "figure and figure_unit are given together",
                lambda df: _both_or_neither(df["figure"], df["figure_unit"])),
        RowRule("value_complete", "value_currency", "value and value_currency are given together",
                lambda df: _both_or_neither(df["value"], df["value_currency"])),
        RowRule("source_has_origin", "cited_via",
                "a source is either a seed document or cited via another source",
                lambda df: (df["document"].notna() | df["cited_via"].notna()).astype(bool)),
    )
}
