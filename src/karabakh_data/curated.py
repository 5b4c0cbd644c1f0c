"""Reading the curated YAML records in ``datasets/`` into validated rows per table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic
import yaml

from karabakh_data.derived import fill_derived
from karabakh_data.errors import Problem, yaml_problem
from karabakh_data.schema import CORE_TABLES, TABLES
from karabakh_data.schema.pydantic_models import curated_model, links_of, nested_key_columns


class _Loader(yaml.SafeLoader):
    """Safe loader that leaves dates as text, so pydantic reports impossible ones by field."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Origin:
    """Where a row was written: the file and the id of the curated record."""

    file: str
    record: str


@dataclass
class Rows:
    """The rows of every table, each with its origin, and the problems met while reading."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {n: [] for n in TABLES})
    origins: dict[str, list[Origin]] = field(default_factory=lambda: {n: [] for n in TABLES})
    problems: list[Problem] = field(default_factory=list)

    def add(self, table: str, row: dict[str, Any], origin: Origin) -> None:
        self.tables[table].append(row)
        self.origins[table].append(origin)


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(record)"


def _record_id(raw: object, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return raw["id"]
    return f"#{index + 1}"


def _read_file(path: Path, label: str, rows: Rows, table: str) -> None:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as exc:
        rows.problems.append(yaml_problem(label, exc))
        return
    if data is None:
        return
    if not isinstance(data, list):
        rows.problems.append(Problem(label, "-", "-", "the file must hold a list of records"))
        return
    model = curated_model(table)
    links = links_of(table)
    for index, raw in enumerate(data):
        rid = _record_id(raw, index)
        if not isinstance(raw, dict):
            rows.problems.append(Problem(label, rid, "-", "a record must be a mapping of fields"))
            continue
        try:
            record = model.model_validate(raw)
        except pydantic.ValidationError as exc:
            for err in exc.errors():
                rows.problems.append(Problem(label, rid, _location(err["loc"]), err["msg"]))
            continue
        _flatten(record, table, links, Origin(label, rid), rows)


def _flatten(record: pydantic.BaseModel, table: str, links: list, origin: Origin, rows: Rows) -> None:
    data = record.model_dump()
    for link in links:
        nesting = link.nesting
        items = data.pop(nesting.key)
        columns = nested_key_columns(link)
        for item in items:
            row = {nesting.parent_field: record.id}  # type: ignore[attr-defined]
            if nesting.scalar is not None:
                row[nesting.scalar] = item
            else:
                row.update({columns[key]: value for key, value in item.items()})
            rows.add(link.name, row, origin)
    rows.add(table, data, origin)


def read_curated(datasets: Path) -> Rows:
    """Read and record-validate every curated file under ``datasets``; never raises on bad data."""
    rows = Rows()
    root = datasets.parent
    for table in CORE_TABLES:
        folder = datasets / table.name
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            label = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            _read_file(path, label, rows, table.name)
    fill_derived(rows.tables)
    return rows
