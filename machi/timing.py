"""Server-side script timing for the benchmark (`python -m machi bench`).

When the environment variable MACHI_TIMINGS names a file, every run of app.py appends one JSON line:
{"page": <url path>, "ms": <script time>, "outcome": "ok" | "rerun" | "stop" | "error", "t0": <start>,
"t1": <end>} (t0/t1: time.perf_counter() of this process, to line runs up with what a client saw).
When MACHI_PROFILE names a directory, every run is also profiled (cProfile) into <page>-<n>.prof there.
Unset (the normal case), this costs two environment lookups per run.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager


class ScriptRun:
    page: str = "?"


@contextmanager
def script_run():
    """Time the body (one run of the entry script); the body sets `.page` once it knows it."""
    path = os.environ.get("MACHI_TIMINGS")
    profile_dir = os.environ.get("MACHI_PROFILE")
    run = ScriptRun()
    if not path and not profile_dir:
        yield run
        return
    profiler = None
    if profile_dir:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    outcome = "error"
    try:
        yield run
        outcome = "ok"
    except BaseException as exc:  # Streamlit's rerun/stop are exceptions that end the run
        name = type(exc).__name__
        outcome = "rerun" if "Rerun" in name else "stop" if "Stop" in name else "error"
        raise
    finally:
        end = time.perf_counter()
        ms = round((end - start) * 1000, 3)
        if profiler is not None:
            profiler.disable()
            os.makedirs(profile_dir, exist_ok=True)
            profiler.dump_stats(os.path.join(profile_dir, f"{run.page}-{time.time_ns()}.prof"))
        if path:
            with open(path, "a", encoding="utf-8") as fh:
                line = {"page": run.page, "ms": ms, "outcome": outcome, "t0": start, "t1": end}
                fh.write(json.dumps(line) + "\n")
