"""The Frictionless data package descriptor (Data Package v2) of a build."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from karabakh_data import metadata
from karabakh_data.schema import TABLES
from karabakh_data.schema.table_schema import table_schema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def resource_descriptor(name: str, sha256: str) -> dict[str, Any]:
    """Descriptor of one published table.

    It declares the sha256 ``hash`` but not ``bytes``: frictionless 5 reads Parquet through pyarrow,
    never counts bytes, and so reports every declared byte count as wrong. ``karabakh-data validate``
    checks the hash of every file itself.
    """
    table = TABLES[name]
    return {
        "name": name,
        "type": "table",
        "path": f"{name}.parquet",
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "hash": f"sha256:{sha256}",
        "title": table.title,
        "description": table.description,
        "schema": table_schema(table),
    }


def seed_sources(sources: pa.Table) -> list[dict[str, Any]]:
    """The package's ``sources``: the seed documents, as the sources table records them."""
    seeds = [row for row in sources.to_pylist() if row["document"]]
    return [{"title": f"{row['publisher']}: {row['title']}" if row["publisher"] else row["title"]}
            for row in sorted(seeds, key=lambda r: r["id"])]


def package_descriptor(resources: list[dict[str, Any]], sources: pa.Table) -> dict[str, Any]:
    """The whole data package descriptor; ``sources`` is the published sources table."""
    return {
        "$schema": PROFILE,
        "name": metadata.NAME,
        "title": metadata.TITLE,
        "description": metadata.DESCRIPTION,
        "version": metadata.VERSION,
        "created": f"{metadata.RELEASE_DATE.isoformat()}T00:00:00Z",
        "keywords": metadata.KEYWORDS,
        "licenses": metadata.LICENSES,
        "sources": seed_sources(sources),
        "contributors": metadata.CONTRIBUTORS,
        "resources": resources,
    }
