"""Package-level metadata written into datapackage.json and the citation."""

from __future__ import annotations

import datetime as dt

from karabakh_data._version import __version__

NAME = "karabakh-data"
TITLE = "karabakh-data: a structured, sourced dataset of the 2020 Second Nagorno-Karabakh War"
RELEASE_DATE = dt.date(2026, 11, 30)
DESCRIPTION = (
    "Events, reported casualty and equipment-loss figures, allegations of third-party involvement with "
    "their responses, and arms transfers of the 2020 Second Nagorno-Karabakh War (27 September - 10 "
    "November 2020), its prelude and aftermath, with the sources, actors and places they refer to. Every "
    "record cites where it was read; claims are attributed to their claimants; disagreements between "
    "sources are kept as separate, attributed records."
)
LICENSES = [
    {
        "name": "CC-BY-SA-4.0",
        "path": "https://creativecommons.org/licenses/by-sa/4.0/",
        "title": "Creative Commons Attribution-ShareAlike 4.0 (data)",
    }
]
CONTRIBUTORS = [{"title": "karabakh-data contributors", "roles": ["creator"]}]
KEYWORDS = ["Nagorno-Karabakh", "Armenia", "Azerbaijan", "Artsakh", "war", "conflict data", "2020"]
VERSION = __version__
