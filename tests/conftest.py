"""Shared fixtures: the checkout and throw-away copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from karabakh_data.schema import CORE_TABLES

if TYPE_CHECKING:
    from karabakh_data.curation.build import Project

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


CORE_TABLES_COPIED = ("sources", "actors")  # the reference tables every test record can point to


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project holding the sources and actors of the checkout, built once per session.

    It does not depend on the rest of the curation, so these tests exercise the machinery alone.
    """
    from karabakh_data.curation.build import Project, build  # here: the wheel test runs without it

    root = tmp_path_factory.mktemp("project")
    for table in CORE_TABLES:
        (root / "datasets" / table.name).mkdir(parents=True)
    for name in CORE_TABLES_COPIED:
        for path in (ROOT / "datasets" / name).glob("*.yaml"):
            shutil.copyfile(path, root / "datasets" / name / path.name)
    build(Project(root))
    return root


@pytest.fixture
def project(built_project: Path, tmp_path: Path) -> Project:
    """A fresh copy of the built small project, to break at will."""
    from karabakh_data.curation.build import Project

    shutil.copytree(built_project, tmp_path / "project", symlinks=True)
    return Project(tmp_path / "project")
