"""Rules across rows and tables, on small datasets built for the purpose."""

from __future__ import annotations

import pytest

from karabakh_data.build import Project
from karabakh_data.cli import main

ALLEGATION = """\
- id: al-test
  date_alleged: 2020-10-01
  date_precision: day
  alleged_by_id: armenia
  accused_id: turkey
  beneficiary_side: azerbaijan
  kind: military_personnel
  summary: Test allegation.
  status: {status}
  cite: [{{source: seed-000, locator: Turkey and Syrian National Army}}]
"""
RESPONSE = """\
- id: re-test-{n}
  allegation_id: al-test
  responder_id: {who}
  stance: {stance}
  summary: Test response.
  cite: [{{source: seed-004, locator: paragraph 3}}]
"""

STATUS_CASES = [
    ([], "unverified"),
    ([("azerbaijan-mod", "denial")], "denied"),
    ([("russia", "corroboration")], "corroborated"),
    ([("russia", "corroboration"), ("azerbaijan-mod", "denial")], "disputed"),
    ([("azerbaijan-mod", "denial"), ("recep-tayyip-erdogan", "acknowledgement")], "acknowledged"),
]


def _write(project: Project, status: str, responses: list[tuple[str, str]]) -> None:
    (project.datasets / "allegations" / "zz-test.yaml").write_text(ALLEGATION.format(status=status))
    text = "".join(RESPONSE.format(n=n, who=who, stance=stance) for n, (who, stance) in enumerate(responses))
    (project.datasets / "allegation_responses" / "zz-test.yaml").write_text(text or "[]\n")


@pytest.mark.parametrize(("responses", "status"), STATUS_CASES)
def test_status_follows_from_responses(project: Project, responses: list, status: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    _write(project, status, responses)
    assert main(["validate", "--root", str(project.root)]) == 0, capsys.readouterr().err
    for wrong in {"unverified", "denied", "corroborated", "disputed", "acknowledged"} - {status}:
        _write(project, wrong, responses)
        assert main(["validate", "--root", str(project.root)]) == 1
        assert "record 'al-test', field 'status'" in capsys.readouterr().err


def test_acknowledgement_by_a_third_party_is_refused(project: Project,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _write(project, "unverified", [("russia", "acknowledgement")])
    assert main(["validate", "--root", str(project.root)]) == 1
    assert "record 're-test-0', field 'stance'" in capsys.readouterr().err


FIGURES = """\
- id: eq-total
  claimant_id: azerbaijan-mod
  owner_side: armenia
  category: tank
  status: {status}
  count_best: {total}
  qualifier: exact
  as_of: 2020-10-07
  as_of_precision: day
  evidence: party_claim
{note}  cite: [{{source: seed-001, locator: Casualties}}]
- id: eq-part-a
  claimant_id: azerbaijan-mod
  owner_side: armenia
  category: tank
  status: destroyed
  count_best: 2
  qualifier: exact
  as_of: 2020-10-07
  as_of_precision: day
  part_of_id: eq-total
  evidence: party_claim
  cite: [{{source: seed-001, locator: Casualties}}]
- id: eq-part-b
  claimant_id: azerbaijan-mod
  owner_side: armenia
  category: tank
  status: captured
  count_best: 3
  qualifier: exact
  as_of: 2020-10-07
  as_of_precision: day
  part_of_id: eq-total
  evidence: party_claim
  cite: [{{source: seed-001, locator: Casualties}}]
"""


@pytest.mark.parametrize(("total", "note", "ok"), [
    (5, "", True),
    (6, "", False),
    (6, "  inconsistency: parts sum to 5, total stated 6\n", True),
    (5, "  inconsistency: a stale note\n", False),
])
def test_breakdowns_add_up_or_are_documented(project: Project, total: int, note: str, ok: bool,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = FIGURES.format(status="unspecified", total=total, note=note)
    (project.datasets / "equipment_losses" / "zz-test.yaml").write_text(text)
    assert main(["validate", "--root", str(project.root)]) == (0 if ok else 1)
    if not ok:
        assert "record 'eq-total', field 'inconsistency'" in capsys.readouterr().err


def test_a_disagreement_needs_two_versions(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (project.datasets / "disagreements" / "zz-test.yaml").write_text(
        "- id: dis-test\n  subject: A test\n  kind: date\n"
        "  cite: [{source: seed-001, locator: x}]\n")
    assert main(["validate", "--root", str(project.root)]) == 1
    assert "record 'dis-test', field 'id'" in capsys.readouterr().err
