"""Curation audit against the seed documents: provenance of dates and numbers, no copied sentences,
every record resting on a seed, no duplicate events. Used by the tests and ``karabakh-data audit``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from karabakh_data.curation.curated import Rows
from karabakh_data.errors import Problem
from karabakh_data.frames import frame_from_rows
from karabakh_data.schema import CITATIONS, TABLES

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH = "(" + "|".join(m[:3] + r"[a-z]*\.?" for m in MONTHS) + ")"
# Mis-decoded characters of the 001 snapshot, and typographic variants.
_REPAIRS = {"每": "-", "邦": "ü", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\xa0": " "}
_MULTIPLIERS = {"thousand": 10**3, "million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9}
SHINGLE = 8  # a run of this many words shared with a seed counts as copied

# What the audit checks, read from the field roles in the registry (see schema/model.py).
DATE_FIELDS = {
    t.name: tuple((f.name, f.precision) for f in t.fields if f.type == "date" and f.role == "stated")
    for t in TABLES.values()
}
NUMBER_FIELDS = {
    t.name: tuple(f.name for f in t.fields if f.type in ("integer", "number") and f.role == "stated")
    for t in TABLES.values()
}
PROSE_FIELDS = {t.name: tuple(f.name for f in t.fields if f.role == "prose") for t in TABLES.values()}
ACTOR_FIELDS = {t.name: tuple(f.name for f in t.fields if f.role == "named_actor") for t in TABLES.values()}
# Words that take a side (methodology.md, Neutral voice): only inside quotation marks, as someone's words.
LOADED = re.compile(
    r"\b(occup(?:ied|ying|ation|iers?)|liberat\w*|terroris\w*|separatis\w*|aggress\w*"
    r"|recaptur\w*|retook|retak(?:e|en|ing)|regain\w*|reclaim\w*"
    r"|recovered (?:territor\w*|lands?|areas?|districts?))\b", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|(?<![\w])\'[^\']*\'(?![\w])')
_GARBLED = re.compile(r"[^\x00-\u024f\u2000-\u206f]+")


def _undo_mis_decoding(run: re.Match[str]) -> str:
    try:
        return run.group(0).encode("big5").decode("gb18030")
    except UnicodeError:
        return run.group(0)


def undo_mis_decoding(text: str) -> str:
    """Seed-001's garbled runs restored: they are GB18030 text that was decoded as Big5."""
    return _GARBLED.sub(_undo_mis_decoding, text)


def repair(text: str) -> str:
    """Seed text with mis-decoded characters and dashes normalised."""
    for bad, good in _REPAIRS.items():
        text = text.replace(bad, good)
    return text


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", repair(text).lower())


@dataclass(frozen=True)
class Seed:
    """One seed document and what can be looked up in it."""

    name: str
    text: str

    @cached_property
    def numbers(self) -> frozenset[float]:
        found: set[float] = set()
        pattern = r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|bn|m|b)?\b"
        for digits, unit in re.findall(pattern, self.text, flags=re.IGNORECASE):
            base = float(digits.replace(",", "").rstrip("."))
            found.add(base)
            if unit:
                found.add(round(base * _MULTIPLIERS[unit.lower()]))
        return frozenset(found)

    @cached_property
    def number_words(self) -> frozenset[int]:
        """Numbers written in words ("six hundred", "two", "forty-four")."""
        found: set[int] = set()
        tokens = re.findall(r"[a-z]+", self.text.lower())
        i = 0
        while i < len(tokens):
            value, used = _words_to_number(tokens[i:i + 6])
            if used:
                found.add(value)
                i += used
            else:
                i += 1
        return frozenset(found)

    @cached_property
    def day_months(self) -> frozenset[tuple[int, int]]:
        found: set[tuple[int, int]] = set()
        text = self.text.lower()
        for first, last, month in re.findall(rf"\b(\d{{1,2}})(?:\s*(?:-|and|to)\s*(\d{{1,2}}))?\s+{_MONTH}",
                                             text):
            m = _month_number(month)
            found.update({(int(d), m) for d in (first, last) if d})
        month_first = rf"{_MONTH}\s+(\d{{1,2}})(?:\s*(?:-|to|and)\s*(\d{{1,2}}))?\b"
        for month, first, last in re.findall(month_first, text):
            m = _month_number(month)
            found.update({(int(d), m) for d in (first, last) if d})
        for _, month, day in re.findall(r"\b(20\d\d)-(\d\d)-(\d\d)\b", text):
            found.add((int(day), int(month)))
        return frozenset(found)

    @cached_property
    def months(self) -> frozenset[int]:
        return frozenset(_month_number(m) for m in re.findall(rf"\b{_MONTH}", self.text.lower()))

    @cached_property
    def years(self) -> frozenset[int]:
        return frozenset(int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", self.text))

    @cached_property
    def shingles(self) -> frozenset[tuple[str, ...]]:
        tokens = words(self.text)
        return frozenset(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))

    def states_date(self, value: dt.date, precision: str | None) -> bool:
        if precision == "approximate":
            return True  # an approximate date is a curator's reading; the note says how it was read
        if precision == "year":
            return value.year in self.years
        if precision == "month":
            return value.month in self.months and value.year in self.years
        return (value.day, value.month) in self.day_months

    @cached_property
    def headings(self) -> frozenset[str]:
        """Every short line (a heading: ``== Casualties ==`` or a bare title line), lowercased."""
        lines = (re.sub(r"^=+\s*|\s*=+$", "", line.strip()).lower() for line in self.text.splitlines())
        return frozenset(line for line in lines if line and len(line.split()) <= 12)

    @cached_property
    def lowered(self) -> str:
        return " ".join(words(self.text))

    def names(self, name: str) -> bool:
        """Whether the seed gives ``name`` (as words, case and punctuation ignored)."""
        wanted = " ".join(words(name))
        return bool(wanted) and f" {wanted} " in f" {self.lowered} "

    def states_number(self, value: float) -> bool:
        return float(value) in self.numbers or value in self.number_words


_UNITS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"))}
_TENS = {w: 10 * i for i, w in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}


def _words_to_number(tokens: list[str]) -> tuple[int, int]:
    """The number spelled by the first words of ``tokens`` and how many words it used (0: none)."""
    total = current = used = 0
    for token in tokens:
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES and used:
            scale = _SCALES[token]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        else:
            break
        used += 1
    return total + current, used


def _month_number(token: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if token.startswith(m[:3]))


# Parts of a locator that name a place in a seed that has no heading of its own (methodology.md).
_PLACES_WITHOUT_HEADING = re.compile(
    r"(introduction|infobox(, note [a-z])?|page header|notes|paragraphs? \d+(\s*(-|\u2013|and)\s*\d+)?"
    r"|table|photo caption|untitled .+)", re.IGNORECASE)


def _unfound_heading(locator: str, seed: Seed) -> str | None:
    """The first heading of ``locator`` (``Section > Subsection; ref N``) that ``seed`` lacks, if any."""
    for part in locator.split(";"):
        part = part.strip()
        if not part or re.match(r"(refs?|references?)\b", part, re.IGNORECASE):
            continue
        for heading in part.split(" > "):
            heading = re.sub(r"\s*\([^)]*\)\s*$", "", heading).strip()
            if heading and heading.lower() not in seed.headings and not _PLACES_WITHOUT_HEADING.fullmatch(
                    heading):
                return heading
    return None


def load_seeds(folder: Path) -> dict[str, Seed]:
    """The seed documents in ``folder``, by file name."""
    return {p.name: Seed(p.name, repair(undo_mis_decoding(p.read_text(encoding="utf-8"))))
            for p in sorted(folder.glob("*.txt"))}


Finding = Problem  # an audit finding names the table where a build problem names the file


class Audit:
    """Audit of curated rows against the seeds."""

    def __init__(self, rows: Rows, seeds: Mapping[str, Seed]) -> None:
        self.frames = {name: frame_from_rows(t, rows.tables[name]) for name, t in TABLES.items()}
        self.seeds = seeds
        sources = self.frames["sources"].set_index("id")
        self._document = {i: (None if pd.isna(d) else d) for i, d in sources["document"].items()}
        self._via = {i: (None if pd.isna(v) else v) for i, v in sources["cited_via"].items()}
        self._publisher = {d: str(p) for d, p in zip(sources["document"], sources["publisher"], strict=True)
                           if not pd.isna(d)}

    def seed_of(self, source_id: str) -> str | None:
        """The seed document a source is read in (following cited_via)."""
        seen: set[str] = set()
        while source_id and source_id not in seen:
            seen.add(source_id)
            if self._document.get(source_id):
                return self._document[source_id]
            source_id = self._via.get(source_id)  # type: ignore[assignment]
        return None

    def cited_seeds(self, table: str) -> dict[str, set[str]]:
        """For each record of ``table``, the seed documents its citations rest on."""
        if table == "sources":
            return {i: {s} if (s := self.seed_of(i)) else set() for i in self.frames["sources"]["id"]}
        link = CITATIONS[table]
        frame = self.frames[link.name]
        result: dict[str, set[str]] = {i: set() for i in self.frames[table]["id"]}
        for record, source in zip(frame[link.nesting.parent_field], frame["source_id"], strict=True):
            seed = self.seed_of(source)
            if seed and record in result:
                result[record].add(seed)
        return result

    def unsourced(self) -> Iterator[Finding]:
        for table in ("sources", *CITATIONS):
            for record, seeds in self.cited_seeds(table).items():
                if not seeds:
                    yield Finding(table, record, "cite", "no citation rests on a seed document")

    def unstated(self) -> Iterator[Finding]:
        """Dates and numbers not stated in any seed the record cites."""
        for table in sorted(t for t in CITATIONS if DATE_FIELDS[t] or NUMBER_FIELDS[t]):
            frame = self.frames[table].set_index("id")
            cited = self.cited_seeds(table)
            for record, row in frame.iterrows():
                seeds = [self.seeds[s] for s in cited.get(record, ()) if s in self.seeds]
                if not seeds:
                    continue
                for field, precision_field in DATE_FIELDS.get(table, ()):
                    value = row[field]
                    if pd.isna(value):
                        continue
                    precision = None if precision_field is None or pd.isna(row[precision_field]) else str(
                        row[precision_field])
                    if precision == "bounded":
                        continue  # bounds, not a stated date: checked by the build's rules
                    if not any(s.states_date(value.date(), precision) for s in seeds):
                        yield Finding(table, str(record), field,
                                      f"{value.date()} ({precision or 'day'}) is not stated in "
                                      f"{', '.join(s.name for s in seeds)}")
                for field in NUMBER_FIELDS.get(table, ()):
                    value = row[field]
                    if pd.isna(value):
                        continue
                    if not any(s.states_number(value) for s in seeds):
                        yield Finding(table, str(record), field,
                                      f"{value} is not stated in {', '.join(s.name for s in seeds)}")

    def prose(self) -> Iterator[tuple[str, str, str, str]]:
        """(table, record key, field, text) of every prose field written."""
        for table, fields in PROSE_FIELDS.items():
            frame = self.frames[table]
            key = TABLES[table].primary_key
            for _, row in frame.iterrows():
                for field in fields:
                    if not pd.isna(row[field]):
                        yield table, "/".join(str(row[k]) for k in key), field, str(row[field])

    def copied(self) -> Iterator[Finding]:
        """Prose that repeats a run of SHINGLE words of a seed."""
        shingles = {name: seed.shingles for name, seed in self.seeds.items()}
        for table, record, field, text in self.prose():
            tokens = words(text)
            for i in range(len(tokens) - SHINGLE + 1):
                run = tuple(tokens[i:i + SHINGLE])
                hit = next((n for n, s in shingles.items() if run in s), None)
                if hit:
                    yield Finding(table, record, field,
                                  f"repeats {' '.join(run)!r} from {hit}; write it in our own words")
                    break

    def unnamed_actors(self) -> Iterator[Finding]:
        """Claimants, accused, speakers and suppliers that no seed the record cites names."""
        actors = self.frames["actors"].set_index("id")
        aliases = self.frames["actor_aliases"].groupby("actor_id", observed=True)["alias"].agg(list)
        named = actors["named"].fillna(True).astype(bool)
        for table, fields in ACTOR_FIELDS.items():
            if not fields or table not in CITATIONS:
                continue
            cited = self.cited_seeds(table)
            for _, row in self.frames[table].iterrows():
                seeds = [self.seeds[s] for s in cited.get(row["id"], ()) if s in self.seeds]
                for field in fields:
                    actor = row[field]
                    if pd.isna(actor) or not seeds or actor not in actors.index or not named[actor]:
                        continue
                    names = [str(actors.at[actor, "name"]), *aliases.get(actor, [])]
                    if names[0] in {self._publisher.get(s.name) for s in seeds}:
                        continue  # the seed's own voice: an encyclopedia does not name itself
                    if not any(s.names(n) for s in seeds for n in names):
                        yield Finding(table, str(row["id"]), field,
                                      f"{actor!r}: no seed the record cites names {names[0]!r} or an alias; "
                                      "name the actor the seed names, or add the seed's spelling as an alias")

    def loaded_words(self) -> Iterator[Finding]:
        """Prose using a word that takes a side outside quotation marks."""
        for table, record, field, text in self.prose():
            found = LOADED.search(_QUOTED.sub(" ", text))
            if found:
                yield Finding(table, record, field, f"{found.group(0)!r} in our own voice; quote it as the "
                              "words of whoever used it, or say it neutrally")

    def unfound_locators(self) -> Iterator[Finding]:
        """Citations of a seed whose locator names a heading that seed does not have."""
        documents = {i for i, d in self._document.items() if d}
        for table, link in CITATIONS.items():
            frame = self.frames[link.name]
            parent = link.nesting.parent_field if link.nesting else link.field_names[0]
            for record, source, locator in zip(frame[parent], frame["source_id"], frame["locator"],
                                               strict=True):
                seed = self.seeds.get(str(self._document.get(source))) if source in documents else None
                if seed is None or pd.isna(locator):
                    continue
                missing = _unfound_heading(str(locator), seed)
                if missing:
                    yield Finding(table, str(record), "cite", f"locator {locator!r}: {seed.name} has no "
                                  f"heading {missing!r}; name a heading path of the seed, or ref N")

    def duplicate_events(self) -> Iterator[Finding]:
        """Events with the same dates, kind, place and actors in the same roles."""
        events = self.frames["events"]
        actors = self.frames["event_actors"]
        roles = actors.groupby("event_id", observed=True).apply(
            lambda g: tuple(sorted(zip(g["actor_id"], g["role"].astype(str), strict=True))))
        key = events.apply(lambda e: (e["date_start"], e["date_end"], str(e["kind"]), e["place_id"],
                                      roles.get(e["id"], ())), axis=1)
        seen: dict[object, list[tuple[str, set[str]]]] = {}
        for event_id, k, title in zip(events["id"], key, events["title"], strict=True):
            title_words = set(words(str(title)))
            for other, other_words in seen.get(k, []):
                overlap = len(title_words & other_words) / max(1, len(title_words | other_words))
                if overlap >= 0.5:
                    yield Finding("events", event_id, "id", f"duplicates event {other!r} (same dates, kind, "
                                  "place and actors, similar title)")
            seen.setdefault(k, []).append((event_id, title_words))

    def findings(self) -> list[Finding]:
        return [*self.unsourced(), *self.unstated(), *self.copied(), *self.unnamed_actors(),
                *self.unfound_locators(), *self.loaded_words(), *self.duplicate_events()]
