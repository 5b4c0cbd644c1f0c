"""Ready-made joins for the questions users ask first. Built on ``load``; pandas only."""

from __future__ import annotations

import pandas as pd

from karabakh_data.loader import load
from karabakh_data.schema import CITATIONS, TABLES, VERSIONED_TABLES

_VALUE_FIELDS = ("count_best", "figure", "quantity", "title")  # what a version states, first found


def _citations(table: str) -> pd.Series:
    """'title (locator); ...' per record of ``table``, from its citation table."""
    link = CITATIONS[table]
    key = link.nesting.parent_field  # type: ignore[union-attr]
    links = load(link.name).merge(load("sources")[["id", "title"]], left_on="source_id", right_on="id")
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
    sources = _citations("events").rename("sources")
    frame = frame.join(actors, on="id").join(sources, on="id")
    return frame.sort_values(["date_start", "id"], ignore_index=True)


def disagreements() -> pd.DataFrame:
    """Every recorded disagreement with each competing version, its date or figure, and its sources."""
    parts = []
    for table in VERSIONED_TABLES:
        fields = TABLES[table].fields
        date_field = next(f.name for f in fields if f.type == "date")
        value_field = next(name for name in _VALUE_FIELDS if name in TABLES[table].field_names)
        frame = load(table).dropna(subset=["disagreement_id"])
        cited = _citations(table).rename("sources")
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
