"""AppTest: the Zushi page in both languages; the filters change the data behind every chart."""

import json

import pytest

from machi.core import fmt
from machi.core.text import t
from tests.apptest_support import open_page, texts


def chart_specs(at):
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def budget_categories(at):
    spec = chart_specs(at)[0]
    return sorted(name.replace("<br>", " ") for name in spec["data"][0]["y"])  # long names wrap


SECTIONS = {
    "matrix": "zushi.matrix",
    "budget": "zushi.budget",
    "targets": "zushi.targets",
    "programs": "zushi.table",
    "sheet": "zushi.detail",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_renders_all_sections(lang):
    """One tab per section, and only the open tab is computed and drawn."""
    charts = {}
    for tab, title in SECTIONS.items():
        at = open_page("zushi", lang, tab=tab)
        body = texts(at)
        assert sorted(h.value for h in at.subheader) == sorted([t("zushi.filters", lang), t(title, lang)])
        assert t("zushi.how_to_read", lang) in [e.label for e in at.expander]
        assert t("zushi.programs", lang) in body  # the headline is above the tabs
        charts[tab] = len(at.get("plotly_chart"))
    assert charts == {"matrix": 0, "budget": 1, "targets": 1, "programs": 0, "sheet": 0}  # 4 targets, one figure
    assert "tab" not in open_page("zushi", lang).query_params  # the first tab by default, left out of the link


def test_headline_figures_are_formatted_with_units():
    at = open_page("zushi", "ja")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["事業数"] == "9"
    assert metrics["2021（令和3）年度 事業費 実績の合計"] == "86,152,046 円"
    assert metrics["計画事業費の合計（2019〜2022 年度）"] == "1,116,733 千円"


def test_filter_changes_the_data_behind_charts_and_tables():
    at = open_page("zushi", "ja", tab="budget")
    assert len(budget_categories(at)) == 9
    at.multiselect(key="dept").set_value(["1330"]).run()
    assert budget_categories(at) == [
        "6 海水浴場の開設・運営",
        "7 （仮称）商工業振興計画の策定",
        "8 （仮称）小坪海浜地域活性化計画の策定",
    ]
    assert {m.label: m.value for m in at.metric}["事業数"] == "3"
    at.session_state["zushi_tab"] = "targets"
    at.run()
    assert [tr["meta"] for spec in chart_specs(at) for tr in spec["data"]] == [[6]]  # only sheet 6 has a numeric target
    at.session_state["zushi_tab"] = "programs"
    at.run()
    (grid,) = [e.value for e in at.markdown if e.value.startswith("| ")]  # every column whole, no sideways scroll
    assert len(grid.splitlines()) == 2 + 3
    assert at.query_params["dept"] == "1330"  # kept in the URL (one value: a plain string)


def test_filters_from_url_and_group_by_policy():
    at = open_page("zushi", "en", progress="delayed", level="policy", tab="budget")
    assert {m.label: m.value for m in at.metric}["Programs"] == "7"
    assert budget_categories(at) == [
        "4-5 A lively town of its own character that makes use of local resources",
        "5-1 A town governed by its citizens",
        "5-3 A town where information technology makes life better",
        "5-4 A town connected with the world that contributes to peace",
    ]
    # the table beside the chart is static, one Markdown table: all six columns whole (the derived ratio
    # last), one row per policy, the figures aligned right
    (grid,) = [e.value for e in at.markdown if e.value.startswith("| ")]
    head, _, *rows = [[c.strip() for c in line.strip("|").split(" | ")] for line in grid.splitlines()]
    assert len(rows) == 4 and len(head) == 6 and all(len(r) == 6 for r in rows)
    assert head[-1] == fmt.md_text(t("zushi.col.share_pct", "en"))
    assert grid.splitlines()[1] == "|:---|---:|---:|---:|---:|---:|"
    assert [fmt.md_text(v) for v in ("71,680,846", "3,256,000")] == [rows[0][2], rows[1][2]]
    assert rows[0][0] == fmt.md_text("4-5 A lively town of its own character that makes use of local resources")


def test_negative_share_is_said_plainly():
    at = open_page("zushi", "ja", tab="targets")
    shares = [m.value for m in at.metric if m.label == t("zushi.share", "ja")]
    assert sorted(shares) == sorted(["80.0%", "0.0%", "−106.7%", "−57.7%"])
    assert sum(t("zushi.below_baseline", "ja") == w.value for w in at.warning) == 2
    # each card gives the values in the target's own unit (the chart shows only the shares)
    values = [m.value for m in at.markdown if "→" in m.value and "基準値" in m.value]
    assert (
        fmt.md_text("基準値 1,800 人/年 → 2021（令和3）年度 約520 人/年 → 目標 年3,000人（2022(令和４)年度目標）")
        in values
    )
    assert len(values) == 4


def test_no_match_says_so():
    at = open_page("zushi", "ja", progress="on_schedule")
    assert at.warning[0].value == t("zushi.no_match", "ja")


def test_program_detail_shows_every_field_in_full():
    at = open_page("zushi", "ja", sheet="6", tab="sheet")
    body = texts(at)
    assert "開場期間はわずか17日間となったため。" in body
    assert "38,705,823 円" in body and "332,000 千円" in body
    for field in ("purpose_ja", "means_ja", "plan_items_ja", "results_ja", "innovations_ja", "council_opinion_ja"):
        assert t(f"zushi.field.{field}", "ja") in body


def test_bad_filter_values_in_url_are_ignored_not_fatal():
    at = open_page("zushi", "ja", progress="bogus", dept="9999", level="nonsense", sheet="999", fy="1900")
    assert {m.label: m.value for m in at.metric}["事業数"] == "9"
    assert "1 （仮称）自治基本条例（案）の施行・運用" in texts(at)


def test_chosen_conditions_are_listed_where_they_are_seen_and_printed():
    """The conditions sit folded in a popover; what is chosen is listed under it and above the figures."""
    at = open_page("zushi", "ja")
    assert [c.value for c in at.sidebar.caption] == [t("zushi.no_filters", "ja")]
    at.multiselect(key="dept").set_value(["1330"]).run()
    at.multiselect(key="progress").set_value(["delayed"]).run()
    listed = [c.value for c in at.sidebar.caption]
    assert len(listed) == 1 and "経済観光課（1330）" in listed[0], listed
    assert all(t(k, "ja") in listed[0] for k in ("zushi.department", "zushi.progress")), listed
    assert any(c.value.startswith("表示中：") and listed[0] in c.value for c in at.main.caption)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_conditions_button_names_the_conditions_inside(lang):
    at = open_page("zushi", lang)
    popover = at.sidebar.get("popover")[0]
    for key in ("zushi.section", "zushi.policy", "zushi.department", "zushi.progress", "zushi.evaluation"):
        assert t(key, lang) in popover.proto.popover.label
        assert t(key, lang) in [m.label for m in popover.multiselect]  # and inside it


def test_the_conditions_are_listed_with_each_languages_punctuation():
    ja = open_page("zushi", "ja", dept=["1330", "1110"], progress="delayed").sidebar.caption[0].value
    en = open_page("zushi", "en", dept=["1330", "1110"], progress="delayed").sidebar.caption[0].value
    assert "経済観光課（1330）、企画課（1110） ／ " in ja
    assert "Economy and Tourism Division \\(1330\\), Planning Division \\(1110\\); " in en
    assert "、" not in en and "／" not in en and "（" not in en


def test_with_one_fiscal_year_loaded_there_is_no_comparison_of_years():
    at = open_page("zushi", "en")
    assert t("zushi.tab.years", "en") not in [tab.label for tab in at.tabs]
