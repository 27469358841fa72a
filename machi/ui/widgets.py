"""The small shared pieces of a page: a row of figures, the sources footer, downloads, section tabs and
content drawn only when its expander is opened."""

from __future__ import annotations

from contextlib import contextmanager

import pandas as pd
import streamlit as st

from machi.core import datasets, fmt
from machi.core.text import t
from machi.ui.cache import query
from machi.ui.printing import print_view
from machi.ui.state import url_tabs


def metric_row(items: list[tuple[str, str, str | None]]) -> None:
    """A row of bordered figures: (label, value, help text or None)."""
    with st.container(horizontal=True, gap="small"):
        for label, value, help_text in items:
            st.metric(label, value, help=help_text, border=True, width="stretch")


def source_footer(source_ids: list[str], lang: str) -> None:
    """The sources of what the page shows: title, publisher, date and credit line."""
    sources = query("core/sources").set_index("source_id")
    with st.container(border=True):
        st.markdown(f"**{t('common.sources', lang)}**")
        for sid in source_ids:
            s = sources.loc[sid]
            st.caption(
                t(
                    "common.source_line",
                    lang,
                    title_ja=s.title_ja,
                    title_en=s.title_en,
                    publisher_ja=s.publisher_ja,
                    publisher_en=s.publisher_en,
                    when=fmt.source_date(s.date, s.date_kind, lang),
                    credit=s.credit_ja,
                    id=sid,
                )
            )


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


def _rerun_app() -> None:
    # From a widget's callback inside a fragment, st.rerun() turns the fragment's rerun into one run of the
    # whole script (Streamlit 1.67), so what is drawn outside the fragment follows the input.
    st.rerun()


#: on_change for an input drawn inside `sections` whose value feeds something outside them (an answer
#: beside the tabs): its change redraws the whole page, not only the tabs.
redraws_page = _rerun_app


def sections(draws: dict, page: str, lang: str, group: str = "tab", paper=None) -> None:
    """One tab per section, {id: draw}, labelled by the text `<page>.<group>.<id>`, kept in the URL as
    ?<group>=<id> and in the session (a page may have more than one group of tabs). Only the open tab's
    `draw()` runs, and opening a tab redraws the tabs alone, not the page around them (the tabs are a
    fragment: the header, figures and footer are not sent again). An input inside a section whose value
    feeds something drawn outside the tabs takes `on_change=ui.redraws_page`.

    In the print view every section is drawn, in order, under its tab's label (or, given `paper`, that
    instead: what the group prints as, such as the inputs entered as a table)."""
    if print_view():
        if paper is not None:
            paper()
            return
        for k, draw_section in draws.items():
            with st.container(key=f"paper_{page}_{group}_{k}"):
                st.header(t(f"{page}.{group}.{k}", lang), anchor=False)
                draw_section()
        return

    def draw() -> None:
        containers = url_tabs({k: t(f"{page}.{group}.{k}", lang) for k in draws}, f"{page}_{group}", param=group)
        for k, container in containers.items():
            if container.open:
                with container:
                    draws[k]()

    st.fragment(draw)()


class Sections:
    """A page's sections, one tab each, in the order they are declared:

    tabs = ui.Sections("osaka", lang)

    @tabs.section("ranking")
    def ranking(): ...

    tabs.draw()   # see `sections`
    """

    def __init__(self, page: str, lang: str, group: str = "tab", paper=None):
        self.page, self.lang, self.group, self.paper, self.draws = page, lang, group, paper, {}

    def section(self, key: str):
        def register(draw):
            self.draws[key] = draw
            return draw

        return register

    def draw(self) -> None:
        sections(self.draws, self.page, self.lang, self.group, self.paper)


def steps(cards: list[tuple[str, str, str]], per_row: int = 3) -> None:
    """Cards in order with an arrow between each and the next (a staged procedure): (heading, body in
    Markdown, caption) each, `per_row` to a row."""
    for i, (heading, body, caption) in enumerate(cards):
        if i % per_row == 0:
            cols = st.columns([3, 1] * per_row)
        with cols[2 * (i % per_row)].container(border=True):
            st.markdown(f"### {heading}")
            st.markdown(body)
            st.caption(caption)
        if i < len(cards) - 1:
            cols[2 * (i % per_row) + 1].markdown("## →")


@contextmanager
def drawn_when_open(label: str, key: str, where=st):
    """An expander whose content is drawn only while it is open: `with ui.drawn_when_open(...) as shown:
    if shown: ...`. Opening or closing it redraws the page (or the section it is in), so a closed one
    costs nothing: a closed plain expander's content is still sent and laid out by the browser (Asaka's
    per-year table in one made its tab about 35 ms slower to open)."""
    if print_view():  # on paper: the content, under its label
        with where.container():
            st.markdown(f"**{fmt.md_text(label)}**")
            yield True
        return
    with where.expander(label, key=key, on_change="rerun") as box:
        yield bool(box.open)


def expander(label: str, where=st):
    """An expander (a reading note, a list of examples): open in the print view, so it is printed."""
    return where.expander(label, expanded=print_view())


def input_problem(error, lang: str) -> None:
    """A calculator's input that cannot be used, in the reader's words: a field still empty asks for it
    (information), a wrong value is an error."""
    (st.info if error.missing else st.error)(error.message(lang))


def download_text(label: str, make, file_name: str, mime: str, key: str | None = None) -> None:
    """A download of a text file written by `make()` when the button is clicked (not with every run)."""
    st.download_button(label, data=make, file_name=file_name, mime=mime, key=key, on_click="ignore")


def table(frame: pd.DataFrame) -> None:
    """A table to read: interactive on screen (sortable, scrollable), every row as text in the print view
    (an interactive table prints only the rows in view)."""
    if print_view():
        st.table(fmt.md_table(pd.DataFrame(frame)), hide_index=True, border="horizontal")
    else:
        st.dataframe(frame, hide_index=True)


def columns(spec, **kwargs) -> list:
    """Columns side by side on screen, one below the other on paper (the printable width is narrow)."""
    if print_view():
        return [st.container() for _ in (spec if isinstance(spec, (list, tuple)) else range(spec))]
    return st.columns(spec, **kwargs)
