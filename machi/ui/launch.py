"""`python -m machi serve [STREAMLIT OPTIONS]`: the app in Streamlit's server, as `streamlit run app.py`
does, with what must be in place before the first browser arrives (for processes behind a proxy: a
browser that fails over from a stopped process may reach this one before any page has run here; see
shell.rerun_unknown_fragments_whole)."""

from __future__ import annotations

import contextlib
import gc
import importlib
import sys

from machi.core import paths

# What the server and the first runs would import anyway (the web server, plotly's JSON and trace classes,
# Streamlit's DataFrame path), imported here so that the freeze below takes them out of the collector's way.
SERVER_MODULES = (
    "streamlit.web.bootstrap",
    "uvicorn.main",
    "starlette.applications",
    "starlette.routing",
    "starlette.staticfiles",
    "starlette.websockets",
    "websockets.server",
    "pyarrow.pandas_compat",
    "plotly.io._json",
    "machi.ui.shell",
    "machi.municipalities",
)


def prepare() -> int:
    """Import what serving needs, then freeze the heap once, before any session exists: every object alive
    now (modules, classes, the libraries' tables) belongs to the process for its whole life, and a frozen
    object is one Python's full collection no longer walks (with it, each took about twice as long:
    docs/performance.md). Nothing of a session can be frozen here, as none exists yet; everything created
    later is collected as usual. Returns how many objects were frozen."""
    for name in SERVER_MODULES:
        # a module moved in another version is then imported when first used
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    from machi.municipalities import MUNICIPALITIES

    for m in MUNICIPALITIES:
        for part in ("logic", "charts", "manifest"):
            importlib.import_module(f"machi.{m.key}.{part}")
    _first_use()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def _first_use() -> None:
    """What a first chart and a first table load lazily (plotly's trace classes and JSON writer, Arrow's
    pandas conversion, narwhals' pandas backend), loaded on throwaway data."""
    import pandas as pd
    import plotly.graph_objects as go
    import pyarrow as pa

    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    pa.Table.from_pandas(frame)
    figure = go.Figure([go.Bar(x=frame["b"], y=frame["a"]), go.Scatter(x=frame["b"], y=frame["a"])])
    figure.to_json()


def serve(options: list[str]) -> int:
    from streamlit.web import cli as streamlit_cli

    from machi.ui import shell

    shell.rerun_unknown_fragments_whole()
    prepare()
    sys.argv = ["streamlit", "run", str(paths.ROOT / "app.py"), *options]
    try:
        streamlit_cli.main()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 0
    return 0
