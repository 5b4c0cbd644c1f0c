"""Controlled vocabularies and the dataset's date scope."""

from __future__ import annotations

import datetime as dt

SCOPE_START = dt.date(1850, 1, 1)  # the seeds recount the conflict's history from 19th-century censuses on
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
    "international", "not_stated",
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
             "estimate", "unquantified")

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
          "questions_evidence", "no_comment")

ARMS_CATEGORY = (
    "uav", "loitering_munition", "cluster_munition", "air_defence", "aircraft", "mlrs", "artillery",
    "ballistic_missile", "anti_tank_missile", "small_arms", "ammunition", "components", "armour",
    "electronic_warfare", "military_advisers", "unspecified",
)
TRANSFER_STATUS = ("delivered", "contracted", "reported", "alleged", "denied", "suspended", "halted")
DISAGREEMENT_KIND = ("date", "number", "actor", "place", "occurrence", "other")

# Plain-word label and one-line definition of every vocabulary value, for the Table Schemas, the Parquet
# field metadata, the data dictionary, Datasette and the figures. A value shared by several vocabularies
# means the same in each unless MEANINGS below gives it another meaning in one of them.
LABELS: dict[str, tuple[str, str]] = {
    # dates
    "day": ("exact day", "The day is known."),
    "month": ("month only", "Only the month is stated; the date holds its first day."),
    "year": ("year only", "Only the year is stated; the date holds 1 January."),
    "bounded": ("bounded", "No date is stated: the record gives the earliest and latest dates it can have."),
    "approximate": ("approximate", "Around the date or point given, not exactly."),
    # sources
    "encyclopedia": ("encyclopedia", "A general encyclopedia article, such as Wikipedia."),
    "ai_encyclopedia": ("AI-written encyclopedia", "An encyclopedia article written by a language model."),
    "news": ("news outlet", "A newspaper, broadcaster or news website."),
    "wire_agency": ("news agency", "A wire service such as Reuters, AP or AFP."),
    "government": ("government", "A government, ministry or official body."),
    "military": ("military", "Armed forces or defence ministry."),
    "ngo": ("non-governmental organisation", "A human-rights, humanitarian or advocacy organisation."),
    "igo": ("intergovernmental organisation", "An organisation of states, such as the UN or the OSCE."),
    "osint": ("open-source investigators", "Analysts working from public images and data, such as Oryx."),
    "think_tank": ("think tank", "A policy research institute."),
    "academic": ("academic", "A university, journal or scholar."),
    "social_media": ("social media", "A post on a social network."),
    "intelligence_service": ("intelligence service", "A state intelligence agency."),
    "other": ("other", "None of the other values fits."),
    # affiliations, sides and control
    "armenia": ("Armenia", "Armenia."),
    "artsakh": ("Artsakh", "The de facto Republic of Artsakh (Nagorno-Karabakh Republic)."),
    "azerbaijan": ("Azerbaijan", "Azerbaijan."),
    "turkey": ("Turkey", "Turkey."),
    "russia": ("Russia", "Russia."),
    "iran": ("Iran", "Iran."),
    "georgia": ("Georgia", "Georgia."),
    "israel": ("Israel", "Israel."),
    "belarus": ("Belarus", "Belarus."),
    "france": ("France", "France."),
    "united_kingdom": ("United Kingdom", "The United Kingdom."),
    "united_states": ("United States", "The United States."),
    "canada": ("Canada", "Canada."),
    "syria": ("Syria", "Syria."),
    "pakistan": ("Pakistan", "Pakistan."),
    "serbia": ("Serbia", "Serbia."),
    "greece": ("Greece", "Greece."),
    "international": ("international", "An international body not tied to one state."),
    "not_stated": ("not stated", "No seed ties the source to a state or camp (not a claim of independence)."),
    "unknown": ("unknown", "The sources do not say."),
    "third_party": ("third parties", "Neither Armenia nor Azerbaijan: other states, foreigners, observers."),
    "mediator": ("mediator", "A party mediating between the sides."),
    "both": ("both sides together", "A figure covering the losses of both sides at once."),
    "russian_peacekeepers": ("Russian peacekeepers", "The Russian peacekeeping contingent."),
    "divided": ("divided", "Control was split between the sides."),
    "not_applicable": ("not applicable", "Control does not apply (a country, a river, a region abroad)."),
    # actors
    "state": ("state", "A recognised state."),
    "de_facto_state": ("de facto state", "An unrecognised state exercising control, such as Artsakh."),
    "armed_forces": ("armed forces", "A state's armed forces as a whole."),
    "military_unit": ("military unit", "A unit, formation or service within armed forces."),
    "government_body": ("government body", "A ministry, agency, parliament or office."),
    "non_state_armed_group": ("non-state armed group", "An armed group not part of a state's forces."),
    "pmc": ("private military company", "A company providing fighters or military services."),
    "company": ("company", "A business, such as an arms manufacturer."),
    "media": ("media", "A media organisation."),
    "person": ("person", "An individual."),
    "population_group": ("population group", "A group of people, such as residents of a town."),
    "political_party": ("political party", "A political party or movement."),
    "religious_body": ("religious body", "A church or religious organisation."),
    # places
    "country": ("country", "A country."),
    "region": ("region", "A historical or administrative region larger than a district."),
    "district": ("district", "An administrative district (rayon or province)."),
    "city": ("city", "A city."),
    "town": ("town", "A town."),
    "village": ("village", "A village."),
    "height": ("height", "A hill, mountain or strategic height."),
    "infrastructure": ("infrastructure", "A dam, bridge, pipeline, power plant or similar."),
    "road": ("road", "A road or corridor."),
    "river": ("river", "A river."),
    "reservoir": ("reservoir", "A reservoir or lake."),
    "border_area": ("border area", "A stretch of a border."),
    "military_site": ("military site", "A base, airfield or position."),
    "geonames": ("GeoNames point", "Coordinates of the GeoNames entry for the place."),
    "region_centroid": ("centre of the region", "The centre of the district or region, not the place."),
    # events
    "battle": ("battle", "Fighting at a place."),
    "offensive": ("offensive", "A military offensive over days or weeks."),
    "capture": ("capture", "A side took control of a place."),
    "handover": ("handover", "A place handed over under an agreement."),
    "withdrawal": ("withdrawal", "Forces withdrew from a place."),
    "shelling": ("shelling", "Artillery or rocket fire on a place."),
    "missile_strike": ("missile strike", "A strike with ballistic or cruise missiles."),
    "drone_strike": ("drone strike", "A strike by an armed drone or loitering munition."),
    "air_strike": ("air strike", "A strike by aircraft."),
    "shootdown": ("shootdown", "An aircraft or drone shot down."),
    "spillover": ("spillover", "Fire or fighting reaching a third country."),
    "ceasefire": ("ceasefire", "A ceasefire announced or agreed."),
    "ceasefire_violation": ("ceasefire violation", "A breach of a ceasefire, as reported."),
    "agreement": ("agreement", "A signed agreement or statement of the parties."),
    "peacekeeping_deployment": ("peacekeeping deployment", "Peacekeepers deployed or moved."),
    "domestic_measure": ("domestic measure", "Martial law, mobilisation, a dismissal or similar at home."),
    "diplomatic_act": ("diplomatic act", "A diplomatic step: a visit, a recall, a resolution."),
    "statement": ("statement", "A public statement."),
    "prisoner_exchange": ("prisoner exchange", "Prisoners of war exchanged or returned."),
    "remains_exchange": ("exchange of remains", "Bodies of the dead exchanged or returned."),
    "protest": ("protest", "A demonstration or protest."),
    "war_crime_incident": ("alleged war crime", "An incident reported as a war crime."),
    "military_exercise": ("military exercise", "A military exercise."),
    "arms_delivery": ("arms delivery", "Weapons delivered."),
    "cyber_operation": ("cyber operation", "A hacking or cyber attack."),
    "blockade": ("blockade", "A road or supply blockade."),
    "humanitarian": ("humanitarian", "Aid, evacuation or a humanitarian situation."),
    "trial": ("trial", "Criminal proceedings or a court case."),
    "disclosure": ("disclosure", "A leak or publication of documents that reveals something."),
    "political_crisis": ("political crisis", "A government crisis or unrest."),
    # event roles
    "attacker": ("attacker", "The actor who attacked."),
    "target": ("target", "The actor attacked."),
    "capturer": ("capturer", "The actor who took the place."),
    "loser": ("loser", "The actor who lost the place."),
    "claimant": ("claimant", "The actor who claims the event happened as described."),
    "signatory": ("signatory", "An actor who signed."),
    "participant": ("participant", "An actor who took part."),
    "perpetrator": ("perpetrator", "The actor said to have committed it."),
    "victim": ("victim", "The actor who suffered it."),
    "issuer": ("issuer", "The actor who issued the statement or measure."),
    "disputes": ("disputes it", "An actor who denies or disputes the account."),
    "accused": ("accused", "An actor accused of it."),
    # evidence
    "unattributed_claim": ("unattributed claim", "Reported without naming who made the claim."),
    "party_claim": ("claim by a party", "Stated by a side of the war or an official of it."),
    "third_party_report": ("third-party report", "Reported by a third party: media, NGOs, other states."),
    "independently_verified": ("independently verified", "Checked by an independent body."),
    "acknowledged_by_accused": ("acknowledged by the accused", "Admitted by the actor it was alleged of."),
    "visually_confirmed": ("visually confirmed", "Confirmed from photographs or video, as by Oryx."),
    "unquantified": ("no number", "The source gives the amount in words only; see count_words."),
    "estimate": ("estimate", "An estimate, not a count."),
    # casualties
    "civilian": ("civilians", "People not taking part in the fighting."),
    "foreign_fighter": ("foreign fighters", "Fighters from other countries, such as Syrian mercenaries."),
    "journalist": ("journalists", "Reporters and media workers."),
    "peacekeeper": ("peacekeepers", "Members of a peacekeeping force."),
    "mixed": ("soldiers and civilians", "A figure counting soldiers and civilians together."),
    "killed": ("killed", "Dead."),
    "wounded": ("wounded", "Injured."),
    "killed_or_wounded": ("killed or wounded", "Dead and injured counted together."),
    "missing": ("missing", "Missing in action or unaccounted for."),
    "captured": ("captured", "Taken prisoner."),
    "released": ("released", "Freed or returned from captivity."),
    "bodies_recovered": ("bodies recovered", "Remains found or recovered."),
    "returned": ("returned", "Displaced people who went back to their homes or region."),
    "remaining": ("remaining", "People who stayed in a place or region."),
    "displaced": ("displaced", "Forced to leave their homes."),
    "hospitalized": ("hospitalised", "Taken to hospital."),
    "deserted": ("deserted", "Left their unit without leave."),
    "damaged": ("damaged", "Damaged but not destroyed."),
    "destroyed": ("destroyed", "Destroyed."),
    "people": ("people", "Persons."),
    "houses": ("houses", "Houses."),
    "buildings": ("buildings", "Buildings."),
    "apartments": ("apartments", "Flats in apartment blocks."),
    "facilities": ("facilities", "Public or industrial facilities."),
    "vehicles": ("vehicles", "Vehicles."),
    "schools": ("schools", "Schools."),
    "infrastructure_sites": ("infrastructure sites", "Roads, power, water or communication sites."),
    # qualifiers
    "exact": ("exactly", "The figure is given as exact."),
    "at_least": ("at least", "A lower bound."),
    "more_than": ("more than", "Strictly above the figure."),
    "about": ("about", "Roughly the figure."),
    "up_to": ("up to", "An upper bound."),
    "fewer_than": ("fewer than", "Strictly below the figure."),
    "nearly": ("nearly", "Just below the figure."),
    "range": ("range", "Between the low and the high figure."),
    # equipment
    "all": ("all equipment", "Every category together."),
    "tank": ("tanks", "Main battle tanks."),
    "afv": ("armoured fighting vehicles", "Armoured vehicles not otherwise classed."),
    "ifv": ("infantry fighting vehicles", "Armed vehicles carrying infantry, such as the BMP."),
    "apc": ("armoured personnel carriers", "Armoured troop carriers."),
    "artillery": ("artillery", "Towed guns and howitzers."),
    "self_propelled_artillery": ("self-propelled artillery", "Guns and howitzers on their own chassis."),
    "mlrs": ("multiple rocket launchers", "Multiple-launch rocket systems."),
    "air_defence": ("air defence", "Anti-aircraft guns and missile systems."),
    "radar": ("radars", "Radars."),
    "aircraft": ("aircraft", "Fixed-wing aircraft."),
    "helicopter": ("helicopters", "Helicopters."),
    "uav": ("drones", "Unmanned aerial vehicles."),
    "truck_vehicle": ("trucks and other vehicles", "Trucks, jeeps and unarmoured vehicles."),
    "ballistic_missile_launcher": ("ballistic missile launchers", "Launchers of ballistic missiles."),
    "command_post": ("command posts", "Command and control posts."),
    "depot": ("depots", "Ammunition and supply depots."),
    "electronic_warfare": ("electronic warfare", "Jamming and electronic warfare systems."),
    "engineering_vehicle": ("engineering vehicles", "Engineering and recovery vehicles."),
    "anti_tank": ("anti-tank weapons", "Anti-tank guns and launchers."),
    "abandoned": ("abandoned", "Left behind by its crew."),
    "captured_then_lost": ("captured, then lost", "Captured and later destroyed or lost again."),
    "downed": ("shot down", "Brought down in the air."),
    "destroyed_or_damaged": ("destroyed or damaged", "Destroyed and damaged counted together."),
    "unspecified": ("unspecified", "The sources do not say."),
    # allegations
    "foreign_fighters": ("foreign fighters", "Fighters recruited abroad, such as Syrian mercenaries."),
    "military_personnel": ("military personnel", "A foreign state's soldiers or officers taking part."),
    "arms_supply": ("arms supply", "Weapons supplied to a side."),
    "arms_transit": ("arms transit", "Weapons sent through a country's territory or airspace."),
    "intelligence": ("intelligence", "Intelligence or surveillance shared with a side."),
    "air_support": ("air support", "Aircraft flying for a side."),
    "command": ("command", "Commanding or planning a side's operations."),
    "financing": ("financing", "Money given to a side."),
    "training": ("training", "Training of a side's forces."),
    "volunteers": ("volunteers", "Volunteers from abroad fighting for a side."),
    "weapon_use": ("use of a weapon", "Use of a banned or contested weapon, such as cluster munitions."),
    "logistics": ("logistics", "Transport, supply or basing for a side."),
    "unverified": ("unverified", "Neither confirmed nor denied by independent sources."),
    "disputed": ("disputed", "Contested by the accused or by other sources."),
    "denied": ("denied", "Denied by the accused."),
    "corroborated": ("corroborated", "Supported by independent sources."),
    "partially_acknowledged": ("partly acknowledged",
                               "The accused admitted part of it, such as a general involvement."),
    "acknowledged": ("acknowledged", "Admitted by the accused."),
    "denial": ("denial", "The accused denies it."),
    "acknowledgement": ("acknowledgement", "The accused admits it."),
    "partial_acknowledgement": ("partial acknowledgement", "The accused admits part of it."),
    "corroboration": ("corroboration", "A third party supports it."),
    "refutation": ("refutation", "A third party contradicts it."),
    "questions_evidence": ("questions the evidence", "The speaker doubts the evidence for it without denying "
                           "it; never settles the status."),
    "no_comment": ("no comment", "The party declines to comment."),
    # arms transfers
    "loitering_munition": ("loitering munitions", "Drones that dive onto their target."),
    "cluster_munition": ("cluster munitions", "Munitions scattering submunitions."),
    "ballistic_missile": ("ballistic missiles", "Ballistic missiles."),
    "anti_tank_missile": ("anti-tank missiles", "Guided anti-tank missiles."),
    "small_arms": ("small arms", "Rifles, machine guns and the like."),
    "ammunition": ("ammunition", "Ammunition."),
    "components": ("components", "Parts, engines, optics or electronics."),
    "armour": ("armour", "Tanks and armoured vehicles."),
    "military_advisers": ("military advisers", "Advisers or instructors sent to a side."),
    "delivered": ("delivered", "The goods were delivered."),
    "contracted": ("contracted", "A contract was signed."),
    "reported": ("reported", "Reported by sources, not confirmed."),
    "alleged": ("alleged", "Alleged by a party."),
    "suspended": ("suspended", "Stopped for now."),
    "halted": ("halted", "Stopped."),
    # disagreements
    "date": ("date", "The sources disagree on when."),
    "number": ("number", "The sources disagree on how many."),
    "actor": ("actor", "The sources disagree on who."),
    "place": ("place", "The sources disagree on where."),
    "occurrence": ("occurrence", "The sources disagree on whether it happened."),
}


_SIDE = {"armenia": ("Armenia and Artsakh", "Armenia and Artsakh, the one side of the war."),
         "azerbaijan": ("Azerbaijan", "Azerbaijan and the forces fighting for it, the other side.")}
# Where a value means something else in one vocabulary than LABELS says.
MEANINGS: dict[str, dict[str, tuple[str, str]]] = {
    "SIDE": _SIDE,
    "LOSS_SIDE": _SIDE,
    "BENEFICIARY_SIDE": _SIDE,
    "VICTIM_GROUP": {"military": ("soldiers", "Members of armed forces.")},
    "EQUIPMENT_STATUS": {"captured": ("captured", "Taken intact by the other side.")},
    "ARMS_CATEGORY": {"artillery": ("artillery", "Artillery of any kind, as goods supplied.")},
    "TRANSFER_STATUS": {"denied": ("denied", "Said by the supplier or recipient not to have happened.")},
}
VOCABULARIES: dict[str, tuple[str, ...]] = {
    name: values for name, values in globals().items()
    if name.isupper() and name != "BELLIGERENTS" and isinstance(values, tuple)
    and all(isinstance(value, str) for value in values)
}


def vocabulary_of(values: tuple[str, ...]) -> str:
    """The name of the vocabulary holding exactly ``values`` (a field's ``enum``)."""
    for name, vocabulary in VOCABULARIES.items():
        if vocabulary == values:
            return name
    raise KeyError(f"no vocabulary holds exactly {values!r}")


def labels(vocabulary: str) -> dict[str, tuple[str, str]]:
    """(label, definition) of each value of ``vocabulary``, in its order."""
    specific = MEANINGS.get(vocabulary, {})
    return {value: specific.get(value) or LABELS[value] for value in VOCABULARIES[vocabulary]}


def categories(values: tuple[str, ...]) -> list[dict[str, str]]:
    """A field's vocabulary as Table Schema v2 ``categories``, each with its label and definition."""
    return [{"value": value, "label": text, "definition": meaning}
            for value, (text, meaning) in labels(vocabulary_of(values)).items()]


def label(value: str, vocabulary: str) -> str:
    """The plain-word label of ``value`` in ``vocabulary``."""
    return labels(vocabulary)[value][0]


def _check_labels() -> None:
    missing = [f"{name}.{value}" for name, values in VOCABULARIES.items() for value in values
               if value not in LABELS and value not in MEANINGS.get(name, {})]
    unknown = [f"{name}.{value}" for name, meanings in MEANINGS.items() for value in meanings
               if value not in VOCABULARIES[name]]
    if missing or unknown:
        raise ValueError(f"values without a label: {missing}; meanings of no value: {unknown}")


_check_labels()
