"""The chamber view (?view=chamber): one screen at a time, the page's top first and then each section, with
large previous and next links that walk through every municipality; no tabs, no sidebar, tables as text,
charts drawn large. The browser side (text at least 20 px on screen at 1920 × 1080) is in test_browser.py."""

from urllib.parse import parse_qs

import pytest

from machi.core.charts import CHAMBER_HEIGHTS
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from machi.ui import chamber
from tests.apptest_support import open_page, texts

SECTIONS = {
    "zushi": ["matrix", "budget", "targets", "programs", "sheet"],
    "asaka": ["overview", "paths", "cover", "measures", "whatif"],
    "osaka": ["ranking", "map", "kinds", "then_now", "compare", "policy", "danger"],
    "yao": ["reasons", "checks", "breakdown", "sensitivity"],
}


def steps(at, lang: str = "en") -> dict[str, tuple[str, dict, bool, str]]:
    """The bar's previous and next links: {"previous" | "next": (page, query, disabled, label)}."""
    prefixes = {
        "previous": t("chamber.previous_none", lang),  # "← Previous", and "← Previous: <screen>"
        "next": t("chamber.next_none", lang).removesuffix(" →"),  # "Next", and "Next: <screen> →"
    }
    out = {}
    for link in at.get("page_link"):
        p = link.proto
        for way, prefix in prefixes.items():
            if p.label.startswith(prefix):
                out[way] = (p.page, parse_qs(p.query_string), p.disabled, p.label)
    return out


def screen(page: str, tab: str | None = None, lang: str = "en", **query):
    if tab:
        query["tab"] = tab
    return open_page(page, lang, view="chamber", **query)


def test_the_screens_walk_through_every_municipality_top_then_each_section_in_order():
    """From Zushi's top, following "Next" visits every page's top and each of its sections once, in the
    order of the tabs, then the next municipality; the last screen has no next, the first no previous."""
    walked, page, query = [], "zushi", {}
    at = screen(page)
    assert steps(at)["previous"][2] is True  # the first screen: nothing before it
    while True:
        walked.append((page, query.get("tab", [""])[0]))
        after = steps(at)["next"]
        if after[2]:
            break
        page, query = after[0], after[1]
        assert query["view"] == ["chamber"] and query["lang"] == ["en"]
        at = screen(page, query.get("tab", [None])[0])
        assert len(walked) < 40
    expected = [(m.key, s) for m in MUNICIPALITIES for s in ["", *SECTIONS[m.key]]]
    assert walked == expected


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_section_screen_shows_that_section_alone_under_the_bar_naming_page_and_position(lang):
    at = screen("osaka", "map", lang)
    assert not at.tabs  # no tab bar: one section per screen
    body = texts(at)
    section = t("osaka.tab.map", lang)
    assert t("chamber.where", lang, page=t("osaka.title", lang), section=section, n=3, total=8) in body
    assert t("osaka.map", lang, year=2023) in body and t("osaka.ranking", lang, year=2023) not in body
    assert chamber.HIDE_TOP_CSS in [h.proto.body for h in at.get("html")]  # the page's top is out of sight
    bar = steps(at, lang)
    assert bar["previous"][3] == t("chamber.previous", lang, name=t("osaka.tab.ranking", lang))
    assert bar["next"][3] == t("chamber.next", lang, name=t("osaka.tab.kinds", lang))


def test_the_top_screen_shows_the_pages_title_and_headline_figures_and_no_section():
    at = screen("osaka", None, "ja")
    body = texts(at)
    assert t("osaka.title", "ja") in [x.value for x in at.title] and len(at.metric) >= 4
    assert t("osaka.ranking", "ja", year=2023) not in body
    assert chamber.HIDE_TOP_CSS not in [h.proto.body for h in at.get("html")]
    assert chamber.CHAMBER_CSS in [h.proto.body for h in at.get("html")]


def test_a_screen_link_keeps_the_filters_and_choices_of_the_screen():
    at = screen("zushi", "budget", "en", progress="delayed", level="policy")
    page, query, *_ = steps(at)["next"]
    assert page == "zushi" and query["tab"] == ["targets"] and query["progress"] == ["delayed"]
    assert query["level"] == ["policy"] and query["view"] == ["chamber"]
    # the bar names the filters and choices in force, those of the section's own inputs too
    named = next(c.value for c in at.caption if c.value.startswith(t("print.conditions", "en", conditions="")))
    assert f"{t('zushi.budget_level', 'en')}: {t('zushi.level.policy', 'en')}" in named
    assert t("zushi.progress", "en") in named  # the sidebar's filter, hidden in the chamber


def test_tables_are_text_in_the_chamber_not_interactive_grids():
    at = screen("osaka", "then_now", "en")
    assert not at.dataframe and at.table


def test_the_chamber_view_is_opened_from_the_sidebar_with_the_pages_section_and_filters():
    at = open_page("osaka", "en", tab="kinds", metric="other_rate")
    link = next(x.proto for x in at.sidebar.get("page_link") if x.proto.label == t("chamber.open", "en"))
    query = parse_qs(link.query_string)
    assert link.page == "osaka" and query["view"] == ["chamber"] and query["tab"] == ["kinds"]
    assert query["metric"] == ["other_rate"] and query["lang"] == ["en"]
    back = screen("osaka", "kinds", "en", metric="other_rate")
    exit_link = next(x.proto for x in back.get("page_link") if x.proto.label == t("chamber.exit", "en"))
    assert "view" not in parse_qs(exit_link.query_string) and parse_qs(exit_link.query_string)["tab"] == ["kinds"]


def test_the_normal_view_has_tabs_and_no_chamber_bar():
    at = open_page("osaka", "en", tab="map")
    assert at.tabs and chamber.CHAMBER_CSS not in [h.proto.body for h in at.get("html")]
    assert not [x for x in at.get("page_link") if x.proto.label == t("chamber.exit", "en")]


def test_charts_in_the_chamber_are_drawn_large():
    import json

    normal = json.loads(open_page("osaka", "en", tab="ranking").get("plotly_chart")[0].proto.spec)
    big = json.loads(screen("osaka", "ranking", "en").get("plotly_chart")[0].proto.spec)
    assert big["layout"]["font"]["size"] >= 20 > normal["layout"]["font"]["size"]
    low, high = CHAMBER_HEIGHTS  # a screen's height, the source line above it aside
    assert low <= big["layout"]["height"] <= high + 60  # 60: the room of a one-line source above the plot
    assert big["layout"]["title"]["font"]["size"] >= 20 and "<b>" not in big["layout"]["title"]["text"]


def test_a_chart_of_panels_lays_them_side_by_side_on_the_wide_screen():
    import json

    def rows_of(at) -> int:
        layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
        return len({tuple(v["domain"]) for k, v in layout.items() if k.startswith("yaxis")})

    assert rows_of(open_page("asaka", "en", tab="paths")) == 2  # two a row on the page
    assert rows_of(screen("asaka", "paths", "en")) == 1  # the four in one row: the whole chart on one screen


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_home_page_starts_the_chamber_view_at_the_first_municipality(lang):
    at = open_page(None, lang)
    link = next(x.proto for x in at.get("page_link") if x.proto.label == t("chamber.start", lang))
    query = parse_qs(link.query_string)
    assert link.page == MUNICIPALITIES[0].key and query["view"] == ["chamber"] and "tab" not in query
    assert (query.get("lang") == ["en"]) == (lang == "en")
