"""Charts built from the real tables: what a reader needs is in the figure (not how it looks)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi import charts
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
        x = fig.layout["xaxis" + target.xaxis[1:]]  # its years labelled every other year, both ends included
        assert list(x.tickvals) == charts.year_ticks(int(i.baseline_year), int(i.target_year))
        assert x.tickvals[0] == i.baseline_year and x.tickvals[-1] == i.target_year
    listed = [tr.name for tr in fig.data if tr.showlegend]
    assert len(listed) == len(set(listed)) and set(listed) == {tr.name for tr in fig.data}  # each series once
    assert all(tr.legendgroup == tr.name for tr in fig.data)  # one click hides it in every panel


@pytest.mark.parametrize("first,last,ticks", [
    (2025, 2035, [2025, 2027, 2029, 2031, 2033, 2035]),  # Asaka's plan period
    (2025, 2034, [2025, 2027, 2029, 2031, 2033, 2034]),  # an odd span: the target year still labelled
    (2025, 2026, [2025, 2026]),
    (2025, 2025, [2025]),
])
def test_year_ticks_label_every_other_year_and_both_ends(first, last, ticks):
    assert charts.year_ticks(first, last) == ticks


@given(st.integers(1900, 2100), st.integers(0, 60), st.integers(1, 5))
def test_year_ticks_start_and_end_on_the_given_years_with_no_gap_wider_than_the_step(first, span, step):
    ticks = charts.year_ticks(first, first + span, step)
    assert ticks[0] == first and ticks[-1] == first + span and ticks == sorted(set(ticks))
    assert all(0 < b - a <= step for a, b in zip(ticks, ticks[1:]))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_targets_progress_one_panel_per_target_baseline_actual_target(con, lang):
    from machi import zushi

    kpis = zushi.kpi_progress(run_query(con, "zushi_kpis"))
    fig = charts.targets_progress(kpis, lang)
    assert [a.text.replace("<br>", "") for a in fig.layout.annotations] == list(kpis.indicator_ja)
    assert [tr.meta for tr in fig.data] == [int(n) for n in kpis.sheet_no]  # one bar trace per target
    assert len({(tr.xaxis, tr.yaxis) for tr in fig.data}) == len(kpis)  # each on its own axes
    for tr, k in zip(fig.data, kpis.itertuples()):
        assert list(tr.y) == [0 if v != v else v for v in (k.baseline, k.actual, k.target)]
        assert fig.layout["yaxis" + tr.yaxis[1:]].title.text == k.unit
        assert all(k.unit in text or text == t("common.no_data", lang) for text in tr.text)
    one = charts.targets_progress(kpis.head(1), lang)  # one target: one panel the full width
    assert len(one.data) == 1 and one.layout.xaxis.domain[1] - one.layout.xaxis.domain[0] > 0.9


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
