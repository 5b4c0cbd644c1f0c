"""``build --check``: is the published package what the curated records produce?"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from karabakh_data.curation.build import Project, arrow_tables, load_valid_rows
from karabakh_data.curation.croissant import stale_croissant
from karabakh_data.curation.descriptor import package_descriptor, resource_descriptor
from karabakh_data.curation.generated import stale_generated
from karabakh_data.curation.validation.integrity import integrity_differences


def _without_file_facts(descriptor: dict[str, Any]) -> dict[str, Any]:
    copy = json.loads(json.dumps(descriptor))
    for resource in copy.get("resources", []):
        resource.pop("hash", None)
    return copy



def differences(project: Project) -> list[str]:
    """Everything that differs between the published package and a fresh build (empty: up to date).

    Tables are compared by content and schema (with metadata), so a different pyarrow version that
    encodes the same data differently does not count as stale.
    """
    published = project.published
    if not (published / "datapackage.json").exists():
        return [f"{published}/datapackage.json: not built"]
    expected = arrow_tables(load_valid_rows(project.datasets))
    problems = integrity_differences(published)
    for name, table in expected.items():
        path = published / f"{name}.parquet"
        if not path.exists():
            continue
        try:
            actual = pq.read_table(path)
        except (OSError, pa.ArrowException) as exc:
            problems.append(f"{name}.parquet: unreadable ({exc})")
            continue
        if not actual.schema.equals(table.schema, check_metadata=True):
            problems.append(f"{name}.parquet: schema differs from the definitions")
        elif not actual.equals(table):
            problems.append(f"{name}.parquet: rows differ from the curated records")
    descriptor = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    fresh = package_descriptor([resource_descriptor(name, "") for name in expected], expected["sources"])
    if _without_file_facts(descriptor) != _without_file_facts(fresh):
        problems.append("datapackage.json: metadata or schemas differ from the definitions")
    problems += stale_croissant(published)
    counts = {name: table.num_rows for name, table in expected.items()}
    problems += [f"{path}: stale generated file" for path in stale_generated(project.root, counts)]
    return problems
