"""A4 briefs as PDF: a page's print view (every section, its header, its sources) printed by a
Chromium-family browser already on the machine, driven by Playwright (never a downloaded browser).

Why these parts: the brief is then the same page a council member sees, with the same figures and charts
(plotly's own SVG, sharp in print), real searchable text and the fonts embedded by the browser (Japanese
shows on any PC); nothing leaves the machine. Debian's chromium, Chrome and Edge (on every Windows PC)
all print to PDF, so no PDF or font library is needed.

    with serve.server(...) as s:          # or the running app's own address
        pdf = page_pdf(f"{s.base}/zushi?print=1")
"""

from __future__ import annotations

import concurrent.futures
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from machi.core import serve
from machi.core.text import DEFAULT_LANGUAGE, normalise_language

#: the page is drawn: the script has finished, nothing is loading or stale, every chart is drawn
READY = r"""() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  return [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'));
}"""
#: the page number at the foot of every sheet
FOOTER = (
    '<div style="width:100%;text-align:center;font-size:8px;color:#444;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
PAGE_PARAMS = {"print", "lang", "address"}  # a query's own keys are each page's


class BriefError(Exception):
    """A brief cannot be made: `reason` says why in English and Japanese (no browser, a bad query …)."""

    def __init__(self, message_en: str, message_ja: str):
        super().__init__(message_en)
        self.message_en, self.message_ja = message_en, message_ja

    def message(self, lang: str) -> str:
        return getattr(self, f"message_{normalise_language(lang)}")


def no_browser() -> BriefError:
    return BriefError(
        "no Chromium-family browser found (Debian: apt-get install chromium; Windows: Microsoft Edge or Chrome; "
        f"or set {serve.BROWSER_ENV} to the browser's path); the browser's own Print still works",
        "PDF を作るブラウザー（Chromium・Chrome・Edge）が見つかりません（Debian: apt-get install chromium、"
        f"Windows: Microsoft Edge または Chrome、または環境変数 {serve.BROWSER_ENV} にブラウザーのパスを指定）。"
        "ブラウザーの印刷（Ctrl+P）はそのまま使えます",
    )


def print_query(query: str, lang: str, address: str = "") -> str:
    """The query of a page's print view from a page's own query (`fy=2021&tab=budget`), with the language
    and the address its header names (the page as the reader opens it; none when empty); BriefError when
    it is not a query."""
    try:
        pairs = parse_qsl(query or "", keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise BriefError(
            f"not a page query: {query!r} (expected key=value&key=value)",
            f"ページのクエリとして読めません: {query!r}（key=value&key=value の形で指定）",
        ) from None
    pairs = [(k, v) for k, v in pairs if k not in PAGE_PARAMS] + [("print", "1"), ("address", address)]
    if normalise_language(lang) != DEFAULT_LANGUAGE:  # the default language is left out of a link
        pairs.append(("lang", lang))
    return urlencode(pairs)


def _print(url: str, out: Path | None, timeout_s: float) -> bytes:
    from playwright.sync_api import sync_playwright

    browser_path = serve.find_browser()
    if browser_path is None:
        raise no_browser()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, headless=True, args=serve.CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            origin = "/".join(url.split("/")[:3])

            def local_only(route) -> None:  # nothing leaves the machine
                if route.request.url.startswith((origin, "data:", "blob:")):
                    route.continue_()
                else:
                    route.abort()

            page.route("**/*", local_only)
            page.goto(url, timeout=timeout_s * 1000)
            page.wait_for_function(READY, timeout=timeout_s * 1000)
            page.wait_for_timeout(300)
            page.wait_for_function(READY, timeout=timeout_s * 1000)
            page.emulate_media(media="print")
            return page.pdf(
                path=str(out) if out else None,
                format="A4",
                prefer_css_page_size=True,
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
            )
        finally:
            browser.close()


def page_pdf(url: str, out: Path | None = None, timeout_s: float = 60.0) -> bytes:
    """Print the page at `url` (a print view) to an A4 PDF with page numbers; the PDF's bytes (and the file
    `out`, if given). Runs the browser in a thread of its own (a server's event loop may be running here)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, url, out, timeout_s).result()
