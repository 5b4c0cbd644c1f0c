"""The registry checks itself: contradictory field or table definitions fail when they are made."""

from __future__ import annotations

import pytest

from karabakh_data.schema.model import Field, Nesting, Table
from karabakh_data.schema.tables import TABLES

BAD_FIELDS = [
    dict(type="number", pattern=r"^\d+$"),
    dict(type="integer", min_length=1),
    dict(type="integer", enum=("a",)),
    dict(type="string", enum=()),
    dict(type="boolean", minimum=0),
    dict(type="integer", references="actors"),
    dict(type="string", default=True),
    dict(type="integer", role="prose"),
    dict(type="string", role="stated"),
    dict(type="string", role="named_actor", references="places"),
    dict(type="string", precision="date_precision"),
]


@pytest.mark.parametrize("spec", BAD_FIELDS, ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_a_contradictory_field_is_refused(spec: dict) -> None:
    spec = dict(spec)
    with pytest.raises(ValueError, match="field 'f'"):
        Field("f", spec.pop("type"), "A field.", **spec)


def test_a_table_must_hold_its_key_and_precision_fields() -> None:
    good = Field("id", "string", "Id.")
    with pytest.raises(ValueError, match="primary key"):
        Table("t", "T", "A table.", (good,), primary_key=("code",))
    with pytest.raises(ValueError, match="precision"):
        Table("t", "T", "A table.", (good, Field("when", "date", "When.", precision="when_precision")))
    with pytest.raises(ValueError, match="nesting"):
        Table("t", "T", "A table.", (good,), primary_key=("id",), nesting=Nesting("p", "k", "parent_id"))


def test_every_date_the_audit_checks_names_its_precision_or_needs_none() -> None:
    for table in TABLES.values():
        for f in table.fields:
            if f.type == "date" and f.role == "stated" and f.precision is None:
                assert table.name == "casualties" and f.name.startswith("period_"), (table.name, f.name)
