"""Sources and data: every source with its terms of use and credit line; the exportable datasets."""

import streamlit as st

from machi import ui
from machi.core import fmt
from machi.core.datasets import datasets, sources_for_reader
from machi.core.text import has, in_language, t
from machi.municipalities import MUNICIPALITIES

lang = ui.language()


def place(name_ja: str) -> str:
    """A municipality's name in the reader's language (the sources name it in Japanese)."""
    return t(f"common.place.{name_ja}", lang) if has(f"common.place.{name_ja}") else name_ja


st.title(t("sources.title", lang))
st.write(t("sources.intro", lang))

sources = ui.query("core/sources")
municipalities = ["", *sorted(sources.municipality_ja.unique())]
chosen = st.selectbox(
    t("sources.filter", lang),
    municipalities,
    format_func=lambda m: place(m) if m else t("sources.all", lang),
    key="municipality",
    bind="query-params",
)
shown = sources if not chosen else sources[sources.municipality_ja == chosen]


for s in shown.itertuples():
    with st.container(border=True):
        st.markdown(f"##### {in_language(s, 'title', lang)}")  # in English the credit line gives the Japanese title
        rows = {
            t(
                "sources.id", lang
            ): f"`{s.source_id}` · {t(f'sources.kind.{s.kind}', lang)} · {place(s.municipality_ja)}",
            t("sources.publisher", lang): t("sources.publisher_value", lang, ja=s.publisher_ja, en=s.publisher_en),
            t("sources.date", lang): fmt.source_date(s.date, s.date_kind, lang),
            t("sources.url", lang): s.url if s.url else t("sources.url_none", lang),
            t("sources.license", lang): in_language(s, "license", lang),
            t("sources.credit", lang): s.credit_ja,
        }
        if note := in_language(s, "note", lang):
            rows[t("sources.note", lang)] = note
        st.markdown("\n".join(f"- **{label}**: {value}" for label, value in rows.items()))

ui.downloads(sources_for_reader(shown, lang))

st.subheader(t("sources.datasets", lang))
st.caption(t("sources.datasets_intro", lang))
catalogue = [
    {
        t("sources.dataset_name", lang): name,
        t("sources.dataset_rows", lang): len(ui.dataset(name)),
        t("sources.dataset_description", lang): in_language(ds, "description", lang),
    }
    for name, ds in datasets(MUNICIPALITIES).items()
]
ui.table(catalogue, download=False)
ui.dataset_downloads(list(datasets(MUNICIPALITIES)), lang)
