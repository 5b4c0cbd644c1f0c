"""Validation problems, each naming the file, record id and field, root causes first."""

from __future__ import annotations

from dataclasses import dataclass

NO_RECORD = "-"  # a problem of the whole file (it could not be read), not of one record


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the curated records or a data package."""

    file: str
    record: str
    field: str
    message: str

    @property
    def whole_file(self) -> bool:
        """True when the problem concerns the whole file, so its records are all missing."""
        return self.record == NO_RECORD

    def __str__(self) -> str:
        where = [self.file]
        if self.record != NO_RECORD:
            where.append(f"record {self.record!r}")
        if self.field != NO_RECORD:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.message}"



def _order(problem: Problem) -> tuple[bool, Problem]:
    return (not problem.whole_file, problem)


class ValidationFailed(Exception):
    """Raised with every problem found, so one run reports them all; root causes come first."""

    def __init__(self, problems: list[Problem], what: str = "the curated records") -> None:
        self.problems = sorted(set(problems), key=_order)
        self.what = what
        super().__init__(self.report())

    def report(self) -> str:
        if len(self.problems) == 1:
            return f"1 problem in {self.what}: {self.problems[0]}"
        lines = [f"{len(self.problems)} problem(s) in {self.what}:"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)
