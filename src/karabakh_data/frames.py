"""Typed pandas frames built from rows or Arrow tables, with the declared dtypes."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa

from karabakh_data.schema.dtypes import pandas_dtype
from karabakh_data.schema.model import Table


def _column(values: pd.Series, dtype: object) -> pd.Series:
    if dtype == "datetime64[ms]":
        return pd.to_datetime(values, errors="raise").astype("datetime64[ms]")
    return values.astype(dtype)


def frame_from_rows(table: Table, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """DataFrame of curated rows; enumeration values must already be valid."""
    raw = pd.DataFrame.from_records(rows, columns=table.field_names)
    return pd.DataFrame({f.name: _column(raw[f.name].astype(object), pandas_dtype(f)) for f in table.fields})


def frame_from_arrow(table: Table, data: pa.Table) -> pd.DataFrame:
    """DataFrame of a published Parquet table with the declared dtypes."""
    frame = data.to_pandas(date_as_object=False)
    return pd.DataFrame({f.name: _column(frame[f.name].astype(object), pandas_dtype(f))
                         for f in table.fields})
