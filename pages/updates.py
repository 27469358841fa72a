"""Data updates (the staff view only): a template to fill in Excel, the filled file checked and previewed,
the change applied all or nothing, and the log of every change."""

import streamlit as st

from machi import ui
from machi.core.text import t

lang = ui.language()
st.title(t("updates.title", lang))
st.markdown(t("updates.intro", lang))
ui.staff.outcome(lang)  # what the last confirmation did

kinds = list(ui.staff.kinds())
key = ui.url_radio(t("updates.kind", lang), kinds, "kind", lambda k: ui.staff.kind_label(k, lang))

with st.container(border=True):
    st.subheader(t("updates.step_template", lang))
    st.caption(t(f"updates.kind_note.{key}", lang))
    ui.staff.template_download(key, lang)

with st.container(border=True):
    st.subheader(t("updates.step_upload", lang))
    ui.staff.upload_and_apply(key, lang)

st.subheader(t("updates.log", lang))
ui.staff.change_log(lang)
