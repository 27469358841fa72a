"""Starting the app (or any Streamlit script) in a real server, and reading what it sends: shared by the
benchmarks and the browser (e2e) tests."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from machi.core.serve import CHROMIUM_ARGS, Server, _free_port, server  # noqa: F401 (shared with the tests)

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def environment(changes: dict[str, str | None]):
    """Set (or, for None, remove) environment variables for the body; restore them after."""
    saved = {k: os.environ.get(k) for k in changes}
    try:
        for k, v in changes.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = str(v)
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MiB (Linux /proc; None elsewhere)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_finished(payload: bytes | str) -> str | None:
    """How a script run ended, when a websocket frame from the server says so: the name of its
    ForwardMsg.ScriptFinishedStatus (FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY …);
    None for any other frame."""
    if isinstance(payload, str):
        return None
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:
        return None
    if msg.WhichOneof("type") != "script_finished":
        return None
    return ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)


def finished_run(payload: bytes | str) -> bool:
    """Whether a websocket frame from the server says a script run (or fragment run) has finished,
    not cut short for a rerun."""
    return run_finished(payload) not in (None, "FINISHED_EARLY_FOR_RERUN")
