"""The CLI contract: build, datasets, export (CSV, JSON, Excel), and its errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from machi.core import datasets
from machi.municipalities import MUNICIPALITIES
from tests.conftest import ROOT


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "machi", *args],
        cwd=ROOT,
        capture_output=True,
        input=stdin,
        env={**os.environ},
        timeout=120,
    )


def test_build_prints_one_line_per_table_with_row_count(tmp_path):
    env = {**os.environ, "MACHI_DB": str(tmp_path / "x.duckdb")}
    r = subprocess.run([sys.executable, "-m", "machi", "build"], cwd=ROOT, capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = dict(line.split("\t") for line in r.stdout.decode().splitlines())
    assert int(lines["sources"]) == sum(1 for _ in csv.DictReader((ROOT / "data/sources.csv").open(encoding="utf-8")))
    assert "build_info" in lines
    assert (tmp_path / "x.duckdb").exists()


def test_datasets_lists_name_rows_description():
    r = run_cli("datasets")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.decode().splitlines()]
    assert all(len(row) == 3 for row in rows)
    names = [row[0] for row in rows]
    assert names == list(datasets.datasets(MUNICIPALITIES))
    sources_row = rows[names.index("sources")]
    assert int(sources_row[1]) >= 4


def test_export_csv_has_header_and_is_plain_utf8():
    r = run_cli("export", "sources")
    assert r.returncode == 0
    assert not r.stdout.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(io.BytesIO(r.stdout))
    assert "source_id" in df.columns and "credit_ja" in df.columns
    assert "yao_52_14_1_criteria" in set(df.source_id)


def test_export_json_is_list_of_objects_with_nulls():
    r = run_cli("export", "sources", "--format", "json")
    assert r.returncode == 0
    records = json.loads(r.stdout)
    assert isinstance(records, list) and all(isinstance(x, dict) for x in records)
    osaka = next(x for x in records if x["source_id"] == "osaka_akiya_policy")
    assert osaka["date"] is None and osaka["url"] is None  # missing values are null, not "nan" or ""


def test_export_excel_has_bom():
    r = run_cli("export", "sources", "--excel")
    assert r.returncode == 0
    assert r.stdout.startswith(b"\xef\xbb\xbf")
    assert "出典" in r.stdout.decode("utf-8-sig") or "市" in r.stdout.decode("utf-8-sig")


def test_unknown_dataset_exits_2_listing_valid_names():
    r = run_cli("export", "no_such_dataset")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "no_such_dataset" in err and "sources" in err
    assert "Traceback" not in err


def test_bad_usage_exits_2_without_traceback():
    for args in (["export"], ["export", "sources", "--format", "xml"], ["nonsense"], []):
        r = run_cli(*args)
        assert r.returncode == 2, args
        assert "Traceback" not in r.stderr.decode()


def test_excel_csv_neutralises_formula_cells_but_not_numbers():
    df = pd.DataFrame(
        {
            "text": ['=HYPERLINK("x")', "+1+1", "-cmd", "@SUM(A1)", "plain", None, "+1", "-2.5%"],
            "n": [-1, 2, 3, 4, 5, 6, 7, 8],
        }
    )
    out = datasets.to_csv(df, excel=True)
    assert out.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(out[3:]), keep_default_na=False)
    # a plain signed number as shown ("+1", "-2.5%") is a number to a spreadsheet, not a formula: kept
    assert back.text.tolist() == ['\'=HYPERLINK("x")', "'+1+1", "'-cmd", "'@SUM(A1)", "plain", "", "+1", "-2.5%"]
    assert back.n.tolist() == [-1, 2, 3, 4, 5, 6, 7, 8]
    plain = datasets.to_csv(df, excel=False)
    assert b"=HYPERLINK" in plain and not plain.startswith(b"\xef\xbb\xbf")


def test_export_xlsx_is_a_workbook_of_the_dataset():
    import openpyxl

    r = subprocess.run(
        [sys.executable, "-m", "machi", "export", "zushi_kpis", "--format", "xlsx"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    ws = openpyxl.load_workbook(io.BytesIO(r.stdout)).active
    assert [c.value for c in ws[1]][:3] == ["fiscal_year", "sheet_no", "label_ja"] and ws.max_row == 5


@pytest.mark.parametrize(
    "args,message",
    [
        (["nowhere", "-o", "x.pdf"], "no page named 'nowhere'; valid names: zushi, asaka, osaka, yao, all"),
        (["zushi", "--query", "a=1&&b", "-o", "x.pdf"], "not a page query"),
        (["all", "--query", "fy=2021", "-o", "x.pdf"], "--query is a page's query"),
        (["zushi"], "the following arguments are required: -o/--output"),
    ],
)
def test_a_brief_with_a_bad_name_or_query_exits_2_saying_why(tmp_path, args, message):
    args = [str(tmp_path / a) if a.endswith(".pdf") else a for a in args]
    r = subprocess.run(
        [sys.executable, "-m", "machi", "brief", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.pdf").exists()
