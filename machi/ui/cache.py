"""What the server keeps between runs and sessions: the one read-only database connection, query results,
built figures and parsed data files. Every cache here is bounded, and each is this process's own:

- the database: one connection (rechecked against the source files and the database file every few
  seconds; a damaged file is noticed on its first failed query and rebuilt);
- query results: 512 entries, per database build (a rebuild makes new keys);
- figures: 256 entries; data files: 16 (one per file, version and simplification).

None of them is Streamlit's `st.cache_data`/`st.cache_resource`: any browser can send Streamlit's
"clear cache" message, which empties those for every session of the process (a rebuild of everything,
and with a script sending it, a server kept busy). Streamlit's own session state is all that message
can clear, and only the sender's.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import logging
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import plotly.graph_objects as go

from machi.core import build, datasets, db, paths
from machi.core.charts import CHAMBER_MIN_FONT, enlarged
from machi.municipalities import MUNICIPALITIES

log = logging.getLogger(__name__)

#: how often (seconds) a running app looks at the source files and the database file for changes
RECHECK_SECONDS = 2.0
#: after a failed build, how long (seconds) the same sources are not tried again
RETRY_SECONDS = 30.0


class Memo:
    """A bounded, thread-safe memo of a pure function's results, least recently used dropped first.

    Keys are made by `key_of` from the arguments (DataFrames by a content hash, data files by path and
    version). Two sessions asking for the same missing entry at once may both compute it; the results
    are equal, and the entry is stored once."""

    def __init__(self, fn: Callable, max_entries: int, ttl: float | None = None) -> None:
        self.fn, self.max_entries, self.ttl = fn, max_entries, ttl
        self._entries: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.__wrapped__ = fn
        self.__doc__ = fn.__doc__

    def __call__(self, *args, **kwargs):
        key = key_of((args, kwargs))
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and (self.ttl is None or now - hit[0] < self.ttl):
                self._entries.move_to_end(key)
                return hit[1]
        value = self.fn(*args, **kwargs)
        with self._lock:
            self._entries[key] = (now, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def memo(max_entries: int, ttl: float | None = None) -> Callable[[Callable], Memo]:
    """Decorator form of :class:`Memo`."""
    return lambda fn: Memo(fn, max_entries, ttl)


def key_of(value) -> Any:
    """A hashable key for a value: DataFrames and Series by a fast content hash, data files by their key,
    containers by their items; anything else unhashable by its pickled form."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return ("frame", _frame_hash(value))
    if isinstance(value, DataFile):
        return ("file", value.key)
    if isinstance(value, dict):
        return ("dict", tuple((k, key_of(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(key_of(v) for v in value))
    try:
        hash(value)
    except TypeError:
        return ("pickle", hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=20).digest())
    return value


# --- the database ---------------------------------------------------------------------------------


@dataclass(eq=False)
class Database:
    con: duckdb.DuckDBPyConnection
    fingerprint: str
    signature: tuple
    path: Path
    error: build.BuildError | None = None
    checked_at: float = field(default_factory=time.monotonic)
    _busy: int = 0
    _closed: bool = False
    _gate: threading.Condition = field(default_factory=threading.Condition)

    @contextlib.contextmanager
    def use(self):
        """The connection, for one query: a connection being closed is not handed out (the caller runs the
        query again on the new one), and close() waits for the queries under way."""
        with self._gate:
            if self._closed:
                raise duckdb.ConnectionException("the database was replaced")
            self._busy += 1
        try:
            yield self.con
        finally:
            with self._gate:
                self._busy -= 1
                self._gate.notify_all()

    def close(self, wait: float = 10.0) -> None:
        with self._gate:
            self._closed = True
            self._gate.wait_for(lambda: self._busy == 0, timeout=wait)
        with contextlib.suppress(duckdb.Error):
            self.con.close()


@dataclass
class _Failure:
    signature: tuple
    problem: build.BuildError
    at: float


_lock = threading.Lock()
_current: Database | None = None
_failure: _Failure | None = None


def _signature() -> tuple:
    return build.stat_signature(manifests=MUNICIPALITIES, db=paths.db_path())


def _still_current(database: Database) -> bool:
    now = time.monotonic()
    if now - database.checked_at < RECHECK_SECONDS:
        return True
    database.checked_at = now
    return _signature() == database.signature


def database() -> Database:
    """One read-only connection for the whole server, built or rebuilt first when the database file
    is missing, unreadable, damaged or older than its sources. Raises BuildError when no database can
    be had; the same failure is not retried for RETRY_SECONDS unless the files change."""
    global _current, _failure
    current = _current
    if current is not None and _still_current(current):
        return current
    with _lock:
        if _current is not None and _current is not current:  # another session just did it
            return _current
        _close_current()  # DuckDB shares one open file per path in a process: let go before reopening
        signature = _signature()
        failure = _failure
        if failure and failure.signature == signature and time.monotonic() - failure.at < RETRY_SECONDS:
            raise failure.problem.with_traceback(None)
        try:
            result = build.ensure_database(MUNICIPALITIES)
            con = db.connect_read_only(result.path)
        except (build.BuildError, OSError, duckdb.Error) as exc:
            problem = exc if isinstance(exc, build.BuildError) else build.storage_problem(exc)
            _failure = _Failure(signature, problem, time.monotonic())
            log.error("no database: %s", problem)
            raise problem from None
        _failure = None
        _current = Database(con, result.fingerprint, _signature(), result.path, result.error)
        return _current


def _close_current() -> None:
    """Close the connection in use (called under _lock), once the queries under way on it have finished;
    a session that asks for it meanwhile gets the new one."""
    global _current
    if _current is not None:
        _current.close()
        _current = None


def forget_database() -> None:
    """Close the connection (the next call to `database()` checks the file again and rebuilds it if
    needed), and forget a failed build."""
    global _failure
    with _lock:
        _close_current()
        _failure = None


@memo(max_entries=512)
def _cached_query(name: str, params: tuple, fingerprint: str) -> pd.DataFrame:
    with database().use() as con:
        return db.run_query(con, name, dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters; results cached per database build. A result is
    shared by every session: it comes back as a (cheap, copy-on-write) copy, so no page can change it.

    A query that fails because the connection was replaced meanwhile is run again on the new one; one
    that fails because the database file was damaged under the running app rebuilds it first. Where no
    database can be had, BuildError (the app's shell shows it as a plain message)."""
    args = tuple(sorted(params.items()))
    for _ in range(3):
        used = database()
        try:
            return _cached_query(name, args, used.fingerprint).copy(deep=False)
        except duckdb.Error:
            with _lock:
                if used is not _current:
                    continue  # replaced while it ran: run it again on the new one
                if build.stored_fingerprint(used.path) == used.fingerprint:
                    raise  # the database is sound: a fault of the query itself
                log.warning("the database file was damaged while running; rebuilding it")
                _close_current()
    return _cached_query(name, args, database().fingerprint).copy(deep=False)  # BuildError: see AppRun.show


def dataset(name: str) -> pd.DataFrame:
    """A whole named dataset (as `python -m machi export NAME` gives it)."""
    return query(datasets.get(MUNICIPALITIES, name).query)


# --- figures and derived values -------------------------------------------------------------------


def _frame_hash(df: pd.DataFrame | pd.Series) -> bytes:
    """A fast content hash for cache keys (Streamlit's default hashes every cell; 10-15× slower)."""
    return hashlib.blake2b(pickle.dumps(df, protocol=5), digest_size=20).digest()


class DataFile(dict):
    """The parsed content of a JSON file of data/. Caches key it by the file's path and modification
    time instead of hashing its content (the ward GeoJSON is 400 KB). Shared: never changed."""

    def __init__(self, content: dict, key: tuple):
        super().__init__(content)
        self.key = key


class FrozenFigure(go.Figure):
    """A figure that is never changed after it is built: its plain form (`to_dict`) is computed once.
    st.plotly_chart calls `to_dict()` on every run, a deep copy of the whole figure (the map's
    boundaries included); a figure shared by every session only needs it once."""

    def __init__(self, figure: go.Figure):
        super().__init__(figure)
        self._frozen_dict = super().to_dict()

    def to_dict(self) -> dict:
        return self._frozen_dict


@memo(max_entries=256)
def _figure(
    module: str, builder: str, args: tuple, kwargs: dict, titled: tuple[str, str] | None, big: bool
) -> FrozenFigure:
    built = getattr(importlib.import_module(module), builder)(*args, **kwargs)
    if big:
        built = enlarged(built)
    return FrozenFigure(with_title(built, *titled, big=big) if titled else built)


def figure(builder, *args, titled: tuple[str, str] | None = None, big: bool = False, **kwargs) -> go.Figure:
    """`builder(*args, **kwargs)` (a chart function of a municipality's charts.py), built once per distinct
    input for the whole server (inputs are hashed; a figure is never changed after it is built); `titled`:
    (title, source line) written into the figure (see `with_title`); `big`: drawn for the chamber's screen
    (machi.core.charts.enlarged)."""
    return _figure(builder.__module__, builder.__qualname__, args, kwargs, titled, big)


#: the room a title and its source line take at the top of a figure (px)
TITLE_ROOM = 58


def with_title(fig: go.Figure, title: str, source: str, big: bool = False) -> go.Figure:
    """A copy of the figure with a title and, under it in small grey type, the source and data date, at the
    top left of the image; the plot keeps its height (the figure grows by the title's room). `big`: for the
    chamber's screen, the source line alone at the chart's smallest size (the screen's bar and heading
    name the section; the chamber has no image export)."""
    out = go.Figure(fig)
    height = out.layout.height or 450
    top = out.layout.margin.t if out.layout.margin.t is not None else 40
    if big:
        source = wrap_line(source, 160)  # the chamber's screen is about twice as wide as the page
        line = round(CHAMBER_MIN_FONT * 1.35)
        # plotly sets a title of several lines up by its extra lines: the padding brings the first one back
        pad = dict(t=8 + line * source.count("<br>"), l=6)
        heading = dict(text=source, font=dict(size=CHAMBER_MIN_FONT, color="#3d4650", weight="normal"), pad=pad)
        room = 14 + line * (source.count("<br>") + 1)
    else:
        source = wrap_line(source)
        subtitle = dict(text=source, font=dict(size=11, color="#4a5562"))
        heading = dict(text=f"<b>{title}</b>", font=dict(size=15), subtitle=subtitle)
        room = TITLE_ROOM + 14 * source.count("<br>")
    out.update_layout(
        height=height + room,
        margin=dict(t=top + room),
        title=dict(x=0, xanchor="left", xref="container", y=1, yref="container", yanchor="top", pad=dict(t=6, l=6))
        | heading,
    )
    if out.layout.legend.yref == "container":  # a legend at the very top goes below the title
        out.update_layout(legend=dict(y=1 - room / (height + room)))
    return out


def wrap_line(text: str, width: int = 110) -> str:
    """A line of small print broken for a figure (plotly does not wrap): at about `width` narrow
    characters, a wide (Japanese) character counting as two; at a space where there is one, and never
    inside a number or date ("（2023年", not "（20" and "23年")."""
    import unicodedata

    def size(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    lines, line, used = [], "", 0
    for ch in text:
        w = size(ch)
        if used + w > width and ch != " ":
            cut = line.rfind(" ") if w != 2 else -1
            run = len(line) - len(line.rstrip("0123456789.,:/-()（")) if w != 2 else 0  # a number, a date
            if cut <= width // 2 and 0 < run < len(line) // 2:
                lines.append(line[:-run])  # break before the number
                line = line[-run:]
            elif cut > width // 2:
                lines.append(line[:cut])
                line = line[cut + 1 :]
            else:
                lines.append(line)
                line = ""
            used = size(line)
        line += ch
        used += w
    return "<br>".join([*lines, line])


@memo(max_entries=16)
def _read_json(path: str, mtime_ns: int, simplify_with: tuple | None) -> DataFile:
    with open(path, encoding="utf-8") as fh:
        content = json.load(fh)
    if simplify_with:
        module, name, tolerance = simplify_with
        content = getattr(importlib.import_module(module), name)(content, tolerance)
    return DataFile(content, (path, mtime_ns, simplify_with))


def data_json(relative: str, simplify=None, tolerance: float | None = None) -> DataFile:
    """A JSON/GeoJSON file of data/ (read once; reread when it changes), optionally passed through
    `simplify(content, tolerance)` (a pure function, e.g. a GeoJSON simplified for drawing)."""
    path = paths.data_dir() / relative
    how = (simplify.__module__, simplify.__qualname__, tolerance) if simplify else None
    return _read_json(str(path), path.stat().st_mtime_ns, how)
