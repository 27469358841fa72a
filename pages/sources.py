"""Sources and data: every source with its terms of use and credit line; the exportable datasets."""

import streamlit as st

from machi import datasets, fmt, ui
from machi.i18n import t

lang = ui.current_language()

st.title(t("sources.title", lang))
st.write(t("sources.intro", lang))

sources = ui.query("sources")
municipalities = ["", *sorted(sources.municipality_ja.unique())]
chosen = st.selectbox(
    t("sources.filter", lang),
    municipalities,
    format_func=lambda m: m or t("sources.all", lang),
    key="municipality",
    bind="query-params",
)
shown = sources if not chosen else sources[sources.municipality_ja == chosen]

for s in shown.itertuples():
    with st.container(border=True):
        st.markdown(f"##### {s.title_ja}")
        if lang == "en":
            st.markdown(f"*{s.title_en}*")
        kind = t(f"sources.kind.{s.kind}", lang)
        when = fmt.source_date(s.date, s.date_kind, lang)
        rows = {
            t("sources.id", lang): f"`{s.source_id}` · {kind} · {s.municipality_ja}",
            t("sources.publisher", lang): s.publisher_ja if lang == "ja" else f"{s.publisher_en} ({s.publisher_ja})",
            t("sources.date", lang): when,
            t("sources.url", lang): s.url if s.url else t("sources.url_none", lang),
            t("sources.license", lang): s.license_ja if lang == "ja" else s.license_en,
            t("sources.credit", lang): s.credit_ja,
        }
        note = s.note_ja if lang == "ja" else s.note_en
        if note:
            rows[t("sources.note", lang)] = note
        st.markdown("\n".join(f"- **{label}**: {value}" for label, value in rows.items()))

ui.download_csv(shown, "machi_sources", lang, key="download_sources")

st.subheader(t("sources.datasets", lang))
st.caption(t("sources.datasets_intro", lang))
catalogue = [
    {
        t("sources.dataset_name", lang): name,
        t("sources.dataset_rows", lang): len(ui.dataset(name)),
        t("sources.dataset_description", lang): ds.description_ja if lang == "ja" else ds.description_en,
    }
    for name, ds in datasets.datasets().items()
]
st.dataframe(catalogue, hide_index=True)
