"""How to cite the installed version of the dataset: plain text, APA, BibTeX and CITATION.cff."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from karabakh_data import metadata
from karabakh_data.schema.model import iso

FORMATS = ("text", "apa", "bibtex", "cff")
AUTHOR = "karabakh-data contributors"
REPOSITORY_NOTE = "Data licensed CC BY-SA 4.0; code MIT."


def _apa() -> str:
    return (f"{AUTHOR}. ({metadata.RELEASE_DATE.year}). {metadata.TITLE} (Version {metadata.VERSION}) "
            f"[Data set]. Released {metadata.RELEASE_DATE.isoformat()}.")


def _bibtex() -> str:
    key = f"karabakh_data_{metadata.VERSION.replace('.', '_')}"
    return (f"@misc{{{key},\n"
            f"  author = {{{{{AUTHOR}}}}},\n"
            f"  title = {{{metadata.TITLE}}},\n"
            f"  year = {{{metadata.RELEASE_DATE.year}}},\n"
            f"  version = {{{metadata.VERSION}}},\n"
            f"  note = {{Data set, released {metadata.RELEASE_DATE.isoformat()}. {REPOSITORY_NOTE}}}\n"
            "}")


def cff_fields() -> dict[str, Any]:
    """Citation File Format 1.2.0 fields for this version, as a user's own CITATION.cff would hold."""
    return {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite the version you used as below.",
        "type": "dataset",
        "title": metadata.TITLE,
        "version": metadata.VERSION,
        "date-released": metadata.RELEASE_DATE,
        "authors": [{"name": AUTHOR}],
        "license": "CC-BY-SA-4.0",
        "abstract": metadata.DESCRIPTION,
        "keywords": list(metadata.KEYWORDS),
    }


def _scalar(value: Any) -> str:
    # A JSON string is a valid YAML double-quoted scalar, so quoting is exact without a YAML library.
    return str(iso(value)) if isinstance(value, dt.date) else json.dumps(value, ensure_ascii=False)


def cff_content() -> str:
    """``cff_fields()`` as YAML in block style (the loader needs no YAML library to write it)."""
    lines = []
    for key, value in cff_fields().items():
        if not isinstance(value, list):
            lines.append(f"{key}: {_scalar(value)}")
            continue
        lines.append(f"{key}:")
        for item in value:
            if isinstance(item, dict):
                marks = ["- ", *["  "] * (len(item) - 1)]
                pairs = zip(marks, item.items(), strict=True)
                lines += [f"  {mark}{k}: {_scalar(v)}" for mark, (k, v) in pairs]
            else:
                lines.append(f"  - {_scalar(item)}")
    return "\n".join(lines) + "\n"


def cite(format: str = "text") -> str:
    """Citation of the installed dataset version: text, apa, bibtex or cff."""
    if format == "text":
        return f"{_apa()} {REPOSITORY_NOTE} Compiled from the sources listed in its sources table."
    if format == "apa":
        return _apa()
    if format == "bibtex":
        return _bibtex()
    if format == "cff":
        return cff_content().rstrip("\n")
    raise ValueError(f"unknown citation format {format!r}; choose one of {', '.join(FORMATS)}")
