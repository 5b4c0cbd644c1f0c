"""A small valid tree cut out of the curated records: one richly filled record per table, and every
record it needs (what it references, and what the rules across records need to see with it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from karabakh_data.curated import _Loader
from karabakh_data.schema import CORE_TABLES, TABLES, Table
from karabakh_data.schema.pydantic_models import links_of

Record = dict[str, Any]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Referrers that the rules across records need alongside the record they point to: the versions of a
# disagreement, the responses to an allegation, the parts of a breakdown.
REVERSE_FIELDS = ("disagreement_id", "allegation_id", "part_of_id")


def raw_records(datasets: Path) -> dict[str, list[Record]]:
    """Every curated record, as written, by table."""
    records: dict[str, list[Record]] = {t.name: [] for t in CORE_TABLES}
    for table in CORE_TABLES:
        for path in sorted((datasets / table.name).glob("*.yaml")):
            records[table.name] += yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or []
    return records


def item_key(link: Table, field: str) -> str:
    """The key of a link-table column in a nested item (``source_id`` -> ``source``)."""
    return field.removesuffix("_id")


def references(table: str, record: Record) -> list[tuple[str, str]]:
    """(table, id) of every record this one references, nested lists included."""
    found = [(target, record[f]) for f, target, _ in TABLES[table].foreign_keys
             if isinstance(record.get(f), str)]
    for link in links_of(table):
        nesting = link.nesting
        assert nesting is not None
        for item in record.get(nesting.key, []):
            for f, target, _ in link.foreign_keys:
                if f == nesting.parent_field:
                    continue
                if nesting.scalar == f:
                    value = item
                else:
                    value = item.get(item_key(link, f)) if isinstance(item, dict) else None
                if isinstance(value, str):
                    found.append((target, value))
    return found


def _richness(table: str, record: Record) -> int:
    nested = sum(3 for link in links_of(table) if record.get(link.nesting.key))  # type: ignore[union-attr]
    return len(record) + nested


def sample(records: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """The richest record of each table and its closure."""
    by_id = {(t, r["id"]): r for t, rs in records.items() for r in rs}
    chosen = {(t.name, max(records[t.name], key=lambda r: _richness(t.name, r))["id"]) for t in CORE_TABLES}
    while True:
        grown = set(chosen)
        for table, rid in chosen:
            grown |= {ref for ref in references(table, by_id[table, rid]) if ref in by_id}
        for table, rs in records.items():
            for r in rs:
                if any((target, r.get(f)) in chosen for f, target, _ in TABLES[table].foreign_keys
                       if f in REVERSE_FIELDS):
                    grown.add((table, r["id"]))
        if grown == chosen:
            break
        chosen = grown
    return {t: [r for r in rs if (t, r["id"]) in chosen] for t, rs in records.items()}


def richest(table: str, records: list[Record]) -> Record:
    """The record of ``table`` the faults are injected into."""
    return max(records, key=lambda r: _richness(table, r))


def write_tree(datasets: Path, records: dict[str, list[Record]]) -> None:
    """One ``sample.yaml`` per table folder."""
    for table, rs in records.items():
        folder = datasets / table
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(rs, Dumper=_DUMPER, sort_keys=False, allow_unicode=True)
        (folder / "sample.yaml").write_text(text, encoding="utf-8")
