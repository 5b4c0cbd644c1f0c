"""The build: deterministic, atomic, and checked for freshness."""

from __future__ import annotations

import json
from pathlib import Path

from karabakh_data.cli import main
from karabakh_data.curation.build import Project, build
from karabakh_data.curation.check import differences


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_repository_package_is_up_to_date(root: Path) -> None:
    assert differences(Project(root)) == []


def test_two_builds_are_byte_identical(project: Project) -> None:
    first = _snapshot(project.published)
    build(project)
    assert _snapshot(project.published) == first


def test_check_notices_a_changed_record(project: Project) -> None:
    assert differences(project) == []
    path = project.datasets / "sources" / "seeds.yaml"
    path.write_text(path.read_text().replace("Snapshot taken during the war", "Snapshot taken mid-war"))
    found = differences(project)
    assert any("sources.parquet: rows differ" in d for d in found), found
    assert main(["build", "--check", "--root", str(project.root)]) == 1


def test_check_notices_a_tampered_file(project: Project) -> None:
    target = project.published / "actors.parquet"
    target.write_bytes(target.read_bytes() + b"\0")
    assert any("actors.parquet: sha256 differs" in d for d in differences(project))


def test_check_notices_stale_generated_files(project: Project) -> None:
    dictionary = project.root / "docs" / "data-dictionary.md"
    dictionary.write_text(dictionary.read_text() + "\nhand edit\n")
    assert "docs/data-dictionary.md: stale generated file" in differences(project)


def test_failed_build_leaves_the_package_untouched(project: Project) -> None:
    before = _snapshot(project.published)
    bad = project.datasets / "events" / "zz-bad.yaml"
    bad.write_text("- id: ev-bad\n  kind: not-a-kind\n")
    assert main(["build", "--root", str(project.root)]) == 1
    assert _snapshot(project.published) == before
    assert not list(project.datasets.glob(".published-*"))


def test_build_replaces_the_whole_folder(project: Project) -> None:
    stray = project.published / "stray.txt"
    stray.write_text("left over")
    build(project)
    assert not stray.exists()
    descriptor = json.loads((project.published / "datapackage.json").read_text())
    assert {r["path"] for r in descriptor["resources"]} | {"datapackage.json", "croissant.json"} == {
        p.name for p in project.published.iterdir()
    }
