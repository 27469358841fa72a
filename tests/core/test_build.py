"""The database build: atomic, fingerprinted, rebuilt when missing, corrupt or stale; a broken
source file is rejected with its row and column and leaves the previous database as it was."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from machi.core import build as b
from machi.core.db import connect_read_only
from machi.municipalities import MUNICIPALITIES
from tests.conftest import ROOT


@pytest.fixture()
def data_dir(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(ROOT / "data", d, ignore=shutil.ignore_patterns("*.duckdb", "*.wal", "*.tmp"))
    return d


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources_count(db: Path) -> int:
    con = connect_read_only(db)
    try:
        return con.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        con.close()


def test_build_stores_fingerprint_and_leaves_no_temp_files(tmp_path, data_dir):
    db = tmp_path / "m.duckdb"
    counts = b.build(MUNICIPALITIES, db, data_dir)
    assert counts["sources"] >= 4
    assert b.stored_fingerprint(db) == b.fingerprint(data_dir, MUNICIPALITIES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "m.duckdb"]


def test_schema_enforces_constraints(tmp_path, data_dir):
    db = tmp_path / "m.duckdb"
    b.build(MUNICIPALITIES, db, data_dir)
    con = duckdb.connect(str(db))
    try:
        with pytest.raises(duckdb.ConstraintException):  # primary key
            con.execute("INSERT INTO sources SELECT * FROM sources LIMIT 1")
        with pytest.raises(duckdb.ConstraintException):  # NOT NULL
            con.execute("UPDATE sources SET title_ja = NULL")
        with pytest.raises(duckdb.ConstraintException):  # CHECK on kind
            con.execute("UPDATE sources SET kind = 'rumour'")
    finally:
        con.close()


def test_missing_database_is_built(tmp_path, data_dir):
    db = tmp_path / "m.duckdb"
    result = b.ensure_database(MUNICIPALITIES, db, data_dir)
    assert result.rebuilt and sources_count(db) >= 4


def test_current_database_is_not_rebuilt(tmp_path, data_dir):
    db = tmp_path / "m.duckdb"
    b.build(MUNICIPALITIES, db, data_dir)
    before = digest(db)
    assert b.ensure_database(MUNICIPALITIES, db, data_dir).rebuilt is False
    assert digest(db) == before


def test_corrupt_database_is_rebuilt(tmp_path, data_dir):
    db = tmp_path / "m.duckdb"
    db.write_bytes(b"this is not a database" * 1000)
    result = b.ensure_database(MUNICIPALITIES, db, data_dir)
    assert result.rebuilt and result.error is None
    assert sources_count(db) >= 4


def test_stale_database_is_rebuilt_when_a_source_changes(tmp_path, data_dir):
    db = tmp_path / "m.duckdb"
    b.build(MUNICIPALITIES, db, data_dir)
    n = sources_count(db)
    csv = data_dir / "sources.csv"
    text = csv.read_text(encoding="utf-8")
    csv.write_text(
        text + "extra_source,web_page,大阪市,追加,Added,大阪市,Osaka City,,,,条件,terms,クレジット,,,\n",
        encoding="utf-8",
    )
    result = b.ensure_database(MUNICIPALITIES, db, data_dir)
    assert result.rebuilt
    assert sources_count(db) == n + 1


def _break(data_dir: Path, mutate) -> None:
    csv = data_dir / "sources.csv"
    csv.write_text(mutate(csv.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize(
    "mutate,expected",
    [
        (lambda s: s.replace(",document,", ",rumour,", 1), "row 2"),  # CHECK constraint, row named
        (lambda s: s.replace("source_id,kind", "source_id,kindx", 1), "row 1 (header)"),  # unknown column
        (lambda s: s.split("\n", 1)[0].replace(",title_en", "") + "\n", "missing column(s) title_en"),
        (lambda s: "", "empty"),
        (lambda s: s + s.split("\n")[1] + "\n", "Duplicate key"),  # duplicate primary key
        (lambda s: s.replace(",2016-04-01,", ",2016/04/01,", 1), "row 5"),  # bad date format
    ],
)
def test_broken_source_is_rejected_and_previous_database_kept(tmp_path, data_dir, mutate, expected):
    db = tmp_path / "m.duckdb"
    b.build(MUNICIPALITIES, db, data_dir)
    before = digest(db)
    _break(data_dir, mutate)
    with pytest.raises(b.BuildError) as info:
        b.build(MUNICIPALITIES, db, data_dir)
    assert "sources.csv" in str(info.value) and expected in str(info.value)
    if expected == "Duplicate key":  # the row named is the appended duplicate, the last one
        rows = (data_dir / "sources.csv").read_text(encoding="utf-8").count("\n")
        assert f"row {rows}:" in str(info.value)
    assert digest(db) == before  # exactly as it was
    assert sources_count(db) >= 4  # and still usable
    assert not list(tmp_path.glob(".*.tmp*"))
    # ensure_database keeps the previous database and reports why
    result = b.ensure_database(MUNICIPALITIES, db, data_dir)
    assert result.error and expected in str(result.error) and digest(db) == before


def test_bad_cell_type_names_row_and_column(tmp_path):
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INTEGER NOT NULL, b VARCHAR)")
    f = tmp_path / "t.csv"
    f.write_text("a,b\n1,x\nten,y\n", encoding="utf-8")
    with pytest.raises(b.BuildError, match=r"t.csv: row 3, column a: 'ten' is not a valid INTEGER"):
        b.load_csv(con, "t", f)


def test_broken_source_with_no_previous_database_raises(tmp_path, data_dir):
    _break(data_dir, lambda s: "")
    with pytest.raises(b.BuildError):
        b.ensure_database(MUNICIPALITIES, tmp_path / "m.duckdb", data_dir)
    assert not (tmp_path / "m.duckdb").exists()


def test_interrupted_build_leaves_previous_database(tmp_path, data_dir, monkeypatch):
    db = tmp_path / "m.duckdb"
    b.build(MUNICIPALITIES, db, data_dir)
    before = digest(db)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(b, "table_counts", interrupted)
    with pytest.raises(KeyboardInterrupt):
        b.build(MUNICIPALITIES, db, data_dir)
    assert digest(db) == before
    assert not list(tmp_path.glob(".*.tmp*"))


@pytest.mark.parametrize("how", ["build", "ensure_database"])  # `machi build`, and app processes starting
def test_three_builds_at_once_leave_a_valid_database(tmp_path, how):
    db = tmp_path / "m.duckdb"
    code = (
        f"from machi.core.build import {how}; from machi.municipalities import MUNICIPALITIES; "
        f"from pathlib import Path; {how}(MUNICIPALITIES, Path({str(db)!r}))"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT) for _ in range(3)]
    assert [p.wait(120) for p in procs] == [0, 0, 0]
    assert b.stored_fingerprint(db) == b.fingerprint(manifests=MUNICIPALITIES)
    assert sources_count(db) >= 4
    assert not list(tmp_path.glob(".*.tmp*"))


def test_load_csv_names_the_first_bad_row_whatever_is_wrong_with_it(tmp_path):
    """Rows are inserted together for speed; a file with a broken constraint high up and a bad cell further
    down is still reported at the first bad row, as when rows went in one at a time."""
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER CHECK (n >= 0))")
    path = tmp_path / "t.csv"
    path.write_text("id,n\n1,1\n1,2\n3,-1\n4,abc\n", encoding="utf-8")
    with pytest.raises(b.BuildError, match=r"^t\.csv: row 3: .*Duplicate key"):
        b.load_csv(con, "t", path)
    con.execute("DELETE FROM t")
    path.write_text("id,n\n1,1\n2,2\n3,-1\n4,abc\n", encoding="utf-8")
    with pytest.raises(b.BuildError, match=r"^t\.csv: row 4: .*CHECK"):
        b.load_csv(con, "t", path)
    con.execute("DELETE FROM t")
    path.write_text("id,n\n1,1\n2,2\n3,x\n", encoding="utf-8")
    with pytest.raises(b.BuildError, match=r"^t\.csv: row 4, column n: 'x' is not a valid INTEGER"):
        b.load_csv(con, "t", path)
    con.execute("DELETE FROM t")
    path.write_text("id,n\n1,1\n2,2\n", encoding="utf-8")
    assert b.load_csv(con, "t", path) == 2 and con.execute("SELECT count(*) FROM t").fetchone() == (2,)


def test_only_the_loading_code_is_in_the_fingerprint(tmp_path, data_dir):
    """An upgrade that changes screens or text leaves the database current; one that changes how the
    tables are loaded makes it out of date (finding 2 of 'runs all day': any code change did)."""
    files = {p.relative_to(ROOT).as_posix() for p in b.source_files(data_dir, MUNICIPALITIES) if p.suffix == ".py"}
    assert "machi/core/build.py" in files and "machi/osaka/housing.py" in files
    assert not {f for f in files if f.startswith(("machi/ui/", "pages/"))}
    assert "machi/ui/cache.py" not in files and "machi/core/brief.py" not in files and "app.py" not in files
