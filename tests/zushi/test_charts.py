"""Zushi's charts built from the real tables: what a reader needs is in the figure (not how it looks)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi.core.db import run_query
from machi.core.text import t
from machi.zushi import charts


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_targets_progress_one_bar_per_target_on_one_share_scale(con, lang):
    from machi.zushi import logic as zushi

    kpis = zushi.kpi_progress(run_query(con, "zushi/kpis"))
    kpis = kpis[kpis.fiscal_year == 2021].reset_index(drop=True)
    fig = charts.targets_progress(kpis, lang)
    assert len(fig.data) == 1 and not [k for k in fig.layout if k.startswith(("xaxis", "yaxis")) and k[5:]]  # one axis
    bars = fig.data[0]
    assert list(bars.y) == list(range(len(kpis)))  # positions: two targets of one name stay two bars
    assert list(fig.layout.yaxis.ticktext) == [charts.wrap(n, 18) for n in kpis.indicator_ja]
    assert fig.layout.yaxis.autorange == "reversed"  # the first target on top
    # the shares from the sheet's values, hand-worked: (4−0)/(5−0), (0−0)/(2−0), (520−1800)/(3000−1800),
    # (86600−201300)/(400000−201300)
    assert [round(x, 3) for x in bars.x] == [80.0, 0.0, -106.667, -57.725]
    assert list(bars.text) == ["80%", "0%", "▼ −107%", "▼ −58%"]  # below the baseline: a symbol, not only colour
    assert list(bars.marker.color) == [charts.BLUE, charts.BLUE, charts.ORANGE, charts.ORANGE]
    assert list(bars.meta) == [int(n) for n in kpis.sheet_no]
    assert list(bars.customdata) == [zushi.kpi_values(k, lang) for k in kpis.itertuples()]
    x = fig.layout.xaxis  # 0 % is the baseline and 100 % the target, each named on the axis
    assert x.range[0] < -106.667 and x.range[1] > 100
    labels = dict(zip(x.tickvals, x.ticktext))
    assert labels[0] == "0%<br>" + t("zushi.kpi_baseline", lang) and labels[100] == "100%<br>" + t(
        "zushi.kpi_target", lang
    )
    assert [s.x0 for s in fig.layout.shapes] == [100]


@pytest.mark.parametrize(
    "lo,hi,ticks",
    [
        (-106.7, 100.0, [-100, -50, 0, 50, 100]),  # Zushi's 2021 targets
        (0.0, 100.0, [0, 50, 100]),
        (0.0, 180.0, [0, 50, 100, 150]),
        (0.0, 4000.0, [0, 100, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]),  # a step of 500, and the target
        (0.0, 1e5, [0, 100, 25000, 50000, 75000, 100000]),
    ],
)
def test_share_ticks_cases(lo, hi, ticks):
    assert charts.share_ticks(lo, hi) == ticks


@given(st.floats(-1e5, 0), st.floats(100, 1e5))
def test_share_ticks_always_name_baseline_and_target_and_stay_few(lo, hi):
    ticks = charts.share_ticks(lo, hi)
    assert {0, 100} <= set(ticks) and ticks == sorted(set(ticks)) and len(ticks) <= 11
    assert all(lo <= v <= hi for v in ticks if v not in (0, 100))


def test_targets_progress_labels_a_share_that_cannot_be_computed_as_missing(con):
    from machi.zushi import logic as zushi

    kpis = run_query(con, "zushi/kpis")
    kpis = kpis[kpis.fiscal_year == 2021].reset_index(drop=True)
    kpis.loc[0, "actual"] = None  # no value for the year
    kpis.loc[1, "target"] = kpis.loc[1, "baseline"]  # a target equal to its baseline: no way to cover
    fig = charts.targets_progress(zushi.kpi_progress(kpis), "ja")
    assert list(fig.data[0].text[:2]) == [t("common.no_data", "ja")] * 2 and list(fig.data[0].x[:2]) == [0, 0]
