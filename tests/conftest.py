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


CORE_FILES = ("sources/seeds.yaml", "actors/states.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A small project holding the core reference records of the checkout, built once, to break at will.

    It does not depend on the rest of the curation, so these tests exercise the machinery alone.
    """
    for table in CORE_TABLES:
        (tmp_path / "datasets" / table.name).mkdir(parents=True)
    for name in CORE_FILES:
        target = tmp_path / "datasets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "datasets" / name, target)
    copy = Project(tmp_path)
    build(copy)
    return copy
