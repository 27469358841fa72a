"""AppTest: the Yao permit calculator — results, examples, rejected input, the scenario in the URL."""

import pytest

from machi import yao
from machi.i18n import t
from machi.permit.examples import example
from tests.apptest_support import open_page, texts


def tables(at):
    """The result tables shown (not the input editors, which are keyed y.<field>)."""
    return [d for d in at.dataframe if not (d.key or "").startswith("y.")]


def metrics(at):
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_default_example_renders_checks_breakdown_and_sensitivity(lang):
    at = open_page("yao", lang)
    m = metrics(at)
    assert m[t("yao.max_floor_area", lang)] == "5,140.00 ㎡"  # 2,400 × 200% + 340 (case 1)
    assert m[t("yao.bonus_allowed", lang)] == "340.00 ㎡"
    assert t("yao.binding.bonus_claimed", lang) in texts(at)
    # the answer is above the tabs; each tab draws its section alone
    assert at.query_params["tab"] == "reasons" and not at.get("plotly_chart") and not tables(at)
    at = open_page("yao", lang, tab="sensitivity")
    assert len(at.get("plotly_chart")) == 1 and t("yao.sensitivity", lang) in texts(at)
    at = open_page("yao", lang, tab="breakdown")
    assert t("yao.breakdown", lang) in texts(at) and len(tables(at)) == 1 and not at.get("plotly_chart")
    assert m == metrics(at)
    at = open_page("yao", lang, tab="checks")
    assert t("yao.checks_note", lang) in texts(at) and len(tables(at)) == 1 and not at.get("plotly_chart")
    checks = next(d.value for d in at.dataframe if t("yao.col.status", lang) in d.value.columns)
    assert len(checks) >= 10
    status = dict(zip(checks[t("yao.col.rule", lang)], checks[t("yao.col.status", lang)]))
    assert all(v.startswith(("✓", "—")) for v in status.values())
    assert sum(v.startswith("✓") for v in status.values()) == 10  # every rule of the facilities route passes


def test_scenario_link_reproduces_the_result():
    app = example("facilities_at_limits")["application"]
    at = open_page("yao", "en", s=yao.encode_scenario(app))
    from machi.permit import evaluate, parse_application

    r = evaluate(parse_application(app))
    assert metrics(at)["Maximum floor area"] == f"{r.max_floor_area_m2:,.2f} ㎡"
    assert yao.decode_scenario(at.query_params["s"]) == app


def test_a_broken_link_says_so_and_shows_an_example():
    at = open_page("yao", "ja", s="not-a-scenario")
    assert at.error[0].value == t("yao.bad_link", "ja")
    assert metrics(at)["最大延べ面積"] == "5,140.00 ㎡"


@pytest.mark.parametrize(
    "change,field",
    [({"site_area_m2": -10}, "site_area_m2"), ({"site_area_m2": 0}, "site_area_m2"),
     ({"base_far_pct": 1e9}, "base_far_pct"), ({"building_area_m2": 1e7}, "building_area_m2")],
)
def test_impossible_input_is_rejected_naming_the_field(change, field):
    app = {**example("facilities_pass")["application"], **change}
    at = open_page("yao", "en", s=yao.encode_scenario(app))
    assert at.error and field in at.error[0].value
    assert not at.metric


def test_missing_input_names_the_field():
    app = dict(example("facilities_pass")["application"])
    del app["road_width_m"]
    at = open_page("yao", "ja", s=yao.encode_scenario(app))
    assert "road_width_m" in at.error[0].value


def test_editing_an_input_updates_the_result_and_the_link():
    at = open_page("yao", "ja")
    key = next(n.key for n in at.number_input if n.key.startswith("y.site_area_m2"))
    at.number_input(key=key).set_value(1500.0).run()  # below the 2,000 ㎡ minimum of 第一種住居地域
    assert "✗" in metrics(at) or t("yao.not_eligible", "ja") in texts(at)
    assert yao.decode_scenario(at.query_params["s"])["site_area_m2"] == 1500.0


def test_loading_an_example():
    at = open_page("yao", "en")
    at.selectbox(key="yao_example").set_value("barrier_free_store").run()
    at.button[0].click().run()
    assert yao.decode_scenario(at.query_params["s"])["route"] == "barrier_free"
    assert "44.88 ㎡" in metrics(at)["Bonus claimed"]
