"""Running all day: the findings of the reliability probe, each as a test (in this process; the
server and proxy cases are in tests/test_deploy.py, the hour-long run is a benchmark).

1. departed sessions are freed (nothing freezes the heap);
2. a data folder that takes no database (read-only, full) never crashes a page or the CLI, and a
   failed build is not retried on every run;
5. a database damaged while the app runs is noticed and rebuilt;
6. Streamlit's "clear cache" message cannot empty the shared caches;
8. a build killed at any point leaves nothing behind after the next start.
(3, 4, 7: tests/test_bad_input.py, this file's config test, tests/osaka/test_housing.py.)
"""

from __future__ import annotations

import errno
import gc
import os
import subprocess
import sys
import time
import tomllib
import types
import weakref
from pathlib import Path

import duckdb
import pytest

from machi.core import build as b
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from machi.yao import logic as yao
from machi.yao.permit.examples import examples
from tests.apptest_support import open_page
from tests.conftest import ROOT


@pytest.fixture()
def fresh_app(tmp_path, monkeypatch):
    """The app's caches emptied, its database in `tmp_path/db/`, and emptied again after."""
    from machi.ui import cache

    db = tmp_path / "db" / "machi.duckdb"
    monkeypatch.setenv("MACHI_DB", str(db))
    monkeypatch.setattr(b.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    cache.forget_database()
    cache._cached_query.clear()
    yield db
    cache.forget_database()
    cache._cached_query.clear()


def no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


# --- 1. departed sessions are freed ---------------------------------------------------------------


def test_a_departed_sessions_objects_are_freed_and_nothing_is_frozen():
    """The heap freeze moved every live object, sessions' widget records and DataFrames included, to a
    generation the collector never visits: 20 sessions left 746 widget records behind."""
    gc.collect()
    at = open_page("yao", "ja", s=yao.encode_scenario(examples()[0]))
    no_exception(at)
    state = at.session_state._state  # the session's own state: its widget records point at page values
    gone = weakref.ref(state)
    assert gc.get_freeze_count() == 0
    del at, state
    gc.collect()
    assert gone() is None, gc.get_referrers(gone())


def test_the_server_runs_no_full_collection_after_every_run():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
    assert config["client"]["showErrorDetails"] == "none"  # 4: no traceback or server path on screen


# --- 2. a data folder that takes no database --------------------------------------------------------

# as DuckDB says them: with the file's full path, which must never reach the screen
READ_ONLY = duckdb.IOException(
    'IO Error: Cannot open file "/srv/machi/data/.machi.duckdb.1.tmp": Read-only file system'
)
FULL = duckdb.FatalException('FATAL Error: Could not write file "/srv/machi/data/x.tmp": No space left on device')


def _refuse_writes_in(monkeypatch, folder: Path, fault: Exception) -> None:
    """DuckDB cannot create a file in `folder` or below, and nothing there can be removed (as on a
    read-only or full disk)."""
    real_connect, real_unlink = duckdb.connect, Path.unlink

    def connect(database=":memory:", *args, **kwargs):
        if Path(str(database)).is_relative_to(folder) and not kwargs.get("read_only"):
            raise fault
        return real_connect(database, *args, **kwargs)

    def unlink(self, missing_ok=False):
        if self.is_relative_to(folder):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(duckdb, "connect", connect)
    monkeypatch.setattr(Path, "unlink", unlink)


@pytest.mark.parametrize("fault", [READ_ONLY, FULL], ids=["read_only", "disk_full"])
def test_a_folder_that_takes_no_database_builds_one_in_the_temporary_folder(fresh_app, monkeypatch, fault):
    db = fresh_app
    db.parent.mkdir()
    _refuse_writes_in(monkeypatch, db.parent, fault)
    result = b.ensure_database(MUNICIPALITIES, db)
    assert result.path == b.spare_path(db) and result.rebuilt and result.error is None
    assert result.path.parent.stat().st_mode & 0o777 == 0o700  # a folder of this user's own
    assert not db.exists() and list(db.parent.iterdir()) == []
    again = b.ensure_database(MUNICIPALITIES, db)
    assert again.path == result.path and not again.rebuilt  # built once, then reused
    for page in ("osaka", "zushi", None):
        at = open_page(page, "en")
        no_exception(at)
        assert not at.error and not at.warning


def test_an_older_database_in_a_read_only_folder_is_served_with_a_banner(fresh_app, monkeypatch, tmp_path):
    """Code upgraded on a read-only install: the loading code changed, the data did not. The old database
    is served, and the page says the data may be out of date, in plain words."""
    db = fresh_app
    b.build(MUNICIPALITIES, db)
    monkeypatch.setattr(b, "fingerprint", lambda *a, **k: "0" * 64)  # the sources moved on
    _refuse_writes_in(monkeypatch, db.parent, READ_ONLY)
    monkeypatch.setattr(b.tempfile, "tempdir", str(db.parent))  # and no spare folder either
    at = open_page("osaka", "en")
    no_exception(at)
    assert len(at.warning) >= 1
    banner = at.warning[0].value
    assert "read-only" in banner and "/srv" not in banner and str(db.parent) not in banner and "Traceback" not in banner


def test_no_database_anywhere_is_one_plain_error_and_not_retried_every_run(fresh_app, monkeypatch):
    from machi.ui import cache

    db = fresh_app
    db.parent.mkdir()
    _refuse_writes_in(monkeypatch, db.parent, READ_ONLY)
    monkeypatch.setattr(b.tempfile, "tempdir", str(db.parent))
    calls = []
    real = b.ensure_database
    monkeypatch.setattr(b, "ensure_database", lambda *a, **k: calls.append(1) or real(*a, **k))
    for _ in range(3):
        at = open_page("osaka", "ja")
        no_exception(at)
        assert len(at.error) == 1 and t("db.storage_reason.read_only", "ja") in at.error[0].value
        assert str(db.parent) not in at.error[0].value and "/srv" not in at.error[0].value
    assert len(calls) == 1  # tried once; the next runs within RETRY_SECONDS say the same without building
    monkeypatch.setattr(cache, "RETRY_SECONDS", 0.0)
    open_page("osaka", "ja")
    assert len(calls) > 1  # and tried again once the pause is over


def test_the_cli_on_a_read_only_database_path_still_answers(tmp_path, monkeypatch, capsys):
    """MACHI_DB under /proc (a file system nobody can write, root included): the CLI builds in the
    temporary folder; when that cannot be written either, one plain line and exit 1."""
    from machi.cli import main

    if not Path("/proc/self").exists():
        pytest.skip("needs Linux /proc")
    env = {**os.environ, "MACHI_DB": "/proc/machi/machi.duckdb", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "machi", "datasets"], env=env, cwd=ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert b"osaka" in done.stdout and b"Traceback" not in done.stderr
    monkeypatch.setenv("MACHI_DB", "/proc/machi/machi.duckdb")
    monkeypatch.setattr(b.tempfile, "tempdir", "/proc/machi-tmp")  # and no temporary folder either
    assert main(["datasets"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("machi: ") and len(err.strip().splitlines()) == 1, err


# --- 5. a database damaged while the app runs ----------------------------------------------------------


def _damage(db: Path, keep_stat: bool) -> None:
    """Overwrite the middle of the file with garbage (in place, same inode); `keep_stat`: with its size
    and modification time as they were, so only reading it shows the damage."""
    st = db.stat()
    with db.open("r+b") as fh:
        fh.seek(12_288)
        fh.write(os.urandom(st.st_size - 16_384))
    if keep_stat:
        os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize("keep_stat", [False, True], ids=["file_changed", "same_size_and_time"])
def test_a_database_damaged_while_running_is_rebuilt(fresh_app, monkeypatch, keep_stat):
    from machi.ui import cache

    db = fresh_app
    monkeypatch.setattr(cache, "RECHECK_SECONDS", 0.0)
    no_exception(open_page("osaka", "en"))
    inode = db.stat().st_ino
    _damage(db, keep_stat)
    cache._cached_query.clear()  # the queries must reach the file again
    for page, query in [("osaka", {"tab": "kinds"}), ("zushi", {}), ("asaka", {}), ("osaka", {"tab": "2013"})]:
        at = open_page(page, "en", **query)
        no_exception(at)
        assert not at.error
    assert db.stat().st_ino != inode and b.stored_fingerprint(db) is not None  # a new file, every table reads back


# --- 6. clear-cache messages ----------------------------------------------------------------------------


def test_a_clients_clear_cache_message_leaves_the_shared_caches(fresh_app):
    """What Streamlit does on a browser's "clear cache" message, done here: the app's caches keep their
    entries and the database connection."""
    from streamlit.runtime.app_session import AppSession

    from machi.ui import cache

    no_exception(open_page("osaka", "ja"))
    connection, queries = cache.database(), len(cache._cached_query)
    assert queries > 0
    AppSession._handle_clear_cache_request(types.SimpleNamespace(_session_state={}))
    assert cache.database() is connection and len(cache._cached_query) == queries


def test_memo_is_bounded_and_keys_frames_by_content():
    import pandas as pd

    from machi.ui.cache import Memo

    calls = []
    memo = Memo(lambda df, n: calls.append(1) or len(df) + n, max_entries=2)
    a, a2 = pd.DataFrame({"x": [1, 2]}), pd.DataFrame({"x": [1, 2]})
    assert memo(a, 1) == 3 and memo(a2, 1) == 3 and len(calls) == 1  # equal content: one entry
    memo(a, 2), memo(a, 3)
    assert len(memo) == 2 and len(calls) == 3
    memo(a, 1)  # dropped as the least recently used
    assert len(calls) == 4


# --- 8. builds killed part way --------------------------------------------------------------------------


def test_leftovers_of_dead_builds_are_removed_and_live_ones_kept(tmp_path):
    db = tmp_path / "machi.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        names = [
            f".machi.duckdb.{dead_pid}.0123abcd.tmp",
            f".machi.duckdb.{dead_pid}.0123abcd.tmp.wal",
            f".machi.duckdb.{live.pid}.89abcdef.tmp",
            "other.txt",
        ]
        for name in names:
            (tmp_path / name).write_bytes(b"x")
        removed = b.remove_leftovers(db)
        assert sorted(p.name for p in removed) == sorted(names[:2])
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])
    finally:
        live.kill()
        live.wait()


def test_builds_killed_at_any_point_leave_nothing_after_the_next(tmp_path):
    """kill -9 of `python -m machi build` at several points of its writing (each time once its temporary
    file exists), then one more build: only the database is left."""
    db = tmp_path / "machi.duckdb"
    env = {**os.environ, "MACHI_DB": str(db)}
    command = [sys.executable, "-m", "machi", "build"]
    killed = 0
    for delay in (0.0, 0.05, 0.15, 0.3):
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and not list(tmp_path.glob(".machi.duckdb.*.tmp")):
            time.sleep(0.005)
        time.sleep(delay)
        if proc.poll() is None:
            proc.kill()
            killed += 1
        proc.wait()
    assert killed >= 2 and list(tmp_path.glob(".machi.duckdb.*.tmp*"))  # leftovers there to be removed
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["machi.duckdb"]
    assert b.stored_fingerprint(db) is not None


def test_serve_freezes_the_libraries_before_any_session_exists():
    """`machi serve` freezes the heap once, at start: the libraries' objects leave the full collection's
    walk (each took about twice as long without), and no session exists yet that could be frozen with them."""
    code = (
        "import gc\n"
        "from streamlit.runtime import Runtime\n"
        "from machi.ui import launch\n"
        "frozen = launch.prepare()\n"
        "assert not Runtime.exists()\n"
        "import sys; assert 'plotly.graph_objs._bar' in sys.modules and 'uvicorn.main' in sys.modules\n"
        "print(frozen, gc.get_freeze_count(), len(gc.get_objects()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    frozen, count, unfrozen = map(int, done.stdout.split())
    assert frozen == count > 50_000  # the libraries, about 130,000 objects
    assert unfrozen < frozen / 10  # the collector walks almost nothing of them
