"""Validating a published data package (ours or a copy): structure, integrity, columns, then the official
validator (frictionless) and every table rule. Never raises on a damaged package: everything wrong is a
named problem, root causes first."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from karabakh_data import metadata
from karabakh_data.curation.validation.integrity import integrity_differences
from karabakh_data.curation.validation.records import frame_problems
from karabakh_data.errors import Problem
from karabakh_data.frames import frame_from_arrow
from karabakh_data.schema import TABLES
from karabakh_data.schema.arrow_schema import arrow_schema

FIX = "the package is damaged or was edited: rebuild it (`karabakh-data build`) or download it again"


def _structure_problems(descriptor: Any, label: str) -> list[Problem]:
    """What makes the descriptor unusable before any file is opened."""
    if not isinstance(descriptor, dict):
        return [Problem(label, "-", "-", f"the descriptor must be a JSON object; {FIX}")]
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return [Problem(label, "-", "resources", f"must be a list of resources; {FIX}")]
    problems = []
    for index, resource in enumerate(resources):
        where = f"resources[{index}]"
        if not isinstance(resource, dict):
            problems.append(Problem(label, "-", where, f"a resource must be a JSON object; {FIX}"))
            continue
        path = resource.get("path")
        parts = PurePosixPath(path).parts if isinstance(path, str) else ("..",)
        if not parts or parts[0] == "/" or ".." in parts:
            problems.append(Problem(label, "-", f"{where}.path",
                                    f"must be a relative path inside the package; {FIX}"))
    names = [r.get("name") for r in resources if isinstance(r, dict)]
    problems += [Problem(label, "-", "resources", f"missing table {n!r}; {FIX}")
                 for n in TABLES if n not in names]
    return problems


def _official_problems(descriptor_path: Path) -> list[Problem]:
    """The findings of frictionless, the official Data Package validator."""
    import frictionless

    try:
        report = frictionless.validate(str(descriptor_path))
    except Exception as exc:  # a validator crash on a damaged package is itself a finding
        return [Problem(str(descriptor_path), "-", "-", f"frictionless cannot validate it ({exc}); {FIX}")]
    problems = []
    for error in report.errors:
        problems.append(Problem(str(descriptor_path), "-", "-", f"{error.type}: {error.message}; {FIX}"))
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None) or getattr(error, "label", None) or "-"
            problems.append(Problem(f"{descriptor_path.parent / str(task.place)}",
                                    f"row {row}" if row else "-", str(field),
                                    f"{error.type}: {error.note or error.message}; {FIX}"))
    return problems


def _columns_problems(data: pa.Table, name: str) -> list[str]:
    expected = arrow_schema(TABLES[name], metadata.VERSION)
    problems = [f"declared column {c!r} is missing" for c in expected.names if c not in data.column_names]
    problems += [f"column {c!r} is not declared" for c in data.column_names if c not in expected.names]
    for f in expected:
        if f.name in data.column_names and not data.schema.field(f.name).type.equals(f.type):
            problems.append(f"column {f.name!r} is {data.schema.field(f.name).type}, declared {f.type}")
    for f in TABLES[name].fields:  # a value outside a vocabulary would silently become empty in pandas
        if f.enum is not None and f.name in data.column_names and not problems:
            values = set(data.column(f.name).drop_null().cast(pa.string()).to_pylist())
            problems += [f"column {f.name!r} holds {v!r}, not in its vocabulary"
                         for v in sorted(values - set(f.enum))]
    return problems


def package_problems(descriptor_path: Path) -> list[Problem]:
    """Problems of the package described by ``descriptor_path`` (a datapackage.json or its folder)."""
    if descriptor_path.is_dir():
        descriptor_path = descriptor_path / "datapackage.json"
    folder = descriptor_path.parent
    label = str(descriptor_path)
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Problem(label, "-", "-", f"cannot read the descriptor ({exc}); {FIX}")]
    problems = _structure_problems(descriptor, label)
    if problems:
        return problems
    problems = [Problem(label, "-", "resources", f"{p}; {FIX}")
                for p in integrity_differences(descriptor_path)]
    if problems:  # root causes first: the official validator would only repeat them
        return problems
    tables: dict[str, pa.Table] = {}
    for name in TABLES:
        file = folder / f"{name}.parquet"
        try:
            tables[name] = pq.read_table(file)
        except (OSError, pa.ArrowException) as exc:
            problems.append(Problem(str(file), "-", "-", f"not a readable Parquet file ({exc}); {FIX}"))
            continue
        problems += [Problem(str(file), "-", "-", f"{p}; {FIX}")
                     for p in _columns_problems(tables[name], name)]
    if problems:
        return problems
    problems = _official_problems(descriptor_path)
    try:
        frames = {name: frame_from_arrow(t, tables[name]) for name, t in TABLES.items()}
    except (ValueError, TypeError, OverflowError) as exc:
        return [*problems, Problem(label, "-", "-", f"a column cannot take its declared type ({exc}); {FIX}")]

    def locate(name: str, index: int | None) -> tuple[str, str]:
        if index is None:
            return f"{folder / name}.parquet", "-"
        row = frames[name].iloc[index]
        return f"{folder / name}.parquet", "/".join(str(row[k]) for k in TABLES[name].primary_key)

    return [*problems, *(Problem(p.file, p.record, p.field, f"{p.message}; {FIX}")
                         for p in frame_problems(frames, locate))]
