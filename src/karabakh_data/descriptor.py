"""The Frictionless data package descriptor (Data Package v2) of a build."""

from __future__ import annotations

from typing import Any

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


def package_descriptor(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole data package descriptor."""
    return {
        "$schema": PROFILE,
        "name": metadata.NAME,
        "title": metadata.TITLE,
        "description": metadata.DESCRIPTION,
        "version": metadata.VERSION,
        "created": f"{metadata.RELEASE_DATE.isoformat()}T00:00:00Z",
        "keywords": metadata.KEYWORDS,
        "licenses": metadata.LICENSES,
        "sources": metadata.SOURCES,
        "contributors": metadata.CONTRIBUTORS,
        "resources": resources,
    }
