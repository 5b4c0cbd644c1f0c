"""Values the build computes from the curated records instead of a curator typing them."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from karabakh_data.curation.validation.rules import derive_status


def fill_derived(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Set every derived field in place: today, each allegation's status from its statements."""
    parents = {row["id"]: row.get("parent_id") for row in tables["actors"]}
    speakers = {row["id"]: row["speaker_id"] for row in tables["statements"]}
    links: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for link in tables["statement_allegations"]:
        speaker = speakers.get(link["statement_id"])
        if speaker is not None:
            links[link["allegation_id"]].append((speaker, link["stance"], bool(link["standing"])))
    for allegation in tables["allegations"]:
        allegation["status"] = derive_status(allegation["accused_id"], links[allegation["id"]], parents)
