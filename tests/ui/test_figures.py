"""A figure's title and source line: broken for plotly, which does not wrap text, never inside a number."""

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from machi.ui.cache import with_title, wrap_line

WORDS = st.lists(
    st.one_of(
        st.text(alphabet="住宅統計調査都道府県市区町村", min_size=1, max_size=12),
        st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True),
        st.from_regex(r"（?[0-9]{1,4}(年|\.|,)?[0-9]{0,3}", fullmatch=True),
    ),
    min_size=1,
    max_size=40,
)


@given(WORDS, st.booleans(), st.integers(min_value=40, max_value=200))
def test_a_source_line_is_broken_without_losing_a_letter_or_splitting_a_number(words, spaced, width):
    text = (" " if spaced else "").join(words)
    lines = wrap_line(text, width).split("<br>")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # only a space at a break is dropped
    for a, b in itertools.pairwise(lines):
        assert not (a[-1:].isdigit() and b[:1].isdigit()), (a, b)  # "20" / "23年" never
    size = [sum(2 if ord(c) > 0x2E80 else 1 for c in line) for line in lines]
    assert all(s <= width + 8 for s in size)  # a number kept whole may run a little past


def test_the_japanese_survey_title_breaks_before_its_date():
    src = (
        "出典：令和5年住宅・土地統計調査 住宅及び世帯に関する基本集計 第1-2表 居住世帯の有無(8区分)別住宅数及び"
        "住宅以外で人が居住する建物数－全国、都道府県、市区町村（2023年10月1日（調査期日））"
    )
    lines = wrap_line(src, 160).split("<br>")  # the width of the chamber's screen; it broke as "（20" / "23年"
    assert len(lines) == 2 and lines[1].startswith("（2023年10月1日")


def test_on_the_chamber_screen_a_chart_carries_its_source_alone_at_20_px():
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1], y=[1]))
    fig.update_layout(height=500, margin=dict(t=40))
    normal, big = (
        with_title(fig, "Ranking", "Source: a survey"),
        with_title(fig, "Ranking", "Source: a survey", big=True),
    )
    assert normal.layout.title.text == "<b>Ranking</b>" and normal.layout.title.subtitle.text == "Source: a survey"
    assert big.layout.title.text == "Source: a survey" and big.layout.title.font.size == 20
    assert re.fullmatch(r"\d+", str(big.layout.margin.t)) and big.layout.height - 500 == big.layout.margin.t - 40
