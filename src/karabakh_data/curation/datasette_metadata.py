"""Datasette metadata generated from the field registry: what a browsing user reads beside the tables.

Titles, descriptions, licence, source and version of the database; a description for every table and
column; facets on the categorical columns; a label column per table so foreign keys show names; and
canned queries for the questions docs/queries.md answers (each kept only while the tables and columns
it uses exist).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from karabakh_data import metadata
from karabakh_data.schema import TABLES, Table
from karabakh_data.schema.vocabularies import categories

DATABASE = "karabakh-data"  # the SQLite file's stem, which Datasette uses as the database name
REPOSITORY = "https://github.com/karabakh-data/karabakh-data"
LABEL_COLUMNS = ("name", "title", "system", "summary", "locator")
FACET_LIMIT = 5
_NOT_FACETS = ("_precision", "_qualifier", "qualifier", "unit")


@dataclass(frozen=True)
class Query:
    """A canned query and the (table, column) pairs it needs."""

    name: str
    title: str
    description: str
    sql: str
    needs: tuple[tuple[str, str], ...]

    def available(self) -> bool:
        return all(t in TABLES and c in TABLES[t].field_names for t, c in self.needs)


QUERIES = (
    Query("events_on_a_day", "What happened on a day, where, and says who?",
          "Day-precise events of the date you enter (YYYY-MM-DD), with their place and the sources cited.",
          """select e.id, e.date_start, e.kind, e.title, p.name as place, e.evidence,
  group_concat(s.title, ' | ') as sources
from events e
left join places p on p.id = e.place_id
left join event_sources es on es.event_id = e.id
left join sources s on s.id = es.source_id
where e.date_start = :day and e.date_precision = 'day'
group by e.id order by e.id""",
          (("events", "date_start"), ("events", "date_precision"), ("events", "place_id"),
           ("event_sources", "source_id"))),
    Query("events_by_kind", "How many events of each kind?", "Events per kind, most frequent first.",
          "select kind, count(*) as events from events group by kind order by events desc, kind",
          (("events", "kind"),)),
    Query("events_on_the_map", "Events on the map",
          "Every event whose place has coordinates, with the place's point (shown on a map).",
          """select e.id, e.date_start, e.kind, e.title, p.name as place, p.latitude, p.longitude
from events e join places p on p.id = e.place_id
where p.latitude is not null order by e.date_start, e.id""",
          (("events", "place_id"), ("places", "latitude"), ("places", "longitude"))),
    Query("military_deaths_by_claimant", "Military deaths: every figure, by who stated it",
          "Reported military death figures with the claimant, the side the dead belonged to and the "
          "date the figure was stated; a claim is a claim, not a fact.",
          """select c.as_of, a.name as claimant, c.side, c.qualifier, c.count_low, c.count_best,
  c.count_high, c.evidence, c.id
from casualties c join actors a on a.id = c.claimant_id
where c.measure = 'killed' and c.victim_group = 'military'
order by c.side, c.as_of, c.id""",
          (("casualties", "claimant_id"), ("casualties", "measure"), ("casualties", "victim_group"),
           ("casualties", "as_of"), ("casualties", "count_best"))),
    Query("figures_for_a_place", "Every figure reported for a place",
          "Casualty and damage figures whose place name contains what you enter (e.g. Barda).",
          """select c.as_of, p.name as place, a.name as claimant, c.side, c.victim_group, c.measure,
  c.qualifier, c.count_low, c.count_best, c.count_high, c.id
from casualties c join places p on p.id = c.place_id join actors a on a.id = c.claimant_id
where p.name like '%' || :place || '%'
order by c.as_of, c.id""",
          (("casualties", "place_id"), ("casualties", "claimant_id"), ("places", "name"))),
    Query("visually_confirmed_equipment_losses", "Visually confirmed equipment losses per side and category",
          "Sum of the best counts of visually confirmed loss figures, per side and category. Figures from "
          "different sources or dates can overlap: read the rows before adding up.",
          """select owner_side, category, count(*) as figures, sum(count_best) as sum_of_best_counts
from equipment_losses where evidence = 'visually_confirmed' and part_of_id is null
group by owner_side, category order by owner_side, sum_of_best_counts desc""",
          (("equipment_losses", "owner_side"), ("equipment_losses", "category"),
           ("equipment_losses", "evidence"), ("equipment_losses", "part_of_id"))),
    Query("allegations_against", "Allegations against an actor, by kind and status",
          "Allegations whose accused actor's name contains what you enter (e.g. Turkey).",
          """select a.kind, a.status, count(*) as allegations
from allegations a join actors acc on acc.id = a.accused_id
where acc.name like '%' || :accused || '%'
group by a.kind, a.status order by allegations desc""",
          (("allegations", "accused_id"), ("allegations", "kind"), ("allegations", "status"))),
    Query("acknowledged_allegations", "Everything later acknowledged by the accused",
          "Allegations whose status is acknowledged, with who made them and who is accused.",
          """select a.date_alleged, by_.name as alleged_by, acc.name as accused, a.kind, a.summary, a.id
from allegations a join actors by_ on by_.id = a.alleged_by_id join actors acc on acc.id = a.accused_id
where a.status = 'acknowledged' order by a.date_alleged, a.id""",
          (("allegations", "status"), ("allegations", "alleged_by_id"), ("allegations", "accused_id"),
           ("allegations", "date_alleged"))),
    Query("arms_transfers_to", "Arms transfers to a recipient, with their status",
          "Transfers whose recipient's name contains what you enter (e.g. Armenia).",
          """select s.name as supplier, r.name as recipient, t.system, t.category, t.status,
  t.period_start, t.summary, t.id
from arms_transfers t join actors s on s.id = t.supplier_id join actors r on r.id = t.recipient_id
where r.name like '%' || :recipient || '%' order by t.period_start, t.id""",
          (("arms_transfers", "supplier_id"), ("arms_transfers", "recipient_id"),
           ("arms_transfers", "status"))),
)


def label_column(table: Table) -> str | None:
    """The column Datasette shows for a row when another table points at it."""
    return next((c for c in LABEL_COLUMNS if c in table.field_names), None)


def facets(table: Table) -> list[str]:
    """Categorical columns worth counting at a glance: vocabularies, claimants and sides."""
    wanted = [f.name for f in table.fields
              if (f.enum is not None and not f.name.endswith(_NOT_FACETS)) or f.name == "claimant_id"]
    return wanted[:FACET_LIMIT]


def _column_description(table: Table, name: str) -> str:
    f = table.field(name)
    text = f.description
    if f.reference:
        text += f" (links to {f.reference[0]})"
    if f.enum is not None:
        text += " Values: " + "; ".join(f"{c['value']}: {c['label']}" for c in categories(f.enum)) + "."
    return text


def _table(table: Table) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "title": table.title,
        "description": table.description,
        "columns": {f.name: _column_description(table, f.name) for f in table.fields},
        "facets": facets(table),
    }
    if (label := label_column(table)) is not None:
        entry["label_column"] = label
    return entry


# Column descriptions as a compact, scrollable two-column box, so the rows stay in view.
CSS = (
    "dl.column-descriptions{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1.2em;"
    "font-size:.85em;max-height:11em;overflow-y:auto;border:1px solid #ccd;padding:.4em .6em;"
    "background:#fff}dl.column-descriptions dt{font-weight:bold}dl.column-descriptions dd{margin:0}"
)

EXTRA_TABLES = {
    "dataset_info": ("Dataset information", "Version, licence, citation and source of this database."),
    "codebook": ("Codebook", "Every column of every table: type, whether required, meaning and allowed "
                 "values."),
}


def datasette_metadata() -> dict[str, Any]:
    """Datasette metadata (metadata.json) for the SQLite export."""
    from karabakh_data.citation import cite

    tables = {name: _table(table) for name, table in TABLES.items()}
    tables.update({name: {"title": title, "description": text}
                   for name, (title, text) in EXTRA_TABLES.items()})
    licence = metadata.LICENSES[0]
    about = {
        "license": licence["name"],
        "license_url": licence["path"],
        "source": f"karabakh-data {metadata.VERSION}, released {metadata.RELEASE_DATE.isoformat()}",
        "source_url": REPOSITORY,
    }
    description = f"{metadata.DESCRIPTION} Cite as: {cite('apa')}"
    return {
        "title": f"karabakh-data {metadata.VERSION}",
        "description": description,
        **about,
        "extra_css_urls": ["data:text/css," + quote(CSS)],
        "databases": {
            DATABASE: {
                "title": metadata.TITLE,
                "description": description,
                **about,
                "tables": tables,
                "queries": {q.name: {"title": q.title, "description": q.description, "sql": q.sql}
                            for q in QUERIES if q.available()},
            }
        },
        "plugins": {"datasette-cluster-map": {"latitude_column": "latitude",
                                              "longitude_column": "longitude"}},
    }
