"""Loading the published tables. Kept light: no pandera, no frictionless."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from karabakh_data.frames import frame_from_arrow
from karabakh_data.schema import TABLES

_override: list[Path] = []


@contextmanager
def using(folder: Path) -> Iterator[None]:
    """Read the package in ``folder`` instead of the installed one (for builds and tests)."""
    _override.append(folder)
    try:
        yield
    finally:
        _override.pop()


def package_dir() -> Path:
    """Folder of the published data package: shipped in the wheel, or in a checkout."""
    if _override:
        return _override[-1]
    here = Path(__file__).resolve().parent
    for candidate in (here / "published", here.parent.parent / "datasets" / "published"):
        if (candidate / "datapackage.json").exists():
            return candidate
    raise FileNotFoundError("no published data package found; run `karabakh-data build` in a checkout")


def tables() -> list[str]:
    """Names of the published tables."""
    return list(TABLES)


def _check_name(table: str) -> None:
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; tables are: {', '.join(TABLES)}")


def path(table: str) -> Path:
    """Path of a table's Parquet file, for DuckDB, Polars or R."""
    _check_name(table)
    return package_dir() / f"{table}.parquet"


def package() -> dict[str, Any]:
    """The data package descriptor (datapackage.json) as a dict."""
    return json.loads((package_dir() / "datapackage.json").read_text(encoding="utf-8"))


def load(table: str) -> pd.DataFrame:
    """A table as a pandas DataFrame with the declared dtypes (categoricals, dates, nullable ints)."""
    _check_name(table)
    return frame_from_arrow(TABLES[table], pq.read_table(path(table)))


def records(table: str) -> list[Any]:
    """A table's rows as typed Pydantic models."""
    from karabakh_data.schema.pydantic_models import record_model

    _check_name(table)
    model = record_model(table)
    return [model.model_validate(row) for row in pq.read_table(path(table)).to_pylist()]
