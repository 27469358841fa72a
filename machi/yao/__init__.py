"""Yao (八尾市): the floor-area-ratio bonus permit calculator (建築基準法第52条第14項第1号 許可).

permit/ (the rule engine: rule file, input model, evaluation, worked examples, CLI), logic.py (the page's
scenario, sweep and tables around the engine), charts.py, text.toml (words in Japanese and English),
manifest.py (home headline, CLI command).
"""
