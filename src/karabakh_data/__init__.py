"""karabakh-data: a structured, sourced, versioned dataset of the 2020 Second Nagorno-Karabakh War.

>>> import karabakh_data as kd
>>> events = kd.load("events")
"""

from karabakh_data._version import __version__
from karabakh_data.citation import cite
from karabakh_data.loader import load, package, path, records, tables

__all__ = ["__version__", "cite", "load", "package", "path", "records", "tables"]
