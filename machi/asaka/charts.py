"""Asaka's charts: pure functions from the green plan's data and a language to a plotly Figure."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from machi.asaka import logic as asaka
from machi.core import fmt
from machi.core.charts import (
    BLUE,
    FONT,
    GREEN,
    GREY,
    NAVY,
    ORANGE,
    add_panel,
    panel_titles,
    panels_done,
    style,
    wrap,
    year_ticks,
)
from machi.core.text import in_language, t

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
        x=path.year,
        y=path.required_value,
        mode="lines",
        name=t("asaka.series_path", lang),
        line=dict(color=GREY, width=3, dash="dash"),
        hovertemplate="%{x}: %{y:." + str(d + 1) + "f} " + unit + "<extra></extra>",
    )
    fig.add_scatter(
        x=[indicator.baseline_year],
        y=[indicator.baseline_value],
        mode="markers",
        name=t("asaka.series_baseline", lang),
        marker=dict(color=NAVY, size=14, symbol="circle"),
    )
    fig.add_scatter(
        x=[indicator.target_year],
        y=[indicator.target_value],
        mode="markers",
        name=t("asaka.series_target", lang),
        marker=dict(color=GREEN, size=18, symbol="star"),
    )
    if not actuals.empty:
        fig.add_scatter(
            x=actuals.year,
            y=actuals.value,
            mode="lines+markers+text",
            name=t("asaka.series_actual", lang),
            line=dict(color=ORANGE, width=3),
            marker=dict(size=11, symbol="diamond"),
            text=[f"{v:.{d}f}" for v in actuals.value],
            textposition="top center",
        )
    fig.update_xaxes(
        tickvals=year_ticks(int(indicator.baseline_year), int(indicator.target_year), PATH_YEAR_STEP),
        title_text=t("asaka.axis_fiscal_year", lang),
    )
    lo = min(indicator.baseline_value, indicator.target_value, *(actuals.value.tolist() or [indicator.baseline_value]))
    hi = max(indicator.baseline_value, indicator.target_value, *(actuals.value.tolist() or [indicator.target_value]))
    pad = (hi - lo) * 0.35 or abs(hi) * 0.1 or 1
    ends = [indicator.baseline_value, indicator.target_value]
    fig.update_yaxes(
        title_text=unit,
        range=[lo - pad, hi + pad],
        tickvals=ends,
        ticktext=[asaka.shown_value(indicator, v, d, lang) for v in ends],
    )
    return style(fig, height=340)


def glide_paths(indicators: pd.DataFrame, paths: pd.DataFrame, actuals: pd.DataFrame, lang: str) -> go.Figure:
    """Every indicator's panel (glide_path) in one figure, two a row, titled by the indicator's name:
    one chart draws much faster in the browser than one per indicator. Each trace's `meta` is its
    indicator's id; a series is listed once in the legend, and clicking it there hides it in every panel."""
    rows = list(indicators.itertuples())
    n_rows = max((len(rows) + 1) // 2, 1)
    titles = panel_titles([in_language(r, "name", lang) for r in rows])
    fig = make_subplots(
        rows=n_rows, cols=2, subplot_titles=titles, vertical_spacing=0.36 / n_rows, horizontal_spacing=0.1
    )
    listed = set()
    for n, i in enumerate(rows):
        panel = glide_path(
            i, paths[paths.indicator_id == i.indicator_id], actuals[actuals.indicator_id == i.indicator_id], lang
        )
        row, col = n // 2 + 1, n % 2 + 1
        for trace in panel.data:
            trace.update(meta=i.indicator_id, legendgroup=trace.name, showlegend=trace.name not in listed)
            listed.add(trace.name)
        add_panel(fig, panel, row, col)
        fig.update_xaxes(title_text=t("asaka.axis_fiscal_year", lang) if n >= len(rows) - 2 else None, row=row, col=col)
    return panels_done(fig, titles, n_rows)


def green_cover(cover: pd.DataFrame, lang: str) -> go.Figure:
    """Green cover (みどり) of the city area in each year the plan gives, with the change called out."""
    labels = [t("asaka.cover_year", lang, era_ja=r.era_label_ja, year_en=int(r.year)) for r in cover.itertuples()]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=cover.cover_pct,
            marker_color=[GREEN] + [ORANGE] * (len(cover) - 1),
            text=[fmt.percent(v, 1, lang=lang) for v in cover.cover_pct],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
        )
    )
    if len(cover) >= 2:
        first, last = cover.iloc[0], cover.iloc[-1]
        change = last.cover_pct - first.cover_pct
        fig.add_annotation(
            x=labels[-1],
            y=last.cover_pct / 2,
            text=t("asaka.cover_change", lang, points=fmt.signed(change, 1, lang=lang)),
            showarrow=False,
            font=dict(size=18, color="white"),
        )
    fig.update_yaxes(range=[0, 100], title_text="%", ticksuffix="%")
    fig.update_layout(showlegend=False)
    return style(fig, height=360)


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
        hover.append("<br>".join(wrap(x, 40) for x in lines))
        values.append(0 if r.node_id in has_children else max(n, 1))
    fig = go.Figure(
        go.Treemap(
            ids=shown.node_id,
            parents=shown.parent_id.fillna(""),
            labels=labels,
            values=values,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            maxdepth=3,
            marker=dict(
                colors=[
                    ORANGE if p else c
                    for p, c in zip(
                        shown.is_priority, shown.level.map({"policy": NAVY, "pillar": BLUE, "basic_measure": GREY})
                    )
                ]
            ),
            textfont=dict(family=FONT, size=15),
            branchvalues="remainder",
            tiling=dict(pad=4),
        )
    )
    return style(fig, height=620)
