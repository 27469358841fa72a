"""Yao's charts: pure functions from the permit calculator's results and a language to a plotly Figure."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from machi.core.charts import BLUE, GREY, NAVY, RED, style
from machi.core.text import t


def sensitivity(curve: pd.DataFrame, current: float, label: str, lang: str) -> go.Figure:
    """Maximum floor area as one input varies; points that fail a requirement are marked as such."""
    fig = go.Figure()
    for eligible, colour, symbol, name in (
        (True, BLUE, "circle", t("yao.series_eligible", lang)),
        (False, RED, "x", t("yao.series_not_eligible", lang)),
    ):
        part = curve[curve.eligible == eligible]
        fig.add_scatter(
            x=part.value,
            y=part.max_floor_area_m2,
            mode="markers",
            name=name,
            marker=dict(color=colour, symbol=symbol, size=9),
            hovertemplate="%{x:,.2f}: %{y:,.2f} ㎡<extra></extra>",
        )
    fig.add_scatter(
        x=curve.value,
        y=curve.max_floor_area_m2,
        mode="lines",
        showlegend=False,
        line=dict(color=GREY, width=1),
        hoverinfo="skip",
    )
    fig.add_vline(
        x=current,
        line=dict(color=NAVY, dash="dash"),
        annotation_text=t("yao.current_value", lang),
        annotation_position="top",
    )
    fig.update_xaxes(title_text=label, tickformat=",")
    fig.update_yaxes(
        title_text=t("common.with_unit", lang, label=t("yao.max_floor_area", lang), unit=t("unit.m2", lang)),
        tickformat=",",
    )
    return style(fig, height=380)
