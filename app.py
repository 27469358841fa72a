"""まちダッシュボード / Machi Dashboard: language switch, navigation, the database check."""

import streamlit as st

from machi import heap, timing, ui

with timing.script_run() as run:  # a no-op unless the benchmark asks for timings
    st.set_page_config(page_title="まちダッシュボード / Machi Dashboard", layout="wide")
    lang = ui.language_switch()
    page = st.navigation(ui.navigation_pages(lang))
    run.page = page.url_path or "home"
    ui.database_banner(lang)
    page.run()
    heap.freeze_imported()  # keeps the full collection after each run short (see machi/heap.py)
