"""Building the published package from the curated records: validate, then publish atomically."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from karabakh_data import metadata
from karabakh_data.curation.croissant import write_croissant
from karabakh_data.curation.curated import Rows, read_curated
from karabakh_data.curation.descriptor import package_descriptor, resource_descriptor
from karabakh_data.curation.generated import write_generated
from karabakh_data.curation.publish import publish
from karabakh_data.curation.validation.records import validate_rows
from karabakh_data.errors import ValidationFailed
from karabakh_data.schema import TABLES
from karabakh_data.schema.arrow_schema import arrow_schema


@dataclass(frozen=True)
class Project:
    """Paths of a checkout."""

    root: Path

    @property
    def datasets(self) -> Path:
        return self.root / "datasets"

    @property
    def published(self) -> Path:
        return self.datasets / "published"


def _sort_key(row: dict[str, Any], key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("" if row[k] is None else str(row[k]) for k in key)


def arrow_tables(rows: Rows) -> dict[str, pa.Table]:
    """One Arrow table per published table, rows sorted by primary key."""
    tables = {}
    for name, table in TABLES.items():
        ordered = sorted(rows.tables[name], key=lambda r: _sort_key(r, table.primary_key))
        tables[name] = pa.Table.from_pylist(ordered, schema=arrow_schema(table, metadata.VERSION))
    return tables


def load_valid_rows(datasets: Path) -> Rows:
    """Curated rows, or ValidationFailed with every problem."""
    rows = read_curated(datasets)
    problems = validate_rows(rows)
    if problems:
        raise ValidationFailed(problems)
    return rows


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_package(tables: dict[str, pa.Table], folder: Path) -> None:
    """Write Parquet files and datapackage.json into ``folder`` (which must exist)."""
    resources = []
    for name, data in tables.items():
        path = folder / f"{name}.parquet"
        pq.write_table(data, path, compression="zstd", compression_level=9)
        resources.append(resource_descriptor(name, _sha256(path)))
    descriptor = package_descriptor(resources, tables["sources"])
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
    write_croissant(folder)


def build(project: Project) -> dict[str, int]:
    """Validate the curated records and publish them; returns row counts per table.

    Raises ValidationFailed, leaving the published package untouched, when any record is invalid.
    """
    rows = load_valid_rows(project.datasets)
    tables = arrow_tables(rows)
    publish(project.published, lambda folder: write_package(tables, folder))
    counts = {name: data.num_rows for name, data in tables.items()}
    write_generated(project.root, counts)
    return counts
