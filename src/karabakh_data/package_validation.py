"""Validating a published data package (ours or a copy): integrity, then every table rule."""

from __future__ import annotations

import json
from pathlib import Path

import pandera.errors
import pyarrow.parquet as pq

from karabakh_data.check import integrity_differences
from karabakh_data.errors import Problem
from karabakh_data.frames import frame_from_arrow
from karabakh_data.schema import CITED_TABLES, TABLES
from karabakh_data.schema.pandera_schema import table_schema
from karabakh_data.schema.tables import LINK_TABLES
from karabakh_data.validate import describe_failure


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
    problems += [Problem(label, "-", "resources", p) for p in integrity_differences(folder)]
    if problems:
        return problems
    frames = {name: frame_from_arrow(t, pq.read_table(folder / f"{name}.parquet"))
              for name, t in TABLES.items()}
    keys = {n: frozenset(f["id"].dropna()) for n, f in frames.items() if "id" in f}
    cited = {
        link.nesting.parent: frozenset(frames[link.name][link.nesting.parent_field].dropna())
        for link in LINK_TABLES if link.nesting and link.nesting.key == "cite"
    }
    for name, table in TABLES.items():
        frame = frames[name]
        schema = table_schema(table, keys, cited.get(name) if name in CITED_TABLES else None, frames)
        try:
            schema.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            for _, case in exc.failure_cases.iterrows():
                field, message = describe_failure(name, case)
                index = case.get("index")
                record = "-"
                if index is not None and index == index:
                    row = frame.iloc[int(index)]
                    record = "/".join(str(row[k]) for k in table.primary_key)
                problems.append(Problem(f"{folder / name}.parquet", record, field, message))
    return problems
