"""まちダッシュボード / Machi Dashboard: the entry script. Every page of the dashboard is listed here."""

import streamlit as st

from machi import ui
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES

with ui.app_run() as run:  # page setup, the language switch; after the page: the benchmark's timings
    lang = run.lang
    pages = {
        "": [ui.page("pages/home.py", "nav.home", "home", lang, default=True)],
        **{t(m.group_key, lang): [ui.page(m.page, m.nav_key, m.key, lang)] for m in MUNICIPALITIES},
        t("nav.group.about", lang): [
            ui.page("pages/sources.py", "nav.sources", "sources", lang),
            ui.page("pages/book.py", "book.nav", "book", lang, hidden=True),  # opened from the home page
            *([ui.page("pages/updates.py", "updates.nav", "updates", lang)] if ui.staff.enabled() else []),
        ],
    }
    page = st.navigation(pages)
    ui.database_banner(lang)
    run.show(page)
