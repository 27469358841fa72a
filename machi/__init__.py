"""Machi Dashboard (まちダッシュボード): the pure code behind the Streamlit pages.

Only :mod:`machi.ui` imports Streamlit; everything else is shared by the app, the CLI and the tests.
"""
