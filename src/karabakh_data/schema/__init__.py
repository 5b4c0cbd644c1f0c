"""The single source of truth: every field and table of the dataset."""

from karabakh_data.schema.model import Field, Nesting, Table
from karabakh_data.schema.tables import (
    CITATIONS,
    CITED_TABLES,
    CORE_TABLES,
    LINK_TABLES,
    TABLES,
    VERSIONED_TABLES,
    VERSIONS,
)

__all__ = ["CITATIONS", "CITED_TABLES", "CORE_TABLES", "LINK_TABLES", "TABLES", "VERSIONED_TABLES",
           "VERSIONS", "Field", "Nesting", "Table"]
