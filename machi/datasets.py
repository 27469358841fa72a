"""The named datasets that `python -m machi export` and the pages share, and their file formats."""

from __future__ import annotations

import json
import math

import duckdb
import pandas as pd

from machi.db import run_query
from machi.registry import Dataset, datasets

#: Leading characters a spreadsheet reads as a formula (OWASP CSV injection), plus tab and CR.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class UnknownDataset(KeyError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(name)

    def __str__(self) -> str:
        return f"unknown dataset {self.name!r}; valid names: {', '.join(datasets())}"


def get(name: str) -> Dataset:
    try:
        return datasets()[name]
    except KeyError:
        raise UnknownDataset(name) from None


def load(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """The whole dataset `name` as a DataFrame."""
    return run_query(con, get(name).query)


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy where every text cell that a spreadsheet would run as a formula is prefixed with `'`.
    Numeric columns are left alone: a number cannot carry a formula."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v
            )
    return out


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
