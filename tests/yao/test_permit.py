"""Permit calculator (machi.yao.permit): rule file, validation, every check at/under/over its limit on both
routes, the bonus of 第4, the cap of 第5, the 総合設計 combination of 第6, worked examples, properties."""

from __future__ import annotations

import copy
import dataclasses
import json
import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from machi.yao.permit import ValidationError, evaluate, load_rules, parse_application
from machi.yao.permit.engine import OUTPUT_KEYS, Result
from machi.yao.permit.examples import example, examples
from machi.yao.permit.rules import DEFAULT_RULES_PATH, RulesError

RULES = load_rules()
FACILITY_ONLY = ("zone_listed", "site_area", "road_width", "frontage", "road_through", "setback", "open_space_ratio")
BOTH_ROUTES = ("greening", "sidewalk", "effective_open_space")


def fac_app(**over) -> dict:
    """A facilities-route application (第一種住居地域) with comfortable margins on every check."""
    d = {
        "route": "facilities",
        "zone": "1-res",
        "site_area_m2": 2400,
        "base_far_pct": 200,
        "base_coverage_pct": 60,
        "building_area_m2": 600,
        "road_width_m": 12,
        "frontage_m": 60,
        "site_perimeter_m": 200,
        "road_through": True,
        "green_area_m2": 700,
        "effective_open_space_m2": 1200,
        "sidewalk_width_m": 3.0,
        "parts": [{"height_m": 31, "setback_m": 6.0}],
        "facilities": [{"kind": "greywater", "floor_area_m2": 160}, {"kind": "water_tank_room", "floor_area_m2": 120}],
    }
    d.update(over)
    return d


def bf_app(**over) -> dict:
    """The same site on the barrier-free route (a 特定建築物 using BF Act Art. 19, 1 wheelchair booth)."""
    d = fac_app(route="barrier_free", facilities=[])
    d["barrier_free"] = {
        "building": "tokutei",
        "art19_applied": True,
        "items": [{"item": "tokutei_toilet", "actual_area_m2": 4.0}],
    }
    d.update(over)
    return d


def ev(d: dict, rules=None) -> Result:
    return evaluate(parse_application(d, rules or RULES), rules or RULES)


def chk(result: Result, check_id: str):
    return result.check(check_id)


# ------------------------------------------------------------------------------------------------
# rule file
# ------------------------------------------------------------------------------------------------


def test_rule_file_constants_come_from_the_text():
    r = RULES
    assert r.cap.multiplier == 1.25 and r.cap.clause == "第5"
    assert r.sogo.additional_multiplier == 0.25 and r.sogo.clause == "第6"
    assert r.checks["frontage"].params["min_fraction_of_perimeter"] == 1 / 8
    assert r.checks["greening"].params["min_fraction_of_open_space"] == 0.30
    assert r.checks["setback"].params == {"multiplier": 0.5, "height_exponent": 0.5}
    assert r.checks["open_space_ratio"].params["constant"] == 1.2
    assert r.checks["sidewalk"].params["min_width_m"] == 2.5
    assert dict(r.checks["effective_open_space"].params) == {
        "base": 0.2,
        "numerator": 10.0,
        "denominator": 4.5,
        "factor": 0.3,
    }
    assert {z: r.zones[z].min_site_area_m2 for z in ("1-res", "commercial", "industrial", "1-low-rise-res")} == {
        "1-res": 2000.0,
        "commercial": 1000.0,
        "industrial": 2000.0,
        "1-low-rise-res": None,
    }
    wide = {z.id for z in r.zones.values() if z.min_road_width_m == 10.0}
    assert wide == {"neighborhood-commercial", "commercial", "industrial", "exclusive-industrial"}
    assert len(r.zones) == 13


def test_rule_file_facility_kinds_in_order_with_names():
    kinds = list(RULES.facilities.kinds.values())
    assert [k.id for k in kinds] == [
        "greywater",
        "district_heating_cooling",
        "disaster_stockpile",
        "fire_water",
        "electric_substation",
        "gas_station",
        "water_pump",
        "telecom_exchange",
        "railway_facility",
        "generator_room",
        "water_tank_room",
        "sewage_storage",
        "cogeneration",
        "energy_saving",
        "station_passage",
    ]
    assert [k.mark for k in kinds] == list("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮")
    assert kinds[0].name_ja == "中水道施設" and kinds[10].name_ja == "大型受水槽室"
    assert all(k.clause == f"第4 1.(1){k.mark}" and k.name_en for k in kinds)


def test_rule_file_route_applicability_and_clauses():
    c = RULES.checks
    for cid in FACILITY_ONLY:
        assert c[cid].routes == {"facilities"}, cid
    for cid in BOTH_ROUTES:
        assert c[cid].routes == {"facilities", "barrier_free"}, cid
    assert c["bf_building"].routes == {"barrier_free"}
    assert c["setback"].clause == "第3 2.(2)" and c["open_space_ratio"].clause == "第3 2.(3)"
    assert c["effective_open_space"].clause == "第3 4." and c["sidewalk"].clause == "第3 3."
    assert all(ch.label_ja and ch.label_en and ch.templates["pass"] and ch.templates["fail"] for ch in c.values())


def test_rule_file_beppyo2_values():
    t = RULES.tables
    assert dict(t["corridor"].rows[1].values) == {"both_sides": 2.30, "other": 1.80}
    assert dict(t["corridor"].rows[2].values) == {"both_sides": 1.60, "other": 1.20}
    assert dict(t["corridor"].rows[3].values) == {"any": 1.20}
    assert [t["stairs"].rows[i].values.get("stepped") for i in (1, 2, 3, 4)] == [2.28, 2.03, 1.44, 0.72]
    assert [t["stairs"].rows[i].values.get("landing") for i in (1, 2, 3, 4)] == [1.68, 1.68, 1.44, None]
    assert [t["ramp"].rows[i].values.get("sloped") for i in (1, 2, 3)] == [11.20, 9.60, 6.00]
    assert [t["ramp"].rows[i].values.get("landing") for i in (1, 2, 3)] == [1.68, 1.44, None]


def test_rule_file_records_interpretations():
    where = {i["where"] for i in RULES.interpretations()}
    assert {"open_space", "checks.zone_listed", "bonus.facilities", "bonus.barrier_free", "limits.sogo"} <= where


def test_load_rules_is_cached_and_defaults_to_yao():
    assert load_rules() is load_rules(DEFAULT_RULES_PATH)
    assert RULES.id == "yao_52_14_1" and RULES.source["municipality_ja"] == "八尾市"


def _variant(tmp_path, old: str, new: str, name: str = "variant.toml"):
    text = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / name
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def test_another_city_is_a_new_rule_file_not_new_code(tmp_path):
    p = _variant(tmp_path, "multiplier = 1.25", "multiplier = 1.5")
    p2 = _variant(tmp_path, "min_width_m = 2.5", "min_width_m = 3.5", "variant2.toml")
    rules = load_rules(p)
    assert rules.cap.multiplier == 1.5
    r = ev(example("facilities_at_limits")["application"], rules)
    assert r.max_floor_area_m2 == pytest.approx(5300) and r.binding == "bonus_claimed"  # cap 6,000 no longer binds
    rules2 = load_rules(p2)
    assert ev(fac_app(), rules2).check("sidewalk").passed is False  # 3.0 < 3.5 in the variant
    assert ev(fac_app(), RULES).check("sidewalk").passed is True


@pytest.mark.parametrize(
    "old,new,needle",
    [
        ("multiplier = 1.25", 'multiplier = "x"', "limits.cap.multiplier"),
        ("min_width_m = 2.5", "min_width_m = 2.5\nmin_widht_m = 3", "checks.sidewalk.min_widht_m"),
        ("[checks.road_through]", "[checks.road_thru]", "checks.road_through: missing"),
        ('pass_en = "Sidewalk width', 'pass_en = "{nonsense} Sidewalk width', "checks.sidewalk.pass_en"),
        ("schema_version = 1", "schema_version = 9", "schema_version"),
    ],
)
def test_broken_rule_file_raises_rules_error_naming_the_key(tmp_path, old, new, needle):
    with pytest.raises(RulesError, match=needle.replace(".", r"\.")):
        load_rules(_variant(tmp_path, old, new))


def test_missing_rule_file_raises_rules_error(tmp_path):
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "nope.toml")


# ------------------------------------------------------------------------------------------------
# every check at, just under and just over its limit; route applicability
# ------------------------------------------------------------------------------------------------

# (check id, overrides at the limit, just under, just over, required value)
LIMITS = [
    ("site_area", dict(site_area_m2=2000), dict(site_area_m2=1999.99), dict(site_area_m2=2000.01), 2000),
    (
        "site_area",
        dict(zone="commercial", building_area_m2=200, site_area_m2=1000),
        dict(zone="commercial", building_area_m2=200, site_area_m2=999.99),
        dict(zone="commercial", building_area_m2=200, site_area_m2=1000.01),
        1000,
    ),
    ("road_width", dict(road_width_m=8), dict(road_width_m=7.99), dict(road_width_m=8.01), 8),
    (
        "road_width",
        dict(zone="commercial", road_width_m=10),
        dict(zone="commercial", road_width_m=9.99),
        dict(zone="commercial", road_width_m=10.01),
        10,
    ),
    (
        "road_width",
        dict(zone="industrial", road_width_m=10),
        dict(zone="industrial", road_width_m=9.99),
        dict(zone="industrial", road_width_m=10.01),
        10,
    ),
    (
        "road_width",
        dict(zone="quasi-industrial", road_width_m=8),
        dict(zone="quasi-industrial", road_width_m=7.99),
        dict(zone="quasi-industrial", road_width_m=8.01),
        8,
    ),
    ("frontage", dict(frontage_m=25), dict(frontage_m=24.99), dict(frontage_m=25.01), 25),
    ("greening", dict(green_area_m2=540), dict(green_area_m2=539.99), dict(green_area_m2=540.01), 540),
    (
        "setback",
        dict(parts=[{"height_m": 36, "setback_m": 3.0}]),
        dict(parts=[{"height_m": 36, "setback_m": 2.99}]),
        dict(parts=[{"height_m": 36, "setback_m": 3.01}]),
        3.0,
    ),
    ("open_space_ratio", dict(building_area_m2=960), dict(building_area_m2=960.01), dict(building_area_m2=959.99), 0.6),
    (
        "open_space_ratio",
        dict(base_coverage_pct=80, building_area_m2=1440),
        dict(base_coverage_pct=80, building_area_m2=1440.01),
        dict(base_coverage_pct=80, building_area_m2=1439.99),
        0.4,
    ),
    ("sidewalk", dict(sidewalk_width_m=2.5), dict(sidewalk_width_m=2.49), dict(sidewalk_width_m=2.51), 2.5),
    (
        "effective_open_space",
        dict(base_coverage_pct=70, effective_open_space_m2=960),
        dict(base_coverage_pct=70, effective_open_space_m2=959.99),
        dict(base_coverage_pct=70, effective_open_space_m2=960.01),
        0.4,
    ),
]


@pytest.mark.parametrize("check_id,at,under,over,required", LIMITS, ids=[f"{x[0]}-{i}" for i, x in enumerate(LIMITS)])
def test_check_at_under_over_limit_facilities_route(check_id, at, under, over, required):
    r_at, r_under, r_over = ev(fac_app(**at)), ev(fac_app(**under)), ev(fac_app(**over))
    c = chk(r_at, check_id)
    assert c.applies is True and c.passed is True and c.margin == 0.0
    assert c.required == pytest.approx(required, rel=1e-12)
    assert r_at.eligible is True
    c = chk(r_under, check_id)
    assert c.passed is False and c.margin < 0 and r_under.eligible is False
    assert r_under.bonus_allowed_m2 == 0 and r_under.binding == "not_eligible"
    assert [x.id for x in r_under.checks if x.passed is False] == [check_id]
    c = chk(r_over, check_id)
    assert c.passed is True and c.margin > 0 and r_over.eligible is True


@pytest.mark.parametrize(
    "check_id,at,under,over,required",
    [x for x in LIMITS if x[0] in BOTH_ROUTES],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_both_route_checks_at_under_over_limit_barrier_free_route(check_id, at, under, over, required):
    r_at, r_under, r_over = ev(bf_app(**at)), ev(bf_app(**under)), ev(bf_app(**over))
    assert chk(r_at, check_id).passed is True and chk(r_at, check_id).margin == 0.0 and r_at.eligible
    assert chk(r_under, check_id).passed is False and not r_under.eligible
    assert chk(r_over, check_id).passed is True and r_over.eligible


@pytest.mark.parametrize(
    "check_id,at,under,over,required",
    [x for x in LIMITS if x[0] in FACILITY_ONLY],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_facility_only_checks_do_not_apply_to_barrier_free_route(check_id, at, under, over, required):
    r = ev(bf_app(**under))  # fails on the facilities route, but not here
    c = chk(r, check_id)
    assert c.applies is False and c.passed is None and c.margin is None
    assert "does not apply" in c.message_en and "適用されません" in c.message_ja
    assert r.eligible is True


def test_barrier_free_route_ignores_every_site_condition_at_once():
    d = bf_app(
        zone="1-low-rise-res",
        site_area_m2=400,
        building_area_m2=100,
        road_width_m=0,
        frontage_m=0,
        site_perimeter_m=80,
        road_through=False,
        green_area_m2=100,
        effective_open_space_m2=300,
        parts=[{"height_m": 100, "setback_m": 0}],
    )
    r = ev(d)
    assert [c.id for c in r.checks if not c.applies] == list(FACILITY_ONLY)
    assert all(c.passed is None for c in r.checks if not c.applies)
    assert r.eligible is True
    assert ev(dict(d, route="facilities", facilities=[])).eligible is False


def test_road_through_yes_no():
    assert chk(ev(fac_app(road_through=True)), "road_through").passed is True
    r = ev(fac_app(road_through=False))
    c = chk(r, "road_through")
    assert c.passed is False and c.strict is False and not r.eligible
    assert "原則として" in c.message_ja and "exceptions" in c.message_en


def test_open_space_ratio_1_2_minus_0_8_equals_0_4():
    # 1.2 − 0.8 is 0.3999999999999999 in floating point; O/A = 0.4 is exactly at the limit
    assert 1.2 - 0.8 != 0.4
    c = chk(ev(fac_app(base_coverage_pct=80, building_area_m2=1440)), "open_space_ratio")
    assert c.passed is True and c.margin == 0.0


def test_effective_open_space_formula_left_to_right():
    # S/A >= 0.2 + (1 − C) × 10 / 4.5 × 0.3 = 0.2 + (2/3)(1 − C)
    for cov, want in ((50, 0.2 + 0.5 * 2 / 3), (60, 0.2 + 0.4 * 2 / 3), (80, 0.2 + 0.2 * 2 / 3), (100, 0.2)):
        c = chk(ev(fac_app(base_coverage_pct=cov)), "effective_open_space")
        assert c.required == pytest.approx(want, rel=1e-12)
    c = chk(ev(fac_app(base_coverage_pct=60, effective_open_space_m2=1000)), "effective_open_space")
    assert c.passed is False and "120.00" in c.message_en  # 0.466667 × 2,400 = 1,120 m²: 120 m² short


def test_setback_checks_every_part_and_reports_the_tightest():
    r = ev(
        fac_app(
            parts=[
                {"height_m": 31, "setback_m": 6},
                {"height_m": 100, "setback_m": 4.99},
                {"height_m": 4, "setback_m": 1},
            ]
        )
    )
    c = chk(r, "setback")
    assert c.passed is False and c.required == 5.0 and c.actual == 4.99
    assert "Part 2" in c.message_en and "部分2" in c.message_ja
    c = chk(ev(fac_app(parts=[{"height_m": 31, "setback_m": 6}, {"height_m": 4, "setback_m": 1}])), "setback")
    assert c.passed is True and c.margin == 0.0 and c.required == 1.0  # √4 / 2 = 1


@pytest.mark.parametrize("zone", ["1-low-rise-res", "2-low-rise-res", "1-mid-high-res", "2-mid-high-res", "rural-res"])
def test_unlisted_zone_not_eligible_for_facilities_route(zone):
    r = ev(fac_app(zone=zone, site_area_m2=3000, green_area_m2=800, effective_open_space_m2=1500))
    assert chk(r, "zone_listed").passed is False
    sa = chk(r, "site_area")
    assert sa.passed is False and sa.required is None and "interpretation" in sa.message_en
    assert r.eligible is False and r.binding == "not_eligible" and r.bonus_allowed_m2 == 0
    assert r.max_floor_area_m2 == pytest.approx(6000)  # base only: 2.0 × 3,000
    # the barrier-free route stays open
    assert ev(bf_app(zone=zone, site_area_m2=3000, green_area_m2=800, effective_open_space_m2=1500)).eligible is True


def test_case_3b_industrial_needs_10m_road_quasi_industrial_8m():
    ex = example("facilities_site_fails")
    r = ev(ex["application"])
    assert [c.id for c in r.checks if c.passed is False] == ["road_width", "frontage"]
    assert chk(r, "frontage").required == 27.5 and chk(r, "road_width").required == 10.0
    r2 = ev(dict(ex["application"], zone="quasi-industrial"))
    assert chk(r2, "road_width").passed is True and chk(r2, "frontage").passed is False


def test_case_3c_site_area_one_step_short():
    r = ev(fac_app(zone="quasi-industrial", site_area_m2=1999.99))
    c = chk(r, "site_area")
    assert c.passed is False and c.margin == pytest.approx(-0.01) and not r.eligible


def test_check_fields_and_messages():
    r = ev(fac_app())
    assert [c.id for c in r.checks] == [
        "zone_listed",
        "site_area",
        "road_width",
        "frontage",
        "road_through",
        "greening",
        "setback",
        "open_space_ratio",
        "sidewalk",
        "effective_open_space",
        "bf_building",
    ]
    c = chk(r, "site_area")
    assert (c.clause, c.unit, c.required, c.actual, c.margin) == ("第3 1.(1)", "m2", 2000.0, 2400.0, 400.0)
    assert c.message_en == "Site area 2,400.00 m² ≥ 2,000.00 m² (Category 1 residential zone)."
    assert c.message_ja == "敷地面積 2,400.00㎡ ≥ 2,000.00㎡（第一種住居地域）。"
    c = chk(ev(fac_app(green_area_m2=500)), "greening")
    assert c.required == pytest.approx(540) and c.margin == pytest.approx(-40)
    assert "40.00" in c.message_en and "40.00" in c.message_ja and "原則として" in c.message_ja
    assert chk(r, "bf_building").passed is None


# ------------------------------------------------------------------------------------------------
# bonus, cap (第5), 総合設計 (第6)
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("ex", examples(), ids=lambda e: e["id"])
def test_worked_examples(ex):
    r = ev(ex["application"])
    want = ex["expected"]
    assert r.eligible is want["eligible"] and r.binding == want["binding"]
    for k in ("base_floor_area_m2", "bonus_claimed_m2", "bonus_allowed_m2", "max_floor_area_m2", "max_far_pct"):
        assert getattr(r, k) == pytest.approx(want[k], abs=1e-9), k
    if "failed" in want:
        assert [c.id for c in r.checks if c.passed is False] == want["failed"]
    assert ex["title_ja"] and ex["title_en"]


def test_case_1_facilities_bonus_breakdown():
    r = ev(example("facilities_pass")["application"])
    assert [(b.id, b.bonus_m2) for b in r.bonus_breakdown] == [
        ("greywater", 160),
        ("water_tank_room", 120),
        ("generator_room", 60),
        ("disaster_stockpile", 0),
    ]
    assert r.bonus_breakdown[0].label_ja == "① 中水道施設" and r.bonus_breakdown[0].clause == "第4 1.(1)①"
    assert (r.base_floor_area_m2, r.bonus_claimed_m2, r.max_floor_area_m2, r.limit_floor_area_m2) == (
        4800,
        340,
        5140,
        6000,
    )


def test_case_2_every_check_exactly_at_its_limit_and_cap_binds():
    r = ev(example("facilities_at_limits")["application"])
    at_limit = {"site_area", "road_width", "frontage", "greening", "setback", "open_space_ratio", "sidewalk"}
    for c in r.checks:
        if c.id in at_limit:
            assert c.passed is True and c.margin == 0.0, c.id
    assert r.bonus_claimed_m2 == 1300 and r.bonus_allowed_m2 == 1000
    assert r.max_floor_area_m2 == 5000 and r.binding == "cap_5" and r.max_far_pct == 500


def test_cap_5_binding_exactly_at_cap_and_just_below():
    # A = 2,400, V0 = 2.0: base 4,800, cap 6,000, headroom 1,200
    at = ev(fac_app(facilities=[{"kind": "cogeneration", "floor_area_m2": 1200}]))
    assert at.binding == "cap_5" and at.max_floor_area_m2 == 6000 and at.bonus_allowed_m2 == 1200
    below = ev(fac_app(facilities=[{"kind": "cogeneration", "floor_area_m2": 1199.99}]))
    assert below.binding == "bonus_claimed" and below.max_floor_area_m2 == pytest.approx(5999.99)
    above = ev(
        fac_app(
            facilities=[
                {"kind": "cogeneration", "floor_area_m2": 1000},
                {"kind": "station_passage", "floor_area_m2": 1000},
            ]
        )
    )
    assert above.binding == "cap_5" and above.bonus_claimed_m2 == 2000 and above.bonus_allowed_m2 == 1200
    assert above.max_far_pct == 250  # 1.25 × 200 %


def test_no_facilities_means_no_bonus():
    r = ev(fac_app(facilities=[]))
    assert r.eligible and r.bonus_claimed_m2 == 0 and r.max_floor_area_m2 == 4800 and r.binding == "bonus_claimed"


def test_case_4_barrier_free_store_item_standards():
    r = ev(example("barrier_free_store")["application"])
    lines = [
        (b.id, round(b.standard_m2, 6) if b.standard_m2 is not None else None, round(b.bonus_m2, 6))
        for b in r.bonus_breakdown
    ]
    assert lines == [
        ("tokutei_corridor", 36.0, 18.0),
        ("tokutei_corridor", 40.0, 10.0),
        ("tokutei_stair", 8.12, 3.88),
        ("tokutei_stair_landing", 1.68, 0.88),
        ("tokutei_ramp", 6.72, 4.08),
        ("tokutei_ramp_landing", 1.68, 0.57),
        ("tokutei_lift", 1.83, 0.97),
        ("tokutei_toilet", 1.0, 9.0),
        ("tokutei_parking", 21.0, 3.5),
        ("excluded_bf19", None, -6.0),
    ]
    assert r.bonus_claimed_m2 == pytest.approx(44.88) and r.max_floor_area_m2 == pytest.approx(2444.88)
    # the same plan on the facilities route fails 第3 2.(3): O/A = 300/800 = 0.375 < 0.4
    d = example("barrier_free_store")["application"]
    r2 = ev(dict(d, route="facilities"))
    assert chk(r2, "open_space_ratio").passed is False and chk(r2, "open_space_ratio").actual == 0.375


def test_case_5_apartment_in_unit_items():
    d = bf_app(
        zone="2-res",
        site_area_m2=1000,
        base_far_pct=200,
        base_coverage_pct=60,
        building_area_m2=400,
        green_area_m2=200,
        effective_open_space_m2=480,
        sidewalk_width_m=2.5,
    )
    d["barrier_free"] = {
        "building": "tokutei",
        "art19_applied": True,
        "items": [
            {"item": "unit_corridor", "count": 20, "length_m": 8.0, "column_length_m": 1.0, "actual_area_m2": 9.5},
            {"item": "unit_toilet", "count": 20, "actual_area_m2": 2.0},
            {"item": "unit_bath", "count": 20, "actual_area_m2": 4.0},
            {"item": "unit_stair", "count": 4, "height_m": 2.8, "actual_area_m2": 3.2},
        ],
    }
    r = ev(d)
    std = [round(b.standard_m2, 9) for b in r.bonus_breakdown]
    assert std == [6.75, 1.0, 2.5, 2.016]  # 0.85 × 7 + 0.80 × 1; 1.0; 2.50; 0.72 × 2.8
    assert [round(b.bonus_m2, 9) for b in r.bonus_breakdown] == [55.0, 20.0, 30.0, 4.736]
    assert r.bonus_claimed_m2 == pytest.approx(109.736) and r.max_floor_area_m2 == pytest.approx(2109.736)
    assert chk(r, "effective_open_space").required == pytest.approx(0.2 + 0.4 * 2 / 3)


def test_case_7_hospital_rooms_per_item():
    d = bf_app(
        zone="1-mid-high-res",
        site_area_m2=1500,
        building_area_m2=600,
        green_area_m2=300,
        effective_open_space_m2=720,
        sidewalk_width_m=2.5,
    )
    d["barrier_free"] = {
        "building": "tokutei",
        "art19_applied": True,
        "items": [
            {"item": "hospital_room", "count": 30, "patients": 4, "actual_area_m2": 28.0},
            {"item": "hospital_room", "count": 10, "patients": 1, "actual_area_m2": 12.0},
            {"item": "hospital_room", "count": 2, "patients": 2, "actual_area_m2": 8.0},  # 8.00 < 8.60: 0, not −1.20
            {"item": "other_toilet", "count": 10, "actual_area_m2": 3.0},
        ],
    }
    r = ev(d)
    assert [round(b.bonus_m2, 9) for b in r.bonus_breakdown] == [324.0, 77.0, 0.0, 20.0]
    assert r.bonus_claimed_m2 == pytest.approx(421.0) and r.max_floor_area_m2 == pytest.approx(3421.0)


@pytest.mark.parametrize(
    "special,route_flag,lift_std,parking_std",
    [(False, False, 1.1, 15.0), (False, True, 1.1, 15.0), (True, False, 1.1, 21.0), (True, True, 1.83, 21.0)],
)
def test_lift_and_parking_standards_for_large_special_buildings(special, route_flag, lift_std, parking_std):
    d = bf_app()
    d["barrier_free"] = {
        "building": "tokutei",
        "art19_applied": True,
        "special_2000": special,
        "items": [
            {"item": "tokutei_lift", "accessible_route": route_flag, "actual_area_m2": 2.0},
            {"item": "tokutei_parking", "actual_area_m2": 25.0},
        ],
    }
    r = ev(d)
    assert [b.standard_m2 for b in r.bonus_breakdown] == [lift_std, parking_std]
    assert r.bonus_claimed_m2 == pytest.approx((2.0 - lift_std) + (25.0 - parking_std))


def test_corridor_row_3_any_layout_and_other_items():
    d = bf_app()
    d["barrier_free"] = {
        "building": "other",
        "beppyo1_conforms": True,
        "items": [
            {"item": "other_corridor", "length_m": 20, "actual_area_m2": 20.0},  # 0.9 × 20 = 18
            {"item": "other_ramp", "height_m": 0.5, "actual_area_m2": 4.0},  # 6.00 × 0.5 = 3
            {"item": "other_stair", "height_m": 3.0, "actual_area_m2": 2.0},  # 0.72 × 3 = 2.16 → 0
            {"item": "unit_lift_shaft", "count": 2, "actual_area_m2": 3.5},  # counted in full
        ],
        "other_increase_m2": 1.25,
    }
    r = ev(d)
    assert [round(b.bonus_m2, 9) for b in r.bonus_breakdown] == [2.0, 1.0, 0.0, 7.0, 1.25]
    assert r.bonus_claimed_m2 == pytest.approx(11.25)
    d2 = bf_app()
    d2["barrier_free"]["items"] = [{"item": "tokutei_corridor", "row": 3, "length_m": 10, "actual_area_m2": 15}]
    assert ev(d2).bonus_breakdown[0].standard_m2 == pytest.approx(12.0)


def test_barrier_free_excluded_area_never_makes_the_bonus_negative():
    d = bf_app()
    d["barrier_free"]["excluded_bf19_m2"] = 50.0  # excess is only 3.0
    r = ev(d)
    assert r.bonus_claimed_m2 == 0.0 and r.max_floor_area_m2 == r.base_floor_area_m2


def test_bf_building_requirement_第4_2_1():
    d = bf_app()
    d["barrier_free"]["art19_applied"] = False
    r = ev(d)
    c = chk(r, "bf_building")
    assert c.passed is False and c.clause == "第4 2.(1)" and "Art. 19" in c.message_en and not r.eligible
    d["barrier_free"] = {"building": "other", "beppyo1_conforms": True}
    assert chk(ev(d), "bf_building").passed is True
    d["barrier_free"] = {"building": "other"}
    assert "別表1" in chk(ev(d), "bf_building").message_ja and not ev(d).eligible


def test_route_ignores_the_other_routes_bonus_with_a_note():
    d = bf_app(facilities=[{"kind": "greywater", "floor_area_m2": 500}])
    r = ev(d)
    assert r.bonus_claimed_m2 == 3.0 and "ignored_facilities" in [n.id for n in r.notes]
    d2 = fac_app(barrier_free={"building": "tokutei", "items": [{"item": "tokutei_toilet", "actual_area_m2": 9}]})
    r2 = ev(d2)
    assert r2.bonus_claimed_m2 == 280 and "ignored_barrier_free" in [n.id for n in r2.notes]


def test_sogo_combination_reading_i_is_the_default():
    r = ev(example("facilities_with_sogo")["application"])
    assert r.limit_floor_area_m2 == 12000 and r.max_floor_area_m2 == 12000
    assert r.bonus_allowed_m2 == 2400 and r.binding == "sogo_6"  # uses 400 m² of unused 総合設計 headroom
    assert "sogo" in [n.id for n in r.notes]


def test_sogo_combination_reading_ii_from_the_rule_file():
    rules = dataclasses.replace(RULES, sogo=dataclasses.replace(RULES.sogo, bonus_individually_capped=True))
    r = ev(example("facilities_with_sogo")["application"], rules)
    assert r.max_floor_area_m2 == 11600 and r.bonus_allowed_m2 == 2000 and r.binding == "cap_5"


@pytest.mark.parametrize("capped", [False, True])
def test_sogo_fully_used_both_readings_agree(capped):
    rules = dataclasses.replace(RULES, sogo=dataclasses.replace(RULES.sogo, bonus_individually_capped=capped))
    d = example("facilities_with_sogo")["application"]
    d["sogo"] = {"max_floor_area_m2": 10000}
    r = ev(d, rules)
    assert r.max_floor_area_m2 == 12000 and r.bonus_allowed_m2 == 2000


def test_sogo_small_bonus_and_not_eligible():
    d = example("facilities_with_sogo")["application"]
    d["facilities"] = [{"kind": "fire_water", "floor_area_m2": 300}]
    r = ev(d)
    assert r.binding == "bonus_claimed" and r.max_floor_area_m2 == 9900
    d["road_width_m"] = 9  # commercial needs 10 m
    r = ev(d)
    assert r.binding == "not_eligible" and r.bonus_allowed_m2 == 0 and r.max_floor_area_m2 == 9600


def test_sogo_barrier_free_route():
    d = bf_app(sogo={"max_floor_area_m2": 5400, "floor_area_m2": 5000})
    r = ev(d)  # base 4,800; limit 5,400 + 0.25 × 4,800 = 6,600; bonus 3.0
    assert r.limit_floor_area_m2 == 6600 and r.max_floor_area_m2 == 5003 and r.binding == "bonus_claimed"


# ------------------------------------------------------------------------------------------------
# output, immutability
# ------------------------------------------------------------------------------------------------


def test_to_dict_is_json_ready_with_the_output_keys():
    d = ev(example("barrier_free_store")["application"]).to_dict()
    assert set(d) == set(OUTPUT_KEYS) | {"bonus_breakdown", "notes"}
    text = json.dumps(d, ensure_ascii=False, allow_nan=False)
    back = json.loads(text)
    assert back["max_floor_area_m2"] == 2444.88 and back["bonus_claimed_m2"] == 44.88
    assert set(back["checks"][0]) == {
        "id",
        "clause",
        "label_ja",
        "label_en",
        "applies",
        "passed",
        "strict",
        "required",
        "actual",
        "margin",
        "unit",
        "message_ja",
        "message_en",
    }
    assert back["notes"][0]["clause"] == "第2"


def test_inputs_are_never_mutated_and_results_are_frozen():
    for ex in examples():
        raw = ex["application"]
        before = copy.deepcopy(raw)
        app = parse_application(raw)
        r = evaluate(app)
        evaluate(raw)  # a dict is accepted too
        assert raw == before
        with pytest.raises(dataclasses.FrozenInstanceError):
            app.site_area_m2 = 1  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            r.eligible = False  # type: ignore[misc]
        with pytest.raises(AttributeError):
            r.checks[0].passed = False  # type: ignore[misc]
        assert parse_application(app.to_dict()) == app


# ------------------------------------------------------------------------------------------------
# validation
# ------------------------------------------------------------------------------------------------


def _set(path, value):
    def f(d):
        obj = d
        keys = path.split(".")
        for k in keys[:-1]:
            obj = obj[int(k)] if isinstance(obj, list) else obj[k]
        last = keys[-1]
        if value is _DELETE:
            del obj[last]
        elif isinstance(obj, list):
            obj[int(last)] = value
        else:
            obj[last] = value
        return d

    return f


_DELETE = object()

INVALID = [
    ("missing key", _set("zone", _DELETE), "zone"),
    ("missing parts", _set("parts", _DELETE), "parts"),
    ("unknown key", _set("colour", "red"), "colour"),
    ("unknown nested key", _set("parts.0.width_m", 3), "parts[0].width_m"),
    ("unknown zone", _set("zone", "downtown"), "zone"),
    ("unknown route", _set("route", "fast_track"), "route"),
    ("unknown kind", _set("facilities.1.kind", "swimming_pool"), "facilities[1].kind"),
    ("string number", _set("site_area_m2", "2400"), "site_area_m2"),
    ("bool number", _set("road_width_m", True), "road_width_m"),
    ("null number", _set("frontage_m", None), "frontage_m"),
    ("number bool", _set("road_through", 1), "road_through"),
    ("zero site area", _set("site_area_m2", 0), "site_area_m2"),
    ("negative site area", _set("site_area_m2", -5), "site_area_m2"),
    ("zero building area", _set("building_area_m2", 0), "building_area_m2"),
    ("building larger than site", _set("building_area_m2", 2400.5), "building_area_m2"),
    ("negative height", _set("parts.0.height_m", -1), "parts[0].height_m"),
    ("negative setback", _set("parts.0.setback_m", -0.1), "parts[0].setback_m"),
    ("negative floor area", _set("facilities.0.floor_area_m2", -10), "facilities[0].floor_area_m2"),
    ("nan", _set("green_area_m2", float("nan")), "green_area_m2"),
    ("inf", _set("effective_open_space_m2", float("inf")), "effective_open_space_m2"),
    ("huge site", _set("site_area_m2", 10_000_001), "site_area_m2"),
    ("huge height", _set("parts.0.height_m", 1000.5), "parts[0].height_m"),
    ("huge far", _set("base_far_pct", 2001), "base_far_pct"),
    ("coverage over 100", _set("base_coverage_pct", 100.01), "base_coverage_pct"),
    ("zero coverage", _set("base_coverage_pct", 0), "base_coverage_pct"),
    ("zero far", _set("base_far_pct", 0), "base_far_pct"),
    ("empty parts", _set("parts", []), "parts"),
    ("parts not a list", _set("parts", {"height_m": 3, "setback_m": 1}), "parts"),
    ("part not an object", _set("parts.0", 3), "parts[0]"),
    ("frontage over perimeter", _set("frontage_m", 201), "frontage_m"),
    ("zero perimeter", _set("site_perimeter_m", 0), "site_perimeter_m"),
    ("negative sidewalk", _set("sidewalk_width_m", -2.5), "sidewalk_width_m"),
    ("big int", _set("site_area_m2", 10**400), "site_area_m2"),
    ("sogo not object", _set("sogo", 5), "sogo"),
    ("sogo below base", _set("sogo", {"max_floor_area_m2": 1000}), "sogo.max_floor_area_m2"),
    ("sogo floor above max", _set("sogo", {"max_floor_area_m2": 6000, "floor_area_m2": 6001}), "sogo.floor_area_m2"),
    ("sogo unknown key", _set("sogo", {"max_floor_area_m2": 6000, "bonus": 1}), "sogo.bonus"),
]


@pytest.mark.parametrize("name,mutate,field", INVALID, ids=[x[0] for x in INVALID])
def test_invalid_input_raises_validation_error_naming_the_field(name, mutate, field):
    d = mutate(fac_app())
    with pytest.raises(ValidationError) as ei:
        parse_application(d)
    e = ei.value
    assert e.field == field
    assert e.message_en and e.message_ja and str(e).startswith(f"{field}: ")


def test_validation_messages_name_the_allowed_range_in_both_languages():
    with pytest.raises(ValidationError) as ei:
        parse_application(fac_app(site_area_m2=0))
    assert "more than 0 and at most 10,000,000 ㎡" in ei.value.message_en
    assert "0 より大きく 10,000,000 以下（㎡）" in ei.value.message_ja
    with pytest.raises(ValidationError) as ei:
        parse_application(fac_app(zone="downtown"))
    assert "commercial" in ei.value.message_en and "commercial" in ei.value.message_ja
    with pytest.raises(ValidationError) as ei:
        parse_application(fac_app(base_coverage_pct="60"))
    assert 'entered: "60"' in ei.value.message_en and '入力値 "60"' in ei.value.message_ja
    assert "at most 100 %" in ei.value.message_en


BF_INVALID = [
    ("barrier_free required", None, "barrier_free"),
    ("unknown building", {"building": "castle"}, "barrier_free.building"),
    (
        "unknown item",
        {"building": "tokutei", "items": [{"item": "sauna", "actual_area_m2": 3}]},
        "barrier_free.items[0].item",
    ),
    (
        "tokutei item in other building",
        {"building": "other", "items": [{"item": "tokutei_toilet", "actual_area_m2": 3}]},
        "barrier_free.items[0].item",
    ),
    (
        "landing row 4 has no value",
        {"building": "tokutei", "items": [{"item": "tokutei_stair_landing", "row": 4, "actual_area_m2": 3}]},
        "barrier_free.items[0].row",
    ),
    (
        "corridor needs layout",
        {"building": "tokutei", "items": [{"item": "tokutei_corridor", "row": 2, "length_m": 5, "actual_area_m2": 9}]},
        "barrier_free.items[0].layout",
    ),
    (
        "bad layout",
        {
            "building": "tokutei",
            "items": [{"item": "tokutei_corridor", "row": 2, "length_m": 5, "layout": "middle", "actual_area_m2": 9}],
        },
        "barrier_free.items[0].layout",
    ),
    (
        "missing length",
        {"building": "other", "items": [{"item": "other_corridor", "actual_area_m2": 9}]},
        "barrier_free.items[0].length_m",
    ),
    (
        "key of another item",
        {"building": "other", "items": [{"item": "other_toilet", "length_m": 2, "actual_area_m2": 9}]},
        "barrier_free.items[0].length_m",
    ),
    (
        "zero count",
        {"building": "other", "items": [{"item": "other_toilet", "count": 0, "actual_area_m2": 9}]},
        "barrier_free.items[0].count",
    ),
    (
        "fractional patients",
        {"building": "other", "items": [{"item": "hospital_room", "patients": 1.5, "actual_area_m2": 9}]},
        "barrier_free.items[0].patients",
    ),
    (
        "columns longer than corridor",
        {
            "building": "tokutei",
            "items": [{"item": "unit_corridor", "length_m": 5, "column_length_m": 6, "actual_area_m2": 9}],
        },
        "barrier_free.items[0].column_length_m",
    ),
    ("negative excluded", {"building": "tokutei", "excluded_bf19_m2": -1}, "barrier_free.excluded_bf19_m2"),
    ("string flag", {"building": "tokutei", "art19_applied": "yes"}, "barrier_free.art19_applied"),
]


@pytest.mark.parametrize("name,bf,field", BF_INVALID, ids=[x[0] for x in BF_INVALID])
def test_invalid_barrier_free_input(name, bf, field):
    d = bf_app()
    if bf is None:
        del d["barrier_free"]
    else:
        d["barrier_free"] = bf
    with pytest.raises(ValidationError) as ei:
        parse_application(d)
    assert ei.value.field == field


def test_optional_keys_may_be_omitted():
    d = bf_app()
    d["barrier_free"] = {"building": "tokutei"}
    r = ev(d)
    assert r.bonus_claimed_m2 == 0 and r.eligible is False  # art19_applied defaults to false
    app = parse_application(fac_app())
    assert app.barrier_free is None and app.sogo is None
    assert parse_application(fac_app(site_area_m2=2400.0)).site_area_m2 == 2400.0


# ------------------------------------------------------------------------------------------------
# property tests
# ------------------------------------------------------------------------------------------------

ZONES = list(RULES.zones)
KINDS = list(RULES.facilities.kinds)


@st.composite
def applications(draw, route=None, with_sogo=False):
    A = draw(st.floats(min_value=100.0, max_value=50_000.0))
    B = draw(st.floats(min_value=0.01, max_value=1.0)) * A
    P = draw(st.floats(min_value=40.0, max_value=5_000.0))
    route = route or draw(st.sampled_from(["facilities", "barrier_free"]))
    d = {
        "route": route,
        "zone": draw(st.sampled_from(ZONES)),
        "site_area_m2": A,
        "base_far_pct": draw(st.sampled_from([50, 80, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1300])),
        "base_coverage_pct": draw(st.sampled_from([30, 40, 50, 60, 70, 80, 90, 100])),
        "building_area_m2": B,
        "road_width_m": draw(st.floats(min_value=0, max_value=40)),
        "frontage_m": draw(st.floats(min_value=0, max_value=1)) * P,
        "site_perimeter_m": P,
        "road_through": draw(st.booleans()),
        "green_area_m2": draw(st.floats(min_value=0, max_value=1)) * (A - B),
        "effective_open_space_m2": draw(st.floats(min_value=0, max_value=1.2)) * A,
        "sidewalk_width_m": draw(st.floats(min_value=0, max_value=6)),
        "parts": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "height_m": st.floats(min_value=0, max_value=300),
                        "setback_m": st.floats(min_value=0, max_value=50),
                    }
                ),
                min_size=1,
                max_size=4,
            )
        ),
        "facilities": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"kind": st.sampled_from(KINDS), "floor_area_m2": st.floats(min_value=0, max_value=20_000)}
                ),
                max_size=5,
            )
        ),
    }
    if route == "barrier_free":
        d["barrier_free"] = {
            "building": "tokutei",
            "art19_applied": True,
            "special_2000": draw(st.booleans()),
            "items": draw(
                st.lists(
                    st.one_of(
                        st.fixed_dictionaries(
                            {
                                "item": st.just("tokutei_toilet"),
                                "count": st.integers(1, 50),
                                "actual_area_m2": st.floats(min_value=0, max_value=10),
                            }
                        ),
                        st.fixed_dictionaries(
                            {
                                "item": st.just("tokutei_stair"),
                                "row": st.integers(1, 4),
                                "height_m": st.floats(min_value=0, max_value=10),
                                "actual_area_m2": st.floats(min_value=0, max_value=60),
                            }
                        ),
                        st.fixed_dictionaries(
                            {
                                "item": st.just("unit_corridor"),
                                "length_m": st.floats(0, 30),
                                "actual_area_m2": st.floats(min_value=0, max_value=60),
                            }
                        ),
                        st.fixed_dictionaries(
                            {
                                "item": st.just("hospital_room"),
                                "patients": st.integers(1, 6),
                                "actual_area_m2": st.floats(min_value=0, max_value=60),
                            }
                        ),
                    ),
                    max_size=6,
                )
            ),
            "excluded_bf19_m2": draw(st.floats(min_value=0, max_value=50)),
        }
    if with_sogo:
        base = d["base_far_pct"] / 100 * A
        mx = base * draw(st.floats(min_value=1.0, max_value=1.6))
        d["sogo"] = {"max_floor_area_m2": mx, "floor_area_m2": base + draw(st.floats(0, 1)) * (mx - base)}
    return d


PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(applications())
def test_property_allowed_bonus_between_zero_and_cap(d):
    r = ev(d)
    base = d["base_far_pct"] / 100 * d["site_area_m2"]
    tol = 1e-9 * max(1.0, base)
    assert r.bonus_allowed_m2 >= 0
    assert r.bonus_allowed_m2 <= 0.25 * base + tol
    assert r.bonus_allowed_m2 <= r.bonus_claimed_m2 + tol
    assert r.max_floor_area_m2 <= 1.25 * base + tol
    assert r.max_floor_area_m2 >= base - tol
    assert r.max_far_pct == pytest.approx(r.max_floor_area_m2 / d["site_area_m2"] * 100)
    if not r.eligible:
        assert r.bonus_allowed_m2 == 0 and r.binding == "not_eligible"
    assert r.eligible == all(c.passed for c in r.checks if c.applies)
    for c in r.checks:
        assert (c.passed is None) == (not c.applies)
    json.dumps(r.to_dict(), allow_nan=False)


@PROPS
@given(applications(with_sogo=True))
def test_property_sogo_limit(d):
    r = ev(d)
    s = d["sogo"]
    base = d["base_far_pct"] / 100 * d["site_area_m2"]
    limit = s["max_floor_area_m2"] + 0.25 * base
    tol = 1e-9 * max(1.0, limit)
    assert 0 <= r.bonus_allowed_m2 <= limit - s["floor_area_m2"] + tol
    assert s["floor_area_m2"] - tol <= r.max_floor_area_m2 <= limit + tol


@PROPS
@given(applications(route="facilities"), st.floats(min_value=0, max_value=5000), st.sampled_from(KINDS))
def test_property_more_facility_floor_area_never_lowers_the_maximum(d, extra, kind):
    r1 = ev(d)
    d2 = copy.deepcopy(d)
    d2["facilities"].append({"kind": kind, "floor_area_m2": extra})
    r2 = ev(d2)
    assert r2.max_floor_area_m2 >= r1.max_floor_area_m2
    assert r2.bonus_claimed_m2 >= r1.bonus_claimed_m2
    if d["facilities"]:
        d3 = copy.deepcopy(d)
        d3["facilities"][0]["floor_area_m2"] += extra
        assert ev(d3).max_floor_area_m2 >= r1.max_floor_area_m2


@PROPS
@given(applications(route="barrier_free"), st.floats(min_value=0, max_value=100))
def test_property_more_barrier_free_area_never_lowers_the_maximum(d, extra):
    r1 = ev(d)
    assume(d["barrier_free"]["items"])
    d2 = copy.deepcopy(d)
    d2["barrier_free"]["items"][0]["actual_area_m2"] += extra
    assert ev(d2).max_floor_area_m2 >= r1.max_floor_area_m2
    assert r1.bonus_claimed_m2 >= 0


@PROPS
@given(applications())
def test_property_round_trip_and_no_mutation(d):
    before = copy.deepcopy(d)
    app = parse_application(d)
    assert d == before
    assert parse_application(app.to_dict()) == app


NUMERIC_TOP = [
    "site_area_m2",
    "base_far_pct",
    "base_coverage_pct",
    "building_area_m2",
    "road_width_m",
    "frontage_m",
    "site_perimeter_m",
    "green_area_m2",
    "effective_open_space_m2",
    "sidewalk_width_m",
]
POSITIVE_TOP = ["site_area_m2", "base_far_pct", "base_coverage_pct", "building_area_m2", "site_perimeter_m"]
wrong_types = st.one_of(
    st.text(max_size=5),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def corruptions(draw):
    """(corrupted application, field the error must name)."""
    d = draw(applications())
    kind = draw(
        st.sampled_from(
            [
                "type",
                "negative",
                "zero",
                "unknown",
                "unknown_nested",
                "missing",
                "nonfinite",
                "zone",
                "kind",
                "part_type",
            ]
        )
    )
    if kind == "type":
        k = draw(st.sampled_from(NUMERIC_TOP + ["road_through", "route", "zone", "parts", "facilities"]))
        v = draw(wrong_types)
        if k == "road_through":
            assume(not isinstance(v, bool))
        if k in ("parts", "facilities"):
            assume(not isinstance(v, list))
        if k in ("route", "zone"):
            assume(not isinstance(v, str))
        d[k] = v
        return d, k
    if kind == "negative":
        k = draw(st.sampled_from(NUMERIC_TOP))
        d[k] = -draw(st.floats(min_value=1e-6, max_value=1e9))
        return d, k
    if kind == "zero":
        k = draw(st.sampled_from(POSITIVE_TOP))
        d[k] = draw(st.sampled_from([0, 0.0]))
        return d, k
    if kind == "unknown":
        k = draw(st.text(min_size=1, max_size=12))
        assume(k not in d and k not in ("barrier_free", "sogo"))
        d[k] = draw(st.integers())
        return d, k
    if kind == "unknown_nested":
        i = draw(st.integers(0, len(d["parts"]) - 1))
        k = draw(st.text(min_size=1, max_size=12))
        assume(k not in ("height_m", "setback_m"))
        d["parts"][i][k] = 1.0
        return d, f"parts[{i}].{k}"
    if kind == "missing":
        k = draw(st.sampled_from(list(d)))
        assume(k not in ("barrier_free",))
        del d[k]
        return d, k
    if kind == "nonfinite":
        k = draw(st.sampled_from(NUMERIC_TOP))
        d[k] = draw(st.sampled_from([math.nan, math.inf, -math.inf]))
        return d, k
    if kind == "zone":
        z = draw(st.text(max_size=20))
        assume(z not in ZONES)
        d["zone"] = z
        return d, "zone"
    if kind == "kind":
        assume(d["facilities"])
        i = draw(st.integers(0, len(d["facilities"]) - 1))
        k = draw(st.text(max_size=20))
        assume(k not in KINDS)
        d["facilities"][i]["kind"] = k
        return d, f"facilities[{i}].kind"
    i = draw(st.integers(0, len(d["parts"]) - 1))
    k = draw(st.sampled_from(["height_m", "setback_m"]))
    d["parts"][i][k] = draw(wrong_types)
    return d, f"parts[{i}].{k}"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(corruptions())
def test_property_invalid_input_always_raises_validation_error_naming_the_field(case):
    d, field = case
    with pytest.raises(ValidationError) as ei:
        parse_application(d)
    e = ei.value
    assert e.field == field
    assert e.message_en and e.message_ja and str(e).startswith(f"{e.field}: ")
