"""Paper: every page prints on A4 as a handout, and has a print view that lays out all its sections.

On screen a page draws only its open section tab. Its print view (`?print=1`, the "A4 print layout" link)
draws every section in order under its tab's label, at the printable width of an A4 sheet, with a header
that says what is printed (title, date printed, the data's source and date, the filters or scenario in
force, the page's address) and the sources at the end; the browser's Print (Ctrl+P) then gives the
handout, and the PDF brief is that view printed by a browser (machi.core.brief). Printing the normal view
prints its open section with the same header, and says where the whole page is.

Only CSS is added to the page (constant style sheets, no data); every text is an ordinary element.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode, urlsplit

import streamlit as st

from machi.core import brief, fmt, serve
from machi.core.text import in_language, t
from machi.ui.cache import memo, query

PRINT_PARAM = "print"
#: the printable width of an A4 sheet with the margins below (210 mm − 2 × 12 mm): the print view is laid
#: out at this width on screen too, so charts are drawn at the width they are printed at
PRINTABLE_WIDTH = "186mm"

#: for every page: what printing does (both views)
PRINT_CSS = """<style>
@page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
@media print {
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stAppScrollToBottomContainer"] {
    height: auto !important; min-height: 0 !important; max-height: none !important;
    overflow: visible !important; position: static !important; display: block !important;
  }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stSkipToContent"], [data-testid="stStatusWidget"], [data-testid="stElementToolbar"],
  [data-testid="stRadio"], [data-testid="stSelectbox"], [data-testid="stMultiSelect"],
  [data-testid="stNumberInput"], [data-testid="stTextArea"], [data-testid="stCheckbox"],
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stLinkButton"],
  [data-testid="stPopover"], [data-testid="stPageLink"], [data-testid="stTabs"] [role="tablist"],
  [data-testid="stHeaderActionElements"], [data-testid="stExpanderIcon"], [data-testid="stIconMaterial"],
  .modebar-container, .st-key-print_controls,
  [class*="st-key-screen_only"] {
    display: none !important;
  }
  [data-testid="stMainBlockContainer"] {
    max-width: none !important; width: 100% !important; padding: 0 !important; margin: 0 !important;
  }
  [data-testid="stMetric"], [data-testid="stPlotlyChart"], .stPlotlyChart, [data-testid="stExpander"],
  [data-testid="stTable"] tr, [data-testid="stMarkdownContainer"] tr, [data-testid="stAlert"],
  [data-testid="stColumn"] > [data-testid="stVerticalBlock"] > [data-testid="stLayoutWrapper"] {
    break-inside: avoid;
  }
  h1, h2, h3, h4, h5, [data-testid="stHeading"] { break-after: avoid; }
  [class*="st-key-chapter_"] { break-before: page; }
  .st-key-print_header { display: block !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>"""

#: in the normal view: the print header is only for paper
SCREEN_CSS = """<style>
@media screen { .st-key-print_header { display: none; } }
</style>"""

#: in the print view: the screen shows the sheet as it prints (no sidebar, the printable width)
PRINT_VIEW_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] {
  display: none !important;
}
[data-testid="stMainBlockContainer"] { max-width: 186mm !important; padding-left: 0 !important;
  padding-right: 0 !important; }
@media screen { .st-key-print_header { border-bottom: 1px solid #9aa3ad; } }
</style>"""


def print_view() -> bool:
    """Whether the page is drawn for paper: every section, at the printable width."""
    return st.query_params.get(PRINT_PARAM) == "1"


def style() -> None:
    """The page's style sheets for paper (constant CSS, no data)."""
    st.html(PRINT_CSS)
    if print_view():
        st.html(PRINT_VIEW_CSS)
    else:
        st.html(SCREEN_CSS)


def _query(print_it: bool) -> str:
    params = {k: st.query_params.get_all(k) for k in st.query_params if k not in (PRINT_PARAM, "address")}
    if print_it:
        params[PRINT_PARAM] = ["1"]
    return urlencode([(k, v) for k, values in params.items() for v in values])


def page_address() -> str:
    """The address of the page as it is now on screen (its filters and tabs), without the print view; a
    PDF brief, printed by a browser on the server, is given the reader's address (`?address=`)."""
    if (given := st.query_params.get("address")) is not None:
        return given
    url = urlsplit(st.context.url or "")
    query = _query(False)
    return f"{url.scheme}://{url.netloc}{url.path}" + (f"?{query}" if query else "") if url.netloc else ""


def conditions(text: str) -> None:
    """Say what filters or inputs the page shows now (each call adds one): the printed sheet's header
    names them."""
    st.session_state.setdefault("_print_conditions", []).append(text)


def header(lang: str, source_id: str | None = None) -> None:
    """What a printed sheet says at its top: the date printed, the data's source and date, the filters or
    scenario in force (`conditions`, said by the page) and where to find the page again. Printed in both
    views; on screen in the print view."""
    said = st.session_state.pop("_print_conditions", [])
    conditions = t("common.group_sep", lang).join(dict.fromkeys(said))
    lines = [t("print.printed", lang, date=fmt.date_text(dt.date.today().isoformat(), lang))]
    if source_id:
        s = query("core/sources").set_index("source_id").loc[source_id]
        date = fmt.source_date(s.date, s.date_kind, lang)
        lines.append(t("print.data", lang, title=in_language(s, "title", lang), date=date))
    if conditions:
        lines.append(t("print.conditions", lang, conditions=conditions))
    if address := page_address():
        lines.append(t("print.address", lang, url=address))
    if not print_view():
        lines.append(t("print.one_section", lang))
    with st.container(key="print_header"):
        st.caption("  \n".join(fmt.md_text(line) for line in lines))


def own_address(page: str, query: str) -> str:
    """This server's own address of a page (for the browser that prints it, on this machine)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(x for x in (base, "" if page == "home" else page) if x)
    return f"http://127.0.0.1:{st.get_option('server.port')}/{path}?{query}"


@memo(max_entries=1, ttl=600)
def _browser() -> str | None:
    return serve.find_browser()


def pdf_button(page: str, lang: str, label_key: str = "print.pdf", where=st) -> None:
    """A download of the page's A4 brief (its print view as a PDF), made when clicked; where no browser
    can make one, a line that says why and what to install (the browser's own Print still works)."""
    if _browser() is None:
        where.caption(brief.no_browser().message(lang))
        return
    query = brief.print_query(_query(False), lang, page_address())
    name = f"{page}_brief_{dt.date.today().isoformat()}.pdf"
    where.download_button(
        t(label_key, lang),
        data=lambda: brief.page_pdf(own_address(page, query)),
        file_name=name,
        mime="application/pdf",
        on_click="ignore",
        key=f"pdf_{page}",
        width="stretch",
    )


def controls(page: str, lang: str) -> None:
    """The ways to paper: in the normal view, in the sidebar, a link to the print view and the A4 brief
    (PDF); in the print view, a bar (not printed) with the way back, how to print and the PDF."""
    if print_view():
        with st.container(key="print_controls", horizontal=True, vertical_alignment="center"):
            st.link_button(t("print.back", lang), f"?{_query(False)}")
            pdf_button(page, lang)
            st.caption(t("print.how", lang))
    else:
        with st.sidebar.container(key="print_controls"):
            st.link_button(t("print.open", lang), f"?{_query(True)}", width="stretch")
            pdf_button(page, lang)


def run_chapter(key: str, page_file: str) -> None:
    """A page drawn as a chapter of the briefing book: on a new sheet, in its print layout."""
    import runpy

    from machi.core import paths

    with st.container(key=f"chapter_{key}"):
        st.session_state["_page"] = key
        runpy.run_path(str(paths.ROOT / page_file), run_name="__main__")
    st.session_state["_page"] = "book"
    st.session_state.pop("_print_conditions", None)  # the book's header names none of its chapters'


def ensure_print_view() -> None:
    """The briefing book is always in its print layout."""
    if not print_view():
        st.query_params[PRINT_PARAM] = "1"
        st.rerun()
