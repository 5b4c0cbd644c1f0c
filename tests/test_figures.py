"""The figures: drawn by the command from the published data, and current."""

from __future__ import annotations

import json
import struct
from pathlib import Path

from karabakh_data.curation.figures import FIGURES, data_fingerprint, write_figures


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_command_draws_every_figure(tmp_path: Path) -> None:
    written = write_figures(tmp_path)
    assert [p.name for p in written] == list(FIGURES)
    for path in written:
        width, height = _png_size(path)
        assert width > 600 and height > 300, path.name


def test_committed_figures_are_drawn_from_the_current_data(root: Path) -> None:
    folder = root / "docs" / "figures"
    record = json.loads((folder / "figures.json").read_text())
    assert record["data"] == data_fingerprint(), "docs/figures is stale: run `karabakh-data figures`"
    for name in FIGURES:
        _png_size(folder / name)


def test_casualty_figure_covers_every_death_figure_and_the_official_tolls() -> None:
    import karabakh_data as kd
    from karabakh_data.curation.figures import _death_figures

    deaths = _death_figures()
    killed = kd.load("casualties").query("measure == 'killed'")
    assert set(deaths["id"]) == set(killed["id"])
    official = deaths[(deaths["relation"] == "own") & (deaths["victim_group"] == "military")]
    assert {"armenia", "azerbaijan"} <= set(official["side"])  # each side's own toll is drawn
    assert official["as_of"].max().year > 2021  # later official tolls are not cut off


def test_figure_labels_are_plain_words() -> None:
    from karabakh_data.curation.figures import SIDE_COLOURS
    from karabakh_data.schema.vocabularies import label

    for value, vocabulary in [*((s, "LOSS_SIDE") for s in SIDE_COLOURS), ("drone_strike", "EVENT_KIND"),
                              ("self_propelled_artillery", "EQUIPMENT_CATEGORY")]:
        assert "_" not in label(value, vocabulary)
