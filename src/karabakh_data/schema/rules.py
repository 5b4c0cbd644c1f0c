"""Every table rule: the row rules, plus rules across rows and tables (breakdowns that add up,
statuses that follow from responses, disagreements that have competing versions)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from karabakh_data.schema.row_rules import ROW_RULES, Frames, Rule
from karabakh_data.schema.tables import VERSIONED_TABLES

STATUS_BY_PRIORITY = ("acknowledged", "disputed", "corroborated", "denied", "unverified")
ADMISSIONS = ("acknowledgement", "partial_acknowledgement")
DENIALS = ("denial", "refutation")


def breakdown_sums(frame: pd.DataFrame) -> pd.DataFrame:
    """Every stated total that has breakdown rows: its count, the sum of its parts, and whether the
    parts are complete (all have a count_best)."""
    parts = frame.dropna(subset=["part_of_id"])
    grouped = parts.groupby("part_of_id", observed=True)["count_best"]
    sums = pd.DataFrame({"parts_sum": grouped.sum(min_count=1), "parts": grouped.size(),
                         "complete": grouped.apply(lambda s: bool(s.notna().all()))})
    totals = frame.set_index("id")[["count_best"]].join(sums, how="inner")
    totals["adds_up"] = totals["count_best"] == totals["parts_sum"]
    return totals


def _breakdown_adds_up(df: pd.DataFrame, frames: Frames) -> pd.Series:
    totals = breakdown_sums(df)
    checked = totals[totals["complete"] & totals["count_best"].notna()]
    mismatched = set(checked.index[~checked["adds_up"].astype(bool)])
    documented = df["inconsistency"].notna()
    bad_total = df["id"].isin(mismatched) & ~documented
    stale_note = documented & ~df["id"].isin(mismatched)
    return ~(bad_total | stale_note)


def _parents(actors: pd.DataFrame) -> dict[str, str | None]:
    pairs = zip(actors["id"], actors["parent_id"], strict=True)
    return {actor: (None if pd.isna(parent) else str(parent)) for actor, parent in pairs}


def _root(actor: str, parents: Mapping[str, str | None]) -> str:
    seen = {actor}
    while (parent := parents.get(actor)) and parent not in seen:
        seen.add(parent)
        actor = parent
    return actor


def expected_status(allegation: pd.Series, responses: pd.DataFrame, parents: Mapping[str, str | None]) -> str:
    """The status an allegation should have, from its responses (see docs/methodology.md)."""
    accused_root = _root(allegation["accused_id"], parents)
    by_accused = responses["responder_id"].map(lambda r: _root(r, parents) == accused_root).astype(bool)
    stances = responses["stance"].astype(str)
    if (stances.isin(ADMISSIONS) & by_accused).any():
        return "acknowledged"
    corroborated = (stances == "corroboration").any()
    denied = stances.isin(DENIALS).any()
    if corroborated and denied:
        return "disputed"
    if corroborated:
        return "corroborated"
    return "denied" if denied else "unverified"


def _status_follows_responses(df: pd.DataFrame, frames: Frames) -> pd.Series:
    responses = frames["allegation_responses"]
    parents = _parents(frames["actors"])
    grouped = dict(tuple(responses.groupby("allegation_id", observed=True)))
    empty = responses.iloc[0:0]
    expected = df.apply(lambda row: expected_status(row, grouped.get(row["id"], empty), parents), axis=1)
    if df.empty:
        return pd.Series([], dtype=bool)
    return (df["status"].astype(str) == expected).astype(bool)


def _disagreement_has_versions(df: pd.DataFrame, frames: Frames) -> pd.Series:
    counts = pd.concat([frames[t]["disagreement_id"].dropna() for t in VERSIONED_TABLES]).value_counts()
    return df["id"].map(lambda i: counts.get(i, 0) >= 2).astype(bool)


def _acknowledged_by_accused(df: pd.DataFrame, frames: Frames) -> pd.Series:
    allegations = frames["allegations"].set_index("id")["accused_id"]
    parents = _parents(frames["actors"])
    def fine(row: pd.Series) -> bool:
        if str(row["stance"]) not in ADMISSIONS or row["allegation_id"] not in allegations.index:
            return True
        return _root(row["responder_id"], parents) == _root(allegations[row["allegation_id"]], parents)
    return df.apply(fine, axis=1).astype(bool) if not df.empty else pd.Series([], dtype=bool)


DATASET_RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("breakdown_adds_up", "inconsistency",
             "the breakdown rows (part_of_id) must add up to this total, or `inconsistency` must say what "
             "does not add up (and only then)", _breakdown_adds_up),
        Rule("status_follows_responses", "status",
             "status does not follow from the responses (see docs/methodology.md)",
             _status_follows_responses, across_tables=True),
        Rule("acknowledged_by_accused", "stance",
             "an acknowledgement must come from the accused's side; use corroboration for others",
             _acknowledged_by_accused, across_tables=True),
        Rule("disagreement_has_versions", "id",
             "a disagreement needs at least two records (events, casualties, equipment_losses, "
             "allegations or arms_transfers) pointing to it", _disagreement_has_versions, across_tables=True),
    )
}
RULES: dict[str, Rule] = {**ROW_RULES, **DATASET_RULES}
