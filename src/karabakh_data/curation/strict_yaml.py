"""YAML checks PyYAML does not make: a key written twice in one mapping (PyYAML keeps the last value)."""

from __future__ import annotations

import yaml

from karabakh_data.errors import NO_RECORD, Problem


def _record_id(node: yaml.Node, index: int) -> str:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
                return value.value
    return f"#{index + 1}"


def _key_text(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else f"<{node.tag}>"


def duplicate_keys(document: yaml.Node, label: str) -> list[Problem]:
    """Every key written twice in one mapping, named by line, record id and the path of the field."""
    records = document.value if isinstance(document, yaml.SequenceNode) else [document]
    problems = []
    for index, record in enumerate(records):
        rid = _record_id(record, index)
        stack: list[tuple[yaml.Node, str]] = [(record, "")]
        while stack:  # iterative: deeply nested input must not exhaust the stack here
            node, path = stack.pop()
            if isinstance(node, yaml.SequenceNode):
                stack += [(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
            elif isinstance(node, yaml.MappingNode):
                first: dict[tuple[str, str], int] = {}
                for key, value in node.value:
                    name = _key_text(key)
                    field = f"{path}.{name}" if path else name
                    line = key.start_mark.line + 1
                    if (key.tag, name) in first:
                        problems.append(Problem(
                            f"{label}:{line}", rid, field,
                            f"key written twice (also on line {first[key.tag, name]}); keep one value"))
                    else:
                        first[key.tag, name] = line
                    stack.append((value, field))
    return problems


def yaml_problem(label: str, exc: Exception) -> Problem:
    """A YAML parse error as ``file:line:column: message`` (1-based, pointing at the offending mark)."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        reason = exc.problem or "malformed YAML"
        if exc.context:
            reason = f"{reason} ({exc.context}" + (
                f" at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
                if exc.context_mark is not None else ")")
        return Problem(f"{label}:{mark.line + 1}:{mark.column + 1}", NO_RECORD, NO_RECORD,
                       f"malformed file: {reason}; fix the YAML syntax there")
    return Problem(label, NO_RECORD, NO_RECORD, f"malformed file: {' '.join(str(exc).split())}")
