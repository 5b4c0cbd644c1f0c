"""karabakh-data: a structured, sourced, versioned dataset of the 2020 Second Nagorno-Karabakh War.

>>> import karabakh_data as kd
>>> events = kd.load("events")
"""

from karabakh_data._version import __version__
from karabakh_data.citation import cite
from karabakh_data.loader import load, package, path, records, tables
from karabakh_data.views import claims_over_time, disagreements, responses, timeline, when

__all__ = ["__version__", "cite", "claims_over_time", "disagreements", "load", "package", "path", "records",
           "responses", "tables", "timeline", "when"]
