"""Rules across rows and tables, on small datasets built for the purpose."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from karabakh_data.cli import main
from karabakh_data.curation.build import Project

ALLEGATION = """\
- id: al-test
  date_alleged: 2020-10-01
  date_precision: day
  alleged_by_id: armenia
  accused_id: turkey
  beneficiary_side: azerbaijan
  kind: military_personnel
  summary: Test allegation.
  cite: [{source: seed-000, locator: Turkey and Syrian National Army}]
"""
STATEMENT = """\
- id: st-test-{n}
  speaker_id: {who}
  date: {date}
  date_precision: day
  summary: Test statement {n}.
  answers: [{{allegation: al-test, stance: {stance}, basis: test{standing}}}]
  cite: [{{source: seed-004, locator: paragraph 3}}]
"""

STATUS_CASES = [
    ([], "unverified"),
    ([("azerbaijan-mod", "denial")], "denied"),
    ([("russia", "corroboration")], "corroborated"),
    ([("russia", "corroboration"), ("azerbaijan-mod", "denial")], "disputed"),
    ([("azerbaijan-mod", "denial"), ("recep-tayyip-erdogan", "partial_acknowledgement")],
     "partially_acknowledged"),
    ([("azerbaijan-mod", "denial"), ("recep-tayyip-erdogan", "acknowledgement")], "acknowledged"),
]


def _write(project: Project, statements: list[tuple[str, str]], date: str = "2020-10-02",
           standing: bool = False) -> None:
    (project.datasets / "allegations" / "zz-test.yaml").write_text(ALLEGATION)
    text = "".join(STATEMENT.format(n=n, who=who, stance=stance, date=date,
                                    standing=", standing: true" if standing else "")
                   for n, (who, stance) in enumerate(statements))
    (project.datasets / "statements" / "zz-test.yaml").write_text(text or "[]\n")


@pytest.mark.parametrize(("statements", "status"), STATUS_CASES)
def test_status_is_derived_from_the_statements(project: Project, statements: list, status: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _write(project, statements)
    assert main(["build", "--root", str(project.root)]) == 0, capsys.readouterr().err
    published = pq.read_table(project.published / "allegations.parquet").to_pylist()
    assert [row["status"] for row in published if row["id"] == "al-test"] == [status]


def test_a_typed_status_is_refused(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (project.datasets / "allegations" / "zz-test.yaml").write_text(ALLEGATION + "  status: denied\n")
    assert main(["validate", "--root", str(project.root)]) == 1
    assert "record 'al-test', field 'status'" in capsys.readouterr().err


def test_acknowledgement_by_a_third_party_is_refused(project: Project,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _write(project, [("russia", "acknowledgement")])
    assert main(["validate", "--root", str(project.root)]) == 1
    assert "record 'st-test-0', field 'answers[0].stance'" in capsys.readouterr().err


def test_an_earlier_statement_must_be_marked_standing(project: Project,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _write(project, [("azerbaijan-mod", "denial")], date="2020-09-30")
    assert main(["validate", "--root", str(project.root)]) == 1
    assert "record 'st-test-0', field 'answers[0].standing'" in capsys.readouterr().err
    _write(project, [("azerbaijan-mod", "denial")], date="2020-09-30", standing=True)
    assert main(["build", "--root", str(project.root)]) == 0, capsys.readouterr().err
    published = pq.read_table(project.published / "allegations.parquet").to_pylist()
    assert [row["status"] for row in published if row["id"] == "al-test"] == ["unverified"]


@pytest.mark.parametrize(("claimant", "evidence", "ok"), [
    ("azerbaijan-mod", "party_claim", True),
    ("russia", "party_claim", False),
    ("unattributed-reports", "party_claim", False),
    ("unattributed-reports", "unattributed_claim", True),
])
def test_party_claim_only_for_named_belligerents(project: Project, claimant: str, evidence: str, ok: bool,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    text = FIGURES.format(status="unspecified", total=5, note="").replace(
        "claimant_id: azerbaijan-mod", f"claimant_id: {claimant}").replace(
        "evidence: party_claim", f"evidence: {evidence}")
    (project.datasets / "equipment_losses" / "zz-test.yaml").write_text(text)
    assert main(["validate", "--root", str(project.root)]) == (0 if ok else 1)
    if not ok:
        assert "record 'eq-total', field 'evidence'" in capsys.readouterr().err


def _assert_figures(project: Project, text: str, ok: bool, field: str,
                    capsys: pytest.CaptureFixture[str]) -> None:
    """Validate equipment figures: accepted, or refused naming the total's ``field``."""
    (project.datasets / "equipment_losses" / "zz-test.yaml").write_text(text)
    assert main(["validate", "--root", str(project.root)]) == (0 if ok else 1)
    if not ok:
        assert f"record 'eq-total', field '{field}'" in capsys.readouterr().err


@pytest.mark.parametrize(("fields", "ok"), [
    ("  as_of: 2020-10-07\n  as_of_precision: day\n", True),
    ("  as_of_precision: bounded\n  as_of_earliest: 2020-09-27\n  as_of_latest: 2020-10-30\n", True),
    ("  as_of: 2020-10-07\n  as_of_precision: bounded\n  as_of_earliest: 2020-09-27\n"
     "  as_of_latest: 2020-10-30\n", False),
    ("  as_of_precision: bounded\n  as_of_earliest: 2020-10-30\n  as_of_latest: 2020-09-27\n", False),
    ("  as_of_precision: bounded\n", False),
    ("  as_of: 2020-10-07\n  as_of_precision: day\n  as_of_latest: 2020-10-30\n", False),
])
def test_undated_figures_carry_honest_bounds(project: Project, fields: str, ok: bool,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = FIGURES.format(status="unspecified", total=5, note="")
    text = text.replace("  as_of: 2020-10-07\n  as_of_precision: day\n", fields, 1)
    _assert_figures(project, text, ok, "as_of_precision", capsys)


def test_an_actor_cannot_be_its_own_ancestor(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (project.datasets / "actors" / "zz-test.yaml").write_text(
        "- {id: zz-a, name: A, kind: state, side: third_party, parent_id: zz-b, "
        "cite: [{source: seed-000, locator: x}]}\n"
        "- {id: zz-b, name: B, kind: state, side: third_party, parent_id: zz-a, "
        "cite: [{source: seed-000, locator: x}]}\n")
    assert main(["validate", "--root", str(project.root)]) == 1
    err = capsys.readouterr().err
    assert "record 'zz-a', field 'parent_id'" in err and "record 'zz-b', field 'parent_id'" in err


def test_a_record_can_be_a_version_in_several_disagreements(project: Project,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (project.datasets / "disagreements" / "zz-test.yaml").write_text(
        "- {id: dis-a, subject: A, kind: number, cite: [{source: seed-001, locator: x}]}\n"
        "- {id: dis-b, subject: B, kind: number, cite: [{source: seed-001, locator: x}]}\n")
    text = FIGURES.format(status="unspecified", total=5, note="")
    text = text.replace("  evidence: party_claim\n",
                        "  evidence: party_claim\n  disagreements: [dis-a, dis-b]\n")
    (project.datasets / "equipment_losses" / "zz-test.yaml").write_text(text)
    assert main(["build", "--root", str(project.root)]) == 0, capsys.readouterr().err
    links = pq.read_table(project.published / "equipment_loss_disagreements.parquet").to_pylist()
    assert {(r["equipment_loss_id"], r["disagreement_id"]) for r in links} == {
        (part, dis) for part in ("eq-total", "eq-part-a", "eq-part-b") for dis in ("dis-a", "dis-b")}


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
    _assert_figures(project, text, ok, "inconsistency", capsys)


def test_a_disagreement_needs_two_versions(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (project.datasets / "disagreements" / "zz-test.yaml").write_text(
        "- id: dis-test\n  subject: A test\n  kind: date\n"
        "  cite: [{source: seed-001, locator: x}]\n")
    assert main(["validate", "--root", str(project.root)]) == 1
    assert "record 'dis-test', field 'id'" in capsys.readouterr().err
