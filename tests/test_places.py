"""Places: GeoNames precision and the famous spellings."""

from __future__ import annotations

import karabakh_data as kd

# GeoNames ids and coordinates are checked by the build itself (curation.validation.dataset), so the
# published package cannot disagree with GeoNames; tests/test_faults.py breaks them on purpose.


def test_geonames_precision_needs_a_geonames_id() -> None:
    places = kd.load("places")
    assert places.query("coordinate_precision == 'geonames' and geonames_id.isna()", engine="python").empty


def test_famous_spellings_are_aliases() -> None:
    aliases = kd.load("place_aliases")
    names = set(aliases["alias"]) | set(kd.load("places")["name"])
    for pair in (("Shusha", "Shushi"), ("Stepanakert", "Khankendi")):  # both spellings are in the seeds
        assert set(pair) <= names, pair
