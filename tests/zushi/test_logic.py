"""Zushi domain logic: filters, headline, matrix, budget sums and the share of the way to a target."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi.core.db import run_query
from machi.core.text import t
from machi.zushi import logic as zushi


@pytest.fixture(scope="module")
def programs(session_db):
    from machi.core.db import connect_read_only

    con = connect_read_only(session_db)
    yield run_query(con, "zushi/programs")
    con.close()


def test_headline_of_all_programs(programs):
    h = zushi.headline(programs)
    assert h.programs == 9
    assert h.by_progress == {"on_schedule": 0, "delayed": 7, "not_started": 1, "cancelled": 1}
    assert h.by_evaluation == {"a": 0, "b": 5, "c": 4}
    # hand sum of the seven stated figures (円) and the nine plan budgets (千円)
    assert h.actual_total_yen == 3256000 + 313000 + 390000 + 38705823 + 19724323 + 13250700 + 10512200 == 86152046
    assert h.actual_missing == 2
    assert h.plan_total_kyen == 4657 + 28168 + 264 + 840 + 17932 + 332000 + 312400 + 251480 + 168992 == 1116733


def test_headline_with_no_spending_figure_is_a_gap_not_zero(programs):
    frozen = programs[programs.sheet_no.isin([1, 3])]
    h = zushi.headline(frozen)
    assert h.actual_total_yen is None and h.actual_missing == 2


def test_filters_combine(programs):
    f = zushi.Filters(fiscal_year=2021, departments=("1330",), evaluations=("b",))
    assert sorted(zushi.filter_programs(programs, f).sheet_no) == [6, 7, 8]
    assert sorted(zushi.filter_programs(programs, zushi.Filters(policies=("5-1",))).sheet_no) == [1, 2, 3]
    assert zushi.filter_programs(programs, zushi.Filters(progress=("on_schedule",))).empty


def test_matrix_cells_list_their_programs(programs):
    cells = zushi.matrix(programs)
    assert len(cells) == 12
    assert [c.split()[0] for c in cells[("delayed", "c")]] == ["1", "2", "4"]
    assert cells[("cancelled", "b")] == ["5 核兵器のない平和な地域社会の実現"]
    assert sum(len(v) for v in cells.values()) == 9


def test_budget_by_policy_hand_sums(programs):
    b = zushi.budget_by(programs, "policy").set_index("key")
    assert b.loc["4-5"].plan_kyen == 332000 + 312400 + 251480
    assert b.loc["4-5"].actual_yen == 38705823 + 19724323 + 13250700
    assert b.loc["4-5"].share_pct == pytest.approx((38705823 + 19724323 + 13250700) / 1000 / 895880 * 100)
    assert b.loc["5-1"].actual_yen == 3256000 and b.loc["5-1"].actual_missing == 2
    assert list(b.index) == ["4-5", "5-1", "5-3", "5-4"]


def test_budget_of_program_without_figure_is_nan(programs):
    b = zushi.budget_by(programs, "program").set_index("key")
    assert math.isnan(b.loc["2021-001"].actual_yen) and math.isnan(b.loc["2021-001"].share_pct)


def test_budget_sums_agree_across_levels(programs):
    totals = {lvl: zushi.budget_by(programs, lvl).plan_kyen.sum() for lvl in zushi.BUDGET_LEVELS}
    assert len(set(totals.values())) == 1


def test_unknown_budget_level_is_refused(programs):
    with pytest.raises(ValueError):
        zushi.budget_by(programs, "ward")


def test_share_of_way_hand_worked_and_negative_not_clipped():
    kpis = pd.DataFrame(
        {"baseline": [0, 0, 1800, 201300], "actual": [4, 0, 520, 86600], "target": [5, 2, 3000, 400000]}
    )
    out = zushi.kpi_progress(kpis)
    assert out.share_pct.tolist() == pytest.approx([80.0, 0.0, -106.6667, -57.7252], abs=1e-4)
    assert out.below_baseline.tolist() == [False, False, True, True]


def test_share_is_missing_without_an_actual_or_when_the_target_equals_the_baseline():
    kpis = pd.DataFrame({"baseline": [0, 5, 5], "actual": [None, 7, 5], "target": [5, 5, 5]})
    assert zushi.kpi_progress(kpis).share_pct.isna().tolist() == [True, True, True]  # never ±inf


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ja", "基準値 1,800 人/年 → 2021（令和3）年度 約520 人/年 → 目標 年3,000人（2022(令和４)年度目標）"),
        (
            "en",
            "Baseline 1,800 people a year → FY2021 (Reiwa 3) about 520 people a year"
            " → Target 3,000 people a year (FY2022 target)",
        ),
    ],
)
def test_kpi_values_in_the_targets_own_unit_and_the_target_as_the_sheet_words_it(lang, text):
    """Sheet 5's values in the order of the title; the target in the sheet's own words (年3,000人, not a
    number and a unit of ours), and in English the unit and the target's words translated."""
    row = pd.Series(
        {
            "baseline": 1800.0,
            "actual": 520.0,
            "actual_approx": True,
            "target": 3000.0,
            "unit_ja": "人/年",
            "unit_en": "people a year",
            "target_label_ja": "年3,000人（2022(令和４)年度目標）",
            "target_label_en": "3,000 people a year (FY2022 target)",
            "fiscal_year": 2021,
        }
    )
    assert zushi.kpi_values(row, lang) == text
    half = row.copy()
    half[["actual", "actual_approx"]] = [2.5, False]  # a value with decimals keeps them (never rounded to 2 or 3)
    unit = {"ja": "人/年", "en": "people a year"}[lang]
    assert f"2.5 {unit}" in zushi.kpi_values(half, lang)
    half["actual"] = 0.1234  # never cut to a few decimals
    assert f"0.1234 {unit}" in zushi.kpi_values(half, lang)
    half["actual"] = 1e-05  # a value Python writes with an exponent
    assert f"1e-05 {unit}" in zushi.kpi_values(half, lang)
    half["actual"] = None
    assert f"{t('common.no_data', lang)} →" in zushi.kpi_values(half, lang)


@given(
    baseline=st.floats(-1e6, 1e6),
    target=st.floats(-1e6, 1e6),
    actual=st.floats(-1e6, 1e6),
)
def test_share_is_100_at_target_0_at_baseline_and_monotone(baseline, target, actual):
    if abs(target - baseline) < 1e-3:
        return
    df = pd.DataFrame({"baseline": [baseline] * 3, "target": [target] * 3, "actual": [baseline, target, actual]})
    out = zushi.kpi_progress(df).share_pct.tolist()
    assert out[0] == pytest.approx(0, abs=1e-6) and out[1] == pytest.approx(100)
    # moving towards the target never lowers the share
    assert (out[2] >= 0) == ((actual - baseline) * (target - baseline) >= 0) or abs(actual - baseline) < 1e-9
