"""Real clients read the published package: frictionless, DuckDB, pyarrow, Polars."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import frictionless
import polars as pl
import pyarrow.parquet as pq
import pytest

import karabakh_data as kd
from karabakh_data.cli import main
from karabakh_data.curation.validation.package import package_problems
from karabakh_data.schema import TABLES

PUBLISHED = Path(__file__).resolve().parents[1] / "datasets" / "published"


def test_frictionless_validates_the_package_with_foreign_keys() -> None:
    report = frictionless.validate(str(PUBLISHED / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(TABLES)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "published"
    shutil.copytree(PUBLISHED, target)
    return target


def test_frictionless_catches_a_dangling_foreign_key(tmp_path: Path) -> None:
    """The official validator really checks foreign keys (so a green run means something)."""
    folder = _copy(tmp_path)
    table = pq.read_table(folder / "actor_aliases.parquet")
    rows = [*table.to_pylist(), {"actor_id": "nobody-at-all", "alias": "Nobody"}]
    pq.write_table(table.from_pylist(rows, schema=table.schema), folder / "actor_aliases.parquet")
    descriptor = json.loads((folder / "datapackage.json").read_text())
    for r in descriptor["resources"]:
        r["hash"] = "sha256:" + hashlib.sha256((folder / r["path"]).read_bytes()).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}
    problems = package_problems(folder)
    assert any(p.field == "actor_id" and "nobody-at-all" in p.message for p in problems)


def test_validate_command_accepts_the_published_package(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(PUBLISHED / "datapackage.json")]) == 0
    assert "is valid" in capsys.readouterr().out


def test_validate_command_rejects_a_tampered_package(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "events.parquet").write_bytes((folder / "events.parquet").read_bytes()[:-10])
    assert main(["validate", str(folder)]) == 1


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_reader_sees_the_same_rows(name: str) -> None:
    path = kd.path(name)
    arrow = pq.read_table(path)
    count = duckdb.sql(f"select count(*) from read_parquet('{path}')").fetchall()[0][0]
    assert count == arrow.num_rows == len(kd.load(name)) == pl.read_parquet(path).height
    assert duckdb.sql(f"select * from read_parquet('{path}') limit 0").columns == TABLES[name].field_names


def test_descriptor_has_the_required_metadata() -> None:
    descriptor = kd.package()
    for key in ("name", "title", "version", "licenses", "sources", "contributors", "$schema"):
        assert descriptor[key], key
    for resource in descriptor["resources"]:
        assert resource["format"] == "parquet"
        assert resource["mediatype"] == "application/vnd.apache.parquet"
        assert resource["hash"].startswith("sha256:")
        assert resource["schema"]["primaryKey"]
