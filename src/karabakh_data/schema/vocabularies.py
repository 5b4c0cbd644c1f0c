"""Controlled vocabularies and the dataset's date scope."""

from __future__ import annotations

import datetime as dt

SCOPE_START = dt.date(2016, 4, 1)  # the April 2016 clashes are the earliest prelude the seeds describe
SCOPE_END = dt.date(2025, 12, 31)  # the seeds report events into late 2025 (the August 2025 summit, trials)
# A bound may reach the day the seeds were retrieved for this project, when a seed states no date of its own.
BOUND_END = dt.date(2026, 12, 31)
WAR_START = dt.date(2020, 9, 27)
WAR_END = dt.date(2020, 11, 10)

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"

# bounded: no date is stated; the record holds the earliest and latest dates it can have.
DATE_PRECISION = ("day", "month", "year", "approximate", "bounded")
# The belligerents: party_claim evidence is only for claims by them, their bodies and officials.
BELLIGERENTS = ("armenia", "artsakh", "azerbaijan")

SOURCE_KIND = (
    "encyclopedia", "ai_encyclopedia", "news", "wire_agency", "government", "military", "ngo", "igo",
    "osint", "think_tank", "academic", "social_media", "intelligence_service", "other",
)
AFFILIATION = (
    "armenia", "artsakh", "azerbaijan", "turkey", "russia", "iran", "georgia", "israel", "belarus",
    "france", "united_kingdom", "united_states", "canada", "syria", "pakistan", "serbia", "greece",
    "international", "independent", "unknown",
)
ACTOR_KIND = (
    "state", "de_facto_state", "armed_forces", "military_unit", "government_body",
    "non_state_armed_group", "pmc", "company", "igo", "ngo", "media", "person", "population_group",
    "political_party", "religious_body",
)
SIDE = ("armenia", "azerbaijan", "third_party", "mediator")
LOSS_SIDE = ("armenia", "azerbaijan", "third_party", "both", "unknown")
BENEFICIARY_SIDE = ("armenia", "azerbaijan")

PLACE_KIND = (
    "country", "region", "district", "city", "town", "village", "height", "infrastructure", "road",
    "river", "reservoir", "border_area", "military_site", "other",
)
CONTROL = ("artsakh", "armenia", "azerbaijan", "russian_peacekeepers", "iran", "georgia", "divided",
           "not_applicable", "unknown")
COORDINATE_PRECISION = ("geonames", "approximate", "region_centroid")

EVENT_KIND = (
    "battle", "offensive", "capture", "handover", "withdrawal", "shelling", "missile_strike",
    "drone_strike", "air_strike", "shootdown", "spillover", "ceasefire", "ceasefire_violation",
    "agreement", "peacekeeping_deployment", "domestic_measure", "diplomatic_act", "statement",
    "prisoner_exchange", "remains_exchange", "protest", "war_crime_incident", "military_exercise",
    "arms_delivery", "cyber_operation", "blockade", "humanitarian", "political_crisis", "trial",
    "disclosure", "other",
)
EVENT_ROLE = (
    "attacker", "target", "capturer", "loser", "claimant", "mediator", "signatory", "participant",
    "perpetrator", "victim", "issuer", "disputes", "accused",
)
EVIDENCE = (
    "party_claim", "unattributed_claim", "third_party_report", "independently_verified",
    "acknowledged_by_accused", "visually_confirmed", "estimate",
)

VICTIM_GROUP = ("military", "civilian", "foreign_fighter", "journalist", "peacekeeper", "mixed", "unknown")
MEASURE = (
    "killed", "wounded", "killed_or_wounded", "missing", "captured", "released", "bodies_recovered",
    "displaced", "returned", "remaining", "hospitalized", "deserted", "damaged", "destroyed",
)
UNIT = ("people", "houses", "buildings", "apartments", "facilities", "vehicles", "schools",
        "infrastructure_sites", "other")
QUALIFIER = ("exact", "at_least", "more_than", "about", "up_to", "fewer_than", "nearly", "range",
             "estimate")

EQUIPMENT_CATEGORY = (
    "all", "tank", "afv", "ifv", "apc", "artillery", "self_propelled_artillery", "mlrs", "air_defence",
    "radar", "aircraft", "helicopter", "uav", "truck_vehicle", "ballistic_missile_launcher",
    "command_post", "depot", "electronic_warfare", "engineering_vehicle", "anti_tank", "other",
)
EQUIPMENT_STATUS = ("destroyed", "damaged", "abandoned", "captured", "captured_then_lost", "downed",
                    "destroyed_or_damaged", "unspecified")

ALLEGATION_KIND = (
    "foreign_fighters", "military_personnel", "arms_supply", "arms_transit", "intelligence",
    "air_support", "command", "financing", "training", "volunteers", "weapon_use", "logistics", "other",
)
ALLEGATION_STATUS = ("unverified", "disputed", "denied", "corroborated", "partially_acknowledged",
                     "acknowledged")
STANCE = ("denial", "acknowledgement", "partial_acknowledgement", "corroboration", "refutation",
          "no_comment")

ARMS_CATEGORY = (
    "uav", "loitering_munition", "cluster_munition", "air_defence", "aircraft", "mlrs", "artillery",
    "ballistic_missile", "anti_tank_missile", "small_arms", "ammunition", "components", "armour",
    "electronic_warfare", "military_advisers", "unspecified",
)
TRANSFER_STATUS = ("delivered", "contracted", "reported", "alleged", "denied", "suspended", "halted")
DISAGREEMENT_KIND = ("date", "number", "actor", "place", "occurrence", "other")
