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
    assert list(fig.layout.yaxis.ticktext) == [charts.wrap(n, 18) for n in kpis[f"indicator_{lang}"]]
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


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_budget_bars_one_unit_on_the_axis_and_every_label(con, lang):
    """Both series in 千円 on the axis and on their labels: the spending the sheets state in 円 is converted
    exactly (sheet 2: 3,256,000 円 → 3,256 千円; sheet 8: 13,250,700 円 → 13,250.7 千円, not rounded), the
    legend says so and hover gives the sheet's 円 figure. Sheets 1 and 3 state no spending."""
    from machi.zushi import logic as zushi

    programs = run_query(con, "zushi/programs")
    budget = zushi.budget_by(programs[programs.fiscal_year == 2021], "program", lang)
    fig = charts.budget_bars(budget, lang)
    plan, actual = fig.data
    kyen, yen = t("unit.kyen", lang), t("unit.yen", lang)
    assert fig.layout.xaxis.title.text == kyen
    assert all(label.endswith(f" {kyen}") for label in plan.text)
    stated = [label for label in actual.text if label != t("zushi.no_actual_figure", lang)]
    assert len(stated) == 7 and all(label.endswith(f" {kyen}") for label in stated)
    by_sheet = dict(zip(budget.key.iloc[::-1], actual.text))
    assert by_sheet["2021-002"] == f"3,256 {kyen}" and by_sheet["2021-008"] == f"13,250.7 {kyen}"
    assert by_sheet["2021-001"] == by_sheet["2021-003"] == t("zushi.no_actual_figure", lang)
    assert actual.name == t("zushi.actual_series", lang) and kyen in actual.name and yen in actual.name
    hover = dict(zip(budget.key.iloc[::-1], actual.customdata))
    assert hover["2021-002"] == t("zushi.actual_as_stated", lang, yen=f"3,256,000 {yen}")


def test_budget_names_in_english_are_english(con):
    """The English chart names programmes by their (unofficial) English labels, wrapped between words."""
    from machi.zushi import logic as zushi

    programs = run_query(con, "zushi/programs")
    budget = zushi.budget_by(programs[programs.fiscal_year == 2021], "department", "en")
    assert list(budget.name) == [
        "Planning Division (1110)",
        "Information Policy Division (1240)",
        "Citizen Collaboration Division (1310)",
        "Economy and Tourism Division (1330)",
    ]
    fig = charts.budget_bars(zushi.budget_by(programs[programs.fiscal_year == 2021], "program", "en"), "en")
    assert all(" " not in line[:1] and len(line) <= 40 for name in fig.data[0].y for line in name.split("<br>"))
