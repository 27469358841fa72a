"""`python -m benchmarks.bench` (also `python -m machi bench`): the app measured against Streamlit's floor, in one
run (not a test).

The reference (benchmarks/reference_app.py: one title, one plotly bar chart, one radio to trigger a
rerun) and the app are started as each is meant to be (`python -m streamlit run …` and the app's
`python -m machi serve`, which is the same plus its startup), with the same config, on the same machine,
with the same headless Chromium), so the ratios hold on a noisy machine. Measured:

- cold start: process start → first page fully rendered in Chromium (median of --cold tries);
- page switch and widget round trip in the browser (median of --tries per page) against the
  reference's rerun round trip; a page switch arrives on the page's first section tab, a widget is
  touched in its own tab;
- opening each section tab of a page (median of --tries rounds, as for page switches), against the same rerun;
- server-side script time per page, warm (median), from the app's own timing hook (machi.ui.shell.app_run);
- server RSS after visiting every page, and its growth per extra session over 10 sessions;
- the Osaka vacancy page's queries over a synthetic housing table 100 × the national one;
- the permit engine's evaluations per second.

Prints a table and writes the whole result as JSON (--out). Needs the test tools
(`pip install -r requirements-dev.txt`) and Debian's chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.proxy import SERVE
from benchmarks.server import (
    CHROMIUM_ARGS,
    environment,
    finished_run,
    rss_mb,
    server,
)
from machi.core import paths
from machi.core.text import LANGUAGE_NAMES, t

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_APP = ROOT / "benchmarks" / "reference_app.py"
LOGS = ROOT / "artifacts" / "bench" / "logs"  # the servers' logs and the app's timing lines

TARGETS = {
    "cold_start_ratio": 1.3,
    "round_trip_ratio": 1.5,
    "script_ms": 50.0,
    "query_ms": 100.0,
    "brief_page_s": 10.0,
    "brief_book_s": 30.0,
}

#: the page is done: the script has finished, nothing is loading or stale, every chart is drawn
#: (and the browser shows the expected page)
READY = r"""(path) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  if (![...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))) return false;
  if (path !== null && location.pathname.replace(/^\/+/, '') !== (path === 'home' ? '' : path)) return false;
  return true;
}"""


@dataclass(frozen=True)
class Interaction:
    """A widget a user touches on a page: a radio (click each option in turn) or a number input."""

    kind: str  # "radio" | "number"
    label_key: str
    options: tuple = ()  # radio option label keys (or literal labels), number values
    tab: str | None = None  # label key of the section tab the widget is in (None: the first tab)


#: (url path, navigation title key, interaction) of every page, in navigation order
def app_pages() -> list[tuple[str, str, Interaction]]:
    from machi.municipalities import MUNICIPALITIES

    # the first value of each is a change from the page's default; an even number of touches ends on the default
    lang_radio = Interaction("radio", "lang.label", (LANGUAGE_NAMES["en"], LANGUAGE_NAMES["ja"]))
    per_module = {
        "zushi": Interaction(
            "radio", "zushi.budget_level", ("zushi.level.policy", "zushi.level.program"), tab="zushi.tab.budget"
        ),
        "asaka": Interaction("number", "asaka.pop_now", (150000, 141083), tab="asaka.tab.whatif"),
        "osaka": Interaction("radio", "osaka.metric", ("osaka.metric.other_rate", "osaka.metric.rate")),
        "yao": Interaction("number", "yao.site_area", (2600, 2400)),
    }
    pages = [("home", "nav.home", lang_radio)]
    for m in MUNICIPALITIES:
        pages.append((m.key, m.nav_key, per_module.get(m.key, lang_radio)))
    pages.append(("sources", "nav.sources", lang_radio))
    return pages


class Session:
    """A browser session (its own context) that refuses any request outside the local server and
    counts the script runs the server reports finished (ForwardMsg.script_finished on the websocket:
    a fast rerun can start and end within one frame, so the page's own state flag may never flicker)."""

    def __init__(self, browser, base: str):
        self.base = base
        self.finished = 0
        self.finished_at = 0.0  # perf_counter of the last finished run's message
        self.last_finished_ms = float("nan")  # last timed action: click → run-finished message seen here
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="ja-JP")
        self.context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith((base, "data:", "blob:")) else route.abort()
            ),
        )
        self.page = self.context.new_page()
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _frame(self, payload) -> None:
        if finished_run(payload):
            self.finished += 1
            self.finished_at = time.perf_counter()

    def timed(self, action, path: str | None = None, timeout_s: float = 60.0) -> float:
        """Milliseconds from the user's action to the page fully rendered again after a finished run."""
        before = self.finished
        start = time.perf_counter()
        action()
        deadline = start + timeout_s
        while self.finished <= before:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no script run finished within {timeout_s:.0f} s")
            self.page.wait_for_timeout(2)
        self.last_finished_ms = (self.finished_at - start) * 1000
        self.page.wait_for_function(READY, arg=path, timeout=timeout_s * 1000, polling="raf")
        errors = self.page.locator('[data-testid="stException"]')
        if errors.count():
            raise RuntimeError(f"an exception box on {self.page.url}: {errors.first.inner_text()[:300]}")
        return (time.perf_counter() - start) * 1000

    def open(self, path: str = "home") -> float:
        return self.timed(
            lambda: self.page.goto(self.base + "/" + ("" if path == "home" else path)), path, timeout_s=120.0
        )

    def close(self) -> None:
        self.context.close()


def click_nav(page, title: str):
    return lambda: page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True).click()


def click_tab(page, n: int):
    return lambda: page.get_by_role("tab").nth(n).click()


def tab_names(page) -> list[str]:
    return [s.strip() for s in page.get_by_role("tab").all_inner_texts()]


def tab_open(page, n: int) -> bool:
    return page.get_by_role("tab").nth(n).get_attribute("aria-selected") == "true"


def _label(key_or_text: str, lang: str) -> str:
    return t(key_or_text, lang) if "." in key_or_text else key_or_text


def interact(page, inter: Interaction, step: int, lang: str):
    """The action for the step-th touch of a page's widget (alternating values)."""
    label = _label(inter.label_key, lang)
    if inter.kind == "radio":
        option = _label(inter.options[step % len(inter.options)], lang)
        group = page.get_by_role("radiogroup", name=label)
        return lambda: group.get_by_text(option, exact=True).click()
    value = inter.options[step % len(inter.options)]
    box = page.get_by_label(label, exact=True)

    def act():
        box.fill(str(value))
        box.press("Enter")

    return act


# --- the measurements ---------------------------------------------------------------------------


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _p90(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=10)[-1] if len(xs) >= 2 else float("nan")


def cold_starts(browser, script: Path, env: dict, logs: Path, name: str, i: int) -> float:
    app = script == ROOT / "app.py"  # the app as it is deployed (machi serve), the reference as Streamlit runs it
    with server(script, env, logs / f"{name}-cold-{i}.log", command=SERVE if app else None) as srv:
        session = Session(browser, srv.base)
        try:
            session.open("home")
            return (time.perf_counter() - srv.started) * 1000
        finally:
            session.close()


def visit_every_page(session: Session, pages, lang: str = "ja") -> None:
    """One session's walk through every page (used for warm-up and for the memory sessions)."""
    session.open("home")
    for url_path, nav_key, _ in pages[1:]:
        session.timed(click_nav(session.page, t(nav_key, lang)), url_path)


REFERENCE_RADIO = Interaction("radio", "Series", ("B", "A"))


class ReferenceReruns:
    """The reference's rerun round trips in a browser session (its radio, touched back and forth),
    warmed up by two touches."""

    def __init__(self, session: Session):
        self.session = session
        self.ms: list[float] = []
        self.finished_ms: list[float] = []  # click → run-finished message seen
        self._n = 0
        for _ in range(2):
            self.time(keep=False)

    def time(self, keep: bool = True) -> None:
        ms = self.session.timed(interact(self.session.page, REFERENCE_RADIO, self._n, "ja"))
        self._n += 1
        if keep:
            self.ms.append(ms)
            self.finished_ms.append(self.session.last_finished_ms)


@contextmanager
def reference_beside(browser, logs: Path):
    """The reference kept running beside the app, its rerun timed between the app's round trips, so that
    a slow stretch of a noisy machine falls on both sides of each ratio (the reference's own phase runs
    minutes earlier)."""
    with server(REFERENCE_APP, {}, logs / "reference-interleaved.log") as srv:
        session = Session(browser, srv.base)
        try:
            session.open("home")
            yield ReferenceReruns(session)
        finally:
            session.close()


def measure_reference(browser, tries: int, cold: int, logs: Path) -> dict:
    out: dict = {"cold_start_ms": []}
    for i in range(cold):
        out["cold_start_ms"].append(cold_starts(browser, REFERENCE_APP, {}, logs, "reference", i))
    with server(REFERENCE_APP, {}, logs / "reference.log") as srv:
        session = Session(browser, srv.base)
        session.open("home")
        reruns = ReferenceReruns(session)
        for _ in range(tries + tries % 2):
            reruns.time()
        out["rerun_ms"], out["rerun_finished_ms"] = reruns.ms, reruns.finished_ms
        out["rss_one_session_mb"] = rss_mb(srv.proc.pid)
        extra = []
        for _ in range(9):
            other = Session(browser, srv.base)
            other.open("home")
            other.timed(interact(other.page, REFERENCE_RADIO, 0, "ja"))
            extra.append(other)
        time.sleep(1)
        out["rss_ten_sessions_mb"] = rss_mb(srv.proc.pid)
        for other in extra + [session]:
            other.close()
    return out


def measure_app(browser, db: Path, tries: int, cold: int, logs: Path) -> dict:
    pages = app_pages()
    timings = logs / "app-timings.jsonl"
    env = {"MACHI_DB": str(db), "MACHI_TIMINGS": str(timings)}
    out: dict = {"cold_start_ms": [], "page_switch_ms": {}, "page_switch_finished_ms": {}, "widget_ms": {}}
    for i in range(cold):
        out["cold_start_ms"].append(cold_starts(browser, ROOT / "app.py", {"MACHI_DB": str(db)}, logs, "app", i))
    timings.unlink(missing_ok=True)
    with (
        reference_beside(browser, logs) as reference,
        server(ROOT / "app.py", env, logs / "app.log", command=SERVE) as srv,
    ):
        session = Session(browser, srv.base)
        page = session.page
        visit_every_page(session, pages)  # warm-up: imports, caches, the first figure of each page
        out["rss_one_session_mb"] = rss_mb(srv.proc.pid)
        warm_from = len(timings.read_text().splitlines())
        titles = [(p, t(k, "ja"), None) for p, k, _ in pages]
        # page switches: round the navigation `tries` times, timing the arrival on each page
        for p, _, _ in pages:
            out["page_switch_ms"][p], out["page_switch_finished_ms"][p] = [], []
        for _ in range(tries):
            reference.time()
            for p, nav, _title in titles[1:] + titles[:1]:
                out["page_switch_ms"][p].append(session.timed(click_nav(page, nav), p))
                out["page_switch_finished_ms"][p].append(session.last_finished_ms)
        # a widget on each page, `tries` touches (in its section's tab)
        for (p, nav, _title), (_, _, inter) in zip(titles, pages):
            session.timed(click_nav(page, nav), p)
            if inter.tab:
                names = tab_names(page)
                wanted = names.index(t(inter.tab, "ja"))
                if not tab_open(page, wanted):
                    session.timed(click_tab(page, wanted), p)
            for i in range(2):  # warm up
                session.timed(interact(page, inter, i, "ja"))
            # an even number of touches: the page ends as it began (in Japanese, say)
            out["widget_ms"][p] = []
            for i in range(tries + tries % 2):
                out["widget_ms"][p].append(session.timed(interact(page, inter, i, "ja")))
                if i % 4 == 0:
                    reference.time()
        # the tabs of each page (its sections; Yao's input groups too): each opened in turn, skipping the
        # one open already (clicking it runs nothing), `tries` rounds after one that warms up (from
        # the second on, every tab is opened once a round, each from the one before it)
        out["tab_ms"] = {}
        for p, nav, _title in titles:
            session.timed(click_nav(page, nav), p)
            names = tab_names(page)
            if len(names) < 2:
                continue
            out["tab_ms"][p] = {name: [] for name in names}
            for round_ in range(max(tries, 2) + 1):
                if round_:
                    reference.time()
                for n in range(len(names)):
                    if tab_open(page, n):
                        continue
                    ms = session.timed(click_tab(page, n), p)
                    if round_:
                        out["tab_ms"][p][names[n]].append(ms)
        runs = [json.loads(line) for line in timings.read_text().splitlines()[warm_from:]]
        out["script_ms"] = {p: [r["ms"] for r in runs if r["page"] == p and r["outcome"] == "ok"] for p, _, _ in pages}
        # memory: nine more sessions, each through every page, all kept open
        extra = []
        for _ in range(9):
            other = Session(browser, srv.base)
            visit_every_page(other, pages)
            extra.append(other)
        time.sleep(1)
        out["rss_ten_sessions_mb"] = rss_mb(srv.proc.pid)
        errors = [
            line
            for line in (logs / "app.log").read_text(errors="replace").splitlines()
            if "Traceback" in line or "Error" in line
        ]
        out["server_log_errors"] = errors[:20]
        out["page_errors"] = [e for other in extra + [session] for e in other.errors][:20]
        for other in extra + [session]:
            other.close()
    out["reference_rerun_interleaved_ms"] = reference.ms
    return out


def measure_script_alone(db: Path, tries: int, logs: Path) -> dict[str, list[float]]:
    """Script time per page with no browser on the machine: Streamlit's own script runner (AppTest)
    runs app.py, warm, `tries` times per page. (In the browser phases Chromium renders on the same
    two cores while the script runs, which a real deployment does not share.)"""
    from streamlit.testing.v1 import AppTest

    timings = logs / "alone-timings.jsonl"
    timings.unlink(missing_ok=True)
    out: dict[str, list[float]] = {}
    with environment({"MACHI_DB": str(db), "MACHI_TIMINGS": str(timings)}):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        for path, _, _ in app_pages():
            if path != "home":
                at.switch_page(f"pages/{path}.py")
            at.run()
            at.run()  # warm
            start = len(timings.read_text().splitlines())
            for _ in range(tries):
                at.run()
            runs = [json.loads(line) for line in timings.read_text().splitlines()[start:]]
            out[path] = [r["ms"] for r in runs if r["outcome"] == "ok"]
    return out


def scaled_database(db: Path, target: Path, factor: int = 100) -> int:
    """A copy of the database whose housing table holds `factor` × the latest survey's national table
    (the real rows plus copies under unused survey years). Returns the row count."""
    import duckdb

    shutil.copy(db, target)
    con = duckdb.connect(str(target))
    try:
        latest = con.execute("SELECT max(survey_year) FROM housing_vacancy").fetchone()[0]
        used = {y for (y,) in con.execute("SELECT DISTINCT survey_year FROM housing_vacancy").fetchall()}
        spare = [y for y in range(1948, 2101) if y not in used][: factor - 1]
        for year in spare:
            con.execute(
                "INSERT INTO housing_vacancy SELECT * REPLACE (CAST(? AS INTEGER) AS survey_year) "
                "FROM housing_vacancy WHERE survey_year = ?",
                [year, latest],
            )
        con.execute("CHECKPOINT")
        return con.execute("SELECT count(*) FROM housing_vacancy").fetchone()[0]
    finally:
        con.close()


def measure_queries(db: Path, tmp: Path, tries: int) -> dict:
    from machi.core import db as machi_db

    scaled = tmp / "scaled.duckdb"
    rows = scaled_database(db, scaled)
    con = machi_db.connect_read_only(scaled)
    try:
        year = int(con.execute("SELECT max(survey_year) FROM housing_vacancy").fetchone()[0])
        cases = {
            "osaka/wards": {},
            "osaka/housing_areas": {},
            "osaka/housing_area_compare": {
                "codes": ["27100", "14208", "11227", "27212", "27000", "00000"],
                "year": 2023,
            },
            "osaka/wards_ranked": {"year": None},
        }
        out = {"rows": rows, "latest_year_in_copy": year, "ms": {}, "result_rows": {}}
        for name, params in cases.items():
            machi_db.run_query(con, name, params)  # warm
            times = []
            for _ in range(tries):
                start = time.perf_counter()
                df = machi_db.run_query(con, name, params)
                times.append((time.perf_counter() - start) * 1000)
            out["ms"][name] = times
            out["result_rows"][name] = len(df)
        return out
    finally:
        con.close()


def measure_briefs(db: Path, tmp: Path, tries: int = 2) -> dict:
    """Seconds for `python -m machi brief` of one page (the largest, Osaka) and of the whole book, from the
    command's start (its own server and browser included) to the PDF written."""
    out = {}
    for name in ("osaka", "all"):
        times = []
        for _ in range(tries):
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "machi", "brief", name, "-o", str(tmp / f"{name}.pdf")],
                cwd=ROOT,
                env={**os.environ, "MACHI_DB": str(db)},
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                raise RuntimeError(f"brief {name} failed: {done.stderr}")
            times.append(time.perf_counter() - started)
        out[name] = times
    return out


def measure_permit(seconds: float = 2.0) -> dict:
    from benchmarks.permit_bench import rate
    from machi.yao.permit.engine import evaluate
    from machi.yao.permit.examples import example
    from machi.yao.permit.model import parse_application
    from machi.yao.permit.rules import load_rules

    rules = load_rules()
    app = parse_application(example("facilities_pass")["application"], rules)
    return {
        "example": "facilities_pass",
        "evaluations_per_s": rate(lambda: evaluate(app, rules), seconds),
        "with_messages_per_s": rate(lambda: evaluate(app, rules).to_dict(), seconds),
    }


def machine() -> dict:
    import duckdb
    import plotly
    import streamlit

    cpu = "?"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or "?"
    mem = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        mem = round(int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024, 1)
    chromium = subprocess.run([_chromium(), "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "duckdb": duckdb.__version__,
        "plotly": plotly.__version__,
        "chromium": chromium,
    }


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    raise SystemExit("machi bench: Debian's chromium is needed (apt-get install chromium fonts-noto-cjk)")


def summarise(ref: dict, app: dict, queries: dict, permit: dict) -> dict:
    # the ratios' denominator: the reference's reruns timed between the app's round trips (its own phase's
    # reruns are kept beside it, for comparison)
    ref_cold, ref_rerun = _median(ref["cold_start_ms"]), _median(app["reference_rerun_interleaved_ms"])
    app_cold = _median(app["cold_start_ms"])
    pages = {}
    for p in app["page_switch_ms"]:
        switch, widget, script = (
            _median(app["page_switch_ms"][p]),
            _median(app["widget_ms"][p]),
            _median(app["script_alone_ms"][p]),
        )
        pages[p] = {
            "switch_ms": switch,
            "switch_ratio": switch / ref_rerun,
            "switch_finished_seen_ms": _median(app["page_switch_finished_ms"][p]),
            "widget_ms": widget,
            "widget_ratio": widget / ref_rerun,
            "script_ms": script,
            "script_p90_ms": _p90(app["script_alone_ms"][p]),
            "script_in_session_ms": _median(app["script_ms"][p]),
            "script_runs": len(app["script_alone_ms"][p]),
        }
        tabs = {name: _median(ms) for name, ms in app.get("tab_ms", {}).get(p, {}).items()}
        if tabs:
            slowest = max(tabs, key=tabs.get)
            pages[p].update(
                {
                    "tab_ms": tabs,
                    "tab_median_ms": _median([m for ms in app["tab_ms"][p].values() for m in ms]),
                    "tab_slowest": slowest,
                    "tab_slowest_ms": tabs[slowest],
                    "tab_slowest_ratio": tabs[slowest] / ref_rerun,
                }
            )
    per_session = lambda d: (d["rss_ten_sessions_mb"] - d["rss_one_session_mb"]) / 9  # noqa: E731
    return {
        "cold_start": {"reference_ms": ref_cold, "app_ms": app_cold, "ratio": app_cold / ref_cold},
        "reference_rerun_ms": ref_rerun,
        "reference_rerun_alone_ms": _median(ref["rerun_ms"]),
        "reference_reruns_interleaved": len(app["reference_rerun_interleaved_ms"]),
        "reference_rerun_finished_seen_ms": _median(ref["rerun_finished_ms"]),
        "pages": pages,
        "memory_mb": {
            "reference_one_session": ref["rss_one_session_mb"],
            "app_one_session": app["rss_one_session_mb"],
            "reference_per_extra_session": per_session(ref),
            "app_per_extra_session": per_session(app),
            "app_ten_sessions": app["rss_ten_sessions_mb"],
        },
        "queries": {"rows": queries["rows"], **{n: _median(v) for n, v in queries["ms"].items()}},
        "permit": permit,
    }


def verdicts(s: dict) -> list[tuple[str, str, str, bool]]:
    """(what, measured, target, met) for every target of the issue."""
    rows = [
        (
            "cold start / reference",
            f"{s['cold_start']['ratio']:.2f}×",
            f"≤ {TARGETS['cold_start_ratio']}×",
            s["cold_start"]["ratio"] <= TARGETS["cold_start_ratio"],
        )
    ]
    for p, v in s["pages"].items():
        rows.append(
            (
                f"{p}: page switch / reference rerun",
                f"{v['switch_ratio']:.2f}× ({v['switch_ms']:.0f} ms)",
                f"≤ {TARGETS['round_trip_ratio']}×",
                v["switch_ratio"] <= TARGETS["round_trip_ratio"],
            )
        )
        rows.append(
            (
                f"{p}: widget / reference rerun",
                f"{v['widget_ratio']:.2f}× ({v['widget_ms']:.0f} ms)",
                f"≤ {TARGETS['round_trip_ratio']}×",
                v["widget_ratio"] <= TARGETS["round_trip_ratio"],
            )
        )
        if "tab_ms" in v:
            rows.append(
                (
                    f"{p}: slowest section tab ({v['tab_slowest']}) / reference rerun",
                    f"{v['tab_slowest_ratio']:.2f}× ({v['tab_slowest_ms']:.0f} ms)",
                    f"≤ {TARGETS['round_trip_ratio']}×",
                    v["tab_slowest_ratio"] <= TARGETS["round_trip_ratio"],
                )
            )
        rows.append(
            (
                f"{p}: script time (median)",
                f"{v['script_ms']:.1f} ms",
                f"≤ {TARGETS['script_ms']:.0f} ms",
                v["script_ms"] <= TARGETS["script_ms"],
            )
        )
    for n, ms in s["queries"].items():
        if n != "rows":
            rows.append(
                (
                    f"query {n} ({s['queries']['rows']:,} rows)",
                    f"{ms:.1f} ms",
                    f"≤ {TARGETS['query_ms']:.0f} ms",
                    ms <= TARGETS["query_ms"],
                )
            )
    for name, key, what in (
        ("osaka", "brief_page_s", "A4 brief of a page (Osaka)"),
        ("all", "brief_book_s", "the briefing book"),
    ):
        if name in s.get("brief_s", {}):
            seconds = s["brief_s"][name]
            rows.append((f"{what}, by the CLI", f"{seconds:.1f} s", f"≤ {TARGETS[key]:.0f} s", seconds <= TARGETS[key]))
    return rows


def report(s: dict, info: dict) -> str:
    lines = [
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; {info['os']}",
        f"Python {info['python']}, Streamlit {info['streamlit']}, DuckDB {info['duckdb']}, plotly {info['plotly']}, "
        f"{info['chromium']}",
        "",
        f"Cold start: reference {s['cold_start']['reference_ms']:.0f} ms, app {s['cold_start']['app_ms']:.0f} ms",
        f"Reference rerun round trip: {s['reference_rerun_ms']:.0f} ms, timed between the app's round trips "
        f"({s['reference_reruns_interleaved']} reruns; the ratios use this); in the reference's own phase "
        f"{s['reference_rerun_alone_ms']:.0f} ms (run-finished message seen after "
        f"{s['reference_rerun_finished_seen_ms']:.0f} ms)",
        "",
    ]
    lines.append(
        f"{'page':10s} {'switch ms':>10s} {'×ref':>6s} {'finished':>9s} {'widget ms':>10s} {'×ref':>6s} "
        f"{'script ms':>10s} {'p90':>7s} {'in session':>11s}"
    )
    for p, v in s["pages"].items():
        lines.append(
            f"{p:10s} {v['switch_ms']:10.0f} {v['switch_ratio']:6.2f} {v['switch_finished_seen_ms']:9.0f} "
            f"{v['widget_ms']:10.0f} "
            f"{v['widget_ratio']:6.2f} {v['script_ms']:10.1f} {v['script_p90_ms']:7.1f} "
            f"{v['script_in_session_ms']:11.1f}"
        )
    lines.append(
        "(finished: ms from the click until the run-finished message reached the browser; the browser draws "
        "the page's messages as they come, so this includes drawing too; the rest is drawing after it)"
    )
    lines.append(
        "(script ms: the page's whole script, warm, no browser on the machine; in session: the same "
        "during the browser phases, sharing the CPU with Chromium)"
    )
    for p, v in s["pages"].items():
        if "tab_ms" in v:
            lines.append(
                f"{p} section tabs (ms to open, median): "
                + ", ".join(f"{name} {ms:.0f}" for name, ms in v["tab_ms"].items())
            )
    m = s["memory_mb"]
    lines += [
        "",
        f"Server RSS after every page: app {m['app_one_session']:.0f} MiB "
        f"(reference {m['reference_one_session']:.0f} MiB); per extra session: app "
        f"{m['app_per_extra_session']:.1f} MiB, reference {m['reference_per_extra_session']:.1f} MiB",
        f"Queries over {s['queries']['rows']:,} housing rows (median ms): "
        + ", ".join(f"{n} {v:.1f}" for n, v in s["queries"].items() if n != "rows"),
        f"Permit engine: {s['permit']['evaluations_per_s']:,.0f} evaluations/s "
        f"({s['permit']['with_messages_per_s']:,.0f}/s with every message formatted)",
        "",
        "Targets:",
    ]
    for what, measured, target, met in verdicts(s):
        lines.append(f"  {'✓ met ' if met else '✗ MISSED'}  {what}: {measured} (target {target})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m machi bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--tries", type=int, default=20, help="round trips per page and query runs (default 20)")
    p.add_argument("--cold", type=int, default=3, help="cold starts of each app (default 3)")
    p.add_argument("--out", type=Path, default=ROOT / "artifacts" / "bench" / "bench.json", help="JSON result file")
    args = p.parse_args(argv)
    return run(args.tries, args.cold, args.out)


def _shown_path(path: Path) -> str:
    """A path as the result file records it: relative to the repository where it is inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def run(tries: int, cold: int, out: Path) -> int:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("bench: needs the test tools: pip install -r requirements-dev.txt", file=sys.stderr)
        return 2
    from machi.core.build import build
    from machi.municipalities import MUNICIPALITIES

    logs = LOGS  # scratch, never beside a result kept in the repo (docs/)
    logs.mkdir(parents=True, exist_ok=True)
    info = machine()
    with tempfile.TemporaryDirectory(prefix="machi-bench-") as tmp:
        db = Path(tmp) / "machi.duckdb"
        started = time.perf_counter()
        build(MUNICIPALITIES, db)
        build_ms = (time.perf_counter() - started) * 1000
        print(f"database built in {build_ms:.0f} ms; measuring (a few minutes)…", file=sys.stderr)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=_chromium(), headless=True, args=CHROMIUM_ARGS)
            try:
                ref = measure_reference(browser, tries, cold, logs)
                print("reference measured", file=sys.stderr)
                app = measure_app(browser, db, tries, cold, logs)
                print("app measured", file=sys.stderr)
            finally:
                browser.close()
        app["script_alone_ms"] = measure_script_alone(db, tries, logs)
        queries = measure_queries(db, Path(tmp), tries)
        briefs = measure_briefs(db, Path(tmp))
    permit = measure_permit()
    summary = summarise(ref, app, queries, permit)
    summary["brief_s"] = {name: _median(times) for name, times in briefs.items()}
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": info,
        "tries": tries,
        "cold_starts": cold,
        "database_build_ms": build_ms,
        "targets": TARGETS,
        "summary": summary,
        "verdicts": [dict(zip(("what", "measured", "target", "met"), v)) for v in verdicts(summary)],
        "raw": {"reference": ref, "app": app, "queries": queries},
        "data_dir": _shown_path(paths.data_dir()),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(report(summary, info))
    print(f"\n(JSON: {out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
