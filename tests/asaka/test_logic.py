"""Asaka: path, pace, progress against actuals, projected year and both what-ifs (hand-worked)."""

import itertools
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi.asaka import logic as asaka
from machi.core.db import run_query
from machi.core.inputs import InputError

PARK = SimpleNamespace(baseline_year=2025, baseline_value=2.13, target_year=2035, target_value=3.16)


def obs(*pairs):
    return pd.DataFrame(pairs, columns=["year", "value"])


def test_path_pace_and_change_hand_worked():
    p = asaka.path(PARK)
    assert p.year.tolist() == list(range(2025, 2036))
    assert p.required_value.iloc[0] == pytest.approx(2.13) and p.required_value.iloc[-1] == pytest.approx(3.16)
    assert p.required_value.iloc[5] == pytest.approx(2.645)  # 2030: 2.13 + 1.03 × 5/10
    assert asaka.change_needed(PARK) == pytest.approx(1.03)
    assert asaka.pace_needed(PARK) == pytest.approx(0.103)


def test_sql_path_matches_python_path(con):
    sql = run_query(con, "asaka/indicator_path")
    for i in run_query(con, "asaka/indicators").itertuples():
        mine = asaka.path(i)
        theirs = sql[sql.indicator_id == i.indicator_id]
        assert theirs.year.tolist() == mine.year.tolist() == list(range(2025, 2036))
        assert theirs.required_value.tolist() == pytest.approx(mine.required_value.tolist())


@pytest.mark.parametrize(
    "lang,year,heads",
    [
        (
            "ja",
            "2026（令和8）年度",
            [
                "年度",
                "みどりの満足度",
                "市域に占める緑地の割合（%）",
                "一人当たりの都市公園の面積（㎡/人）",
                "公園の利用頻度（回/年）",
            ],
        ),
        (
            "en",
            "FY2026 (Reiwa 8)",
            [
                "Fiscal year",
                "Satisfaction with greenery (average of a 5-step rating from +1.0 to −1.0)",
                "Share of the city area that is green space (緑地) (%)",
                "Urban park area per person (㎡/person)",
                "Park use frequency (times/year)",
            ],
        ),
    ],
)
def test_path_table_reads_by_name_and_year_with_exact_values(con, lang, year, heads):
    """Hand-worked 2026 values (a tenth of the way): 0.29 + 0.001; 21.5 + 0.08; 2.13 + 0.103; 30.9 + 0.1.
    Each column as few decimals as write all its years exactly, never fewer than the plan's."""
    table = asaka.path_table(run_query(con, "asaka/indicators"), run_query(con, "asaka/indicator_path"), lang)
    assert list(table.columns) == heads
    assert table.iloc[1].tolist() == [year, "+0.291", "21.58", "2.233", "31.0"]
    assert table.iloc[0].tolist()[1:] == ["+0.290", "21.50", "2.130", "30.9"]
    assert table.iloc[-1].tolist()[1:] == ["+0.300", "22.30", "3.160", "31.9"]
    assert len(table) == 11


def test_path_table_leaves_a_year_outside_a_path_blank():
    inds = pd.DataFrame(
        [
            dict(
                indicator_id="a",
                name_ja="A",
                name_en="A",
                unit="%",
                unit_ja="%",
                unit_en="%",
                decimals=1,
                show_sign=False,
            ),
            dict(
                indicator_id="b", name_ja="B", name_en="B", unit="", unit_ja="", unit_en="", decimals=0, show_sign=False
            ),
        ]
    )
    paths = pd.DataFrame(
        {"indicator_id": ["a", "a", "b"], "year": [2025, 2026, 2026], "required_value": [1.0, 1.25, 7.0]}
    )
    table = asaka.path_table(inds, paths, "ja")
    assert table.to_dict("list") == {
        "年度": ["2025（令和7）年度", "2026（令和8）年度"],
        "A（%）": ["1.00", "1.25"],
        "B": ["", "7"],
    }


@pytest.mark.parametrize(
    "values,least,most,dec",
    [
        ([21.5, 21.58, 21.66], 1, 3, 2),
        ([30.9, 31.0, 31.1], 1, 3, 1),
        ([2.13, 2.233], 2, 4, 3),
        ([1 / 3], 1, 3, 3),  # endless decimals: the most allowed
        ([0.1 + 0.2], 1, 3, 1),  # float noise (0.30000000000000004) is not a decimal
        ([5.0], 0, 2, 0),
    ],
)
def test_exact_decimals(values, least, most, dec):
    assert asaka.exact_decimals(values, least, most) == dec


@given(st.lists(st.integers(-(10**6), 10**6), min_size=1, max_size=12), st.integers(0, 4))
def test_exact_decimals_writes_values_of_known_decimals_exactly_and_with_no_more(ints, places):
    values = [n / 10**places for n in ints]
    dec = asaka.exact_decimals(values, 0, 6)
    assert dec <= places
    assert all(float(f"{v:.{dec}f}") == v for v in values)  # written exactly
    if dec:  # one fewer would lose a digit of some value
        assert any(abs(v - round(v, dec - 1)) > 1e-9 * max(1.0, abs(v)) for v in values)


def test_shown_value_signs_where_the_plan_does_with_a_true_minus():
    signed = SimpleNamespace(show_sign=True)
    plain = SimpleNamespace(show_sign=False)
    assert asaka.shown_value(signed, 0.29, 2, "ja") == "+0.29" and asaka.shown_value(signed, -0.1, 2, "ja") == "−0.10"
    assert asaka.shown_value(plain, 21.5, 1, "ja") == "21.5" and asaka.shown_value(plain, -1.5, 1, "ja") == "−1.5"
    assert asaka.shown_value(plain, 1234.5, 1, "ja") == "1,234.5"


def test_progress_none_without_actuals():
    assert asaka.progress(PARK, obs()) is None


def test_on_track_exactly_on_the_path():
    p = asaka.progress(PARK, obs((2027, 2.336)))  # 2.13 + 0.103 × 2
    assert p.on_track and p.recent_pace == pytest.approx(0.103)
    assert p.projected_year == pytest.approx(2035)


def test_behind_and_projected_year_at_recent_pace():
    # 2026: 2.18, 2028: 2.28 → recent pace 0.05/yr → 3.16 reached in 2028 + 0.88/0.05 = 2045.6
    p = asaka.progress(PARK, obs((2026, 2.18), (2028, 2.28)))
    assert not p.on_track
    assert p.latest_year == 2028 and p.required_then == pytest.approx(2.439)
    assert p.recent_pace == pytest.approx(0.05)
    assert p.projected_year == pytest.approx(2045.6)


def test_moving_away_never_reaches():
    p = asaka.progress(PARK, obs((2027, 2.00)))
    assert p.projected_year is None and not p.on_track


def test_already_reached():
    p = asaka.progress(PARK, obs((2030, 3.2)))
    assert p.reached and p.on_track and p.projected_year == 2030


@given(base=st.floats(-100, 100), target=st.floats(-100, 100), years=st.integers(1, 30))
def test_path_hits_both_ends_and_is_monotone(base, target, years):
    ind = SimpleNamespace(baseline_year=2025, baseline_value=base, target_year=2025 + years, target_value=target)
    values = asaka.path(ind).required_value.tolist()
    assert values[0] == pytest.approx(base, abs=1e-9) and values[-1] == pytest.approx(target, abs=1e-9)
    diffs = [b - a for a, b in itertools.pairwise(values)]
    assert all(d * (target - base) >= -1e-9 for d in diffs)


def test_park_what_if_hand_worked():
    # 141,083 × 2.13 ㎡ = 300,506.79 ㎡ = 30.050679 ha; 140,000 × 3.16 = 442,400 ㎡ = 44.24 ha
    s = asaka.park_scenario(141083, 140000, per_person_now_m2=2.13, per_person_target_m2=3.16)
    assert s.area_now_ha == pytest.approx(30.050679)
    assert s.area_needed_2035_ha == pytest.approx(44.24)
    assert s.to_add_ha == pytest.approx(44.24 - 30.050679)


def test_park_what_if_with_rate():
    # −1 %/yr from 2020 to 2035: 141,083 × 0.99^15
    s = asaka.park_scenario(
        141083, rate_pct=-1, population_year=2020, per_person_now_m2=2.13, per_person_target_m2=3.16
    )
    assert s.population_2035 == pytest.approx(141083 * 0.99**15)
    assert s.area_needed_2035_ha == pytest.approx(141083 * 0.99**15 * 3.16 / 10000)


def test_green_share_what_if_hand_worked():
    # 18.34 km² = 1,834 ha; 21.5 % = 394.31 ha; 22.3 % = 408.982 ha
    g = asaka.green_share_scenario(18.34, share_now_pct=21.5, share_target_pct=22.3)
    assert (g.city_area_ha, g.now_ha, g.target_ha) == pytest.approx((1834, 394.31, 408.982))
    assert g.to_add_ha == pytest.approx(14.672)


@pytest.mark.parametrize(
    "kwargs,field",
    [
        (dict(population_now=-1, population_2035=1000), "population_now"),
        (dict(population_now=0, population_2035=1000), "population_now"),
        (dict(population_now="abc", population_2035=1000), "population_now"),
        (dict(population_now=1e12, population_2035=1000), "population_now"),
        (dict(population_now=1000, population_2035=-3), "population_2035"),
        (dict(population_now=1000), "population_2035"),
        (dict(population_now=1000, population_2035=5, rate_pct=1), "population_2035"),
        (dict(population_now=1000, rate_pct=50), "rate_pct"),
        (dict(population_now=1000, rate_pct=float("nan")), "rate_pct"),
        (dict(population_now=1000, rate_pct=1, population_year=3000), "population_year"),
        (dict(population_now=True, population_2035=5), "population_now"),
    ],
)
def test_park_what_if_rejects_impossible_input_naming_the_field(kwargs, field):
    with pytest.raises(InputError) as info:
        asaka.park_scenario(**kwargs, per_person_now_m2=2.13, per_person_target_m2=3.16)
    assert info.value.field == field
    assert info.value.message_ja and info.value.message_en


@pytest.mark.parametrize("area", [0, -1, "", None, "x", 1e9, float("inf")])
def test_green_share_rejects_impossible_area(area):
    with pytest.raises(InputError) as info:
        asaka.green_share_scenario(area, share_now_pct=21.5, share_target_pct=22.3)
    assert info.value.field == "city_area_km2" and "市域面積" in info.value.message_ja
    assert "City area" in info.value.message_en


@given(pop=st.floats(1, 9e6), rate=st.floats(-10, 10))
def test_more_population_in_2035_never_needs_less_park(pop, rate):
    a = asaka.park_scenario(pop, rate_pct=rate, per_person_now_m2=2.13, per_person_target_m2=3.16)
    b = asaka.park_scenario(pop, rate_pct=min(10, rate + 0.5), per_person_now_m2=2.13, per_person_target_m2=3.16)
    assert b.area_needed_2035_ha >= a.area_needed_2035_ha - 1e-9
