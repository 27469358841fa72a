"""Asaka (朝霞市): the green plan's indicators from 2025 to 2035, the pace each needs, and what-ifs.

logic.py (paths, paces, progress, the what-if calculators: pure functions), charts.py (the page's figures),
text.toml (its words in Japanese and English), manifest.py (tables, datasets, home headline).
"""
