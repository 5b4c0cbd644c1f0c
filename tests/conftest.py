"""Shared fixtures: the checkout and throw-away copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from karabakh_data.build import Project, build
from karabakh_data.schema import CORE_TABLES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


CORE_TABLES_COPIED = ("sources", "actors")  # the reference tables every test record can point to


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A small project holding the sources and actors of the checkout, built once, to break at will.

    It does not depend on the rest of the curation, so these tests exercise the machinery alone.
    """
    for table in CORE_TABLES:
        (tmp_path / "datasets" / table.name).mkdir(parents=True)
    for name in CORE_TABLES_COPIED:
        for path in (ROOT / "datasets" / name).glob("*.yaml"):
            shutil.copyfile(path, tmp_path / "datasets" / name / path.name)
    copy = Project(tmp_path)
    build(copy)
    return copy
