"""The Streamlit side of the package: language, the cached database and queries, navigation and the
small shared widgets (KPI row, source footer, download). The only module that imports Streamlit."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import streamlit as st

from machi import build, charts, datasets, db, fmt
from machi.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, normalise_language, t
from machi.registry import Headline, PageSpec, modules

HOME_PAGE = "pages/home.py"
SOURCES_PAGE = "pages/sources.py"
#: how often (seconds) a running app looks at the source files for changes
_RECHECK_SECONDS = 2.0


# --- language -------------------------------------------------------------------------------------


def _language_chosen() -> None:
    st.session_state["_lang"] = st.session_state["lang_switch"]


def language_switch() -> str:
    """The sidebar language switch, Japanese by default. English is kept in the URL as ?lang=en, so a
    shared link opens in its language (no ?lang is Japanese; ?lang=ja is read too); it is written back
    after a page switch, which clears the URL's parameters.

    The session's language lives in its own state (`_lang`), set from the link on the first run and
    by the radio's callback when the user picks one; the radio only shows it. (Kept as the radio's
    own state, a link's language was lost on the first page switch: the browser sent back the
    radio's first option.)"""
    if st.session_state.get("_lang") not in LANGUAGES:  # first run of the session: the link's language
        st.session_state["_lang"] = normalise_language(st.query_params.get("lang"))
    lang = st.session_state["_lang"]
    st.session_state["lang_switch"] = lang
    st.sidebar.radio(
        t("lang.label"),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.__getitem__,
        key="lang_switch",
        horizontal=True,
        on_change=_language_chosen,
    )
    set_param("lang", lang, DEFAULT_LANGUAGE)
    return lang


def current_language() -> str:
    """The language chosen by the switch (pages call this first; the switch lives in app.py).

    It also puts right a deep link opened on a freshly started server: until app.py has called
    st.navigation once, Streamlit treats pages/ as an old-style multipage folder and runs the page
    file alone, without app.py (no language switch, no database check). Leave that mode and rerun
    through app.py, which resolves the same URL.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        # keep the language across the rerun (the switch was not drawn in this run)
        st.session_state["_lang"] = normalise_language(st.session_state.get("_lang") or st.query_params.get("lang"))
        st.rerun()
    return normalise_language(st.session_state.get("_lang", DEFAULT_LANGUAGE))


# --- database -------------------------------------------------------------------------------------


@dataclass
class Database:
    con: duckdb.DuckDBPyConnection
    fingerprint: str
    signature: tuple
    error: str | None = None
    checked_at: float = field(default_factory=time.monotonic)


def _still_current(database: Database) -> bool:
    now = time.monotonic()
    if now - database.checked_at < _RECHECK_SECONDS:
        return True
    database.checked_at = now
    return build.stat_signature() == database.signature


@st.cache_resource(validate=_still_current, show_spinner=False)
def database() -> Database:
    """One read-only connection for the whole server, built or rebuilt first when the database file
    is missing, unreadable or older than its sources."""
    signature = build.stat_signature()
    result = build.ensure_database()
    return Database(db.connect_read_only(), result.fingerprint, signature, result.error)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(name: str, params: tuple, fingerprint: str) -> pd.DataFrame:
    return db.run_query(database().con, name, dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters; results cached per database build."""
    return _cached_query(name, tuple(sorted(params.items())), database().fingerprint)


def dataset(name: str) -> pd.DataFrame:
    return query(datasets.get(name).query)


def database_banner(lang: str) -> None:
    """Say so when the app is showing an older database because a rebuild failed; stop with a clear
    message when no database can be built at all."""
    try:
        current = database()
    except build.BuildError as exc:
        st.error(t("db.build_failed", lang, error=str(exc)))
        st.stop()
    if current.error:
        st.warning(t("db.rebuild_failed", lang, error=current.error))


# --- navigation -----------------------------------------------------------------------------------


def _page(spec: PageSpec, lang: str, default: bool = False) -> st.Page:
    return st.Page(spec.path, title=t(spec.title_key, lang), url_path=spec.url_path, default=default)


def navigation_pages(lang: str) -> dict[str, list[st.Page]]:
    """Home first, then one section per municipality (in module order), then the sources page."""
    sections: dict[str, list[st.Page]] = {"": [_page(PageSpec(HOME_PAGE, "nav.home", "home"), lang, default=True)]}
    for module in modules():
        if module.pages and module.group_key:
            sections.setdefault(t(module.group_key, lang), []).extend(_page(p, lang) for p in module.pages)
    sections[t("nav.group.about", lang)] = [_page(PageSpec(SOURCES_PAGE, "nav.sources", "sources"), lang)]
    return sections


def headlines(lang: str) -> list[Headline]:
    """One headline per module that has one (home page)."""
    found = []
    for module in modules():
        if module.headline:
            h = module.headline(query, lang)
            if h is not None:
                found.append(h)
    return found


# --- shared widgets -------------------------------------------------------------------------------


def source_footer(source_ids: list[str], lang: str) -> None:
    """The sources of what the page shows: title, publisher, date and credit line."""
    sources = query("sources").set_index("source_id")
    with st.container(border=True):
        st.markdown(f"**{t('common.sources', lang)}**")
        for sid in source_ids:
            s = sources.loc[sid]
            title = s.title_ja if lang == "ja" else f"{s.title_en} ({s.title_ja})"
            when = fmt.source_date(s.date, s.date_kind, lang)
            st.caption(f"{title} — {s.publisher_ja if lang == 'ja' else s.publisher_en}, {when}. {s.credit_ja}  [{sid}]")


def download_csv(df: pd.DataFrame, file_stem: str, lang: str, key: str) -> None:
    """An Excel-ready CSV download (UTF-8 with BOM, formula cells neutralised), written only when
    the button is clicked."""
    st.download_button(
        t("common.download_csv", lang),
        data=lambda: datasets.to_csv(df, excel=True),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=key,
        on_click="ignore",
    )



# --- widgets whose value is kept in the URL -------------------------------------------------------
# Streamlit's bind="query-params" writes the *formatted* option to the URL, which changes with the
# language; these keep the language-independent option itself (a code) in the URL instead.


def set_param(key: str, value: str | list[str], default: str | list[str] | None = None) -> None:
    """Keep ?key=value in the URL. Written only when it changes: each write is a message to the browser,
    which re-renders the app and adds a history entry (Back would step through them). Left out when it
    is `default`: a link without it opens the same."""
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif (st.query_params.get_all(key) if isinstance(value, list) else st.query_params.get(key)) != value:
        st.query_params[key] = value


def _from_url_once(key: str, read) -> None:
    if key not in st.session_state:
        st.session_state[key] = read()


def url_multiselect(label: str, options: list[str], key: str, format_func=str, where=st.sidebar) -> list[str]:
    """A multiselect whose choice is kept in the URL as repeated ?key=…&key=… (codes, not labels)."""
    _from_url_once(key, lambda: [v for v in st.query_params.get_all(key) if v in options])
    st.session_state[key] = [v for v in st.session_state[key] if v in options]
    value = where.multiselect(label, options, key=key, format_func=format_func, placeholder=t("common.all", current_language()))
    set_param(key, value, [])
    return value


def url_choice(label: str, options: list[str], key: str, format_func=str, where=st, widget="selectbox") -> str:
    """A selectbox (or horizontal radio) whose choice is kept in the URL as ?key=<option> (the first
    option, the default, is left out)."""
    _from_url_once(key, lambda: st.query_params.get(key) if st.query_params.get(key) in options else options[0])
    if st.session_state[key] not in options:
        st.session_state[key] = options[0]
    if widget == "radio":
        value = where.radio(label, options, key=key, format_func=format_func, horizontal=True)
    else:
        value = where.selectbox(label, options, key=key, format_func=format_func)
    set_param(key, value, options[0])
    return value


def _tab_chosen(key: str, ids: list[str], labels: list[str]) -> None:
    label = st.session_state.get(f"{key}__widget")
    if label in labels:
        st.session_state[key] = ids[labels.index(label)]


def url_tabs(tabs: dict[str, str], key: str, param: str = "tab") -> dict:
    """Tabs that draw only the open one: {tab id: container}; a container's `.open` says whether to fill
    it. The open tab is kept in the URL as ?tab=<tab id> (language independent: a link opens on its tab
    and a language switch keeps it; the first tab is left out) and in the session under `key` (one per
    page), so coming back to a page finds it as it was left. Choosing a tab reruns the page (or the
    fragment the tabs are in), which then draws that tab alone: a page switch pays for one section, not
    for every chart of the page."""
    ids, labels = list(tabs), list(tabs.values())
    _from_url_once(key, lambda: st.query_params.get(param) if st.query_params.get(param) in ids else ids[0])
    if st.session_state[key] not in ids:
        st.session_state[key] = ids[0]
    current = st.session_state[key]
    # The widget's identity includes its labels and its default. A new widget (a page opened, a language
    # switched, a tab set by code) starts on the session's tab; a tab the user chose is already shown,
    # so the widget keeps the default it was made with: a new identity would make the browser build the
    # tab bar and every panel again on each click.
    widget, made = f"{key}__widget", f"{key}__made"
    if st.session_state.get(widget) != tabs[current] or st.session_state.get(made, (None,))[0] != tuple(labels):
        st.session_state[made] = (tuple(labels), tabs[current])
    containers = st.tabs(labels, default=st.session_state[made][1], key=widget, on_change=_tab_chosen,
                         args=(key, ids, labels))
    set_param(param, current, ids[0])
    return dict(zip(ids, containers))


def tab_sections(sections: dict, page: str, lang: str, group: str = "tab", fragment: bool = True) -> None:
    """One tab per section, {id: draw}, labelled `<page>.<group>.<id>`, kept under `<page>_<group>` and
    in the URL as ?<group>=<id> (a page may have more than one group): only the open tab's `draw()` runs.
    The tabs are a fragment: opening one reruns the tabs alone, not the page around them (its header,
    metrics and footer are not sent again). Where a section's inputs feed something drawn outside the tabs
    (Yao's input groups feed the answer), each of those inputs takes `on_change=rerun_app`, so a change
    still reruns the whole page; `fragment=False` makes every tab click a full rerun."""

    def draw() -> None:
        containers = url_tabs({k: t(f"{page}.{group}.{k}", lang) for k in sections}, f"{page}_{group}", param=group)
        for k, container in containers.items():
            if container.open:
                with container:
                    sections[k]()

    if fragment:
        st.fragment(draw)()
    else:
        draw()


def rerun_app() -> None:
    """A widget's on_change inside a fragment whose input feeds something drawn outside it: the change
    reruns the whole script once (Streamlit 1.67: `st.rerun()` from a widget's callback replaces the
    fragment's rerun), so the answer outside is drawn from the new input."""
    st.rerun()


@contextmanager
def on_demand(label: str, key: str, where=st):
    """An expander whose content is computed and drawn only while it is open: `with on_demand(...) as
    shown: if shown: ...`. Opening or closing it reruns the script (the fragment, inside one), so a
    closed one costs the page nothing: a closed plain expander's content is still sent and laid out
    in the browser (Asaka's per-year table in one made its tab about 35 ms slower to open)."""
    with where.expander(label, key=key, on_change="rerun") as box:
        yield bool(box.open)


def metric_row(items: list[tuple[str, str, str | None]]) -> None:
    """A row of bordered metrics: (label, value, help/caption)."""
    with st.container(horizontal=True, gap="small"):
        for label, value, help_text in items:
            st.metric(label, value, help=help_text, border=True, width="stretch")


def url_number(label: str, key: str, default: float | None, where=st, **number_input_args):
    """A number input kept in the URL as ?key=<number>. An empty field is None. A URL value that the
    field cannot show (not a number, or ±inf / NaN) leaves it empty and is returned as the raw text, so
    the calculator's validation names the field; it stays in the URL until a number is entered."""
    import math

    raw = st.query_params.get(key)
    bad_key = f"{key}__raw"
    if key not in st.session_state:
        st.session_state.pop(bad_key, None)
        if raw is None:
            st.session_state[key] = default
        elif raw.strip() == "":
            st.session_state[key] = None
        else:
            try:
                number = float(raw)
            except ValueError:
                number = math.nan
            if math.isfinite(number):
                st.session_state[key] = number
            else:
                st.session_state[key] = None
                st.session_state[bad_key] = raw
    # value=None: the field can be emptied (the default "min" would turn an emptied field into 0)
    value = where.number_input(label, key=key, value=None, **number_input_args)
    # the default is left out of the URL (an empty field too, where empty is the default)
    if value is not None:
        st.session_state.pop(bad_key, None)
        set_param(key, f"{value:g}", None if default is None else f"{default:g}")
        return value
    if st.session_state.get(bad_key) is not None:
        return st.session_state[bad_key]
    set_param(key, "", "" if default is None else None)
    return None


# --- charts and files the browser fetches ---------------------------------------------------------


def _data_file_hash(d: "DataFile") -> tuple:
    return d.key


def _frame_hash(df: pd.DataFrame | pd.Series) -> bytes:
    """A fast content hash for cache keys (Streamlit's default hashes every cell; 10-15× slower)."""
    import hashlib
    import pickle

    return hashlib.blake2b(pickle.dumps(df, protocol=5), digest_size=20).digest()


#: cache keys: DataFrames by a fast content hash, data files by path and modification time
_HASH_FUNCS = {pd.DataFrame: _frame_hash, pd.Series: _frame_hash, "machi.ui.DataFile": _data_file_hash}


@st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=_HASH_FUNCS)
def _figure(builder: str, args: tuple, kwargs: dict):
    figure = getattr(charts, builder)(*args, **kwargs)
    # never changed after it is built, so its plain form is computed once: st.plotly_chart calls
    # to_dict() on every run, a deep copy (the map's boundaries included)
    frozen = figure.to_dict()
    figure.to_dict = lambda: frozen
    return figure


def chart(builder, *args, key: str, where=st, **kwargs) -> None:
    """st.plotly_chart of `charts.<builder>(*args, **kwargs)`. The figure is built once per distinct
    input for the whole server (inputs are hashed; a figure is never changed after it is built), so a
    rerun only pays for sending it."""
    where.plotly_chart(_figure(builder.__name__, args, kwargs), config=charts.CONFIG, key=key)


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=_HASH_FUNCS)
def _memo(module: str, name: str, args: tuple, kwargs: dict):
    import importlib

    return getattr(importlib.import_module(module), name)(*args, **kwargs)


def memo(fn, *args, **kwargs):
    """`fn(*args, **kwargs)` for a pure function of the package, computed once per distinct input
    (derived tables and texts the pages show on every rerun)."""
    return _memo(fn.__module__, fn.__qualname__, args, kwargs)


class DataFile(dict):
    """The parsed content of a JSON file of data/. Caches key it by the file's path and modification
    time instead of hashing its content (the ward GeoJSON is 400 KB). Shared: never changed."""

    def __init__(self, content: dict, key: tuple):
        super().__init__(content)
        self.key = key


@st.cache_resource(show_spinner=False)
def _read_json(path: str, mtime_ns: int, simplify: float | None) -> DataFile:
    import json

    with open(path, encoding="utf-8") as fh:
        content = json.load(fh)
    if simplify:
        content = charts.simplify_geojson(content, simplify)
    return DataFile(content, (path, mtime_ns, simplify))


def data_json(relative: str, simplify: float | None = None) -> DataFile:
    """A JSON/GeoJSON file of data/ (read once; reread when it changes). `simplify`: a GeoJSON's
    polygons simplified for drawing, to that many degrees (charts.simplify_geojson)."""
    from machi import paths

    path = paths.data_dir() / relative
    return _read_json(str(path), path.stat().st_mtime_ns, simplify)
