"""Ready-made joins for the questions users ask first. Built on ``load``; pandas only."""

from __future__ import annotations

import pandas as pd

from karabakh_data.frames import earliest_latest
from karabakh_data.loader import load
from karabakh_data.schema import CITATIONS, TABLES, VERSIONS

# The date each table is ordered by over time: (date, precision, bounds prefix).
_WHEN = {
    "events": ("date_start", "date_precision", None),
    "casualties": ("as_of", "as_of_precision", "as_of"),
    "equipment_losses": ("as_of", "as_of_precision", "as_of"),
    "allegations": ("date_alleged", "date_precision", "date"),
    "statements": ("date", "date_precision", "date"),
    "arms_transfers": ("period_start", "period_precision", None),
}
_VALUE_FIELDS = ("count_best", "count_words", "figure", "quantity", "summary", "title")


def _citations(table: str) -> pd.Series:
    """'title (locator); ...' per record of ``table``, from its citation table."""
    link = CITATIONS[table]
    key = link.nesting.parent_field  # type: ignore[union-attr]
    links = load(link.name).merge(load("sources")[["id", "title"]], left_on="source_id", right_on="id")
    links["cited"] = links["title"].astype(str) + " (" + links["locator"].astype(str) + ")"
    return links.groupby(key)["cited"].agg(lambda s: "; ".join(sorted(s)))


def when(table: str, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each record of ``table``: the earliest and latest day its date can be, and whether it is only
    bounded (no date stated). A month or year spans the whole month or year."""
    frame = load(table) if frame is None else frame
    date, precision, prefix = _WHEN[table]
    if prefix is None:
        end = "date_end" if table == "events" else "period_end"
        span = pd.DataFrame({"earliest": frame[date], "latest": frame[end].fillna(frame[date])},
                            index=frame.index)
    else:
        span = earliest_latest(frame, date, precision, prefix)
    span["bounded"] = (frame[precision].astype(object) == "bounded").astype(bool)
    return span


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


def claims_over_time(table: str = "casualties") -> pd.DataFrame:
    """The figures of ``table`` (casualties or equipment_losses) ordered by when they were stated.

    Undated figures are placed by their bounds: ``earliest`` and ``latest`` say where they can fall and
    ``bounded`` marks them, so a reader never mistakes a bound for a date.
    """
    frame = load(table)
    frame = pd.concat([frame, when(table, frame)], axis=1)
    return frame.sort_values(["latest", "earliest", "id"], ignore_index=True)


def responses() -> pd.DataFrame:
    """Every link of a statement to an allegation it answers, with the speaker, the stance toward that
    allegation, whether it is an earlier standing position, and when the statement was made."""
    statements = load("statements")
    statements = pd.concat([statements, when("statements", statements)], axis=1)
    columns = ["id", "speaker_id", "date", "date_precision", "earliest", "latest", "bounded", "summary"]
    links = load("statement_allegations").merge(statements[columns], left_on="statement_id", right_on="id")
    links = links.drop(columns="id")
    allegations = load("allegations")[["id", "accused_id", "kind", "status"]].rename(
        columns={"id": "allegation_id", "kind": "allegation_kind", "status": "allegation_status"})
    return links.merge(allegations, on="allegation_id").sort_values(
        ["allegation_id", "latest", "statement_id"], ignore_index=True)


def disagreements() -> pd.DataFrame:
    """Every recorded disagreement with each competing version, its date or figure, and its sources.

    A record can be a version in several disagreements; it then appears once under each.
    """
    parts = []
    for table, link in VERSIONS.items():
        key = link.nesting.parent_field  # type: ignore[union-attr]
        records = load(table)
        span = when(table, records)
        value_field = next(name for name in _VALUE_FIELDS if name in TABLES[table].field_names)
        versions = load(link.name).merge(
            pd.DataFrame({"record_id": records["id"].astype(str), "earliest": span["earliest"],
                          "latest": span["latest"], "bounded": span["bounded"],
                          "value": records[value_field].astype(str)}),
            left_on=key, right_on="record_id")
        cited = _citations(table).rename("sources")
        parts.append(pd.DataFrame({
            "disagreement_id": versions["disagreement_id"].astype(str),
            "table": table,
            "record_id": versions["record_id"],
            "earliest": versions["earliest"],
            "latest": versions["latest"],
            "bounded": versions["bounded"],
            "value": versions["value"],
        }).join(cited, on="record_id"))
    versions = pd.concat(parts, ignore_index=True)
    subjects = load("disagreements")[["id", "subject", "kind"]].rename(columns={"id": "disagreement_id"})
    subjects["disagreement_id"] = subjects["disagreement_id"].astype(str)
    return subjects.merge(versions, on="disagreement_id").sort_values(
        ["disagreement_id", "earliest", "record_id"], ignore_index=True)
