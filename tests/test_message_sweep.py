"""Every input of every calculator, given blank, 0, negative, huge and text, in both languages: each message
names the field in the user's words. No internal key, no Python exception text, and in the Japanese view no
English fragment (the value the user typed is echoed as typed, and left out of that check)."""

from __future__ import annotations

import copy
import re

import pytest

from machi.asaka import logic as asaka
from machi.core.inputs import InputError
from machi.yao import barrier_free as bf
from machi.yao import logic as yao
from machi.yao.permit import load_rules, parse_application
from machi.yao.permit.examples import example
from machi.yao.permit.model import ValidationError

VALUES = [None, 0, -5, 1e308, "abc"]
RULES = load_rules()
FAC = example("facilities_with_sogo")["application"]
BF = example("barrier_free_store")["application"]

#: what a Python message or an internal name looks like
PYTHON = re.compile(
    r"Traceback|Error\b|Exception|Expecting|\bgot\b|\bNone\b|\bnan\b|\binf\b|\bdict\b|\bfloat\b|\bint\b"
)
KEY = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # site_area_m2, base_far_pct, population_2035 …
#: Latin words a Japanese message may hold: symbols of the criteria, units, the value typed
JA_LATIN = {"A", "B", "C", "S", "V0", "L", "L2", "H", "m", "ha", "km", "abc", "e"}


def clean(message: str, lang: str) -> None:
    assert not PYTHON.search(message), message
    assert not KEY.search(message), message
    if lang == "ja":
        latin = set(re.findall(r"[A-Za-z][A-Za-z0-9]*", message))
        assert latin <= JA_LATIN, (latin - JA_LATIN, message)


def set_path(app: dict, path: tuple, value) -> dict:
    out = copy.deepcopy(app)
    node = out
    for step in path[:-1]:
        node = node[step]
    if value is None and isinstance(node, dict):
        node[path[-1]] = None
    else:
        node[path[-1]] = value
    return out


YAO_PATHS = [(f,) for f in yao.NUMBER_FIELDS] + [
    ("parts", 0, "height_m"),
    ("parts", 0, "setback_m"),
    ("facilities", 0, "floor_area_m2"),
    ("sogo", "max_floor_area_m2"),
    ("sogo", "floor_area_m2"),
]
BF_PATHS = [("barrier_free", "excluded_bf19_m2"), ("barrier_free", "other_increase_m2")] + [
    ("barrier_free", "items", i, k)
    for i, item in enumerate(BF["barrier_free"]["items"])
    for k in ("actual_area_m2", "length_m", "height_m", "count")
    if k in item
]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_yao_every_input(value, lang):
    said = 0
    for base, paths in ((FAC, YAO_PATHS), (BF, BF_PATHS)):
        for path in paths:
            try:
                parse_application(set_path(base, path, value))
            except ValidationError as e:
                message = yao.invalid_message(e, lang)
                clean(message.replace('"abc"', ""), lang)
                said += 1
    if value != 0:  # 0 is allowed for some fields; nothing else is
        assert said == len(YAO_PATHS) + len(BF_PATHS) - (value == 1e308 and 0), (value, said)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_yao_barrier_free_rows_as_the_form_shows_them(value, lang):
    figures = bf.row_figures(RULES, lang)
    for item in BF["barrier_free"]["items"]:
        for k in ("actual_area_m2", "length_m", "height_m", "count"):
            if k in item:
                shown = figures({**item, k: value}, BF["barrier_free"])
                if isinstance(shown, str):
                    clean(shown.replace('"abc"', ""), lang)


ASAKA_CALLS = {
    "population_now": lambda v: asaka.park_scenario(v, 140000, None, mode="number", **PARK),
    "population_2035": lambda v: asaka.park_scenario(141083, v, None, mode="number", **PARK),
    "rate_pct": lambda v: asaka.park_scenario(141083, None, v, mode="rate", **PARK),
    "population_year": lambda v: asaka.park_scenario(141083, 140000, None, population_year=v, mode="number", **PARK),
    "city_area_km2": lambda v: asaka.green_share_scenario(v, share_now_pct=21.5, share_target_pct=22.3),
}
PARK = {"per_person_now_m2": 2.13, "per_person_target_m2": 3.16}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("value", [*VALUES, 1900, 2021], ids=repr)
def test_asaka_every_input(value, lang):
    for field, call in ASAKA_CALLS.items():
        if value in (1900, 2021) and field != "population_year":  # years with no census: the year alone
            continue
        try:
            call(value)
        except InputError as e:
            clean(e.message(lang).replace("abc", ""), lang)
        else:
            assert value in (0, -5) and field == "rate_pct", (field, value)  # −10 to 10 % a year


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_cli_and_the_page_say_the_same_plain_words(lang):
    """`machi permit` prints the field's path for scripts and the same plain message as the page."""
    with pytest.raises(ValidationError) as info:
        parse_application(set_path(FAC, ("site_area_m2",), -5))
    assert info.value.field == "site_area_m2"
    clean(info.value.message(lang), lang)
