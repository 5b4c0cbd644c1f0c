"""Merge reference records (actors, places, sources) defined in more than one curated file.

Curators working in parallel each add the actors, places and sources they need to files of their own;
the same id may then be defined twice. This keeps the first definition (files in name order, core first),
fills its empty fields from the others, unions aliases and citations, and removes the copies. Files it
rewrites are dumped by PyYAML (comments in them are lost). Run from the checkout:
``python tools/consolidate_references.py`` and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    short_mappings = bool(data) and all(isinstance(i, dict) and len(i) <= 2 for i in data)
    short_strings = len(data) <= 6 and all(isinstance(i, str) and len(i) < 40 for i in data)
    flow = short_mappings or short_strings
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = ">" if len(data) > 90 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def dump(records: list[dict]) -> str:
    return yaml.dump(records, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _merge(kept: dict, other: dict) -> None:
    for key, value in other.items():
        if key in ("aliases",):
            kept[key] = list(dict.fromkeys([*kept.get(key, []), *value]))
        elif key == "cite":
            seen = {(c["source"], c["locator"]) for c in kept.get("cite", [])}
            kept.setdefault("cite", []).extend(
                c for c in value if (c["source"], c["locator"]) not in seen)
        elif kept.get(key) in (None, "") and value not in (None, ""):
            kept[key] = value
    if "aliases" in kept:
        kept["aliases"] = [a for a in kept["aliases"] if a != kept.get("name")]


def consolidate(folder: Path) -> int:
    files = sorted(folder.glob("*.yaml"), key=lambda p: (p.name != "core.yaml", p.name))
    data = {p: yaml.safe_load(p.read_text(encoding="utf-8")) or [] for p in files}
    first: dict[str, dict] = {}
    owner: dict[str, Path] = {}
    changed: set[Path] = set()
    merged = 0
    for path in files:
        kept_records = []
        for record in data[path]:
            rid = record.get("id")
            if rid in first:
                _merge(first[rid], record)
                changed |= {path, owner[rid]}
                merged += 1
                continue
            first[rid] = record
            owner[rid] = path
            kept_records.append(record)
        data[path] = kept_records
    for path in changed:
        path.write_text(f"# {folder.name} (merged by tools/consolidate_references.py)\n" + dump(data[path]),
                        encoding="utf-8")
    return merged


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for table in ("actors", "places", "sources"):
        print(table, consolidate(root / "datasets" / table), "duplicates merged")
