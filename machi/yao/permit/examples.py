"""Worked example applications (from the hand-worked cases of the Yao rule extraction).

All site figures are invented test values; only the rules come from the criteria. `expected`
holds the hand-computed results (see the case notes), which the tests compare with the engine.

    from machi.yao.permit.examples import examples
    for ex in examples():
        ex["id"], ex["title_en"], ex["application"]  # application: a JSON-like input dict
"""

from __future__ import annotations

import copy
from typing import Any

_EXAMPLES: tuple[dict[str, Any], ...] = (
    {
        "id": "facilities_pass",
        "title_ja": "中水道施設等の設置に関する許可: 全要件を満たし、割増しは限度未満（第一種住居地域）",
        "title_en": "Facilities permit: every requirement met, bonus below the cap (Category 1 residential)",
        "description_en": (
            "Case 1. 60 m × 40 m site; greywater 180 m² of which a 20 m² staffed office is excluded (160 m²), "
            "water tank room 120 m², generator room 60 m²; disaster stockpile shelving without walls counts 0."
        ),
        "description_ja": (
            "ケース1。60m×40mの敷地。中水道施設180㎡のうち常駐する管理用事務室20㎡を除く160㎡、大型受水槽室120㎡、"
            "発電室60㎡。壁で区画されていない防災用備蓄の棚は0㎡。"
        ),
        "application": {
            "route": "facilities",
            "zone": "1-res",
            "site_area_m2": 2400,
            "base_far_pct": 200,
            "base_coverage_pct": 60,
            "building_area_m2": 900,
            "road_width_m": 9,
            "frontage_m": 60,
            "site_perimeter_m": 200,
            "road_through": True,
            "green_area_m2": 480,
            "effective_open_space_m2": 1150,
            "sidewalk_width_m": 2.5,
            "parts": [{"height_m": 31, "setback_m": 6.0}],
            "facilities": [
                {"kind": "greywater", "floor_area_m2": 160},
                {"kind": "water_tank_room", "floor_area_m2": 120},
                {"kind": "generator_room", "floor_area_m2": 60},
                {"kind": "disaster_stockpile", "floor_area_m2": 0},
            ],
        },
        "expected": {
            "eligible": True,
            "base_floor_area_m2": 4800,
            "bonus_claimed_m2": 340,
            "bonus_allowed_m2": 340,
            "max_floor_area_m2": 5140,
            "max_far_pct": 5140 / 2400 * 100,
            "binding": "bonus_claimed",
        },
    },
    {
        "id": "facilities_at_limits",
        "title_ja": "中水道施設等の設置に関する許可: 各基準ちょうど、第5の限度が効く（商業地域）",
        "title_en": "Facilities permit: exactly at every limit, the 第5 cap binds (commercial zone)",
        "description_en": (
            "Case 2. Site area, road width, frontage (128/8 = 16 m), open-space ratio (1.2 − 0.8 = 0.4), greening "
            "(30 % of 400 m²), setback (√36 / 2 = 3 m) and sidewalk are all exactly at their limits; 1,300 m² of "
            "district heating/cooling exceeds the 1,000 m² left under the 1.25 × V0 × A cap."
        ),
        "description_ja": (
            "ケース2。敷地面積、道路幅員、接道長さ（128/8 = 16m）、空地率（1.2 − 0.8 = 0.4）、"
            "緑化（400㎡の30%）、"
            "後退距離（√36 / 2 = 3m）、歩道がすべて基準ちょうど。"
            "地域冷暖房施設1,300㎡は第5の限度までの1,000㎡を超える。"
        ),
        "application": {
            "route": "facilities",
            "zone": "commercial",
            "site_area_m2": 1000,
            "base_far_pct": 400,
            "base_coverage_pct": 80,
            "building_area_m2": 600,
            "road_width_m": 10.0,
            "frontage_m": 16.0,
            "site_perimeter_m": 128,
            "road_through": True,
            "green_area_m2": 120,
            "effective_open_space_m2": 340,
            "sidewalk_width_m": 2.5,
            "parts": [{"height_m": 36, "setback_m": 3.0}],
            "facilities": [{"kind": "district_heating_cooling", "floor_area_m2": 1300}],
        },
        "expected": {
            "eligible": True,
            "base_floor_area_m2": 4000,
            "bonus_claimed_m2": 1300,
            "bonus_allowed_m2": 1000,
            "max_floor_area_m2": 5000,
            "max_far_pct": 500,
            "binding": "cap_5",
        },
    },
    {
        "id": "facilities_site_fails",
        "title_ja": "中水道施設等の設置に関する許可: 敷地条件（道路幅員・接道長さ）を満たさない（工業地域）",
        "title_en": "Facilities permit: site conditions fail (road width and frontage, industrial zone)",
        "description_en": (
            "Case 3b. 工業地域 needs a 10 m road although its site-area row is 2,000 m²: 9 m fails; the frontage "
            "25 m is below 220/8 = 27.5 m (a rule 'as a rule', exceptions possible). No bonus."
        ),
        "description_ja": (
            "ケース3b。工業地域は敷地面積2,000㎡の区分だが道路は10m以上が必要で、9mでは不適合。接道長さ25mも"
            "220/8 = 27.5mに足りない（「原則として」）。割増しなし。"
        ),
        "application": {
            "route": "facilities",
            "zone": "industrial",
            "site_area_m2": 2500,
            "base_far_pct": 200,
            "base_coverage_pct": 60,
            "building_area_m2": 1000,
            "road_width_m": 9,
            "frontage_m": 25,
            "site_perimeter_m": 220,
            "road_through": True,
            "green_area_m2": 450,
            "effective_open_space_m2": 1200,
            "sidewalk_width_m": 2.5,
            "parts": [{"height_m": 20, "setback_m": 5}],
            "facilities": [{"kind": "cogeneration", "floor_area_m2": 200}],
        },
        "expected": {
            "eligible": False,
            "base_floor_area_m2": 5000,
            "bonus_claimed_m2": 200,
            "bonus_allowed_m2": 0,
            "max_floor_area_m2": 5000,
            "max_far_pct": 200,
            "binding": "not_eligible",
            "failed": ["road_width", "frontage"],
        },
    },
    {
        "id": "barrier_free_store",
        "title_ja": "バリアフリー法に基づく許可: 2,000㎡以上の物品販売店舗（特定建築物・特別特定建築物）",
        "title_en": "Barrier-free permit: retail store of 2,000 m² or more (specified / special specified building)",
        "description_en": (
            "Case 4. Excess over the 別表2 standards: corridors 18.00 − 6.00 (already excluded under BF Act Art. 19) "
            "and 10.00, stair 3.88 + landing 0.88, ramp 4.08 + landing 0.57, lift 0.97 (1.83 m² standard), three "
            "wheelchair toilet booths 9.00, two wheelchair parking spaces 3.50 (21.0 m² standard): 44.88 m². "
            "Setback and open-space ratio do not apply to this route."
        ),
        "description_ja": (
            "ケース4。別表2の数値を超える床面積: 廊下 18.00 − 6.00（バリアフリー法第19条で不算入）と 10.00、"
            "階段 3.88 + "
            "踊場 0.88、傾斜路 4.08 + 踊場 0.57、昇降機 0.97（基準1.83㎡）、車いす使用者用便房3つで 9.00、"
            "車いす使用者用駐車施設2台で 3.50（基準21.0㎡）、計44.88㎡。後退距離と空地率はこの許可には適用されない。"
        ),
        "application": {
            "route": "barrier_free",
            "zone": "commercial",
            "site_area_m2": 800,
            "base_far_pct": 300,
            "base_coverage_pct": 80,
            "building_area_m2": 500,
            "road_width_m": 6,
            "frontage_m": 20,
            "site_perimeter_m": 120,
            "road_through": False,
            "green_area_m2": 95,
            "effective_open_space_m2": 280,
            "sidewalk_width_m": 3.0,
            "parts": [{"height_m": 20, "setback_m": 0.5}],
            "facilities": [],
            "barrier_free": {
                "building": "tokutei",
                "art19_applied": True,
                "special_2000": True,
                "items": [
                    {"item": "tokutei_corridor", "row": 2, "layout": "other", "length_m": 30, "actual_area_m2": 54.0},
                    {
                        "item": "tokutei_corridor",
                        "row": 2,
                        "layout": "both_sides",
                        "length_m": 25,
                        "actual_area_m2": 50.0,
                    },
                    {"item": "tokutei_stair", "row": 2, "height_m": 4.0, "actual_area_m2": 12.0},
                    {"item": "tokutei_stair_landing", "row": 2, "actual_area_m2": 2.56},
                    {"item": "tokutei_ramp", "row": 1, "height_m": 0.6, "actual_area_m2": 10.8},
                    {"item": "tokutei_ramp_landing", "row": 1, "actual_area_m2": 2.25},
                    {"item": "tokutei_lift", "accessible_route": True, "actual_area_m2": 2.8},
                    {"item": "tokutei_toilet", "count": 3, "actual_area_m2": 4.0},
                    {"item": "tokutei_parking", "count": 2, "actual_area_m2": 22.75},
                ],
                "excluded_bf19_m2": 6.0,
            },
        },
        "expected": {
            "eligible": True,
            "base_floor_area_m2": 2400,
            "bonus_claimed_m2": 44.88,
            "bonus_allowed_m2": 44.88,
            "max_floor_area_m2": 2444.88,
            "max_far_pct": 2444.88 / 800 * 100,
            "binding": "bonus_claimed",
        },
    },
    {
        "id": "facilities_with_sogo",
        "title_ja": "総合設計制度と併用（第6）: 総合設計の限度 + 0.25 × V0 × A が効く（商業地域）",
        "title_en": "Combined with 総合設計 (第6): the 総合設計 limit + 0.25 × V0 × A binds (commercial zone)",
        "description_en": (
            "Case 6. 総合設計 allows 9,600 m² (its limit 10,000 m²); this system's facilities give 2,500 m². "
            "第6 2.: limit = 10,000 + 0.25 × 4.0 × 2,000 = 12,000 m², so 2,400 m² of the bonus is allowed "
            "(literal reading: only the sum is capped)."
        ),
        "description_ja": (
            "ケース6。総合設計による延べ面積9,600㎡（限度10,000㎡）。本制度の施設は2,500㎡。第6 2.により限度は "
            "10,000 + 0.25 × 4.0 × 2,000 = 12,000㎡で、割増しは2,400㎡まで（合計のみを限度とする文言どおりの解釈）。"
        ),
        "application": {
            "route": "facilities",
            "zone": "commercial",
            "site_area_m2": 2000,
            "base_far_pct": 400,
            "base_coverage_pct": 80,
            "building_area_m2": 1000,
            "road_width_m": 15,
            "frontage_m": 50,
            "site_perimeter_m": 180,
            "road_through": True,
            "green_area_m2": 320,
            "effective_open_space_m2": 700,
            "sidewalk_width_m": 3.5,
            "parts": [{"height_m": 60, "setback_m": 8}],
            "facilities": [
                {"kind": "cogeneration", "floor_area_m2": 1500},
                {"kind": "district_heating_cooling", "floor_area_m2": 1000},
            ],
            "sogo": {"floor_area_m2": 9600, "max_floor_area_m2": 10000},
        },
        "expected": {
            "eligible": True,
            "base_floor_area_m2": 8000,
            "bonus_claimed_m2": 2500,
            "bonus_allowed_m2": 2400,
            "max_floor_area_m2": 12000,
            "max_far_pct": 600,
            "binding": "sogo_6",
        },
    },
)


def examples() -> list[dict[str, Any]]:
    """The worked examples (deep copies: callers may modify them)."""
    return copy.deepcopy(list(_EXAMPLES))


def example(example_id: str) -> dict[str, Any]:
    """One example by id (a deep copy)."""
    for ex in _EXAMPLES:
        if ex["id"] == example_id:
            return copy.deepcopy(ex)
    raise KeyError(example_id)
