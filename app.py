"""まちダッシュボード / Machi Dashboard: language switch, navigation, the database check."""

import streamlit as st

from machi import ui

st.set_page_config(page_title="まちダッシュボード / Machi Dashboard", layout="wide")

lang = ui.language_switch()
page = st.navigation(ui.navigation_pages(lang))
ui.database_banner(lang)
page.run()
