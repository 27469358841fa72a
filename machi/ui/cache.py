"""What the server keeps between runs and sessions: the one read-only database connection, query results,
built figures and derived tables, and parsed data files. Every cache here is bounded.

- the database: one entry (rechecked against the source files every few seconds);
- query results: 512 entries, per database build (a rebuild makes new keys);
- figures: 256 entries; data files: 16 (one per file, version and simplification).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import pickle
import time
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from machi.core import build, datasets, db, paths
from machi.municipalities import MUNICIPALITIES

#: how often (seconds) a running app looks at the source files for changes
RECHECK_SECONDS = 2.0


# --- the database ---------------------------------------------------------------------------------


@dataclass
class Database:
    con: duckdb.DuckDBPyConnection
    fingerprint: str
    signature: tuple
    error: str | None = None
    checked_at: float = field(default_factory=time.monotonic)


def _still_current(database: Database) -> bool:
    now = time.monotonic()
    if now - database.checked_at < RECHECK_SECONDS:
        return True
    database.checked_at = now
    return build.stat_signature() == database.signature


@st.cache_resource(validate=_still_current, show_spinner=False, max_entries=1)
def database() -> Database:
    """One read-only connection for the whole server, built or rebuilt first when the database file
    is missing, unreadable or older than its sources."""
    signature = build.stat_signature()
    result = build.ensure_database(MUNICIPALITIES)
    return Database(db.connect_read_only(), result.fingerprint, signature, result.error)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(name: str, params: tuple, fingerprint: str) -> pd.DataFrame:
    return db.run_query(database().con, name, dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters; results cached per database build."""
    return _cached_query(name, tuple(sorted(params.items())), database().fingerprint)


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


def _data_file_hash(d: DataFile) -> tuple:
    return d.key


#: cache keys: DataFrames by a fast content hash, data files by path and modification time
_HASH_FUNCS = {pd.DataFrame: _frame_hash, pd.Series: _frame_hash, DataFile: _data_file_hash}


class FrozenFigure(go.Figure):
    """A figure that is never changed after it is built: its plain form (`to_dict`) is computed once.
    st.plotly_chart calls `to_dict()` on every run, a deep copy of the whole figure (the map's
    boundaries included); a figure shared by every session only needs it once."""

    def __init__(self, figure: go.Figure):
        super().__init__(figure)
        self._frozen_dict = super().to_dict()

    def to_dict(self) -> dict:
        return self._frozen_dict


@st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=_HASH_FUNCS)
def _figure(module: str, builder: str, args: tuple, kwargs: dict, titled: tuple[str, str] | None) -> FrozenFigure:
    built = getattr(importlib.import_module(module), builder)(*args, **kwargs)
    return FrozenFigure(with_title(built, *titled) if titled else built)


def figure(builder, *args, titled: tuple[str, str] | None = None, **kwargs) -> go.Figure:
    """`builder(*args, **kwargs)` (a chart function of a municipality's charts.py), built once per distinct
    input for the whole server (inputs are hashed; a figure is never changed after it is built); `titled`:
    (title, source line) written into the figure (see `with_title`)."""
    return _figure(builder.__module__, builder.__qualname__, args, kwargs, titled)


#: the room a title and its source line take at the top of a figure (px)
TITLE_ROOM = 58


def with_title(fig: go.Figure, title: str, source: str) -> go.Figure:
    """A copy of the figure with a title and, under it in small grey type, the source and data date, at the
    top left of the image; the plot keeps its height (the figure grows by the title's room)."""
    out = go.Figure(fig)
    height = out.layout.height or 450
    top = out.layout.margin.t if out.layout.margin.t is not None else 40
    source = wrap_line(source)
    room = TITLE_ROOM + 14 * source.count("<br>")
    out.update_layout(
        height=height + room,
        margin=dict(t=top + room),
        title=dict(
            text=f"<b>{title}</b>",
            x=0,
            xanchor="left",
            xref="container",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=6, l=6),
            font=dict(size=15),
            subtitle=dict(text=source, font=dict(size=11, color="#4a5562")),
        ),
    )
    if out.layout.legend.yref == "container":  # a legend at the very top goes below the title
        out.update_layout(legend=dict(y=1 - room / (height + room)))
    return out


def wrap_line(text: str, width: int = 110) -> str:
    """A line of small print broken for a figure (plotly does not wrap): at about `width` narrow
    characters, a wide (Japanese) character counting as two."""
    import unicodedata

    lines, line, used = [], "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width and ch != " ":
            cut = line.rfind(" ") if w != 2 else -1
            if cut > width // 2:
                lines.append(line[:cut])
                line, used = line[cut + 1 :], len(line[cut + 1 :])
            else:
                lines.append(line)
                line, used = "", 0
        line += ch
        used += w
    return "<br>".join([*lines, line])


@st.cache_resource(show_spinner=False, max_entries=16)
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
