"""How to cite the installed version of the dataset."""

from __future__ import annotations

from karabakh_data import metadata

FORMATS = ("text", "bibtex")


def cite(format: str = "text") -> str:
    """Citation of the installed dataset version, as plain text or BibTeX."""
    year = metadata.RELEASE_DATE.year
    if format == "text":
        return (f"karabakh-data contributors ({year}). {metadata.TITLE} (Version {metadata.VERSION}) "
                f"[Data set]. Released {metadata.RELEASE_DATE.isoformat()}. Data licensed CC BY-SA 4.0, "
                "compiled from Wikipedia and other sources listed in its sources table.")
    if format == "bibtex":
        key = f"karabakh_data_{metadata.VERSION.replace('.', '_')}"
        return (f"@misc{{{key},\n"
                f"  author = {{{{karabakh-data contributors}}}},\n"
                f"  title = {{{metadata.TITLE}}},\n"
                f"  year = {{{year}}},\n"
                f"  version = {{{metadata.VERSION}}},\n"
                f"  note = {{Data set, released {metadata.RELEASE_DATE.isoformat()}, CC BY-SA 4.0}}\n"
                "}")
    raise ValueError(f"unknown citation format {format!r}; choose one of {', '.join(FORMATS)}")
