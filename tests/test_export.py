"""Every export format, read back with a real reader."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import karabakh_data as kd
from karabakh_data.cli import main
from karabakh_data.schema import TABLES


def test_csv_export_reads_back(tmp_path: Path) -> None:
    assert main(["export", "--format", "csv", "--output", str(tmp_path)]) == 0
    for name in TABLES:
        with (tmp_path / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
        assert len(rows) == len(kd.load(name))
        assert reader.fieldnames == TABLES[name].field_names  # the header, also of an empty table
    events = pd.read_csv(tmp_path / "events.csv")
    assert set(events["id"]) == set(kd.load("events")["id"])


def test_sqlite_export_reads_back_with_keys(tmp_path: Path) -> None:
    target = tmp_path / "kd.sqlite"
    assert main(["export", "--format", "sqlite", "--output", str(target)]) == 0
    with sqlite3.connect(target) as db:
        for name in TABLES:
            assert db.execute(f'select count(*) from "{name}"').fetchone()[0] == len(kd.load(name))
        assert db.execute("pragma foreign_key_check").fetchall() == []
        fks = db.execute('pragma foreign_key_list("event_actors")').fetchall()
        assert {(row[2], row[3]) for row in fks} == {("events", "event_id"), ("actors", "actor_id")}


def test_geojson_export_reads_back(tmp_path: Path) -> None:
    assert main(["export", "--format", "geojson", "--output", str(tmp_path)]) == 0
    places = json.loads((tmp_path / "places.geojson").read_text())
    events = json.loads((tmp_path / "events.geojson").read_text())
    located = kd.load("places").dropna(subset=["latitude"])
    assert places["type"] == "FeatureCollection" and len(places["features"]) == len(located)
    assert len(events["features"]) == kd.load("events")["place_id"].isin(located["id"]).sum()
    for feature in places["features"] + events["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_xlsx_export_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "kd.xlsx"
    assert main(["export", "--format", "xlsx", "--output", str(target)]) == 0
    workbook = openpyxl.load_workbook(target, read_only=True)
    for name in TABLES:
        rows = list(workbook[name].iter_rows(values_only=True))
        assert list(rows[0]) == TABLES[name].field_names
        assert len(rows) - 1 == len(kd.load(name))


def test_unknown_format_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "pdf"]) == 1
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_xlsx_explains_itself(tmp_path: Path) -> None:
    target = tmp_path / "kd.xlsx"
    assert main(["export", "--format", "xlsx", "--output", str(target)]) == 0
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames[0] == "About" and workbook.sheetnames[-1] == "codebook"
    about = [row for row in workbook["About"].iter_rows(values_only=True)]
    facts = {row[0]: row[1] for row in about if row[0]}
    assert facts["version"] == kd.__version__ and "Creative Commons" in facts["licence"]
    assert kd.__version__ in facts["citation"]
    assert {name[:31] for name in TABLES} <= set(facts)
    for name in TABLES:
        sheet = workbook[name[:31]]
        assert sheet.freeze_panes == "A2" and all(cell.font.b for cell in sheet[1])
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(len(c.value) + 2 <= w <= 60 for c, w in zip(sheet[1], widths, strict=True))


def test_sqlite_carries_the_codebook(tmp_path: Path) -> None:
    target = tmp_path / "kd.sqlite"
    assert main(["export", "--format", "sqlite", "--output", str(target)]) == 0
    with sqlite3.connect(target) as db:
        info = dict(db.execute("select key, value from dataset_info").fetchall())
        codebook = db.execute("select table_name, column_name, description from codebook").fetchall()
    assert info["version"] == kd.__version__ and "creativecommons.org" in info["licence"]
    assert {(t, c) for t, c, _ in codebook} == {(n, f.name) for n, t in TABLES.items() for f in t.fields}
    assert all(d for _, _, d in codebook)


def test_geojson_says_what_was_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "geojson", "--output", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    places = kd.load("places")
    missing = int(places["latitude"].isna().sum())
    assert f"{missing} of {len(places)} places have no coordinates and were left out" in err


def test_cite_cff_is_a_citation_file_without_the_generator_note(capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    assert main(["cite", "--format", "cff"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cff-version: ") and "Generated by" not in out
    assert yaml.safe_load(out)["cff-version"] == "1.2.0"
    assert yaml.safe_load(out)["version"] == kd.__version__
