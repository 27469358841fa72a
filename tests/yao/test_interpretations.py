"""The rule file's interpretations, as the Yao page prints them in its "how to read" expander: each in both
languages, the Japanese with no stray English, neither naming an input key (users see the form's labels),
a rule file without a Japanese text rejected, and the Japanese page showing the Japanese texts."""

import re
import tomllib

import pytest

from machi.core import fmt
from machi.core.text import t
from machi.yao.permit import load_rules, model
from machi.yao.permit.examples import examples
from machi.yao.permit.rules import DEFAULT_RULES_PATH, RulesError
from tests.apptest_support import open_page, texts

RULES = load_rules(DEFAULT_RULES_PATH)
INTERPRETATIONS = RULES.interpretations()
LANGS = ("ja", "en")


def _input_keys() -> set[str]:
    """Every key of an application: the model's key lists, the extra keys of barrier-free items (from the rule
    file) and every key the worked examples use."""
    keys = {
        *model.TOP_KEYS,
        *model.TOP_OPTIONAL,
        *model.PART_KEYS,
        *model.FACILITY_KEYS,
        *model.BF_KEYS,
        *model.BF_OPTIONAL,
        *model.SOGO_KEYS,
        *model.SOGO_OPTIONAL,
        *model.ITEM_BASE_KEYS,
        *model.ITEM_BASE_OPTIONAL,
    }
    keys |= {k for item in RULES.barrier_free.items.values() for k in item.inputs}
    for ex in examples():
        keys |= _keys_in(ex["application"])
    return keys


def _keys_in(value) -> set[str]:
    """Every mapping key anywhere in nested dicts and lists."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys_in(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys_in(v)}
    return set()


def _rule_file_keys() -> set[str]:
    """The rule file's own keys that are identifiers (bonus_individually_capped, min_site_area_m2 …)."""
    keys = _keys_in(tomllib.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8")))
    return {k for k in keys if "_" in k}


INPUT_KEYS = _input_keys()
#: keys that read as code: with an underscore, or a romanised id. Plain English words among the input keys
#: (route, zone, parts, count, row …) may appear in the English texts as words; never in the Japanese ones.
CODE_WORDS = {k for k in INPUT_KEYS | _rule_file_keys() if "_" in k} | {"tokutei", "sogo", "beppyo2"}

#: Latin tokens a Japanese text may hold: unit symbols and the letters of the criteria's formulas
#: (A site area, B building area, O open space, C coverage, S effective open space, V / V0 floor area and FAR,
#: L / L1 / L2 lengths, H heights) and min() of a formula. Quoted law names are written in Japanese.
JA_LATIN_ALLOWED = {"m", "m2", "A", "B", "C", "O", "S", "V", "V0", "L", "L1", "L2", "H", "min"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", text))


def test_the_rule_file_has_its_interpretations():
    where = [i["where"] for i in INTERPRETATIONS]
    assert len(where) == len(set(where)) >= 20
    assert {"open_space", "checks.setback", "bonus.barrier_free.special_2000", "beppyo2.corridor.rows[3]"} <= set(where)


def test_the_key_collection_finds_the_keys_the_texts_once_named():
    assert {"parts", "frontage_m", "sidewalk_width_m", "base_coverage_pct", "floor_area_m2"} <= INPUT_KEYS
    assert {"actual_area_m2", "column_length_m", "base_far_pct"} <= INPUT_KEYS
    assert "bonus_individually_capped" in CODE_WORDS


@pytest.mark.parametrize("i", INTERPRETATIONS, ids=lambda i: i["where"])
def test_every_interpretation_has_both_languages(i):
    assert set(i) == {"where", "clause", "text_ja", "text_en"}
    assert i["text_ja"].strip() and i["text_en"].strip()
    assert i["text_ja"] != i["text_en"]


@pytest.mark.parametrize("i", INTERPRETATIONS, ids=lambda i: i["where"])
def test_the_japanese_has_no_english_words(i):
    stray = _words(i["text_ja"]) - JA_LATIN_ALLOWED
    assert not stray, f"{i['where']}: {sorted(stray)} in {i['text_ja']!r}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("i", INTERPRETATIONS, ids=lambda i: i["where"])
def test_no_text_names_an_input_key(i, lang):
    text = i[f"text_{lang}"]
    assert "`" not in text, text
    assert not re.search(r"\[[a-z0-9_.]+\]", text), f"a rule-file table named: {text!r}"
    assert not re.search(r"\b[a-z]+(?:_[a-z0-9]+)+\b", text), f"an identifier in {text!r}"  # any snake_case name
    named = _words(text) & (CODE_WORDS if lang == "en" else INPUT_KEYS | CODE_WORDS)
    assert not named, f"{i['where']} ({lang}) names {sorted(named)}"


#: where an interpretation names an input, the form's label it names it by (machi/yao/text.toml): the text
#: must follow the label if the label is reworded
LABELS = {
    "open_space": ["yao.site_area", "yao.building_area"],
    "checks.road_width": ["yao.road_width"],
    "checks.frontage": ["yao.frontage", "yao.perimeter"],
    "checks.setback": ["yao.parts"],
    "checks.open_space_ratio": ["yao.coverage"],
    "checks.sidewalk": ["yao.sidewalk"],
    "checks.effective_open_space": ["yao.effective_open_space"],
    "bonus.facilities": ["yao.floor_area"],
    "bonus.barrier_free.items.tokutei_parking": ["yao.bf.actual_area_m2"],
    "bonus.barrier_free.items.unit_corridor": ["yao.bf.column_length_m"],
    "bonus.barrier_free.items.hospital_room": ["yao.bf.patients"],
    "limits.cap": ["yao.base_far"],
    "limits.sogo": ["yao.sogo_max", "yao.sogo_used"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", list(LABELS))
def test_inputs_are_named_by_the_forms_labels(where, lang):
    text = next(i[f"text_{lang}"] for i in INTERPRETATIONS if i["where"] == where)
    for key in LABELS[where]:
        assert t(key, lang) in text, f"{where} ({lang}) should name the input as {t(key, lang)!r}"


def _without(tmp_path, section: str, key: str):
    """A copy of the rule file with the line `key = …` of the table `section` removed."""
    lines = DEFAULT_RULES_PATH.read_text(encoding="utf-8").split("\n")
    start = lines.index(section)
    at = next(n for n in range(start + 1, len(lines)) if lines[n].startswith(f"{key} = "))
    assert not any(line.startswith("[") for line in lines[start + 1 : at]), f"{key} not in {section}"
    del lines[at]
    p = tmp_path / "variant.toml"
    p.write_text("\n".join(lines), encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "section,key,needle",
    [
        ("[checks.setback]", "interpretation_ja", "checks.setback.interpretation_ja: missing"),
        ("[open_space]", "interpretation_ja", "open_space.interpretation_ja: missing"),
        (
            "[bonus.barrier_free]",
            "special_2000_interpretation_ja",
            "bonus.barrier_free.special_2000_interpretation_ja: missing",
        ),
        (
            "[bonus.barrier_free.items.unit_corridor]",
            "interpretation_ja",
            "bonus.barrier_free.items.unit_corridor.interpretation_ja: missing",
        ),
        ("[limits.sogo]", "interpretation_ja", "limits.sogo.interpretation_ja: missing"),
        ("[checks.setback]", "interpretation", "checks.setback.interpretation: missing"),  # ja without en
    ],
)
def test_a_rule_file_missing_a_language_is_rejected_naming_where(tmp_path, section, key, needle):
    with pytest.raises(RulesError, match=re.escape(needle)) as exc:
        load_rules(_without(tmp_path, section, key))
    assert "variant.toml" in str(exc.value)  # as the file's other load errors: the file, then the key


def test_a_table_row_missing_its_japanese_is_rejected_naming_the_row(tmp_path):
    text = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith("interpretation_ja = ") and "1.20 L" in x)
    p = tmp_path / "variant.toml"
    p.write_text(text.replace(line + "\n", "", 1), encoding="utf-8")
    with pytest.raises(RulesError, match=re.escape("beppyo2.corridor.rows[2].interpretation_ja: missing")):
        load_rules(p)


def _how_to_read(at, lang: str) -> str:
    (box,) = [e for e in at.expander if e.label == t("yao.how_to_read", lang)]
    return "\n".join(m.value for m in box.markdown)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_prints_the_interpretations_in_the_readers_language(lang):
    at = open_page("yao", lang)
    shown = _how_to_read(at, lang)
    other = "en" if lang == "ja" else "ja"
    for i in INTERPRETATIONS:
        assert fmt.md_text(i[f"text_{lang}"]) in shown, i["where"]
        assert fmt.md_text(i[f"text_{other}"]) not in shown, i["where"]
    assert "`" not in shown
    if lang == "ja":
        assert not (_words(shown) & INPUT_KEYS)
    assert all(fmt.md_text(i[f"text_{lang}"]) in texts(at) for i in INTERPRETATIONS)
