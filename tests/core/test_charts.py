"""The shared chart helpers: which years an axis labels."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi.core import charts


@pytest.mark.parametrize(
    "first,last,ticks",
    [
        (2025, 2035, [2025, 2027, 2029, 2031, 2033, 2035]),  # Asaka's plan period
        (2025, 2034, [2025, 2027, 2029, 2031, 2033, 2034]),  # an odd span: the target year still labelled
        (2025, 2026, [2025, 2026]),
        (2025, 2025, [2025]),
    ],
)
def test_year_ticks_label_every_other_year_and_both_ends(first, last, ticks):
    assert charts.year_ticks(first, last) == ticks


@pytest.mark.parametrize(
    "first,last,ticks",
    [
        (2025, 2035, [2025, 2030, 2035]),  # Asaka's plan period: baseline, midpoint, target
        (2025, 2036, [2025, 2030, 2036]),
        (2025, 2033, [2025, 2030, 2033]),  # the target 3 years (over half a step) after 2030: both labelled
        (2025, 2031, [2025, 2031]),  # 2030 would crowd the target year 2031: left out
        (2025, 2027, [2025, 2027]),
    ],
)
def test_year_ticks_leave_out_a_year_that_would_crowd_the_last(first, last, ticks):
    assert charts.year_ticks(first, last, 5) == ticks


@given(st.integers(1900, 2100), st.integers(0, 60), st.integers(1, 5))
def test_year_ticks_start_and_end_on_the_given_years_evenly_spaced_and_never_crowded(first, span, step):
    ticks = charts.year_ticks(first, first + span, step)
    assert ticks[0] == first and ticks[-1] == first + span and ticks == sorted(set(ticks))
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert all(g == step for g in gaps[:-1])  # every step-th year up to the last label
    if gaps:  # the last gap: never over one and a half steps, and under half a step only with no year between
        assert gaps[-1] < 1.5 * step and (gaps[-1] >= step / 2 or len(ticks) == 2)


def _fonts(node, parent=""):
    """Every font size a figure's plain form states, with where."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "size" and parent.endswith("font"):
                yield v
            else:
                yield from _fonts(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from _fonts(item, parent)


def _sample_figure(height: int):
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h", text=["1", "2"], textfont=dict(size=17)))
    fig.add_annotation(x=1, y=1, text="ref", yshift=20, font=dict(size=13))
    fig.add_annotation(x=1, y=0, text="title<br><span style='font-size:14px'>second line</span>")
    fig.add_scatter(x=[0], y=[0], marker=dict(colorscale="Oranges", color=[0], showscale=True))
    return charts.style(fig, height=height)


@given(height=st.integers(min_value=150, max_value=1500))
def test_a_chart_for_the_chamber_has_every_text_at_least_20_px_and_a_bounded_height(height):
    fig = _sample_figure(height)
    big = charts.enlarged(fig).to_dict()
    sizes = list(_fonts(big))
    assert sizes and min(sizes) >= charts.CHAMBER_MIN_FONT
    # what the chart left to its base font is stated (Streamlit's theme would draw ticks at 0.75 rem)
    assert big["layout"]["xaxis"]["tickfont"]["size"] == big["layout"]["yaxis"]["tickfont"]["size"] >= 20
    assert big["layout"]["legend"]["font"]["size"] >= 20
    assert big["data"][1]["marker"]["colorbar"]["tickfont"]["size"] >= 20
    assert "font-size:20px" in big["layout"]["annotations"][1]["text"]  # a size written into a label's text
    low, high = charts.CHAMBER_HEIGHTS
    assert low <= big["layout"]["height"] <= high
    assert big["layout"]["height"] == max(low, min(high, round(height * charts.CHAMBER_SCALE)))
    assert big["layout"]["annotations"][0]["yshift"] == 20 * charts.CHAMBER_SCALE  # stacked labels keep apart
    assert big["layout"]["margin"]["r"] == round(fig.layout.margin.r * charts.CHAMBER_SCALE)
    assert fig.layout.font.size == 15 and fig.layout.height == height  # the figure itself is not changed


def test_a_chamber_chart_keeps_sizes_larger_than_the_minimum_in_proportion():
    big = charts.enlarged(_sample_figure(400)).to_dict()
    assert big["layout"]["font"]["size"] == round(15 * charts.CHAMBER_SCALE) == 20  # the charts' base size
    assert big["data"][0]["textfont"]["size"] == round(17 * charts.CHAMBER_SCALE) == 23
