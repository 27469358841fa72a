"""The FARs and coverage ratios the Building Standards Act lists by use zone (data/yao/bsa_zone_limits.toml),
against the articles as written, and the warning they give (never a refusal)."""

import pytest

from machi.yao import logic as yao
from machi.yao.permit import load_rules

RULES = load_rules()

# 建築基準法第52条第1項 (10分の5 = 50 %)
ART_52_1 = {
    # 第1号 第一種低層住居専用地域、第二種低層住居専用地域又は田園住居地域
    ("1-low-rise-res", "2-low-rise-res", "rural-res"): [50, 60, 80, 100, 150, 200],
    # 第2号 第一種・第二種中高層住居専用地域、第一種・第二種住居地域、準住居地域、近隣商業地域、準工業地域
    (
        "1-mid-high-res",
        "2-mid-high-res",
        "1-res",
        "2-res",
        "quasi-res",
        "neighborhood-commercial",
        "quasi-industrial",
    ): [
        100,
        150,
        200,
        300,
        400,
        500,
    ],
    # 第3号 商業地域: 10分の20 … 10分の130
    ("commercial",): [200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300],
    # 第4号 工業地域又は工業専用地域
    ("industrial", "exclusive-industrial"): [100, 150, 200, 300, 400],
}
# 建築基準法第53条第1項
ART_53_1 = {
    # 第1号 第一種・第二種低層住居専用地域、第一種・第二種中高層住居専用地域、田園住居地域、工業専用地域
    (
        "1-low-rise-res",
        "2-low-rise-res",
        "1-mid-high-res",
        "2-mid-high-res",
        "rural-res",
        "exclusive-industrial",
    ): [30, 40, 50, 60],
    ("1-res", "2-res", "quasi-res", "quasi-industrial"): [50, 60, 80],  # 第2号
    ("neighborhood-commercial",): [60, 80],  # 第3号
    ("commercial",): [80],  # 第4号
    ("industrial",): [50, 60],  # 第5号
}


def test_every_zone_of_the_rules_has_the_acts_lists():
    limits = yao.zone_limits()
    far = {z: v for zones, v in ART_52_1.items() for z in zones}
    cov = {z: v for zones, v in ART_53_1.items() for z in zones}
    assert set(far) == set(cov) == set(RULES.zones)
    for zone in RULES.zones:
        assert limits["far"][zone] == far[zone], zone
        assert limits["coverage"][zone] == cov[zone], zone


@pytest.mark.parametrize(
    "zone,far_range,coverage_range",
    [
        ("1-res", (100, 500), (50, 100)),  # 80 % listed: no limit under Art. 53(6)(i)
        ("1-low-rise-res", (50, 200), (30, 80)),  # 60 % + 10 + 10 (Art. 53(3))
        ("commercial", (200, 1300), (80, 100)),
        ("industrial", (100, 400), (50, 80)),
    ],
)
def test_plausible_ranges(zone, far_range, coverage_range):
    ranges = yao.plausible_ranges(zone)
    assert ranges["far"][1:] == far_range and ranges["coverage"][1:] == coverage_range


def test_a_value_outside_warns_naming_the_zone_and_the_listed_values():
    base = {"zone": "1-res", "base_far_pct": 1500, "base_coverage_pct": 60}
    (far,) = yao.plausibility(base, RULES, "ja")
    assert "1,500%" in far and "第一種住居地域" in far and "100・150・200・300・400・500%" in far
    assert "計算は入力どおり" in far
    (far_en,) = yao.plausibility(base, RULES, "en")
    assert "Category 1 residential zone" in far_en and "Art. 52(1)" in far_en
    assert yao.plausibility({**base, "base_far_pct": 400}, RULES, "ja") == []
    (cov,) = yao.plausibility({**base, "base_far_pct": 400, "zone": "commercial", "base_coverage_pct": 60}, RULES, "ja")
    assert "商業地域" in cov and "80%" in cov
    assert yao.plausibility({**base, "base_far_pct": None}, RULES, "ja") == []  # empty: the form asks for it
