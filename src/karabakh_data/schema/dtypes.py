"""The column types every consumer of the schema shares (pandas and Arrow)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from karabakh_data.schema.model import Field

_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}
_PANDAS = {
    "string": pd.StringDtype(),
    "integer": pd.Int64Dtype(),
    "number": pd.Float64Dtype(),
    "boolean": pd.BooleanDtype(),
    "date": "datetime64[ms]",
}


def arrow_type(field: Field) -> pa.DataType:
    """Arrow type of a field (enumerations are stored as plain strings for every reader)."""
    return _ARROW[field.type]


def pandas_dtype(field: Field) -> object:
    """pandas dtype of a field as ``kd.load`` returns it: categoricals for enumerations."""
    if field.enum is not None:
        return pd.CategoricalDtype(categories=list(field.enum), ordered=False)
    return _PANDAS[field.type]
