"""CITATION.cff is valid (checked by cffconvert, the reference validator) and names this version."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

import yaml

import karabakh_data as kd


def test_citation_file_names_this_version(root: Path) -> None:
    cff = yaml.safe_load((root / "CITATION.cff").read_text())
    assert cff["version"] == kd.__version__
    assert str(cff["date-released"]) == kd.package()["created"][:10]
    assert (root / "CITATION.cff").read_text() == kd.cite("cff")


def test_citation_file_passes_cffconvert(root: Path, tmp_path: Path) -> None:
    """cffconvert pins an old jsonschema that frictionless cannot use, so it gets a venv of its own."""
    env = tmp_path / "cff"
    venv.EnvBuilder(with_pip=True).create(env)
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "cffconvert==2.0.0"],
                   check=True)
    result = subprocess.run([str(env / "bin" / "cffconvert"), "--validate", "-i", str(root / "CITATION.cff")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
