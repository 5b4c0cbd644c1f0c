"""A small valid tree cut out of the curated records: one richly filled record per table, and every
record it needs (what it references, and what the rules across records need to see with it)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from karabakh_data.curation.curated import _Loader
from karabakh_data.curation.models import links_of
from karabakh_data.schema import CORE_TABLES, LINK_TABLES, TABLES, Table

Record = dict[str, Any]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Referrers that the rules across records need alongside the record they point to: the versions of a
# disagreement (nested `disagreements` lists), the statements answering an allegation (nested `answers`),
# the parts of a breakdown.
REVERSE_FIELDS = ("disagreement_id", "allegation_id", "part_of_id")
REVERSE_TARGETS = ("disagreements", "allegations")


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


def _whole_disagreements(records: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """The records without the disagreements fewer than two records list (curation in progress may leave
    some), so the cut stays valid whatever state the curated tree is in."""
    listed = Counter(r for t, rs in records.items() for rec in rs for r in references(t, rec)
                     if r[0] == "disagreements")
    whole = {rid for (_, rid), n in listed.items() if n >= 2} & {r["id"] for r in records["disagreements"]}

    def trimmed(record: Record) -> Record:
        kept = [d for d in record.get("disagreements", []) if d in whole]
        return {**record, "disagreements": kept} if "disagreements" in record else record

    return {t: [trimmed(r) for r in rs if t != "disagreements" or r["id"] in whole]
            for t, rs in records.items()}


def sample(records: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """The richest record of each table and its closure."""
    by_id = {(t, r["id"]): r for t, rs in records.items() for r in rs}
    records = _whole_disagreements(records)
    chosen = {(t.name, max(records[t.name], key=lambda r: _richness(t.name, r))["id"]) for t in CORE_TABLES}
    for link in LINK_TABLES:  # and a record filling each nested list, so every link table has a row
        assert link.nesting is not None
        parent, key = link.nesting.parent, link.nesting.key
        filled = [r for r in records[parent] if r.get(key)]
        if filled:
            chosen.add((parent, max(filled, key=lambda r: _richness(parent, r))["id"]))
    # two places GeoNames has, so the check that no two places share a GeoNames id has something to bite
    chosen |= {("places", r["id"]) for r in [p for p in records["places"] if p.get("geonames_id")][:2]}
    while True:
        grown = set(chosen)
        for table, rid in chosen:
            grown |= {ref for ref in references(table, by_id[table, rid]) if ref in by_id}
        for table, rs in records.items():
            for r in rs:
                if any((target, r.get(f)) in chosen for f, target, _ in TABLES[table].foreign_keys
                       if f in REVERSE_FIELDS) or any(
                        ref in chosen for ref in references(table, r) if ref[0] in REVERSE_TARGETS):
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
