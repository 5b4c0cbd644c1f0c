"""Line numbers for problems of curated records: the line of the field as the curator wrote it."""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from karabakh_data.errors import NO_RECORD, Problem

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _child(node: yaml.Node, part: str | int) -> tuple[int, yaml.Node] | None:
    """The line where ``part`` of ``node`` is written (a key's line, a list item's line) and its value."""
    if isinstance(part, int) and isinstance(node, yaml.SequenceNode) and part < len(node.value):
        item = node.value[part]
        return item.start_mark.line + 1, item
    if isinstance(part, str) and isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return key.start_mark.line + 1, value
    return None


def field_line(record: yaml.Node, field: str) -> int:
    """1-based line of ``field`` (``cite[0].source``) in ``record``, or of the deepest part found."""
    node, line = record, record.start_mark.line + 1
    for name, index in _PART.findall(field):
        found = _child(node, int(index) if index else name)
        if found is None:
            break
        line, node = found
    return line


def with_lines(problems: Iterable[Problem], records: dict[tuple[str, str], yaml.Node]) -> list[Problem]:
    """Each problem of a known record with ``file:line`` (the field's line, else the record's)."""
    located = []
    for problem in problems:
        node = records.get((problem.file, problem.record))
        if node is None or problem.record == NO_RECORD:
            located.append(problem)
            continue
        field = problem.field if problem.field != NO_RECORD else ""
        line = field_line(node, field)
        located.append(Problem(f"{problem.file}:{line}", problem.record, problem.field, problem.message))
    return located
