"""The house style of every chart: fonts, colours, margins, and the small helpers the municipalities'
charts share (year ticks, panels, wrapped labels). No Streamlit and no municipality here: each
municipality's charts (`machi/<municipality>/charts.py`) are pure functions from data and a language to a
plotly Figure, styled here.

Fonts are the viewer's system fonts (no web fonts); colours are never the only carrier of meaning:
every bar carries its value and every series its name.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

import plotly.graph_objects as go

from machi.core.text import normalise_language

FONT = "Noto Sans CJK JP, Hiragino Sans, Yu Gothic UI, Meiryo, sans-serif"
NAVY = "#1f3b73"
BLUE = "#1f5fa8"
GREY = "#8c96a3"
ORANGE = "#d9730d"
GREEN = "#2e7d32"
RED = "#c62828"

#: plotly config for st.plotly_chart: no logo, no outside links, PNG export at print resolution
CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}

#: the chart toolbar's and notices' words in Japanese, passed with each chart (plotly.js looks a chart's
#: `locales` up before its built-in English; Streamlit's bundle registers no Japanese). The keys are the
#: English texts of plotly.js 4.2 as Streamlit 1.67 bundles it.
JAPANESE = {
    "Zoom": "ズーム",
    "Pan": "移動",
    "Box Select": "矩形で選択",
    "Lasso Select": "投げ縄で選択",
    "Zoom in": "拡大",
    "Zoom out": "縮小",
    "Autoscale": "全体を表示",
    "Reset axes": "軸を元に戻す",
    "Reset": "元に戻す",
    "Reset view": "表示を元に戻す",
    "Reset views": "表示を元に戻す",
    "Download plot as a PNG": "PNG 画像として保存",
    "Download plot": "画像として保存",
    "Preparing image - this may take a few seconds": "画像を準備しています…",
    "Image download succeeded": "画像を保存しました",
    "Sorry, there was a problem downloading your image!": "画像を保存できませんでした",
    "Show closest data on hover": "カーソルに最も近いデータを表示",
    "Compare data on hover": "カーソル位置のデータを比較",
    "Toggle show closest data on hover": "最も近いデータの表示を切り替え",
    "Toggle Spike Lines": "補助線の表示を切り替え",
    "Double-click to zoom back out": "ダブルクリックで元の表示に戻ります",
    "Double-click on legend to isolate one trace": "凡例をダブルクリックすると、その系列だけを表示します",
    "Click to enter Colorscale title": "色の目盛りの題",
    "Click to enter Component A title": "題を入力",
    "Click to enter Plot title": "題を入力",
    "Click to enter X axis title": "題を入力",
    "Click to enter Y axis title": "題を入力",
    "trace": "系列",
}


#: the toolbar's words by language (English is plotly's own)
LOCALES = {"ja": JAPANESE}


def chart_config(lang: str, **more) -> dict:
    """The plotly config of a chart in the reader's language: CONFIG, and in Japanese the toolbar's words."""
    config = {**CONFIG, **more}
    if words := LOCALES.get(normalise_language(lang)):
        config |= {"locale": lang, "locales": {lang: {"dictionary": words}}}
    return config


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


#: the chamber's screen (1920 × 1080, read from across a room): type 1.34 times the chart's own (its 15 px
#: base: 20 px), at least 20 px; the figure `scale` times its height within these bounds (px; its source
#: line above aside), so the chart and what is above it fit one screen: a chart of a few bars still fills
#: the screen, one of 24 wards keeps a label's room for each
CHAMBER_SCALE, CHAMBER_MIN_FONT, CHAMBER_HEIGHTS = 1.34, 20, (600, 800)


def enlarged(
    fig: go.Figure, scale: float = CHAMBER_SCALE, minimum: int = CHAMBER_MIN_FONT, heights=CHAMBER_HEIGHTS
) -> go.Figure:
    """A copy of a chart for a big screen: every font `scale` times its size and at least `minimum` px (the
    chart's base font, the axes', legend's, annotations' and labels' own), the margins and annotation
    offsets scaled with them (they hold labels of that type), and the figure `scale` times as high, within
    `heights` (lowest, highest)."""
    d = fig.to_dict()
    layout = d.setdefault("layout", {})
    layout.setdefault("font", {}).setdefault("size", 12)

    def bigger(size):
        if isinstance(size, list):
            return [bigger(x) for x in size]
        return max(minimum, round(size * scale)) if isinstance(size, (int, float)) else size

    def inline(text: str) -> str:  # a size written into a label's own text (<span style='font-size:14px'>)
        return re.sub(r"font-size:\s*(\d+(?:\.\d+)?)px", lambda m: f"font-size:{bigger(float(m[1]))}px", text)

    def walk(node, parent: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "size" and parent.endswith("font"):
                    node[k] = bigger(v)
                elif k in ("xshift", "yshift") and isinstance(v, (int, float)):
                    node[k] = v * scale
                elif isinstance(v, str) and "font-size" in v:
                    node[k] = inline(v)
                else:
                    walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, parent)

    walk(d)
    base = layout["font"]["size"]
    # what the chart leaves to the base font, Streamlit's chart theme sets in rem (ticks at 0.75 rem): said here
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            axis.setdefault("tickfont", {}).setdefault("size", base)
            if isinstance(axis.get("title"), dict):
                axis["title"].setdefault("font", {}).setdefault("size", base)
    layout.setdefault("legend", {}).setdefault("font", {}).setdefault("size", base)
    for trace in d.get("data", []):
        marker = trace.get("marker") if isinstance(trace.get("marker"), dict) else {}
        bar = marker.setdefault("colorbar", {}) if marker.get("showscale") else marker.get("colorbar")
        if isinstance(bar, dict):
            bar.setdefault("tickfont", {}).setdefault("size", base)
            bar.setdefault("title", {}).setdefault("font", {}).setdefault("size", base)
    margin = layout.setdefault("margin", {})
    for side in ("l", "r", "t", "b"):
        if isinstance(margin.get(side), (int, float)):
            margin[side] = round(margin[side] * scale)
    low, high = heights
    layout["height"] = max(low, min(high, round((layout.get("height") or 450) * scale)))
    return go.Figure(d)


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


def panel_titles(texts: list[str], per_row: int = 2) -> list[str]:
    """Panel titles wrapped to fit their panel (plotly does not wrap text): two panels a row on the page, a
    Japanese title (mostly wide characters, in either language) at 24 characters, an English one at 44
    (at its spaces); four a row (the chamber's wide screen, in its larger type) at 17 and 32."""

    def wide(x: str) -> bool:
        return sum(unicodedata.east_asian_width(c) in "WF" for c in x) > 0.3 * len(x)

    ja, en = (24, 44) if per_row <= 2 else (17, 32)
    return ["<br>".join(textwrap.wrap(x, ja if wide(x) else en)) for x in texts]


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
    fig.update_yaxes(
        title_text=y.title.text,
        range=y.range,
        tickvals=y.tickvals,
        ticktext=y.ticktext,
        nticks=y.nticks,
        tickformat=y.tickformat,
        zeroline=y.zeroline,
        row=row,
        col=col,
    )


def wrap(text: str, width: int) -> str:
    """A label in lines about `width` Japanese characters wide for a chart (joined by <br>): Japanese every
    `width` characters; Latin text (about half as wide a letter) between words, at twice as many."""
    if not any(unicodedata.east_asian_width(c) in "WF" for c in text):
        return "<br>".join(textwrap.wrap(text, 2 * width, break_long_words=True))
    return "<br>".join(text[i : i + width] for i in range(0, len(text), width))
