"""The loader API."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import karabakh_data as kd
from karabakh_data.schema import TABLES


def test_tables_lists_every_table() -> None:
    assert kd.tables() == list(TABLES)


def test_load_returns_declared_dtypes() -> None:
    sources = kd.load("sources")
    assert isinstance(sources["kind"].dtype, pd.CategoricalDtype)
    assert list(sources["kind"].cat.categories) == list(TABLES["sources"].field("kind").enum)
    assert str(sources["published_date"].dtype) == "datetime64[ms]"
    assert str(sources["reference_number"].dtype) == "Int64"
    assert set(sources["id"]) >= {f"seed-00{i}" for i in range(5)}


def test_records_are_typed_models() -> None:
    records = kd.records("sources")
    assert len(records) == len(kd.load("sources"))
    seed = next(r for r in records if r.id == "seed-001")
    assert seed.document == "001_f1bc844954f234ca.txt"


def test_unknown_table_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="unknown table 'battles'"):
        kd.load("battles")


def test_version_matches_the_package() -> None:
    assert kd.package()["version"] == kd.__version__


def test_loading_does_not_import_validation_libraries() -> None:
    code = ("import sys, karabakh_data as kd\n"
            "[kd.load(t) for t in kd.tables()]\n"
            "print(sorted(m for m in ('pandera', 'frictionless', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def test_cite_names_the_version() -> None:
    assert kd.__version__ in kd.cite()
    assert kd.cite("bibtex").startswith("@misc{")



def test_an_all_empty_number_column_is_not_taken_for_nan() -> None:
    """A number column with no value in any row is valid (pyarrow's all() of nothing is null); NaN is not."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from karabakh_data.loader import _value_problem, package_dir

    published = pq.read_table(package_dir() / "equipment_losses.parquet").slice(0, 3)
    index = published.column_names.index("value_usd")
    empty = published.set_column(index, "value_usd", pa.nulls(3, pa.float64()))
    assert _value_problem("equipment_losses", empty) is None
    nan = published.set_column(index, "value_usd", pa.array([None, float("nan"), None], pa.float64()))
    assert _value_problem("equipment_losses", nan) == "column 'value_usd' has an infinite or NaN value"
