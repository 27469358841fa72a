"""The UI text: every key in both languages, every key the code uses exists, every key is used, and no code
outside the text files chooses between Japanese and English inline."""

import ast
import re

import pytest

from machi.core import text
from machi.core.text import LANGUAGES, all_keys, t
from tests.conftest import ROOT

CODE = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "machi").rglob("*.py"))]
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


def _strings(tree: ast.AST):
    """(whole literal strings, leading literal parts of f-strings) in a module."""
    whole, prefixes = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            whole.add(node.value)
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            prefixes.add(node.values[0].value)
    return whole, prefixes


def _code_strings():
    whole, prefixes = set(), set()
    for path in CODE:
        w, p = _strings(ast.parse(path.read_text(encoding="utf-8")))
        whole |= w
        prefixes |= p
    return whole, prefixes


def test_every_key_has_every_language_and_no_empty_text():
    for key, texts in all_keys().items():
        assert set(texts) == set(LANGUAGES), key
        assert all(isinstance(v, str) and v.strip() for v in texts.values()), key


def test_placeholders_match_between_languages():
    """The same placeholders in both languages, but for those that name a language (the Japanese original
    beside an English name: {ja}, {title_ja}, {title_en} …)."""

    def shared(v: str) -> set[str]:
        return {n for n in re.findall(r"{(\w+)}", v) if n not in LANGUAGES and not n.endswith(("_ja", "_en"))}

    for key, texts in all_keys().items():
        assert shared(texts["ja"]) == shared(texts["en"]), key


def test_a_municipalitys_text_file_holds_only_its_own_keys_and_the_shared_file_none_of_theirs():
    own = {p.parent.name for p in (ROOT / "machi").glob("*/text.toml") if p.parent.name != "core"}
    assert own == {"zushi", "asaka", "osaka", "yao"}
    shared = text._read(text.SHARED_FILE)
    assert not [k for k in shared if k.split(".")[0] in own]


def test_every_key_used_in_code_exists():
    pattern = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
    used = {k for path in CODE for k in pattern.findall(path.read_text(encoding="utf-8"))}
    assert used, "the scan found no t() call"
    assert sorted(k for k in used if not text.has(k)) == []


def test_every_key_is_used():
    """A key is used when the code names it whole, or names a prefix of it in an f-string or as a whole
    string of at least two parts (a family of keys built from data: f"zushi.level.{level}", or
    ui.sections(..., "zushi", ...) with its "tab" group: "zushi.tab")."""
    from machi.municipalities import MUNICIPALITIES

    whole, prefixes = _code_strings()
    whole |= {k for m in MUNICIPALITIES for k in (m.nav_key, m.group_key)}  # the navigation's, by the manifest
    families = {p for p in prefixes if "." in p} | {w + "." for w in whole if KEY.fullmatch(w)}
    families |= {f"{page}.tab." for page in ("zushi", "asaka", "osaka", "yao")} | {"yao.in."}  # ui.sections' labels
    unused = [k for k in all_keys() if k not in whole and not any(k.startswith(f) for f in families)]
    assert unused == []


def test_the_unused_key_check_can_fail():
    whole, prefixes = _code_strings()
    assert "zushi.no_such_key_at_all" not in whole
    assert not any("zushi.no_such_key_at_all".startswith(p) for p in prefixes if "." in p)


def test_keys_built_from_data_exist(con):
    from machi.core.db import run_query

    sources = run_query(con, "core/sources")
    for kind in sources.kind:
        assert text.has(f"sources.kind.{kind}")
    for date_kind in sources.date_kind.dropna():
        assert text.has(f"sources.date_kind.{date_kind}")
    # every value the schema allows, not only those in today's data
    for kind in ("document", "official_table", "boundaries", "web_page"):
        assert text.has(f"sources.kind.{kind}")
    for dk in ("published", "effective", "survey", "fiscal_year", "edition"):
        assert text.has(f"sources.date_kind.{dk}")


def test_navigation_keys_of_every_municipality_exist():
    from machi.municipalities import MUNICIPALITIES

    for m in MUNICIPALITIES:
        assert text.has(m.nav_key) and text.has(m.group_key), m.key


def _language_choices(tree: ast.AST) -> list[int]:
    """Lines that choose by language inline: a comparison with "ja" or "en", or an expression that picks
    on a name `ja`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
            isinstance(c, ast.Constant) and c.value in LANGUAGES for c in [node.left, *node.comparators]
        ):
            found.append(node.lineno)
        if isinstance(node, (ast.IfExp, ast.If)) and isinstance(node.test, ast.Name) and node.test.id == "ja":
            found.append(node.lineno)
    return found


def test_no_inline_choice_between_languages_outside_the_text_lookup():
    allowed = {ROOT / "machi" / "core" / "text.py"}  # the one place that knows the languages
    found = {
        str(p.relative_to(ROOT)): lines
        for p in CODE
        if p not in allowed
        if (lines := _language_choices(ast.parse(p.read_text(encoding="utf-8"))))
    }
    assert found == {}


@pytest.mark.parametrize(
    "snippet", ['x = a if lang == "ja" else b', 'if lang != "en":\n    pass', "y = a if ja else b"]
)
def test_the_inline_choice_check_can_fail(snippet):
    assert _language_choices(ast.parse(snippet))


def test_formatting_functions_take_the_language_explicitly():
    import inspect

    from machi.core import fmt

    for name in (
        "number",
        "as_given",
        "signed",
        "percent",
        "with_unit",
        "wareki",
        "fiscal_year",
        "calendar_year",
        "date_text",
        "source_date",
    ):
        lang = inspect.signature(getattr(fmt, name)).parameters["lang"]
        assert lang.default is inspect.Parameter.empty, name


def test_unknown_key_raises():
    with pytest.raises(KeyError):
        t("no.such.key", "ja")
    with pytest.raises(KeyError):
        t("zushi.no_such_key", "ja")


def test_unknown_language_falls_back_to_japanese():
    assert t("app.title", "fr") == t("app.title", "ja")
    assert t("zushi.title", "fr") == t("zushi.title", "ja")
