"""`permit` subcommand: JSON in, JSON out; exit 2 with a one-line message naming the field on bad input."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from machi.yao.permit.cli import register
from machi.yao.permit.engine import OUTPUT_KEYS
from machi.yao.permit.examples import example
from tests.conftest import ROOT


def run_cli(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "machi.yao.permit.cli", *args], input=data, capture_output=True, cwd=ROOT, timeout=120
    )


def write(tmp_path: Path, obj, name: str = "app.json") -> Path:
    p = tmp_path / name
    p.write_text(obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return p


def app(**over) -> dict:
    d = example("facilities_pass")["application"]
    d.update(over)
    return d


def test_valid_file_exit_0_and_result_json(tmp_path):
    p = write(tmp_path, app())
    r = run_cli(str(p))
    assert r.returncode == 0, r.stderr.decode()
    out = json.loads(r.stdout.decode("utf-8"))
    assert set(OUTPUT_KEYS) <= set(out)
    assert out["eligible"] is True and out["max_floor_area_m2"] == 5140 and out["bonus_claimed_m2"] == 340
    assert out["binding"] == "bonus_claimed" and out["base_floor_area_m2"] == 4800
    assert "第一種住居地域" in r.stdout.decode("utf-8")  # ensure_ascii=False
    assert r.stdout.decode("utf-8").startswith('{\n "eligible"')  # indent=1
    assert r.stderr == b""


@pytest.mark.parametrize("args", [(), ("-",)])
def test_stdin(args):
    r = run_cli(*args, stdin=json.dumps(example("barrier_free_store")["application"]))
    assert r.returncode == 0, r.stderr.decode()
    out = json.loads(r.stdout)
    assert out["max_floor_area_m2"] == 2444.88 and out["bonus_claimed_m2"] == 44.88
    assert [c["passed"] for c in out["checks"] if c["id"] == "setback"] == [None]


def test_not_eligible_is_still_exit_0(tmp_path):
    r = run_cli(str(write(tmp_path, app(road_width_m=7.5))))
    assert r.returncode == 0
    out = json.loads(r.stdout)
    assert out["eligible"] is False and out["binding"] == "not_eligible" and out["bonus_allowed_m2"] == 0


INVALID = [
    ("unknown zone", app(zone="downtown"), "zone"),
    ("unknown kind", app(facilities=[{"kind": "pool", "floor_area_m2": 3}]), "facilities[0].kind"),
    ("wrong type", app(site_area_m2="2400"), "site_area_m2"),
    ("bool as number", app(road_width_m=True), "road_width_m"),
    ("missing key", {k: v for k, v in app().items() if k != "sidewalk_width_m"}, "sidewalk_width_m"),
    ("unknown key", app(colour="red"), "colour"),
    ("zero area", app(site_area_m2=0), "site_area_m2"),
    ("negative area", app(building_area_m2=-1), "building_area_m2"),
    ("negative height", app(parts=[{"height_m": -3, "setback_m": 1}]), "parts[0].height_m"),
    ("unknown route", app(route="express"), "route"),
    (
        "barrier-free item",
        app(
            route="barrier_free",
            barrier_free={
                "building": "tokutei",
                "items": [{"item": "tokutei_stair_landing", "row": 4, "actual_area_m2": 2}],
            },
        ),
        "barrier_free.items[0].row",
    ),
    ("top level not an object", [1, 2], "(root)"),
]


@pytest.mark.parametrize("name,obj,field", INVALID, ids=[x[0] for x in INVALID])
def test_invalid_input_exit_2_naming_the_field(tmp_path, name, obj, field):
    r = run_cli(str(write(tmp_path, obj)))
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2
    assert err.startswith(f"machi permit: {field}: ") and " / " in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert r.stdout == b""


def test_nan_in_json_is_a_validation_error(tmp_path):
    text = json.dumps(app()).replace('"green_area_m2": 480', '"green_area_m2": NaN')
    assert "NaN" in text
    r = run_cli(str(write(tmp_path, text)))
    assert r.returncode == 2 and r.stderr.decode().startswith("machi permit: green_area_m2: ")


@pytest.mark.parametrize("text", ["{bad json", "", '{"route": "facilities",}', "[" * 100000])
def test_bad_json_exit_2(tmp_path, text):
    p = write(tmp_path, text)
    r = run_cli(str(p))
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2, err
    assert err.startswith(f"machi permit: {p}: ") and ("invalid JSON" in err or "must be a JSON object" in err)
    assert "Traceback" not in err


def test_bad_json_on_stdin_exit_2():
    r = run_cli(stdin="not json")
    assert r.returncode == 2 and r.stderr.decode().startswith("machi permit: <stdin>: invalid JSON")


def test_not_utf8_exit_2(tmp_path):
    p = tmp_path / "latin1.json"
    p.write_bytes(b'{"zone": "\xe9"}')
    r = run_cli(str(p))
    assert r.returncode == 2 and "UTF-8" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_missing_file_exit_2(tmp_path):
    missing = tmp_path / "nope.json"
    r = run_cli(str(missing))
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2 and err.startswith(f"machi permit: {missing}: file not found")
    assert "Traceback" not in err


def test_directory_exit_2(tmp_path):
    r = run_cli(str(tmp_path))
    assert r.returncode == 2 and "directory" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_bad_rules_file_exit_2(tmp_path):
    bad = write(tmp_path, "not = [valid", "bad.toml")
    r = run_cli("--rules", str(bad), str(write(tmp_path, app())))
    assert r.returncode == 2 and r.stderr.decode().startswith("machi permit: --rules: ")
    assert "Traceback" not in r.stderr.decode()


# ------------------------------------------------------------------------------------------------
# register() on a host parser (as machi/cli.py will use it), in-process
# ------------------------------------------------------------------------------------------------


def _host_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="machi")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    return parser


def test_register_valid_file(tmp_path, capsys):
    args = _host_parser().parse_args(["permit", str(write(tmp_path, example("facilities_with_sogo")["application"]))])
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["binding"] == "sogo_6" and out["max_floor_area_m2"] == 12000 and out["max_far_pct"] == 600


def test_register_stdin_default(monkeypatch, capsys):
    import io

    raw = json.dumps(example("facilities_at_limits")["application"]).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    args = _host_parser().parse_args(["permit"])
    assert args.file == "-"
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["binding"] == "cap_5" and out["max_floor_area_m2"] == 5000


@pytest.mark.parametrize(
    "obj,field",
    [
        (app(zone="x"), "zone"),
        (app(parts=[]), "parts"),
        (app(facilities=[{"kind": "greywater"}]), "facilities[0].floor_area_m2"),
    ],
)
def test_register_invalid_returns_2(tmp_path, capsys, obj, field):
    args = _host_parser().parse_args(["permit", str(write(tmp_path, obj))])
    assert args.func(args) == 2
    cap = capsys.readouterr()
    assert cap.out == "" and cap.err.startswith(f"machi permit: {field}: ")


def test_register_missing_file_returns_2(tmp_path, capsys):
    args = _host_parser().parse_args(["permit", str(tmp_path / "missing.json")])
    assert args.func(args) == 2
    assert "file not found" in capsys.readouterr().err
