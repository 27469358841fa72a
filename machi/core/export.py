"""Tables that leave the screen keep their context: a CSV and an Excel workbook of a table as shown, with
its title, source, credit line, data date and the filters in force.

- CSV (UTF-8 with a BOM, so Excel reads it; formula-like text neutralised): the table first, headers in the
  reader's language with units and the values as shown, then a blank row and the context rows. The header
  stays the first row, so any tool reads the table; Excel shows the context below it.
- Excel (.xlsx, openpyxl): the context in the first rows (the title in bold), a blank row, then the table;
  numbers stay numbers where the screen shows them as numbers, under a number format that shows the digits
  the screen shows; the header row frozen.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pandas as pd

from machi.core.datasets import neutralise_formulas
from machi.core.text import t


@dataclass(frozen=True)
class Context:
    """What a file says about its table, each line already in the reader's language."""

    title: str
    lines: tuple[str, ...] = field(default=())  # source, credit line, data date, filters …


def context_rows(context: Context, lang: str) -> list[list[str]]:
    return [[context.title], *[[line] for line in context.lines]]


def to_csv(shown: pd.DataFrame, context: Context, lang: str) -> bytes:
    """The table as shown, then its context (see the module docstring)."""
    table = neutralise_formulas(shown.astype(object).where(shown.notna(), ""))
    text = table.to_csv(index=False, lineterminator="\r\n")
    notes = pd.DataFrame(context_rows(context, lang))
    text += "\r\n" + neutralise_formulas(notes).to_csv(index=False, header=False, lineterminator="\r\n")
    return b"\xef\xbb\xbf" + text.encode("utf-8")


_NUMBER = re.compile(r"^[−+-]?[\d,]+(\.(\d+))?(%?)$")


def _as_number(text: str) -> tuple[float, str] | None:
    """A shown number ("1,234", "16.1%", "−0.5") as (value, Excel number format); None if it is text."""
    m = _NUMBER.match(text.strip().replace("\u00a0", ""))
    if not m:
        return None
    decimals = len(m.group(2) or "")
    value = float(text.strip().replace(",", "").replace("%", "").replace("−", "-"))
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    if m.group(3):
        return value / 100, fmt.replace("#,##0", "0") + "%"
    return value, fmt


def to_xlsx(shown: pd.DataFrame, context: Context, lang: str, sheet: str = "table") -> bytes:
    """The context, then the table (see the module docstring): a cell shown as a plain number or percentage
    is a number in Excel, formatted to the digits shown."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    rows = context_rows(context, lang)
    for r in rows:
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", x) for x in r])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    header_row = len(rows) + 2
    ws.append([str(c) for c in shown.columns])
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    for record in shown.itertuples(index=False):
        values = []
        for v in record:
            if v is None or (isinstance(v, float) and pd.isna(v)):
                values.append(None)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                values.append(v)
            else:
                text = ILLEGAL_CHARACTERS_RE.sub("", str(v))
                values.append(
                    "'" + text
                    if text.startswith(("=", "+", "-", "@", "\t", "\r")) and _as_number(text) is None
                    else text
                )
        ws.append(values)
        for cell, v in zip(ws[ws.max_row], values):
            if isinstance(v, str) and (number := _as_number(v)):
                cell.value, cell.number_format = number
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    for i, column in enumerate(shown.columns, start=1):
        width = max([len(str(column)), *(len(str(v)) for v in shown.iloc[:, i - 1].head(200))], default=8)
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width * 1.6))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def file_stem(*parts: str) -> str:
    """A file name from its parts (municipality, section, data date): safe on every system."""
    return "_".join(re.sub(r"[^\w\-]+", "-", p).strip("-") for p in parts if p)


def data_date_label(date: str | None, lang: str) -> str:
    return t("export.data_date", lang, date=date or t("common.no_date", lang))
