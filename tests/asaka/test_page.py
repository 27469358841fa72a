"""AppTest: the Asaka page in both languages, its what-ifs (kept in the URL, bad input rejected),
and an actual observation added to the CSV appearing with no code change."""

import json
import shutil

import pytest

from machi.core.text import t
from tests.apptest_support import data_downloads, open_page, texts
from tests.conftest import ROOT


def metrics(at):
    return {m.label: m.value for m in at.metric}


TABS = {
    "overview": ("asaka.indicators", 0),
    "paths": ("asaka.paths", 1),
    "cover": ("asaka.green_cover", 1),
    "measures": ("asaka.measures", 1),
    "whatif": ("asaka.whatif", 0),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_renders_indicators_paths_cover_and_tree(lang):
    """One tab per section, and only the open tab is computed and drawn."""
    for tab, (title, n_charts) in TABS.items():
        at = open_page("asaka", lang, tab=tab)
        assert t(title, lang) in [h.value for h in at.subheader]
        assert [t(other, lang) in [h.value for h in at.subheader] for other, _ in TABS.values() if other != title] == [
            False
        ] * 4
        assert len(at.get("plotly_chart")) == n_charts  # the 4 paths in one figure; green cover; measures tree
    assert t("asaka.green_cover_not_share", lang) in texts(open_page("asaka", lang, tab="cover"))
    at = open_page("asaka", lang)
    assert "tab" not in at.query_params  # the first tab: left out of the link
    body = texts(at)
    assert t("asaka.no_actuals", lang) in body
    m = metrics(at)
    assert (
        m[t("asaka.baseline", lang, year="2025（令和7）年度" if lang == "ja" else "FY2025 (Reiwa 7)")]
        in {
            "ja": ("+0.29", "2.13㎡/人", "21.5%", "30.9回/年"),
            "en": ("+0.29", "2.13㎡/person", "21.5%", "30.9 times/year"),  # units in English too
        }[lang]
    )


def test_what_ifs_with_cited_defaults():
    at = open_page("asaka", "ja", mode="number", pop35="140000", tab="whatif")
    m = metrics(at)
    assert m["現況 2.13 ㎡/人 が意味する面積"] == "30.05 ha"
    assert m["2035 年に 3.16 ㎡/人 に必要な面積"] == "44.24 ha"
    assert m["目標 22.3% の面積"] == "409.0 ha"
    assert "国勢調査" in texts(at) and "国土地理院" in texts(at)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_what_ifs_start_complete_and_say_what_is_assumed(lang):
    at = open_page("asaka", lang, tab="whatif")
    assert not at.info and not at.error
    m = metrics(at)
    # 141,083 people (2020 Census) unchanged to 2035 (0 % a year, an assumption said so) × 3.16 ㎡ ÷ 10,000
    assert m[t("asaka.park_need", lang, value="3.16")] == "44.58 ha"
    shown = texts(at)
    assert t("asaka.assumed_rate", lang) in shown and t("asaka.year_mix", lang, year=2020) in shown


def test_census_years_only_and_a_surplus_is_not_a_negative_need():
    at = open_page("asaka", "ja", tab="whatif", pop_year="1900", mode="number", pop35="50000")
    year = [s for s in at.selectbox if s.label == t("asaka.pop_year", "ja")][0]
    assert year.value == "2020" and "1900" not in year.options and "1920年 国勢調査" in year.options
    said = t("common.bad_choice", "ja", label=t("asaka.pop_year", "ja"), value="“1900”", used="2020年 国勢調査")
    assert said in [w.value for w in at.warning]  # the link's year is not dropped silently
    m = metrics(at)
    # 50,000 × 3.16 ÷ 10,000 = 15.80 ha needed against 30.05 ha now: 14.25 ha above the target
    assert m[t("asaka.surplus", "ja")] == "14.25 ha"  # (the green-share card beside it still has area to add)
    assert not any("−" in v for v in m.values())


@pytest.mark.parametrize(
    "query,needle",
    [
        ({"pop": "-5"}, "現在の人口は0人より大きく"),
        ({"pop": "abc"}, "現在の人口は数値で入力してください"),
        ({"mode": "rate", "rate": "40"}, "人口の年平均増減率は-10%以上10%以下"),
        ({"area": "0"}, "市域面積は0km²より大きく"),
        ({"area": "1e12"}, "市域面積は0km²より大きく"),
    ],
)
def test_bad_inputs_give_a_message_naming_the_field(query, needle):
    at = open_page("asaka", "ja", tab="whatif", **query)
    assert any(needle in e.value for e in at.error), [e.value for e in at.error]


def test_scenario_is_kept_in_the_url():
    at = open_page("asaka", "en", mode="rate", rate="1.5", area="20", tab="whatif")
    assert at.query_params["rate"] == "1.5" and "mode" not in at.query_params  # a rate: the default way
    assert metrics(at)["Target 22.3%"] == "446.0 ha"
    at.number_input(key="area").set_value(10.0).run()
    assert at.query_params["area"] == "10"
    assert metrics(at)["Target 22.3%"] == "223.0 ha"


def test_the_what_if_on_its_defaults_writes_nothing_to_the_url_and_an_emptied_field_is_kept():
    """A default (the census population, its year, the surveyed area; an empty 2035 population) is left
    out of the link, as a link without it opens the same; an emptied field whose default is a number is
    written as empty, so the link reopens it empty."""
    at = open_page("asaka", "en", tab="whatif")
    assert dict(at.query_params) == {"lang": "en", "tab": "whatif"}
    at.number_input(key="area").set_value(10.0).run()
    assert at.query_params["area"] == "10"
    at.number_input(key="area").set_value(None).run()
    assert at.query_params["area"] == ""
    reopened = open_page("asaka", "en", tab="whatif", area="")
    assert dict(reopened.query_params) == {"lang": "en", "tab": "whatif", "area": ""}


def test_a_published_actual_appears_on_every_chart_with_no_code_change(tmp_path, monkeypatch):
    from machi.ui import cache

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "*.tmp"))
    with (data / "asaka" / "actuals.csv").open("a", encoding="utf-8") as f:
        f.write("park_area_per_person,2027,2.20,asaka_green_plan_2026,test row\n")
    monkeypatch.setenv("MACHI_DATA", str(data))
    monkeypatch.setenv("MACHI_DB", str(tmp_path / "m.duckdb"))
    cache.forget_database()
    try:
        body = texts(open_page("asaka", "ja"))
        assert "▲ 遅れ" in body and "2027（令和9）年度" in body
        at = open_page("asaka", "ja", tab="paths")
        specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
        assert len(specs) == 1  # the four indicators' panels in one figure
        observed = [tr for tr in specs[0]["data"] if tr.get("name") == "実績値"]
        assert [(tr["meta"], tr["text"]) for tr in observed] == [("park_area_per_person", ["2.20"])]
    finally:
        cache.forget_database()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_per_year_table_is_drawn_only_when_opened(lang):
    """The per-year table (names, fiscal years, each indicator's decimals) and its download are computed
    and sent only while its expander is open; the tab opens without them."""
    at = open_page("asaka", lang, tab="paths")
    assert t("asaka.path_table", lang) in [e.label for e in at.expander]
    assert len(at.table) == 0 and len(data_downloads(at)) == 0
    at.session_state["asaka_path_table"] = True
    at.run()
    assert not at.exception
    table = at.table[0].value
    assert list(table.columns)[0] == t("asaka.col.year", lang)
    year = "2026（令和8）年度" if lang == "ja" else "FY2026 (Reiwa 8)"
    assert [c.replace("\\", "") for c in table.iloc[1]] == [year, "+0.291", "21.58", "2.233", "31.0"]
    assert [d.label for d in data_downloads(at)] == ["CSV", t("export.xlsx", lang)]
    at.session_state["asaka_path_table"] = False
    at.run()
    assert len(at.table) == 0


def test_measure_lists_are_drawn_only_when_opened():
    at = open_page("asaka", "ja", tab="measures")
    outline = [e for e in at.expander if e.label.startswith("基本方針")]
    assert len(outline) == 3 and all(len(e.markdown) == 0 for e in outline)
    at.session_state["asaka_outline_1"] = True
    at.run()
    outline = [e for e in at.expander if e.label.startswith("基本方針")]
    assert [len(e.markdown) for e in outline] == [0, 1, 0]
    assert "★" in outline[1].markdown[0].value


def test_an_input_being_retyped_keeps_the_last_answer_marked_as_not_matching():
    at = open_page("asaka", "en", tab="whatif")
    before = {m.label: m.value for m in at.metric}
    at.number_input(key="pop").set_value(-5.0).run()
    assert any(t("asaka.pop_now", "en").split(" (")[0] in e.value for e in at.error)
    assert t("common.stale", "en") in [w.value for w in at.warning]
    assert {m.label: m.value for m in at.metric} == before  # not lost
    at.number_input(key="pop").set_value(141083.0).run()
    assert not at.error and t("common.stale", "en") not in [w.value for w in at.warning]
