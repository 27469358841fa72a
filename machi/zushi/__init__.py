"""Zushi (逗子市): progress and budgets of the comprehensive-plan programmes (evaluation sheets).

logic.py (filters, counts, budgets, targets: pure functions over DataFrames), charts.py (the page's
figures), text.toml (its words in Japanese and English), manifest.py (tables, datasets, home headline).
"""
