"""The Asaka transcription, pinned to the plan's printed figures."""

from machi.core.db import run_query


def test_four_indicators_as_printed(con):
    i = run_query(con, "asaka/indicators").set_index("indicator_id")
    got = {k: (i.loc[k].baseline_value, i.loc[k].target_value) for k in i.index}
    assert got == {
        "green_satisfaction": (0.29, 0.30),
        "green_space_share": (21.5, 22.3),
        "park_area_per_person": (2.13, 3.16),
        "park_use_frequency": (30.9, 31.9),
    }
    assert set(i.baseline_year) == {2025} and set(i.target_year) == {2035}
    assert set(i.source_id) == {"asaka_green_plan_2026"}


def test_green_cover_apart_from_green_space_share(con):
    c = run_query(con, "asaka/green_cover")
    assert c[["year", "cover_pct"]].values.tolist() == [[1973, 49.8], [2023, 34.8]]


def test_measure_tree_and_the_one_numeric_target(con):
    m = run_query(con, "asaka/measures").set_index("node_id")
    assert (m.level == "policy").sum() == 3
    assert set(m[m.level == "pillar"].number_label) >= {"1-1", "3-2"}
    assert all(p in m.index for p in m.parent_id.dropna())
    n = m.loc["P1-1-1"]
    assert (n.plan_target_value, n.future_target_value) == (2.7, 3.6)
    assert n.current_value_derived == 2.7 - 0.6  # about 2.1 ha (derived: the plan prints only "+0.6ha")
    assert m.is_priority.sum() == 11
    assert m[m.is_priority].plan_target_ja.notna().all()


def test_actuals_start_empty_and_defaults_cite_official_sources(con):
    assert run_query(con, "asaka/actuals").empty
    d = run_query(con, "asaka/defaults").set_index("key")
    assert d.loc["population_2020"].value == 141083 and d.loc["population_2020"].source_id == "census_2020_asaka"
    assert d.loc["city_area_km2"].value == 18.34 and d.loc["city_area_km2"].source_id == "gsi_area_asaka"
