"""Croissant metadata: published beside datapackage.json, fresh, and loadable by mlcroissant."""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path

import pytest

import karabakh_data as kd
from karabakh_data.curation.build import Project
from karabakh_data.curation.check import differences
from karabakh_data.curation.croissant import FILENAME
from karabakh_data.schema import TABLES

mlc = pytest.importorskip("mlcroissant")


def test_croissant_validates_and_loads_every_table(root: Path) -> None:
    path = root / "datasets" / "published" / FILENAME
    dataset = mlc.Dataset(jsonld=path)
    assert dataset.metadata.name == "karabakh-data" and dataset.metadata.version == kd.__version__
    record_sets = {rs.name: rs for rs in dataset.metadata.record_sets}
    assert set(record_sets) == set(TABLES)
    for name, table in TABLES.items():
        assert [f.name for f in record_sets[name].fields] == table.field_names
        assert all(f.description for f in record_sets[name].fields)
    first = next(iter(dataset.records("events")))
    assert first["events/id"].decode() == kd.load("events")["id"].iloc[0]
    assert sum(1 for _ in itertools.islice(dataset.records("places"), 10_000)) == len(kd.load("places"))


def test_build_check_notices_a_stale_croissant(project: Project) -> None:
    path = project.published / FILENAME
    assert differences(project) == []
    data = json.loads(path.read_text(encoding="utf-8"))
    data["description"] = "edited by hand"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert any(FILENAME in d for d in differences(project))
    path.unlink()
    assert any(FILENAME in d for d in differences(project))


def test_croissant_hashes_are_those_of_the_files(root: Path) -> None:
    published = root / "datasets" / "published"
    data = json.loads((published / FILENAME).read_text(encoding="utf-8"))
    assert len(data["distribution"]) == len(TABLES)
    for obj in data["distribution"]:
        assert obj["sha256"] == hashlib.sha256((published / obj["contentUrl"]).read_bytes()).hexdigest()
