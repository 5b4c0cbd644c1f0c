"""Worked examples, executed against the published data to write docs/queries.md with real output.

Run by ``karabakh-data examples`` (needs the test extras: DuckDB and Polars); a test fails when the page
is stale."""

from __future__ import annotations

import ast
import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from karabakh_data import loader


@dataclass(frozen=True)
class Example:
    question: str
    code: str  # Python: pandas, DuckDB or Polars


_SIDES = ('sides = kd.load("actors").astype({"side": str})[["id", "side"]]'
          '.rename(columns={"id": "claimant_id", "side": "claimant_side"})\n')

EXAMPLES: tuple[Example, ...] = (
    Example("What happened on 8 November 2020, where, and says who? (day-precise events)",
            'kd.timeline().query("date_start <= \'2020-11-08\' <= date_end and date_precision == \'day\'")'
            '[["title", "place", "actors"]]'),
    Example("On which dates do the sources disagree? (every version of every date disagreement)",
            'kd.disagreements().query("kind == \'date\'")'
            '[["disagreement_id", "table", "record_id", "earliest", "latest", "bounded"]]'),
    Example("Claims over time, with undated claims placed by their bounds: Azerbaijan's military dead",
            'claims = kd.claims_over_time("casualties").query(\n'
            '    "side == \'azerbaijan\' and victim_group == \'military\' and measure == \'killed\'")\n'
            'claims[["claimant_id", "count_best", "qualifier", "as_of", "earliest", "latest", "bounded"]]'),
    Example("Each side's official figures for its own military dead since the war began, in the order "
            "stated (a single officer's death included; bounded figures last)",
            _SIDES +
            'own = kd.claims_over_time("casualties").merge(sides, on="claimant_id").query(\n'
            '    "victim_group == \'military\' and measure == \'killed\' and evidence == \'party_claim\' "\n'
            '    "and claimant_side == side and earliest >= \'2020-09-27\'")\n'
            'own.sort_values(["side", "bounded", "latest"])'
            '[["side", "claimant_id", "count_best", "count_words", "earliest", "latest", "bounded"]]'),
    Example("How each side's claims about the other's military dead evolved",
            _SIDES +
            'cas = kd.claims_over_time("casualties").merge(sides, on="claimant_id")\n'
            'cas.query("victim_group == \'military\' and measure == \'killed\' and claimant_side != side "\n'
            '          "and claimant_side != \'third_party\'")'
            '[["earliest", "latest", "claimant_id", "side", "count_best", "qualifier"]]'),
    Example("How Azerbaijan's claims of destroyed Armenian equipment grew over time",
            'eq = kd.claims_over_time("equipment_losses")\n'
            'eq.query("claimant_id in [\'azerbaijan\', \'azerbaijan-mod\'] and owner_side == \'armenia\' "\n'
            '         "and category in [\'tank\', \'artillery\', \'air_defence\', \'all\']")'
            '[["earliest", "latest", "category", "model", "count_best", "qualifier", "value_usd"]]'),
    Example("Oryx's visually confirmed losses per side and category, and which seed reports each tally "
            "(DuckDB SQL)",
            "duckdb.sql(f\"\"\"select distinct e.owner_side, e.category, e.status, e.count_best, s.source_id as read_in,\n"
            "       e.inconsistency is not null as mismatch\n"
            "from read_parquet('{kd.path('equipment_losses')}') e\n"
            "join read_parquet('{kd.path('equipment_loss_sources')}') s on s.equipment_loss_id = e.id\n"
            "where e.claimant_id = 'oryx' and s.source_id like 'seed-%'\n"
            "order by read_in, e.owner_side, e.category, e.count_best desc, e.status\"\"\").df()"),
    Example("Known inconsistencies of the sources: stated breakdowns that do not add up to their totals",
            'import pandas as pd\n'
            'pd.concat([kd.load(t).dropna(subset=["inconsistency"])[["id", "claimant_id", "count_best", "inconsistency"]]\n'
            '           for t in ("equipment_losses", "casualties")])'),
    Example("Every figure reported for the strikes on Barda",
            'kd.load("casualties").query("place_id == \'barda\'")'
            '[["claimant_id", "victim_group", "measure", "count_best", "qualifier", "as_of", "event_id"]]'),
    Example("Allegations against Turkey, by kind and derived status",
            'kd.load("allegations").query("accused_id == \'turkey\'")'
            '.groupby(["kind", "status"], observed=True).size().rename("allegations").reset_index()'),
    Example("Who answered the allegations of foreign fighters, and how (each statement counted once)",
            'answers = kd.responses().query("allegation_kind == \'foreign_fighters\'")\n'
            'answers.groupby(["speaker_id", "stance"], observed=True).agg(\n'
            '    statements=("statement_id", "nunique"), allegations_answered=("allegation_id", "nunique")).reset_index()'),
    Example("Everything acknowledged, wholly or in part, by the accused",
            'kd.load("allegations").query("status in [\'acknowledged\', \'partially_acknowledged\']")'
            '[["id", "alleged_by_id", "accused_id", "kind", "status"]]'),
    Example("Every arms transfer to Armenia with its status",
            'kd.load("arms_transfers").query("recipient_id == \'armenia\'")[["supplier_id", "system", "status"]]'),
    Example("Leaving out every record that rests only on the AI-written seed-003",
            'cited = kd.load("event_sources").assign(seed=lambda c: c["source_id"].astype(str))\n'
            'only_003 = cited.groupby("event_id")["seed"].agg(lambda s: set(s) == {"seed-003"})\n'
            'events = kd.load("events")\n'
            'kept = events[~events["id"].map(only_003).fillna(False).astype(bool)]\n'
            'print(len(events), "events;", len(kept), "kept without those resting only on seed-003")'),
    Example("How many events of each kind? (DuckDB SQL)",
            "duckdb.sql(f\"select kind, count(*) as n from read_parquet('{kd.path('events')}') "
            "group by kind order by n desc, kind\").df()"),
    Example("Civilian figures per claimant (Polars)",
            'pl.read_parquet(kd.path("casualties")).filter(pl.col("victim_group") == "civilian")'
            '.group_by("claimant_id").len().sort("len", "claimant_id", descending=[True, False])'),
)


def _namespace() -> dict[str, object]:
    import duckdb
    import polars as pl

    import karabakh_data as kd

    return {"kd": kd, "duckdb": duckdb, "pl": pl}


def run(example: Example) -> str:
    """The output of an example, as a user would see it printed."""
    namespace = _namespace()
    with pd.option_context("display.expand_frame_repr", False, "display.max_columns", 12, "display.max_colwidth", 60,
                           "display.max_rows", 1000):
        buffer = io.StringIO()
        tree = ast.parse(example.code)
        last = ast.Expression(tree.body.pop().value)  # type: ignore[attr-defined]
        with contextlib.redirect_stdout(buffer):  # our own examples, from this module:
            exec(compile(tree, "<example>", "exec"), namespace)
            value = eval(compile(last, "<example>", "eval"), namespace)
        if value is not None:
            buffer.write(str(value))
    return buffer.getvalue().rstrip() + "\n"


def queries_markdown(published: Path) -> str:
    """docs/queries.md: every example with the output it gives on the package in ``published``."""
    lines = [
        "# Queries with real output",
        "",
        "<!-- Generated by `karabakh-data examples` by running each example; do not edit. -->",
        "",
        "Each example runs against the published package of this version; the tests regenerate this page",
        "and fail if any output changed. Start with `import karabakh_data as kd` (and `import duckdb`,",
        "`import polars as pl` for those examples).",
        "",
    ]
    with loader.using(published):
        for example in EXAMPLES:
            lines += [f"## {example.question}", "", "```python", example.code, "```", "",
                      "```text", run(example).rstrip(), "```", ""]
    return "\n".join(lines)
