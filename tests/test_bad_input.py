"""Bad curated input: one clear message naming file, record and field; exit 1; nothing published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from karabakh_data.cli import main
from karabakh_data.curation.build import Project

GOOD_EVENT = """\
- id: ev-2020-09-27-test
  date_start: 2020-09-27
  date_end: 2020-09-27
  date_precision: day
  kind: battle
  title: A test event
  description: Used only by the tests.
  evidence: third_party_report
  cite: [{source: seed-002, locator: Course of the war}]
"""

CASES = {
    "unknown field": (GOOD_EVENT + "  colour: red\n", "ev-2020-09-27-test", "colour", "Extra inputs"),
    "wrong type": (GOOD_EVENT.replace("kind: battle", "kind: [battle]"), "ev-2020-09-27-test", "kind",
                   "Input should be"),
    "impossible date": (GOOD_EVENT.replace("date_end: 2020-09-27", "date_end: 2020-09-31"),
                        "ev-2020-09-27-test", "date_end", "date"),
    "date out of scope": (GOOD_EVENT.replace("date_end: 2020-09-27", "date_end: 2031-01-01"),
                          "ev-2020-09-27-test", "date_end", "less than or equal"),
    "dates reversed": (GOOD_EVENT.replace("date_start: 2020-09-27", "date_start: 2020-09-28"),
                       "ev-2020-09-27-test", "date_end", "date_end is before date_start"),
    "duplicate id": (GOOD_EVENT + GOOD_EVENT, "ev-2020-09-27-test", "id", "duplicate key"),
    "dangling reference": (GOOD_EVENT + "  place_id: atlantis\n", "ev-2020-09-27-test", "place_id",
                           "'atlantis'"),
    "dangling citation": (GOOD_EVENT.replace("seed-002", "seed-999"), "ev-2020-09-27-test", "cite[0].source",
                          "'seed-999'"),
    "no citation": (GOOD_EVENT.replace("  cite: [{source: seed-002, locator: Course of the war}]\n", ""),
                    "ev-2020-09-27-test", "id", "cites no source"),
    "malformed file": ("- id: [unclosed\n", "-", "-", "malformed file"),
    "not a list": ("id: ev-x\n", "-", "-", "must hold a list"),
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_and_nothing_is_published(
    case: str, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    text, record, field, message = CASES[case]
    (project.datasets / "events" / "zz-test.yaml").write_text(text)
    before = _snapshot(project.published)
    assert main(["build", "--root", str(project.root)]) == 1
    err = capsys.readouterr().err
    place = r"datasets/events/zz-test\.yaml(:\d+(:\d+)?)?"
    expected = re.compile(place if record == "-" else
                          rf"{place}, record {re.escape(repr(record))}, field {re.escape(repr(field))}: ")
    lines = [line for line in err.splitlines() if expected.search(line)]
    assert lines, err
    assert any(message in line for line in lines), err
    assert _snapshot(project.published) == before
    assert main(["validate", "--root", str(project.root)]) == 1


def test_every_problem_is_reported_in_one_run(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (project.datasets / "events" / "zz-a.yaml").write_text(CASES["unknown field"][0])
    (project.datasets / "events" / "zz-b.yaml").write_text(CASES["malformed file"][0])
    assert main(["build", "--root", str(project.root)]) == 1
    err = capsys.readouterr().err
    assert "zz-a.yaml" in err and "zz-b.yaml" in err


def test_a_good_record_builds(project: Project) -> None:
    (project.datasets / "events" / "zz-test.yaml").write_text(GOOD_EVENT)
    assert main(["build", "--root", str(project.root)]) == 0


@pytest.mark.parametrize(("text", "line", "field", "message"), [
    (GOOD_EVENT.replace("  title:", "  titel:"), 6, "titel", "did you mean 'title'?"),
    (GOOD_EVENT.replace("{source: seed-002", "{sourse: seed-002"), 9, "cite[0].sourse",
     "did you mean 'source'?"),
    (GOOD_EVENT.replace("date_end: 2020-09-27", "date_end: 2020-09-31"), 3, "date_end", "YYYY-MM-DD"),
    (GOOD_EVENT.replace("seed-002", "seed-999"), 9, "cite[0].source", "'seed-999'"),
    (GOOD_EVENT + GOOD_EVENT.replace("-test", "-other").replace("kind: battle", "kind: battel"), 14, "kind",
     "use one of the listed values"),
])
def test_a_record_problem_names_the_line_and_only_the_root_cause(
    text: str, line: int, field: str, message: str, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.datasets / "events" / "zz-test.yaml").write_text(text)
    assert main(["build", "--root", str(project.root)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") <= 1, err  # one problem, not a follow-on "field required" as well
    assert f"datasets/events/zz-test.yaml:{line}, record " in err, err
    assert f"field {field!r}: " in err and message in err, err
