"""The small shared pieces of a page: a row of figures, the sources footer, downloads, section tabs and
content drawn only when its expander is opened."""

from __future__ import annotations

import datetime as dt
import inspect
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from machi.core import datasets, export, fmt
from machi.core.charts import chart_config
from machi.core.inputs import InputError
from machi.core.text import has, in_language, t
from machi.ui import chamber
from machi.ui.cache import figure, query
from machi.ui.printing import print_view
from machi.ui.state import link_query, session_language, url_tabs


def metric_row(items: list[tuple[str, str, str | None]]) -> None:
    """A row of bordered figures: (label, value, help text or None)."""
    with st.container(horizontal=True, gap="small"):
        for label, value, help_text in items:
            st.metric(label, value, help=help_text, border=True, width="stretch")


def data_date(source_ids: list[str], lang: str) -> None:
    """The date of the page's data, next to its figures: each source's date as it states it, and for a
    survey held every few years when the next one is due (derived: its year + the interval)."""
    sources = query("core/sources").set_index("source_id")
    parts = []
    for sid in source_ids:
        s = sources.loc[sid]
        line = t(
            "common.data_date_item",
            lang,
            title=in_language(s, "title", lang),
            when=fmt.source_date(s.date, s.date_kind, lang),
        )
        if not fmt.is_missing(s.every_years) and s.date:
            every = int(s.every_years)
            due = int(str(s.date)[:4]) + every
            held = due <= dt.date.today().year  # the following survey's time has come: say newer data may exist
            line += t("common.next_survey_held" if held else "common.next_survey", lang, every=every, year=due)
        parts.append(line)
    st.caption(t("common.data_date", lang, items=t("common.group_sep", lang).join(parts)))


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
                )
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
                st.session_state["_section"] = (k, t(f"{page}.{group}.{k}", lang))
                draw_section()
        return

    def draw() -> None:
        containers = url_tabs({k: t(f"{page}.{group}.{k}", lang) for k in draws}, f"{page}_{group}", param=group)
        for k, container in containers.items():
            if container.open:
                with container:
                    st.session_state["_section"] = (k, t(f"{page}.{group}.{k}", lang))
                    draws[k]()

    st.fragment(draw)()


class Sections:
    """A page's sections, one tab each, in the order they are declared:

    tabs = ui.Sections("osaka", lang)
    with tabs.top():        # the page's top: its title, data date, headline figures
        ...

    @tabs.section("ranking")
    def ranking(): ...

    tabs.draw()   # see `sections`

    In the chamber view (machi.ui.chamber) the top is a screen of its own and each section another, one
    at a time, under a bar with the previous and next screens.
    """

    def __init__(self, page: str, lang: str, group: str = "tab", paper=None):
        self.page, self.lang, self.group, self.paper, self.draws = page, lang, group, paper, {}
        self._bar = None

    @contextmanager
    def top(self):
        """The page's top (title, data date, reading notes, headline figures): drawn above the tabs; in the
        chamber view, its first screen (on the others it is left out of sight, the bar naming the page)."""
        if not chamber.chamber_view():
            yield
            return
        self._bar = st.empty()  # the chamber's bar, filled by draw() once the sections are known
        with st.container(key="chamber_top"):  # hidden by draw() on a section's screen
            yield

    def section(self, key: str, when: bool = True):
        """Register a section (its tab); `when` False leaves it out (a comparison with one year loaded)."""

        def register(draw):
            if when:
                self.draws[key] = draw
            return draw

        return register

    def draw(self) -> None:
        if not chamber.chamber_view():
            sections(self.draws, self.page, self.lang, self.group, self.paper)
            return
        labels = {k: t(f"{self.page}.{self.group}.{k}", self.lang) for k in self.draws}
        current = chamber.screen(list(labels), self.group)
        if current != chamber.TOP:
            chamber.hide_top()
            st.session_state[f"{self.page}_{self.group}"] = current  # the normal view opens on it
            st.session_state["_section"] = (current, labels[current])
            with st.container(key=f"chamber_screen_{current}"):
                self.draws[current]()
        with (self._bar or st.empty()).container():  # after the screen: it names the filters it was drawn with
            chamber.bar(self.page, self.lang, labels, current, self.group)
        chamber.address_shown()


def link(page: str, label: str, query=()) -> None:
    """A link to a view of the dashboard (a page, its tab, its filters: `query` as (key, value) pairs),
    keeping the reader's language. Looks like a link, ends with an arrow."""
    st.page_link(page, label=label, query_params=link_query(query))


def see_also(municipality: str, lang: str, areas=()) -> None:
    """Links between the municipalities' pages: from a municipality's page to a page that compares its
    area with others (its code filled in); from such a page, to the pages of the dashboard's municipalities
    among the compared `areas` (codes)."""
    me = _manifest(municipality)
    links = [
        (
            m.page,
            t("common.compare_area", lang, page=t(m.nav_key, lang)),
            [(k, v.format(code=me.area_code)) for k, v in m.area_compare],
        )
        for m in _municipalities()
        if m.area_compare and m is not me and me.area_code
    ]
    links += [
        (m.page, t("common.open_municipality", lang, name=t(m.group_key, lang), page=t(m.nav_key, lang)), [])
        for m in _municipalities()
        if m.area_code in areas and m is not me
    ]
    if links:
        with st.container(horizontal=True, key=f"screen_only_see_also_{municipality}"):
            for page, label, query in links:
                link(page, label, query)


def cards(items: list[tuple[str, str, str, str]]) -> None:
    """Cards side by side, one column each: (heading and caption in Markdown, the label of a folded list,
    the list in Markdown). The list stays folded on paper too (a long list)."""
    for col, (heading, caption, fold, body) in zip(st.columns(len(items)), items):
        with col.container(border=True):
            st.markdown(heading)
            st.caption(caption)
            with st.expander(fold):
                st.markdown(body)


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


def answer(name: str, compute, lang: str):
    """A calculator's answer, `compute()`. While an input cannot be used, its problem in the reader's words
    (see `input_problem`) and the last answer this session computed, marked as not matching the inputs
    (None before any): what was on screen is not lost while a field is being retyped."""
    kept = f"_answer_{name}"
    try:
        result = compute()
    except InputError as error:
        input_problem(error, lang)
        if st.session_state.get(kept) is not None:
            st.warning(t("common.stale", lang))
        return st.session_state.get(kept)
    st.session_state[kept] = result
    return result


def download_text(label: str, make, file_name: str, mime: str, key: str | None = None) -> None:
    """A download of a text file written by `make()` when the button is clicked (not with every run)."""
    st.download_button(label, data=make, file_name=file_name, mime=mime, key=key, on_click="ignore")


def table(frame: pd.DataFrame, download: bool = True, whole: bool = False) -> None:
    """A table to read: interactive on screen (sortable, scrollable), every row as text in the print view
    (an interactive table prints only the rows in view); with its CSV and Excel downloads. `whole`: a wide
    table of long names drawn as static text, every column and cell whole, wrapped to the page's width
    (an interactive one scrolls sideways, its right-hand columns out of view), figures aligned right."""
    frame = pd.DataFrame(frame)
    if whole:
        st.markdown(fmt.md_grid(frame, right=fmt.figure_columns(frame)))
    elif print_view() or chamber.chamber_view():  # on paper, on the chamber's screen: text of their size
        st.table(fmt.md_table(frame), hide_index=True, border="horizontal")
    else:
        st.dataframe(frame, hide_index=True)
    if download:
        downloads(frame)


def downloads(shown: pd.DataFrame, name: str | None = None) -> None:
    """A table as shown, as CSV and as Excel, each with its context (title, source, credit, data date,
    filters): see machi.core.export. Written when a button is clicked. Named
    <municipality>_<section>_<data date>."""
    lang = session_language()
    context, stem = _export_context(lang, name)
    with st.container(horizontal=True, gap="small", key=f"screen_only_dl_{stem}"):
        st.caption(t("export.label", lang))
        st.download_button(
            t("export.csv", lang),
            data=lambda: export.to_csv(shown, context, lang),
            file_name=f"{stem}.csv",
            mime="text/csv",
            on_click="ignore",
            key=f"csv_{stem}",
        )
        st.download_button(
            t("export.xlsx", lang),
            data=lambda: export.to_xlsx(shown, context, lang),
            file_name=f"{stem}.xlsx",
            key=f"xlsx_{stem}",
            on_click="ignore",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


def _export_context(lang: str, name: str | None) -> tuple[export.Context, str]:
    page = st.session_state.get("_page", "home")
    section_key, section = st.session_state.get("_section", ("", ""))
    manifest = _manifest(page)
    title = t(f"{page}.title" if has(f"{page}.title") else "app.title", lang)
    lines, date = [], ""
    if manifest and manifest.source:
        s = query("core/sources").set_index("source_id").loc[manifest.source]
        date = s.date or ""
        lines += [
            t(
                "export.source",
                lang,
                title=in_language(s, "title", lang),
                date=fmt.source_date(s.date, s.date_kind, lang),
                publisher=in_language(s, "publisher", lang),
            ),
            t("export.credit", lang, credit=s.credit_ja),
            export.data_date_label(fmt.source_date(s.date, s.date_kind, lang), lang),
        ]
    said = st.session_state.get("_print_conditions", [])
    if said:
        lines.append(t("print.conditions", lang, conditions=t("common.group_sep", lang).join(dict.fromkeys(said))))
    lines.append(t("export.made", lang, date=fmt.date_text(dt.date.today().isoformat(), lang)))
    full_title = " — ".join(x for x in (title, section, name) if x)
    return export.Context(full_title, tuple(lines)), export.file_stem(page, name or section_key, date)


def columns(spec, **kwargs) -> list:
    """Columns side by side on screen, one below the other on paper (the printable width is narrow)."""
    if print_view():
        return [st.container() for _ in (spec if isinstance(spec, (list, tuple)) else range(spec))]
    return st.columns(spec, **kwargs)


def dataset_downloads(names: list[str], lang: str) -> None:
    """Any dataset, whole, as `python -m machi export` gives it: CSV (for Excel) or an Excel workbook."""
    with st.container(horizontal=True, vertical_alignment="bottom", key="screen_only_datasets"):
        name = st.selectbox(t("sources.dataset_pick", lang), names, key="dataset_pick")
        frame = query(datasets.get(_municipalities(), name).query)
        st.download_button(
            "CSV",
            data=lambda: datasets.to_csv(frame, excel=True),
            file_name=f"{name}.csv",
            mime="text/csv",
            on_click="ignore",
            key="dataset_csv",
        )
        st.download_button(
            t("export.xlsx", lang),
            data=lambda: datasets.to_xlsx(frame, name),
            file_name=f"{name}.xlsx",
            on_click="ignore",
            key="dataset_xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


def _municipalities():
    from machi.municipalities import MUNICIPALITIES

    return MUNICIPALITIES


def _manifest(key: str):
    """The manifest of the municipality `key` (a page's key), or None for the app's own pages."""
    return next((m for m in _municipalities() if m.key == key), None)


def chart_context(municipality: str, key: str, sources: tuple[str, ...] = ()) -> tuple[tuple[str, str] | None, str]:
    """((title, source line) written into a chart, the file name of its image): the section it is drawn
    in, the page's source and its date (or, given `sources`, each of those with its date: a chart that
    draws figures of more than one source)."""
    lang = session_language()
    section_key, section = st.session_state.get("_section", ("", ""))
    manifest = _manifest(municipality)
    if manifest is None or not manifest.source:
        return None, export.file_stem(municipality, section_key or key)
    table = query("core/sources").set_index("source_id")
    items = [
        dict(title=in_language(s, "title", lang), date=fmt.source_date(s.date, s.date_kind, lang))
        for s in (table.loc[sid] for sid in (sources or (manifest.source,)))
    ]
    if len(items) == 1:
        source = t("chart.source", lang, **items[0])
    else:  # "Sources: A (date); B (date)", the word said once
        listed = t("common.group_sep", lang).join(t("chart.source_item", lang, **item) for item in items)
        source = t("chart.sources", lang, sources=listed)
    s = table.loc[manifest.source]
    title = section or t(f"{municipality}.title", lang)
    return (title, source), export.file_stem(municipality, section_key or key, s.date or "")


def chart(builder, *args, key: str, where=st, sources: tuple[str, ...] = (), **kwargs) -> None:
    """Draw `builder(*args, **kwargs)`, a chart function of a municipality's charts.py, titled with its
    section and with its source and data date inside the figure, so a saved image keeps its context; its
    image is saved as <municipality>_<section>_<data date>.png at print resolution. The figure is built
    once per distinct input for the whole server, so a rerun only pays for sending it."""
    titled, stem = chart_context(builder.__module__.split(".")[1], key, tuple(sources))
    config = chart_config(session_language(), toImageButtonOptions={"format": "png", "scale": 3, "filename": stem})
    big = chamber.chamber_view()
    if big and "per_row" in inspect.signature(builder).parameters:  # panels side by side on the wide screen
        kwargs["per_row"] = chamber.PANELS_PER_ROW
    where.plotly_chart(figure(builder, *args, titled=titled, big=big, **kwargs), config=config, key=key)
