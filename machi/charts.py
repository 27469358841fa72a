"""Charts: pure functions from data (+ language) to a plotly Figure. No Streamlit here.

Fonts are the viewer's system fonts (no web fonts); colours are never the only carrier of meaning:
every bar carries its value and every series its name.
"""

from __future__ import annotations

import math
import textwrap
import unicodedata

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale
from plotly.subplots import make_subplots

from machi import asaka, fmt, zushi
from machi.osaka import ward_names, ward_shapes
from machi.i18n import t

FONT = "Noto Sans CJK JP, Hiragino Sans, Yu Gothic UI, Meiryo, sans-serif"
NAVY = "#1f3b73"
BLUE = "#1f5fa8"
GREY = "#8c96a3"
ORANGE = "#d9730d"
GREEN = "#2e7d32"
RED = "#c62828"

#: plotly config for st.plotly_chart: no logo, no outside links, PNG export at print resolution
CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def _style(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        font=dict(family=FONT, size=15, color="#1d2430"),
        height=height,
        margin=dict(l=10, r=30, t=40, b=10),
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
        hoverlabel=dict(font=dict(family=FONT)),
    )
    fig.update_xaxes(gridcolor="#e3e7ec", zerolinecolor="#9aa3ad", tickfont=dict(color="#1d2430"))
    fig.update_yaxes(gridcolor="#e3e7ec", zerolinecolor="#9aa3ad", tickfont=dict(color="#1d2430"))
    return fig


def budget_bars(budget: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars per row of machi.zushi.budget_by: plan-period budget and the 2021 spending,
    both in 千円 (spending converted from 円). A row whose sheets state no spending says so."""
    rows = budget.iloc[::-1]  # first row on top
    unit = t("unit.kyen", lang)
    fig = go.Figure()
    fig.add_bar(
        y=rows.name, x=rows.plan_kyen, orientation="h", name=t("zushi.plan_budget_series", lang),
        marker_color=GREY, text=[f"{fmt.number(v)} {unit}" for v in rows.plan_kyen], textposition="outside",
        cliponaxis=False, hovertemplate="%{y}<br>%{x:,.0f} " + unit + "<extra></extra>",
    )
    # the label carries the figure as the sheet states it (円); only the bar length is in 千円
    yen = t("unit.yen", lang)
    actual_text = [
        f"{fmt.number(v)} {yen}" if not fmt.is_missing(v) else t("zushi.no_actual_figure", lang)
        for v in rows.actual_yen
    ]
    fig.add_bar(
        y=rows.name, x=rows.actual_kyen.fillna(0), orientation="h", name=t("zushi.actual_series", lang),
        marker_color=BLUE, text=actual_text, textposition="outside", cliponaxis=False,
        hovertemplate="%{y}<br>%{text}<extra></extra>",
    )
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    fig.update_xaxes(title_text=unit, tickformat=",", range=[0, float(budget.plan_kyen.max() or 1) * 1.3])
    fig.update_yaxes(automargin=True)
    return _style(fig, height=120 + 70 * len(budget))


#: a glide path's labelled years: the baseline, every fifth year (a ten-year plan's midpoint) and the
#: target year; each year's value is in the hover and the page's table. Every label costs the browser
#: time to measure, in each panel.
PATH_YEAR_STEP = 5


def glide_path(indicator, path: pd.DataFrame, actuals: pd.DataFrame, lang: str) -> go.Figure:
    """One indicator: the required straight path from baseline to target, the observations, and the target."""
    d = int(indicator.decimals)
    unit = indicator.unit or ""
    fig = go.Figure()
    fig.add_scatter(
        x=path.year, y=path.required_value, mode="lines", name=t("asaka.series_path", lang),
        line=dict(color=GREY, width=3, dash="dash"),
        hovertemplate="%{x}: %{y:." + str(d + 1) + "f} " + unit + "<extra></extra>",
    )
    fig.add_scatter(
        x=[indicator.baseline_year], y=[indicator.baseline_value], mode="markers",
        name=t("asaka.series_baseline", lang), marker=dict(color=NAVY, size=14, symbol="circle"),
    )
    fig.add_scatter(
        x=[indicator.target_year], y=[indicator.target_value], mode="markers",
        name=t("asaka.series_target", lang), marker=dict(color=GREEN, size=18, symbol="star"),
    )
    if not actuals.empty:
        fig.add_scatter(
            x=actuals.year, y=actuals.value, mode="lines+markers+text", name=t("asaka.series_actual", lang),
            line=dict(color=ORANGE, width=3), marker=dict(size=11, symbol="diamond"),
            text=[f"{v:.{d}f}" for v in actuals.value], textposition="top center",
        )
    fig.update_xaxes(tickvals=year_ticks(int(indicator.baseline_year), int(indicator.target_year), PATH_YEAR_STEP),
                     title_text=t("asaka.axis_fiscal_year", lang))
    lo = min(indicator.baseline_value, indicator.target_value, *(actuals.value.tolist() or [indicator.baseline_value]))
    hi = max(indicator.baseline_value, indicator.target_value, *(actuals.value.tolist() or [indicator.target_value]))
    pad = (hi - lo) * 0.35 or abs(hi) * 0.1 or 1
    ends = [indicator.baseline_value, indicator.target_value]
    fig.update_yaxes(title_text=unit, range=[lo - pad, hi + pad], tickvals=ends,
                     ticktext=[asaka.shown_value(indicator, v, d) for v in ends])
    return _style(fig, height=340)


def year_ticks(first: int, last: int, step: int = 2) -> list[int]:
    """The years to label on an axis from `first` to `last`: every `step`-th from the first, and the last
    (a baseline and its target year are always labelled); an interior year closer than half a step to the
    last is left out, so two labels never crowd each other. Not every year: each label is one more text
    the browser must measure (eleven labels an axis instead of six made Asaka's four panels about 40 ms
    slower to draw)."""
    if last <= first:
        return [first]
    ticks = list(range(first, last, step))
    if len(ticks) > 1 and last - ticks[-1] < step / 2:
        ticks.pop()
    return ticks + [last]


PANEL_HEIGHT = 340


def _panel_titles(texts: list[str]) -> list[str]:
    """Panel titles wrapped to fit half the page width (plotly does not wrap text): a Japanese title (the
    data's own, in either language) at 24 characters, an English one at 44 (at its spaces)."""
    def wide(x: str) -> bool:
        return any(unicodedata.east_asian_width(c) in "WF" for c in x)

    return ["<br>".join(textwrap.wrap(x, 24 if wide(x) else 44)) for x in texts]


#: the outer margins of a figure of panels (px), wide enough for the left column's y tick labels and
#: title, and the bottom row's year labels and title. Fixed rather than automatic (plotly's automargin):
#: measuring the labels and fitting the margins to them costs the browser a second pass over every
#: axis (about 25 ms for four panels); the inner panels never had more room than their spacing anyway.
PANEL_MARGIN = dict(l=84, b=72)


def _panels_done(fig: go.Figure, titles: list[str], n_rows: int) -> go.Figure:
    """Styles a figure of panels: titles in the chart's font; the legend, if any, at the very top, above
    the first row's titles; fixed outer margins (PANEL_MARGIN)."""
    fig = _style(fig, height=PANEL_HEIGHT * n_rows + 60)
    fig.update_annotations(font=dict(family=FONT, size=17, color="#1d2430"))  # the panels' titles
    lines = max((title.count("<br>") + 1 for title in titles), default=1)
    legend = fig.layout.showlegend is not False
    fig.update_layout(margin=dict(t=(66 if legend else 20) + 22 * lines, **PANEL_MARGIN),
                      legend=dict(yref="container", y=1, yanchor="top"))
    fig.update_xaxes(automargin=False)
    fig.update_yaxes(automargin=False)
    return fig


def _add_panel(fig: go.Figure, panel: go.Figure, row: int, col: int) -> None:
    """Moves a one-panel figure's traces into a figure of panels at (row, col), with its x axis's labelled
    values and its y axis's title and range (the panel's builder decides them: one place for how a panel
    looks)."""
    for trace in panel.data:
        fig.add_trace(trace, row=row, col=col)
    fig.update_xaxes(tickvals=panel.layout.xaxis.tickvals, row=row, col=col)
    y = panel.layout.yaxis
    fig.update_yaxes(title_text=y.title.text, range=y.range, tickvals=y.tickvals, ticktext=y.ticktext, row=row, col=col)


def share_ticks(lo: float, hi: float) -> list[int]:
    """The shares to label from `lo` to `hi` (%): 0 (the baseline) and 100 (the target) always, and the
    multiples of a round step (50, 100, 250, 500, 1,000, 2,500 …) that makes at most eight, leaving out
    any closer than half a step to 0 or 100. A share of thousands of percent (a target a small move from
    its baseline) must not make hundreds of labels."""
    step = 50
    while (hi - lo) / step > 8:
        step = step * 5 // 2 if str(step)[0] == "1" else step * 2
    first = math.ceil(lo / step) * step
    multiples = [v for v in range(first, int(math.floor(hi)) + 1, step)
                 if v in (0, 100) or min(abs(v), abs(v - 100)) >= step / 2]
    return sorted(set(multiples) | {0, 100})


def targets_progress(kpis: pd.DataFrame, lang: str) -> go.Figure:
    """Every numeric target on one scale: the share of the way from its baseline (0 %) to its target
    (100 %) that the year's value covers (`share_pct`, derived by zushi.kpi_progress), a bar each, top
    to bottom in the given order. One axis rather than a panel per target: the units differ but the
    shares compare, and one axis draws far faster in the browser. A bar below the baseline points left,
    in orange, and its label carries ▼ (not colour alone); a share that cannot be computed is labelled
    as missing, with no bar. Hover gives the values in the target's own unit (zushi.kpi_values); the
    trace's `meta` lists the bars' sheet numbers."""
    rows = list(kpis.itertuples())
    names = [_wrap(r.indicator_ja, 18) for r in rows]
    shares = [None if fmt.is_missing(r.share_pct) else float(r.share_pct) for r in rows]
    texts = [t("common.no_data", lang) if v is None else f"{'▼ ' if v < 0 else ''}{fmt.percent(v, 0, lang)}"
             for v in shares]
    fig = go.Figure(go.Bar(
        y=list(range(len(rows))), x=[0 if v is None else v for v in shares], orientation="h", text=texts,
        textposition="outside", cliponaxis=False, marker_color=[ORANGE if v is not None and v < 0 else BLUE for v in shares],
        meta=[int(r.sheet_no) for r in rows], customdata=[zushi.kpi_values(r, lang) for r in rows],
        hovertext=names, hovertemplate="%{hovertext}<br>%{customdata}<br>" + t("zushi.share", lang)
        + ": %{text}<extra></extra>",
    ))
    known = [v for v in shares if v is not None]
    lo, hi = min([0.0, *known]), max([100.0, *known])
    pad = (hi - lo) * 0.18
    ticks = share_ticks(lo, hi)
    labels = {0: t("zushi.kpi_baseline", lang), 100: t("zushi.kpi_target", lang)}
    fig.update_xaxes(range=[lo - pad, hi + pad], tickvals=ticks, title_text=t("zushi.share", lang),
                     ticktext=[f"{fmt.percent(v, 0, lang)}<br>{labels[v]}" if v in labels else fmt.percent(v, 0, lang)
                               for v in ticks], zeroline=True, zerolinewidth=2)
    fig.update_yaxes(autorange="reversed", tickvals=list(range(len(rows))), ticktext=names)  # positions, not
    # categories: two targets of the same name stay two bars
    fig.add_vline(x=100, line=dict(color=NAVY, width=2, dash="dash"))
    fig.update_layout(showlegend=False, bargap=0.35)
    return _style(fig, height=110 + 80 * max(len(rows), 1))


def glide_paths(indicators: pd.DataFrame, paths: pd.DataFrame, actuals: pd.DataFrame, lang: str) -> go.Figure:
    """Every indicator's panel (glide_path) in one figure, two a row, titled by the indicator's name:
    one chart draws much faster in the browser than one per indicator. Each trace's `meta` is its
    indicator's id; a series is listed once in the legend, and clicking it there hides it in every panel."""
    rows = list(indicators.itertuples())
    n_rows = max((len(rows) + 1) // 2, 1)
    titles = _panel_titles([r.name_ja if lang == "ja" else r.name_en for r in rows])
    fig = make_subplots(rows=n_rows, cols=2, subplot_titles=titles, vertical_spacing=0.36 / n_rows,
                        horizontal_spacing=0.1)
    listed = set()
    for n, i in enumerate(rows):
        panel = glide_path(i, paths[paths.indicator_id == i.indicator_id],
                           actuals[actuals.indicator_id == i.indicator_id], lang)
        row, col = n // 2 + 1, n % 2 + 1
        for trace in panel.data:
            trace.update(meta=i.indicator_id, legendgroup=trace.name, showlegend=trace.name not in listed)
            listed.add(trace.name)
        _add_panel(fig, panel, row, col)
        fig.update_xaxes(title_text=t("asaka.axis_fiscal_year", lang) if n >= len(rows) - 2 else None, row=row, col=col)
    return _panels_done(fig, titles, n_rows)


def green_cover(cover: pd.DataFrame, lang: str) -> go.Figure:
    """Green cover (みどり) of the city area in each year the plan gives, with the change called out."""
    labels = [r.era_label_ja if lang == "ja" else str(int(r.year)) for r in cover.itertuples()]
    fig = go.Figure(go.Bar(
        x=labels, y=cover.cover_pct, marker_color=[GREEN] + [ORANGE] * (len(cover) - 1),
        text=[fmt.percent(v, 1) for v in cover.cover_pct], textposition="outside", cliponaxis=False,
        hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
    ))
    if len(cover) >= 2:
        first, last = cover.iloc[0], cover.iloc[-1]
        change = last.cover_pct - first.cover_pct
        fig.add_annotation(
            x=labels[-1], y=last.cover_pct / 2,
            text=t("asaka.cover_change", lang, points=fmt.signed(change, 1)), showarrow=False,
            font=dict(size=18, color="white"),
        )
    fig.update_yaxes(range=[0, 100], title_text="%", ticksuffix="%")
    fig.update_layout(showlegend=False)
    return _style(fig, height=360)


def measures_tree(measures: pd.DataFrame, lang: str) -> go.Figure:
    """The priority-measure structure as a treemap down to the basic measures (click a box to open it;
    ★ marks priority measures). A box's area is its number of individual measures (a basic measure
    without any counts one), which the page lists below the chart: drawn as boxes of their own they
    were too small to read, and the browser's time grows with the number of boxes."""
    star = "★ "
    individual = measures.level == "individual_measure"
    count = measures[individual].groupby("parent_id").size()
    shown = measures[~individual]
    has_children = set(shown.parent_id.dropna())
    labels, hover, values = [], [], []
    for r in shown.itertuples():
        labels.append(f"{star if r.is_priority else ''}{r.number_label + ' ' if r.number_label else ''}{r.name_ja}")
        lines = [r.name_ja]
        if r.plan_target_ja:
            lines.append(f"{t('asaka.plan_target', lang)}: {r.plan_target_ja}")
        if r.future_target_ja:
            lines.append(f"{t('asaka.future_target', lang)}: {r.future_target_ja}")
        n = int(count.get(r.node_id, 0))
        if n:
            lines.append(t("asaka.individual_count", lang, n=n))
        hover.append("<br>".join(_wrap(x, 40) for x in lines))
        values.append(0 if r.node_id in has_children else max(n, 1))
    fig = go.Figure(go.Treemap(
        ids=shown.node_id, parents=shown.parent_id.fillna(""), labels=labels, values=values,
        customdata=hover, hovertemplate="%{customdata}<extra></extra>", maxdepth=3,
        marker=dict(colors=[ORANGE if p else c for p, c in zip(
            shown.is_priority, shown.level.map({"policy": NAVY, "pillar": BLUE, "basic_measure": GREY}))]),
        textfont=dict(family=FONT, size=15), branchvalues="remainder", tiling=dict(pad=4),
    ))
    return _style(fig, height=620)


def _wrap(text: str, width: int) -> str:
    return "<br>".join(text[i:i + width] for i in range(0, len(text), width))


def sensitivity(curve: pd.DataFrame, current: float, label: str, lang: str) -> go.Figure:
    """Maximum floor area as one input varies; points that fail a requirement are marked as such."""
    fig = go.Figure()
    for eligible, colour, symbol, name in ((True, BLUE, "circle", t("yao.series_eligible", lang)),
                                           (False, RED, "x", t("yao.series_not_eligible", lang))):
        part = curve[curve.eligible == eligible]
        fig.add_scatter(x=part.value, y=part.max_floor_area_m2, mode="markers", name=name,
                        marker=dict(color=colour, symbol=symbol, size=9),
                        hovertemplate="%{x:,.2f}: %{y:,.2f} ㎡<extra></extra>")
    fig.add_scatter(x=curve.value, y=curve.max_floor_area_m2, mode="lines", showlegend=False,
                    line=dict(color=GREY, width=1), hoverinfo="skip")
    fig.add_vline(x=current, line=dict(color=NAVY, dash="dash"),
                  annotation_text=t("yao.current_value", lang), annotation_position="top")
    fig.update_xaxes(title_text=label, tickformat=",")
    fig.update_yaxes(title_text=t("yao.max_floor_area", lang) + "（㎡）" if lang == "ja" else
                     t("yao.max_floor_area", lang) + " (m²)", tickformat=",")
    return _style(fig, height=380)


def ward_ranking(wards: pd.DataFrame, refs: list[tuple[str, float]], metric: str, lang: str) -> go.Figure:
    """The wards ranked by `metric` (vacancy_rate_pct or vacant_other_rate_pct), highest on top,
    with reference lines (city, prefecture, nation) labelled with their values."""
    rows = wards.sort_values(metric, ascending=True)
    names = ward_names(rows, lang)
    fig = go.Figure(go.Bar(
        y=names, x=rows[metric], orientation="h", marker_color=BLUE,
        # values inside each bar at its base, so the reference lines (at 13–17 %) never cross a label
        text=[fmt.percent(v, 1) for v in rows[metric]], textposition="inside", insidetextanchor="start",
        textfont=dict(color="white", size=14), constraintext="none",
        hovertemplate="%{y}: %{x:.2f}%<extra></extra>",
    ))
    dashes = ["dash", "dot", "dashdot"]
    for i, ((label, value), dash) in enumerate(zip(refs, dashes)):
        if fmt.is_missing(value):
            continue
        fig.add_vline(x=value, line=dict(color=NAVY, dash=dash, width=2))
        # labels stacked above the plot so that close values do not overprint each other
        fig.add_annotation(x=value, y=1.0, yref="paper", yshift=6 + 20 * i, yanchor="bottom",
                           text=f"{label} {fmt.percent(value, 1)}", showarrow=False,
                           xanchor="left", font=dict(size=13, color=NAVY))
    fig.update_xaxes(ticksuffix="%", range=[0, float(rows[metric].max()) * 1.18], title_text=t("osaka.axis_rate", lang))
    fig = _style(fig, height=140 + 28 * len(rows))
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
    for row in df.itertuples():
        if row.area_code not in shapes:
            continue
        xs, ys = [], []
        for ring in _rings(shapes[row.area_code]):
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
        value = getattr(row, metric)
        missing = fmt.is_missing(value)
        colour = NO_VALUE_FILL["colour"] if missing else sample_colorscale(
            "Oranges", [(value - lo) / (hi - lo) if hi > lo else 0.5])[0]
        text = (f"<b>{row.name}</b><br>{label}: "
                + (t("common.no_data", lang) if missing else fmt.percent(value, 1)) + "<br>"
                + t("osaka.vacant_total", lang) + f": {fmt.number(row.vacant_total)} {unit}<br>"
                + t("osaka.dwellings_total", lang) + f": {fmt.number(row.dwellings_total)} {unit}")
        fig.add_scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=colour,
                        fillpattern=dict(shape=NO_VALUE_FILL["pattern"]) if missing else None,
                        line=dict(color="white", width=1.5), hoveron="fills", text=text, hoverinfo="text",
                        name=row.name, meta=row.area_code, showlegend=False)
    centre = geo_center(geojson)
    # the colour bar: one invisible point carrying the scale
    fig.add_scatter(x=[centre["lon"]], y=[centre["lat"]], mode="markers", hoverinfo="skip", showlegend=False,
                    marker=dict(size=1, opacity=0, color=[lo], cmin=lo, cmax=hi, colorscale="Oranges",
                                showscale=True, colorbar=dict(title=dict(text=label), ticksuffix="%")))
    fig = _style(fig, height=620)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(centre["lat"])))
    fig.update_layout(hovermode="closest", meta="ward_map")
    return fig


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
        fig.add_bar(y=names, x=rows[column], orientation="h", name=t(f"osaka.kind.{column}", lang),
                    marker_color=colour, hovertemplate="%{y}: %{x:,.0f}<extra>" + t(f"osaka.kind.{column}", lang) + "</extra>")
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=",", title_text=t("osaka.axis_dwellings", lang))
    return _style(fig, height=140 + 28 * len(rows))


def area_comparison(areas: pd.DataFrame, lang: str) -> go.Figure:
    """Vacancy rate and the long-term (221) rate of the chosen areas, side by side."""
    fig = go.Figure()
    for column, colour, key in (("vacancy_rate_pct", BLUE, "osaka.metric.rate"),
                                ("vacant_other_rate_pct", ORANGE, "osaka.metric.other_rate")):
        fig.add_bar(x=areas.area_ja, y=areas[column], name=t(key, lang), marker_color=colour,
                    text=[fmt.percent(v, 1) for v in areas[column]], textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="group")
    top = float(areas[["vacancy_rate_pct", "vacant_other_rate_pct"]].max().max() or 1)
    fig.update_yaxes(ticksuffix="%", range=[0, top * 1.2])
    return _style(fig, height=420)
