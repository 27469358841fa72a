"""Charts built from the real tables: what a reader needs is in the figure (not how it looks)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi import charts
from machi.asaka import path as asaka_path, shown_value
from machi.db import run_query
from machi.i18n import t


@pytest.fixture()
def asaka(con):
    return (run_query(con, "asaka_indicators"), run_query(con, "asaka_indicator_path"), run_query(con, "asaka_actuals"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_glide_paths_one_panel_per_indicator_with_its_own_axes(asaka, lang):
    indicators, paths, actuals = asaka
    fig = charts.glide_paths(indicators, paths, actuals, lang)
    names = list(indicators.name_ja if lang == "ja" else indicators.name_en)
    joiner = "" if lang == "ja" else " "  # long titles are wrapped
    assert [a.text.replace("<br>", joiner) for a in fig.layout.annotations] == names  # each panel titled by its indicator
    axes = {}
    for trace in fig.data:
        axes.setdefault(trace.meta, set()).add((trace.xaxis, trace.yaxis))
    assert list(axes) == list(indicators.indicator_id)
    assert all(len(a) == 1 for a in axes.values()) and len({next(iter(a)) for a in axes.values()}) == len(names)
    for i in indicators.itertuples():  # the target is drawn at its value, inside its panel's range
        target = [tr for tr in fig.data if tr.meta == i.indicator_id and tr.name == t("asaka.series_target", lang)][0]
        assert list(target.y) == [i.target_value]
        y = fig.layout["yaxis" + target.yaxis[1:]]
        lo, hi = y.range
        assert lo < min(i.baseline_value, i.target_value) and hi > max(i.baseline_value, i.target_value)
        assert y.title.text == (i.unit or "")
        # its y axis labels the baseline and the target only, as the plan writes them (no labels of
        # their own on the markers: the same numbers twice)
        assert list(y.tickvals) == [i.baseline_value, i.target_value]
        assert list(y.ticktext) == [shown_value(i, v, int(i.decimals)) for v in (i.baseline_value, i.target_value)]
        ends = [tr for tr in fig.data if tr.meta == i.indicator_id and tr.name in
                (t("asaka.series_baseline", lang), t("asaka.series_target", lang))]
        assert len(ends) == 2 and all(tr.mode == "markers" and tr.text is None for tr in ends)
        x = fig.layout["xaxis" + target.xaxis[1:]]  # its years labelled every fifth year, both ends included
        assert list(x.tickvals) == charts.year_ticks(int(i.baseline_year), int(i.target_year), charts.PATH_YEAR_STEP)
        assert x.tickvals[0] == i.baseline_year and x.tickvals[-1] == i.target_year
        assert [i.baseline_year, i.target_year] == [2025, 2035] and list(x.tickvals) == [2025, 2030, 2035]
    # fixed outer margins, no automatic margins (a second pass over every axis in the browser)
    assert (fig.layout.margin.l, fig.layout.margin.b) == (charts.PANEL_MARGIN["l"], charts.PANEL_MARGIN["b"])
    axes = [fig.layout[k] for k in fig.layout if k.startswith(("xaxis", "yaxis"))]
    assert len(axes) == 2 * len(names) and all(a.automargin is False for a in axes)
    listed = [tr.name for tr in fig.data if tr.showlegend]
    assert len(listed) == len(set(listed)) and set(listed) == {tr.name for tr in fig.data}  # each series once
    assert all(tr.legendgroup == tr.name for tr in fig.data)  # one click hides it in every panel


def test_glide_path_y_labels_the_plan_figures_as_written():
    """Hand-worked from the plan: the satisfaction score is signed (+0.29 → +0.30); 21.5 % → 22.3 %."""
    from types import SimpleNamespace

    import pandas as pd

    empty = pd.DataFrame(columns=["year", "value"])
    for i, text in [
        (dict(decimals=2, show_sign=True, unit=None, baseline_value=0.29, target_value=0.30), ["+0.29", "+0.30"]),
        (dict(decimals=1, show_sign=False, unit="%", baseline_value=21.5, target_value=22.3), ["21.5", "22.3"]),
        (dict(decimals=1, show_sign=False, unit="%", baseline_value=-1.5, target_value=0.0), ["−1.5", "0.0"]),
    ]:
        ind = SimpleNamespace(baseline_year=2025, target_year=2035, **i)
        fig = charts.glide_path(ind, asaka_path(ind), empty, "ja")
        assert list(fig.layout.yaxis.ticktext) == text


@pytest.mark.parametrize("first,last,ticks", [
    (2025, 2035, [2025, 2027, 2029, 2031, 2033, 2035]),  # Asaka's plan period
    (2025, 2034, [2025, 2027, 2029, 2031, 2033, 2034]),  # an odd span: the target year still labelled
    (2025, 2026, [2025, 2026]),
    (2025, 2025, [2025]),
])
def test_year_ticks_label_every_other_year_and_both_ends(first, last, ticks):
    assert charts.year_ticks(first, last) == ticks


@pytest.mark.parametrize("first,last,ticks", [
    (2025, 2035, [2025, 2030, 2035]),  # Asaka's plan period: baseline, midpoint, target
    (2025, 2036, [2025, 2030, 2036]),
    (2025, 2033, [2025, 2030, 2033]),  # the target 3 years (over half a step) after 2030: both labelled
    (2025, 2031, [2025, 2031]),  # 2030 would crowd the target year 2031: left out
    (2025, 2027, [2025, 2027]),
])
def test_year_ticks_leave_out_a_year_that_would_crowd_the_last(first, last, ticks):
    assert charts.year_ticks(first, last, 5) == ticks


@given(st.integers(1900, 2100), st.integers(0, 60), st.integers(1, 5))
def test_year_ticks_start_and_end_on_the_given_years_evenly_spaced_and_never_crowded(first, span, step):
    ticks = charts.year_ticks(first, first + span, step)
    assert ticks[0] == first and ticks[-1] == first + span and ticks == sorted(set(ticks))
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert all(g == step for g in gaps[:-1])  # every step-th year up to the last label
    if gaps:  # the last gap: never over one and a half steps, and under half a step only with no year between
        assert gaps[-1] < 1.5 * step and (gaps[-1] >= step / 2 or len(ticks) == 2)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_targets_progress_one_bar_per_target_on_one_share_scale(con, lang):
    from machi import zushi

    kpis = zushi.kpi_progress(run_query(con, "zushi_kpis"))
    kpis = kpis[kpis.fiscal_year == 2021].reset_index(drop=True)
    fig = charts.targets_progress(kpis, lang)
    assert len(fig.data) == 1 and not [k for k in fig.layout if k.startswith(("xaxis", "yaxis")) and k[5:]]  # one axis
    bars = fig.data[0]
    assert list(bars.y) == list(range(len(kpis)))  # positions: two targets of one name stay two bars
    assert list(fig.layout.yaxis.ticktext) == [charts._wrap(n, 18) for n in kpis.indicator_ja]
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
    assert labels[0] == "0%<br>" + t("zushi.kpi_baseline", lang) and labels[100] == "100%<br>" + t("zushi.kpi_target", lang)
    assert [s.x0 for s in fig.layout.shapes] == [100]


@pytest.mark.parametrize("lo,hi,ticks", [
    (-106.7, 100.0, [-100, -50, 0, 50, 100]),  # Zushi's 2021 targets
    (0.0, 100.0, [0, 50, 100]),
    (0.0, 180.0, [0, 50, 100, 150]),
    (0.0, 4000.0, [0, 100, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]),  # a step of 500, and the target
    (0.0, 1e5, [0, 100, 25000, 50000, 75000, 100000]),
])
def test_share_ticks_cases(lo, hi, ticks):
    assert charts.share_ticks(lo, hi) == ticks


@given(st.floats(-1e5, 0), st.floats(100, 1e5))
def test_share_ticks_always_name_baseline_and_target_and_stay_few(lo, hi):
    ticks = charts.share_ticks(lo, hi)
    assert {0, 100} <= set(ticks) and ticks == sorted(set(ticks)) and len(ticks) <= 11
    assert all(lo <= v <= hi for v in ticks if v not in (0, 100))


def test_targets_progress_labels_a_share_that_cannot_be_computed_as_missing(con):
    from machi import zushi

    kpis = run_query(con, "zushi_kpis")
    kpis = kpis[kpis.fiscal_year == 2021].reset_index(drop=True)
    kpis.loc[0, "actual"] = None  # no value for the year
    kpis.loc[1, "target"] = kpis.loc[1, "baseline"]  # a target equal to its baseline: no way to cover
    fig = charts.targets_progress(zushi.kpi_progress(kpis), "ja")
    assert list(fig.data[0].text[:2]) == [t("common.no_data", "ja")] * 2 and list(fig.data[0].x[:2]) == [0, 0]


def test_measures_tree_stops_at_the_basic_measures_sized_by_their_individual_measures(con):
    measures = run_query(con, "asaka_measures")
    fig = charts.measures_tree(measures, "ja")
    tree = fig.data[0]
    shown = measures[measures.level != "individual_measure"]
    assert list(tree.ids) == list(shown.node_id) and len(tree.ids) == 39
    individual = measures[measures.level == "individual_measure"].groupby("parent_id").size()
    value = dict(zip(tree.ids, tree.values))
    parents = set(shown.parent_id.dropna())
    for r in shown.itertuples():  # a leaf's area: its individual measures (one if none); a branch: its boxes
        assert value[r.node_id] == (0 if r.node_id in parents else max(int(individual.get(r.node_id, 0)), 1))
    # the same areas as when every individual measure was a box of one
    assert sum(tree.values) == len(measures[measures.level == "individual_measure"]) + sum(
        1 for r in shown.itertuples() if r.node_id not in parents and r.node_id not in individual)
    stars = [label for label in tree.labels if label.startswith("★ ")]
    assert len(stars) == int(measures.is_priority.sum()) == 11


@pytest.fixture()
def osaka_2023(con):
    import json

    from machi import paths

    rows = run_query(con, "osaka_wards")
    wards = rows[(rows.row_kind == "ward") & (rows.survey_year == 2023)].reset_index(drop=True)
    geojson = json.loads((paths.data_dir() / "osaka/osaka_city_wards_n03_2020.geojson").read_text(encoding="utf-8"))
    return wards, geojson


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(v) for v in colour.removeprefix("rgb(").removesuffix(")").split(","))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ward_map_shades_each_ward_by_its_value_darker_for_higher(osaka_2023, lang):
    wards, geojson = osaka_2023
    fig = charts.ward_map(wards, geojson, "vacancy_rate_pct", "rate", lang)
    shapes = [tr for tr in fig.data if tr.fill == "toself"]
    assert [tr.meta for tr in shapes] == list(wards.area_code) and len(shapes) == 24
    value = dict(zip(wards.area_code, wards.vacancy_rate_pct))
    by_value = sorted(shapes, key=lambda tr: value[tr.meta])
    brightness = [sum(_rgb(tr.fillcolor)) for tr in by_value]
    assert brightness == sorted(brightness, reverse=True) and brightness[0] > brightness[-1]
    scale = [tr for tr in fig.data if tr.marker and tr.marker.showscale]
    assert len(scale) == 1 and (scale[0].marker.cmin, scale[0].marker.cmax) == (min(value.values()), max(value.values()))
    # the north–south scale follows the city's latitude (about 34.7°: a degree east is 0.82 of one north)
    assert fig.layout.yaxis.scaleanchor == "x" and 1.2 < fig.layout.yaxis.scaleratio < 1.23
    assert not fig.layout.xaxis.visible and not fig.layout.yaxis.visible


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ward_map_leaves_out_a_ward_without_boundary_and_names_it(osaka_2023, lang):
    from machi import osaka

    wards, geojson = osaka_2023
    gone = wards.area_code[5]
    partial = {**geojson, "features": [f for f in geojson["features"] if f["properties"]["N03_007"] != gone]}
    fig = charts.ward_map(wards, partial, "vacancy_rate_pct", "rate", lang)  # raised KeyError before
    shapes = [tr.meta for tr in fig.data if tr.fill == "toself"]
    assert len(shapes) == 23 and gone not in shapes
    name = wards.ward_ja[5] if lang == "ja" else f"{wards.ward_en[5]} ({wards.ward_ja[5]})"
    assert osaka.wards_without_boundary(wards, partial, lang) == [name]
    assert osaka.wards_without_boundary(wards, geojson, lang) == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ward_map_shows_a_ward_without_value_as_a_gap_not_a_shade(osaka_2023, lang):
    wards, geojson = osaka_2023
    gap = wards.area_code[3]
    wards.loc[3, "vacancy_rate_pct"] = float("nan")
    fig = charts.ward_map(wards, geojson, "vacancy_rate_pct", "rate", lang)
    shapes = {tr.meta: tr for tr in fig.data if tr.fill == "toself"}
    assert shapes[gap].fillcolor == charts.NO_VALUE_FILL["colour"] and shapes[gap].fillpattern.shape == "/"
    assert t("common.no_data", lang) in shapes[gap].text
    assert all(tr.fillpattern.shape is None and tr.fillcolor.startswith("rgb(") for c, tr in shapes.items() if c != gap)
    known = wards.vacancy_rate_pct.dropna()
    scale = next(tr for tr in fig.data if tr.marker and tr.marker.showscale)
    assert (scale.marker.cmin, scale.marker.cmax) == (known.min(), known.max())
