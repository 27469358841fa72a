"""The barrier-free route (第4 2.) as a form, filled as a user would: the building's type and condition, a
corridor, a stair and a landing added as rows, each row's bonus read beside it, the total; a worked example
loaded into it; its JSON exported and imported; broken JSON refused with the form unchanged."""

import json

import pytest

from machi.core.text import t
from machi.yao import barrier_free as bf
from machi.yao import logic as yao
from machi.yao.permit import load_rules
from machi.yao.permit.examples import example
from tests.apptest_support import open_page, texts

RULES = load_rules()


def by_label(widgets, label):
    return [w for w in widgets if w.label == label]


def switch_to_barrier_free(lang):
    at = open_page("yao", lang)
    route = by_label(at.radio, t("yao.route", lang))[0]
    route.set_value("barrier_free").run()
    assert not at.exception, [e.message for e in at.exception]
    # the route's guidance beside the inputs, and the barrier-free tab instead of the facilities one
    assert t("yao.route_needs.barrier_free", lang) in texts(at)
    at.session_state["yao_in"] = "barrier_free"  # the tab, as a click on it sets it
    at.run()
    return at


def add_part(at, lang, kind):
    by_label(at.selectbox, t("yao.bf.kind", lang))[-1].set_value(kind)
    [b for b in at.button if b.label == t("yao.bf.add", lang)][0].click().run()
    assert not at.exception, [e.message for e in at.exception]


def last_number(at, label):
    return by_label(at.number_input, label)[-1]


def metric(at, key, lang):
    return {m.label: m.value for m in at.metric}[t(key, lang)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_planner_gets_a_barrier_free_bonus_by_clicking(lang):
    at = switch_to_barrier_free(lang)
    # a new route starts with no parts and says what to do; the building's type rule names itself
    assert t("yao.bf.empty", lang) in texts(at)
    assert "✗" in texts(at) and RULES.checks["bf_building"].label_ja in texts(at) if lang == "ja" else True
    by_label(at.radio, t("yao.bf.building", lang))[0].set_value("tokutei").run()
    by_label(at.checkbox, t("yao.bf.art19_applied", lang))[0].check().run()

    add_part(at, lang, "tokutei_corridor")  # 別表2 一②, other layout: 1.20 × 30 = 36.00
    rows = by_label(at.selectbox, t("yao.bf.row", lang, clause="別表2 一"))
    rows[-1].set_value(2).run()
    by_label(at.radio, t("yao.bf.layout", lang))[-1].set_value("other").run()
    last_number(at, t("yao.bf.length_m", lang)).set_value(30.0).run()
    last_number(at, t("yao.bf.actual_area_m2", lang)).set_value(54.0).run()
    assert not at.error, [e.value for e in at.error]

    add_part(at, lang, "tokutei_stair")  # 別表2 二②: 2.03 × 4.0 = 8.12
    by_label(at.selectbox, t("yao.bf.row", lang, clause="別表2 二"))[-1].set_value(2).run()
    last_number(at, t("yao.bf.height_m", lang)).set_value(4.0).run()
    last_number(at, t("yao.bf.actual_area_m2", lang)).set_value(12.0).run()

    add_part(at, lang, "tokutei_stair_landing")  # 別表2 二② landing 1.68, two of them
    by_label(at.selectbox, t("yao.bf.row", lang, clause="別表2 二"))[-1].set_value(2).run()
    last_number(at, t("yao.bf.actual_area_m2", lang)).set_value(2.56).run()
    last_number(at, t("yao.bf.count", lang)).set_value(2).run()
    assert not at.error, [e.value for e in at.error]

    shown = texts(at)
    figure = t("common.figure_line", lang)
    for label, value in (
        (t("yao.bf.standard", lang), "36.00 ㎡"),
        (t("yao.bf.bonus", lang, count=1), "18.00 ㎡"),
        (t("yao.bf.standard", lang), "8.12 ㎡"),
        (t("yao.bf.bonus", lang, count=1), "3.88 ㎡"),
        (t("yao.bf.bonus", lang, count=2), "1.76 ㎡"),  # 2 × (2.56 − 1.68)
    ):
        assert figure.format(label=label, value=value) in shown, (label, value)
    assert t("yao.eligible", lang) in shown
    assert metric(at, "yao.bonus_claimed", lang) == "23.64 ㎡"  # 18.00 + 3.88 + 1.76
    # the whole application as the form gives it, in the link
    app = yao.decode_scenario(
        at.query_params["s"][0] if isinstance(at.query_params["s"], list) else at.query_params["s"]
    )
    assert [i["item"] for i in app["barrier_free"]["items"]] == [
        "tokutei_corridor",
        "tokutei_stair",
        "tokutei_stair_landing",
    ]

    # removing a part takes its bonus away
    [b for b in at.button if b.label == t("yao.bf.remove", lang)][0].click().run()
    assert metric(at, "yao.bonus_claimed", lang) == "5.64 ㎡"


def test_the_worked_example_loads_into_the_form_and_its_rows_read_their_bonus():
    app = example("barrier_free_store")["application"]
    at = open_page("yao", "ja", s=yao.encode_scenario(app), **{"in": "barrier_free"})
    assert not at.error, [e.value for e in at.error]
    assert len(by_label(at.selectbox, t("yao.bf.kind", "ja"))) == len(app["barrier_free"]["items"]) + 1  # + the adder
    assert metric(at, "yao.bonus_claimed", "ja") == "44.88 ㎡"  # INPUT.md's worked number


def test_rows_offer_only_the_kinds_the_building_can_list_with_their_clause():
    tokutei, other = bf.kinds(RULES, "ja", "tokutei"), bf.kinds(RULES, "ja", "other")
    assert "tokutei_corridor" in tokutei and "tokutei_corridor" not in other and "other_corridor" in other
    assert tokutei["tokutei_corridor"] == "廊下等（特定建築物）（第4 2.(3)①イ）"
    # rows as the table describes them, not numbers to look up; 別表2 二④ has no landing value
    rows = bf.row_options(RULES, "tokutei_stair_landing", "ja")
    assert list(rows) == [1, 2, 3] and rows[1].startswith("① 小学校における児童用のもの")
    assert "両側に居室 1.60 × 長さ L" in bf.row_options(RULES, "tokutei_corridor", "ja")[2]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_json_export_and_import_of_the_same_form(lang):
    check = bf.json_check(RULES, lang, yao.field_label)
    good = example("barrier_free_store")["application"]["barrier_free"]
    value, problem = check(json.dumps(good))
    assert problem is None and value == good
    value, problem = check('{"building": "tokutei", "items": [}')
    assert value is None and problem == t("yao.bf.json_unreadable", lang, line=1, column=35)
    value, problem = check(
        '{"building": "tokutei", "items": [{"item": "tokutei_corridor", "row": 2, "layout": '
        '"other", "length_m": -3, "actual_area_m2": 5}]}'
    )
    assert value is None and t("yao.bf.length_m", lang) in problem and "length_m" not in problem
    # a key the form has no field for (only pasted JSON can hold one) is named as the JSON key it is
    value, problem = check('{"building": "tokutei", "items": [], "foo": 1}')
    assert value is None and t("yao.field_json", lang, name="foo") in problem


def test_broken_json_pasted_into_the_form_leaves_it_unchanged():
    app = example("barrier_free_store")["application"]
    at = open_page("yao", "ja", s=yao.encode_scenario(app), **{"in": "barrier_free"})
    before = at.query_params["s"]
    paste = by_label(at.text_area, t("yao.bf.json_paste", "ja"))[0]
    paste.set_value('{"building": "tokutei", "items": [').run()
    [b for b in at.button if b.label == t("yao.bf.json_load", "ja")][0].click().run()
    assert [e.value for e in at.error] == [t("yao.bf.json_unreadable", "ja", line=1, column=35)]
    assert at.query_params["s"] == before and metric(at, "yao.bonus_claimed", "ja") == "44.88 ㎡"
    # and good JSON replaces the form's parts
    small = {"building": "tokutei", "art19_applied": True, "items": [{"item": "tokutei_toilet", "actual_area_m2": 3.0}]}
    by_label(at.text_area, t("yao.bf.json_paste", "ja"))[0].set_value(json.dumps(small)).run()
    [b for b in at.button if b.label == t("yao.bf.json_load", "ja")][0].click().run()
    assert t("yao.bf.json_loaded", "ja") in [s.value for s in at.success]
    assert metric(at, "yao.bonus_claimed", "ja") == "2.00 ㎡"


def test_a_part_the_new_building_type_cannot_list_is_named_in_words():
    """Parts of a 特定建築物 kept when the type changes: shown by name, and the answer says what to do."""
    app = example("barrier_free_store")["application"]
    at = open_page("yao", "ja", s=yao.encode_scenario(app), **{"in": "barrier_free"})
    by_label(at.radio, t("yao.bf.building", "ja"))[0].set_value("other").run()
    first = by_label(at.selectbox, t("yao.bf.kind", "ja"))[0]
    assert first.value == "tokutei_corridor" and "tokutei_corridor" not in first.format_func(first.value)
    errors = [e.value for e in at.error]
    assert errors and "特定建築物の場合に限られます" in errors[0] and "tokutei" not in errors[0]
    assert t("common.stale", "ja") in [w.value for w in at.warning]


def test_a_links_value_that_is_not_a_choice_is_said_and_a_list_does_not_crash():
    app = example("barrier_free_store")["application"]
    bad = {**app, "barrier_free": {**app["barrier_free"], "building": ["tokutei"]}}
    at = open_page("yao", "en", s=yao.encode_scenario(bad), **{"in": "barrier_free"})
    said = [e.value for e in at.error if t("yao.bf.building", "en") in e.value]
    assert said and said[0].startswith(t("common.bad_choice", "en", label="", value="", used="")[:8])
