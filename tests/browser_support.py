"""Run the app in a real server and drive Debian's Chromium with Playwright (no browser download).

Browser tests skip with a printed reason where Chromium or Playwright is missing, except when
MACHI_REQUIRE_BROWSER or CI is set (as in .ci/run): then they fail.
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.proxy import SERVE
from benchmarks.server import CHROMIUM_ARGS
from tests.conftest import ROOT, only_in_e2e

SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_browser() -> str:
    """The path to Chromium, or skip (fail where browsers are required) with the reason."""
    only_in_e2e("a browser")
    required = bool(os.environ.get("MACHI_REQUIRE_BROWSER") or os.environ.get("CI"))
    reason = None
    path = chromium_path()
    if path is None:
        reason = "Debian's chromium is not installed (apt-get install chromium fonts-noto-cjk)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the playwright package is not installed (pip install -r requirements-dev.txt)"
    if reason:
        if required:
            pytest.fail(f"browser tests are required here but cannot run: {reason}")
        print(f"\nSKIP browser tests: {reason}", file=sys.stderr)
        pytest.skip(reason)
    return path


@contextmanager
def app_server(db: Path, timeout: float = 90.0):
    """Start `streamlit run app.py` on a free port (database at `db`); yield its base URL. The server's
    output goes to artifacts/server-<port>.log."""
    only_in_e2e("a server")
    from benchmarks.server import server

    with server(
        ROOT / "app.py", {"MACHI_DB": str(db)}, ROOT / "artifacts" / "server-{port}.log", timeout, command=SERVE
    ) as srv:
        yield srv.base


@contextmanager
def browser(executable: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def wait_rendered(page, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished and nothing is still loading (skeletons, charts)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stSkeleton"]')
               && [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(300)  # let the last delta paint
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)


#: the URL parameters that keep a page's open tabs (sections; Yao's input groups)
TAB_PARAMS = ("tab", "in")
#: a tab's id: a section's as its ?tab= value, an input group's as in-<id> (?in=); a group's first tab is
#: left out of the URL, so going back to it reads as "<param>-first"
_TAB_ID_JS = "(k, v) => v === null ? k + '-first' : k === 'tab' ? v : k + '-' + v"


def open_tab(pg, n: int) -> str | None:
    """Click the n-th tab of the page like a user; wait until its section is drawn; its id (see
    _TAB_ID_JS). None, and no click, when that tab is already open."""
    tab = pg.get_by_role("tab").nth(n)
    if tab.get_attribute("aria-selected") == "true":
        return None
    before = pg.evaluate("() => location.search")
    tab.click()
    pg.wait_for_function("(b) => location.search !== b", arg=before, timeout=60_000)
    wait_rendered(pg)
    return pg.evaluate(
        f"([b, ks]) => {{ const a = new URL(location.href).searchParams, p = new URLSearchParams(b),"
        f" id = {_TAB_ID_JS}; const k = ks.find(k => a.get(k) !== p.get(k)); return k ? id(k, a.get(k)) : null; }}",
        [before, list(TAB_PARAMS)],
    )


def block_outside_requests(context, base: str) -> list[str]:
    """Abort every request not addressed to the local server; return the list of attempted URLs."""
    attempted: list[str] = []

    def handle(route):
        url = route.request.url
        if url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    context.route("**/*", handle)
    return attempted


def full_screenshot(page, path: Path) -> None:
    """A screenshot of the whole page: the viewport is stretched to the main area's full height
    (Streamlit scrolls inside its own container, so a plain full-page shot would be cut)."""
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppScrollToBottomContainer"], section.main')]
                 .map(e => e.scrollHeight), document.body.scrollHeight)"""  # noqa: E501 (JavaScript)
    )
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 16000)})
    page.wait_for_timeout(400)
    wait_rendered(page)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


@contextmanager
def app_server_env(db: Path, env: dict[str, str | None], timeout: float = 90.0):
    """Like :func:`app_server`, with extra environment variables for the server only (e.g.
    MACHI_DATA); a value of None removes the variable. The test process's environment is restored
    as soon as the server has started."""
    from contextlib import ExitStack

    from benchmarks.server import environment

    with ExitStack() as stack:
        with environment(env):
            base = stack.enter_context(app_server(db, timeout))
        yield base
