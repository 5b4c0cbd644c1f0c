"""The single source of truth: every field and table of the dataset."""

from karabakh_data.schema.model import Field, Nesting, Table
from karabakh_data.schema.tables import CITED_TABLES, CORE_TABLES, LINK_TABLES, TABLES

__all__ = ["CITED_TABLES", "CORE_TABLES", "LINK_TABLES", "TABLES", "Field", "Nesting", "Table"]
