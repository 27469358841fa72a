"""Osaka City's danger score (判定表, 別表第5): machi/osaka/danger.py and data/osaka/danger_rules.toml,
and the enforcement stages and 特定空家等 categories transcribed in data/osaka."""

from __future__ import annotations

import csv
import itertools
import json
import os
import re
import subprocess
import sys
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi.osaka import danger
from machi.osaka.danger import DangerInputError, evaluate
from tests.conftest import ROOT

SEED = ROOT / "tests" / "fixtures" / "osaka_akiya_policy.txt"
RANKS = {"foundation": [None, "A", "B", "C"], "exterior_wall": [None, "A", "B"], "roof": [None, "A", "B", "C"]}


def inp(foundation=None, exterior_wall=None, roof=None, third_party_harm=False) -> dict:
    return {
        "foundation": foundation,
        "exterior_wall": exterior_wall,
        "roof": roof,
        "third_party_harm": third_party_harm,
    }


def seed_text() -> str:
    return re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))


# --- the table as data -------------------------------------------------------------------------------


def test_points_are_the_policy_table():
    rules = danger.load_rules()
    points = {k: {r: v["points"] for r, v in p["ranks"].items()} for k, p in rules.parts.items()}
    assert points == {
        "foundation": {"A": 25.0, "B": 50.0, "C": 100.0},
        "exterior_wall": {"A": 12.5, "B": 25.0},
        "roof": {"A": 12.5, "B": 25.0, "C": 50.0},
    }


def test_rule_texts_are_verbatim_from_the_policy():
    text = seed_text()
    raw = tomllib.loads((ROOT / "data" / "osaka" / "danger_rules.toml").read_text(encoding="utf-8"))
    quoted = [raw["source"]["use_quote_ja"], raw["source"]["score_note_ja"], raw["third_party_harm"]["question_ja"]]
    for part in raw["parts"]:
        quoted.append(part["name_ja"])
        quoted += [r["description_ja"] for r in part["ranks"].values()]
        if "judged_with_ja" in part:
            quoted.append(part["judged_with_ja"])
    for level in raw["levels"]:
        quoted += [level["rule_ja"], level["next_step_ja"]]
    for q in quoted:
        assert re.sub(r"\s+", "", q) in text, q
    # the action lines printed under the table, in level order 0-3
    lines = [lv["next_step_ja"] for lv in sorted(raw["levels"], key=lambda lv: lv["level"])]
    assert re.sub(r"\s+", "", "".join(lines)) in text


# --- levels and boundaries ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_", "score", "level"),
    [
        (inp(), 0.0, 0),
        (inp(third_party_harm=True), 0.0, 0),
        (inp(exterior_wall="A"), 12.5, 1),
        (inp(roof="A"), 12.5, 1),
        (inp(foundation="A"), 25.0, 1),
        (inp(foundation="C"), 100.0, 1),  # exactly 100 is still level 1
        (inp(foundation="C", third_party_harm=True), 100.0, 1),
        (inp(foundation="B", exterior_wall="B", roof="B"), 100.0, 1),
        (inp(foundation="C", exterior_wall="A"), 112.5, 2),
        (inp(foundation="C", roof="A", third_party_harm=True), 112.5, 3),
        (inp(foundation="C", exterior_wall="B", roof="C"), 175.0, 2),  # the highest possible score
        (inp(foundation="C", exterior_wall="B", roof="C", third_party_harm=True), 175.0, 3),
    ],
)
def test_boundaries(given_, score, level):
    result = evaluate(given_)
    assert result["score"] == score
    assert result["level"] == level
    assert result["is_tokutei_akiya"] is (level >= 1)


def test_maximum_score_is_175():
    scores = [evaluate(inp(f, w, r))["score"] for f, w, r in itertools.product(*RANKS.values())]
    assert max(scores) == 175.0 and min(scores) == 0.0


def test_next_steps_per_level():
    expected = {
        0: ("12条(情報提供・助言等)対象", "A"),
        1: ("12条で改善されない場合は、14条1項(助言・指導)対象", "B"),
        2: ("12条で改善されない場合は、14条1項(助言・指導)対象", "B"),
        3: ("12条、14条1項で改善されない場合は、14条第2項(勧告)対象", "C"),
    }
    cases = {
        0: inp(),
        1: inp(roof="B"),
        2: inp(foundation="C", roof="C"),
        3: inp(foundation="C", roof="C", third_party_harm=True),
    }
    for level, case in cases.items():
        result = evaluate(case)
        assert result["level"] == level
        assert (result["next_step_ja"], result["stage"]) == expected[level]
        assert result["next_step_en"] and result["level_rule_en"] and result["level_rule_ja"]
        assert result["next_step_citation"].startswith("別表第5 3.")
        assert result["next_step_citation_en"] == "Appended Table 5, 3. Overall judgement (総合判定)"


def test_result_shape():
    result = evaluate(inp(foundation="B", exterior_wall="A"))
    assert result["rules"] == [
        {
            "part": "foundation",
            "part_ja": "基礎、土台、柱又ははりの状況",
            "rank": "B",
            "points": 50.0,
            "description_ja": danger.load_rules().parts["foundation"]["ranks"]["B"]["description_ja"],
            "citation": "別表第5 1. 基礎、土台、柱又ははりの状況",
            "citation_ja": "別表第5 1. 基礎、土台、柱又ははりの状況",
            "citation_en": "Appended Table 5, 1. Condition of the foundation, sills, columns or beams "
            "(基礎、土台、柱又ははりの状況)",
        },
        {
            "part": "exterior_wall",
            "part_ja": "外壁の状況",
            "rank": "A",
            "points": 12.5,
            "description_ja": "外壁面の一部に剥落、破損、飛散等があり、小修理を要するもの",
            "citation": "別表第5 1. 外壁の状況",
            "citation_ja": "別表第5 1. 外壁の状況",
            "citation_en": "Appended Table 5, 1. Condition of the outer walls (外壁の状況)",
        },
        {
            "part": "roof",
            "part_ja": "屋根の状況",
            "rank": None,
            "points": 0.0,
            "description_ja": None,
            "citation": "別表第5 1. 屋根の状況",
            "citation_ja": "別表第5 1. 屋根の状況",
            "citation_en": "Appended Table 5, 1. Condition of the roof (屋根の状況)",
        },
    ]
    assert result["level_rule_ja"] == "合計した評点が0点を超え100点以下のもの。"
    assert result["source_id"] == "osaka_akiya_policy"
    json.dumps(result, ensure_ascii=False)  # serialisable


# --- invalid input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "field", "en"),
    [
        ([], "input", "expected a JSON object"),
        ("A", "input", "expected a JSON object"),
        ({**inp(), "walls": "A"}, "walls", "unknown key"),
        ({k: v for k, v in inp().items() if k != "roof"}, "roof", "missing"),
        ({k: v for k, v in inp().items() if k != "third_party_harm"}, "third_party_harm", "missing"),
        (inp(foundation=1), "foundation", 'expected "A", "B", "C" or null (given: 1)'),
        (inp(roof=True), "roof", "(given: true)"),
        (inp(foundation="D"), "foundation", "no rank 'D'"),
        (inp(foundation="a"), "foundation", "no rank 'a'"),
        (inp(exterior_wall="C"), "exterior_wall", "no rank 'C' for exterior walls (ranks: A, B"),
        (inp(third_party_harm=None), "third_party_harm", "expected true or false (given: null)"),
        (inp(third_party_harm=1), "third_party_harm", "expected true or false (given: 1)"),
        (inp(third_party_harm="yes"), "third_party_harm", '(given: "yes")'),
    ],
)
def test_invalid_input(obj, field, en):
    with pytest.raises(DangerInputError) as info:
        evaluate(obj)
    assert info.value.field == field
    assert en in info.value.message_en
    assert info.value.message_ja
    assert str(info.value) == f"{field}: {info.value.message_en}"


# --- properties ----------------------------------------------------------------------------------------

ranks_st = st.fixed_dictionaries(
    {
        "foundation": st.sampled_from(RANKS["foundation"]),
        "exterior_wall": st.sampled_from(RANKS["exterior_wall"]),
        "roof": st.sampled_from(RANKS["roof"]),
        "third_party_harm": st.booleans(),
    }
)


def _up(rank, options):
    i = options.index(rank)
    return options[i + 1] if i + 1 < len(options) else None


@given(ranks_st, st.sampled_from(list(RANKS)))
def test_score_and_level_are_monotone_in_each_rank(obj, part):
    higher = _up(obj[part], RANKS[part])
    base = evaluate(obj)
    assert 0 <= base["level"] <= 3
    assert base["score"] == sum(r["points"] for r in base["rules"])
    if higher is not None:
        raised = evaluate({**obj, part: higher})
        assert raised["score"] > base["score"]
        assert raised["level"] >= base["level"]


@given(ranks_st)
def test_harm_only_matters_above_100(obj):
    a, b = evaluate({**obj, "third_party_harm": False}), evaluate({**obj, "third_party_harm": True})
    assert a["score"] == b["score"]
    if a["score"] > 100:
        assert (a["level"], b["level"]) == (2, 3)
    else:
        assert a["level"] == b["level"] == (0 if a["score"] == 0 else 1)


# --- CLI -------------------------------------------------------------------------------------------------

CLI = (
    "import argparse, sys\n"
    "from machi.osaka import danger\n"
    "p = argparse.ArgumentParser(prog='machi')\n"
    "danger.register_cli(p.add_subparsers(dest='command', required=True))\n"
    "a = p.parse_args(sys.argv[1:])\n"
    "sys.exit(a.func(a))\n"
)


def _cli(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], input=stdin, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )


def test_cli_stdin_and_file(tmp_path):
    obj = inp(foundation="C", roof="A", third_party_harm=True)
    for args in (["danger"], ["danger", "-"]):
        done = _cli(args, json.dumps(obj))
        assert done.returncode == 0, done.stderr
        assert done.stdout == json.dumps(evaluate(obj), ensure_ascii=False, indent=1) + "\n"
        assert "14条第2項(勧告)" in done.stdout  # not escaped
    path = tmp_path / "house.json"
    path.write_text(json.dumps(inp(roof="B")), encoding="utf-8")
    done = _cli(["danger", str(path)])
    assert done.returncode == 0 and json.loads(done.stdout)["level"] == 1


@pytest.mark.parametrize(
    ("args", "stdin", "prefix"),
    [
        (
            ["danger"],
            '{"foundation": "D", "exterior_wall": null, "roof": null, "third_party_harm": false}',
            "machi danger: foundation: ",
        ),
        (["danger"], '{"foundation": null}', "machi danger: exterior_wall: missing"),
        (["danger"], "{not json", "machi danger: input: invalid JSON"),
        (["danger"], "", "machi danger: input: invalid JSON"),
        (["danger", "/nonexistent/house.json"], "", "machi danger: /nonexistent/house.json: file not found"),
    ],
)
def test_cli_errors(args, stdin, prefix):
    done = _cli(args, stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(prefix)
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_cli_handler_in_process(capsys, monkeypatch):
    import argparse
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(inp()).encode())))
    assert danger.run(argparse.Namespace(file="-")) == 0
    assert json.loads(capsys.readouterr().out)["level"] == 0


# --- enforcement stages and categories (data/osaka) -----------------------------------------------------


def _csv(name: str) -> list[dict]:
    with (ROOT / "data" / "osaka" / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_enforcement_stages():
    rows = _csv("enforcement.csv")
    assert list(rows[0]) == [
        "stage",
        "name_ja",
        "article_ja",
        "consequence_ja",
        "name_en",
        "source_id",
        "article_en",
        "consequence_en",
    ]
    by = {r["stage"]: r for r in rows}
    assert list(by) == ["A", "B", "C", "D", "E", "F", "fine_inspection", "fine_order"]
    assert by["A"]["article_ja"] == "空家法第12条"
    assert by["B"]["article_ja"] == "空家法第14条第1項"
    assert by["C"]["article_ja"] == "空家法第14条第2項"
    assert by["D"]["article_ja"] == "" and "住宅用地特例" in by["D"]["name_ja"]
    assert by["E"]["article_ja"] == "空家法第14条第3項"
    assert by["F"]["article_ja"] == "空家法第14条第9項（略式代執行は第14条第10項）"
    assert "20万円以下の過料" in by["fine_inspection"]["consequence_ja"]
    assert "50万円以下の過料" in by["fine_order"]["consequence_ja"]
    # the English keeps every article and amount (an unofficial translation)
    assert (
        by["E"]["article_en"] == "Vacant Houses Act, Art. 14(3)"
        and "200,000 yen" in by["fine_inspection"]["consequence_en"]
    )
    assert {r["source_id"] for r in rows} == {"osaka_akiya_policy"}
    assert all(r["name_en"] for r in rows)


def test_enforcement_text_is_verbatim():
    text = seed_text()
    for row in _csv("enforcement.csv"):
        for piece in row["consequence_ja"].split("…"):
            assert re.sub(r"\s+", "", piece) in text, (row["stage"], piece)
        if row["stage"] in "ABCDEF":
            assert f"{row['stage']}{row['name_ja']}" in text
    for article in (
        "空家法第12条",
        "空家法第14条第1項",
        "空家法第14条第2項",
        "空家法第14条第3項",
        "空家法第14条第9項",
        "空家法第14条第10項",
    ):
        assert article in text


def test_tokutei_categories():
    rows = _csv("tokutei_categories.csv")
    assert [r["category"] for r in rows if r["example_no"] == "1" and r["item_no"] == "(1)"] == [
        "(イ)",
        "(ロ)",
        "(ハ)",
        "(ニ)",
    ]
    assert list(dict.fromkeys((r["category"], r["name_ja"]) for r in rows)) == [
        ("(イ)", "保安上危険"),
        ("(ロ)", "衛生上有害"),
        ("(ハ)", "景観阻害"),
        ("(ニ)", "生活環境上不適切"),
    ]
    assert len(rows) == 27
    text = seed_text()
    for r in rows:
        for field in ("state_ja", "item_ja", "example_ja", "name_ja"):
            assert re.sub(r"\s+", "", r[field]) in text, (r["sort_order"], field)
