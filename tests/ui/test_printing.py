"""The print view: every section in order under its tab's label, the sheet's header, no widgets; the
briefing book; the brief's query."""

import pytest

from machi.core import brief
from machi.core.text import all_keys, t
from machi.municipalities import MUNICIPALITIES
from tests.apptest_support import open_page, texts

PAGES = [m.key for m in MUNICIPALITIES]


#: sections drawn only with the data they need: Zushi's years compared, with two fiscal years loaded
OPTIONAL_SECTIONS = {"zushi.tab.years"}


def section_labels(page: str, lang: str) -> list[str]:
    return [t(k, lang) for k in all_keys() if k.startswith(f"{page}.tab.") and k not in OPTIONAL_SECTIONS]


def header_text(at) -> str:
    found = [c.value for c in at.caption if "印刷日" in c.value or "Printed" in c.value]
    return "\n".join(found).replace("\\", "")  # as read, without the Markdown escapes


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_the_print_view_draws_every_section_in_order_under_its_label(page, lang):
    at = open_page(page, lang, print="1")
    headers = [h.value for h in at.header]
    labels = section_labels(page, lang)
    assert [h for h in headers if h in labels] == labels  # every one, in the tabs' order
    assert len(at.tabs) == 0
    head = header_text(at)
    assert t("print.printed", lang, date="").split("{")[0].strip() in head
    assert t("print.one_section", lang) not in head  # the whole page is there
    # the page's own inputs are not drawn as widgets on paper (the header names them)
    assert [
        r.key
        for r in (*at.radio, *at.selectbox, *at.number_input)
        if not r.key.startswith(("lang_switch", "y.", "yao_example"))
    ] == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_normal_view_says_on_paper_that_it_prints_one_section(lang):
    at = open_page("osaka", lang)
    assert t("print.one_section", lang) in header_text(at)
    assert len(at.tabs) > 1


def test_the_header_names_the_data_its_date_and_the_filters_in_force():
    at = open_page("zushi", "ja", print="1", progress="delayed")
    head = header_text(at)
    assert "事業評価シート" in head and "2021（令和3）年度" in head
    assert "進捗状況：▲ イ 予定より遅れている" in head  # Japanese punctuation in the Japanese sheet


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_choice_left_empty_is_not_named_among_the_filters_a_chosen_one_is(lang):
    """Osaka's ward picker starts empty: the sheet does not say "Pick a ward: (pick a ward)"."""
    head = header_text(open_page("osaka", lang, print="1"))
    assert t("osaka.metric", lang) in head and t("osaka.ward_pick", lang) not in head
    picked = header_text(open_page("osaka", lang, print="1", ward="27122"))
    ward = t("osaka.ward_name", lang, ja="西成区", en="Nishinari")
    assert t("common.label_value", lang, label=t("osaka.ward_pick", lang), value=ward) in picked


def test_yao_prints_every_input_beside_the_verdict():
    at = open_page("yao", "en", print="1")
    inputs = at.table[0].value.map(lambda v: v.replace("\\", "") if isinstance(v, str) else v)
    values = dict(zip(inputs.iloc[:, 1], inputs.iloc[:, 2]))
    assert values[t("yao.site_area", "en")] == "2,400" and values[t("yao.base_far", "en")] == "200"
    assert any("eligible" in m.value.lower() or "meets" in m.value.lower() for m in at.markdown)
    assert [h.value for h in at.header] == section_labels("yao", "en")  # the results; the inputs as a table


def test_the_briefing_book_has_a_cover_contents_every_chapter_and_the_sources():
    at = open_page("book", "ja", print="1")
    body = texts(at)
    for m in MUNICIPALITIES:
        assert t(f"{m.key}.title", "ja") in [x.value for x in at.title]
    assert t("book.contents", "ja") in body and t("book.sources_chapter", "ja") in [h.value for h in at.header]


@pytest.mark.parametrize(
    "query,lang,expected",
    [
        ("", "ja", "print=1&address="),
        ("fy=2021&tab=budget", "en", "fy=2021&tab=budget&print=1&address=&lang=en"),
        ("print=0&lang=en&metric=x", "ja", "metric=x&print=1&address="),
    ],
)
def test_a_brief_prints_the_page_with_its_query(query, lang, expected):
    assert brief.print_query(query, lang) == expected


@pytest.mark.parametrize("query", ["a=1&&b", "justtext", "a=1&b"])
def test_a_query_that_is_not_one_is_refused(query):
    with pytest.raises(brief.BriefError):
        brief.print_query(query, "ja")
