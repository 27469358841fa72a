"""Home: what the dashboard is, one headline figure per municipality, how to read the figures."""

import streamlit as st

from machi import ui
from machi.core import fmt
from machi.core.text import in_language, t

lang = ui.language()

st.title(t("app.title", lang))
st.markdown(f"#### {t('app.tagline', lang)}")
st.write(t("home.intro", lang))

st.subheader(t("home.modules", lang))
headlines = ui.headlines(lang)
sources = ui.query("core/sources").set_index("source_id")
if not headlines:
    st.info(t("home.no_modules", lang))
with st.container(horizontal=True, gap="medium"):
    for h in headlines:
        with st.container(border=True, width=320):
            st.metric(h.label, h.value, border=False)
            if h.note:
                st.caption(h.note)
            if h.status:
                st.markdown(h.status)
            st.caption(f"{t('common.source', lang)}: {in_language(sources.loc[h.source_id], 'title', lang)}")
            st.page_link(h.page, label=h.link or t("common.open_page", lang), query_params=ui.link_query(h.query))
    summary = ui.query("core/sources_summary").iloc[0]
    with st.container(border=True, width=320):
        st.metric(t("home.sources_card", lang), fmt.number(summary.sources, lang=lang))
        st.caption(
            t("home.sources_card_note", lang, documents=summary.documents, official_tables=summary.official_tables)
        )
        st.page_link("pages/sources.py", label=t("common.open_page", lang))

with st.container(border=True, key="screen_only_book"):  # the briefing book: every municipality on A4
    st.subheader(t("book.nav", lang))
    st.caption(t("book.subtitle", lang))
    with st.container(horizontal=True):
        st.page_link("pages/book.py", label=t("book.open", lang))
        ui.pdf_button("book", lang, "book.pdf")
        ui.chamber_start(lang)  # the same pages on the chamber's screen, one section a screen

with st.container(border=True):
    st.subheader(t("home.how_to_read", lang))
    st.markdown(t("home.how_to_read_body", lang))
