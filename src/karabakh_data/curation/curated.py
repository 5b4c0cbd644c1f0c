"""Reading the curated YAML records in ``datasets/`` into validated rows per table."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic
import yaml

from karabakh_data.curation.curated_files import curated_files, label
from karabakh_data.curation.derived import fill_derived
from karabakh_data.curation.models import curated_model, links_of, nested_key_columns
from karabakh_data.curation.strict_yaml import duplicate_keys, yaml_problem
from karabakh_data.errors import Problem
from karabakh_data.schema import TABLES
from karabakh_data.schema.model import NOT_BLANK

_TAGS: dict[tuple[str, tuple[bool, bool]], str] = {}  # short plain scalars repeat: ids, vocabulary values


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that leaves dates as text, so pydantic reports impossible ones by field, and
    remembers the tag of each short scalar (PyYAML resolves every scalar with regular expressions)."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode or len(value) > 40:
            return super().resolve(kind, value, implicit)
        tag = _TAGS.get((value, implicit))
        if tag is None:
            tag = _TAGS[value, implicit] = super().resolve(kind, value, implicit)
        return tag


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Origin:
    """Where a row was written: the file, the id of the curated record and, for a row of a link table,
    the item of the record's list it came from (``cite[0]``)."""

    file: str
    record: str
    item: str = ""


@dataclass
class Rows:
    """The rows of every table, each with its origin, and the problems met while reading."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {n: [] for n in TABLES})
    origins: dict[str, list[Origin]] = field(default_factory=lambda: {n: [] for n in TABLES})
    problems: list[Problem] = field(default_factory=list)
    nodes: dict[tuple[str, str], yaml.Node] = field(default_factory=dict)  # (file, record id) -> its YAML
    # Ids of the records of each table that could not be read; None: a whole file of it was unreadable.
    unread: dict[str, set[str] | None] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any], origin: Origin) -> None:
        self.tables[table].append(row)
        self.origins[table].append(origin)

    def mark_unread(self, table: str, record: str | None = None) -> None:
        """Note that a record (or, with no id, an unknown set of records) of ``table`` was not read."""
        known = self.unread.setdefault(table, set())
        if known is None or record is None:
            self.unread[table] = None
        else:
            known.add(record)

    def is_unread(self, table: str, record: object) -> bool:
        """Whether ``record`` of ``table`` may exist in a file or record that could not be read."""
        if table not in self.unread:
            return False
        known = self.unread[table]
        return known is None or record in known


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(record)"


_HINTS = {
    "extra_forbidden": "remove it, or correct the spelling of the field name",
    "missing": "add it",
    "literal_error": "use one of the listed values",
    "finite_number": "write a number (not .inf or .nan), or leave the field out",
    "date_from_datetime_parsing": "write a real date as YYYY-MM-DD",
    "date_parsing": "write a real date as YYYY-MM-DD",
    "date_type": "write a real date as YYYY-MM-DD",
}


def _message(err: Any) -> str:
    if err["type"] == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == NOT_BLANK:
        return "text is only whitespace; write the text, or leave the field out"
    hint = _HINTS.get(err["type"])
    return f"{err['msg']}; {hint}" if hint else err["msg"]


def _record_problems(errors: list[Any], label: str, rid: str) -> list[Problem]:
    """Pydantic's errors of one record; a misspelled field name is one problem, not also a missing field."""
    missing = {err["loc"] for err in errors if err["type"] == "missing"}
    spelled: dict[tuple[Any, ...], str] = {}
    for err in errors:
        if err["type"] == "extra_forbidden":
            parent, name = err["loc"][:-1], str(err["loc"][-1])
            candidates = [str(loc[-1]) for loc in missing if loc[:-1] == parent]
            close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
            if close:
                missing.discard((*parent, close[0]))
                spelled[err["loc"]] = f"unknown field; did you mean {close[0]!r}? correct the spelling"
    return [Problem(label, rid, _location(err["loc"]), spelled.get(err["loc"]) or _message(err))
            for err in errors if err["type"] != "missing" or err["loc"] in missing]


def _record_id(raw: object, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return raw["id"]
    return f"#{index + 1}"


def _parse(path: Path, label: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """The YAML document in ``path`` and its node tree, or the problems that prevent reading it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [Problem(label, "-", "-", f"not UTF-8 text ({exc.reason} at byte {exc.start}); "
                                    "save the file as UTF-8")]
    except OSError as exc:
        return None, None, [Problem(label, "-", "-", f"cannot be read ({exc.strerror}); fix the file")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        problems = duplicate_keys(node, label) if node is not None else []
        return (loader.construct_document(node) if node is not None else None), node, problems
    except yaml.MarkedYAMLError as exc:
        return None, None, [yaml_problem(label, exc)]
    except (yaml.YAMLError, ValueError) as exc:
        message = f"malformed file: {exc}; fix the syntax".replace("\n", " ")
        return None, None, [Problem(label, "-", "-", message)]
    except RecursionError:
        return None, None, [Problem(label, "-", "-", "brackets or indentation nested too deeply to read; "
                                    "records are flat mappings with short lists, so fix the nesting")]
    finally:
        loader.dispose()


def _read_file(path: Path, label: str, rows: Rows, table: str) -> None:
    data, node, problems = _parse(path, label)
    rows.problems += problems
    if node is None and not problems:
        rows.problems.append(Problem(label, "-", "-", "the file holds no records; add records or delete it"))
        return
    if not isinstance(data, list):
        if not problems:
            rows.problems.append(Problem(label, "-", "-", "the file must hold a list of records (- id: ...)"))
        rows.mark_unread(table)
        return
    doubled = {p.record for p in problems}
    model = curated_model(table)
    links = links_of(table)
    for index, raw in enumerate(data):
        rid = _record_id(raw, index)
        if isinstance(node, yaml.SequenceNode) and index < len(node.value):
            rows.nodes.setdefault((label, rid), node.value[index])
        if not isinstance(raw, dict):
            rows.problems.append(Problem(label, rid, "-", "a record must be a mapping of fields (`id: ...`)"))
            rows.mark_unread(table)
            continue
        if rid in doubled:
            rows.mark_unread(table, rid)
            continue
        try:
            record = model.model_validate(raw)
        except pydantic.ValidationError as exc:
            rows.problems += _record_problems(exc.errors(), label, rid)
            rows.mark_unread(table, rid if rid != f"#{index + 1}" else None)
            continue
        _flatten(record, table, links, Origin(label, rid), rows)


def _flatten(record: pydantic.BaseModel, table: str, links: list, origin: Origin, rows: Rows) -> None:
    data = record.model_dump()
    for link in links:
        nesting = link.nesting
        items = data.pop(nesting.key)
        columns = nested_key_columns(link)
        for position, item in enumerate(items):
            row = {nesting.parent_field: record.id}  # type: ignore[attr-defined]
            if nesting.scalar is not None:
                row[nesting.scalar] = item
            else:
                row.update({columns[key]: value for key, value in item.items()})
            rows.add(link.name, row, Origin(origin.file, origin.record, f"{nesting.key}[{position}]"))
    rows.add(table, data, origin)


def read_curated(datasets: Path) -> Rows:
    """Read and record-validate every curated file under ``datasets``; never raises on bad data."""
    rows = Rows()
    files, rows.problems = curated_files(datasets)
    for problem in rows.problems:
        table = problem.file.split("/")[1] if problem.file.count("/") >= 2 else None
        if table in TABLES:
            rows.mark_unread(table)
    for table, path in files:
        _read_file(path, label(path, datasets), rows, table)
    fill_derived(rows.tables)
    return rows
