"""The single source of truth: every field and table of the dataset."""

from karabakh_data.schema.model import Field, Nesting, Table
from karabakh_data.schema.tables import (
    CITATIONS,
    CITED_TABLES,
    CORE_TABLES,
    LINK_TABLES,
    TABLES,
    VERSIONS,
    _check_registry,
)

_check_registry()  # a registry that contradicts itself fails at import, not in a build

__all__ = ["CITATIONS", "CITED_TABLES", "CORE_TABLES", "LINK_TABLES", "TABLES",
           "VERSIONS", "Field", "Nesting", "Table"]
