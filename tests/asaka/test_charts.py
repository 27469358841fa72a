"""Asaka's charts built from the real tables: what a reader needs is in the figure (not how it looks)."""

import pytest

from machi.asaka import charts
from machi.asaka.logic import change_line, shown_value, unit_of
from machi.asaka.logic import path as asaka_path
from machi.core import charts as core_charts
from machi.core.db import run_query
from machi.core.text import t


@pytest.fixture()
def asaka(con):
    return (run_query(con, "asaka/indicators"), run_query(con, "asaka/indicator_path"), run_query(con, "asaka/actuals"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_glide_paths_one_panel_per_indicator_with_its_own_axes(asaka, lang):
    indicators, paths, actuals = asaka
    fig = charts.glide_paths(indicators, paths, actuals, lang)
    names = list(indicators.name_ja if lang == "ja" else indicators.name_en)
    joiner = "" if lang == "ja" else " "  # long titles are wrapped
    titles = [a.text.split("<br><span")[0].replace("<br>", joiner) for a in fig.layout.annotations]
    assert titles == names  # each panel titled by its indicator, its change needed beneath
    assert [a.text.split("'>")[-1].removesuffix("</span>") for a in fig.layout.annotations] == [
        change_line(i, lang) for i in indicators.itertuples()
    ]
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
        # the axis starts at the bottom of the measure's scale, so the panels' slopes compare
        assert lo == i.scale_min and hi > max(i.baseline_value, i.target_value)
        unit = getattr(i, f"unit_{lang}")  # in the reader's language: 回/年, times/year
        assert y.title.text == ("" if unit is None or unit != unit else unit)
        # the baseline and the target carry their values as the plan writes them
        ends = [
            tr
            for tr in fig.data
            if tr.meta == i.indicator_id
            and tr.name in (t("asaka.series_baseline", lang), t("asaka.series_target", lang))
        ]
        assert [tr.text[0] for tr in ends] == [
            f"{shown_value(i, v, int(i.decimals), lang)}{unit_of(i, lang)}" for v in (i.baseline_value, i.target_value)
        ]
        x = fig.layout["xaxis" + target.xaxis[1:]]  # its years labelled every fifth year, both ends included
        assert list(x.tickvals) == core_charts.year_ticks(
            int(i.baseline_year), int(i.target_year), charts.PATH_YEAR_STEP
        )
        assert x.tickvals[0] == i.baseline_year and x.tickvals[-1] == i.target_year
        assert [i.baseline_year, i.target_year] == [2025, 2035] and list(x.tickvals) == [2025, 2030, 2035]
    # fixed outer margins, no automatic margins (a second pass over every axis in the browser)
    assert (fig.layout.margin.l, fig.layout.margin.b) == (core_charts.PANEL_MARGIN["l"], core_charts.PANEL_MARGIN["b"])
    axes = [fig.layout[k] for k in fig.layout if k.startswith(("xaxis", "yaxis"))]
    assert len(axes) == 2 * len(names) and all(a.automargin is False for a in axes)
    listed = [tr.name for tr in fig.data if tr.showlegend]
    assert len(listed) == len(set(listed)) and set(listed) == {tr.name for tr in fig.data}  # each series once
    assert all(tr.legendgroup == tr.name for tr in fig.data)  # one click hides it in every panel


def test_glide_path_marks_the_plan_figures_as_written():
    """Hand-worked from the plan: the satisfaction score is signed (+0.29 → +0.30); 21.5 % → 22.3 %."""
    from types import SimpleNamespace

    import pandas as pd

    empty = pd.DataFrame(columns=["year", "value"])
    for i, text in [
        (dict(decimals=2, show_sign=True, unit=None, baseline_value=0.29, target_value=0.30), ["+0.29", "+0.30"]),
        (dict(decimals=1, show_sign=False, unit="%", baseline_value=21.5, target_value=22.3), ["21.5%", "22.3%"]),
        (dict(decimals=1, show_sign=False, unit="%", baseline_value=-1.5, target_value=0.0), ["−1.5%", "0.0%"]),
    ]:
        ind = SimpleNamespace(
            baseline_year=2025,
            target_year=2035,
            scale_min=-2.0,
            scale_max=None,
            unit_ja=i["unit"],
            unit_en=i["unit"],
            **i,
        )
        fig = charts.glide_path(ind, asaka_path(ind), empty, "ja")
        assert [tr.text[0] for tr in fig.data[1:3]] == text


@pytest.mark.parametrize(
    "indicator,ja,en",
    [
        (
            "park_area_per_person",  # 2.13 → 3.16 ㎡/人: +1.03, 48.356… % of 2.13
            "必要な変化 +1.03㎡/人（現況値の +48.4%・派生値）",
            "Change needed +1.03㎡/person (+48.4% of the current value; derived)",
        ),
        (
            "green_satisfaction",  # +0.29 → +0.30 on the plan's −1.0 to +1.0 rating: 0.01 of a width of 2
            "必要な変化 +0.01（尺度 −1.0〜+1.0 の幅の +0.5%・派生値）",
            "Change needed +0.01 (+0.5% of the width of the −1.0 to +1.0 scale; derived)",
        ),
        (
            "green_space_share",  # 21.5 % → 22.3 %: +0.8 points, 3.72… % of 21.5
            "必要な変化 +0.8 ポイント（現況値の +3.7%・派生値）",
            "Change needed +0.8 points (+3.7% of the current value; derived)",
        ),
    ],
)
def test_the_change_needed_is_said_in_terms_that_compare(asaka, indicator, ja, en):
    """A +0.01 in satisfaction must not look like the +48 % in park area: each panel says how large its
    change is against the current value (a measure with a true zero) or the rating's scale."""
    indicators = asaka[0].set_index("indicator_id", drop=False)
    i = next(indicators.loc[[indicator]].itertuples())
    assert (change_line(i, "ja"), change_line(i, "en")) == (ja, en)


def test_the_slopes_compare_across_panels(asaka):
    """Drawn to its own scale from its bottom, the park area's path rises across about a third of its
    panel's height, the satisfaction score's across well under one hundredth of its panel's height."""
    indicators, paths, actuals = asaka
    fig = charts.glide_paths(indicators, paths, actuals, "ja")
    rise = {}
    for i in indicators.itertuples():
        target = [tr for tr in fig.data if tr.meta == i.indicator_id and tr.name == t("asaka.series_target", "ja")][0]
        lo, hi = fig.layout["yaxis" + target.yaxis[1:]].range
        rise[i.indicator_id] = (i.target_value - i.baseline_value) / (hi - lo)
    assert rise["park_area_per_person"] > 0.2 and rise["green_satisfaction"] < 0.01
    assert rise["park_area_per_person"] > 5 * max(v for k, v in rise.items() if k != "park_area_per_person")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_measure_counts_a_bar_per_pillar_sized_by_its_individual_measures(con, lang):
    """Eleven pillars under three basic policies, in the plan's order; each bar counts its individual measures
    (a basic measure without any counts one), so the bars add up to the plan's list; ★ counts the pillar's
    priority measures (11 in all). Names at the chart's size, in English the unofficial translations."""
    measures = run_query(con, "asaka/measures")
    fig = charts.measure_counts(measures, lang)
    assert [tr.meta for tr in fig.data] == ["P1", "P2", "P3"]
    assert sum(len(tr.y) for tr in fig.data) == 11
    basic = measures[measures.level == "basic_measure"]
    individual = measures[measures.level == "individual_measure"].groupby("parent_id").size()
    expected = sum(max(int(individual.get(b, 0)), 1) for b in basic.node_id)
    assert sum(sum(tr.x) for tr in fig.data) == expected
    stars = sum(int(label.split("★")[1]) for tr in fig.data for label in tr.text if "★" in label)
    assert stars == int(basic.is_priority.sum()) == 11
    assert fig.layout.font.size >= 15 and not fig.data[0].textfont.size  # the chart's own size, never shrunk
    first = fig.data[0].y[0].replace("<br>", " ")
    assert first == ("1-1 樹林地と農地の保全" if lang == "ja" else "1-1 Conservation of woodland and farmland")
    if lang == "en":
        assert not [n for tr in fig.data for n in [tr.name, *tr.y] if any("\u3040" <= c <= "\u9fff" for c in n)]


@pytest.mark.parametrize("lang,labels", [("ja", ["昭和48(1973)年", "令和5(2023)年"]), ("en", ["1973", "2023"])])
def test_green_cover_bars_are_labelled_by_the_plans_two_years(con, lang, labels):
    """In English the years are digits, which plotly would put on a numeric axis (1960 … 2040, with no
    1973 or 2023 label): the axis is categorical, a bar per year the plan gives."""
    fig = charts.green_cover(run_query(con, "asaka/green_cover"), lang)
    assert list(fig.data[0].x) == labels and fig.layout.xaxis.type == "category"
    assert list(fig.data[0].y) == [49.8, 34.8]
    # the change is called out on the last bar by its position: placed at the label "2023", plotly read it as
    # category number 2023 and stretched the axis to it (both bars hairlines at the far left)
    (callout,) = fig.layout.annotations
    assert callout.x == len(labels) - 1 and not isinstance(callout.x, str)
