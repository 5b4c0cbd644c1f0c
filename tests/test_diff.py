"""``karabakh-data diff`` between two builds."""

from __future__ import annotations

import shutil

import pytest

from karabakh_data.cli import main
from karabakh_data.curation.build import Project, build
from karabakh_data.diff import diff_packages


def test_diff_lists_added_removed_and_changed(project: Project, tmp_path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    old = tmp_path / "old"
    shutil.copytree(project.published, old)
    actors = project.datasets / "actors" / "people.yaml"
    text = actors.read_text()
    text = text.replace("  note: President of Azerbaijan.", "  note: Head of state of Azerbaijan.")
    start = text.index("- id: vladimir-putin")
    end = text.find("\n- id:", start)
    text = text[:start] + (text[end + 1:] if end != -1 else "") + (
        "- id: osce-minsk-group-test\n  name: OSCE Minsk Group test\n  kind: igo\n  side: mediator\n"
        "  cite: [{source: seed-002, locator: Background}]\n")
    actors.write_text(text)
    build(project)
    _, _, diffs = diff_packages(old, project.published / "datapackage.json")
    by_table = {d.table: d for d in diffs}
    assert by_table["actors"].added == ["osce-minsk-group-test"]
    assert by_table["actors"].removed == ["vladimir-putin"]
    assert by_table["actors"].changed == {"ilham-aliyev": ["note"]}
    assert by_table["events"].empty
    assert main(["diff", str(old), str(project.published), "--details"]) == 0
    out = capsys.readouterr().out
    assert "+ osce-minsk-group-test" in out and "- vladimir-putin" in out and "~ ilham-aliyev: note" in out


def test_diff_of_a_package_with_itself_is_empty(root) -> None:
    _, _, diffs = diff_packages(root / "datasets" / "published", root / "datasets" / "published")
    assert all(d.empty for d in diffs)
