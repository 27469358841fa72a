"""The briefing book: a cover, the contents, every municipality's page in its print layout, the sources."""

import datetime as dt

import streamlit as st

from machi import ui
from machi.core import fmt
from machi.core.datasets import sources_for_reader
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES

lang = ui.language()
ui.book_layout()  # always the print layout: it is made to be printed

st.title(t("book.title", lang))
st.markdown(t("book.subtitle", lang))
st.markdown(f"**{fmt.date_text(dt.date.today().isoformat(), lang)}**")
st.subheader(t("book.contents", lang))
chapters = [
    t("book.chapter", lang, n=n, name=t(m.group_key, lang), title=t(f"{m.key}.title", lang))
    for n, m in enumerate(MUNICIPALITIES, start=1)
]
st.markdown(
    "\n".join(f"{n}. {fmt.md_text(c)}" for n, c in enumerate(chapters, start=1))
    + f"\n{len(chapters) + 1}. {t('book.sources_chapter', lang)}"
)
with st.container(border=True):
    st.markdown(t("home.how_to_read_body", lang))

for m in MUNICIPALITIES:
    ui.chapter(m.key, m.page)

with st.container(key="chapter_sources"):
    st.header(t("book.sources_chapter", lang), anchor=False)
    st.caption(t("book.sources_intro", lang))
    ui.table(sources_for_reader(ui.query("core/sources"), lang))
