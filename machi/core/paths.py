"""Where the project's files live. `MACHI_DB` overrides the database path and `MACHI_DATA` the source
folder (tests, benchmarks)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
PACKAGE_DIR = ROOT / "machi"


def db_path() -> Path:
    """The DuckDB file the app and CLI use (default `data/machi.duckdb`)."""
    return Path(os.environ.get("MACHI_DB") or DATA_DIR / "machi.duckdb")


def data_dir() -> Path:
    """The folder of source files the database is built from (default `data/`)."""
    return Path(os.environ.get("MACHI_DATA") or DATA_DIR)
