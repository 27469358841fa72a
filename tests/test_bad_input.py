"""Bad input sweep: every numeric input of every calculator tried with 0, a negative number, huge numbers
(1e308, and 1e309 which is inf), non-numeric text and empty values, on the pages (AppTest: the URL, a
scenario link and the widgets) and on the CLIs. Each case ends either in a message naming the field and
its allowed range, in the chosen language, or — where the rules allow the value (0 for some areas and
widths, a rate of 0 or -5 %) — in a normal result. Never an exception box or a traceback.

Calculators: Asaka's two what-ifs (pages/asaka.py), Yao's permit calculator (pages/yao.py and
`python -m machi permit`) and Osaka's danger score (pages/osaka.py, rank choices only, and
`python -m machi danger`). Asaka has no CLI calculator (`python -m machi --help`: build, datasets,
export, import-housing, danger, permit).
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys

import pytest

from machi.asaka import logic as asaka
from machi.cli import main as machi_main
from machi.core import fmt
from machi.core.text import t
from machi.yao import logic as yao
from machi.yao.permit.examples import example
from tests.apptest_support import open_page
from tests.conftest import ROOT

HUGE = "__HUGE__"  # written into JSON text as the literal 1e309 (json.loads makes it inf)


def no_exception(at) -> None:
    assert not at.exception, [e.message for e in at.exception]


def names_a_range(message: str, lang: str) -> bool:
    """The message states the allowed range in `lang`."""
    if lang == "ja":
        return bool(re.search("以上|より大きく", message)) and "以下" in message
    if re.search(r"from -?[\d,.]+ (to|\S+ to) ", message):  # "from 0 to 1,000", "from 0 to the length L (30 m)"
        return True
    return bool(re.search(r"at least|more than", message)) and bool(re.search("at most", message))


# ------------------------------------------------------------------------------------------------------
# Asaka: the what-ifs (values kept in the URL; ui.url_number)
# ------------------------------------------------------------------------------------------------------

#: URL key -> (label ja, label en, ?mode=, values the rules allow)
ASAKA = {
    "pop": ("現在の人口", "Current population", "number", ()),
    "pop35": ("2035年の人口", "2035 population", "number", ()),
    "rate": ("人口の年平均増減率", "Annual population change", "rate", ("0", "-5")),
    "area": ("市域面積", "City area", "number", ()),
}
#: in the URL: what the widget cannot give (text, inf, empty) and 0; -5 and 1e308 are typed (below)
ASAKA_URL_VALUES = ["0", "1e309", "abc", ""]


def asaka_messages(at) -> list[str]:
    return [e.value for e in at.error] + [i.value for i in at.info]


def asaka_query(key: str, value: str) -> dict:
    query = {key: value, "mode": ASAKA[key][2], "tab": "whatif"}
    if key not in ("pop35", "rate"):
        query["pop35"] = "140000"  # so that the only message is about `key`
    return query


def asaka_allows(key: str, value) -> bool:
    """Whether the rules allow `value` (URL text or a widget's number) for `key`."""
    try:
        return float(value) in {float(v) for v in ASAKA[key][3]}
    except (TypeError, ValueError):
        return False


def check_asaka(at, key: str, value, lang: str) -> None:
    no_exception(at)
    label = ASAKA[key][0 if lang == "ja" else 1]
    about = [m for m in asaka_messages(at) if label in m]
    if asaka_allows(key, value):
        assert about == [], about
        pop = float(at.number_input(key="pop").value)
        s = asaka.park_scenario(pop, rate_pct=float(value), per_person_now_m2=2.13, per_person_target_m2=3.16)
        metric = {m.label: m.value for m in at.metric}[t("asaka.park_need", lang, value="3.16")]
        assert metric == f"{fmt.number(s.area_needed_2035_ha, 2, lang='ja')} ha"
        return
    assert len(about) == 1, asaka_messages(at)
    assert names_a_range(about[0], lang), about[0]
    if value in ("", None):  # empty: asked for, not an error
        assert any(label in i.value for i in at.info) and not any(label in e.value for e in at.error)
    else:
        assert any(label in e.value for e in at.error)


@pytest.mark.parametrize("value", ASAKA_URL_VALUES)
@pytest.mark.parametrize("key", list(ASAKA))
def test_asaka_url_values(key, value):
    lang = "ja" if value in ("0", "abc") else "en"  # every field is checked in both languages
    at = open_page("asaka", lang, **asaka_query(key, value))
    check_asaka(at, key, value, lang)
    if value in ("abc", "1e309"):  # what the field cannot show stays in the URL until a number is typed
        assert at.query_params[key] == value
        assert at.number_input(key=key).value is None


@pytest.mark.parametrize("mode,keys", [("number", ["pop", "pop35", "area"]), ("rate", ["rate"])])
def test_asaka_widget_values(mode, keys):
    at = open_page("asaka", "en", pop35="140000", rate="1.5", mode=mode, tab="whatif")
    for key in keys:
        good = at.number_input(key=key).value
        for value in (0.0, -5.0, 1e308, None):
            at.number_input(key=key).set_value(value).run()
            check_asaka(at, key, value, "en")
        at.number_input(key=key).set_value(good).run()
        no_exception(at)
        assert not at.error and not [i for i in at.info if "required" in i.value]


def test_asaka_empty_rate_names_the_rate():
    with pytest.raises(asaka.InputError) as info:
        asaka.park_scenario(140000, None, None, mode="rate", per_person_now_m2=2.13, per_person_target_m2=3.16)
    assert info.value.field == "rate_pct" and info.value.missing


# ------------------------------------------------------------------------------------------------------
# Yao: the permit calculator (scenario link ?s=, widgets, and `python -m machi permit`)
# ------------------------------------------------------------------------------------------------------

YAO_BASE = example("facilities_with_sogo")["application"]  # has every number field, sogo included
BF_STORE = example("barrier_free_store")["application"]  # tokutei items: row, length_m, height_m, count
#: (field path for the engine, where it sits in the application)
YAO_FIELDS = [(f, (f,)) for f in yao.NUMBER_FIELDS] + [
    ("parts[0].height_m", ("parts", 0, "height_m")),
    ("parts[0].setback_m", ("parts", 0, "setback_m")),
    ("facilities[0].floor_area_m2", ("facilities", 0, "floor_area_m2")),
    ("sogo.max_floor_area_m2", ("sogo", "max_floor_area_m2")),
    ("sogo.floor_area_m2", ("sogo", "floor_area_m2")),
]
#: fields where 0 is allowed by the validation ranges (machi/yao/permit/model.py)
ZERO_ALLOWED = {
    "road_width_m",
    "frontage_m",
    "green_area_m2",
    "effective_open_space_m2",
    "sidewalk_width_m",
    "parts[0].height_m",
    "parts[0].setback_m",
    "facilities[0].floor_area_m2",
    "barrier_free.excluded_bf19_m2",
    "barrier_free.other_increase_m2",
    "barrier_free.items[0].actual_area_m2",
    "barrier_free.items[0].length_m",
    "barrier_free.items[2].height_m",
    "barrier_free.items[0].column_length_m",
}


def with_value(app: dict, where: tuple, value) -> dict:
    out = copy.deepcopy(app)
    node = out
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    return out


def check_yao(at, field: str, lang: str, valid: bool) -> None:
    no_exception(at)
    errors = [e.value for e in at.error]
    if valid:
        assert errors == []
        assert t("yao.max_floor_area", lang) in {m.label for m in at.metric}
        return
    assert len(errors) == 1, errors
    assert yao.field_label(field, lang) in errors[0], errors  # the form's label, never the field's key
    assert field.rsplit(".", 1)[-1] not in errors[0], errors
    assert t("yao.invalid_where", lang, tab=t(f"yao.in.{yao.input_tab(field)}", lang)) in errors[0]  # where to find it
    assert names_a_range(errors[0], lang), errors[0]
    # no answer from these inputs: none at all, or the last valid one marked as not matching them
    assert not at.metric or t("common.stale", lang) in [w.value for w in at.warning]


EVERY_VALUE = [0, -5, 1e308, float("inf"), "abc", "", None]
#: in a link: every value for the table cells (no widget to type in), and for the number inputs what
#: typing cannot give (inf, text, ""); 0, -5, 1e308 and empty are typed in test_yao_widget_values
LINK_CASES = [(f, w, v) for f, w in YAO_FIELDS for v in (EVERY_VALUE if "[" in f else [float("inf"), "abc", ""])]


@pytest.mark.parametrize("field,where,value", LINK_CASES, ids=[f"{f}={v!r}" for f, _, v in LINK_CASES])
def test_yao_link_values(field, where, value):
    lang = "ja" if value in (0, "abc", None) or (value == "" and "[" not in field) else "en"  # both languages per field
    at = open_page("yao", lang, s=yao.encode_scenario(with_value(YAO_BASE, where, value)))
    valid = (value == 0 and field in ZERO_ALLOWED) or (value is None and field == "sogo.floor_area_m2")
    check_yao(at, field, lang, valid)


WIDGETS = [(f, f"y.{f}.0") for f in yao.NUMBER_FIELDS] + [
    ("sogo.max_floor_area_m2", "y.sogo_max.0"),
    ("sogo.floor_area_m2", "y.sogo_used.0"),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_yao_widget_values(lang):
    at = open_page("yao", lang, s=yao.encode_scenario(YAO_BASE))
    fields = WIDGETS if lang == "ja" else WIDGETS[::3]  # English: a sample, the labels differ only by language
    for field, key in fields:
        if at.session_state["yao_in"] != yao.input_tab(field):  # only the open input tab is drawn
            at.session_state["yao_in"] = yao.input_tab(field)
            at.run()
            check_yao(at, field, lang, valid=True)
        good = at.number_input(key=key).value
        for value in (0.0, -5.0, 1e308, None):
            at.number_input(key=key).set_value(value).run()
            valid = (value == 0 and field in ZERO_ALLOWED) or (value is None and field == "sogo.floor_area_m2")
            check_yao(at, field, lang, valid)
        at.number_input(key=key).set_value(good).run()
        check_yao(at, field, lang, valid=True)


def test_yao_bad_link_value_is_kept_until_a_number_is_typed():
    at = open_page("yao", "en", s=yao.encode_scenario({**YAO_BASE, "site_area_m2": "abc"}))
    check_yao(at, "site_area_m2", "en", valid=False)
    assert 'entered: "abc"' in at.error[0].value
    assert at.number_input(key="y.site_area_m2.0").value is None
    assert yao.decode_scenario(at.query_params["s"])["site_area_m2"] == "abc"
    at.number_input(key="y.site_area_m2.0").set_value(2000.0).run()
    check_yao(at, "site_area_m2", "en", valid=True)
    assert yao.decode_scenario(at.query_params["s"])["site_area_m2"] == 2000.0


@pytest.mark.parametrize("value", ["abc", None, 1e308])
def test_yao_barrier_free_numbers_in_the_link(value):
    app = with_value(BF_STORE, ("barrier_free", "items", 0, "actual_area_m2"), value)
    at = open_page("yao", "ja", s=yao.encode_scenario(app))
    check_yao(at, "barrier_free.items[0].actual_area_m2", "ja", valid=False)


@pytest.mark.parametrize("change,label", [({"route": "express"}, "yao.route"), ({"zone": 5}, "yao.zone")])
def test_yao_unknown_choice_in_the_link(change, label):
    at = open_page("yao", "en", s=yao.encode_scenario({**YAO_BASE, **change}))
    no_exception(at)
    assert len(at.error) == 1 and t(label, "en") in at.error[0].value
    assert at.metric  # the form shows a valid choice instead, and its result


@pytest.mark.parametrize(
    "change",
    [
        {"parts": "abc"},
        {"parts": [1]},
        {"facilities": [{"kind": 5, "floor_area_m2": 1}]},
        {"sogo": "abc"},
        {"site_area_m2": [1]},
        {"site_area_m2": True},
    ],
)
def test_yao_malformed_link_never_crashes(change):
    at = open_page("yao", "en", s=yao.encode_scenario({**YAO_BASE, **change}))
    no_exception(at)
    field = next(iter(change))  # named by its tab (a table's bad cell is shown empty, and that cell is named)
    assert (
        len(at.error) == 1
        and t("yao.invalid_where", "en", tab=t(f"yao.in.{yao.input_tab(field)}", "en")) in at.error[0].value
    )
    assert field not in at.error[0].value


# --- CLI: python -m machi permit ------------------------------------------------------------------------

BF_OTHER = {
    **copy.deepcopy(BF_STORE),
    "barrier_free": {
        "building": "other",
        "beppyo1_conforms": True,
        "other_increase_m2": 3,
        "items": [
            {"item": "unit_corridor", "length_m": 20, "column_length_m": 5, "actual_area_m2": 30},
            {"item": "hospital_room", "patients": 4, "actual_area_m2": 40},
        ],
    },
}
PERMIT_FIELDS = [(f, YAO_BASE, w) for f, w in YAO_FIELDS] + [
    ("barrier_free.excluded_bf19_m2", BF_STORE, ("barrier_free", "excluded_bf19_m2")),
    ("barrier_free.other_increase_m2", BF_OTHER, ("barrier_free", "other_increase_m2")),
    ("barrier_free.items[0].actual_area_m2", BF_STORE, ("barrier_free", "items", 0, "actual_area_m2")),
    ("barrier_free.items[0].row", BF_STORE, ("barrier_free", "items", 0, "row")),
    ("barrier_free.items[0].length_m", BF_STORE, ("barrier_free", "items", 0, "length_m")),
    ("barrier_free.items[2].height_m", BF_STORE, ("barrier_free", "items", 2, "height_m")),
    ("barrier_free.items[7].count", BF_STORE, ("barrier_free", "items", 7, "count")),
    ("barrier_free.items[0].column_length_m", BF_OTHER, ("barrier_free", "items", 0, "column_length_m")),
    ("barrier_free.items[1].patients", BF_OTHER, ("barrier_free", "items", 1, "patients")),
]
CLI_VALUES = [0, -5, 1e308, HUGE, "abc", "", None]


def json_text(obj) -> str:
    return json.dumps(obj, ensure_ascii=False).replace(json.dumps(HUGE), "1e309")


def run_cli(capsys, tmp_path, command: str, text: str) -> tuple[int, str, str]:
    path = tmp_path / "input.json"
    path.write_text(text, encoding="utf-8")
    code = machi_main([command, str(path)])  # what `python -m machi` runs
    out, err = capsys.readouterr()
    return code, out, err


def check_cli_error(code: int, out: str, err: str, command: str, field: str) -> None:
    assert code == 2, err
    assert out == ""
    assert err.startswith(f"machi {command}: {field}: "), err
    assert err.count("\n") == 1 and "Traceback" not in err
    en, ja = err.split(": ", 2)[2].split(" / ", 1)
    assert names_a_range(en, "en") or "whole number from" in en, en
    assert names_a_range(ja, "ja"), ja


@pytest.mark.parametrize("value", CLI_VALUES, ids=repr)
@pytest.mark.parametrize("field,base,where", PERMIT_FIELDS, ids=[f for f, _, _ in PERMIT_FIELDS])
def test_permit_cli_values(capsys, tmp_path, field, base, where, value):
    code, out, err = run_cli(capsys, tmp_path, "permit", json_text(with_value(base, where, value)))
    if value == 0 and field in ZERO_ALLOWED:
        assert code == 0 and err == "", err
        assert set(json.loads(out)) >= {"eligible", "max_floor_area_m2"}
    else:
        check_cli_error(code, out, err, "permit", field)


# --- CLI: python -m machi danger --------------------------------------------------------------------------

DANGER_OK = {"foundation": None, "exterior_wall": None, "roof": None, "third_party_harm": False}


@pytest.mark.parametrize("value", CLI_VALUES + [True], ids=repr)
@pytest.mark.parametrize("field", list(DANGER_OK))
def test_danger_cli_values(capsys, tmp_path, field, value):
    code, out, err = run_cli(capsys, tmp_path, "danger", json_text({**DANGER_OK, field: value}))
    if value is None and field != "third_party_harm":  # null: the part is in order (0 points)
        assert code == 0 and err == ""
        assert json.loads(out)["score"] == 0.0
        return
    if value is True and field == "third_party_harm":
        assert code == 0 and json.loads(out)["level"] == 0
        return
    assert code == 2 and out == ""
    assert err.startswith(f"machi danger: {field}: ") and err.count("\n") == 1 and "Traceback" not in err
    allowed = "true or false" if field == "third_party_harm" else '"A", "B"'
    assert allowed in err or "ranks: A, B" in err, err


# --- the real processes: exit code 2 and no traceback ----------------------------------------------------


@pytest.mark.parametrize(
    "command,obj,field",
    [
        ("permit", with_value(YAO_BASE, ("parts", 0, "height_m"), HUGE), "parts[0].height_m"),
        ("danger", {**DANGER_OK, "foundation": "abc"}, "foundation"),
    ],
)
def test_cli_process(command, obj, field):
    done = subprocess.run(
        [sys.executable, "-m", "machi", command, "-"],
        input=json_text(obj).encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and done.stdout == b""
    assert err.startswith(f"machi {command}: {field}: ") and "Traceback" not in err


# ------------------------------------------------------------------------------------------------------
# Osaka: the danger score on the page is rank choices (no number field); a bad URL value falls back
# ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["-5", "abc", ""])
def test_osaka_bad_rank_in_the_url_falls_back_to_none(value):
    at = open_page("osaka", "en", tab="danger", d_foundation=value, d_exterior_wall=value, d_roof=value, d_harm=value)
    no_exception(at)
    for key in ("d_foundation", "d_exterior_wall", "d_roof"):
        box = next(s for s in at.selectbox if s.key == key)
        assert box.index == 0
    m = {m.label: m.value for m in at.metric}
    assert (m["Score (sum)"], m["Danger level"]) == ("0.0", "0")


# --- any URL parameter: nesting, size, encoding --------------------------------------------------------


def _packed(raw: bytes) -> str:
    import base64
    import zlib

    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


HOSTILE_LINKS = {
    "nested": _packed(b'{"a":' + b"[" * 50_000 + b"]" * 50_000 + b"}"),  # ~300 characters, 100 kB of brackets
    "nested_small": _packed(b'{"a":' + b"[" * 2_000 + b"]" * 2_000 + b"}"),
    "zip_bomb": _packed(b'{"a":"' + b"x" * 50_000_000 + b'"}'),  # 50 MB unpacked
    "long": "A" * 100_000,
    "not_base64": "%%%\u00e9\u3042<script>",
    "not_json": _packed(b"\xff\xfe not json"),
    "list": _packed(b"[1, 2, 3]"),
}


@pytest.mark.parametrize("name", list(HOSTILE_LINKS))
def test_yao_hostile_scenario_link_gives_a_plain_message(name):
    """Finding 3 of 'runs all day': a 294-character link of nested JSON raised RecursionError."""
    at = open_page("yao", "en", s=HOSTILE_LINKS[name])
    no_exception(at)
    assert len(at.error) + len(at.warning) >= 1
    shown = " ".join(e.value for e in [*at.error, *at.warning])
    assert "Recursion" not in shown and "Traceback" not in shown and "not a scenario link" not in shown
    assert at.metric  # the calculator still works, from its defaults


@pytest.mark.parametrize("name", ["nested", "zip_bomb", "long"])
def test_decode_scenario_bounds(name):
    with pytest.raises(ValueError):
        yao.decode_scenario(HOSTILE_LINKS[name])


@pytest.mark.parametrize("page", ["zushi", "asaka", "osaka", "yao", "sources"])
@pytest.mark.parametrize(
    "value", ["x" * 20_000, "[" * 5_000, "\u0000\u202e", "%E3%81"], ids=["long", "brackets", "control", "percent"]
)
def test_any_url_parameter_never_crashes(page, value):
    params = {"tab": value, "fy": value, "group": value, "ward": value, "year": value, "print": value}
    at = open_page(page, "ja", **params)
    no_exception(at)
