"""Osaka (大阪市): vacancy in the 24 wards (Housing and Land Survey), the city's policy on dangerous vacant
houses and its danger score.

logic.py (ward names and tables), charts.py (the page's figures and the ward map), housing.py (the e-Stat
table importer), danger.py (the danger score, 判定表), text.toml (words in Japanese and English),
manifest.py (tables, datasets, home headline, CLI commands).
"""
