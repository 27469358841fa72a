"""AppTest: the Yao permit calculator — results, examples, rejected input, the scenario in the URL."""

import pytest

from machi.core.text import t
from machi.yao import logic as yao
from machi.yao.permit.examples import example
from tests.apptest_support import data_downloads, open_page, texts


def tables(at):
    """The result tables shown, interactive or static (not the input editors, which are keyed y.<field>)."""
    return [d for d in at.dataframe if not (d.key or "").startswith("y.")] + list(at.table)


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
    assert (
        "tab" not in at.query_params and "in" not in at.query_params and not at.get("plotly_chart") and not tables(at)
    )
    at = open_page("yao", lang, tab="sensitivity")
    assert len(at.get("plotly_chart")) == 1 and t("yao.sensitivity", lang) in texts(at)
    at = open_page("yao", lang, tab="breakdown")
    assert t("yao.breakdown", lang) in texts(at) and len(tables(at)) == 1 and not at.get("plotly_chart")
    assert m == metrics(at)
    at = open_page("yao", lang, tab="checks")
    assert t("yao.checks_note", lang) in texts(at) and len(tables(at)) == 1 and not at.get("plotly_chart")
    # a static table (rules and messages wrap, every row shown), its texts escaped for Markdown
    assert len(at.table) == 1 and not at.dataframe
    checks = at.table[0].value
    assert len(checks) >= 10
    assert "2,000\\.00\u00a0㎡" in set(checks[t("yao.col.required", lang)])  # Markdown shows "2,000.00 ㎡"
    status = dict(zip(checks[t("yao.col.rule", lang)], checks[t("yao.col.status", lang)]))
    assert all(v.startswith(("✓", "—")) for v in status.values())
    assert sum(v.startswith("✓") for v in status.values()) == 10  # every rule of the facilities route passes


def test_scenario_link_reproduces_the_result():
    app = example("facilities_at_limits")["application"]
    at = open_page("yao", "en", s=yao.encode_scenario(app))
    from machi.yao.permit import evaluate, parse_application

    r = evaluate(parse_application(app))
    assert metrics(at)["Maximum floor area"] == f"{r.max_floor_area_m2:,.2f} ㎡"
    assert yao.decode_scenario(at.query_params["s"]) == app


def test_a_broken_link_says_so_and_shows_an_example():
    at = open_page("yao", "ja", s="not-a-scenario")
    assert at.error[0].value == t("yao.bad_link", "ja")
    assert metrics(at)["最大延べ面積"] == "5,140.00 ㎡"


@pytest.mark.parametrize(
    "change,field",
    [
        ({"site_area_m2": -10}, "site_area_m2"),
        ({"site_area_m2": 0}, "site_area_m2"),
        ({"base_far_pct": 1e9}, "base_far_pct"),
        ({"building_area_m2": 1e7}, "building_area_m2"),
    ],
)
def test_impossible_input_is_rejected_naming_the_field(change, field):
    app = {**example("facilities_pass")["application"], **change}
    at = open_page("yao", "en", s=yao.encode_scenario(app))
    # named as the form labels it, never by its key; no answer from a link that never had a valid one
    assert at.error and yao.field_label(field, "en") in at.error[0].value and field not in at.error[0].value
    assert not at.metric


def test_missing_input_names_the_field():
    app = dict(example("facilities_pass")["application"])
    del app["road_width_m"]
    at = open_page("yao", "ja", s=yao.encode_scenario(app))
    assert t("yao.road_width", "ja") in at.error[0].value and "road_width_m" not in at.error[0].value


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


def drawn_inputs(at) -> set[str]:
    """The fields whose inputs are drawn (number inputs, editors, the 総合設計 checkbox), by field name."""
    keys = [w.key for w in [*at.number_input, *at.checkbox, *at.text_area] if w.key] + [
        d.key for d in at.dataframe if d.key
    ]
    return {k.split(".")[1] for k in keys if k.startswith("y.")}


#: the input tab of each input, by the field part of its key (y.<field>.<version>)
KEY_TAB = {
    **{f: yao.input_tab(f) for f in yao.NUMBER_FIELDS},
    "road_through": "site",
    "parts": "layout",
    "facilities": "facilities",
    "barrier_free": "barrier_free",
    "use_sogo": "sogo",
    "sogo_max": "sogo",
    "sogo_used": "sogo",
}


@pytest.mark.parametrize("name", ["facilities_with_sogo", "barrier_free_store"])
def test_each_input_tab_draws_its_inputs_alone_and_the_others_keep_their_values(name):
    """Only the open input tab is drawn; the answer and the link are the same whichever tab is open."""
    app = example(name)["application"]
    # the tab of the route's bonus: facilities, or barrier-free parts
    tabs = [k for k in yao.INPUT_TABS if k not in ({"facilities", "barrier_free"} - {app["route"]})]
    seen = {}
    for tab in tabs:
        at = open_page("yao", "ja", s=yao.encode_scenario(app), **{"in": tab})
        assert at.query_params.get("in") == (None if tab == "site" else tab) and not at.error
        fields = drawn_inputs(at)
        expected = {k for k, where in KEY_TAB.items() if where == tab}
        if "sogo" not in app:
            expected -= {"sogo_max", "sogo_used"}
        assert fields == expected, (tab, fields)
        seen[tab] = (at.query_params["s"], metrics(at))
    # the same application from every tab (30 typed in a number input is 30.0: equal, as JSON numbers)
    assert all(yao.decode_scenario(s) == app for s, _ in seen.values()), seen
    assert all(m == seen[tabs[0]][1] for _, m in seen.values())


def test_a_value_typed_in_one_tab_is_kept_when_another_is_open():
    at = open_page("yao", "en")
    at.number_input(key="y.site_area_m2.0").set_value(1500.0).run()
    for tab in ("layout", "facilities", "sogo"):
        at.session_state["yao_in"] = tab
        at.run()
        assert "y.site_area_m2.0" not in [n.key for n in at.number_input]
        assert yao.decode_scenario(at.query_params["s"])["site_area_m2"] == 1500.0
        assert t("yao.not_eligible", "en") in texts(at)
    at.session_state["yao_in"] = "site"
    at.run()
    assert at.number_input(key="y.site_area_m2.0").value == 1500.0


def test_an_invalid_input_keeps_the_last_answer_marked_as_not_matching():
    at = open_page("yao", "en")
    good = {m.label: m.value for m in at.metric}
    at.number_input(key="y.site_area_m2.0").set_value(-5.0).run()
    assert t("yao.site_area", "en") in at.error[0].value
    assert t("common.stale", "en") in [w.value for w in at.warning]
    assert {m.label: m.value for m in at.metric} == good  # the last valid answer, not lost
    assert not data_downloads(at)  # but nothing leaves the screen that does not match the inputs
    at.number_input(key="y.site_area_m2.0").set_value(2400.0).run()
    assert not at.error and t("common.stale", "en") not in [w.value for w in at.warning]


def test_a_failing_plan_names_each_failing_rule_with_its_clause_and_margin():
    at = open_page("yao", "ja", s=yao.encode_scenario(example("facilities_site_fails")["application"]))
    shown = texts(at)
    assert t("yao.not_eligible", "ja") in shown
    lines = [m.value for m in at.markdown if m.value.startswith("- ✗")]
    # under the verdict, by their margin; under 決め手, in the rule file's words
    assert len(lines) == 4 and all("第3 1.(2)" in line for line in lines), lines
    assert all("不足" in line for line in lines[:2]) and "27\\.50m" in lines[3]
    assert "1.00 m 不足" in lines[0]  # 工業地域: a 9 m road against the 10 m required


def test_a_base_far_no_zone_allows_is_warned_not_refused():
    app = {**example("facilities_pass")["application"], "zone": "1-res", "base_far_pct": 1500}
    at = open_page("yao", "ja", s=yao.encode_scenario(app))
    warnings = [w.value for w in at.warning if "第52条第1項" in w.value]
    assert len(warnings) == 1 and "第一種住居地域" in warnings[0] and "100・150・200・300・400・500" in warnings[0]
    assert at.metric  # computed with the value entered


def test_a_rejected_field_names_the_tab_it_is_in():
    app = {**example("facilities_pass")["application"], "sidewalk_width_m": -1}
    at = open_page("yao", "en", s=yao.encode_scenario(app))  # opens on the site tab
    assert t("yao.sidewalk", "en") in at.error[0].value and "sidewalk_width_m" not in at.error[0].value
    assert t("yao.invalid_where", "en", tab=t("yao.in.layout", "en")) in at.error[0].value


def test_untouched_form_gives_the_application_back():
    """What the hidden tabs contribute: every example's application, as the form would give it."""
    from machi.yao.permit import evaluate, parse_application
    from machi.yao.permit.examples import examples

    for e in examples():
        app = e["application"]
        form = {"route": app["route"], "zone": app["zone"], **yao.untouched(app, app["route"])}
        assert evaluate(parse_application(form)).to_dict() == evaluate(parse_application(app)).to_dict(), e["id"]
    assert yao.untouched({"site_area_m2": "abc", "sogo": {"max_floor_area_m2": float("inf")}}, "facilities")[
        "sogo"
    ] == {"max_floor_area_m2": float("inf")}
    assert yao.untouched({"site_area_m2": "abc"}, "facilities")["site_area_m2"] == "abc"
    assert yao.untouched({}, "barrier_free")["barrier_free"] == yao.EMPTY_BARRIER_FREE
    assert "barrier_free" not in yao.untouched({}, "facilities") and "sogo" not in yao.untouched({}, "facilities")
