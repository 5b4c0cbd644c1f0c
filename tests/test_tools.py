"""tools/consolidate_references.py: merging a reference record defined in two curated files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

TOOL = Path(__file__).resolve().parents[1] / "tools" / "consolidate_references.py"


def _tool():
    spec = importlib.util.spec_from_file_location("consolidate_references", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_record_defined_twice_is_merged_into_the_first_file(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "core.yaml").write_text(yaml.safe_dump([
        {"id": "a", "name": "A", "kind": None, "aliases": ["x"], "cite": [{"source": "s1", "locator": "p1"}]},
    ]))
    (folder / "extra.yaml").write_text(yaml.safe_dump([
        {"id": "a", "name": "A", "kind": "state", "aliases": ["y", "A"],
         "cite": [{"source": "s1", "locator": "p1"}, {"source": "s2", "locator": "p2"}]},
        {"id": "b", "name": "B"},
    ]))
    assert _tool().consolidate(folder) == 1
    core = yaml.safe_load((folder / "core.yaml").read_text())
    extra = yaml.safe_load((folder / "extra.yaml").read_text())
    assert core == [{"id": "a", "name": "A", "kind": "state", "aliases": ["x", "y"],
                     "cite": [{"source": "s1", "locator": "p1"}, {"source": "s2", "locator": "p2"}]}]
    assert extra == [{"id": "b", "name": "B"}]


def test_nothing_to_merge_changes_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "places"
    folder.mkdir()
    text = "- id: a\n  name: A\n"
    (folder / "core.yaml").write_text(text)
    assert _tool().consolidate(folder) == 0
    assert (folder / "core.yaml").read_text() == text
