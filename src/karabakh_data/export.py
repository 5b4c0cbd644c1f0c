"""Exports of the published tables for spreadsheet, SQLite and GIS users."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from karabakh_data import loader, metadata
from karabakh_data.schema import TABLES
from karabakh_data.schema.dtypes import TYPES
from karabakh_data.schema.model import iso

FORMATS = ("csv", "sqlite", "geojson", "xlsx")
FOLDER_FORMATS = ("csv", "geojson")  # the others write one file


class ExportRefused(ValueError):
    """The target cannot or should not be written; the message says what to do instead."""


def check_target(fmt: str, target: Path, force: bool = False, create_parents: bool = False) -> None:
    """Refuse targets that would surprise: existing data without ``force``, a missing parent folder
    (unless ``create_parents``), a folder where a file is expected and the reverse."""
    if fmt in FOLDER_FORMATS:
        if target.exists() and not target.is_dir():
            raise ExportRefused(f"{target} is a file, but the {fmt} export writes a folder; pass a folder "
                                "with --output")
        if target.is_dir() and any(target.iterdir()) and not force:
            raise ExportRefused(f"{target} is a folder that is not empty; pass --force to overwrite the "
                                f"{fmt} files in it, or choose another --output")
    else:
        if target.is_dir():
            raise ExportRefused(f"{target} is a folder, but the {fmt} export writes one file; pass a file "
                                f"name such as {target / ('karabakh-data.' + fmt)}")
        if target.exists() and not force:
            raise ExportRefused(f"{target} already exists; pass --force to replace it, or choose another "
                                "--output")
    parent = target.parent
    if not create_parents and not parent.is_dir():
        raise ExportRefused(f"folder {parent} does not exist; create it first or choose another --output")


def _rows(table: str) -> list[dict[str, Any]]:
    return pq.read_table(loader.path(table)).to_pylist()


def export_csv(target: Path) -> list[Path]:
    """One CSV file per table (UTF-8, header row, ISO dates, empty cells for missing values)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        path = target / f"{name}.csv"
        pacsv.write_csv(pq.read_table(loader.path(name)), path)
        written.append(path)
    return written


def _create_sql(name: str) -> str:
    table = TABLES[name]
    columns = [f'"{f.name}" {TYPES[f.type].sql}{" NOT NULL" if f.required else ""}' for f in table.fields]
    columns.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    columns += [f'FOREIGN KEY ("{field}") REFERENCES "{target}" ("{column}")'
                for field, target, column in table.foreign_keys]
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(columns) + "\n)"


def about_rows() -> list[tuple[str, str]]:
    """(key, value) facts a user holding only an export file needs: version, licence, citation."""
    from karabakh_data.citation import cite

    licence = metadata.LICENSES[0]
    return [("name", metadata.NAME), ("title", metadata.TITLE), ("version", metadata.VERSION),
            ("released", metadata.RELEASE_DATE.isoformat()), ("description", metadata.DESCRIPTION),
            ("licence", f"{licence['title']}: {licence['path']}"), ("citation", cite("apa")),
            ("tables", ", ".join(TABLES))]


def codebook_rows() -> list[tuple[str, str, str, int, str, str | None]]:
    """(table, column, type, required, description, allowed values) for every column."""
    return [(name, f.name, f.type, int(f.required), f.description, ", ".join(f.enum) if f.enum else None)
            for name, table in TABLES.items() for f in table.fields]


def export_sqlite(target: Path) -> list[Path]:
    """One SQLite database with every table, its keys, and the codebook (tables dataset_info, codebook)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    with sqlite3.connect(target) as db:
        for name in TABLES:
            db.execute(_create_sql(name))
            fields = TABLES[name].field_names
            marks = ", ".join("?" for _ in fields)
            db.executemany(f'INSERT INTO "{name}" VALUES ({marks})',
                           [[iso(row[f]) for f in fields] for row in _rows(name)])
        db.execute('CREATE TABLE "dataset_info" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL)')
        db.executemany('INSERT INTO "dataset_info" VALUES (?, ?)', about_rows())
        db.execute('CREATE TABLE "codebook" ("table_name" TEXT, "column_name" TEXT, "type" TEXT, '
                   '"required" INTEGER, "description" TEXT, "allowed_values" TEXT, '
                   'PRIMARY KEY ("table_name", "column_name"))')
        db.executemany('INSERT INTO "codebook" VALUES (?, ?, ?, ?, ?, ?)', codebook_rows())
        db.execute(f"PRAGMA user_version = {_user_version()}")
    return [target]


def _user_version() -> int:
    """The version as an integer (1.2.3 -> 10203), stored in SQLite's user_version header field."""
    parts = [int(p) if p.isdigit() else 0 for p in metadata.VERSION.split(".")[:3]]
    return sum(p * 100 ** (2 - i) for i, p in enumerate(parts + [0] * (3 - len(parts))))


def _feature(coordinates: tuple[float, float], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": list(coordinates)},
            "properties": {k: iso(v) for k, v in properties.items()}}


def _located_places() -> tuple[dict[str, dict[str, Any]], dict[str, tuple[float, float]]]:
    places = {row["id"]: row for row in _rows("places")}
    located = {pid: (p["longitude"], p["latitude"]) for pid, p in places.items()
               if p["latitude"] is not None and p["longitude"] is not None}
    return places, located


def geojson_omissions() -> dict[str, tuple[int, int]]:
    """Per GeoJSON layer: (records left out for want of coordinates, all records)."""
    places, located = _located_places()
    events = _rows("events")
    return {"places": (len(places) - len(located), len(places)),
            "events": (sum(e["place_id"] not in located for e in events), len(events))}


def export_geojson(target: Path) -> list[Path]:
    """places.geojson and events.geojson: points for every place and event with coordinates.

    Records without coordinates cannot be drawn and are left out; ``geojson_omissions`` counts them.
    """
    target.mkdir(parents=True, exist_ok=True)
    places, located = _located_places()
    collections = {
        "places": [_feature(located[p["id"]], p) for p in places.values() if p["id"] in located],
        "events": [_feature(located[e["place_id"]], {**e, "place_name": places[e["place_id"]]["name"]})
                   for e in _rows("events") if e["place_id"] in located],
    }
    written = []
    for name, features in collections.items():
        path = target / f"{name}.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                                   indent=1), encoding="utf-8")
        written.append(path)
    return written


MAX_COLUMN_WIDTH = 60


def _about_sheet(workbook: Any) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = workbook.create_sheet("About", 0)
    bold = Font(bold=True)
    sheet.append([metadata.TITLE])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    for key, value in about_rows():
        if key != "tables":
            sheet.append([key, value])
            sheet.cell(sheet.max_row, 1).font = bold
    sheet.append([])
    sheet.append(["sheet", "what it holds", "rows"])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for name, table in TABLES.items():
        sheet.append([name[:31], table.description, pq.ParquetFile(loader.path(name)).metadata.num_rows])
    sheet.append(["codebook", "Every column of every table: type, required or not, meaning, allowed values."])
    sheet.append([])
    sheet.append(["Each table sheet has one row per record and one column per field; dates are ISO "
                  "(YYYY-MM-DD); an empty cell is a value not stated by the sources."])
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 100
    sheet.column_dimensions["C"].width = 10
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _table_sheet(workbook: Any, title: str, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        longest = max([len(name), *(len(str(r[index - 1])) for r in rows[:500] if r[index - 1] is not None)])
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_COLUMN_WIDTH)


def export_xlsx(target: Path) -> list[Path]:
    """One workbook: an About sheet (version, licence, citation, tables), one sheet per table, a codebook.

    Needs openpyxl: pip install 'karabakh-data[xlsx]'.
    """
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise RuntimeError("the xlsx export needs openpyxl: pip install 'karabakh-data[xlsx]'") from exc
    workbook = Workbook()
    workbook.remove(workbook.active)
    _about_sheet(workbook)
    for name in TABLES:
        fields = TABLES[name].field_names
        _table_sheet(workbook, name, fields, [[row[f] for f in fields] for row in _rows(name)])
    header = ["table", "column", "type", "required", "description", "allowed values"]
    _table_sheet(workbook, "codebook", header, [list(r) for r in codebook_rows()])
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return [target]


def export(fmt: str, target: Path) -> list[Path]:
    """Write the export ``fmt`` to ``target`` (a folder for csv and geojson, a file otherwise)."""
    writers = {"csv": export_csv, "sqlite": export_sqlite, "geojson": export_geojson, "xlsx": export_xlsx}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](target)
