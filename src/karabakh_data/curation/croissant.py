"""Croissant metadata (schema.org Dataset with record sets) generated from the field registry.

Written by the build as ``croissant.json`` beside ``datapackage.json``, so dataset search engines and ML
tooling (``mlcroissant``, Hugging Face, Kaggle) can find and load the tables. It is a pure function of
the data-package descriptor, so ``build --check`` can tell whether it is fresh.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from karabakh_data import metadata
from karabakh_data.schema import TABLES, Table
from karabakh_data.schema.vocabularies import SCOPE_END, SCOPE_START

FILENAME = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
REPOSITORY = "https://github.com/karabakh-data/karabakh-data"
_DATA_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "number": "sc:Float", "boolean": "sc:Boolean",
               "date": "sc:Date"}
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def _field(table: Table, name: str) -> dict[str, Any]:
    f = table.field(name)
    entry: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table.name}/{f.name}",
        "name": f.name,
        "description": f.description + (f" Allowed values: {', '.join(f.enum)}." if f.enum else ""),
        "dataType": _DATA_TYPES[f.type],
        "source": {"fileObject": {"@id": f"{table.name}.parquet"}, "extract": {"column": f.name}},
    }
    if f.reference is not None and f.reference[0] != table.name:  # a self-reference is a cycle to loaders
        target, column = f.reference
        entry["references"] = {"field": {"@id": f"{target}/{column}"}}
    return entry


def _record_set(table: Table) -> dict[str, Any]:
    key = [{"@id": f"{table.name}/{k}"} for k in table.primary_key]
    return {
        "@type": "cr:RecordSet",
        "@id": table.name,
        "name": table.name,
        "description": f"{table.title}: {table.description}",
        "key": key[0] if len(key) == 1 else key,
        "field": [_field(table, name) for name in table.field_names],
    }


def _file_object(resource: dict[str, Any]) -> dict[str, Any]:
    return {
        "@type": "cr:FileObject",
        "@id": resource["path"],
        "name": resource["path"],
        "description": resource.get("description", resource["name"]),
        "contentUrl": resource["path"],
        "encodingFormat": "application/x-parquet",
        "sha256": str(resource["hash"]).removeprefix("sha256:"),
    }


def croissant(descriptor: dict[str, Any]) -> dict[str, Any]:
    """Croissant 1.0 JSON-LD for the package described by ``descriptor`` (its datapackage.json)."""
    from karabakh_data.citation import cite

    resources = {r["name"]: r for r in descriptor["resources"]}
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": metadata.NAME,
        "alternateName": metadata.TITLE,
        "description": metadata.DESCRIPTION,
        "version": metadata.VERSION,
        "datePublished": metadata.RELEASE_DATE.isoformat(),
        "license": metadata.LICENSES[0]["path"],
        "url": REPOSITORY,
        "citeAs": cite("bibtex"),
        "creator": [{"@type": "sc:Organization", "name": c["title"]} for c in metadata.CONTRIBUTORS],
        "keywords": metadata.KEYWORDS,
        "inLanguage": "en",
        "temporalCoverage": f"{SCOPE_START.isoformat()}/{SCOPE_END.isoformat()}",
        "spatialCoverage": "Nagorno-Karabakh, Armenia and Azerbaijan",
        "distribution": [_file_object(resources[name]) for name in TABLES if name in resources],
        "recordSet": [_record_set(table) for name, table in TABLES.items() if name in resources],
    }


def croissant_text(descriptor: dict[str, Any]) -> str:
    """The text of croissant.json (stable, so freshness is a text comparison)."""
    return json.dumps(croissant(descriptor), indent=2, ensure_ascii=False) + "\n"


def write_croissant(folder: Path) -> Path:
    """Write croissant.json beside the datapackage.json in ``folder``."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    path = folder / FILENAME
    path.write_text(croissant_text(descriptor), encoding="utf-8")
    return path


def stale_croissant(folder: Path) -> list[str]:
    """``croissant.json`` if it is missing or not what the descriptor in ``folder`` produces."""
    path = folder / FILENAME
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    if not path.exists() or path.read_text(encoding="utf-8") != croissant_text(descriptor):
        return [f"{FILENAME}: stale or missing; run `karabakh-data build`"]
    return []
