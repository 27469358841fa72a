"""Starting the app in a server of its own (the PDF briefs, the benchmarks and the browser tests do), and
finding a Chromium-family browser on this machine (Debian's chromium, Google Chrome or Microsoft Edge; a
browser is never downloaded)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from machi.core import paths

#: flags for a headless browser on a machine with no internet: nothing is fetched from outside
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: the environment variable that names the browser to use, where it is not found by itself
BROWSER_ENV = "MACHI_BROWSER"
_BROWSER_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "microsoft-edge",
    "microsoft-edge-stable",
)
_BROWSER_PATHS = (
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)


def find_browser() -> str | None:
    """The path of a Chromium-family browser on this machine: MACHI_BROWSER if set, else the first found."""
    named = os.environ.get(BROWSER_ENV)
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    for name in _BROWSER_NAMES:
        if found := shutil.which(name):
            return found
    return next((p for p in _BROWSER_PATHS if Path(p).is_file()), None)


@dataclass
class Server:
    proc: subprocess.Popen
    base: str
    started: float  # perf_counter at Popen


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(script: Path, env: dict[str, str], log: Path, timeout: float = 120.0, command: list[str] | None = None):
    """`python -m streamlit run <script>` (or `command`, Streamlit's options added) on a free port; yields
    once /_stcore/health says ok. `{port}` in the log file's name is replaced by the port. (The browser
    tests start the app so too.)"""
    port = _free_port()
    log = Path(str(log).replace("{port}", str(port)))
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [
                *(command or [sys.executable, "-m", "streamlit", "run", str(script)]),
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=paths.ROOT,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{script.name} did not start; see {log}")
                time.sleep(0.05)
            yield Server(proc, base, started)
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
