"""The English view is English: the share of Japanese letters (kana and kanji) among all letters a reader
meets on each page (every tab, chart texts and tables included) stays at or below 10 %. What stays
Japanese is the official names beside their English (wards, source titles in credit lines) and the
narrative the sheets print; Zushi's programme-sheet tab, the sheets' own text, is left aside."""

import pytest

from tests.apptest_support import japanese_share, open_page, shown_text

LIMIT = 0.10

PAGES = {
    "home": [None],
    "zushi": ["matrix", "budget", "targets", "programs"],  # "sheet": the sheet's own Japanese text
    "asaka": ["overview", "paths", "cover", "measures", "whatif"],
    "osaka": ["ranking", "map", "kinds", "then_now", "compare", "policy", "danger"],
    "yao": [None],
    "sources": [None],
}


@pytest.mark.parametrize("page", list(PAGES))
def test_an_english_page_is_english(page):
    shares, text = {}, []
    for tab in PAGES[page]:
        at = open_page(None if page == "home" else page, "en", **({"tab": tab} if tab else {}))
        shown = shown_text(at)
        shares[tab] = japanese_share(shown)
        text.append(shown)
    whole = japanese_share("\n".join(text))
    assert whole <= LIMIT, f"{page}: {whole:.1%} of the letters are Japanese (by tab: {shares})"
    assert all(share <= 0.15 for share in shares.values()), shares  # no tab far over, hidden by the rest


def test_the_measure_counts_japanese_letters_only():
    assert japanese_share("Nishinari (西成区)") == pytest.approx(3 / 12)
    assert japanese_share("カタカナ and ひらがな") == pytest.approx(8 / 11)
    assert japanese_share("25.9% ㎡ → ▲") == 0.0  # digits, units and symbols are not letters
    assert japanese_share("") == 0.0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_chart_toolbar_speaks_the_readers_language(lang):
    """plotly.js ships its toolbar in English; the Japanese view passes its words with every chart."""
    import json

    at = open_page("osaka", lang)
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    if lang == "ja":
        assert config["locale"] == "ja"
        assert config["locales"]["ja"]["dictionary"]["Download plot as a PNG"] == "PNG 画像として保存"
    else:
        assert "locale" not in config and "locales" not in config
    assert config["displaylogo"] is False and config["toImageButtonOptions"]["filename"].startswith("osaka_")


def test_the_danger_score_cites_its_clauses_in_english_with_the_japanese_heading_beside():
    at = open_page("osaka", "en", tab="danger", d_foundation="B")
    captions = [c.value for c in at.caption]
    assert "Source: Appended Table 5, 3. Overall judgement (総合判定)" in captions  # was "Source: 別表第5 3. 総合判定"
    grid = next(m.value for m in at.markdown if m.value.startswith("| Part |")).replace("\\", "")  # drawn whole
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in grid.splitlines() if line.startswith("|")]
    assert rows[0][:3] == ["Part", "Rank", "Points"]
    assert rows[2][2:] == [
        "50.0",  # points as figures, not 50.0000
        "Appended Table 5, 1. Condition of the foundation, sills, columns or beams (基礎、土台、柱又ははりの状況)",
    ]
    ja = open_page("osaka", "ja", tab="danger", d_foundation="B")
    assert any(c.value.endswith(": 別表第5 3. 総合判定") for c in ja.caption)  # Japanese as the document
