"""One style for the curated YAML: block collections, keys in the registry's order, lines of 110.

``karabakh-data format`` rewrites the files; ``format --check`` (run by CI) lists the ones that differ.
Comments are kept: the formatter is built on ruamel.yaml's round-trip mode.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from karabakh_data.curation.models import links_of
from karabakh_data.schema import TABLES

WIDTH = 110


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.preserve_quotes = False
    return yaml


def key_order(table: str) -> list[str]:
    """Keys of a curated record in canonical order: fields as the registry lists them, then link lists."""
    fields = [f.name for f in TABLES[table].fields if not f.derived]
    return fields + [link.nesting.key for link in links_of(table) if link.nesting]


def _ordered(node: Any, order: list[str] | None) -> Any:
    if isinstance(node, CommentedMap):
        keys = list(node)
        rank = {k: i for i, k in enumerate(order or [])}
        keys.sort(key=lambda k: rank.get(k, len(rank)))
        fresh = CommentedMap()
        for key in keys:
            fresh[key] = _ordered(node[key], None)
        fresh.ca.items.update(node.ca.items)
        fresh.ca.comment = node.ca.comment
        fresh.fa.set_block_style()
        return fresh
    if isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = _ordered(item, order)
        node.fa.set_block_style()
    return node


def format_text(text: str, table: str) -> str:
    """``text`` (a curated file of ``table``) in the house style."""
    yaml = _yaml()
    data = yaml.load(text)
    if data is None:
        return text
    data = _ordered(data, key_order(table))
    out = io.StringIO()
    yaml.dump(data, out)
    # ruamel leaves a space where it folds a long plain scalar; folding ignores it, so drop it.
    formatted = "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
    if _plain(formatted) != _plain(text):
        raise ValueError("formatting would change the records' content; the file was left as it is")
    return formatted


def _plain(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def curated_files(datasets: Path) -> list[tuple[Path, str]]:
    """Every curated YAML file under ``datasets`` with the table it belongs to."""
    return [(path, table) for table in TABLES if (datasets / table).is_dir()
            for path in sorted((datasets / table).glob("*.yaml"))]


def _texts(path: Path, table: str) -> tuple[str, str]:
    """The text of ``path`` and its text in the house style; ValueError naming the file when it cannot be
    read or formatted (the build reports the same files' problems in full)."""
    try:
        text = path.read_text(encoding="utf-8")
        return text, format_text(text, table)
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ValueError(f"{where}: cannot be formatted ({problem}); fix the file first "
                         "(`karabakh-data validate` lists its problems)") from None
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


def unformatted(paths: list[tuple[Path, str]]) -> list[Path]:
    """The files among (path, table) whose text is not in the house style."""
    return [path for path, table in paths if len(set(_texts(path, table))) > 1]


def format_files(paths: list[tuple[Path, str]]) -> list[Path]:
    """Rewrite the files that are not in the house style; returns the rewritten ones."""
    changed = []
    for path, table in paths:
        text, formatted = _texts(path, table)
        if formatted != text:
            path.write_text(formatted, encoding="utf-8")
            changed.append(path)
    return changed
