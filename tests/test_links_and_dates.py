"""Links between figures, the data's date on every page, and statuses in words: the home page's cards open
the view that answers their question; each page says when its data is from and when the next edition of a
periodic survey is due; Asaka's indicators carry a status with its rule."""

from urllib.parse import parse_qs

import pytest

from machi.core.text import t
from tests.apptest_support import open_page, texts


def home_links(lang: str) -> dict[str, dict]:
    at = open_page(None, lang)
    chamber = t("chamber.start", lang)  # the home page's way into the chamber view, not a card
    return {link.proto.page: link.proto for link in at.get("page_link") if link.proto.label != chamber}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_home_cards_open_the_view_that_answers_them(lang):
    links = home_links(lang)
    zushi = links["zushi"]
    assert parse_qs(zushi.query_string)["progress"] == ["delayed"]  # the delayed programmes, filtered to イ
    assert zushi.label == t("zushi.home_link", lang, n=7)
    assert parse_qs(links["osaka"].query_string)["tab"] == ["ranking"]
    assert parse_qs(links["asaka"].query_string)["tab"] == ["overview"]
    assert links["yao"].label == t("yao.home_link", lang)
    # a link keeps the reader's language (a page switch clears the URL's parameters)
    assert all((parse_qs(links[p].query_string).get("lang") == ["en"]) == (lang == "en") for p in ("zushi", "osaka"))


def test_the_delayed_link_opens_the_seven_delayed_programmes():
    query = parse_qs(home_links("ja")["zushi"].query_string)
    at = open_page("zushi", "ja", **{k: v[0] for k, v in query.items()})
    assert {m.label: m.value for m in at.metric}["事業数"] == "7"
    assert "▲ イ 予定より遅れている" in at.sidebar.caption[0].value


def test_home_shows_asakas_status_in_words_and_symbol():
    body = texts(open_page(None, "ja"))
    counts = t("asaka.status_count", "ja", status=t("asaka.not_judged", "ja"), n=4)
    assert t("asaka.home_status", "ja", counts=counts) in body


@pytest.mark.parametrize(
    "page,ja,en",
    [
        (
            "osaka",
            ["2023年10月1日（調査期日）", "この次の調査は 2028 年"],
            ["1 Oct 2023 (survey date)", "the following survey: 2028"],
        ),
        ("zushi", ["2021（令和3）年度（対象年度）"], ["FY2021 (Reiwa 3) (fiscal year covered)"]),
        (
            "asaka",
            # the 2020 Census: the following one (2025) is past, so newer figures may be out
            ["2026年3月（発行）", "2020年10月1日（調査期日）", "この次の調査は 2025 年の予定で、より新しい数値"],
            ["Mar 2026 (published)", "the following survey was due in 2025, derived: newer figures may"],
        ),
        ("yao", ["2016年4月1日（実施）"], ["1 Apr 2016 (in force from)"]),
    ],
)
def test_every_page_states_the_date_of_its_data(page, ja, en):
    for lang, expected in (("ja", ja), ("en", en)):
        captions = [c.value for c in open_page(page, lang).caption]
        line = next(c for c in captions if c.startswith(t("common.data_date", lang, items="")))
        assert all(e in line for e in expected), line


def test_asaka_indicators_carry_a_status_and_its_rule():
    at = open_page("asaka", "en", tab="overview")
    body = texts(at)
    assert body.count(t("asaka.not_judged", "en")) == 4  # no actual published yet: each card says so
    assert t("asaka.status_rule", "en") in body


@pytest.mark.parametrize("page,code", [("zushi", "14208"), ("asaka", "11227"), ("yao", "27212")])
def test_a_municipality_links_to_the_comparison_with_itself_in_it(page, code):
    links = [link.proto for link in open_page(page, "en").get("page_link") if link.proto.page == "osaka"]
    assert len(links) == 1
    assert parse_qs(links[0].query_string) == {"tab": ["compare"], "areas": [code], "lang": ["en"]}
    assert links[0].label == t("common.compare_area", "en", page=t("osaka.nav", "en"))


def test_the_comparison_links_back_to_the_compared_municipalities_pages():
    at = open_page("osaka", "ja", tab="compare")  # nothing chosen: Zushi, Asaka and Yao beside the references
    assert {link.proto.page for link in at.get("page_link")} >= {"zushi", "asaka", "yao"}
    chosen = open_page("osaka", "ja", tab="compare", areas="14208")
    own = (t("chamber.open", "ja"),)  # the sidebar's way to this page's chamber view
    assert [x.proto.page for x in chosen.get("page_link") if x.proto.page != "book" and x.proto.label not in own] == [
        "zushi"
    ]


def test_a_numeric_target_links_to_its_programme_sheet():
    at = open_page("zushi", "ja", tab="targets")
    links = [
        parse_qs(link.proto.query_string) for link in at.get("page_link") if "tab=sheet" in link.proto.query_string
    ]
    assert sorted(q["sheet"][0] for q in links) == ["2", "4", "5", "6"]  # the four sheets with a numeric target
    assert all(q["fy"] == ["2021"] and q["tab"] == ["sheet"] for q in links)
