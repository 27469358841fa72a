"""Keep Python's full garbage collection short in the long-running server.

After every script run Streamlit runs a full collection (`gc.collect(2)`, its `runner.postScriptGC`),
and the message that the run has finished waits for it: until then the browser shows the run as still
going and keeps the previous page's elements on screen. A full collection walks every object the
collector tracks, and pandas, plotly, DuckDB and Streamlit bring about 1.2 million of them — measured on
the benchmark machine, 120–200 ms after every run, more than the page's whole script.

Nearly all of those are modules, classes and functions that live as long as the process. Once a run has
imported new modules, `freeze_imported()` collects what is garbage now and moves everything still alive
into the permanent generation (`gc.freeze()`), which later collections skip. Frozen objects are still
freed as usual when their last reference goes; only a reference cycle among them that becomes garbage
later would stay (bounded: it happens only on the few runs that import modules, the first visits of a
process). The permanent generation is released again at exit, so DuckDB's bindings are torn down cleanly.
"""

from __future__ import annotations

import atexit
import gc
import sys

_modules_seen = 0


def freeze_imported() -> bool:
    """After a run: if modules were imported since the last call, collect and freeze the heap.
    Returns whether it froze (cheap to call on every run: one length comparison)."""
    global _modules_seen
    count = len(sys.modules)
    if count == _modules_seen:
        return False
    if not _modules_seen:
        atexit.register(gc.unfreeze)
    gc.collect()
    gc.freeze()
    _modules_seen = count
    return True
