"""The command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

import karabakh_data as kd
from karabakh_data.cli import main


def test_info_lists_tables_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert kd.__version__ in out
    for name in kd.tables():
        assert name in out


@pytest.mark.parametrize("fmt", ["text", "apa", "bibtex", "cff"])
def test_cite(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "--format", fmt]) == 0
    assert kd.__version__ in capsys.readouterr().out


def test_console_script_runs(tmp_path) -> None:
    result = subprocess.run([sys.executable, "-m", "karabakh_data", "info"], capture_output=True, text=True,
                            cwd=tmp_path, check=True)
    assert "events" in result.stdout


def test_build_outside_a_checkout_is_a_clear_error(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(tmp_path)]) == 1
    assert "has no datasets/ folder" in capsys.readouterr().err


def test_queries_page_is_fresh(root) -> None:
    """Every example in docs/queries.md runs, and its recorded output is the real one."""
    from karabakh_data.curation.examples import queries_markdown

    page = root / "docs" / "queries.md"
    assert page.read_text(encoding="utf-8") == queries_markdown(root / "datasets" / "published"), (
        "docs/queries.md is stale: run `karabakh-data examples`")
