"""The UI text lookup: every key in Japanese (the default) and English.

A key's first part says where its text lives: `zushi.title` is `title` in `machi/zushi/text.toml` (a
municipality's own words, beside its code); a key whose first part is not a package of `machi` (such as
`common.no_data`) is in the shared file `machi/core/text.toml`, written whole. Data labels stay as the
sources give them; UI text goes through `t()`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SHARED_FILE = Path(__file__).resolve().parent / "text.toml"
FILE_NAME = "text.toml"


def normalise_language(value) -> str:
    """'en' → 'en'; anything unknown → the default language."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


@cache
def _read(path: Path) -> dict[str, dict[str, str]]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def text_file(namespace: str) -> Path:
    """The file that holds the keys starting with `namespace.`: the package's own, else the shared one."""
    own = PACKAGE_DIR / namespace / FILE_NAME
    return own if namespace.isidentifier() and own.is_file() else SHARED_FILE


@cache
def entry(key: str) -> dict[str, str]:
    """{language: text} of a key; KeyError when no file has it (a missing text is a bug, caught by tests)."""
    namespace, _, rest = key.partition(".")
    path = text_file(namespace)
    table = _read(path)
    found = table.get(key if path == SHARED_FILE else rest)
    if not isinstance(found, dict):
        raise KeyError(key)
    return found


def t(key: str, lang: str, **values) -> str:
    """The text of `key` in `lang`, with {placeholders} filled from `values`."""
    text = entry(key)[normalise_language(lang)]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    try:
        entry(key)
    except KeyError:
        return False
    return True


def in_language(row, field: str, lang: str):
    """A data row's own text in the reader's language: `row.<field>_ja` or `row.<field>_en` (or the keys
    of a mapping; sources give both where the dashboard shows both)."""
    name = f"{field}_{normalise_language(lang)}" if field else normalise_language(lang)
    return row[name] if isinstance(row, dict) else getattr(row, name)


def all_keys() -> dict[str, dict[str, str]]:
    """Every key of every text file (full keys), for the tests."""
    out = {key: texts for key, texts in _read(SHARED_FILE).items()}
    for path in sorted(PACKAGE_DIR.glob(f"*/{FILE_NAME}")):
        if path == SHARED_FILE:
            continue
        out |= {f"{path.parent.name}.{key}": texts for key, texts in _read(path).items()}
    return out


def beside(lang: str, *, ja: str | None = None, en: str | None = None) -> str | None:
    """What to show beside a text in the reader's language, if anything: in the English view the Japanese
    original of a translated name (`en=name_ja`), an English gloss only there (`en=title_en`) …"""
    return {"ja": ja, "en": en}[normalise_language(lang)]
