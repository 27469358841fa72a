"""SQL files by name, and queries run on their own cursor."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from machi.core import paths


@cache
def sql(name: str) -> str:
    """The text of queries/<name>.sql (a name may have a folder: "zushi/programs")."""
    path = paths.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {paths.QUERIES_DIR}")
    return path.read_text(encoding="utf-8")


def connect_read_only(db: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the built database (the app and CLI never write to it)."""
    return duckdb.connect(str(db or paths.db_path()), read_only=True)


def run_query(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters, on a cursor of its own (a shared connection
    refuses concurrent calls), and return a DataFrame."""
    cur = con.cursor()
    try:
        df = cur.execute(sql(name), params or {}).df()
    finally:
        cur.close()
    # Missing text comes back as NaN from pandas' string dtype; pages and exports want None.
    for column in df.columns:
        if pd.api.types.is_string_dtype(df[column]):
            df[column] = df[column].astype(object).where(df[column].notna(), None)
    return df
