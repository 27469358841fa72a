"""The sources registry: every document and official table the dashboard cites."""

from __future__ import annotations

from pathlib import Path

import duckdb

from machi.build import load_csv
from machi.registry import Dataset, Module


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    load_csv(con, "sources", data_dir / "sources.csv")


MODULE = Module(
    key="sources",
    order=0,
    schema=("schema_sources",),
    load=load,
    datasets=(
        Dataset(
            name="sources",
            query="sources",
            description_en="Every source document and official table, with license and credit line",
            description_ja="出典一覧（資料・公式統計表、利用条件とクレジット表記）",
        ),
    ),
)
