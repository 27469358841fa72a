"""Paper, in a real browser: every page's print view printed to A4 PDF (print media), the PDF briefs from
the command line and from the page, read back with poppler (pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from machi.core.text import all_keys, t
from machi.municipalities import MUNICIPALITIES
from tests.browser_support import app_server, browser, require_browser, wait_rendered
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e
OUT = ROOT / "artifacts" / "print"
#: figures a reader looks for on each page's paper, as the page shows them
HEADLINES = {"zushi": "86,152,046", "asaka": "2.13", "osaka": "16.1%", "yao": "214.2%"}
NAV = {m.key: m.nav_key for m in MUNICIPALITIES}


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        if os.environ.get("MACHI_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail(f"{tool} is required here (apt-get install poppler-utils)")
        pytest.skip(f"{tool} missing (apt-get install poppler-utils)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def sheets(pdf: Path) -> list[str]:
    """The text of each sheet."""
    pages = int(
        next(line.split()[-1] for line in poppler("pdfinfo", str(pdf)).splitlines() if line.startswith("Pages"))
    )
    return [poppler("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-") for n in range(1, pages + 1)]


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def printer(session_db):
    chromium = require_browser()
    with app_server(session_db) as base, browser(chromium) as b:
        yield base, b


def print_page(printer, path: str, name: str) -> Path:
    base, b = printer
    page = b.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base}/{path}")
        wait_rendered(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        page.emulate_media(media="print")
        OUT.mkdir(parents=True, exist_ok=True)
        pdf = OUT / f"{name}.pdf"
        page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    poppler("pdftoppm", "-r", "50", "-png", str(pdf), str(OUT / name))  # to look at
    return pdf


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", [m.key for m in MUNICIPALITIES])
def test_a_pages_print_view_prints_every_section_and_nothing_of_the_screen(printer, page, lang):
    pdf = print_page(printer, f"{page}?print=1&lang={lang}", f"{page}_{lang}")
    text = sheets(pdf)
    whole = flat("".join(text))
    for key in (k for k in all_keys() if k.startswith(f"{page}.tab.") and k != "zushi.tab.years"):  # one year
        assert flat(t(key, lang)) in whole, key
    assert flat(t(f"{page}.title", lang)) in whole and HEADLINES[page] in whole
    for other, nav in NAV.items():  # no navigation of the app on paper
        if other != page:
            assert flat(t(nav, lang)) not in whole, other
    assert flat(t("common.sources", lang)) in whole and flat(t("print.printed", lang, date="")) in whole
    assert flat(t("lang.label", lang)) not in whole  # no sidebar
    assert all(s.strip() for s in text), "a blank sheet"
    if page == "osaka":
        assert flat(t("osaka.ref.city", lang)) + "16.1%" in whole  # the city's line on the ranking
    if page == "yao":
        assert "2,400" in whole and flat(t("yao.site_area", lang)) in whole  # the inputs beside the verdict


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_home_and_sources_pages_print_without_the_navigation(printer, lang):
    for path in ("", "sources"):
        pdf = print_page(printer, f"{path}?print=1&lang={lang}", f"{path or 'home'}_{lang}")
        whole = flat("".join(sheets(pdf)))
        assert flat(t("lang.label", lang)) not in whole  # no sidebar
        assert flat(t("sources.title" if path else "app.title", lang)) in whole


def test_the_normal_view_prints_its_open_section_and_says_where_the_rest_is(printer):
    pdf = print_page(printer, "osaka?lang=en", "osaka_normal_en")
    whole = flat("".join(sheets(pdf)))
    assert flat(t("print.one_section", "en")) in whole and "16.1%" in whole
    assert flat(t("nav.home", "en")) + flat(t("zushi.nav", "en")) not in whole


def brief(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "machi", "brief", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", [*(m.key for m in MUNICIPALITIES), "all"])
def test_the_brief_command_prints_a_page_or_the_book(session_db, name, lang):
    require_browser()
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"brief_{name}_{lang}.pdf"
    done = brief(name, "--lang", lang, "-o", str(out))
    assert done.returncode == 0, done.stderr
    fonts = poppler("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # every font embedded
    whole = flat("".join(sheets(out)))
    pages = [m.key for m in MUNICIPALITIES] if name == "all" else [name]
    for page in pages:
        assert HEADLINES[page] in whole and flat(t(f"{page}.title", lang)) in whole
    assert flat(t("common.sources", lang)) in whole
    if name == "all":
        assert flat(t("book.contents", lang)) in whole and flat(t("book.sources_chapter", lang)) in whole
    total = len(sheets(out))
    for n, sheet in enumerate(sheets(out), start=1):  # every sheet numbered at its foot: "n / total"
        assert re.search(rf"\b{n}\s*/\s*{total}\s*$", sheet.rstrip()), (n, sheet[-80:])


def test_the_brief_command_keeps_a_pages_query(session_db):
    require_browser()
    out = OUT / "brief_zushi_query.pdf"
    done = brief("zushi", "--query", "progress=delayed&level=department", "-o", str(out))
    assert done.returncode == 0, done.stderr
    whole = flat("".join(sheets(out)))
    assert flat("進捗状況：▲ イ 予定より遅れている") in whole and flat("集計の単位：所管課") in whole


def test_the_pages_pdf_button_gives_the_brief(printer):
    base, b = printer
    page = b.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(f"{base}/asaka?lang=en")
    wait_rendered(page)
    with page.expect_download(timeout=120_000) as info:
        page.locator(".st-key-pdf_asaka button").click()
    pdf = OUT / "button_asaka_en.pdf"
    OUT.mkdir(parents=True, exist_ok=True)
    info.value.save_as(pdf)
    assert info.value.suggested_filename.startswith("asaka_brief_") and pdf.read_bytes().startswith(b"%PDF")
    whole = flat("".join(sheets(pdf)))
    assert flat(t("asaka.title", "en")) in whole and flat(t("asaka.tab.whatif", "en")) in whole
    page.close()
