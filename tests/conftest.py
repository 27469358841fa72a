"""Shared fixtures: one database built for the whole test session (in a temp dir, via MACHI_DB)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: the test being set up or run, and whether it carries the marker e2e (read by browser_support)
CURRENT = {"nodeid": "", "e2e": False}


def pytest_runtest_setup(item):
    CURRENT["nodeid"] = item.nodeid
    CURRENT["e2e"] = item.get_closest_marker("e2e") is not None


def only_in_e2e(what: str) -> None:
    """A test that starts a server or a browser must carry the marker e2e (so `-m "not e2e"` stays quick)."""
    if not CURRENT["e2e"]:
        pytest.fail(f"{CURRENT['nodeid']} starts {what} but is not marked e2e", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def session_db(tmp_path_factory) -> Path:
    """Build the database once into a temp dir; app, CLI and AppTest use it through MACHI_DB."""
    from machi.core.build import build
    from machi.municipalities import MUNICIPALITIES

    db = tmp_path_factory.mktemp("db") / "machi.duckdb"
    previous = os.environ.get("MACHI_DB")
    os.environ["MACHI_DB"] = str(db)
    build(MUNICIPALITIES, db)
    yield db
    if previous is None:
        os.environ.pop("MACHI_DB", None)
    else:
        os.environ["MACHI_DB"] = previous


@pytest.fixture()
def con(session_db):
    from machi.core.db import connect_read_only

    c = connect_read_only(session_db)
    yield c
    c.close()
