"""Every table rule: the row rules, plus rules across rows and tables (breakdowns that add up, honest
date bounds, party claims by belligerents, statements linked in time, disagreements with versions)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from karabakh_data.curation.validation.row_rules import ROW_RULES, Frames, Rule
from karabakh_data.frames import earliest_latest
from karabakh_data.schema.tables import TABLES, VERSIONS
from karabakh_data.schema.vocabularies import BELLIGERENTS

ADMISSIONS = ("acknowledgement", "partial_acknowledgement")
DENIALS = ("denial", "refutation")


def breakdown_sums(frame: pd.DataFrame) -> pd.DataFrame:
    """Every stated total that has breakdown rows: its count, the sum of its parts, and whether the
    parts are complete (all have a count_best)."""
    parts = frame.dropna(subset=["part_of_id"])
    grouped = parts.groupby("part_of_id", observed=True)["count_best"]
    sums = pd.DataFrame({"parts_sum": grouped.sum(min_count=1), "parts": grouped.size(),
                         "complete": grouped.apply(lambda s: bool(s.notna().all()))})
    totals = frame.set_index("id")[["count_best"]].join(sums, how="inner")
    totals["adds_up"] = totals["count_best"] == totals["parts_sum"]
    return totals


def _breakdown_adds_up(df: pd.DataFrame, frames: Frames) -> pd.Series:
    totals = breakdown_sums(df)
    checked = totals[totals["complete"] & totals["count_best"].notna()]
    mismatched = set(checked.index[~checked["adds_up"].astype(bool)])
    documented = df["inconsistency"].notna()
    bad_total = df["id"].isin(mismatched) & ~documented
    stale_note = documented & ~df["id"].isin(mismatched)
    return ~(bad_total | stale_note)


def _parents(actors: pd.DataFrame) -> dict[str, str | None]:
    pairs = zip(actors["id"], actors["parent_id"], strict=True)
    return {actor: (None if pd.isna(parent) else str(parent)) for actor, parent in pairs}


def root_actor(actor: str, parents: Mapping[str, str | None]) -> str:
    """The top of ``actor``'s parent chain (a ministry's state, an official's country)."""
    seen = {actor}
    while (parent := parents.get(actor)) and parent not in seen:
        seen.add(parent)
        actor = parent
    return actor


def _in_cycle(actor: str, parents: Mapping[str, str | None]) -> bool:
    seen: set[str] = set()
    current: str | None = actor
    while current is not None and current not in seen:
        seen.add(current)
        current = parents.get(current)
    return current == actor


def derive_status(accused: str, links: list[tuple[str, str, bool]], parents: Mapping[str, str | None]) -> str:
    """An allegation's status from the (speaker, stance, standing) of the statements answering it.

    Standing links (statements made before the allegation) never settle the status. An admission by the
    accused's side makes it acknowledged (or partially_acknowledged); a corroboration and a denial or
    refutation make it disputed; otherwise corroborated, denied, or unverified.
    """
    current = [(speaker, stance) for speaker, stance, standing in links if not standing]
    accused_root = root_actor(accused, parents)
    by_accused = [stance for speaker, stance in current if root_actor(speaker, parents) == accused_root]
    stances = {stance for _, stance in current}
    if "acknowledgement" in by_accused:
        return "acknowledged"
    if "partial_acknowledgement" in by_accused:
        return "partially_acknowledged"
    corroborated = "corroboration" in stances
    denied = bool(stances & set(DENIALS))
    if corroborated and denied:
        return "disputed"
    if corroborated:
        return "corroborated"
    return "denied" if denied else "unverified"


def _bounds(date: str, precision: str, prefix: str) -> Callable[[pd.DataFrame, Frames], pd.Series]:
    """Bounded rows give no date but both bounds in order; dated rows give a date and no bounds."""
    def holds(df: pd.DataFrame, _: Frames) -> pd.Series:
        earliest, latest = df[f"{prefix}_earliest"], df[f"{prefix}_latest"]
        bounded = df[precision].astype(object) == "bounded"
        has_bounds = earliest.notna() & latest.notna() & (earliest <= latest).fillna(False)
        no_bounds = earliest.isna() & latest.isna()
        dated = df[date].notna() | df[precision].isna()
        return ((bounded & df[date].isna() & has_bounds) | (~bounded & dated & no_bounds)).astype(bool)
    return holds




def _claimants(df: pd.DataFrame, frames: Frames, roles: tuple[str, ...],
               statement_roles: tuple[str, ...] = ()) -> pd.Series:
    """Each row's claimants: ``claimant_id``, or for events the actors in ``roles`` (and, for statement
    events, in ``statement_roles``)."""
    if "claimant_id" in df:
        return df["claimant_id"].astype(str).map(lambda a: [a])
    actors = frames["event_actors"]
    role = actors["role"].astype(object)
    kinds = dict(zip(df["id"], df["kind"].astype(object), strict=True))  # ids may repeat in bad input
    statement = actors["event_id"].map(kinds) == "statement"
    chosen = actors[role.isin(roles) | (statement & role.isin(statement_roles))]
    by_event = chosen.groupby("event_id", observed=True)["actor_id"].agg(lambda s: [str(a) for a in s])
    return df["id"].map(lambda i: by_event.get(i, []))


def _claimed_by_belligerents(df: pd.DataFrame, frames: Frames, roles: tuple[str, ...],
                             statement_roles: tuple[str, ...] = ()) -> pd.Series:
    """Whether each row has claimants (see ``_claimants``) and all are named belligerents or their bodies."""
    actors = frames["actors"]
    named = set(actors.loc[actors["named"].fillna(True).astype(bool), "id"].astype(str))
    parents = _parents(actors)

    def belligerent(actor: str) -> bool:
        return actor in named and root_actor(actor, parents) in BELLIGERENTS

    claimants = _claimants(df, frames, roles, statement_roles)
    return claimants.map(lambda cs: len(cs) > 0 and all(belligerent(str(c)) for c in cs)).astype(bool)


def _party_claim_by_belligerent(df: pd.DataFrame, frames: Frames) -> pd.Series:
    if df.empty:
        return pd.Series([], dtype=bool)
    party = df["evidence"].astype(object) == "party_claim"
    return (~party | _claimed_by_belligerents(df, frames, ("claimant", "issuer"))).astype(bool)


def _belligerent_claim_is_party_claim(df: pd.DataFrame, frames: Frames) -> pd.Series:
    if df.empty:
        return pd.Series([], dtype=bool)
    weak = df["evidence"].astype(object).isin(("third_party_report", "unattributed_claim"))
    return (~(weak & _claimed_by_belligerents(df, frames, ("claimant",), ("issuer",)))).astype(bool)


def _no_parent_cycle(df: pd.DataFrame, frames: Frames) -> pd.Series:
    parents = _parents(df)
    return df["id"].map(lambda a: not _in_cycle(str(a), parents)).astype(bool)


def _statement_dates(frames: Frames) -> tuple[pd.Series, pd.Series]:
    statements = frames["statements"].set_index("id")
    allegations = frames["allegations"].set_index("id")
    said = earliest_latest(statements, "date", "date_precision", "date")["latest"]
    alleged = earliest_latest(allegations, "date_alleged", "date_precision", "date")["earliest"]
    return said, alleged


def _standing_if_earlier(df: pd.DataFrame, frames: Frames) -> pd.Series:
    if df.empty:
        return pd.Series([], dtype=bool)
    said, alleged = _statement_dates(frames)
    before = df["statement_id"].map(said) < df["allegation_id"].map(alleged)
    return (~before.fillna(False).astype(bool) | df["standing"].fillna(False).astype(bool)).astype(bool)


def _disagreement_has_versions(df: pd.DataFrame, frames: Frames) -> pd.Series:
    counts = pd.concat([frames[t.name]["disagreement_id"].dropna() for t in VERSIONS.values()]).value_counts()
    return df["id"].map(lambda i: counts.get(i, 0) >= 2).astype(bool)


def _acknowledged_by_accused(df: pd.DataFrame, frames: Frames) -> pd.Series:
    if df.empty:
        return pd.Series([], dtype=bool)
    accused = frames["allegations"].set_index("id")["accused_id"]
    speakers = frames["statements"].set_index("id")["speaker_id"]
    parents = _parents(frames["actors"])

    def fine(row: pd.Series) -> bool:
        if str(row["stance"]) not in ADMISSIONS:
            return True
        if row["allegation_id"] not in accused.index or row["statement_id"] not in speakers.index:
            return True
        speaker = root_actor(str(speakers[row["statement_id"]]), parents)
        return speaker == root_actor(str(accused[row["allegation_id"]]), parents)
    return df.apply(fine, axis=1).astype(bool)


_BOUNDED = (("as_of", "as_of_precision", "as_of"), ("date_alleged", "date_precision", "date"),
            ("date", "date_precision", "date"), ("published_date", "published_precision", "published"))
_BOUND_MESSAGE = ("with precision `bounded` give no {date} but both {prefix}_earliest and {prefix}_latest "
                  "(earliest first); with any other precision give {date} and no bounds")

DATASET_RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("breakdown_adds_up", "inconsistency",
             "the breakdown rows (part_of_id) must add up to this total, or `inconsistency` must say what "
             "does not add up (and only then)", _breakdown_adds_up),
        Rule("acknowledged_by_accused", "stance",
             "an acknowledgement must come from the accused's side; use corroboration for others",
             _acknowledged_by_accused, across_tables=True),
        Rule("standing_if_earlier", "standing",
             "the statement was made before the allegation it answers: mark the link `standing: true` "
             "(an earlier, standing position) or link it to the allegation it really answers",
             _standing_if_earlier, across_tables=True),
        Rule("party_claim_by_belligerent", "evidence",
             "party_claim is only for claims by a named belligerent (Armenia, Artsakh, Azerbaijan, their "
             "bodies and officials); use third_party_report or unattributed_claim",
             _party_claim_by_belligerent, across_tables=True),
        Rule("belligerent_claim_is_party_claim", "evidence",
             "the claimant (for a statement event, its issuer) is a named belligerent, so the evidence is "
             "party_claim (or stronger: acknowledged_by_accused, independently_verified, visually_confirmed)",
             _belligerent_claim_is_party_claim, across_tables=True),
        Rule("no_parent_cycle", "parent_id", "parent_id leads back to this record (a cycle)",
             _no_parent_cycle),
        Rule("disagreement_has_versions", "id",
             "a disagreement needs at least two records listing it under `disagreements` (events, "
             "casualties, equipment_losses, allegations, statements or arms_transfers)",
             _disagreement_has_versions, across_tables=True),
        *(Rule(f"{prefix if date != 'date_alleged' else 'date_alleged'}_bounds", precision,
               _BOUND_MESSAGE.format(date=date, prefix=prefix), _bounds(date, precision, prefix))
          for date, precision, prefix in _BOUNDED),
    )
}
RULES: dict[str, Rule] = {**ROW_RULES, **DATASET_RULES}


def _check_rule_names() -> None:
    """Every rule a table of the registry names exists (checked when the rules are first imported)."""
    missing = [f"{t.name}: no rule {rule!r}" for t in TABLES.values() for rule in t.rules
               if rule not in RULES]
    if missing:
        raise ValueError("; ".join(missing))


_check_rule_names()
