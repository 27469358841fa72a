"""The translation table: every key in both languages, and every key the code uses exists."""

import re

import pytest

from machi.i18n import LANGUAGES, TEXT, t
from tests.conftest import ROOT


def test_every_key_has_every_language_and_no_empty_text():
    for key, texts in TEXT.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(v.strip() for v in texts.values()), key


def test_placeholders_match_between_languages():
    for key, texts in TEXT.items():
        names = {lang: set(re.findall(r"{(\w+)}", v)) for lang, v in texts.items()}
        assert names["ja"] == names["en"], key


def _literal_keys_in_code():
    pattern = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "machi").rglob("*.py")]
    for path in files:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            yield path.name, key


def test_every_key_used_in_code_exists():
    # a literal ending in "." is the prefix of a key built from data (checked below)
    missing = [(f, k) for f, k in _literal_keys_in_code() if k not in TEXT and not k.endswith(".")]
    assert missing == []


def test_keys_built_from_data_exist(con):
    from machi.db import run_query

    sources = run_query(con, "sources")
    for kind in sources.kind:
        assert f"sources.kind.{kind}" in TEXT
    for date_kind in sources.date_kind.dropna():
        assert f"sources.date_kind.{date_kind}" in TEXT
    # every value the schema allows, not only those in today's data
    for kind in ("document", "official_table", "boundaries", "web_page"):
        assert f"sources.kind.{kind}" in TEXT
    for dk in ("published", "effective", "survey", "fiscal_year", "edition"):
        assert f"sources.date_kind.{dk}" in TEXT


def test_title_keys_of_module_pages_exist():
    from machi.registry import modules

    for m in modules():
        for p in m.pages:
            assert p.title_key in TEXT
        if m.group_key:
            assert m.group_key in TEXT


def test_unknown_key_raises():
    with pytest.raises(KeyError):
        t("no.such.key", "ja")


def test_unknown_language_falls_back_to_japanese():
    assert t("app.title", "fr") == TEXT["app.title"]["ja"]
