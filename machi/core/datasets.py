"""The named datasets that `python -m machi export` and the pages share, and their file formats."""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from machi.core.db import run_query
from machi.core.manifest import Dataset

if TYPE_CHECKING:
    from collections.abc import Sequence

    from machi.core.manifest import Manifest

#: Leading characters a spreadsheet reads as a formula (OWASP CSV injection), plus tab and CR.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


#: the dataset every build has: the sources every other table cites
SOURCES = Dataset(
    name="sources",
    query="core/sources",
    description_en="Every source document and official table, with license and credit line",
    description_ja="出典一覧（資料・公式統計表、利用条件とクレジット表記）",
)


class UnknownDataset(KeyError):
    def __init__(self, name: str, valid: Sequence[str]):
        self.name = name
        self.valid = tuple(valid)
        super().__init__(name)

    def __str__(self) -> str:
        return f"unknown dataset {self.name!r}; valid names: {', '.join(self.valid)}"


def datasets(manifests: Sequence[Manifest]) -> dict[str, Dataset]:
    """Every dataset by name: the sources first, then each municipality's, in the list's order."""
    return {d.name: d for d in (SOURCES, *(d for m in manifests for d in m.datasets))}


def get(manifests: Sequence[Manifest], name: str) -> Dataset:
    found = datasets(manifests)
    try:
        return found[name]
    except KeyError:
        raise UnknownDataset(name, found) from None


def load(con: duckdb.DuckDBPyConnection, dataset: Dataset) -> pd.DataFrame:
    """The whole dataset as a DataFrame."""
    return run_query(con, dataset.query)


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy where every text cell that a spreadsheet would run as a formula is prefixed with `'`.
    Numeric columns are left alone: a number cannot carry a formula; nor can a text that is a plain signed
    number as shown ("+0.291", "-5", "+14.7%"), which a spreadsheet reads as that number."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(
                lambda v: (
                    "'" + v
                    if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.match(v)
                    else v
                )
            )
    return out


_PLAIN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})*|\d+)(\.\d+)?%?$")


def to_csv(df: pd.DataFrame, excel: bool = False) -> bytes:
    """UTF-8 CSV with a header row. `excel=True`: with a BOM (so Excel reads UTF-8) and formula
    cells neutralised."""
    if excel:
        df = neutralise_formulas(df)
    text = df.to_csv(index=False, lineterminator="\r\n" if excel else "\n")
    return (b"\xef\xbb\xbf" if excel else b"") + text.encode("utf-8")


def to_json(df: pd.DataFrame) -> str:
    """A JSON list of objects: numbers as numbers, missing values as null."""
    records = []
    for row in df.to_dict(orient="records"):
        records.append({k: _json_value(v) for k, v in row.items()})
    return json.dumps(records, ensure_ascii=False, indent=1)


def _json_value(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):  # numpy scalar
        return _json_value(v.item())
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def sources_for_reader(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The sources as a reader's table: title (with the Japanese beside an English one), publisher, date,
    terms of use and credit line, headed in the reader's language."""
    from machi.core import fmt
    from machi.core.text import in_language, t

    return pd.DataFrame(
        {
            t("sources.title", lang): [
                t("common.name_with_original", lang, name=in_language(s, "title", lang), ja=s.title_ja)
                for s in sources.itertuples()
            ],
            t("sources.publisher", lang): [
                t("sources.publisher_value", lang, ja=s.publisher_ja, en=s.publisher_en) for s in sources.itertuples()
            ],
            t("sources.date", lang): [fmt.source_date(s.date, s.date_kind, lang) for s in sources.itertuples()],
            t("sources.license", lang): [in_language(s, "license", lang) for s in sources.itertuples()],
            t("sources.credit", lang): list(sources.credit_ja),
        }
    )


def to_xlsx(df: pd.DataFrame, sheet: str = "data") -> bytes:
    """An Excel workbook of the dataset as `export` gives it: the header row (bold, frozen) and the rows,
    numbers as numbers, missing values empty, text that a spreadsheet would run as a formula prefixed with '."""
    import io

    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in df.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in neutralise_formulas(df).itertuples(index=False):
        values = [_json_value(v) for v in row]
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
