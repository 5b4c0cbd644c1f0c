"""What changed between two published data packages: records added, removed and changed per table."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq


@dataclass
class TableDiff:
    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # key -> changed fields

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _descriptor(path: Path) -> Path:
    return path if path.is_file() else path / "datapackage.json"


def _rows(folder: Path, resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    key = resource["schema"]["primaryKey"]
    rows = pq.read_table(folder / resource["path"]).to_pylist()
    return {"/".join(str(row[k]) for k in key): row for row in rows}


def diff_packages(old: Path, new: Path) -> tuple[str, str, list[TableDiff]]:
    """Versions of both packages and the per-table differences (tables only in one side count whole)."""
    old, new = _descriptor(old), _descriptor(new)
    old_pkg = json.loads(old.read_text(encoding="utf-8"))
    new_pkg = json.loads(new.read_text(encoding="utf-8"))
    old, new = old.parent, new.parent
    old_res = {r["name"]: r for r in old_pkg["resources"]}
    new_res = {r["name"]: r for r in new_pkg["resources"]}
    diffs = []
    for name in [*new_res, *(n for n in old_res if n not in new_res)]:
        before = _rows(old, old_res[name]) if name in old_res else {}
        after = _rows(new, new_res[name]) if name in new_res else {}
        d = TableDiff(name, sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys()))
        for key in sorted(before.keys() & after.keys()):
            fields = sorted(f for f in after[key].keys() | before[key].keys()
                            if before[key].get(f) != after[key].get(f))
            if fields:
                d.changed[key] = fields
        diffs.append(d)
    return old_pkg.get("version", "?"), new_pkg.get("version", "?"), diffs


def render(old_version: str, new_version: str, diffs: list[TableDiff], details: bool) -> str:
    """A readable report."""
    lines = [f"karabakh-data {old_version} -> {new_version}"]
    lines.append(f"{'table':28} {'added':>6} {'removed':>8} {'changed':>8}")
    for d in diffs:
        lines.append(f"{d.table:28} {len(d.added):6d} {len(d.removed):8d} {len(d.changed):8d}")
    if details:
        for d in (d for d in diffs if not d.empty):
            lines.append(f"\n{d.table}:")
            lines += [f"  + {key}" for key in d.added]
            lines += [f"  - {key}" for key in d.removed]
            lines += [f"  ~ {key}: {', '.join(fields)}" for key, fields in d.changed.items()]
    return "\n".join(lines)
