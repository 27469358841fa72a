"""Zushi's charts: pure functions from the programmes' data and a language to a plotly Figure."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from machi.core import fmt
from machi.core.charts import BLUE, GREEN, GREY, NAVY, ORANGE, style, wrap
from machi.core.text import in_language, t
from machi.zushi import logic as zushi


def budget_bars(budget: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars per row of machi.zushi.budget_by: plan-period budget and the 2021 spending,
    both in 千円 on the axis and on the labels (spending converted exactly from the sheets' 円, which the
    legend says and hover shows). A row whose sheets state no spending says so."""
    rows = budget.iloc[::-1]  # first row on top
    rows = rows.assign(name=[wrap(n, 20) for n in rows.name])  # long names: lines, not margin
    unit = t("unit.kyen", lang)
    fig = go.Figure()
    fig.add_bar(
        y=rows.name,
        x=rows.plan_kyen,
        orientation="h",
        name=t("zushi.plan_budget_series", lang),
        marker_color=GREY,
        text=[f"{fmt.number(v, lang=lang)} {unit}" for v in rows.plan_kyen],
        textposition="auto",  # inside a long bar (its label would run off the plot), outside a short one
        insidetextanchor="end",
        insidetextfont=dict(color="#1d2430"),  # dark on the grey bar (white on it is too faint)
        cliponaxis=False,
        hovertemplate="%{y}<br>%{x:,.0f} " + unit + "<extra></extra>",
    )
    # one unit on the axis and on every label: the spending, stated in 円 on the sheets, is converted to 千円
    # exactly (÷ 1,000, never rounded); hover gives the sheet's 円 figure
    yen = t("unit.yen", lang)
    actual_text = [
        f"{fmt.as_given(k, lang=lang)} {unit}" if not fmt.is_missing(k) else t("zushi.no_actual_figure", lang)
        for k in rows.actual_kyen
    ]
    actual_hover = [
        t("zushi.actual_as_stated", lang, yen=f"{fmt.number(v, lang=lang)} {yen}")
        if not fmt.is_missing(v)
        else t("zushi.no_actual_figure", lang)
        for v in rows.actual_yen
    ]
    fig.add_bar(
        y=rows.name,
        x=rows.actual_kyen.fillna(0),
        orientation="h",
        name=t("zushi.actual_series", lang),
        marker_color=BLUE,
        text=actual_text,
        customdata=actual_hover,
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}<br>%{text}<br>%{customdata}<extra></extra>",
    )
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05, legend=dict(traceorder="reversed"))
    fig.update_xaxes(title_text=unit, tickformat=",", range=[0, float(budget.plan_kyen.max() or 1) * 1.3])
    fig.update_yaxes(automargin=True)
    return style(fig, height=120 + 70 * len(budget))


def targets_progress(kpis: pd.DataFrame, lang: str) -> go.Figure:
    """Every numeric target on one scale: the share of the way from its baseline (0 %) to its target
    (100 %) that the year's value covers (`share_pct`, derived by zushi.kpi_progress), a bar each, top
    to bottom in the given order. One axis rather than a panel per target: the units differ but the
    shares compare, and one axis draws far faster in the browser. A bar below the baseline points left,
    in orange, and its label carries ▼ (not colour alone); a share that cannot be computed is labelled
    as missing, with no bar. Hover gives the values in the target's own unit (zushi.kpi_values); the
    trace's `meta` lists the bars' sheet numbers."""
    rows = list(kpis.itertuples())
    names = [wrap(in_language(r, "indicator", lang), 18) for r in rows]
    shares = [None if fmt.is_missing(r.share_pct) else float(r.share_pct) for r in rows]
    texts = [
        t("common.no_data", lang) if v is None else f"{'▼ ' if v < 0 else ''}{fmt.percent(v, 0, lang=lang)}"
        for v in shares
    ]
    fig = go.Figure(
        go.Bar(
            y=list(range(len(rows))),
            x=[0 if v is None else v for v in shares],
            orientation="h",
            text=texts,
            textposition="outside",
            cliponaxis=False,
            marker_color=[ORANGE if v is not None and v < 0 else BLUE for v in shares],
            meta=[int(r.sheet_no) for r in rows],
            customdata=[zushi.kpi_values(r, lang) for r in rows],
            hovertext=names,
            hovertemplate="%{hovertext}<br>%{customdata}<br>" + t("zushi.share", lang) + ": %{text}<extra></extra>",
        )
    )
    known = [v for v in shares if v is not None]
    lo, hi = min([0.0, *known]), max([100.0, *known])
    pad = (hi - lo) * 0.18
    ticks = share_ticks(lo, hi)
    labels = {0: t("zushi.kpi_baseline", lang), 100: t("zushi.kpi_target", lang)}
    fig.update_xaxes(
        range=[lo - pad, hi + pad],
        tickvals=ticks,
        title_text=t("zushi.share", lang),
        ticktext=[
            f"{fmt.percent(v, 0, lang=lang)}<br>{labels[v]}" if v in labels else fmt.percent(v, 0, lang=lang)
            for v in ticks
        ],
        zeroline=True,
        zerolinewidth=2,
    )
    fig.update_yaxes(autorange="reversed", tickvals=list(range(len(rows))), ticktext=names)  # positions, not
    # categories: two targets of the same name stay two bars
    fig.add_vline(x=100, line=dict(color=NAVY, width=2, dash="dash"))
    fig.update_layout(showlegend=False, bargap=0.35)
    return style(fig, height=110 + 80 * max(len(rows), 1))


def share_ticks(lo: float, hi: float) -> list[int]:
    """The shares to label from `lo` to `hi` (%): 0 (the baseline) and 100 (the target) always, and the
    multiples of a round step (50, 100, 250, 500, 1,000, 2,500 …) that makes at most eight, leaving out
    any closer than half a step to 0 or 100. A share of thousands of percent (a target a small move from
    its baseline) must not make hundreds of labels."""
    step = 50
    while (hi - lo) / step > 8:
        step = step * 5 // 2 if str(step)[0] == "1" else step * 2
    first = math.ceil(lo / step) * step
    multiples = [
        v for v in range(first, math.floor(hi) + 1, step) if v in (0, 100) or min(abs(v), abs(v - 100)) >= step / 2
    ]
    return sorted(set(multiples) | {0, 100})


def spending_by_year(programs: pd.DataFrame, lang: str) -> go.Figure:
    """Each programme's spending (円, as the sheets state it) in each loaded fiscal year, a bar per year
    side by side; a year whose sheet states none says so."""
    years = sorted(programs.fiscal_year.unique())
    order = zushi.latest_programmes(programs).sort_values("sheet_no", ascending=False)  # the first sheet on top
    names = [wrap(f"{r.sheet_no} {in_language(r, 'label', lang)}", 20) for r in order.itertuples()]
    yen = t("unit.yen", lang)
    fig = go.Figure()
    for n, year in enumerate(years):
        mine = programs[programs.fiscal_year == year].set_index(["policy_code", "order_in_policy"])
        values = [mine.actual_cost_yen.get(key) for key in order.index]
        fig.add_bar(
            y=names,
            x=[0 if fmt.is_missing(v) else v for v in values],
            orientation="h",
            name=fmt.fiscal_year(int(year), lang),
            marker_color=(GREY, BLUE, ORANGE, GREEN)[n % 4],
            text=[
                t("zushi.no_actual_figure", lang) if fmt.is_missing(v) else f"{fmt.number(v, lang=lang)} {yen}"
                for v in values
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>%{text}<extra>" + fmt.fiscal_year(int(year), lang) + "</extra>",
        )
    top = float(programs.actual_cost_yen.max() or 1)
    fig.update_layout(barmode="group", legend=dict(traceorder="reversed"))
    fig.update_xaxes(title_text=yen, tickformat=",", range=[0, top * 1.35])
    fig.update_yaxes(automargin=True)
    return style(fig, height=120 + 34 * len(years) * len(order))
