"""Ready-made joins for the questions users ask first. Built on ``load``; pandas only."""

from __future__ import annotations

import pandas as pd

from karabakh_data.loader import load

VERSIONED = {
    "events": ("date_start", "title"),
    "casualties": ("as_of", "count_best"),
    "equipment_losses": ("as_of", "count_best"),
    "allegations": ("date_alleged", "figure"),
    "arms_transfers": ("period_start", "quantity"),
}


def _citations(table: str, key: str) -> pd.Series:
    """'title (locator); ...' per record of ``table``."""
    links = load(table).merge(load("sources")[["id", "title"]], left_on="source_id", right_on="id")
    links["cited"] = links["title"].astype(str) + " (" + links["locator"].astype(str) + ")"
    return links.groupby(key)["cited"].agg(lambda s: "; ".join(sorted(s)))


def timeline() -> pd.DataFrame:
    """Events with their place name, actors and roles, and sources, one row per event."""
    events = load("events")
    places = load("places")[["id", "name"]].rename(columns={"id": "place_id", "name": "place"})
    roles = load("event_actors")
    roles["actor"] = roles["actor_id"].astype(str) + " (" + roles["role"].astype(str) + ")"
    actors = roles.groupby("event_id")["actor"].agg(lambda s: "; ".join(sorted(s))).rename("actors")
    frame = events.merge(places, on="place_id", how="left")
    sources = _citations("event_sources", "event_id").rename("sources")
    frame = frame.join(actors, on="id").join(sources, on="id")
    return frame.sort_values(["date_start", "id"], ignore_index=True)


def disagreements() -> pd.DataFrame:
    """Every recorded disagreement with each competing version, its date or figure, and its sources."""
    parts = []
    for table, (date_field, value_field) in VERSIONED.items():
        frame = load(table).dropna(subset=["disagreement_id"])
        singular = {"casualties": "casualty", "equipment_losses": "equipment_loss",
                    "arms_transfers": "arms_transfer"}.get(table, table[:-1])
        cited = _citations(f"{singular}_sources", f"{singular}_id").rename("sources")
        parts.append(pd.DataFrame({
            "disagreement_id": frame["disagreement_id"].astype(str),
            "table": table,
            "record_id": frame["id"].astype(str),
            "date": frame[date_field],
            "value": frame[value_field].astype(str),
        }).join(cited, on="record_id"))
    versions = pd.concat(parts, ignore_index=True)
    subjects = load("disagreements")[["id", "subject", "kind"]].rename(columns={"id": "disagreement_id"})
    subjects["disagreement_id"] = subjects["disagreement_id"].astype(str)
    return subjects.merge(versions, on="disagreement_id").sort_values(
        ["disagreement_id", "date", "record_id"], ignore_index=True)
