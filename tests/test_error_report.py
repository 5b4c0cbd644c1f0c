"""Error reports: the root cause first as file:line:column, follow-on errors left out, curators' keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from karabakh_data.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "datasets", tmp_path / "datasets", ignore=shutil.ignore_patterns("published"))
    return tmp_path


def _first_place_file(checkout: Path) -> Path:
    return sorted((checkout / "datasets" / "places").glob("*.yaml"))[0]


def test_malformed_yaml_is_reported_first_and_alone(checkout: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = _first_place_file(checkout)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first_record = next(i for i, line in enumerate(lines) if line.startswith("- id:"))
    lines.insert(first_record + 1, "  name: [unclosed\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert main(["validate", "--root", str(checkout)]) == 1
    err = capsys.readouterr().err
    label = f"datasets/places/{path.name}:{first_record + 3}:"
    assert label in err.splitlines()[0], err
    assert "malformed file" in err and "<unicode string>" not in err
    assert "no places.id with this value" not in err  # references to its places are follow-on errors


def test_reference_errors_name_the_key_the_curator_wrote(checkout: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = sorted((checkout / "datasets" / "events").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("source: seed-00", "source: seed-99", 1), encoding="utf-8")
    assert main(["validate", "--root", str(checkout)]) == 1
    err = capsys.readouterr().err
    assert "field 'cite[0].source'" in err and "source_id" not in err, err


def test_package_report_talks_about_the_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "datasets" / "published", copy)
    (copy / "events.parquet").write_bytes(b"not parquet")
    assert main(["validate", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "data package" in err and "curated records" not in err
    assert "record '-'" not in err and "field '-'" not in err
