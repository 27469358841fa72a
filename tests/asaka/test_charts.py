"""Asaka's charts built from the real tables: what a reader needs is in the figure (not how it looks)."""

import pytest

from machi.asaka import charts
from machi.asaka.logic import path as asaka_path
from machi.asaka.logic import shown_value
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
    assert [
        a.text.replace("<br>", joiner) for a in fig.layout.annotations
    ] == names  # each panel titled by its indicator
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
        assert list(y.ticktext) == [
            shown_value(i, v, int(i.decimals), lang) for v in (i.baseline_value, i.target_value)
        ]
        ends = [
            tr
            for tr in fig.data
            if tr.meta == i.indicator_id
            and tr.name in (t("asaka.series_baseline", lang), t("asaka.series_target", lang))
        ]
        assert len(ends) == 2 and all(tr.mode == "markers" and tr.text is None for tr in ends)
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


def test_measures_tree_stops_at_the_basic_measures_sized_by_their_individual_measures(con):
    measures = run_query(con, "asaka/measures")
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
        1 for r in shown.itertuples() if r.node_id not in parents and r.node_id not in individual
    )
    stars = [label for label in tree.labels if label.startswith("★ ")]
    assert len(stars) == int(measures.is_priority.sum()) == 11
