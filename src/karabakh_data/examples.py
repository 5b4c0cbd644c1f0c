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


EXAMPLES: tuple[Example, ...] = (
    Example("What happened on 8 November 2020, where, and says who? (day-precise events)",
            'kd.timeline().query("date_start <= \'2020-11-08\' <= date_end and date_precision == \'day\'")'
            '[["title", "place", "actors"]]'),
    Example("On which dates do the sources disagree?",
            'kd.disagreements().query("kind == \'date\'")[["subject", "table", "date", "record_id"]]'),
    Example("The latest official military death toll of each side, as stated by that side",
            'sides = kd.load("actors").astype({"side": str})[["id", "side"]].rename(columns={"id": "claimant_id", "side": "claimant_side"})\n'
            'own = kd.load("casualties").merge(sides, on="claimant_id").query(\n'
            '    "victim_group == \'military\' and measure == \'killed\' and evidence == \'party_claim\' "\n'
            '    "and claimant_side == side and period_end <= \'2020-11-10\'")\n'
            'own.sort_values("as_of").groupby("side", observed=True).tail(1)'
            '[["side", "claimant_id", "count_best", "qualifier", "as_of", "as_of_precision"]]'),
    Example("How each side's claims about the other's military dead evolved",
            'sides = kd.load("actors").astype({"side": str})[["id", "side"]].rename(columns={"id": "claimant_id", "side": "claimant_side"})\n'
            'cas = kd.load("casualties").merge(sides, on="claimant_id")\n'
            'cas.query("victim_group == \'military\' and measure == \'killed\' and claimant_side != side "\n'
            '          "and claimant_side != \'third_party\'").sort_values("as_of")'
            '[["as_of", "claimant_id", "side", "count_best", "qualifier"]]'),
    Example("How Azerbaijan's claims of destroyed Armenian equipment grew over time",
            'kd.load("equipment_losses").query("claimant_id in [\'azerbaijan\', \'azerbaijan-mod\'] and owner_side == \'armenia\' "\n'
            '                                  "and category in [\'tank\', \'artillery\', \'air_defence\', \'all\']")'
            '.sort_values(["category", "as_of"])[["as_of", "category", "model", "count_best", "qualifier", "value_usd"]]'),
    Example("Oryx's visually confirmed losses per side and category (DuckDB SQL)",
            "duckdb.sql(f\"\"\"select owner_side, category, status, count_best, inconsistency is not null as mismatch\n"
            "from read_parquet('{kd.path('equipment_losses')}')\n"
            "where claimant_id = 'oryx' order by owner_side, category, part_of_id nulls first, status\"\"\").df()"),
    Example("Known inconsistencies of the sources: stated breakdowns that do not add up to their totals",
            'pd.concat([kd.load(t).dropna(subset=["inconsistency"])[["id", "claimant_id", "count_best", "inconsistency"]]\n'
            '           for t in ("equipment_losses", "casualties")])'),
    Example("Every figure reported for the strikes on Barda",
            'kd.load("casualties").query("place_id == \'barda\'")'
            '[["claimant_id", "victim_group", "measure", "count_best", "qualifier", "as_of", "event_id"]]'),
    Example("Allegations against Turkey, by kind and status",
            'kd.load("allegations").query("accused_id == \'turkey\'")'
            '.groupby(["kind", "status"], observed=True).size().rename("allegations").reset_index()'),
    Example("Every response to the allegations of Syrian fighters sent through Turkey",
            'al = kd.load("allegations").query("accused_id == \'turkey\' and kind == \'foreign_fighters\'")\n'
            'al.merge(kd.load("allegation_responses"), left_on="id", right_on="allegation_id", suffixes=("", "_r"))'
            '.groupby(["responder_id", "stance"], observed=True).size().rename("responses").reset_index()'),
    Example("Everything later acknowledged by the accused",
            'kd.load("allegations").query("status == \'acknowledged\'")'
            '[["date_alleged", "alleged_by_id", "accused_id", "kind"]]'),
    Example("Every arms transfer to Armenia with its status",
            'kd.load("arms_transfers").query("recipient_id == \'armenia\'")[["supplier_id", "system", "status"]]'),
    Example("How many events of each kind? (DuckDB SQL)",
            "duckdb.sql(f\"select kind, count(*) as n from read_parquet('{kd.path('events')}') "
            "group by kind order by n desc, kind\").df()"),
    Example("Civilian figures per claimant (Polars)",
            'pl.read_parquet(kd.path("casualties")).filter(pl.col("victim_group") == "civilian")'
            '.group_by("claimant_id").len().sort("len", "claimant_id", descending=[True, False]).head(10)'),
)


def _namespace() -> dict[str, object]:
    import duckdb
    import polars as pl

    import karabakh_data as kd

    return {"kd": kd, "pd": pd, "duckdb": duckdb, "pl": pl}


def run(example: Example) -> str:
    """The output of an example, as a user would see it printed."""
    namespace = _namespace()
    with pd.option_context("display.width", 120, "display.max_columns", 8, "display.max_colwidth", 60,
                           "display.max_rows", 40):
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
