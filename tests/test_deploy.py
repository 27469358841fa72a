"""Replicas behind a real proxy: Debian's nginx with deploy/nginx/machi.conf (its upstream pointed at two
app processes started here), browsers through it.

Pages render and their websocket stays up; a download works; every request of a browser reaches one
process (each process writes its runs to its own timing file); when that process is killed, the
browser's page carries on on the other one and the URL still follows the tabs; the proxy's headers
forbid framing and Streamlit's metrics are not served.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest

from benchmarks.proxy import SERVE, nginx, proxy_config
from benchmarks.server import _free_port, server
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from tests.browser_support import browser, require_browser, wait_rendered
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e

ZUSHI = next(m for m in MUNICIPALITIES if m.key == "zushi")


@pytest.fixture(scope="module")
def replicas(tmp_path_factory, session_db):
    """Two app processes (each its own database, built at start, and its own timing file) behind nginx."""
    from machi.core.build import build
    from machi.municipalities import MUNICIPALITIES

    folder = tmp_path_factory.mktemp("deploy")
    with ExitStack() as stack:
        procs = []
        for i in range(2):
            db = folder / f"replica{i}" / "machi.duckdb"
            build(MUNICIPALITIES, db)
            env = {
                "MACHI_DB": str(db),
                "MACHI_TIMINGS": str(folder / f"runs{i}.jsonl"),
                # as deploy/ sets it: the site's name, and this machine's for the A4 brief's browser
                "STREAMLIT_SERVER_ALLOWED_HOSTS": "dashboard.example.lg.jp localhost 127.0.0.1",
            }
            log = ROOT / "artifacts" / "replica-{port}.log"
            procs.append(stack.enter_context(server(ROOT / "app.py", env, log, command=SERVE)))
        port = _free_port()
        conf = proxy_config([p.base.removeprefix("http://") for p in procs], port, folder)
        base = stack.enter_context(nginx(conf, port))
        yield base, procs, folder


def runs(folder: Path) -> list[int]:
    """How many script runs each process has done."""
    out = []
    for i in range(2):
        f = folder / f"runs{i}.jsonl"
        out.append(len(f.read_text().splitlines()) if f.exists() else 0)
    return out


def test_the_proxy_sends_its_headers_and_hides_metrics(replicas):
    base, _, _ = replicas
    with urllib.request.urlopen(f"{base}/") as r:
        assert r.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
        route = [c for c in r.headers.get_all("Set-Cookie") if c.startswith("machi_route=")]
        assert len(route) == 1 and re.match(r"machi_route=[0-9a-f]{32}; Path=/; HttpOnly", route[0]), route
    again = urllib.request.Request(f"{base}/", headers={"Cookie": route[0].split(";")[0]})
    with urllib.request.urlopen(again) as r:  # set once: a browser that has it is not sent it again
        assert not [c for c in r.headers.get_all("Set-Cookie") or [] if c.startswith("machi_route=")]
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{base}/_stcore/metrics")
    assert info.value.code == 404


def test_sessions_stay_on_one_process_and_carry_on_when_it_dies(replicas):
    base, procs, folder = replicas
    with browser(require_browser()) as b:
        contexts, pages, homes = [], [], []
        # browsers (each its own cookie) until both processes have some: a random key each, so a few do
        while len(contexts) < 12 and (len(contexts) < 3 or len(set(homes)) < 2):
            contexts.append(b.new_context(accept_downloads=True))
            pg = contexts[-1].new_page()
            before = runs(folder)
            pg.goto(f"{base}/osaka?lang=en")
            wait_rendered(pg)
            assert pg.locator('[data-testid="stException"]').count() == 0
            # every run of this browser lands on one process: a page switch (a whole run; a tab click
            # runs only its fragment), and a new page load (a new websocket)
            nav = pg.locator('[data-testid="stSidebarNav"]')
            nav.get_by_role("link", name=t(ZUSHI.nav_key, "en"), exact=True).click()
            pg.wait_for_url("**/zushi**", timeout=60_000)
            wait_rendered(pg)
            pg.goto(f"{base}/osaka?lang=en")
            wait_rendered(pg)
            grew = [a - b_ for a, b_ in zip(runs(folder), before, strict=True)]
            assert sorted(x > 0 for x in grew) == [False, True], grew  # one process did all the runs
            homes.append(grew.index(max(grew)))
            pages.append(pg)
        assert set(homes) == {0, 1}, homes
        # a download through the proxy (Streamlit's media files live in the process)
        pg = pages[0]
        pg.goto(f"{base}/sources?lang=en")
        wait_rendered(pg)
        with pg.expect_download() as dl:
            pg.locator('[data-testid="stDownloadButton"] button').first.click()
        assert Path(dl.value.path()).stat().st_size > 100
        # the process of the second browser dies: its page carries on on the other one (a click made while
        # the page is disconnected, a second or so, is lost: Streamlit's page sends nothing until reconnected)
        victim = pages[1]
        dead = homes[1]
        with victim.expect_event("websocket", timeout=60_000):  # the page reconnects by itself, through nginx
            procs[dead].proc.kill()
        procs[dead].proc.wait()
        victim.wait_for_timeout(500)
        was = victim.evaluate("() => new URLSearchParams(location.search).get('tab')")
        tab = victim.get_by_role("tab").nth(2)
        tab.click()
        victim.wait_for_function("(t) => new URLSearchParams(location.search).get('tab') !== t", arg=was)
        wait_rendered(victim)
        assert victim.locator('[data-testid="stException"]').count() == 0
        assert tab.get_attribute("aria-selected") == "true"
        now = victim.evaluate("() => new URLSearchParams(location.search).get('tab')")
        victim.get_by_role("tab").nth(3).click()  # and the next click too
        victim.wait_for_function("(t) => new URLSearchParams(location.search).get('tab') !== t", arg=now)
        wait_rendered(victim)
        assert victim.locator('[data-testid="stException"]').count() == 0
        for ctx in contexts:
            ctx.close()
