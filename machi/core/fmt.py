"""Formatting of numbers, money, areas and years: the one place that decides how a figure reads.

Missing values are never filled: they come back as the language's "no data" mark.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from machi.core.text import t

if TYPE_CHECKING:
    import pandas as pd

#: (first Gregorian year, era name by language)
_ERAS = (
    (2019, {"ja": "令和", "en": "Reiwa"}),
    (1989, {"ja": "平成", "en": "Heisei"}),
    (1926, {"ja": "昭和", "en": "Showa"}),
)


def is_missing(x) -> bool:
    """None, NaN, or pandas' NA (known by its type's name: the command line never imports pandas)."""
    if x is None or type(x).__name__ == "NAType":
        return True
    try:
        return bool(math.isnan(x))
    except TypeError:
        return False


def wareki(year: int, lang: str) -> str:
    """The Japanese era year of a Gregorian year: 2021 → 令和3 (Reiwa 3); 2019 → 令和元 (Reiwa 1).
    The era of a fiscal year is the one in force on 1 April (2019 → 令和元年度)."""
    for start, names in _ERAS:
        if year >= start:
            n = year - start + 1
            return t("fmt.era_first" if n == 1 else "fmt.era", lang, name=names.get(lang, names["ja"]), n=n)
    raise ValueError(f"year out of range: {year}")


def fiscal_year(year: int | str, lang: str) -> str:
    """2021 → 2021（令和3）年度 / FY2021 (Reiwa 3); the year may come as text (a URL's or a choice's)."""
    return t("fmt.fiscal_year", lang, year=int(year), era=wareki(int(year), lang))


def calendar_year(year: int, lang: str) -> str:
    """2023 → 2023（令和5）年 / 2023 (Reiwa 5)."""
    return t("fmt.calendar_year", lang, year=year, era=wareki(year, lang))


def number(x, decimals: int = 0, *, lang: str) -> str:
    """1234567 → 1,234,567; a missing value → the no-data mark."""
    if is_missing(x):
        return t("common.no_data", lang)
    return f"{x:,.{decimals}f}"


def as_given(x, *, lang: str) -> str:
    """A number as the source gives it, never rounded: 1800.0 → 1,800; 2.5 → 2.5; 0.1234 → 0.1234
    (Python's shortest exact form, with thousands separators); a missing value → the no-data mark."""
    if is_missing(x):
        return t("common.no_data", lang)
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def signed(x, decimals: int = 0, *, lang: str) -> str:
    """+1,234 / −1,234 (a true minus sign)."""
    if is_missing(x):
        return t("common.no_data", lang)
    text = f"{abs(x):,.{decimals}f}"
    return ("+" if x > 0 else "−" if x < 0 else "±") + text


def percent(x, decimals: int = 1, *, lang: str) -> str:
    """16.1 → 16.1%."""
    if is_missing(x):
        return t("common.no_data", lang)
    return f"{'−' if x < 0 else ''}{abs(x):,.{decimals}f}%"


#: the units with_unit knows, each a key of the shared text ("unit.<name>")
UNITS = ("yen", "kyen", "m2", "ha", "dwellings", "people")


def with_unit(x, unit: str, decimals: int = 0, *, lang: str) -> str:
    """A number with its unit: 3,256,000 円 / 4,657 千円 / 2.13 ㎡ … (missing → no-data mark)."""
    if is_missing(x):
        return t("common.no_data", lang)
    if unit not in UNITS:
        raise KeyError(unit)
    return f"{number(x, decimals, lang=lang)} {t(f'unit.{unit}', lang)}"


def date_text(date: str | None, lang: str) -> str:
    """'2026-03' → 2026年3月 / Mar 2026; None → the no-date mark; a date that is not a year, a year and a
    month, or a whole date is shown as written."""
    if is_missing(date) or not date:
        return t("common.no_date", lang)
    try:
        parts = [int(p) for p in date.split("-")]
    except ValueError:
        return date
    if (
        not 1 <= len(parts) <= 3
        or (len(parts) > 1 and not 1 <= parts[1] <= 12)
        or (len(parts) == 3 and not 1 <= parts[2] <= 31)
    ):
        return date
    y, m, d = (parts + [1, 1])[:3]
    names = ("fmt.date_y", "fmt.date_ym", "fmt.date_ymd")
    return t(names[len(parts) - 1], lang, y=y, month=t(f"fmt.month.{m}", lang), d=d)


def source_date(date: str | None, date_kind: str | None, lang: str) -> str:
    """A source's date with what it is: 2026年3月（発行） / Mar 2026 (published)."""
    if date_kind == "fiscal_year" and date and len(date) == 4:
        text = fiscal_year(int(date), lang)
    else:
        text = date_text(date, lang)
        if is_missing(date_kind) or not date_kind:
            return text
    return t("fmt.with_kind", lang, text=text, kind=t(f"sources.date_kind.{date_kind}", lang))


_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~$:"


def md_text(text: str | None) -> str:
    """Source text shown through Markdown exactly as written: special characters escaped, line
    breaks kept. (Data never goes through unsafe_allow_html.)"""
    if is_missing(text) or text is None:
        return ""
    escaped = "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in str(text))
    return escaped.replace("\n", "  \n")


def _md_line(text: str) -> str:
    """md_text on one line: a table cell, where any line break (\n, \r, U+2028 …) reads as a space."""
    return " ".join(md_text(text).replace("  \n", "\n").splitlines())


def md_table(table: pd.DataFrame) -> pd.DataFrame:
    """A table for st.table, whose headers and cells are Markdown: every text shown exactly as
    written (special characters escaped, a line break read as a space); numbers are left alone."""

    def cell(value):
        return _md_line(value) if isinstance(value, str) else value

    return table.rename(columns=lambda c: cell(str(c))).map(cell)


_FIGURE = re.compile(r"[−+-]?[\d,]+(\.\d+)?\s*%?")


def _no_data_marks() -> tuple[str, ...]:
    return tuple(t("common.no_data", lang) for lang in ("ja", "en"))


def figure_columns(table: pd.DataFrame) -> tuple[str, ...]:
    """The columns whose every filled cell is a figure as shown ('1,234', '−5.2%', '12.5'), to align right."""
    return tuple(
        c
        for c in table.columns
        if (cells := [str(v) for v in table[c] if not is_missing(v) and str(v) not in ("", "—")])
        and all(_FIGURE.fullmatch(v) or v in _no_data_marks() for v in cells)
    )


def md_grid(table: pd.DataFrame, right: tuple[str, ...] = ()) -> str:
    """A table as one Markdown (GFM) table for st.markdown: every header and cell shown exactly as
    written (escaped as md_text, any line break read as a space, a missing cell blank), the columns named
    in `right` aligned right (figures). One Markdown text is parsed once; st.table parses each cell as
    Markdown of its own (a few dozen cells cost the browser tens of milliseconds)."""

    def cell(value) -> str:
        return "" if is_missing(value) else _md_line(str(value))

    head = "| " + " | ".join(cell(c) or "\u00a0" for c in table.columns) + " |"
    rule = "|" + "|".join("---:" if c in right else ":---" for c in table.columns) + "|"
    rows = ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join([head, rule, *rows])
