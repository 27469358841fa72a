"""Shared fixtures: one database built for the whole test session (in a temp dir, via MACHI_DB)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def session_db(tmp_path_factory) -> Path:
    """Build the database once into a temp dir; app, CLI and AppTest use it through MACHI_DB."""
    from machi.build import build

    db = tmp_path_factory.mktemp("db") / "machi.duckdb"
    previous = os.environ.get("MACHI_DB")
    os.environ["MACHI_DB"] = str(db)
    build(db)
    yield db
    if previous is None:
        os.environ.pop("MACHI_DB", None)
    else:
        os.environ["MACHI_DB"] = previous


@pytest.fixture()
def con(session_db):
    from machi.db import connect_read_only

    c = connect_read_only(session_db)
    yield c
    c.close()
