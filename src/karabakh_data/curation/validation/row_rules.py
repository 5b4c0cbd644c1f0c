"""Rules over whole rows, named in the table definitions (``Table.rules``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

Frames = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Rule:
    """A check of a table: ``holds(frame, frames)`` returns a boolean Series, True where a row is fine.

    ``frames`` holds every table of the dataset, for rules that look across tables
    (``across_tables``); rules of one row ignore it.
    """

    name: str
    field: str
    message: str
    holds: Callable[[pd.DataFrame, Frames], pd.Series]
    across_tables: bool = False


def _le(a: pd.Series, b: pd.Series) -> pd.Series:
    return (a.isna() | b.isna() | (a <= b)).astype(bool)


def _any_given(*columns: str) -> Callable[[pd.DataFrame, object], pd.Series]:
    """Holds where at least one of ``columns`` has a value."""
    return lambda df, _: df[list(columns)].notna().any(axis=1)


def _both_or_neither(a: pd.Series, b: pd.Series) -> pd.Series:
    return (a.isna() == b.isna()).astype(bool)


ROW_RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("date_order", "date_end", "date_end is before date_start",
                lambda df, _: _le(df["date_start"], df["date_end"])),
        Rule("period_order", "period_end", "period_end is before period_start",
                lambda df, _: _le(df["period_start"], df["period_end"])),
        Rule("period_complete", "period_precision",
             "a period (period_start or period_end) needs period_precision, and period_precision a period",
             lambda df, _: (_any_given("period_start", "period_end")(df, _)
                            == df["period_precision"].notna()).astype(bool)),
        Rule("count_order", "count_best", "counts must satisfy count_low <= count_best <= count_high",
                lambda df, _: _le(df["count_low"], df["count_best"]) & _le(df["count_best"], df["count_high"])
                & _le(df["count_low"], df["count_high"])),
        Rule("has_count", "count_best",
             "give at least one of count_low, count_best, count_high, or count_words when the source "
             "states no number",
             _any_given("count_low", "count_best", "count_high", "count_words")),
        Rule("has_count_or_value", "count_best",
             "give at least one of count_low, count_best, count_high, value_usd or share_percent, or "
             "count_words when the source states no number",
             _any_given("count_low", "count_best", "count_high", "value_usd", "share_percent",
                        "count_words")),
        Rule("coordinates_complete", "coordinate_precision",
                "latitude, longitude and coordinate_precision are given together or not at all",
                lambda df, _: _both_or_neither(df["latitude"], df["longitude"])
                & _both_or_neither(df["latitude"], df["coordinate_precision"])),
        Rule("figure_order", "figure_high", "figure_high needs figure, and figure <= figure_high",
             lambda df, _: _le(df["figure"], df["figure_high"])
             & (df["figure"].notna() | df["figure_high"].isna()).astype(bool)),
        Rule("figure_complete", "figure_unit", "figure and figure_unit are given together",
                lambda df, _: _both_or_neither(df["figure"], df["figure_unit"])),
        Rule("value_complete", "value_currency", "value and value_currency are given together",
                lambda df, _: _both_or_neither(df["value"], df["value_currency"])),
        Rule("source_has_origin", "cited_via",
                "a source is either a seed document or cited via another source",
                lambda df, _: (df["document"].notna() | df["cited_via"].notna()).astype(bool)),
    )
}
