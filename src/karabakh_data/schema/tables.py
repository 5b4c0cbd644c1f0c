"""Every published table, defined once. All other schemas are generated from here."""

from __future__ import annotations

import datetime as dt

from karabakh_data.schema import vocabularies as v
from karabakh_data.schema.model import Field, FieldRole, Nesting, Table

_ISO3 = r"^[A-Z]{3}$"


def _id(what: str) -> Field:
    return Field("id", "string", f"Stable identifier of the {what} (lowercase letters, digits, hyphens).",
                 pattern=v.ID_PATTERN)


def _ref(name: str, table: str, description: str, required: bool = True,
         role: FieldRole | None = None) -> Field:
    return Field(name, "string", description, required=required, references=table, pattern=v.ID_PATTERN,
                 role=role)


def _actor(name: str, description: str, required: bool = True) -> Field:
    """An actor a cited seed must name (claimant, accused, speaker, supplier, ...)."""
    return _ref(name, "actors", description, required=required, role="named_actor")


def _text(name: str, description: str, required: bool = True) -> Field:
    return Field(name, "string", description, required=required, min_length=1)


def _prose(name: str, description: str, required: bool = True) -> Field:
    """Text we write in our own words (checked against copying from the seeds)."""
    return Field(name, "string", description, required=required, min_length=1, role="prose")


def _enum(name: str, values: tuple[str, ...], description: str, required: bool = True) -> Field:
    return Field(name, "string", description, required=required, enum=values)


def _date(name: str, description: str, required: bool = True, minimum: dt.date = v.SCOPE_START,
          maximum: dt.date = v.SCOPE_END, precision: str | None = None) -> Field:
    """A date a cited seed must state."""
    return Field(name, "date", description, required=required, minimum=minimum, maximum=maximum,
                 role="stated", precision=precision)


def _precision(name: str, of: str, required: bool = True) -> Field:
    return _enum(name, v.DATE_PRECISION,
                 f"How precisely {of} is known: day (exact day), month or year (only that is stated; the "
                 "date holds its first day), approximate (around that day), bounded (no date is stated: "
                 "see the earliest and latest possible dates).", required=required)


def _dated(date: str, precision: str, prefix: str, of: str, required: bool = True,
           minimum: dt.date = v.SCOPE_START, maximum: dt.date = v.SCOPE_END,
           role: FieldRole | None = "stated") -> tuple[Field, ...]:
    """A date with its precision and, for undated records, honest bounds instead of a guessed date."""
    return (
        Field(date, "date", f"{of[0].upper()}{of[1:]}, as stated; empty when only bounds are known.",
              required=False, minimum=minimum, maximum=maximum, role=role, precision=precision),
        _precision(precision, of, required=required),
        Field(f"{prefix}_earliest", "date", f"Earliest date {of} can be, when no date is stated "
              "(precision bounded): e.g. the event it follows.", required=False, minimum=minimum,
              maximum=maximum, role="bound"),
        Field(f"{prefix}_latest", "date", f"Latest date {of} can be, when no date is stated (precision "
              "bounded): e.g. the date of the document that reports it.", required=False, minimum=minimum,
              maximum=max(maximum, v.BOUND_END), role="bound"),
    )


def _count(name: str, description: str) -> Field:
    return Field(name, "integer", description, required=False, minimum=0, role="stated")


def _note() -> Field:
    return _prose("note", "Curator's note in our own words: caveats, context, how a figure was read.",
                 required=False)


SOURCES = Table(
    "sources", "Sources",
    "Bibliography: the five seed documents and every outlet, organisation or official body they name as "
    "the origin of a claim, with how we know of it.",
    (
        _id("source"),
        _text("title", "Title of the work, or name of the outlet or body when no single work is cited."),
        _text("publisher", "Publisher, outlet or issuing body.", required=False),
        _text("authors", "Authors as credited, separated by semicolons.", required=False),
        *_dated("published_date", "published_precision", "published", "the publication date", required=False,
                minimum=dt.date(1990, 1, 1), maximum=dt.date(2026, 12, 31), role=None),
        Field("language", "string", "Language of the work (ISO 639-1).", required=False,
              pattern=r"^[a-z]{2}$"),
        _enum("kind", v.SOURCE_KIND, "Kind of source (the source's kind; other tables' `kind` mean "
              "other things)."),
        _enum("affiliation", v.AFFILIATION, "State or camp a seed ties the source to (or the state whose "
              "body it is), international for intergovernmental bodies, otherwise not_stated."),
        Field("url", "string", "Address of the work, where a seed states it.", required=False,
              pattern=r"^https?://\S+$"),
        _ref("cited_via", "sources", "The source through which we know this one (a seed that cites it).",
             required=False),
        Field("document", "string", "File name of the seed document in shared/seeds, for the seeds "
              "themselves.", required=False, pattern=r"^\d{3}_[0-9a-f]{16}\.txt$"),
        Field("reference_number", "integer", "Number of this work in the cited_via document's reference "
              "list, where it has one.", required=False, minimum=1),
        _prose("reliability_note", "What a user should know about this source's reliability.",
              required=False),
    ),
    rules=("source_has_origin", "published_bounds"),
)

ACTORS = Table(
    "actors", "Actors",
    "States, forces, ministries, units, armed groups, companies, organisations and people that act, "
    "claim or are accused in the records.",
    (
        _id("actor"),
        _text("name", "Name in English."),
        _enum("kind", v.ACTOR_KIND, "Kind of actor (a state, ministry, armed force, person, ...)."),
        Field("country", "string", "Country the actor belongs to (ISO 3166-1 alpha-3); for Artsakh "
              "bodies the de jure country, Azerbaijan.", required=False, pattern=_ISO3),
        _enum("side", v.SIDE, "Side in the war: armenia (Armenia and Artsakh), azerbaijan, third_party "
              "or mediator."),
        _ref("parent_id", "actors", "The actor this one belongs to (a ministry's state, a unit's army).",
             required=False),
        Field("named", "boolean", "False for a group the seeds do not name (\"Armenian sources\", "
              "unnamed recruiters, unattributed reports): such a claimant is never a party_claim.",
              default=True),
        _note(),
    ),
    rules=("no_parent_cycle",),
)

def _aliases(parent: str, title: str, description: str, alias: str) -> Table:
    """The link table of a reference table's other names, curated as its ``aliases`` list."""
    key = f"{parent.removesuffix('s')}_id"
    return Table(
        f"{parent.removesuffix('s')}_aliases", title, description,
        (_ref(key, parent, f"The {parent.removesuffix('s')}."), _text("alias", alias)),
        primary_key=(key, "alias"),
        nesting=Nesting(parent, "aliases", key, scalar="alias"),
    )


ACTOR_ALIASES = _aliases("actors", "Actor aliases", "Other names and spellings of an actor.",
                         "Another name or spelling found in the sources.")

PLACES = Table(
    "places", "Places",
    "Gazetteer of every place an event, figure or allegation refers to.",
    (
        _id("place"),
        _text("name", "Name as GeoNames spells it, or the most common English spelling."),
        _enum("kind", v.PLACE_KIND, "Kind of place (a settlement, district, region, ...)."),
        _ref("parent_id", "places", "The district or region containing the place.", required=False),
        Field("de_jure_country", "string", "Country the place belongs to under international law "
              "(ISO 3166-1 alpha-3).", pattern=_ISO3),
        Field("latitude", "number", "Latitude (WGS84).", required=False, minimum=-90, maximum=90),
        Field("longitude", "number", "Longitude (WGS84).", required=False, minimum=-180, maximum=180),
        _enum("coordinate_precision", v.COORDINATE_PRECISION,
              "Where the coordinates come from: geonames (the GeoNames point), approximate, or "
              "region_centroid.", required=False),
        Field("geonames_id", "integer", "GeoNames id, where GeoNames has the place.", required=False,
              minimum=1),
        _enum("control_before", v.CONTROL, "Who controlled the place before 27 September 2020."),
        _enum("control_after", v.CONTROL, "Who controlled the place after 1 December 2020."),
        _note(),
    ),
    rules=("coordinates_complete",),
)

PLACE_ALIASES = _aliases("places", "Place aliases",
                         "Every other name and spelling of a place found in the sources.",
                         "Another name or spelling (Shushi for Shusha, Khankendi for Stepanakert, ...).")

DISAGREEMENTS = Table(
    "disagreements", "Disagreements",
    "Points on which the sources disagree; the competing versions are the records that point here.",
    (
        _id("disagreement"),
        _prose("subject", "What the sources disagree about."),
        _enum("kind", v.DISAGREEMENT_KIND, "Kind of disagreement: what differs between the versions."),
        _note(),
    ),
    rules=("disagreement_has_versions",),
)

EVENTS = Table(
    "events", "Events", "Timeline of the war, its prelude and its aftermath.",
    (
        _id("event"),
        _date("date_start", "First day of the event; with precision bounded, the earliest day it can have "
              "happened.", precision="date_precision"),
        _date("date_end", "Last day of the event (equal to date_start for one-day events); with precision "
              "bounded, the latest day it can have happened.", maximum=v.BOUND_END,
              precision="date_precision"),
        _precision("date_precision", "the dates"),
        _enum("kind", v.EVENT_KIND, "Kind of event (aligned with ACLED's event types where they fit)."),
        _prose("title", "Short headline in our own words."),
        _prose("description", "What happened, in our own words."),
        _ref("place_id", "places", "Where it happened, where a place is named.", required=False),
        _enum("evidence", v.EVIDENCE, "Strength of the evidence for the event."),
        _note(),
    ),
    rules=("date_order", "party_claim_by_belligerent", "belligerent_claim_is_party_claim"),
)

EVENT_ACTORS = Table(
    "event_actors", "Event actors", "Actors in an event with their role (attacker, target, claimant, "
    "disputes, ...).",
    (
        _ref("event_id", "events", "The event."),
        _ref("actor_id", "actors", "The actor."),
        _enum("role", v.EVENT_ROLE, "The actor's role in the event."),
    ),
    primary_key=("event_id", "actor_id", "role"),
    nesting=Nesting("events", "actors", "event_id"),
)

EVENT_WEAPONS = Table(
    "event_weapons", "Event weapons", "Weapons named for an event.",
    (
        _ref("event_id", "events", "The event."),
        _text("weapon", "Weapon or weapon system as named (Smerch, Scud-B, cluster munitions, ...)."),
    ),
    primary_key=("event_id", "weapon"),
    nesting=Nesting("events", "weapons", "event_id", scalar="weapon"),
)

_FIGURE_FIELDS = (
    _actor("claimant_id", "Who stated the figure (not where we read it: that is the citation)."),
    _enum("qualifier", v.QUALIFIER, "Qualifier as stated: exact, at_least, more_than, about, up_to, "
          "fewer_than, nearly, range, estimate."),
    *_dated("as_of", "as_of_precision", "as_of", "the date the figure was stated or refers to"),
)

_COUNTS = (  # a figure as a source states it, shared by casualties and equipment losses
    _count("count_low", "Lower bound, when a range or minimum is stated."),
    _count("count_best", "The figure as stated (or the central value)."),
    _count("count_high", "Upper bound, when a range or maximum is stated."),
)
_COUNT_WORDS = _text("count_words", "The figure as the source words it when it gives no number "
                     "(\"more than half of the population\", \"several dozen\"); the counts are then empty.",
                     required=False)

CASUALTIES = Table(
    "casualties", "Casualties", "One row per reported casualty, displacement or damage figure.",
    (
        _id("figure"),
        _ref("event_id", "events", "The event the figure is for, if one.", required=False),
        _FIGURE_FIELDS[0],
        _enum("side", v.LOSS_SIDE, "Whose losses: armenia (Armenia and Artsakh), azerbaijan, third_party, "
              "both or unknown."),
        _enum("victim_group", v.VICTIM_GROUP, "Category of the people counted."),
        _enum("measure", v.MEASURE, "What is counted."),
        _enum("unit", v.UNIT, "Unit counted: people, or houses, buildings, ... for damage figures."),
        *_COUNTS,
        _COUNT_WORDS,
        *_FIGURE_FIELDS[1:],
        _date("period_start", "Start of the period covered, if stated.", required=False,
              precision="period_precision"),
        _date("period_end", "End of the period covered, if stated.", required=False,
              precision="period_precision"),
        _precision("period_precision", "the period", required=False),
        _ref("place_id", "places", "Place the figure is for, if one.", required=False),
        _count("out_of", "Size of the group the figure relates to (e.g. recruits deployed), if stated."),
        _ref("part_of_id", "casualties", "The stated total this row is a part of (breakdown rows).",
             required=False),
        _prose("inconsistency", "Set when the source's stated breakdown does not add up to its stated "
              "total: what does not add up. Numbers are kept as stated.", required=False),
        _enum("evidence", v.EVIDENCE, "Strength of the evidence for the figure."),
        _note(),
    ),
    rules=("count_order", "has_count", "period_order", "period_complete", "breakdown_adds_up", "as_of_bounds",
           "party_claim_by_belligerent", "belligerent_claim_is_party_claim"),
)

EQUIPMENT_LOSSES = Table(
    "equipment_losses", "Equipment losses", "One row per reported equipment-loss figure.",
    (
        _id("figure"),
        _ref("event_id", "events", "The event the figure is for, if one.", required=False),
        _FIGURE_FIELDS[0],
        _enum("owner_side", v.LOSS_SIDE, "Side that lost the equipment."),
        _enum("category", v.EQUIPMENT_CATEGORY, "Equipment category (all: a total over categories)."),
        _text("model", "Model, where named (T-72, S-300, 9K33 Osa, ...).", required=False),
        _enum("status", v.EQUIPMENT_STATUS, "Status of the equipment: what happened to it (not an "
              "allegation's or a transfer's status)."),
        *_COUNTS,
        _COUNT_WORDS,
        *_FIGURE_FIELDS[1:],
        Field("value_usd", "number", "Stated value of the losses in US dollars, for valuation claims.",
              required=False, minimum=0, role="stated"),
        Field("share_percent", "number", "Share of a stated whole, in percent, when the source gives a share "
              "instead of a count (e.g. of all drone-hit losses); the counts are then empty and the note "
              "names the whole.", required=False, minimum=0, maximum=100, role="stated"),
        _ref("part_of_id", "equipment_losses", "The stated total this row is a part of (breakdown rows).",
             required=False),
        _prose("inconsistency", "Set when the source's stated breakdown does not add up to its stated "
              "total: what does not add up. Numbers are kept as stated.", required=False),
        _enum("evidence", v.EVIDENCE, "Strength of the evidence (visually_confirmed for Oryx tallies)."),
        _note(),
    ),
    rules=("count_order", "has_count_or_value", "breakdown_adds_up", "as_of_bounds",
           "party_claim_by_belligerent", "belligerent_claim_is_party_claim"),
)

ALLEGATIONS = Table(
    "allegations", "Allegations", "Allegations of third-party involvement in the war.",
    (
        _id("allegation"),
        *_dated("date_alleged", "date_precision", "date", "when the allegation was made"),
        _actor("alleged_by_id", "Who made the allegation."),
        _actor("accused_id", "Who is accused."),
        _enum("beneficiary_side", v.BENEFICIARY_SIDE, "The side the alleged involvement would have helped."),
        _enum("kind", v.ALLEGATION_KIND, "Kind of third-party involvement alleged."),
        _prose("summary", "What is alleged, in our own words."),
        Field("figure", "number", "Number given with the allegation (fighters, pay, ...), if any; the "
              "lower bound of a stated range.", required=False, minimum=0, role="stated"),
        Field("figure_high", "number", "Upper bound, when the allegation states a range.", required=False,
              minimum=0, role="stated"),
        _text("figure_unit", "Unit of the figure (fighters, USD per month, ...).", required=False),
        _enum("figure_qualifier", v.QUALIFIER, "Qualifier of the figure as stated.", required=False),
        Field("status", "string", "Derived by the build from the statements answering the allegation "
              "(see docs/methodology.md): unverified, disputed, denied, corroborated, "
              "partially_acknowledged or acknowledged.", enum=v.ALLEGATION_STATUS, derived=True),
        _note(),
    ),
    rules=("figure_complete", "figure_order", "date_alleged_bounds"),
)

STATEMENTS = Table(
    "statements", "Statements",
    "Denials, admissions, corroborations and refutations, each recorded once; statement_allegations ties "
    "each to the allegations a source says it answers.",
    (
        _id("statement"),
        _actor("speaker_id", "Who made the statement."),
        *_dated("date", "date_precision", "date", "when the statement was made"),
        _prose("summary", "What was said, in our own words."),
        _note(),
    ),
    rules=("date_bounds",),
)

STATEMENT_ALLEGATIONS = Table(
    "statement_allegations", "Statements answering allegations",
    "Which allegation a statement answers, and its stance toward that allegation; only where a source ties "
    "them together.",
    (
        _ref("statement_id", "statements", "The statement."),
        _ref("allegation_id", "allegations", "The allegation it answers."),
        _enum("stance", v.STANCE, "Stance toward this allegation: denial, acknowledgement (by the accused), "
              "partial_acknowledgement (the accused admits part, e.g. a general admission of a specific "
              "claim), corroboration or refutation (by a third party), questions_evidence (doubts the "
              "evidence without denying it), no_comment."),
        Field("standing", "boolean", "True when the statement predates the allegation and is linked as an "
              "earlier, standing position; such a link does not settle the allegation's status.",
              default=False),
        _prose("basis", "Where a source ties the statement to this allegation, in our own words."),
    ),
    primary_key=("statement_id", "allegation_id"),
    nesting=Nesting("statements", "answers", "statement_id"),
    rules=("acknowledged_by_accused", "standing_if_earlier"),
)

ARMS_TRANSFERS = Table(
    "arms_transfers", "Arms transfers", "Supply relationships stated or alleged in the sources.",
    (
        _id("transfer"),
        _actor("supplier_id", "Supplier."),
        _actor("recipient_id", "Recipient."),
        _actor("intermediary_id", "Intermediary, if any (a firm, a transit state).", required=False),
        _text("system", "System or goods as named."),
        _enum("category", v.ARMS_CATEGORY, "Category of the goods."),
        Field("quantity", "integer", "Number of items, if stated.", required=False, minimum=0, role="stated"),
        _enum("quantity_qualifier", v.QUALIFIER, "Qualifier of the quantity.", required=False),
        Field("value", "number", "Value, if stated.", required=False, minimum=0, role="stated"),
        Field("value_currency", "string", "Currency of the value (ISO 4217).", required=False,
              pattern=_ISO3),
        _date("period_start", "Start of the order or delivery period, if stated.", required=False,
              minimum=dt.date(1990, 1, 1), precision="period_precision"),
        _date("period_end", "End of the order or delivery period, if stated.", required=False,
              minimum=dt.date(1990, 1, 1), precision="period_precision"),
        _precision("period_precision", "the period", required=False),
        Field("during_war", "boolean", "Whether the transfer (or its halt) took place during the war, "
              "where the sources say.", required=False),
        _enum("status", v.TRANSFER_STATUS, "Status of the transfer: how far it went, as the sources "
              "report it (not an allegation's or equipment's status)."),
        _ref("allegation_id", "allegations", "The allegation this transfer rests on, if any.",
             required=False),
        _prose("summary", "What the sources say, in our own words."),
        _note(),
    ),
    rules=("period_order", "period_complete", "value_complete"),
)

CORE_TABLES: tuple[Table, ...] = (
    SOURCES, ACTORS, PLACES, DISAGREEMENTS, EVENTS, CASUALTIES, EQUIPMENT_LOSSES, ALLEGATIONS,
    STATEMENTS, ARMS_TRANSFERS,
)
_SINGULAR = {
    "actors": "actor", "places": "place", "disagreements": "disagreement", "events": "event",
    "casualties": "casualty", "equipment_losses": "equipment_loss", "allegations": "allegation",
    "statements": "statement", "arms_transfers": "arms_transfer",
}
# Tables whose records can be competing versions in a disagreement.
_VERSIONED = ("events", "casualties", "equipment_losses", "allegations", "statements", "arms_transfers")


def _citations(parent: Table) -> Table:
    singular = _SINGULAR[parent.name]
    return Table(
        f"{singular}_sources", f"{parent.title} sources", f"Sources cited for each record of {parent.name}.",
        (
            _ref(f"{singular}_id", parent.name, f"The cited {parent.name} record."),
            _ref("source_id", "sources", "The source."),
            _text("locator", "Where in the source: section heading, reference number or paragraph."),
        ),
        primary_key=(f"{singular}_id", "source_id", "locator"),
        nesting=Nesting(parent.name, "cite", f"{singular}_id"),
    )


def _versions(parent: Table) -> Table:
    singular = _SINGULAR[parent.name]
    return Table(
        f"{singular}_disagreements", f"{parent.title} in disagreements",
        f"The disagreements in which a record of {parent.name} is one of the competing versions.",
        (
            _ref(f"{singular}_id", parent.name, f"The {parent.name} record."),
            _ref("disagreement_id", "disagreements", "The disagreement it is a version in."),
        ),
        primary_key=(f"{singular}_id", "disagreement_id"),
        nesting=Nesting(parent.name, "disagreements", f"{singular}_id", scalar="disagreement_id"),
    )


LINK_TABLES: tuple[Table, ...] = (
    ACTOR_ALIASES, PLACE_ALIASES, EVENT_ACTORS, EVENT_WEAPONS, STATEMENT_ALLEGATIONS,
    *(_citations(t) for t in CORE_TABLES if t.name in _SINGULAR),
    *(_versions(t) for t in CORE_TABLES if t.name in _VERSIONED),
)
TABLES: dict[str, Table] = {t.name: t for t in (*CORE_TABLES, *LINK_TABLES)}
# The citation table of each cited table, and the version table of each table whose records can be versions.
CITATIONS: dict[str, Table] = {
    t.nesting.parent: t for t in LINK_TABLES if t.nesting and t.nesting.key == "cite"
}
CITED_TABLES = tuple(CITATIONS)
VERSIONS: dict[str, Table] = {
    t.nesting.parent: t for t in LINK_TABLES if t.nesting and t.nesting.key == "disagreements"
}


def _check_registry() -> None:
    """Every foreign key points to a table with that key (rule names are checked by the rules module)."""
    problems = []
    for table in TABLES.values():
        for field, target, key in table.foreign_keys:
            if target not in TABLES or key not in TABLES[target].field_names:
                problems.append(f"{table.name}.{field} references {target}.{key}, which does not exist")
    if problems:
        raise ValueError("; ".join(problems))
