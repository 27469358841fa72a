"""The chamber view: a page as it is projected in the council chamber (`?view=chamber`, kept in the URL).

One screen at a time, as a presenter steps through slides: first the page's top (its title, the date of
its data, its headline figures), then each section, one per screen, in the order of its tabs, then on to
the next municipality. No sidebar, no downloads or chart toolbar; text at least 20 px (the base size is
22 px); charts drawn larger, with type to match, to fit a 1920 × 1080 screen; a bar at the top says where
the screen is (the page, the section, "3 / 8") and the filters in force, with large previous and next
links (real links: each screen has its own address, so a presenter may open one directly, and the
browser's Back works).

The screen is the section tab's own parameter (?tab=<id>; none for the top), so switching between the
normal view and the chamber view keeps the section. Only CSS is added to the page (constant style
sheets, no data).
"""

from __future__ import annotations

import streamlit as st

from machi.core.text import t
from machi.ui.printing import print_view
from machi.ui.state import link_query

VIEW_PARAM = "view"
CHAMBER = "chamber"
#: the first screen: the page's top (title, data date, headline figures)
TOP = ""
#: a chart of panels (a builder with a `per_row` parameter) lays this many side by side on the wide screen
PANELS_PER_ROW = 4

#: The chamber's style: no sidebar or Streamlit header; every size in rem follows the larger base, so body
#: text is 22 px and captions and labels (0.925 rem) 20 px; the page uses the whole width of the screen.
CHAMBER_CSS = """<style>
html { font-size: 22px !important; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stDownloadButton"], [class*="st-key-screen_only_dl_"], .modebar-container {
  display: none !important;
}
[data-testid="stMainBlockContainer"] {
  max-width: none !important; padding: 0.6rem 2.2rem 2rem 2.2rem !important;
}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p, [data-testid="stWidgetLabel"] p,
[data-testid="stMetricLabel"] p, [data-testid="stPageLink"] p, [data-testid="stRadio"] p,
[data-testid="stExpander"] summary p, [data-testid="stTable"] th, [data-testid="stTable"] td,
[data-testid="stMarkdownContainer"] th, [data-testid="stMarkdownContainer"] td, [data-testid="stMain"] button p,
[role="tab"] p {
  font-size: 0.925rem !important;
}
[data-testid="stMarkdownContainer"] span { font-size: max(20px, 1em) !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #3d4650 !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
[data-testid="stMain"] h1 { padding-top: 0.4rem; font-size: 2.2rem; }
[data-testid="stMain"] h3 { padding-top: 0.2rem; }
[data-testid="stMetricValue"] { font-size: 2.4rem !important; }
.st-key-chamber_bar {
  border-bottom: 3px solid #1f4e79; padding-bottom: 0.3rem; margin-bottom: 0.3rem;
}
.st-key-chamber_bar [data-testid="stPageLink"] a {
  border: 2px solid #1f4e79; border-radius: 0.4rem; padding: 0.35rem 1.1rem; background: #eef3f8;
}
.st-key-chamber_bar [data-testid="stPageLink"] a p { font-size: 1.15rem !important; font-weight: 600; }
.st-key-chamber_bar .st-key-chamber_exit a { border: none; background: none; }
.st-key-chamber_bar .st-key-chamber_exit a p { font-size: 0.925rem !important; font-weight: 400; }
</style>"""


#: on a section's screen: the page's top is out of sight (the bar names the page)
HIDE_TOP_CSS = "<style>.st-key-chamber_top { display: none !important; }</style>"


def hide_top() -> None:
    """Leave the page's top out of sight (a section's screen)."""
    st.html(HIDE_TOP_CSS)


def chamber_view() -> bool:
    """Whether the page is drawn for the chamber's screen (the print view wins if both are asked)."""
    return st.query_params.get(VIEW_PARAM) == CHAMBER and not print_view()


def style() -> None:
    """The chamber's style sheet, in the chamber view (constant CSS, no data)."""
    if chamber_view():
        st.html(CHAMBER_CSS)


def address_shown() -> None:
    """Put the screen's address in the browser's address bar. A link to the page the browser is on (the
    bar's previous and next) runs the page with the link's parameters but leaves the address bar as it
    was (Streamlit 1.67); writing a parameter sends the whole query to the browser. Written when the query
    differs from the one this session last wrote, so a rerun on the same screen adds no history entry."""
    now = sorted((k, tuple(st.query_params.get_all(k))) for k in st.query_params)
    if st.session_state.get("_chamber_address") != now:
        st.query_params[VIEW_PARAM] = CHAMBER
        st.session_state["_chamber_address"] = now


def screen(ids: list[str], param: str = "tab") -> str:
    """The screen the address names: a section's id, or TOP (no ?tab=, or one the page does not have)."""
    named = st.query_params.get(param)
    return named if named in ids else TOP


def _query(**changed) -> dict[str, list[str]]:
    """The current address's parameters (filters, choices, the view) with `changed` ones (None: left out)."""
    kept = {k: st.query_params.get_all(k) for k in st.query_params if k not in changed}
    return link_query([(k, v) for k, v in kept.items()] + [(k, v) for k, v in changed.items() if v is not None])


def _neighbours(page: str):
    """The municipalities' pages before and after `page` (a page's key) in the dashboard's order."""
    from machi.municipalities import MUNICIPALITIES

    keys = [m.key for m in MUNICIPALITIES]
    at = keys.index(page) if page in keys else -1
    before = MUNICIPALITIES[at - 1] if at > 0 else None
    after = MUNICIPALITIES[at + 1] if 0 <= at < len(keys) - 1 else None
    return before, after, MUNICIPALITIES[at] if at >= 0 else None


def bar(page: str, lang: str, sections: dict[str, str], current: str, param: str = "tab") -> None:
    """The bar at the top of a chamber screen: the page and the section shown, the screen's number, the
    previous and next screens as large links (past the last section, the next municipality's page; before
    the top, the previous one's), the way back to the normal view, and the filters and choices in force
    (those the page has said so far: machi.ui.printing.conditions)."""
    screens = [TOP, *sections]
    at = screens.index(current)
    before, after, me = _neighbours(page)

    def on_this_page(i: int) -> tuple[str, dict, str]:
        name = t("chamber.top", lang) if screens[i] == TOP else sections[screens[i]]
        return me.page, _query(**{param: screens[i] or None}), name

    def other_page(m) -> tuple[str, dict, str] | None:
        return (m.page, link_query([(VIEW_PARAM, CHAMBER)]), t(m.group_key, lang)) if m else None

    back = on_this_page(at - 1) if at > 0 else other_page(before)
    ahead = on_this_page(at + 1) if at < len(screens) - 1 else other_page(after)
    where = t("chamber.top", lang) if current == TOP else sections[current]
    said = st.session_state.get("_print_conditions")
    with st.container(key="chamber_bar", horizontal=True, vertical_alignment="center", gap="medium"):
        with st.container(gap=None):
            st.markdown(
                t("chamber.where", lang, page=t(f"{page}.title", lang), section=where, n=at + 1, total=len(screens))
            )
            with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
                with st.container(key="chamber_exit", width="content"):
                    st.page_link(me.page, label=t("chamber.exit", lang), query_params=_query(view=None))
                if said:  # the filters and choices the screen shows
                    sep = t("common.group_sep", lang)
                    st.caption(t("print.conditions", lang, conditions=sep.join(dict.fromkeys(said))))
        for step, way in ((back, "previous"), (ahead, "next")):
            if step is None:
                st.page_link(me.page, label=t(f"chamber.{way}_none", lang), disabled=True)
            else:
                st.page_link(step[0], label=t(f"chamber.{way}", lang, name=step[2]), query_params=step[1])


def start(lang: str) -> None:
    """The way into the chamber view from the home page: the first municipality's first screen."""
    from machi.municipalities import MUNICIPALITIES

    if MUNICIPALITIES:
        first = MUNICIPALITIES[0]
        st.page_link(first.page, label=t("chamber.start", lang), query_params=link_query([(VIEW_PARAM, CHAMBER)]))


def link(page: str, lang: str, where=st) -> None:
    """The way into the chamber view from the normal view (the sidebar) of a municipality's page: this
    page, its section and its filters, on the chamber's screen."""
    _, _, me = _neighbours(page)
    if me is not None:
        where.page_link(me.page, label=t("chamber.open", lang), query_params=_query(view=CHAMBER))
