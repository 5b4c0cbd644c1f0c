"""Which files under ``datasets/`` hold curated records, and every file or folder that cannot be read.

Nothing is skipped in silence: a file that is not YAML, a misspelt table folder, a dangling symlink or
one that leads out of ``datasets/`` is a problem, not a file quietly left out or followed.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from karabakh_data.errors import Problem
from karabakh_data.schema import CORE_TABLES

YAML_SUFFIXES = (".yaml", ".yml")
# Entries of datasets/ that are not table folders: the README and the package with its build leftovers.
NOT_TABLES = ("README.md", "published", "published.old")


def label(path: Path, datasets: Path) -> str:
    """How a path is named in problems: relative to the checkout, as the curator sees it."""
    root = datasets.parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _entry_problem(path: Path, datasets: Path) -> str | None:
    """Why a file in a table folder cannot be read, or None when it holds records to read."""
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return f"symlink to {target}, which does not exist; remove the link or restore its target"
        if not target.is_relative_to(datasets.resolve()):
            return (f"symlink to {target}, outside datasets/; its records would not be in the checkout, "
                    "so copy them into a file here instead")
    if path.is_dir():
        return "a folder inside a table folder is not read; move its YAML files up into the table folder"
    if path.suffix.lower() not in YAML_SUFFIXES:
        return (f"not a YAML file ({path.suffix or 'no extension'}), so its records would be ignored; "
                "write them as YAML in a .yaml file, or move the file out of datasets/")
    if not path.is_file():
        return "not a regular file; replace it with a YAML file"
    return None


def curated_files(datasets: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """(table name, path) of every curated YAML file, sorted, and the problems of everything else."""
    tables = [t.name for t in CORE_TABLES]
    files: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    if not datasets.is_dir():
        return files, [Problem(label(datasets, datasets), "-", "-", "no datasets/ folder; run in a checkout")]
    for entry in sorted(datasets.iterdir()):
        name = entry.name
        if name.startswith(".") or name in NOT_TABLES or (name in tables and entry.is_dir()
                                                           and not entry.is_symlink()):
            continue
        if name in tables:
            problems.append(Problem(label(entry, datasets), "-", "-", "a table folder must be a real folder, "
                                    "not a symlink or file; move the records into datasets/ itself"))
            continue
        close = difflib.get_close_matches(entry.stem, tables, n=1)
        hint = f"rename it to {close[0]}/" if close else f"tables are: {', '.join(tables)}"
        problems.append(Problem(label(entry, datasets), "-", "-",
                                f"not a table folder, so nothing in it would be read; {hint}, "
                                "or move it out of datasets/"))
    for table in tables:
        folder = datasets / table
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith("."):
                continue
            problem = _entry_problem(path, datasets)
            if problem is None:
                files.append((table, path))
            else:
                problems.append(Problem(label(path, datasets), "-", "-", problem))
    return files, problems
