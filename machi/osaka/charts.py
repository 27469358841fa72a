"""Osaka's charts: pure functions from the Housing and Land Survey rows (and the wards' own boundaries) and
a language to a plotly Figure. The ward map is plain SVG shapes on hidden axes: no map tiles, no topojson,
no WebGL."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from machi.core import fmt
from machi.core.charts import BLUE, GREEN, GREY, NAVY, ORANGE, style
from machi.core.text import t
from machi.osaka.logic import ward_names, ward_shapes


def ward_ranking(wards: pd.DataFrame, refs: list[tuple[str, float]], metric: str, lang: str) -> go.Figure:
    """The wards ranked by `metric` (vacancy_rate_pct or vacant_other_rate_pct), highest on top,
    with reference lines (city, prefecture, nation) labelled with their values."""
    rows = wards.sort_values(metric, ascending=True)
    names = ward_names(rows, lang)
    fig = go.Figure(
        go.Bar(
            y=names,
            x=rows[metric],
            orientation="h",
            marker_color=BLUE,
            # values inside each bar at its base, so the reference lines (at 13–17 %) never cross a label
            text=[fmt.percent(v, 1, lang=lang) for v in rows[metric]],
            textposition="inside",
            insidetextanchor="start",
            textfont=dict(color="white", size=14),
            constraintext="none",
            hovertemplate="%{y}: %{x:.2f}%<extra></extra>",
        )
    )
    dashes = ["dash", "dot", "dashdot"]
    for i, ((label, value), dash) in enumerate(zip(refs, dashes)):
        if fmt.is_missing(value):
            continue
        fig.add_vline(x=value, line=dict(color=NAVY, dash=dash, width=2))
        # labels stacked above the plot so that close values do not overprint each other
        fig.add_annotation(
            x=value,
            y=1.0,
            yref="paper",
            yshift=6 + 20 * i,
            yanchor="bottom",
            text=f"{label} {fmt.percent(value, 1, lang=lang)}",
            showarrow=False,
            xanchor="left",
            font=dict(size=13, color=NAVY),
        )
    fig.update_xaxes(ticksuffix="%", range=[0, float(rows[metric].max()) * 1.18], title_text=t("osaka.axis_rate", lang))
    fig = style(fig, height=140 + 28 * len(rows))
    fig.update_layout(showlegend=False, margin=dict(t=30 + 22 * len(refs)))
    return fig


def simplify_geojson(geojson: dict, tolerance: float) -> dict:
    """A copy of a polygon GeoJSON for drawing, each ring simplified (Douglas–Peucker) so that no
    point moves more than `tolerance` degrees; rings keep at least four points and stay closed.
    Properties are unchanged. (Ward boundaries at 0.0002°, about 20 m, are the same on screen: at the
    map's size one pixel is about 30 m; the figure is a quarter of the size.)"""

    def ring(points: list) -> list:
        if len(points) <= 4:
            return points
        keep = [False] * len(points)
        keep[0] = keep[-1] = True
        stack = [(0, len(points) - 1)]
        while stack:
            a, b = stack.pop()
            (ax, ay), (bx, by) = points[a][:2], points[b][:2]
            dx, dy = bx - ax, by - ay
            norm = (dx * dx + dy * dy) ** 0.5
            far, far_d = None, tolerance
            for i in range(a + 1, b):
                px, py = points[i][:2]
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
                if d > far_d:
                    far, far_d = i, d
            if far is not None:
                keep[far] = True
                stack += [(a, far), (far, b)]
        out = [p for p, k in zip(points, keep) if k]
        return out if len(out) >= 4 else points

    def geometry(g: dict) -> dict:
        if g["type"] == "Polygon":
            return {**g, "coordinates": [ring(r) for r in g["coordinates"]]}
        if g["type"] == "MultiPolygon":
            return {**g, "coordinates": [[ring(r) for r in poly] for poly in g["coordinates"]]}
        return g

    return {**geojson, "features": [{**f, "geometry": geometry(f["geometry"])} for f in geojson["features"]]}


def geo_center(geojson: dict) -> dict:
    """The centre of a polygon GeoJSON's bounding box, {lon, lat}."""
    points = [p for feature in geojson["features"] for ring in _rings(feature["geometry"]) for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return {"lon": (min(lons) + max(lons)) / 2, "lat": (min(lats) + max(lats)) / 2}


#: Fill of a ward with no value for the measure: grey and hatched (and "n/a" in its hover), never a shade
#: of the scale.
NO_VALUE_FILL = dict(colour="#d5d9de", pattern="/")


def ward_map(wards: pd.DataFrame, geojson: dict, metric: str, label: str, lang: str) -> go.Figure:
    """Choropleth of the wards drawn from our own GeoJSON as plain SVG shapes: one filled outline per
    ward (its rings, islands included), shaded on the Oranges scale from the lowest to the highest
    value, with a colour bar. Axes are hidden and held at the true east–west : north–south ratio of
    the city's latitude. No map subplot at all: no tiles, no topojson to fetch, no WebGL (which remote
    desktops often lack); it prints as sharply as the other charts and draws faster.
    A ward's hover gives its name, the measure and its counts; `meta` is its area code. A ward with no
    boundary in the file is not drawn (the page names it: osaka.wards_without_boundary)."""
    df = wards.assign(name=ward_names(wards, lang))
    shapes = ward_shapes(geojson)
    values = df[metric].dropna()
    lo, hi = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    unit = t("osaka.unit_dwellings", lang)
    fig = go.Figure()
    labels = []  # (x, y, text, colour) of each ward's name and value, written on the map
    for row in df.itertuples():
        if row.area_code not in shapes:
            continue
        xs, ys = [], []
        for ring in _rings(shapes[row.area_code]):
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
        value = getattr(row, metric)
        missing = fmt.is_missing(value)
        colour = (
            NO_VALUE_FILL["colour"]
            if missing
            else sample_colorscale("Oranges", [(value - lo) / (hi - lo) if hi > lo else 0.5])[0]
        )
        text = (
            f"<b>{row.name}</b><br>{label}: "
            + (t("common.no_data", lang) if missing else fmt.percent(value, 1, lang=lang))
            + "<br>"
            + t("osaka.vacant_total", lang)
            + f": {fmt.number(row.vacant_total, lang=lang)} {unit}<br>"
            + t("osaka.dwellings_total", lang)
            + f": {fmt.number(row.dwellings_total, lang=lang)} {unit}"
        )
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            fillcolor=colour,
            fillpattern=dict(shape=NO_VALUE_FILL["pattern"]) if missing else None,
            line=dict(color="white", width=1.5),
            hoveron="fills",
            text=text,
            hoverinfo="text",
            name=row.name,
            meta=row.area_code,
            showlegend=False,
        )
        shown = t("common.no_data", lang) if missing else fmt.percent(value, 1, lang=lang)
        text = f"{short_ward_name(row, lang)}<br>{shown}"
        labels.append((label_candidates(shapes[row.area_code]), text, text_colour(colour)))
    if labels:  # names on the map itself, not only on hover (a council reads a projected or printed map)
        spots, texts, colours = zip(*labels)
        lx, ly = zip(*place_labels(list(zip(texts, spots))))
        fig.add_scatter(
            x=lx,
            y=ly,
            mode="text",
            text=texts,
            textfont=dict(size=11, color=list(colours)),
            hoverinfo="skip",
            showlegend=False,
            meta="ward_labels",
        )
    centre = geo_center(geojson)
    # the colour bar: one invisible point carrying the scale
    fig.add_scatter(
        x=[centre["lon"]],
        y=[centre["lat"]],
        mode="markers",
        hoverinfo="skip",
        showlegend=False,
        marker=dict(
            size=1,
            opacity=0,
            color=[lo],
            cmin=lo,
            cmax=hi,
            colorscale="Oranges",
            showscale=True,
            colorbar=dict(title=dict(text=label), ticksuffix="%"),
        ),
    )
    fig = style(fig, height=620)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(centre["lat"])))
    fig.update_layout(hovermode="closest", meta="ward_map")
    return fig


def short_ward_name(row, lang: str) -> str:
    """A ward's name as written on the map: 北区, in English Kita (the Japanese name is in its hover)."""
    en = row.ward_en if isinstance(row.ward_en, str) else row.ward_ja
    return t("osaka.map_ward", lang, ja=row.ward_ja, en=en)


def text_colour(fill: str) -> str:
    """Dark text on a light fill, white on a dark one (the contrast of a label on its ward)."""
    if fill.startswith("#"):
        r, g, b = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    else:
        r, g, b = (float(v) for v in fill[fill.index("(") + 1 : -1].split(",")[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#1d2430" if luminance > 140 else "white"


def label_candidates(geometry: dict, steps: int = 24, keep: int = 16) -> list[tuple[float, float, float]]:
    """Where a shape's label may go, best first: (x, y, distance to the nearest edge) of the points inside
    its largest polygon farthest from any edge, on a grid of `steps` × `steps` over the polygon's box (a
    coarse "pole of inaccessibility": unlike a centroid, never outside a concave or crescent-shaped ward)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    rings = max(polygons, key=lambda p: abs(_ring_area(p[0])))
    outer = rings[0]
    xs, ys = [p[0] for p in outer], [p[1] for p in outer]
    found = []
    for i in range(1, steps):
        for j in range(1, steps):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if _inside(x, y, outer) and not any(_inside(x, y, hole) for hole in rings[1:]):
                found.append((x, y, min(_segment_distance(x, y, ring) for ring in rings)))
    found.sort(key=lambda c: -c[2])
    return found[:keep] or [((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, 0.0)]


def label_point(geometry: dict, steps: int = 24) -> tuple[float, float]:
    """The best place for a shape's label on its own (see label_candidates)."""
    x, y, _ = label_candidates(geometry, steps)[0]
    return x, y


#: a map label's box in degrees, for keeping labels apart: about the size of its type on the chamber's
#: screen (20 px type on a map about 700 px high, the larger of the two views relative to the map)
LABEL_EM_DEG = 0.17 / 700 * 20


def label_box(text: str) -> tuple[float, float]:
    """(width, height) in degrees of a label of lines split by <br>: a wide (Japanese) character one em,
    a narrow one about 0.55 em; a line 1.25 em high."""
    import unicodedata

    lines = text.split("<br>")
    width = max(sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in line) for line in lines)
    return width * LABEL_EM_DEG / math.cos(math.radians(34.7)), len(lines) * 1.25 * LABEL_EM_DEG


def place_labels(items: list[tuple[str, list[tuple[float, float, float]]]]) -> list[tuple[float, float]]:
    """A point for each label (text, its candidates best first) so that labels overlap each other as little
    as they can: the labels with the fewest good places (the smallest wards) choose first, each taking the
    candidate that overlaps the labels placed so far least (and of those, the one farthest inside)."""
    placed: dict[int, tuple[float, float, float, float]] = {}  # index: (x, y, half width, half height)
    order = sorted(range(len(items)), key=lambda i: items[i][1][0][2])
    for i in order:
        text, candidates = items[i]
        w, h = label_box(text)

        def overlap(c, w=w, h=h) -> float:
            return sum(
                max(0.0, min(c[0] + w / 2, x + pw) - max(c[0] - w / 2, x - pw))
                * max(0.0, min(c[1] + h / 2, y + ph) - max(c[1] - h / 2, y - ph))
                for x, y, pw, ph in placed.values()
            )

        best = min(candidates, key=lambda c: (round(overlap(c) / (w * h), 2), -c[2]))
        placed[i] = (best[0], best[1], w / 2, h / 2)
    return [(placed[i][0], placed[i][1]) for i in range(len(items))]


def _ring_area(ring: list) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def _inside(x: float, y: float, ring: list) -> bool:
    inside = False
    for (ax, ay), (bx, by) in itertools.pairwise(p[:2] for p in ring):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def _segment_distance(x: float, y: float, ring: list) -> float:
    """The distance from (x, y) to the nearest edge of a ring (in degrees; enough to compare points)."""
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(p[:2] for p in ring):
        dx, dy = bx - ax, by - ay
        k = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))) if dx or dy else 0.0
        best = min(best, math.hypot(x - ax - k * dx, y - ay - k * dy))
    return best


def _rings(geometry: dict) -> list:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


KIND_COLUMNS = ("vacant_other", "vacant_rental", "vacant_for_sale", "vacant_secondary")


KIND_COLOURS = (ORANGE, BLUE, GREEN, GREY)


def vacancy_kinds(wards: pd.DataFrame, lang: str) -> go.Figure:
    """Vacant dwellings of each kind (221–224) per ward, stacked; wards in the order given."""
    rows = wards.iloc[::-1]
    names = ward_names(rows, lang)
    fig = go.Figure()
    for column, colour in zip(KIND_COLUMNS, KIND_COLOURS):
        fig.add_bar(
            y=names,
            x=rows[column],
            orientation="h",
            name=t(f"osaka.kind.{column}", lang),
            marker_color=colour,
            hovertemplate="%{y}: %{x:,.0f}<extra>" + t(f"osaka.kind.{column}", lang) + "</extra>",
        )
    # the legend in the order the kinds stack from left to right (plotly reverses it for stacked bars)
    fig.update_layout(barmode="stack", legend=dict(traceorder="normal"))
    fig.update_xaxes(tickformat=",", title_text=t("osaka.axis_dwellings", lang))
    return style(fig, height=140 + 28 * len(rows))


def area_comparison(areas: pd.DataFrame, lang: str) -> go.Figure:
    """The vacancy rate and the rate of kind 221 (vacant other than for rent, for sale or second homes)
    of each compared area, a pair of horizontal bars each, the references first and marked as such.
    Horizontal, so every name keeps the chart's font size however many areas are added (a bar's height
    grows the figure, not a label's shrinking)."""
    from machi.osaka.logic import REFERENCES, area_name

    rows = areas.iloc[::-1]  # the first area on top
    names = [
        t("osaka.compare_reference", lang, name=area_name(r, lang)) if r.area_code in REFERENCES else area_name(r, lang)
        for r in rows.itertuples()
    ]
    fig = go.Figure()
    for column, colour, key in (
        ("vacant_other_rate_pct", ORANGE, "osaka.metric.other_rate"),
        ("vacancy_rate_pct", BLUE, "osaka.metric.rate"),
    ):
        fig.add_bar(
            y=names,
            x=rows[column],
            orientation="h",
            name=t(key, lang),
            marker_color=colour,
            text=[fmt.percent(v, 1, lang=lang) for v in rows[column]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra>" + t(key, lang) + "</extra>",
        )
    fig.update_layout(barmode="group", bargap=0.3, legend=dict(traceorder="reversed"))
    top = float(areas[["vacancy_rate_pct", "vacant_other_rate_pct"]].max().max() or 1)
    fig.update_xaxes(ticksuffix="%", range=[0, top * 1.2], title_text=t("osaka.axis_rate", lang))
    fig.update_yaxes(automargin=True)
    return style(fig, height=120 + 56 * len(rows))


def then_now(rows: pd.DataFrame, lang: str) -> go.Figure:
    """The vacancy rate in each survey year of the areas that have a published rate in more than one of
    them (the city, the prefecture, Japan and the three wards the 2013 documents state), a bar per year:
    areas with a single year are left to the table, and a year with no published rate is a gap
    labelled as such, never a zero."""
    from machi.osaka.logic import area_name

    years = sorted(int(y) for y in rows.survey_year.unique())
    rates = rows.pivot_table(index="area_code", columns="survey_year", values="vacancy_rate_pct", aggfunc="first")
    both = rates.dropna(thresh=2).index
    named = rows.drop_duplicates("area_code").set_index("area_code").loc[both].reset_index()
    order = {"00000": 0, "27000": 1, "27100": 2}  # Japan, the prefecture, the city, then the wards
    named = named.assign(_o=named.area_code.map(lambda c: order.get(c, 3))).sort_values(["_o", "area_code"])
    names = [area_name(r, lang) for r in named.itertuples()][::-1]
    codes = list(named.area_code)[::-1]
    fig = go.Figure()
    for year, colour in zip(years, (GREY, BLUE, NAVY)):
        values = [rates.loc[c].get(year) for c in codes]
        fig.add_bar(
            y=names,
            x=[0 if fmt.is_missing(v) else v for v in values],
            orientation="h",
            name=fmt.calendar_year(year, lang),
            marker_color=colour,
            text=[
                t("osaka.not_published", lang) if fmt.is_missing(v) else fmt.percent(v, 1, lang=lang) for v in values
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra>" + fmt.calendar_year(year, lang) + "</extra>",
        )
    fig.update_layout(barmode="group", bargap=0.3, legend=dict(traceorder="reversed"))
    top = float(rates.loc[both].max().max() or 1)
    fig.update_xaxes(ticksuffix="%", range=[0, top * 1.25], title_text=t("osaka.axis_rate", lang))
    fig.update_yaxes(automargin=True)
    return style(fig, height=120 + 60 * len(codes))
