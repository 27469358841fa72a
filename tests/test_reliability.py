"""Reliability, end to end on a real server in headless Chromium.

- Offline: with every request outside the local server blocked, every page renders completely —
  each plotly chart has drawn marks and the Osaka ward map has drawn every ward's shape, each in its
  own shade (read back as pixels) — and no outside request is even attempted; no page carries an iframe or a
  script, stylesheet or image from elsewhere.
- Faults: a database deleted, overwritten with garbage or truncated while the app is stopped is
  rebuilt at the next start; a broken or unreadable source file gives a clear warning naming it and
  the previous database is kept byte for byte; no usable source folder and no database gives a clear
  error, never a traceback.
- Downloads: a cell starting with = + - @ reaches the browser's CSV download (and the CLI's
  `export --excel`) neutralised with a leading ', with the BOM, numbers untouched.
- No data reaches unsafe HTML: no call in the code enables it (AST check, itself checked on
  snippets that do).
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from tests.browser_support import (
    app_server,
    app_server_env,
    block_outside_requests,
    browser,
    open_tab,
    require_browser,
    wait_rendered,
)
from tests.conftest import ROOT

#: (url path, title key) of every page: the app's own and each module's
PAGES = [("home", "app.title"), ("sources", "sources.title")] + [(m.key, m.nav_key) for m in MUNICIPALITIES]
MODULE_PAGE = "zushi?tab=targets"  # the module page opened by the fault tests: its targets (a chart and a card each)


# --- shared helpers -------------------------------------------------------------------------------


def url(base: str, path: str, lang: str = "en") -> str:
    """The page's address; `path` may carry its own query (osaka?tab=map)."""
    path, _, query = path.partition("?")
    return f"{base}/{'' if path == 'home' else path}?lang={lang}" + (f"&{query}" if query else "")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_data(tmp_path: Path) -> Path:
    """A copy of data/ (sources only, no database) to point MACHI_DATA at."""
    d = tmp_path / "data"
    shutil.copytree(ROOT / "data", d, ignore=shutil.ignore_patterns("*.duckdb", "*.wal", "*.tmp"))
    return d


def set_cells(path: Path, match: dict[str, str], changes: dict[str, str]) -> None:
    """Change cells of the one row of a CSV whose columns equal `match`."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    col = {c: i for i, c in enumerate(rows[0])}
    hits = [r for r in rows[1:] if r and all(r[col[k]] == v for k, v in match.items())]
    assert len(hits) == 1, f"{path.name}: {len(hits)} rows match {match}"
    for k, v in changes.items():
        hits[0][col[k]] = v
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def table_counts(db: Path) -> dict[str, int]:
    from machi.core.build import table_counts as counts
    from machi.core.db import connect_read_only

    con = connect_read_only(db)
    try:
        return counts(con)
    finally:
        con.close()


def build_info(db: Path) -> dict[str, str]:
    from machi.core.db import connect_read_only

    con = connect_read_only(db)
    try:
        return dict(con.execute("SELECT key, value FROM build_info").fetchall())
    finally:
        con.close()


def no_traceback(pg) -> None:
    """No exception box and no Python traceback text anywhere on the page."""
    boxes = pg.locator('[data-testid="stException"]')
    assert boxes.count() == 0, boxes.first.inner_text()
    body = pg.locator("body").inner_text()
    assert "Traceback" not in body and 'File "' not in body, body[:2000]


def alerts(pg, kind: str) -> list[str]:
    """Texts of the st.error / st.warning boxes (kind 'Error' or 'Warning')."""
    return pg.locator(f'[data-testid="stAlertContent{kind}"]').all_inner_texts()


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium for the module's tests (each fault test starts its own server)."""
    with browser(require_browser()) as b:
        yield b


@pytest.fixture()
def open_page(chromium):
    """open_page(base, path) -> a rendered page in a fresh context that blocks outside requests."""
    opened = []

    def open_(base: str, path: str, lang: str = "en"):
        context = chromium.new_context(viewport={"width": 1440, "height": 1000}, locale="ja-JP")
        outside = block_outside_requests(context, base)
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        opened.append(context)
        pg.goto(url(base, path, lang))
        wait_rendered(pg)
        pg.outside, pg.js_errors = outside, errors
        return pg

    yield open_
    for context in opened:
        context.close()


# --- offline: every page renders completely, charts and map drawn ---------------------------------

#: For every plotly chart: its trace types, how many trace groups it has, how many of them have a
#: visible mark (a path/rect of non-zero size), and whether it is the ward map.
CHART_MARKS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(p => {
    const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const traces = [...p.querySelectorAll('.main-svg g.trace')];
    const box = p.getBoundingClientRect();
    return {
        types: (p._fullData || []).map(d => d.type),
        traces: traces.length,
        drawn: traces.filter(g => [...g.querySelectorAll('path, rect')].some(visible)).length,
        map: (p._fullLayout || {}).meta === 'ward_map',
        size: [box.width, box.height],
    };
})"""

#: Everything in the page that loads or embeds something from outside the local server, plus any
#: iframe/object/embed at all and any script or inline event handler inside the main area.
FOREIGN_CONTENT_JS = """() => {
    const here = location.origin;
    const foreign = u => {
        try { const x = new URL(u, location.href); return !['data:', 'blob:', 'about:'].includes(x.protocol) && x.origin !== here; }
        catch (e) { return true; }
    };
    const found = [];
    for (const e of document.querySelectorAll('iframe, frame, object, embed')) found.push('embedded: ' + e.outerHTML.slice(0, 200));
    for (const e of document.querySelectorAll('script[src], img[src], source[src], video[src], audio[src], track[src], input[src]'))
        if (foreign(e.getAttribute('src'))) found.push('loads from outside: ' + e.outerHTML.slice(0, 200));
    for (const e of document.querySelectorAll('link[href]'))
        if ((e.rel || '') !== 'canonical' && foreign(e.getAttribute('href'))) found.push('links a resource from outside: ' + e.outerHTML.slice(0, 200));
    for (const e of document.querySelectorAll('[srcset], [poster], [formaction], form[action]')) found.push('suspicious: ' + e.outerHTML.slice(0, 200));
    const main = document.querySelector('[data-testid="stMain"]');
    for (const e of main.querySelectorAll('script')) found.push('script in main: ' + e.outerHTML.slice(0, 200));
    for (const e of main.querySelectorAll('*'))
        for (const a of e.attributes)
            if (a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)) found.push('inline handler: ' + e.outerHTML.slice(0, 200));
    const links = [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => /^https?:/.test(h) && new URL(h).origin !== here);
    return {found, links};
}"""  # noqa: E501 (JavaScript)

#: The ward map as drawn: the area code of each ward shape in the figure, the codes whose fill was
#: drawn with a size, and how many distinct fill colours the drawn shapes have.
MAP_STATE_JS = """() => {
    const p = [...document.querySelectorAll('.js-plotly-plot')].find(p => (p._fullLayout || {}).meta === 'ward_map');
    if (!p) return null;
    const shapes = [...p.querySelectorAll('.scatterlayer g.trace')].filter(g => g.__data__ && g.__data__[0].trace.fill === 'toself');
    const drawn = shapes.map(g => [g.__data__[0].trace.meta, g.querySelector('path.js-fill')])
        .filter(([, f]) => f && (f.getAttribute('d') || '').length > 10 && f.getBoundingClientRect().width > 0);
    return {
        wards: (p._fullData || []).filter(d => d.fill === 'toself').map(d => String(d.meta)),
        drawn: drawn.map(([code]) => String(code)),
        colours: new Set(drawn.map(([, f]) => f.style.fill)).size,
    };
}"""  # noqa: E501 (JavaScript)


def _norm(link: str) -> str:
    """A URL as the browser's a.href and as written in sources.csv compare equal."""
    from urllib.parse import unquote

    return unquote(link).rstrip("/")


def map_pixels(png: bytes) -> tuple[float, int, float]:
    """(share of non-white pixels, number of distinct colours (5 bits per channel) among them, share
    of orange pixels) of a screenshot."""
    import numpy as np
    from PIL import Image

    px = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(int)
    ink = px[px.min(axis=1) < 235]
    colours = len({tuple(c) for c in (ink // 8).tolist()})
    orange = ((px[:, 0] - px[:, 2] > 40) & (px[:, 0] > 150)).mean()
    return len(ink) / len(px), colours, float(orange)


def assert_map_drawn(png: bytes) -> None:
    """The ward polygons are there: a fair share of the map is coloured, in many shades of orange
    (the Oranges scale over 24 wards), not a blank or single-colour canvas."""
    ink, colours, orange = map_pixels(png)
    assert ink > 0.10, f"the map is nearly blank: {ink:.1%} non-white pixels"
    assert orange > 0.08, f"too few ward-coloured (orange) pixels: {orange:.1%}"
    assert colours >= 12, f"only {colours} distinct colours: the wards are not shaded"


def check_charts(pg) -> list[dict]:
    """Every plotly chart shown, the map included, has a size and has drawn its marks."""
    charts = pg.evaluate(CHART_MARKS_JS)
    for n, c in enumerate(charts):
        assert c["size"][0] > 100 and c["size"][1] > 100, f"chart {n} {c['types']} has no size: {c}"
        assert c["traces"] >= 1 and c["drawn"] >= 1, f"chart {n} {c['types']} drew no marks: {c}"
        assert c["drawn"] >= (c["traces"] + 1) // 2, f"chart {n} {c['types']}: most traces not drawn: {c}"
    return charts


def check_map(pg, charts: list[dict]) -> int:
    """When a ward map is shown: every ward's shape drawn, each in its own shade. How many maps."""
    if not any(c["map"] for c in charts):
        return 0
    state = pg.evaluate(MAP_STATE_JS)
    assert sorted(state["drawn"]) == sorted(state["wards"]) and len(state["wards"]) == 24, state
    assert state["colours"] >= 10, state
    plot = pg.locator(".js-plotly-plot").filter(has=pg.locator(".scatterlayer .js-fill")).first
    plot.scroll_into_view_if_needed()
    assert_map_drawn(plot.screenshot())
    return sum(c["map"] for c in charts)


@pytest.fixture(scope="module")
def offline_server(session_db, chromium):
    with app_server(session_db) as base:
        yield base


@pytest.mark.e2e
@pytest.mark.parametrize("path,title_key", PAGES)
def test_every_page_renders_completely_offline(offline_server, open_page, session_db, path, title_key):
    base = offline_server
    pg = open_page(base, path, "en")
    no_traceback(pg)
    assert pg.locator("h1").first.inner_text().strip()
    nav = pg.locator('[data-testid="stSidebarNav"]').inner_text()
    assert t(title_key if path != "home" else "nav.home", "en") in nav
    # every tab of the page, opened as a user does (a tab draws only when open): every plotly chart has
    # drawn its marks (the map: every ward's shape and its shade, checked when its tab is open)
    tabs = pg.get_by_role("tab").count()
    if path not in ("home", "sources"):
        assert tabs >= 4, "a module page without its section tabs"
    charts, maps, opened = check_charts(pg), 0, []
    first_open = pg.locator('[role="tab"][aria-selected="true"]').count()  # each tab group's first tab
    maps += check_map(pg, charts)
    for n in range(tabs):
        tab = open_tab(pg, n)
        if tab is None:  # open already
            continue
        opened.append(tab)
        no_traceback(pg)
        now = check_charts(pg)
        maps += check_map(pg, now)
        charts += now
    assert first_open + len(set(opened)) == tabs, opened  # each click opened another section
    if path not in ("home", "sources"):
        assert charts, "a module page without any chart"
    if path == "osaka":  # so the map checks cannot be skipped by accident
        assert maps == 1, charts
    # nothing from elsewhere in the page; outside links only to the cited sources
    foreign = pg.evaluate(FOREIGN_CONTENT_JS)
    assert foreign["found"] == [], foreign["found"]
    from machi.core.db import connect_read_only

    con = connect_read_only(session_db)
    try:
        cited = {_norm(r[0]) for r in con.execute("SELECT url FROM sources WHERE url IS NOT NULL").fetchall()}
    finally:
        con.close()
    uncited = {link for link in foreign["links"] if _norm(link) not in cited}
    assert not uncited, f"links outside the app that are not source citations: {uncited}"
    assert pg.outside == [], f"requests outside the local server were attempted: {pg.outside}"
    assert pg.js_errors == [], pg.js_errors


def test_map_pixel_check_rejects_blank_and_flat_maps():
    """The pixel check can fail: a blank map, and one filled with a single colour, are refused."""
    from PIL import Image

    def png(fill) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (300, 500), fill).save(out, format="PNG")
        return out.getvalue()

    for image in (png("white"), png((253, 143, 63))):
        with pytest.raises(AssertionError):
            assert_map_drawn(image)


@pytest.mark.e2e
def test_foreign_content_check_catches_injected_script_and_iframe(chromium):
    """The DOM check can fail: on a page with an outside script, an iframe and an inline handler."""
    context = chromium.new_context()
    attempted = block_outside_requests(context, "http://127.0.0.1:1")
    try:
        pg = context.new_page()
        pg.set_content(
            '<div data-testid="stMain"><p onclick="x()">hi</p><script src="https://evil.example/x.js"></script>'
            '<iframe src="https://evil.example/"></iframe><a href="https://elsewhere.example/">x</a></div>'
        )
        result = pg.evaluate(FOREIGN_CONTENT_JS)
    finally:
        context.close()
    text = "\n".join(result["found"])
    assert "embedded: <iframe" in text and "loads from outside: <script" in text and "inline handler" in text
    assert result["links"] == ["https://elsewhere.example/"]
    assert attempted  # and the outside requests were seen and refused


# --- faults: the database damaged while the app is stopped ----------------------------------------


def _delete(db: Path) -> None:
    db.unlink()
    db.with_name(db.name + ".wal").write_bytes(os.urandom(4096))  # a stray WAL of a crashed writer


def _garbage(db: Path) -> None:
    db.write_bytes(os.urandom(256 * 1024))


def _truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


@pytest.mark.e2e
@pytest.mark.parametrize("damage", [_delete, _garbage, _truncate], ids=["deleted", "garbage", "truncated"])
def test_damaged_database_is_rebuilt_at_next_start(tmp_path, session_db, open_page, damage):
    from machi.core.build import build

    db = tmp_path / "machi.duckdb"
    build(MUNICIPALITIES, db)
    expected = table_counts(session_db)
    damage(db)
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with app_server(db) as base:
        for path in ("home", MODULE_PAGE):
            pg = open_page(base, path)
            no_traceback(pg)
            assert alerts(pg, "Error") == [], alerts(pg, "Error")
            assert not [w for w in alerts(pg, "Warning") if w.startswith("Rebuilding the data failed")]
            assert pg.locator("h1").first.inner_text().strip()
            assert len(pg.locator('[data-testid="stMain"]').inner_text().strip()) > 200
        assert pg.locator(".js-plotly-plot .main-svg").count() >= 1  # the module page shows its charts
        # the file is a valid database again, rebuilt by this start, with every table and row
        assert table_counts(db) == expected
        info = build_info(db)
        assert dt.datetime.fromisoformat(info["built_at"]) >= started
        assert len(info["fingerprint"]) == 64
    assert not list(tmp_path.glob(".*.tmp*"))


def test_a_truncated_database_that_still_opens_is_not_trusted(tmp_path):
    """Cut anywhere in its data, the file still opens and its build_info still answers (the catalog
    is at the front), but queries fail later: it must be rebuilt, and every dataset must then load."""
    from machi.core import build as b
    from machi.core import datasets
    from machi.core.db import connect_read_only

    db = tmp_path / "machi.duckdb"
    b.build(MUNICIPALITIES, db)
    whole = db.read_bytes()
    for cut in (0.5, 0.9):
        db.write_bytes(whole[: int(len(whole) * cut)])
        assert b.ensure_database(MUNICIPALITIES, db).rebuilt, f"a database cut at {cut:.0%} was trusted"
        con = connect_read_only(db)
        try:
            assert all(len(datasets.load(con, d)) >= 0 for d in datasets.datasets(MUNICIPALITIES).values())
        finally:
            con.close()


# --- faults: a broken source file -----------------------------------------------------------------


def _text_in_numeric_column(data: Path) -> list[str]:
    set_cells(data / "zushi" / "kpis.csv", {"sheet_no": "2"}, {"baseline": "zero"})
    return ["kpis.csv", "row 2", "column baseline", "'zero'"]


def _folder_instead_of_file(data: Path) -> list[str]:
    (data / "zushi" / "kpis.csv").unlink()
    (data / "zushi" / "kpis.csv").mkdir()
    return ["kpis.csv", "cannot be read"]


def _unreadable_file(data: Path) -> list[str]:
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop reading (the folder case covers the same path)")
    (data / "zushi" / "kpis.csv").chmod(0)
    return ["kpis.csv", "cannot be read"]


@pytest.mark.e2e
@pytest.mark.parametrize(
    "breakage",
    [_text_in_numeric_column, _folder_instead_of_file, _unreadable_file],
    ids=["text_in_numeric_column", "folder_instead_of_file", "unreadable_file"],
)
def test_broken_source_warns_and_keeps_the_previous_database(tmp_path, open_page, breakage):
    from machi.core.build import build

    data = copy_data(tmp_path)
    db = tmp_path / "machi.duckdb"
    build(MUNICIPALITIES, db, data)
    before, info_before = digest(db), build_info(db)
    named = breakage(data)
    try:
        with app_server_env(db, {"MACHI_DATA": str(data)}) as base:
            for path in ("home", MODULE_PAGE):
                pg = open_page(base, path)
                no_traceback(pg)
                warnings = alerts(pg, "Warning")
                banner = [w for w in warnings if w.startswith("Rebuilding the data failed")]
                assert banner, f"no rebuild-failed warning; warnings: {warnings}, errors: {alerts(pg, 'Error')}"
                for part in named:
                    assert part in banner[0], f"{part!r} not named in: {banner[0]}"
            # the data still shows: the KPI card read from the kept database, and the charts
            main = pg.locator('[data-testid="stMain"]').inner_text()
            assert "Elementary school districts with a residents' self-government council" in main  # English view
            assert pg.locator(".js-plotly-plot .main-svg").count() >= 2
        assert digest(db) == before and build_info(db) == info_before  # exactly as it was
        assert not list(tmp_path.glob(".*.tmp*"))
    finally:
        p = data / "zushi" / "kpis.csv"
        if p.exists() and p.is_file():
            p.chmod(0o644)


def test_unreadable_source_keeps_the_previous_database(tmp_path, monkeypatch):
    """A source file the process may not read (permissions; a browser test cannot show this when
    running as root) is a BuildError naming it: the previous database is kept, or with none, the
    app can say so clearly."""
    from machi.core import build as b

    data = copy_data(tmp_path)
    db = tmp_path / "machi.duckdb"
    b.build(MUNICIPALITIES, db, data)
    before = digest(db)
    target = data / "zushi" / "kpis.csv"
    real_read_bytes, real_open = Path.read_bytes, Path.open

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", lambda self: denied(self) if self == target else real_read_bytes(self))
    monkeypatch.setattr(
        Path, "open", lambda self, *a, **k: denied(self) if self == target else real_open(self, *a, **k)
    )
    result = b.ensure_database(MUNICIPALITIES, db, data)
    assert str(result.error) == "kpis.csv: cannot be read (Permission denied)", result.error
    assert digest(db) == before
    with pytest.raises(b.BuildError, match=r"kpis\.csv: cannot be read"):
        b.ensure_database(MUNICIPALITIES, tmp_path / "other.duckdb", data)
    with pytest.raises(b.BuildError, match=r"kpis\.csv: cannot be read"):
        b.build(MUNICIPALITIES, tmp_path / "other.duckdb", data)
    assert not (tmp_path / "other.duckdb").exists() and not list(tmp_path.glob(".*.tmp*"))


def _empty_folder(tmp_path: Path) -> Path:
    (tmp_path / "empty").mkdir()
    return tmp_path / "empty"


def _a_file_not_a_folder(tmp_path: Path) -> Path:
    (tmp_path / "data.txt").write_text("not a folder", encoding="utf-8")
    return tmp_path / "data.txt"


def _unreadable_sources(tmp_path: Path) -> Path:
    data = copy_data(tmp_path)
    (data / "sources.csv").unlink()
    (data / "sources.csv").mkdir()  # cannot be opened as a file (root ignores file permissions)
    return data


@pytest.mark.e2e
@pytest.mark.parametrize(
    "make_data",
    [_empty_folder, _a_file_not_a_folder, _unreadable_sources],
    ids=["empty_folder", "a_file_not_a_folder", "unreadable_source"],
)
def test_no_usable_sources_and_no_database_gives_a_clear_error(tmp_path, open_page, make_data):
    data = make_data(tmp_path)
    db = tmp_path / "db" / "machi.duckdb"
    # the check runs in app.py before any page, so one module page (a deep link) is enough
    pages = ("home", MODULE_PAGE) if make_data is _empty_folder else ("home",)
    with app_server_env(db, {"MACHI_DATA": str(data)}) as base:
        for path in pages:
            pg = open_page(base, path)
            no_traceback(pg)
            errors = alerts(pg, "Error")
            assert len(errors) == 1, errors
            assert errors[0].startswith("The database could not be built. Cause: sources.csv: "), errors
            assert pg.outside == []
    assert not db.exists()
    if db.parent.exists():
        assert list(db.parent.iterdir()) == []  # no half-built files left


def test_a_missing_source_folder_is_a_clear_build_error(tmp_path):
    """(The same path as the empty folder above, without a server.)"""
    from machi.core import build as b

    with pytest.raises(b.BuildError, match=r"^sources.csv: file not found in the data folder$"):
        b.ensure_database(MUNICIPALITIES, tmp_path / "machi.duckdb", tmp_path / "no_such_folder")
    assert list(tmp_path.iterdir()) == []


# --- downloads: formula cells neutralised ---------------------------------------------------------

INJECTED = {
    # asaka/measures.csv, node P1-1-1 (a basic measure with numeric targets): text and a negative number
    "name_ja": '=HYPERLINK("http://x.example/","y")',
    "number_label": "@SUM(1+1)",
    "note_ja": "+1+2",
    "plan_target_ja": "-2+3",
    "current_value": "-2.5",
}
SOURCE_INJECTED = {"note_en": '=HYPERLINK("http://x.example/","z")', "publisher_en": "@Osaka City"}


@pytest.fixture(scope="module")
def injected_server(tmp_path_factory, chromium):
    from machi.core.build import build

    tmp = tmp_path_factory.mktemp("inject")
    data = copy_data(tmp)
    set_cells(data / "asaka" / "measures.csv", {"node_id": "P1-1-1"}, INJECTED)
    set_cells(data / "sources.csv", {"source_id": "osaka_akiya_policy"}, SOURCE_INJECTED)
    db = tmp / "machi.duckdb"
    build(MUNICIPALITIES, db, data)
    with app_server_env(db, {"MACHI_DATA": str(data)}) as base:
        yield base, db, data


def _download(pg, button_key: str) -> tuple[str, bytes]:
    button = pg.locator(f".st-key-{button_key} button")
    button.scroll_into_view_if_needed()
    with pg.expect_download(timeout=30_000) as info:
        button.click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def _cli_export(name: str, db: Path, data: Path) -> bytes:
    env = {**os.environ, "MACHI_DB": str(db), "MACHI_DATA": str(data)}
    out = subprocess.run(
        [sys.executable, "-m", "machi", "export", name, "--excel"], cwd=ROOT, env=env, capture_output=True, timeout=120
    )
    assert out.returncode == 0, out.stderr.decode()
    return out.stdout


def _rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf"), raw[:20]
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


@pytest.mark.e2e
def test_formula_cells_are_neutralised_in_the_browser_download_and_cli_export(injected_server, open_page):
    base, db, data = injected_server
    pg = open_page(base, "sources")
    no_traceback(pg)
    pick_dataset(pg, "asaka_measures")
    name, raw = _download(pg, "dataset_csv")
    assert name == "asaka_measures.csv"
    rows = _rows(raw)
    row = next(r for r in rows if r["node_id"] == "P1-1-1")
    for column in ("name_ja", "number_label", "note_ja", "plan_target_ja"):
        assert row[column] == "'" + INJECTED[column], (column, row[column])
    # numbers are numbers: the negative one is not prefixed, none is
    assert row["current_value"] == "-2.5"
    assert float(row["plan_target_value"]) == 2.7
    numeric = (
        "current_value",
        "plan_target_value",
        "future_target_value",
        "plan_increment_value",
        "future_increment_value",
        "current_value_derived",
    )
    assert all(not r[c].startswith("'") for r in rows for c in numeric)
    # cells that are not formulas are exactly as in the source
    with (data / "asaka" / "measures.csv").open(encoding="utf-8-sig", newline="") as fh:
        source = {r["node_id"]: r for r in csv.DictReader(fh)}
    assert len(rows) == len(source)
    assert all(r["name_ja"] == source[r["node_id"]]["name_ja"] for r in rows if r["node_id"] != "P1-1-1")
    assert b"\r\n" in raw  # Excel line ends
    # the command line gives the very same file
    assert _cli_export("asaka_measures", db, data) == raw
    # and the workbook: the same cells, text that is not a formula
    name, raw = _download(pg, "dataset_xlsx")
    assert name == "asaka_measures.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(raw)).active
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[header.index("node_id")] == "P1-1-1")
    assert row[header.index("name_ja")] == "'" + INJECTED["name_ja"] and row[header.index("current_value")] == -2.5

    # the sources dataset too
    pick_dataset(pg, "sources")
    name, raw = _download(pg, "dataset_csv")
    assert name == "sources.csv"
    row = next(r for r in _rows(raw) if r["source_id"] == "osaka_akiya_policy")
    assert row["note_en"] == "'" + SOURCE_INJECTED["note_en"]
    assert row["publisher_en"] == "'" + SOURCE_INJECTED["publisher_en"]
    assert _cli_export("sources", db, data) == raw
    assert pg.outside == []


def pick_dataset(pg, name: str) -> None:
    box = pg.locator(".st-key-dataset_pick input")
    box.click()
    box.fill(name)
    pg.get_by_role("option", name=name, exact=True).first.click()
    wait_rendered(pg)


def test_formula_neutralising_can_fail():
    """Without `excel`, the same cells go out as they are (so the checks above would notice)."""
    import pandas as pd

    from machi.core import datasets

    df = pd.DataFrame({"text": [INJECTED["name_ja"], "-2+3", "plain"], "n": [-2.5, 1.0, 0.0]})
    plain = _rows(b"\xef\xbb\xbf" + datasets.to_csv(df))
    assert plain[0]["text"] == INJECTED["name_ja"] and plain[1]["text"] == "-2+3"
    excel = _rows(datasets.to_csv(df, excel=True))
    assert [r["text"] for r in excel] == ["'" + INJECTED["name_ja"], "'-2+3", "plain"]
    assert [r["n"] for r in excel] == ["-2.5", "1.0", "0.0"]


# --- nothing from the data reaches unsafe HTML ----------------------------------------------------

#: Streamlit calls whose second positional argument is `unsafe_allow_html`
_SECOND_ARG_UNSAFE = {"markdown", "caption"}
#: Streamlit functions that put raw HTML or another site into the page
_RAW_HTML = {"html", "iframe", "components", "declare_component"}


def unsafe_html_uses(source: str, filename: str = "<snippet>") -> list[str]:
    """Every place in `source` that could put raw HTML into a Streamlit page: unsafe_allow_html not
    literally False (as a keyword, in a ** dict or as markdown/caption's second argument),
    st.html, st.components (components.v1.html/iframe/declare_component), and imports of them."""
    tree = ast.parse(source, filename)
    aliases = {"st", "streamlit"}
    found: list[str] = []
    # a style sheet of our own: st.html(NAME) where NAME is a module-level string literal "<style>…</style>"
    # (constant CSS, no data)
    style_sheets = {
        node.targets[0].id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        and node.value.value.startswith("<style>")
        and node.value.value.rstrip().endswith("</style>")
    }
    allowed = {
        id(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "html"
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id in style_sheets
    }

    def where(node) -> str:
        return f"{filename}:{node.lineno}"

    def dotted(node) -> str:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name):
            parts.append(node.id)
        return ".".join(reversed(parts))

    def not_false(node) -> bool:
        return not (isinstance(node, ast.Constant) and node.value is False)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "streamlit":
                    aliases.add(a.asname or a.name)
                if a.name.startswith("streamlit.components"):
                    found.append(f"{where(node)}: import {a.name}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("streamlit"):
            names = {a.name for a in node.names}
            if (node.module or "").startswith("streamlit.components") or names & _RAW_HTML:
                found.append(f"{where(node)}: from {node.module} import {', '.join(sorted(names))}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in allowed:
            name = dotted(node)
            root, _, rest = name.partition(".")
            if root in aliases and rest.split(".")[0] in _RAW_HTML:
                found.append(f"{where(node)}: {name}")
        elif isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                if isinstance(k, ast.Constant) and k.value == "unsafe_allow_html" and not_false(v):
                    found.append(f"{where(node)}: {{'unsafe_allow_html': ...}}")
        elif isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "unsafe_allow_html" and not_false(kw.value):
                    found.append(f"{where(node)}: {dotted(node.func)}(..., unsafe_allow_html={ast.unparse(kw.value)})")
            func = dotted(node.func)
            if func.rsplit(".", 1)[-1] in _SECOND_ARG_UNSAFE and len(node.args) >= 2 and not_false(node.args[1]):
                found.append(
                    f"{where(node)}: {func}(..., {ast.unparse(node.args[1])}) "
                    "(the second argument is unsafe_allow_html)"
                )
            if (
                func == "getattr"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in _RAW_HTML | {"unsafe_allow_html"}
            ):
                found.append(f"{where(node)}: getattr(..., {node.args[1].value!r})")
    return found


def project_python_files() -> list[Path]:
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "machi").rglob("*.py"))]
    return [f for f in files if "__pycache__" not in f.parts]


def test_no_code_puts_raw_html_into_a_page():
    files = project_python_files()
    assert len(files) > 20 and ROOT / "machi" / "ui" / "widgets.py" in files
    found = [u for f in files for u in unsafe_html_uses(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))]
    assert found == [], "raw HTML can reach a page:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "snippet",
    [
        "import streamlit as st\nst.markdown(text, unsafe_allow_html=True)",
        "import streamlit as st\nst.caption(text, unsafe_allow_html=flag)",
        "import streamlit as st\nst.markdown(text, True)",
        "import streamlit as st\nst.write(text, **{'unsafe_allow_html': True})",
        "import streamlit as st\nst.html(text)",
        "import streamlit as s2\ns2.components.v1.iframe('http://x.example/')",
        "import streamlit.components.v1 as components\ncomponents.html(text)",
        "from streamlit.components.v1 import html\nhtml(text)",
        "from streamlit import html\nhtml(text)",
        "import streamlit as st\ngetattr(st, 'html')(text)",
        "from machi import ui\nui.st.markdown(text, unsafe_allow_html=True)",
        "import streamlit as st\nCSS = '<style>' + data + '</style>'\nst.html(CSS)",
        "import streamlit as st\nCSS = f'<style>{data}</style>'\nst.html(CSS)",
        "import streamlit as st\nCSS = '<b>x</b>'\nst.html(CSS)",
        "import streamlit as st\nCSS = '<style></style>'\nst.html(CSS, unsafe_allow_javascript=True)",
        "import streamlit as st\ndef f(CSS):\n    st.html(CSS)",
    ],
)
def test_the_raw_html_check_can_fail(snippet):
    assert unsafe_html_uses(snippet), snippet


def test_the_raw_html_check_passes_safe_calls():
    safe = (
        "import streamlit as st\nst.markdown(text)\nst.markdown(text, unsafe_allow_html=False)\n"
        "st.caption(text, help='x')\nst.write(a, b)\nst.title(text, anchor=False)\n"
    )
    assert unsafe_html_uses(safe) == []
