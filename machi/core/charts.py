"""The house style of every chart: fonts, colours, margins, and the small helpers the municipalities'
charts share (year ticks, panels, wrapped labels). No Streamlit and no municipality here: each
municipality's charts (`machi/<municipality>/charts.py`) are pure functions from data and a language to a
plotly Figure, styled here.

Fonts are the viewer's system fonts (no web fonts); colours are never the only carrier of meaning:
every bar carries its value and every series its name.
"""

from __future__ import annotations

import textwrap
import unicodedata

import plotly.graph_objects as go

FONT = "Noto Sans CJK JP, Hiragino Sans, Yu Gothic UI, Meiryo, sans-serif"
NAVY = "#1f3b73"
BLUE = "#1f5fa8"
GREY = "#8c96a3"
ORANGE = "#d9730d"
GREEN = "#2e7d32"
RED = "#c62828"

#: plotly config for st.plotly_chart: no logo, no outside links, PNG export at print resolution
CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def style(fig: go.Figure, height: int) -> go.Figure:
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


def panel_titles(texts: list[str]) -> list[str]:
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


def panels_done(fig: go.Figure, titles: list[str], n_rows: int) -> go.Figure:
    """Styles a figure of panels: titles in the chart's font; the legend, if any, at the very top, above
    the first row's titles; fixed outer margins (PANEL_MARGIN)."""
    fig = style(fig, height=PANEL_HEIGHT * n_rows + 60)
    fig.update_annotations(font=dict(family=FONT, size=17, color="#1d2430"))  # the panels' titles
    lines = max((title.count("<br>") + 1 for title in titles), default=1)
    legend = fig.layout.showlegend is not False
    fig.update_layout(
        margin=dict(t=(66 if legend else 20) + 22 * lines, **PANEL_MARGIN),
        legend=dict(yref="container", y=1, yanchor="top"),
    )
    fig.update_xaxes(automargin=False)
    fig.update_yaxes(automargin=False)
    return fig


def add_panel(fig: go.Figure, panel: go.Figure, row: int, col: int) -> None:
    """Moves a one-panel figure's traces into a figure of panels at (row, col), with its x axis's labelled
    values and its y axis's title and range (the panel's builder decides them: one place for how a panel
    looks)."""
    for trace in panel.data:
        fig.add_trace(trace, row=row, col=col)
    fig.update_xaxes(tickvals=panel.layout.xaxis.tickvals, row=row, col=col)
    y = panel.layout.yaxis
    fig.update_yaxes(title_text=y.title.text, range=y.range, tickvals=y.tickvals, ticktext=y.ticktext, row=row, col=col)


def wrap(text: str, width: int) -> str:
    return "<br>".join(text[i : i + width] for i in range(0, len(text), width))
