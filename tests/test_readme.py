"""The Python examples of the README run as written."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 3


def _results(code: str) -> list[object]:
    """Run ``code``; the value of each expression statement in it, in order."""
    namespace: dict[str, object] = {}
    values = []
    for statement in ast.parse(code).body:
        if isinstance(statement, ast.Expr):
            values.append(eval(compile(ast.Expression(statement.value), str(README), "eval"), namespace))
        else:
            exec(compile(ast.Module([statement], []), str(README), "exec"), namespace)
    return values


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each example gives something: every value it shows is non-empty, and what it prints is too."""
    values = _results(code)
    assert values, "an example shows nothing"
    for value in values:
        if value is not None:
            assert len(value) > 0 if hasattr(value, "__len__") else bool(value), value  # type: ignore[arg-type]
    if any(value is None for value in values):  # print(...), .show(): the output is the result
        assert capsys.readouterr().out.strip()
