"""Tables that leave the screen keep their context: CSV and Excel read back."""

import csv
import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi.core import datasets, export

CONTEXT = export.Context(
    "大阪市 — 区の順位", ("出典：令和5年住宅・土地統計調査（2023年10月1日（調査日））", "クレジット：総務省統計局")
)
SHOWN = pd.DataFrame(
    {
        "区": ["西成区", "=cmd()", "生野区"],
        "空き家率（%）": ["25.9%", "13.8%", "22.8%"],
        "住宅総数（戸）": ["88,230", "1,234", "−5"],
        "メモ": [None, "+cmd", "a"],
    }
)


def test_csv_has_a_bom_the_table_first_then_its_context_and_no_live_formula():
    raw = export.to_csv(SHOWN, CONTEXT, "ja")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
    assert rows[0] == list(SHOWN.columns)
    assert rows[1] == ["西成区", "25.9%", "88,230", ""]
    assert rows[2][0] == "'=cmd()" and rows[2][3] == "'+cmd"
    assert rows[4] == [] or rows[4] == [""]
    assert [r[0] for r in rows[5:]] == [CONTEXT.title, *CONTEXT.lines]


def test_xlsx_has_its_context_first_then_the_table_with_numbers_as_shown():
    wb = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(SHOWN, CONTEXT, "ja")))
    ws = wb.active
    assert ws["A1"].value == CONTEXT.title and ws["A1"].font.bold
    assert [ws.cell(row=i, column=1).value for i in (2, 3)] == list(CONTEXT.lines)
    header = 5
    assert [c.value for c in ws[header]] == list(SHOWN.columns)
    rate, count = ws.cell(row=header + 1, column=2), ws.cell(row=header + 1, column=3)
    assert rate.value == pytest.approx(0.259) and rate.number_format == "0.0%"
    assert count.value == 88230 and count.number_format == "#,##0"
    assert ws.cell(row=header + 3, column=3).value == -5  # a true minus sign reads as a minus
    assert ws.cell(row=header + 2, column=1).value == "'=cmd()"  # text, not a formula
    assert ws.cell(row=header + 2, column=4).value == "'+cmd"
    assert ws.freeze_panes == f"A{header + 1}"


@given(st.lists(st.text(max_size=20), min_size=1, max_size=8))
def test_no_cell_of_either_file_is_a_formula(cells):
    shown = pd.DataFrame({"x": cells})
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(shown, CONTEXT, "en"))).active
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            assert cell.data_type != "f", cell.value
    text = export.to_csv(shown, CONTEXT, "en")[3:].decode("utf-8")
    for row in list(csv.reader(io.StringIO(text)))[1 : 1 + len(cells)]:
        assert not row or not row[0].startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize(
    "text,value,number_format",
    [
        ("1,234", 1234, "#,##0"),
        ("16.1%", 0.161, "0.0%"),
        ("−0.50", -0.5, "#,##0.00"),
        ("+0.291", 0.291, "#,##0.000"),
    ],
)
def test_shown_numbers_become_numbers_with_their_digits(text, value, number_format):
    got = export._as_number(text)
    assert got[0] == pytest.approx(value) and got[1] == number_format


@pytest.mark.parametrize("text", ["西成区", "2021（令和3）年度", "データなし", "1,800 人/年", "n/a"])
def test_text_stays_text(text):
    assert export._as_number(text) is None


def test_file_names_are_safe():
    assert export.file_stem("osaka", "ranking", "2023-10-01") == "osaka_ranking_2023-10-01"
    assert export.file_stem("yao", "a/b c", "") == "yao_a-b-c"


def test_a_dataset_as_excel_reads_back_with_its_rows(con):
    df = datasets.load(con, datasets.SOURCES)
    ws = openpyxl.load_workbook(io.BytesIO(datasets.to_xlsx(df, "sources"))).active
    assert [c.value for c in ws[1]] == list(df.columns) and ws.max_row == len(df) + 1
