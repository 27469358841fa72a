"""Asaka's charts: pure functions from the green plan's data and a language to a plotly Figure."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from machi.asaka import logic as asaka
from machi.core import fmt
from machi.core.charts import (
    BLUE,
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
    unit = asaka.unit_of(indicator, lang)
    fig = go.Figure()
    fig.add_scatter(
        x=path.year,
        y=path.required_value,
        mode="lines",
        name=t("asaka.series_path", lang),
        line=dict(color=GREY, width=3, dash="dash"),
        hovertemplate="%{x}: %{y:." + str(d + 1) + "f}" + unit + "<extra></extra>",
    )
    for year, value, name, colour, size, symbol in (
        (indicator.baseline_year, indicator.baseline_value, "asaka.series_baseline", NAVY, 14, "circle"),
        (indicator.target_year, indicator.target_value, "asaka.series_target", GREEN, 18, "star"),
    ):
        fig.add_scatter(
            x=[year],
            y=[value],
            mode="markers+text",
            name=t(name, lang),
            marker=dict(color=colour, size=size, symbol=symbol),
            text=[f"{asaka.shown_value(indicator, value, d, lang)}{unit}"],
            textposition="top center",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra>" + t(name, lang) + "</extra>",
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
    # the axis starts at the bottom of the measure's scale (0 for an area, a count or a share; −1.0 for the
    # satisfaction rating), so a small change looks small and a large one large: panels compare
    values = [indicator.baseline_value, indicator.target_value, *actuals.value.tolist()]
    top = max(values) + (max(values) - indicator.scale_min) * 0.25
    if not fmt.is_missing(indicator.scale_max):
        top = min(top, indicator.scale_max)
    fig.update_yaxes(
        title_text=unit.strip(),
        range=[indicator.scale_min, top],
        nticks=5,
        tickformat=f",.{max(d - 1, 0) if top - indicator.scale_min > 1 else d}f",
        zeroline=True,
    )
    return style(fig, height=340)


def glide_paths(
    indicators: pd.DataFrame, paths: pd.DataFrame, actuals: pd.DataFrame, lang: str, per_row: int = 2
) -> go.Figure:
    """Every indicator's panel (glide_path) in one figure, `per_row` a row (two on the page; four on the
    chamber's wide screen), titled by the indicator's name: one chart draws much faster in the browser
    than one per indicator. Each trace's `meta` is its indicator's id; a series is listed once in the
    legend, and clicking it there hides it in every panel."""
    rows = list(indicators.itertuples())
    n_rows = max((len(rows) + per_row - 1) // per_row, 1)
    changes = [asaka.change_line(r, lang) for r in rows]
    if per_row > 2:  # a narrower panel: the change line wrapped too
        changes = panel_titles(changes, per_row)
    titles = [
        f"{title}<br><span style='font-size:14px'>{change}</span>"
        for change, title in zip(changes, panel_titles([in_language(r, "name", lang) for r in rows], per_row))
    ]
    fig = make_subplots(
        rows=n_rows,
        cols=per_row,
        subplot_titles=titles,
        vertical_spacing=0.36 / n_rows,
        horizontal_spacing=0.2 / per_row,
    )
    listed = set()
    for n, i in enumerate(rows):
        panel = glide_path(
            i, paths[paths.indicator_id == i.indicator_id], actuals[actuals.indicator_id == i.indicator_id], lang
        )
        row, col = n // per_row + 1, n % per_row + 1
        for trace in panel.data:
            trace.update(meta=i.indicator_id, legendgroup=trace.name, showlegend=trace.name not in listed)
            listed.add(trace.name)
        add_panel(fig, panel, row, col)
        bottom = n >= len(rows) - per_row
        fig.update_xaxes(title_text=t("asaka.axis_fiscal_year", lang) if bottom else None, row=row, col=col)
    return panels_done(fig, titles, n_rows)


def green_cover(cover: pd.DataFrame, lang: str) -> go.Figure:
    """The share of the city's area covered by greenery (みどり) in each year the plan gives, one bar each
    labelled by its year (in Japanese by its era as printed), with the change called out."""
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
            x=len(labels) - 1,  # the last bar by its position: a label "2023" would be read as category no. 2023
            y=last.cover_pct / 2,
            text=t("asaka.cover_change", lang, points=fmt.signed(change, 1, lang=lang)),
            showarrow=False,
            font=dict(size=18, color="white"),
        )
    fig.update_yaxes(range=[0, 100], title_text="%", ticksuffix="%")
    fig.update_xaxes(type="category")  # "1973" and "2023" are the plan's two years, not points on a time scale
    fig.update_layout(showlegend=False)
    return style(fig, height=360)


def measure_counts(measures: pd.DataFrame, lang: str) -> go.Figure:
    """The plan's structure as bars: each pillar (施策の柱) of each basic policy, its length the number of
    its individual measures (counted from the plan's list; a basic measure without any counts one), its
    label the count and how many of its basic measures are priority measures (★). Names at the chart's
    own font size, one row each: a treemap of the same had labels a few pixels high. Pillars are listed
    in the plan's order, top to bottom, coloured by basic policy (the policy also named in the legend)."""
    individual = measures[measures.level == "individual_measure"].groupby("parent_id").size()
    basic = measures[measures.level == "basic_measure"]
    per_basic = {b.node_id: max(int(individual.get(b.node_id, 0)), 1) for b in basic.itertuples()}
    fig = go.Figure()
    policies = measures[measures.level == "policy"]
    colours = (NAVY, BLUE, GREEN)
    for colour, policy in zip(colours * (len(policies) // 3 + 1), policies.itertuples()):
        pillars = measures[(measures.level == "pillar") & (measures.parent_id == policy.node_id)]
        names, counts, texts = [], [], []
        for p in pillars.itertuples():
            kids = basic[basic.parent_id == p.node_id]
            names.append(wrap(f"{asaka.number_label(p, lang)} {in_language(p, 'name', lang)}", 22))
            counts.append(sum(per_basic[k] for k in kids.node_id))
            stars = int(kids.is_priority.sum())
            texts.append(t("asaka.pillar_count", lang, n=counts[-1]) + (f"　★{stars}" if stars else ""))
        fig.add_bar(
            y=names,
            x=counts,
            orientation="h",
            name=f"{asaka.number_label(policy, lang)} {in_language(policy, 'name', lang)}",
            marker_color=colour,
            text=texts,
            textposition="outside",
            cliponaxis=False,
            meta=policy.node_id,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
        )
    fig.update_yaxes(autorange="reversed", automargin=True)
    top = max((max(tr.x) for tr in fig.data if len(tr.x)), default=1)
    fig.update_xaxes(title_text=t("asaka.axis_individual", lang), range=[0, top * 1.7], dtick=2)  # room for labels
    rows = int((measures.level == "pillar").sum())
    fig = style(fig, height=260 + 46 * rows)
    # the policies' legend under the axis: above the bars it ran into the chart's title and source lines
    fig.update_layout(legend=dict(orientation="v", yanchor="top", y=-0.14, xanchor="left", x=0), bargap=0.3)
    fig.update_layout(margin=dict(b=110))
    return fig
