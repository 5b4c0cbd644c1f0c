"""Validating a published data package (ours or a copy): integrity, then every table rule."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from karabakh_data.check import integrity_differences
from karabakh_data.errors import Problem
from karabakh_data.frames import frame_from_arrow
from karabakh_data.schema import TABLES
from karabakh_data.validate import frame_problems


def package_problems(descriptor_path: Path) -> list[Problem]:
    """Problems of the package described by ``descriptor_path`` (a datapackage.json or its folder)."""
    if descriptor_path.is_dir():
        descriptor_path = descriptor_path / "datapackage.json"
    folder = descriptor_path.parent
    label = str(descriptor_path)
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [Problem(label, "-", "-", f"cannot read the descriptor: {exc}")]
    names = [r.get("name") for r in descriptor.get("resources", [])]
    problems = [Problem(label, "-", "resources", f"missing table {n!r}") for n in TABLES if n not in names]
    problems += [Problem(label, "-", "resources", p) for p in integrity_differences(descriptor_path)]
    if problems:
        return problems
    frames = {name: frame_from_arrow(t, pq.read_table(folder / f"{name}.parquet"))
              for name, t in TABLES.items()}

    def locate(name: str, index: int | None) -> tuple[str, str]:
        if index is None:
            return f"{folder / name}.parquet", "-"
        row = frames[name].iloc[index]
        return f"{folder / name}.parquet", "/".join(str(row[k]) for k in TABLES[name].primary_key)

    return frame_problems(frames, locate)
