"""Ten browser sessions at once, each clicking through every page and every calculator.

One server, one Chromium, ten contexts (ten Streamlit sessions) driven concurrently. Every session
must see each page finish with no exception box and no JavaScript error, every interaction must end in
a finished script run, and the server's log must hold no traceback (a failed query, a DuckDB
"connection is busy", a cache race …). Outside requests are refused and must not even be attempted.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from benchmarks.server import finished_run
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from tests.browser_support import CHROMIUM_ARGS, ROOT, app_server, require_browser

pytestmark = pytest.mark.e2e  # every test here starts a server and a browser

SESSIONS = 10

READY = """(path) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  if (![...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))) return false;
  return location.pathname.replace(/^\\/+/, '') === (path === 'home' ? '' : path);
}"""


class Session:
    """One user: counts the script runs the server reports finished (websocket script_finished)."""

    def __init__(self, context, page, base: str, lang: str):
        self.context, self.page, self.base, self.lang = context, page, base, lang
        self.finished = 0
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.steps = 0
        self.current = "start"
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        page.on("pageerror", lambda e: self.errors.append(f"JavaScript error during {self.current!r}: {e}"))

    def _frame(self, payload) -> None:
        if finished_run(payload):
            self.finished += 1

    async def step(self, what: str, action, path: str) -> None:
        """Do `action`, wait for a finished run and the page drawn, then check it has no error box."""
        before = self.finished
        self.current = what
        await action()
        for _ in range(1200):  # up to 120 s on a loaded machine
            if self.finished > before:
                break
            await asyncio.sleep(0.1)
        else:
            self.errors.append(f"{what}: no script run finished")
            return
        await self.page.wait_for_function(READY, arg=path, timeout=120_000)
        boxes = self.page.locator('[data-testid="stException"]')
        if await boxes.count():
            self.errors.append(f"{what}: exception box: {(await boxes.first.inner_text())[:300]}")
        if not (await self.page.locator("h1").first.inner_text()).strip():
            self.errors.append(f"{what}: no title")
        self.steps += 1


def _nav(session: Session, key: str):
    return lambda: (
        session.page.locator('[data-testid="stSidebarNav"]')
        .get_by_role("link", name=t(key, session.lang), exact=True)
        .click()
    )


def _radio(session: Session, label_key: str, option_key: str):
    group = session.page.get_by_role("radiogroup", name=t(label_key, session.lang))
    return lambda: group.get_by_text(t(option_key, session.lang), exact=True).click()


def _number(session: Session, label_key: str, value: float):
    box = session.page.get_by_label(t(label_key, session.lang), exact=True)

    async def act():
        await box.fill(str(value))
        await box.press("Enter")

    return act


def _tab(session: Session, label_key: str):
    return lambda: session.page.get_by_role("tab", name=t(label_key, session.lang), exact=True).click()


def calculators(session: Session, n: int) -> dict[str, list]:
    """The interactions of each page (values differ per session so the caches see several inputs);
    sections are opened by their tabs as a user does."""
    return {
        "zushi": [
            ("tab: budgets", _tab(session, "zushi.tab.budget")),
            ("budget level", _radio(session, "zushi.budget_level", "zushi.level.department")),
        ],
        "asaka": [
            ("tab: what-if", _tab(session, "asaka.tab.whatif")),
            ("population what-if", _number(session, "asaka.pop_now", 140000 + 1000 * n)),
            ("city area what-if", _number(session, "asaka.city_area", 18 + n / 10)),
        ],
        "osaka": [
            ("metric", _radio(session, "osaka.metric", "osaka.metric.other_rate")),
            ("tab: map", _tab(session, "osaka.tab.map")),
            ("metric on the map", _radio(session, "osaka.metric", "osaka.metric.rate")),
            ("tab: danger score", _tab(session, "osaka.tab.danger")),
            ("danger: third-party harm", _radio(session, "osaka.third_party", "osaka.harm.yes")),
        ],
        # never the worked example's own values (2,400 ㎡, 9 m): an unchanged value would not rerun
        "yao": [
            ("site area", _number(session, "yao.site_area", 2410 + 50 * n)),
            ("tab: sensitivity", _tab(session, "yao.tab.sensitivity")),
            ("road width", _number(session, "yao.road_width", 8.5 + n % 3)),
        ],
    }


async def walk(browser, base: str, n: int) -> Session:
    lang = "ja" if n % 2 == 0 else "en"
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    # ten first loads at once on a 2-core CI machine: Playwright's 30 s default for a navigation or a
    # click is too short there; each step still has to finish, with no error, within the same budget
    # as its wait for the run (120 s)
    context.set_default_timeout(120_000)
    session_box: list[Session] = []

    async def route(r):
        url = r.request.url
        if url.startswith((base, "data:", "blob:")):
            await r.continue_()
        else:
            session_box[0].outside.append(url)
            await r.abort()

    await context.route("**/*", route)
    page = await context.new_page()
    session = Session(context, page, base, lang)
    session_box.append(session)
    try:
        await session.step("open home", lambda: page.goto(f"{base}/?lang={lang}"), "home")
        pages = [(m.key, m.nav_key) for m in MUNICIPALITIES] + [("sources", "nav.sources")]
        for path, key in pages:
            await session.step(f"switch to {path}", _nav(session, key), path)
            for what, action in calculators(session, n).get(path, []):
                await session.step(f"{path}: {what}", action, path)
        await session.step("back home", _nav(session, "nav.home"), "home")
    except Exception as exc:
        shot = ROOT / "artifacts" / f"concurrency-session-{n}.png"
        shot.parent.mkdir(exist_ok=True)
        try:
            await page.screenshot(path=str(shot))
            where = f" at {page.url}, title {await page.locator('h1').first.inner_text(timeout=5000)!r}"
        except Exception:
            where = ""
        session.errors.append(f"{type(exc).__name__}: {str(exc)[:400]}{where} (screenshot {shot.name})")
    finally:
        await context.close()
    return session


def test_ten_sessions_at_once_click_through_every_page_and_calculator(session_db):
    chromium = require_browser()
    from playwright.async_api import async_playwright

    async def main(base: str) -> list[Session]:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            try:
                return await asyncio.gather(*(walk(browser, base, n) for n in range(SESSIONS)))
            finally:
                await browser.close()

    with app_server(session_db) as base:
        sessions = asyncio.run(main(base))
        port = re.search(r":(\d+)$", base).group(1)
        log = Path(ROOT / "artifacts" / f"server-{port}.log").read_text(errors="replace")

    problems = [f"session {n} ({s.lang}): {e}" for n, s in enumerate(sessions) for e in s.errors]
    assert problems == [], "\n".join(problems)
    # every session made every step: open, each page, each calculator touch, home again
    expected = 2 + len(MUNICIPALITIES) + 1 + sum(len(v) for v in calculators(sessions[0], 0).values())
    assert [s.steps for s in sessions] == [expected] * SESSIONS
    assert [u for s in sessions for u in s.outside] == []
    bad = [line for line in log.splitlines() if re.search(r"Traceback|Exception|Error", line)]
    assert bad == [], "server log:\n" + "\n".join(bad[:20])
