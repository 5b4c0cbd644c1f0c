"""`karabakh-data format`: one house style for the curated YAML, comments kept, bad files named."""

from __future__ import annotations

from pathlib import Path

import pytest

from karabakh_data.cli import main
from karabakh_data.curation.build import Project

MESSY = """\
# Actors added for a test; this comment must survive.
- {cite: [{locator: x, source: seed-000}], side: third_party, kind: state, name: Testland, id: zz-testland}
"""


def _tree(project: Project, text: str) -> Path:
    path = project.datasets / "actors" / "zz-test.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_format_rewrites_in_the_house_style_and_keeps_comments(project: Project,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _tree(project, MESSY)
    assert main(["format", "--check", "--root", str(project.root)]) == 1
    assert "zz-test.yaml" in capsys.readouterr().out
    assert main(["format", "--root", str(project.root)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Actors added for a test; this comment must survive.\n- id: zz-testland\n")
    assert text.index("  name:") < text.index("  kind:") < text.index("  side:") < text.index("  cite:")
    assert "{" not in text
    assert main(["format", "--check", "--root", str(project.root)]) == 0
    assert main(["validate", "--root", str(project.root)]) == 0


@pytest.mark.parametrize(("text", "where", "what"), [
    ("- id: zz\n  name: [a\n", ":3:1:", "expected ','"),
    ("- {id: zz, name: a, name: b}\n", ":1:", "duplicate key"),
])
def test_a_file_that_cannot_be_read_is_named_in_one_line(project: Project, capsys: pytest.CaptureFixture[str],
                                                         text: str, where: str, what: str) -> None:
    _tree(project, text)
    for args in (["format"], ["format", "--check"]):
        assert main([*args, "--root", str(project.root)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and f"zz-test.yaml{where}" in err[0] and what in err[0], err
        assert "unexpected" not in err[0]
