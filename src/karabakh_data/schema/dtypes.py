"""One table of column types: what each registry type is in Python, Arrow, pandas and SQLite."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import pandas as pd
import pyarrow as pa

from karabakh_data.schema.model import Field


@dataclass(frozen=True)
class ColumnType:
    """One registry type as every consumer spells it."""

    python: type  # Pydantic record models
    arrow: pa.DataType  # Parquet files (enumerations are plain strings for every reader)
    pandas: object  # kd.load (enumerations become categoricals)
    pandas_metadata: tuple[str, str]  # (pandas_type, numpy_type): how pandas, and frictionless, rebuild it
    sql: str  # SQLite export


TYPES: dict[str, ColumnType] = {
    "string": ColumnType(str, pa.string(), pd.StringDtype(), ("unicode", "object"), "TEXT"),
    "integer": ColumnType(int, pa.int64(), pd.Int64Dtype(), ("int64", "Int64"), "INTEGER"),
    "number": ColumnType(float, pa.float64(), pd.Float64Dtype(), ("float64", "Float64"), "REAL"),
    "boolean": ColumnType(bool, pa.bool_(), pd.BooleanDtype(), ("bool", "boolean"), "INTEGER"),
    "date": ColumnType(dt.date, pa.date32(), "datetime64[ms]", ("date", "object"), "TEXT"),
}


def arrow_type(field: Field) -> pa.DataType:
    """Arrow type of a field."""
    return TYPES[field.type].arrow


@cache
def _categories(values: tuple[str, ...]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(categories=list(values), ordered=False)


def pandas_dtype(field: Field) -> object:
    """pandas dtype of a field as ``kd.load`` returns it: categoricals for enumerations."""
    return _categories(field.enum) if field.enum is not None else TYPES[field.type].pandas
