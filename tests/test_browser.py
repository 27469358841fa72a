"""Browser tests: every page in headless Chromium, in both languages, offline.

Each page must finish its script with no exception box, show a non-empty main area with its
title in the chosen language, and make no request outside the local server.
Screenshots go to artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import pytest

from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from tests.browser_support import (
    SCREENSHOTS,
    app_server,
    block_outside_requests,
    browser,
    full_screenshot,
    open_tab,
    require_browser,
    wait_rendered,
)

pytestmark = pytest.mark.e2e  # every test here starts a server and a browser

#: (url path, title key) of every page: the app's own and each module's
PAGES = [("home", "app.title"), ("sources", "sources.title")] + [(m.key, m.nav_key) for m in MUNICIPALITIES]


@pytest.fixture(scope="module")
def server(session_db):
    chromium = require_browser()
    with app_server(session_db) as base, browser(chromium) as b:
        yield base, b


@pytest.fixture()
def page(server):
    base, b = server
    context = b.new_context(viewport={"width": 1440, "height": 1000}, locale="ja-JP")
    outside = block_outside_requests(context, base)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield base, pg, outside, errors
    context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path,title_key", PAGES)
def test_page_renders_offline(page, path, title_key, lang):
    base, pg, outside, errors = page
    pg.goto(f"{base}/{'' if path == 'home' else path}?lang={lang}")
    wait_rendered(pg)
    assert pg.locator('[data-testid="stException"]').count() == 0, pg.locator(
        '[data-testid="stException"]'
    ).first.inner_text()
    main = pg.locator('[data-testid="stMain"]').inner_text()
    assert len(main.strip()) > 50, f"main area nearly empty: {main!r}"
    # the navigation is in the chosen language and the page has a title
    assert (
        t(title_key if path != "home" else "nav.home", lang) in pg.locator('[data-testid="stSidebarNav"]').inner_text()
    )
    assert pg.locator("h1").first.inner_text().strip()
    full_screenshot(pg, SCREENSHOTS / f"{path}_{lang}.png")
    # every other section, opened by its tab (each screenshot for a person to look at)
    for n in range(pg.get_by_role("tab").count()):
        tab = open_tab(pg, n)
        if tab is None:  # open already
            continue
        assert pg.locator('[data-testid="stException"]').count() == 0, (
            tab,
            pg.locator('[data-testid="stException"]').first.inner_text(),
        )
        assert pg.get_by_role("tab").nth(n).get_attribute("aria-selected") == "true", tab
        full_screenshot(pg, SCREENSHOTS / f"{path}_{lang}_{tab}.png")
    assert outside == [], f"requests outside the local server: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def test_language_switch_is_kept_in_url_across_pages(page):
    base, pg, outside, _errors = page
    pg.goto(f"{base}/")
    wait_rendered(pg)
    assert "まちダッシュボード" in pg.locator("h1").first.inner_text()
    pg.get_by_text("English", exact=True).click()
    pg.wait_for_url("**lang=en**")
    wait_rendered(pg)
    assert "Machi Dashboard" in pg.locator("h1").first.inner_text()
    pg.get_by_role("link", name="Sources and data").first.click()
    pg.wait_for_url("**/sources?**lang=en**")
    wait_rendered(pg)
    assert "Sources and data" in pg.locator("h1").first.inner_text()
    # a shared link opens in its language
    pg.goto(pg.url)
    wait_rendered(pg)
    assert "Sources and data" in pg.locator("h1").first.inner_text()
    assert outside == []


def test_a_links_language_survives_every_page_switch(page):
    """Opened from an English link (no click on the switch), every page reached through the
    navigation stays English (it once fell back to Japanese on the first switch)."""
    base, pg, outside, errors = page
    pg.goto(f"{base}/?lang=en")
    wait_rendered(pg)
    for path, title_key in PAGES[1:]:
        nav_key = "nav.sources" if path == "sources" else title_key
        pg.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=t(nav_key, "en"), exact=True).click()
        pg.wait_for_url(f"**/{path}?**lang=en**")
        wait_rendered(pg)
        assert t(nav_key, "en") in pg.locator('[data-testid="stSidebarNav"]').inner_text()
        assert (
            pg.get_by_role("radiogroup", name=t("lang.label", "en")).get_by_role("radio", name="English").is_checked()
        )
    assert outside == [] and errors == []


def test_back_steps_through_the_pages_one_switch_at_a_time(page):
    """A page switch adds one history entry, not one per URL parameter the page sets (Streamlit pushes
    a history entry for every parameter written): the browser's Back returns to the page before."""
    base, pg, outside, errors = page
    pg.goto(f"{base}/")
    wait_rendered(pg)
    start = pg.evaluate("history.length")
    titles = [("", pg.locator("h1").first.inner_text())]
    nav = pg.locator('[data-testid="stSidebarNav"]')
    for path, title_key in [p for p in PAGES if p[0] not in ("home", "sources")][:3]:
        nav.get_by_role("link", name=t(title_key, "ja"), exact=True).click()
        pg.wait_for_url(f"{base}/{path}")
        wait_rendered(pg)
        titles.append((path, pg.locator("h1").first.inner_text()))
    assert pg.evaluate("history.length") == start + 3
    for path, title in reversed(titles[:-1]):
        pg.go_back()
        pg.wait_for_url(f"{base}/{path}")
        wait_rendered(pg)
        assert pg.locator("h1").first.inner_text() == title
    assert outside == [] and errors == []


def test_opening_a_tab_reruns_the_tabs_alone_and_keeps_the_tab_bar(page):
    """A tab click reruns the tabs' fragment, not the page (its header, metrics and footer are not sent
    again), and the browser keeps the tab bar it has instead of building it and every panel again. The
    session's tab still wins wherever the widget is made anew: a language switch, a page left and
    opened again."""
    from benchmarks.server import run_finished

    base, pg, outside, errors = page
    finished: list[str] = []

    def frame(payload) -> None:
        if status := run_finished(payload):
            finished.append(status)

    pg.on("websocket", lambda ws: ws.on("framereceived", frame))
    pg.goto(f"{base}/osaka")
    wait_rendered(pg)
    tabs = pg.get_by_role("tab")
    labels = {k: t(f"osaka.tab.{k}", "ja") for k in ("ranking", "kinds")}
    pg.evaluate("() => document.querySelector('[data-testid=stTabs]').__kept = true")
    for n, name, param in [(2, "kinds", "?tab=kinds"), (0, "ranking", "")]:
        finished.clear()
        assert open_tab(pg, n) == (name if param else "tab-first")
        assert finished == ["FINISHED_FRAGMENT_RUN_SUCCESSFULLY"], f"opening {name} ran {finished}"
        assert pg.evaluate("() => document.querySelector('[data-testid=stTabs]').__kept === true"), (
            f"the tab bar was built again when {name} was opened"
        )
        assert tabs.nth(n).get_attribute("aria-selected") == "true" and tabs.nth(n).inner_text().strip() == labels[name]
        assert pg.evaluate("() => location.search") == param
        assert pg.locator('[role="tabpanel"]:not([hidden]) .js-plotly-plot .main-svg').count() >= 1
    open_tab(pg, 2)

    def kinds_open_in_english() -> bool:
        kinds, label = tabs.nth(2), t("osaka.tab.kinds", "en")
        return kinds.get_attribute("aria-selected") == "true" and kinds.inner_text().strip() == label

    # a language switch makes a new widget (new labels): it opens on the session's tab
    pg.get_by_role("radiogroup", name=t("lang.label", "ja")).get_by_text("English", exact=True).click()
    pg.wait_for_function("() => location.search.includes('lang=en')", timeout=60_000)
    wait_rendered(pg)
    assert kinds_open_in_english()
    assert "tab=kinds" in pg.evaluate("() => location.search")
    # a page left and opened again finds the tab it was left on
    nav = pg.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name=t("zushi.nav", "en"), exact=True).click()
    pg.wait_for_url(lambda url: url.startswith(f"{base}/zushi"))
    wait_rendered(pg)
    nav.get_by_role("link", name=t("osaka.nav", "en"), exact=True).click()
    pg.wait_for_url(lambda url: url.startswith(f"{base}/osaka"))
    wait_rendered(pg)
    assert kinds_open_in_english()
    assert outside == [] and errors == []


def test_yao_input_groups_open_alone_and_an_input_reruns_the_answer(page):
    """Opening one of Yao's input groups reruns the groups alone (the application is the same whichever is
    open); an input changed in a group reruns the whole page, once, and the answer beside it follows."""
    from benchmarks.server import run_finished

    base, pg, outside, errors = page
    finished: list[str] = []
    pg.on("websocket", lambda ws: ws.on("framereceived", lambda f: (s := run_finished(f)) and finished.append(s)))
    pg.goto(f"{base}/yao")
    wait_rendered(pg)
    base_area = pg.locator('[data-testid="stMetric"]').filter(has_text=t("yao.base_floor_area", "ja"))
    before = base_area.inner_text()
    finished.clear()
    assert open_tab(pg, 1) == "in-layout"
    assert finished == ["FINISHED_FRAGMENT_RUN_SUCCESSFULLY"], finished
    assert open_tab(pg, 0) == "in-first"
    finished.clear()
    box = pg.get_by_label(t("yao.site_area", "ja"), exact=True)
    box.fill("3000")
    box.press("Enter")
    pg.wait_for_function("() => location.search.includes('s=')", timeout=60_000)
    pg.wait_for_function(
        "(b) => ![...document.querySelectorAll('[data-testid=stMetric]')].some(m => m.innerText === b)",
        arg=before,
        timeout=60_000,
    )
    wait_rendered(pg)
    # the fragment's run is cut short by the input's callback, and the page runs once
    assert finished[-1:] == ["FINISHED_SUCCESSFULLY"] and set(finished[:-1]) <= {"FINISHED_EARLY_FOR_RERUN"}, finished
    assert "4,800.00" in before and "6,000.00" in base_area.inner_text()  # 2,400 → 3,000 ㎡ at 200 %
    # the checkbox of the same group too: the link (the scenario) follows
    finished.clear()
    link = pg.evaluate("() => location.search")
    pg.get_by_text(t("yao.road_through", "ja"), exact=True).click()
    pg.wait_for_function("(l) => location.search !== l", arg=link, timeout=60_000)
    wait_rendered(pg)
    assert finished[-1:] == ["FINISHED_SUCCESSFULLY"] and set(finished[:-1]) <= {"FINISHED_EARLY_FOR_RERUN"}, finished
    assert pg.locator('[data-testid="stException"]').count() == 0
    assert outside == [] and errors == []


def test_an_on_demand_expander_draws_its_content_when_opened_and_drops_it_when_closed(page):
    """Asaka's per-year table: absent while its expander is closed, drawn by the rerun its opening
    starts, gone again once closed."""
    base, pg, outside, errors = page
    pg.goto(f"{base}/asaka?tab=paths")
    wait_rendered(pg)
    table = pg.locator('[data-testid="stTable"]')
    downloads = pg.locator('[data-testid="stDownloadButton"]')
    assert table.count() == 0
    closed = downloads.count()
    summary = pg.locator('[data-testid="stExpander"] summary').filter(has_text=t("asaka.path_table", "ja"))
    summary.click()
    table.first.wait_for(timeout=60_000)
    wait_rendered(pg)
    assert "2026（令和8）年度" in table.first.inner_text() and "21.58" in table.first.inner_text()
    assert downloads.count() == closed + 2  # the table's CSV and Excel, drawn only with it
    summary.click()
    pg.wait_for_function("() => !document.querySelector('[data-testid=stTable]')", timeout=60_000)
    wait_rendered(pg)
    assert downloads.count() == closed
    assert pg.locator('[data-testid="stException"]').count() == 0
    assert outside == [] and errors == []


def test_deep_link_on_a_fresh_server_goes_through_the_app_shell(server, session_db):
    """The first request a new server sees is a shared link to a module page: it must get the app's
    navigation, language and database check (Streamlit would otherwise run the page file alone)."""
    _, b = server  # the browser of the other tests; a second, fresh server
    path = MUNICIPALITIES[0].key
    with app_server(session_db) as base:
        pg = b.new_page()
        pg.goto(f"{base}/{path}?lang=en")
        wait_rendered(pg)
        # the page may first run alone and then rerun through app.py: wait for the app's navigation
        pg.locator('[data-testid="stSidebarNav"]').get_by_text("Sources and data").wait_for(timeout=30_000)
        wait_rendered(pg)
        nav = pg.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "Sources and data" in nav and "app" not in nav.split()
        assert pg.get_by_text("English", exact=True).count() == 1
        assert pg.locator('[data-testid="stException"]').count() == 0


def _settled(pg) -> None:
    pg.wait_for_timeout(300)
    wait_rendered(pg)


def _fill(pg, label: str, value: str, nth: int = -1) -> None:
    box = pg.get_by_label(label, exact=True)
    box = box.last if nth == -1 else box.nth(nth)
    box.fill(value)
    box.press("Enter")
    _settled(pg)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_yao_barrier_free_form_filled_by_clicking_and_printed(page, lang):
    """A planner who never saw the code: the barrier-free route, a 特定建築物 with a corridor and a stair,
    by clicking and typing; each part's bonus beside it, the total in the answer; then the print layout."""
    base, pg, outside, errors = page
    pg.goto(f"{base}/yao?lang={lang}")
    wait_rendered(pg)
    pg.get_by_text(t("yao.route", lang), exact=True)  # the route's radio
    pg.locator('[data-testid="stRadio"]').filter(has_text=t("yao.route", lang)).get_by_text(
        "バリアフリー法に基づく許可" if lang == "ja" else "Barrier-free permit (Barrier-Free Act Art. 24)"
    ).click()
    _settled(pg)
    assert t("yao.route_needs.barrier_free", lang) in pg.locator('[data-testid="stMain"]').inner_text()
    pg.get_by_role("tab", name=t("yao.in.barrier_free", lang), exact=True).click()
    _settled(pg)
    pg.get_by_text(t("yao.bf.art19_applied", lang), exact=True).click()
    _settled(pg)

    def add(kind_label: str) -> None:
        pg.get_by_label(t("yao.bf.kind", lang), exact=True).last.click()
        pg.keyboard.type(kind_label)  # a long list: typed to find, as a user would
        pg.get_by_role("option", name=kind_label, exact=True).click()
        _settled(pg)
        pg.get_by_role("button", name=t("yao.bf.add", lang), exact=True).click()
        _settled(pg)

    from machi.yao import barrier_free as bf
    from machi.yao.permit import load_rules

    kinds = bf.kinds(load_rules(), lang, "tokutei")
    add(kinds["tokutei_corridor"])  # starts on 別表2 一①: choose ②, the "other" layout
    pg.get_by_label(t("yao.bf.row", lang, clause="別表2 一"), exact=True).last.click()
    pg.get_by_role("option", name=bf.row_options(load_rules(), "tokutei_corridor", lang)[2], exact=True).click()
    _settled(pg)
    pg.get_by_text(t("yao.bf.layout.other", lang), exact=True).last.click()
    _settled(pg)
    _fill(pg, t("yao.bf.length_m", lang), "30")
    _fill(pg, t("yao.bf.actual_area_m2", lang), "54")
    add(kinds["tokutei_stair"])  # 別表2 二①: 2.28 × 4.0 = 9.12 against 12.00
    _fill(pg, t("yao.bf.height_m", lang), "4")
    _fill(pg, t("yao.bf.actual_area_m2", lang), "12")

    main = pg.locator('[data-testid="stMain"]').inner_text()
    assert "36.00 ㎡" in main and "18.00 ㎡" in main and "9.12 ㎡" in main and "2.88 ㎡" in main, main
    claimed = pg.locator('[data-testid="stMetric"]').filter(has_text=t("yao.bonus_claimed", lang)).inner_text()
    assert "20.88 ㎡" in claimed  # 18.00 + 2.88
    assert t("yao.eligible", lang) in main
    full_screenshot(pg, SCREENSHOTS / f"yao_{lang}_barrier_free_form.png")
    # the print layout of the same scenario lists both parts with their bonus
    pg.goto(pg.url + "&print=1")
    wait_rendered(pg)
    printed = pg.locator('[data-testid="stMain"]').inner_text()
    assert t("yao.bf.part_named", lang, n=2, kind=kinds["tokutei_stair"]) in printed and "2.88 ㎡" in printed
    assert pg.locator('[data-testid="stException"]').count() == 0
    assert outside == [] and errors == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_yao_input_tabs_fit_at_1280_px(server, lang):
    """Every input group's label readable at 1280 px, on either route: no tab behind a scroll arrow."""
    from machi.yao import logic as yao
    from machi.yao.permit.examples import example

    base, b = server
    context = b.new_context(viewport={"width": 1280, "height": 900})
    try:
        pg = context.new_page()
        for name in ("facilities_pass", "barrier_free_store"):
            pg.goto(f"{base}/yao?lang={lang}&s={yao.encode_scenario(example(name)['application'])}")
            wait_rendered(pg)
            bars = pg.evaluate(
                "() => [...document.querySelectorAll('[role=tablist]')].map(t => [t.scrollWidth, t.clientWidth])"
            )
            assert bars and all(scroll <= client for scroll, client in bars), (name, bars)
    finally:
        context.close()


def test_links_between_figures_open_the_view_they_name_even_on_a_visited_page(page):
    """A home card opens the view that answers it, though the session left that page on another tab; a
    numeric target opens its programme's sheet; Zushi links to Osaka's comparison with Zushi in it, and
    the comparison links back."""
    base, pg, outside, errors = page
    pg.goto(f"{base}/osaka?tab=map")  # the session leaves Osaka on its map
    wait_rendered(pg)
    pg.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=t("nav.home", "ja"), exact=True).click()
    wait_rendered(pg)
    pg.get_by_role("link", name=t("osaka.home_link", "ja")).click()
    pg.wait_for_url("**/osaka**")  # the first tab: left out of the URL once drawn
    wait_rendered(pg)
    assert pg.get_by_role("tab", name=t("osaka.tab.ranking", "ja")).get_attribute("aria-selected") == "true"

    pg.goto(f"{base}/zushi?tab=targets")
    wait_rendered(pg)
    pg.get_by_role("link", name=t("zushi.open_sheet", "ja", n=6)).click()
    pg.wait_for_url("**/zushi?**tab=sheet**")
    wait_rendered(pg)
    assert pg.get_by_role("tab", name=t("zushi.tab.sheet", "ja")).get_attribute("aria-selected") == "true"
    assert pg.get_by_role("heading", name="6 海水浴場の開設・運営").is_visible()  # the sheet of that target

    pg.get_by_role("link", name=t("common.compare_area", "ja", page=t("osaka.nav", "ja"))).click()
    pg.wait_for_url("**/osaka?**areas=14208**")
    wait_rendered(pg)
    assert pg.get_by_role("tab", name=t("osaka.tab.compare", "ja")).get_attribute("aria-selected") == "true"
    back = t("common.open_municipality", "ja", name=t("zushi.nav_group", "ja"), page=t("zushi.nav", "ja"))
    pg.get_by_role("link", name=back).click()
    pg.wait_for_url(f"{base}/zushi**")
    wait_rendered(pg)
    assert pg.locator("h1").first.inner_text() == t("zushi.title", "ja")
    assert outside == [] and errors == []


#: every visible text of the main area smaller than 20 px: [size, text, the nearest Streamlit element]
_SMALL_TEXT_JS = """() => {
  const out = [], main = document.querySelector('[data-testid="stMain"]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim(), el = walker.currentNode.parentElement;
    if (!text || !el.getClientRects().length || !el.checkVisibility({visibilityProperty: true})) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 20) out.push([size, text.slice(0, 40), (el.closest('[data-testid]') || {}).dataset?.testid]);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_chamber_view_steps_through_every_screen_at_20_px_or_more(server, lang):
    """Projected at 1920 × 1080: from Zushi's first screen, the large "next" link walks through every
    page's top and sections (each screen its own address) to Yao's last; on every screen no sidebar,
    every text on the page and in its charts at least 20 px, and the screen's chart begins above the fold.
    A screenshot of each goes to artifacts/screenshots/chamber/."""
    base, b = server
    context = b.new_context(viewport={"width": 1920, "height": 1080})
    outside = block_outside_requests(context, base)
    shots = SCREENSHOTS / "chamber"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        pg = context.new_page()
        pg.goto(f"{base}/zushi?view=chamber&lang={lang}")
        wait_rendered(pg)
        seen = []
        while True:
            query = pg.evaluate("() => new URLSearchParams(location.search).get('tab') || ''")
            where = f"{pg.url.split('/')[-1].split('?')[0]}:{query}"
            seen.append(where)
            pg.screenshot(path=str(shots / f"{where.replace(':', '_') or 'top'}_{lang}.png"))
            assert not pg.locator('[data-testid="stSidebar"]').is_visible(), where
            assert pg.evaluate(_SMALL_TEXT_JS) == [], where
            charts = pg.locator(".js-plotly-plot")
            if charts.count():
                assert charts.first.bounding_box()["y"] < 1080 - 300, where  # the chart is on the screen
            ahead = pg.get_by_role("link", name=t("chamber.next", lang, name="").removesuffix(" →").strip())
            if not ahead.count():  # the last screen: its "next" is not a link
                break
            before = pg.url
            ahead.first.click()
            pg.wait_for_function("(b) => location.href !== b", arg=before, timeout=60_000)
            wait_rendered(pg)
            assert len(seen) < 40
        assert seen[0] == "zushi:" and seen[-1] == "yao:sensitivity" and "osaka:map" in seen and len(seen) == 25
        pg.go_back()  # the browser's Back: the screen before
        pg.wait_for_url("**/yao?**tab=breakdown**")
        wait_rendered(pg)
        assert t("yao.tab.breakdown", lang) in pg.locator(".st-key-chamber_bar").inner_text()
        assert outside == []
    finally:
        context.close()


def _contrast(fg: str, bg: str) -> float:
    """The WCAG contrast ratio of two colours given as rgb(…) or rgba(…) by the browser."""

    def luminance(colour: str) -> float:
        r, g, b = (int(float(v)) / 255 for v in colour[colour.index("(") + 1 : -1].split(",")[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_page_has_its_own_title_and_source_lines_read_at_4_5_to_1(page, lang):
    """The browser's tab names the page in the reader's language; a caption (every source line and data
    date is one) has at least the 4.5:1 contrast JIS X 8341-3 / WCAG 2.1 AA asks of text."""
    base, pg, outside, errors = page
    titles = set()
    for path, title_key in PAGES:
        pg.goto(f"{base}/{'' if path == 'home' else path}?lang={lang}")
        wait_rendered(pg)
        titles.add(pg.title())
        nav = {"home": "nav.home", "sources": "nav.sources"}.get(path, title_key)  # the page's name in the navigation
        assert pg.title() == t("app.page_title", lang, page=t(nav, lang)), path
        colours = pg.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stCaptionContainer"]')]
                 .filter(e => e.getClientRects().length).map(e => getComputedStyle(e).color)"""
        )
        assert colours and all(_contrast(c, "rgb(255, 255, 255)") >= 4.5 for c in colours), (path, colours)
    assert len(titles) == len(PAGES) and errors == [] and outside == []
