"""Every schema derived from the field registry agrees with it, and with each other."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandera.engines.pandas_engine import Engine

import karabakh_data as kd
from karabakh_data.curation.models import curated_model
from karabakh_data.curation.validation.tables import pandera_schema
from karabakh_data.schema import TABLES
from karabakh_data.schema.arrow_schema import arrow_schema
from karabakh_data.schema.dtypes import arrow_type, pandas_dtype
from karabakh_data.schema.model import Field
from karabakh_data.schema.pydantic_models import record_model
from karabakh_data.schema.table_schema import table_schema

NAMES = sorted(TABLES)


@pytest.mark.parametrize("name", NAMES)
def test_table_schema_matches_registry(name: str) -> None:
    table = TABLES[name]
    schema = table_schema(table)
    assert [f["name"] for f in schema["fields"]] == table.field_names
    for f, d in zip(table.fields, schema["fields"], strict=True):
        assert d["type"] == f.type
        assert d["description"] == f.description
        assert d["constraints"]["required"] == f.required
        assert d["constraints"].get("enum") == (list(f.enum) if f.enum else None)
    assert schema["primaryKey"] == list(table.primary_key)
    declared = {(k["fields"][0], k["reference"].get("resource", name), k["reference"]["fields"][0])
                for k in schema.get("foreignKeys", [])}
    assert declared == set(table.foreign_keys)


@pytest.mark.parametrize("name", NAMES)
def test_pydantic_model_matches_registry(name: str) -> None:
    table = TABLES[name]
    model = record_model(name)
    assert list(model.model_fields) == table.field_names
    properties = model.model_json_schema()["properties"]
    for f in table.fields:
        info = model.model_fields[f.name]
        assert info.is_required() == (f.required and f.default is None)
        assert info.description == f.description
        prop = properties[f.name]
        variant = next(v for v in prop.get("anyOf", [prop]) if v.get("type") != "null")
        assert variant.get("enum") == (list(f.enum) if f.enum else None)
        assert variant.get("pattern") == f.pattern
        assert variant.get("minLength") == f.min_length
        if f.type in ("integer", "number"):  # date bounds are not in JSON Schema; tested below
            assert variant.get("minimum") == f.minimum
            assert variant.get("maximum") == f.maximum
    curated = curated_model(name)
    written = [f.name for f in table.fields if not f.derived]
    assert list(curated.model_fields)[: len(written)] == written


@pytest.mark.parametrize("name", NAMES)
def test_pandera_schema_matches_registry(name: str) -> None:
    table = TABLES[name]
    schema = pandera_schema(table)
    assert list(schema.columns) == table.field_names
    for f in table.fields:
        column = schema.columns[f.name]
        assert column.nullable == (not f.required)
        assert column.dtype == Engine.dtype(pandas_dtype(f))
    if len(table.primary_key) == 1:
        assert schema.columns[table.primary_key[0]].unique
    else:
        assert list(schema.unique) == list(table.primary_key)


@pytest.mark.parametrize("name", NAMES)
def test_arrow_and_published_parquet_match_registry(name: str) -> None:
    table = TABLES[name]
    schema = arrow_schema(table, kd.__version__)
    published = pq.read_schema(kd.path(name))
    assert published.equals(schema, check_metadata=True)
    for f in table.fields:
        field = published.field(f.name)
        assert field.type == arrow_type(f)
        assert field.nullable == (not f.required)
        assert field.metadata[b"description"].decode() == f.description
    assert published.metadata[b"dataset_version"].decode() == kd.__version__


@pytest.mark.parametrize("name", NAMES)
def test_loader_dtypes_match_pandera(name: str) -> None:
    frame = kd.load(name)
    schema = pandera_schema(TABLES[name])
    assert list(frame.columns) == list(schema.columns)
    for column, spec in schema.columns.items():
        assert Engine.dtype(frame[column].dtype) == spec.dtype, column
    schema.validate(frame)


def test_published_descriptor_and_schema_files_match_registry(root: Path) -> None:
    descriptor = kd.package()
    assert descriptor["version"] == kd.__version__
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    for resource in descriptor["resources"]:
        expected = table_schema(TABLES[resource["name"]])
        assert resource["schema"] == expected
        on_disk = json.loads((root / "schemas" / f"{resource['name']}.json").read_text())
        assert on_disk == expected


def test_data_dictionary_lists_every_field(root: Path) -> None:
    text = (root / "docs" / "data-dictionary.md").read_text()
    for table in TABLES.values():
        assert f"## `{table.name}`" in text
        section = text.split(f"## `{table.name}`")[1].split("\n## ")[0]
        for f in table.fields:
            assert f"| `{f.name}` | {f.type} |" in section


def test_every_reference_points_to_a_table_with_that_key() -> None:
    for table in TABLES.values():
        for _, target, column in table.foreign_keys:
            assert target in TABLES and column in TABLES[target].field_names
            assert TABLES[target].primary_key == (column,)


# Property: a value the field definition allows is accepted by both Pydantic and Pandera,
# and a value it forbids is rejected by both.

def _value(f: Field) -> st.SearchStrategy[object]:
    if f.enum:
        return st.sampled_from(f.enum)
    if f.type == "date":
        return st.dates(min_value=f.minimum or dt.date(1990, 1, 1),
                        max_value=f.maximum or dt.date(2026, 1, 1))
    if f.type == "integer":
        return st.integers(min_value=int(f.minimum or 0), max_value=int(f.maximum or 10**9))
    if f.type == "number":
        low = -1e9 if f.minimum is None else float(f.minimum)
        high = 1e9 if f.maximum is None else float(f.maximum)
        return st.floats(min_value=low, max_value=high, allow_nan=False)
    if f.type == "boolean":
        return st.booleans()
    if f.pattern:
        return st.from_regex(re.compile(f.pattern), fullmatch=True).filter(lambda s: "\n" not in s)
    return st.text(min_size=f.min_length or 0, max_size=20)


ALL_FIELDS = [(t.name, f) for t in TABLES.values() for f in t.fields]


def _both_accept(table_name: str, f: Field, value: object) -> tuple[bool, bool]:
    model = record_model(table_name)
    try:
        model.__pydantic_validator__.validate_assignment(model.model_construct(), f.name, value)
        pydantic_ok = True
    except Exception:
        pydantic_ok = False
    column = pandera_schema(TABLES[table_name]).columns[f.name]
    series = pd.Series([value], name=f.name, dtype=object)
    if f.type == "date":
        series = pd.to_datetime(series).astype("datetime64[ms]")
    else:
        series = series.astype(pandas_dtype(f))
    try:
        column.validate(series.to_frame())
        pandera_ok = True
    except Exception:
        pandera_ok = False
    return pydantic_ok, pandera_ok


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL_FIELDS).flatmap(lambda tf: st.tuples(st.just(tf), _value(tf[1]))))
def test_allowed_values_pass_both_validators(case: tuple[tuple[str, Field], object]) -> None:
    (table_name, f), value = case
    assert _both_accept(table_name, f, value) == (True, True)


OUT_OF_RANGE = [
    (t.name, f, v)
    for t in TABLES.values()
    for f in t.fields
    for v in (
        [dt.date(f.maximum.year + 1, 1, 1)] if isinstance(f.maximum, dt.date) else
        [dt.date(f.minimum.year - 1, 1, 1)] if isinstance(f.minimum, dt.date) else
        [f.minimum - 1] if f.type in ("integer", "number") and f.minimum is not None else
        ["Not An Id!"] if f.pattern and "a-z0-9" in f.pattern else
        [""] if f.min_length else []
    )
]


@pytest.mark.parametrize(("table_name", "f", "value"), OUT_OF_RANGE,
                         ids=[f"{t}.{f.name}" for t, f, _ in OUT_OF_RANGE])
def test_forbidden_values_fail_both_validators(table_name: str, f: Field, value: object) -> None:
    assert _both_accept(table_name, f, value) == (False, False)
