"""Number, money, year and date formatting."""

import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from machi.core import fmt


@pytest.mark.parametrize(
    "year,ja,en",
    [
        (2021, "2021（令和3）年度", "FY2021 (Reiwa 3)"),
        (2019, "2019（令和元）年度", "FY2019 (Reiwa 1)"),
        (2013, "2013（平成25）年度", "FY2013 (Heisei 25)"),
        (1973, "1973（昭和48）年度", "FY1973 (Showa 48)"),
    ],
)
def test_fiscal_year(year, ja, en):
    assert fmt.fiscal_year(year, "ja") == ja
    assert fmt.fiscal_year(year, "en") == en


def test_calendar_year():
    assert fmt.calendar_year(2023, "ja") == "2023（令和5）年"


def test_money_and_units():
    assert fmt.with_unit(3256000, "yen", lang="ja") == "3,256,000 円"
    assert fmt.with_unit(4657, "kyen", lang="ja") == "4,657 千円"
    assert fmt.with_unit(4657, "kyen", lang="en") == "4,657 thousand yen"
    assert fmt.with_unit(2.13, "m2", 2, lang="ja") == "2.13 ㎡"


@pytest.mark.parametrize("missing", [None, float("nan"), math.nan])
def test_missing_values_are_shown_as_gaps_not_zero(missing):
    assert fmt.number(missing, lang="ja") == "データなし"
    assert fmt.with_unit(missing, "yen", lang="en") == "n/a"
    assert fmt.percent(missing, lang="ja") == "データなし"
    assert fmt.as_given(missing, lang="en") == "n/a"


@pytest.mark.parametrize(
    "x,text",
    [
        (1800.0, "1,800"),
        (201300, "201,300"),
        (2.5, "2.5"),
        (0.1234, "0.1234"),
        (1234567.25, "1,234,567.25"),
        (1e-05, "1e-05"),
    ],
)
def test_as_given_never_rounds(x, text):
    assert fmt.as_given(x, lang="ja") == text


@given(st.floats(-1e12, 1e12, allow_nan=False))
def test_as_given_reads_back_as_the_same_number(x):
    assert float(fmt.as_given(x, lang="ja").replace(",", "")) == x


def test_signed_uses_true_minus():
    assert fmt.signed(-1234, lang="ja") == "−1,234"
    assert fmt.signed(5, lang="ja") == "+5"
    assert fmt.percent(16.123, lang="ja") == "16.1%"


def test_date_text():
    assert fmt.date_text("2026-03", "ja") == "2026年3月"
    assert fmt.date_text("2026-03", "en") == "Mar 2026"
    assert fmt.date_text("2016-04-01", "en") == "1 Apr 2016"
    assert fmt.date_text(None, "ja") == "日付の記載なし"


def _unescape(text: str) -> str:
    """What Markdown shows for a text escaped by fmt.md_text (a backslash before punctuation vanishes)."""
    import re

    return re.sub(r"\\(.)", r"\1", text)


def test_md_grid_is_one_markdown_table_of_every_text_as_written():
    table = pd.DataFrame({"名前 | name": ["a|b", "x\ny", "*1*"], "値": ["1,234", None, "16.1%"]})
    grid = fmt.md_grid(table, right=("値",))
    assert grid.splitlines() == [
        "| 名前 \\| name | 値 |",
        "|:---|---:|",
        "| a\\|b | 1,234 |",
        "| x y |  |",  # a line break read as a space; a missing cell blank, not "nan"
        "| \\*1\\* | 16\\.1% |",
    ]


@given(st.lists(st.text(max_size=12), min_size=1, max_size=5))
def test_md_grid_keeps_one_row_per_record_and_one_cell_per_column(texts):
    grid = fmt.md_grid(pd.DataFrame({"a": texts, "b": texts}))
    lines = grid.splitlines()
    assert len(lines) == len(texts) + 2
    # every cell's own | is escaped and any line break is a space, so each line is two cells
    assert all(len(re.split(r"(?<!\\)\|", line)) == 4 for line in lines)


def test_md_table_shows_every_text_as_written_and_leaves_numbers():
    import pandas as pd

    table = pd.DataFrame(
        {"Rule (1)": ["*bold* [link](x) <b>tag</b> `code`", "a\nb", None], "n": [1.5, 2.0, float("nan")]}
    )
    out = fmt.md_table(table)
    assert list(out.columns) == ["Rule \\(1\\)", "n"]
    rules = list(out["Rule \\(1\\)"])
    assert _unescape(rules[0]) == "*bold* [link](x) <b>tag</b> `code`"
    assert all("\\" + c in rules[0] for c in "*[]()<>`")  # nothing left for Markdown to read
    assert rules[1] == "a b" and pd.isna(rules[2])  # a line break inside a cell reads as a space; a gap stays a gap
    assert list(out.n[:2]) == [1.5, 2.0] and math.isnan(out.n[2])
    assert fmt.md_table(pd.DataFrame({"a": ["x\ry", "p\u2028q"]})).a.tolist() == ["x y", "p q"]  # any line break


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_md_text_round_trips_through_markdown_escapes(text):
    escaped = fmt.md_text(text)
    assert _unescape(escaped.replace("  \n", "\n")) == text


@pytest.mark.parametrize("date", ["2026-13", "2026-00", "2026-02-32", "2026-1-2-3", "R8"])
def test_a_date_that_is_not_one_is_shown_as_written(date):
    assert fmt.date_text(date, "ja") == fmt.date_text(date, "en") == date


def test_figure_columns_are_the_ones_whose_every_cell_is_a_figure():
    """Right-aligned in a static table: counts, money and shares as shown, a missing mark allowed; a
    column with any word in it stays left."""
    import pandas as pd

    from machi.core.text import t

    table = pd.DataFrame(
        {
            "name": ["海水浴場", "条例"],
            "yen": ["38,705,823", t("common.no_data", "ja")],
            "share": ["11.7%", "−2.5%"],
            "code": ["4-5", "5-1"],
            "mixed": ["1,234", "about 5"],
        }
    )
    assert fmt.figure_columns(table) == ("yen", "share")
