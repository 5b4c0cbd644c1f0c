"""Loading the published tables. Kept light: no pandera, no frictionless."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from karabakh_data.frames import arrow_with_codes, frame_from_coded
from karabakh_data.schema import TABLES
from karabakh_data.schema.dtypes import arrow_type

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
    here = Path(str(resources.files("karabakh_data")))  # the installed package (a folder: zip-safe is off)
    checkout = here.resolve().parent.parent / "datasets"
    # published.old exists alone only for a moment of a build without atomic exchange (see publish.py)
    for candidate in (here / "published", checkout / "published", checkout / "published.old"):
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
    return package_at(package_dir())


class IntegrityError(Exception):
    """A published file is not the one its datapackage.json describes."""


# (path, size, mtime, inode) of every file whose sha256 matched in this process
_verified: set[tuple[str, int, int, int]] = set()


_hashes: dict[tuple[str, int, int], dict[str, str]] = {}


def _declared_hash(folder: Path, name: str) -> str | None:
    descriptor = folder / "datapackage.json"
    stat = descriptor.stat()
    key = (str(descriptor), stat.st_size, stat.st_mtime_ns)
    if key not in _hashes:
        try:
            resources = package_at(folder).get("resources", [])
        except (ValueError, AttributeError):  # not JSON, or not an object
            return None
        _hashes[key] = {r["path"]: r["hash"] for r in resources if isinstance(r, dict)
                        and isinstance(r.get("path"), str) and isinstance(r.get("hash"), str)}
    return _hashes[key].get(name)


def _value_problem(table: str, data: pa.Table) -> str | None:
    """The first declared constraint a column breaks (cheap Arrow checks: columns, types, required,
    bounds). Vocabularies are checked by each reader: ``kd.load`` while it makes the categoricals,
    ``kd.records`` by the record models."""
    extra = [c for c in data.column_names if c not in TABLES[table].field_names]
    if extra:
        return f"column {extra[0]!r} is not declared"
    for f in TABLES[table].fields:
        if f.name not in data.column_names:
            return f"column {f.name!r} is missing"
        column = data.column(f.name)
        if not column.type.equals(arrow_type(f)):
            return f"column {f.name!r} is {column.type}, not {arrow_type(f)}"
        if f.required and column.null_count:
            return f"column {f.name!r} has empty values"
        if f.type == "number" and not pc.all(pc.is_finite(column.drop_null()), min_count=0).as_py():
            return f"column {f.name!r} has an infinite or NaN value"
        if f.type in ("integer", "number") and column.null_count < len(column):
            low, high = (v.as_py() for v in pc.min_max(column).values())
            if (f.minimum is not None and low < f.minimum) or (f.maximum is not None and high > f.maximum):
                return f"column {f.name!r} has a value out of its bounds"
    return None


def package_at(folder: Path) -> dict[str, Any]:
    """The descriptor of the package in ``folder``."""
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def _read_verified(file: Path) -> pa.Table:
    """The Parquet table in ``file``, its sha256 checked against datapackage.json once per process."""
    stat = file.stat()
    key = (str(file), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    if key in _verified:
        return pq.read_table(file)
    data = file.read_bytes()
    declared = _declared_hash(file.parent, file.name)
    actual = "sha256:" + hashlib.sha256(data).hexdigest()
    fix = "Reinstall karabakh-data, or run `karabakh-data build` in a checkout."
    if declared != actual:
        raise IntegrityError(f"{file}: its sha256 does not match the hash in datapackage.json "
                             f"({declared or 'none declared'}); the file was changed or damaged. {fix}")
    try:
        table = pq.read_table(pa.BufferReader(data))
    except (OSError, pa.ArrowException) as exc:
        raise IntegrityError(f"{file}: not a readable Parquet file ({exc}). {fix}") from None
    problem = _value_problem(file.stem, table)
    if problem is not None:
        raise IntegrityError(f"{file}: {problem}, so it was not written by `karabakh-data build`. {fix}")
    _verified.add(key)
    return table


def load(table: str) -> pd.DataFrame:
    """A table as a pandas DataFrame with the declared dtypes (categoricals, dates, nullable ints).

    Raises IntegrityError when the file is not the one datapackage.json describes.
    """
    _check_name(table)
    file = path(table)
    data = _read_verified(file)
    coded = arrow_with_codes(TABLES[table], data)
    for f in TABLES[table].fields:  # a value outside the vocabulary has no code
        if f.enum is not None and coded.column(f.name).null_count != data.column(f.name).null_count:
            raise IntegrityError(f"{file}: column {f.name!r} has a value outside its vocabulary, so it was "
                                 "not written by `karabakh-data build`. Reinstall karabakh-data, or run "
                                 "`karabakh-data build` in a checkout.")
    return frame_from_coded(coded)


def records(table: str) -> list[Any]:
    """A table's rows as typed Pydantic models."""
    from karabakh_data.schema.pydantic_models import record_model

    _check_name(table)
    model = record_model(table)
    return [model.model_validate(row) for row in _read_verified(path(table)).to_pylist()]

def published_row_counts(published: Path) -> dict[str, int]:
    """Rows per table in a published package (from the Parquet footers)."""
    return {name: pq.ParquetFile(published / f"{name}.parquet").metadata.num_rows
            for name in TABLES if (published / f"{name}.parquet").exists()}
