"""Shared fixtures: the checkout and throw-away copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from karabakh_data.build import Project, build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the checkout's curated records, built once, to break at will."""
    shutil.copytree(ROOT / "datasets", tmp_path / "datasets",
                    ignore=shutil.ignore_patterns("published", "published.old", ".published-*"))
    copy = Project(tmp_path)
    build(copy)
    return copy
