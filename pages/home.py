"""Home: what the dashboard is, one headline figure per municipal module, how to read the figures."""

import streamlit as st

from machi import fmt, ui
from machi.i18n import t

lang = ui.current_language()

st.title(t("app.title", lang))
st.markdown(f"#### {t('app.tagline', lang)}")
st.write(t("home.intro", lang))

st.subheader(t("home.modules", lang))
headlines = ui.headlines(lang)
sources = ui.query("sources").set_index("source_id")
if not headlines:
    st.info(t("home.no_modules", lang))
with st.container(horizontal=True, gap="medium"):
    for h in headlines:
        with st.container(border=True, width=320):
            st.metric(h.label, h.value, border=False)
            if h.note:
                st.caption(h.note)
            source = sources.loc[h.source_id]
            st.caption(f"{t('common.source', lang)}: {source.title_ja if lang == 'ja' else source.title_en}")
            st.page_link(h.page, label=t("common.open_page", lang))
    summary = ui.query("sources_summary").iloc[0]
    with st.container(border=True, width=320):
        st.metric(t("home.sources_card", lang), fmt.number(summary.sources, lang=lang))
        st.caption(
            t("home.sources_card_note", lang, documents=summary.documents, official_tables=summary.official_tables)
        )
        st.page_link(ui.SOURCES_PAGE, label=t("common.open_page", lang))

with st.container(border=True):
    st.subheader(t("home.how_to_read", lang))
    st.markdown(t("home.how_to_read_body", lang))
