"""Data updates by staff: the templates, the checked import (every rejection named by sheet, row and column,
nothing changed), the preview, the change log, the staff page, and two imports at once."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from machi.core import build, datasets, updates
from machi.core.db import connect_read_only
from machi.core.text import t
from machi.municipalities import MUNICIPALITIES
from tests.apptest_support import open_page
from tests.conftest import ROOT

ZUSHI = next(k for m in MUNICIPALITIES for k in m.updates if k.key == "zushi")
ASAKA = next(k for m in MUNICIPALITIES for k in m.updates if k.key == "asaka-actuals")


@pytest.fixture()
def store(tmp_path, monkeypatch):
    """A copy of data/ and a database built from it, the app and the CLI pointed at them."""
    data, db = tmp_path / "data", tmp_path / "m.duckdb"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "*.tmp"))
    monkeypatch.setenv("MACHI_DATA", str(data))
    monkeypatch.setenv("MACHI_DB", str(db))
    build.build(MUNICIPALITIES, db, data)
    return data, db


def exports(db: Path) -> dict[str, bytes]:
    con = connect_read_only(db)
    try:
        return {name: datasets.to_csv(datasets.load(con, ds)) for name, ds in datasets.datasets(MUNICIPALITIES).items()}
    finally:
        con.close()


def snapshot(data: Path, db: Path) -> dict[str, str]:
    """Every file of data/ and the database, by content."""
    files = {str(p.relative_to(data)): p for p in data.rglob("*") if p.is_file() and not p.name.endswith(".duckdb")}
    files["<db>"] = db
    return {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in sorted(files.items())}


def filled(kind, data: Path, path: Path, edit=None) -> Path:
    """The kind's template with today's data, saved to `path` after `edit(worksheet)`."""
    wb = load_workbook(io.BytesIO(updates.template(kind, data)))
    if edit:
        edit(wb, wb[updates.DATA_SHEET])
    wb.save(path)
    return path


def next_year(wb, ws) -> None:
    """FY2022 from FY2021: each sheet again, progress and evaluation moved, spending changed."""
    rows = list(ws.iter_rows(min_row=updates.FIRST_ROW, values_only=True))
    heads = [c.name for c in ZUSHI.columns]
    for i, row in enumerate(rows):
        values = dict(zip(heads, row))
        values |= {
            "fiscal_year": 2022,
            "progress_code": "ア" if i % 2 else "イ",
            "evaluation_code": "b" if i % 3 else "a",
            "actual_cost_yen": (values["actual_cost_yen"] or 0) + 1_000 if values["actual_cost_yen"] else None,
        }
        ws.append([values[h] for h in heads])


def test_the_templates_round_trip_leaving_every_export_identical(store, tmp_path):
    data, db = store
    before = exports(db)
    asaka = filled(ASAKA, data, tmp_path / "asaka.xlsx", lambda wb, ws: ws.append(
        ["park_area_per_person", 2026, 2.18, "asaka_green_plan_2026", "テスト"]
    ))  # fmt: skip
    updates.apply(ASAKA, asaka, MUNICIPALITIES, data_dir=data, db=db)
    middle = exports(db)
    from machi.ui import cache

    cache.forget_database()
    try:  # the status and projection the page already has, from an imported actual
        at = open_page("asaka", "ja", tab="overview")
        assert "▲ 遅れ" in "\n".join(m.value for m in at.markdown)
    finally:
        cache.forget_database()
    for kind in (ZUSHI, ASAKA):  # today's data, through the template and back
        result = updates.apply(
            kind, filled(kind, data, tmp_path / f"{kind.key}-2.xlsx"), MUNICIPALITIES, data_dir=data, db=db
        )
        assert result.unchanged
    assert exports(db) == middle and middle["zushi_programs"] == before["zushi_programs"]


def test_the_template_offers_lists_for_every_code_and_both_languages(store, tmp_path):
    data, _ = store
    wb = load_workbook(io.BytesIO(updates.template(ZUSHI, data)))
    assert wb.sheetnames[:2] == [updates.HELP_SHEET, updates.DATA_SHEET]
    ws = wb[updates.DATA_SHEET]
    heads = {ws.cell(1, n).value: ws.cell(2, n).value for n in range(1, len(ZUSHI.columns) + 1)}
    assert heads["進捗状況"] == "Progress (ア–エ)" and heads["評価区分"] == "Evaluation (a–c)"
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789") for dv in ws.data_validations.dataValidation}
    coded = {c.name for c in ZUSHI.columns if c.kind == "choice"}
    letters = {
        chr(64 + n) if n <= 26 else "A" + chr(64 + n - 26) for n, c in enumerate(ZUSHI.columns, 1) if c.name in coded
    }
    assert letters <= lists
    assert ws.max_row == updates.FIRST_ROW + 8  # the nine FY2021 sheets filled in
    help_text = "\n".join(str(c.value or "") for c in wb[updates.HELP_SHEET]["A"])
    assert "1 行に 1 件" in help_text and "one record per row" in help_text


def test_a_second_fiscal_year_by_the_command_line_shows_on_the_page_and_in_the_log(store, tmp_path):
    data, db = store
    path = filled(ZUSHI, data, tmp_path / "fy2022.xlsx", next_year)
    env = {**os.environ, "MACHI_DATA": str(data), "MACHI_DB": str(db)}
    command = [sys.executable, "-m", "machi", "import", "zushi", str(path), "--lang", "en"]
    dry = subprocess.run([*command, "--dry-run"], env=env, capture_output=True, text=True, cwd=ROOT)
    assert dry.returncode == 0 and "Rows added: 9, changed: 0, removed: 0" in dry.stdout
    assert "Added: FY2022 (Reiwa 4), sheet 1: Enforcing and running the Basic Ordinance" in dry.stdout
    assert t("updates.dry_run", "en") in dry.stdout
    done = subprocess.run([sys.executable, "-m", "machi", "import", "zushi", str(path)], env=env,
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    con = connect_read_only(db)
    try:
        years = con.execute("SELECT fiscal_year, count(*) FROM zushi_programs GROUP BY 1 ORDER BY 1").fetchall()
        log = con.execute("SELECT kind, file_name, rows_added, scope FROM change_log").fetchall()
        moved = con.execute(
            "SELECT progress_code FROM zushi_programs WHERE fiscal_year = 2022 ORDER BY sheet_no"
        ).fetchall()
    finally:
        con.close()
    assert years == [(2021, 9), (2022, 9)] and log == [("zushi", "fy2022.xlsx", 9, "2022")]  # the year it added
    assert [m[0] for m in moved] == ["イ", "ア", "イ", "ア", "イ", "ア", "イ", "ア", "イ"]
    from machi.ui import cache

    cache.forget_database()
    try:
        at = open_page("zushi", "en", fy="2022")
        assert at.selectbox(key="fy").value == "2022" and "FY2022 (Reiwa 4)" in at.markdown[0].value
        compared = open_page("zushi", "en", tab="years")  # the years compared: a tab of its own now
        assert t("zushi.tab.years", "en") in [tab.label for tab in compared.tabs]
        grid = next(m.value for m in compared.markdown if m.value.startswith("|")).replace("\\", "")
        rows = [[c.strip() for c in line.strip("|").split("|")] for line in grid.splitlines()[2:]]
        assert len(rows) == 9 and rows[1][0].startswith("2 ")
        assert rows[1][1:] == [
            "▲ イ Behind schedule",
            "△ (c) Cannot be regarded as on track",
            "● ア On schedule (wording not in the source)",
            "○ (b) Can be regarded as broadly on track",
            "▲ イ → ● ア, (c) → (b)",
        ]
        spec = compared.get("plotly_chart")[0].proto.spec
        assert '"FY2021 (Reiwa 3)"' in spec and '"FY2022 (Reiwa 4)"' in spec  # spending, a bar per year
    finally:
        cache.forget_database()


def test_changing_a_loaded_year_needs_replace(store, tmp_path):
    data, db = store

    def moved(wb, ws):
        ws.cell(updates.FIRST_ROW, 24, "ウ")  # sheet 1 of FY2021: イ → ウ

    path = filled(ZUSHI, data, tmp_path / "changed.xlsx", moved)
    before = snapshot(data, db)
    with pytest.raises(updates.ImportRefused) as refused:
        updates.apply(ZUSHI, path, MUNICIPALITIES, data_dir=data, db=db)
    said = refused.value.text("en")
    assert "Fiscal year 2021 is already loaded and this file changes or removes 1 of its rows" in said
    assert "--replace" in said and said.endswith("(Progress (ア–エ): イ → ウ)")  # what would change, before asking
    assert snapshot(data, db) == before
    result = updates.apply(ZUSHI, path, MUNICIPALITIES, replace=True, data_dir=data, db=db)
    assert result.changed == [(("2021", "1"), [("progress_code", "イ", "ウ")])]
    assert (
        "変更：2021（令和3）年度 シート 1 （仮称）自治基本条例（案）の施行・運用（進捗状況：イ → ウ）"
        in result.lines("ja")
    )
    assert result.lines("en")[1].endswith("(Progress (ア–エ): イ → ウ)")


def _renamed(wb, ws):
    ws.title = "Sheet1"


def _column_missing(wb, ws):
    ws.delete_cols(5)


def _formula(wb, ws):
    ws.cell(updates.FIRST_ROW + 1, 27, "=28168*1")


def _unknown_code(wb, ws):
    ws.cell(updates.FIRST_ROW + 2, 24, "オ")


def _duplicate(wb, ws):
    ws.append([c.value for c in ws[updates.FIRST_ROW]])


def _out_of_range(wb, ws):
    ws.cell(updates.FIRST_ROW + 3, 1, 1999)


def _missing(wb, ws):
    ws.cell(updates.FIRST_ROW + 4, 12).value = None


def _text_in_number(wb, ws):
    ws.cell(updates.FIRST_ROW, 27, "四千")


@pytest.mark.parametrize(
    "edit,sheet,row,column,words",
    [
        (_renamed, "", 0, "", "has no sheet “データ” (its sheets: 説明 Instructions, Sheet1, 出典 Sources)"),
        (
            _column_missing,
            "データ",
            1,
            "E",
            "The header reads “Policy (Japanese)”; the template's is “施策コード",
        ),
        (_formula, "データ", 4, "計画事業費（千円）", "A formula (=28168*1) where a value belongs"),
        (_unknown_code, "データ", 5, "進捗状況", "“オ” is not one of the codes (allowed: ア, イ, ウ, エ)"),
        (_duplicate, "データ", 12, "年度", "2021 / 1 appears twice (also on row 3)"),
        (_out_of_range, "データ", 6, "年度", "1999 is outside the allowed range (2019 to 2100)"),
        (_missing, "データ", 7, "目的", "Empty: a value is required"),
        (_text_in_number, "データ", 3, "計画事業費（千円）", "“四千” is not a whole number"),
    ],
)
def test_a_bad_file_is_refused_whole_naming_sheet_row_and_column_and_nothing_changes(
    store, tmp_path, edit, sheet, row, column, words
):
    data, db = store
    path = filled(ZUSHI, data, tmp_path / "bad.xlsx", edit)
    before = snapshot(data, db)
    with pytest.raises(updates.ImportRefused) as refused:
        updates.apply(ZUSHI, path, MUNICIPALITIES, replace=True, data_dir=data, db=db)
    problem = refused.value.problems[0]
    assert (problem.sheet, problem.row) == (sheet, row)
    assert column in (problem.column_ja, problem.column_en)
    assert words in problem.text("en")
    if sheet:
        ja = problem.text("ja")
        assert ja.startswith(f"シート「{sheet}」{row} 行目「{problem.column_ja}」：")
    assert snapshot(data, db) == before


def test_macros_other_files_and_oversized_files_are_refused(store, tmp_path):
    data, db = store
    before = snapshot(data, db)
    good = filled(ZUSHI, data, tmp_path / "good.xlsx")
    macro = tmp_path / "macro.xlsx"  # a macro-enabled workbook saved under .xlsx
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(macro, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\0" * 16)
    xlsm = shutil.copy(good, tmp_path / "book.xlsm")
    csv_file = tmp_path / "programs.csv"
    csv_file.write_text("fiscal_year\n2022\n", encoding="utf-8")
    big = tmp_path / "big.xlsx"
    big.write_bytes(good.read_bytes() + b"\0" * (updates.MAX_BYTES + 1))
    other = tmp_path / "asaka.xlsx"
    filled(ASAKA, data, other, lambda wb, ws: ws.append(["park_area_per_person", 2026, 2.18, "asaka_green_plan_2026"]))
    cases = {
        macro: "is a macro-enabled workbook",
        Path(xlsm): "is a macro-enabled workbook",
        csv_file: "is not an Excel workbook (.xlsx)",
        big: "files up to 5 MB can be imported",
        other: "The header reads “Indicator”",  # another kind's template
    }
    for path, words in cases.items():
        with pytest.raises(updates.ImportRefused) as refused:
            updates.apply(ZUSHI, path, MUNICIPALITIES, data_dir=data, db=db)
        assert words in refused.value.text("en"), (path.name, refused.value.text("en"))
    assert snapshot(data, db) == before


def test_an_actual_outside_its_indicators_scale_is_refused(store, tmp_path):
    data, db = store
    path = filled(ASAKA, data, tmp_path / "a.xlsx", lambda wb, ws: ws.append(
        ["green_space_share", 2026, 120.0, "asaka_green_plan_2026"]
    ))  # fmt: skip
    with pytest.raises(updates.ImportRefused) as refused:
        updates.apply(ASAKA, path, MUNICIPALITIES, data_dir=data, db=db)
    problem = refused.value.problems[0]
    assert (problem.row, problem.column_en) == (3, "Actual value")
    assert (
        "120 is outside the range “Share of the city area that is green space (緑地)” can take (0 to 100)"
        in problem.text("en")
    )


def test_two_imports_at_once_give_one_result_never_a_mixed_database(store, tmp_path):
    data, db = store
    a = filled(ZUSHI, data, tmp_path / "a.xlsx", next_year)

    def fy2023(wb, ws):
        next_year(wb, ws)
        for r in range(updates.FIRST_ROW + 9, ws.max_row + 1):
            ws.cell(r, 1, 2023)

    b = filled(ZUSHI, data, tmp_path / "b.xlsx", fy2023)
    env = {**os.environ, "MACHI_DATA": str(data), "MACHI_DB": str(db)}
    runs = [
        subprocess.Popen([sys.executable, "-m", "machi", "import", "zushi", str(p), "--lang", "en"], env=env, cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in (a, b)
    ]  # fmt: skip
    outcomes = [(r.wait(120), r.stderr.read()) for r in runs]
    assert any(code == 0 for code, _ in outcomes)
    for code, err in outcomes:
        assert code == 0 or "Another data update is running" in err, err
    assert build.stored_fingerprint(db) == build.fingerprint(data, MUNICIPALITIES)  # built from what data/ holds
    con = connect_read_only(db)
    try:
        years = dict(con.execute("SELECT fiscal_year, count(*) FROM zushi_programs GROUP BY 1").fetchall())
        logged = con.execute("SELECT count(*) FROM change_log").fetchone()[0]
    finally:
        con.close()
    assert years[2021] == 9 and all(n == 9 for n in years.values())
    assert logged == sum(code == 0 for code, _ in outcomes) == len(years) - 1


def test_a_lock_left_by_a_killed_import_does_not_block_the_next(store, tmp_path):
    data, db = store
    (data / updates.LOCK_NAME).write_text("999999 2026-01-01T00:00:00\n", encoding="utf-8")
    path = filled(ZUSHI, data, tmp_path / "fy2022.xlsx", next_year)
    assert len(updates.apply(ZUSHI, path, MUNICIPALITIES, data_dir=data, db=db).added) == 9
    assert not (data / updates.LOCK_NAME).exists()


def test_the_staff_page_is_off_unless_the_server_is_started_for_staff(monkeypatch):
    from streamlit.testing.v1 import AppTest

    from machi.ui import staff

    monkeypatch.delenv("MACHI_STAFF", raising=False)
    assert not staff.enabled()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):  # not among the pages: not served
        at.switch_page("pages/updates.py")
    monkeypatch.setenv("MACHI_STAFF", "1")
    assert staff.enabled()
    assert [x.value for x in open_page("updates", "ja").title] == [t("updates.title", "ja")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_staff_page_checks_previews_and_applies_an_upload(store, tmp_path, monkeypatch, lang):
    from machi.ui import cache

    data, _ = store
    monkeypatch.setenv("MACHI_STAFF", "1")
    cache.forget_database()
    try:
        at = open_page("updates", lang)
        assert at.title[0].value == t("updates.title", lang)
        assert [d.label for d in at.get("download_button") if "template" in (d.proto.id or "")] == [
            t("updates.template_button", lang)
        ]
        bad = filled(ZUSHI, data, tmp_path / "bad.xlsx", _unknown_code)
        at.file_uploader[0].set_value(("bad.xlsx", bad.read_bytes(), "application/octet-stream")).run()
        assert at.error[0].value == t("updates.refused", lang, n=1)
        assert "オ" in at.markdown[-1].value and not at.button
        good = filled(ZUSHI, data, tmp_path / "fy2022.xlsx", next_year)
        at.file_uploader[0].set_value(("fy2022.xlsx", good.read_bytes(), "application/octet-stream")).run()
        summary = t("updates.summary", lang, added=9, changed=0, removed=0)
        assert summary in "\n".join(m.value for m in at.markdown).replace("\\", "")
        confirm = next(b for b in at.button if b.label == t("updates.confirm", lang))
        confirm.click().run()
        assert not at.exception
        assert at.success[0].value.startswith(t("updates.done", lang, summary=summary)[:8])
        at.run()  # the next interaction: the log lists the import
        log = at.dataframe[-1].value
        assert list(log.iloc[:, 2]) == ["fy2022.xlsx"] and list(log.iloc[:, 3]) == [9]
    finally:
        cache.forget_database()


def test_the_housing_table_imports_by_the_same_command_with_a_dry_run_and_a_log_row(store):
    data, db = store
    table = data / "osaka" / "jyutaku2023_table1-2_e001_2.xlsx"
    env = {**os.environ, "MACHI_DATA": str(data), "MACHI_DB": str(db)}

    def machi(*args):
        return subprocess.run([sys.executable, "-m", "machi", *args], env=env, capture_output=True, text=True, cwd=ROOT)

    before = snapshot(data, db)
    dry = machi("import", "housing", str(table), "--dry-run")
    assert dry.returncode == 0 and dry.stdout.splitlines()[0] == "housing_vacancy\t2023\t1283"
    assert snapshot(data, db) == before
    done = machi("import", "housing", str(table))
    assert done.returncode == 0, done.stderr
    assert [r["kind"] for r in updates.change_log(data)] == ["housing"]
    assert machi("import-housing", str(table)).returncode == 0  # the old name still works


def test_sessions_already_open_see_an_import_on_their_next_interaction(store, tmp_path):
    import time

    from machi.ui import cache

    data, db = store
    cache.forget_database()
    try:
        at = open_page("zushi", "ja")
        assert at.selectbox(key="fy").options == ["2021（令和3）年度"]
        path = filled(ZUSHI, data, tmp_path / "fy2022.xlsx", next_year)
        updates.apply(ZUSHI, path, MUNICIPALITIES, data_dir=data, db=db)  # as another process would
        time.sleep(cache.RECHECK_SECONDS + 0.2)
        at.run()  # the next interaction, no restart
        assert at.selectbox(key="fy").options == ["2022（令和4）年度", "2021（令和3）年度"]
        assert at.selectbox(key="fy").value == "2021"  # the session keeps the year it was reading
    finally:
        cache.forget_database()


def _actual(value, indicator="公園の利用頻度", fmt_code=None):
    def edit(wb, ws):
        ws.append([indicator, 2026, value, "asaka_green_plan_2026"])
        if fmt_code:
            ws.cell(ws.max_row, 3).number_format = fmt_code

    return edit


@pytest.mark.parametrize(
    "edit,stored",
    [
        (_actual(31.2), "31.2"),
        (_actual("３１．２"), "31.2"),  # full-width digits and point, as Japanese input gives them
        (_actual(0.217, "市域に占める緑地の割合", "0.0%"), "21.7"),  # a cell shown as 21.7%
        (_actual(0.3, "みどりの満足度"), "0.3"),  # by the indicator's name, as the list shows it
        (_actual("－0.1", "みどりの満足度"), "-0.1"),  # the minus sign of Japanese input
    ],
)
def test_an_actual_is_taken_as_a_person_types_it(store, tmp_path, edit, stored):
    data, db = store
    updates.apply(ASAKA, filled(ASAKA, data, tmp_path / "a.xlsx", edit), MUNICIPALITIES, data_dir=data, db=db)
    rows = updates.read_csv(data / "asaka" / "actuals.csv")
    assert [(r["year"], r["value"]) for r in rows] == [("2026", stored)]


@pytest.mark.parametrize(
    "edit,words",
    [
        (_actual("nan"), "“nan” is not a number"),
        (_actual("inf"), "“inf” is not a number"),
        (_actual(1.0, "no such indicator"), "“no such indicator” is not one of the codes"),
        (_actual(150, "市域に占める緑地の割合"), "150 is outside the range"),
    ],
)
def test_an_actual_that_is_not_a_figure_is_refused(store, tmp_path, edit, words):
    data, db = store
    before = snapshot(data, db)
    with pytest.raises(updates.ImportRefused) as refused:
        updates.apply(ASAKA, filled(ASAKA, data, tmp_path / "a.xlsx", edit), MUNICIPALITIES, data_dir=data, db=db)
    assert words in refused.value.text("en") and snapshot(data, db) == before


def test_a_new_department_or_policy_code_is_taken_when_it_has_the_codes_form(store, tmp_path):
    data, db = store

    def new_codes(wb, ws):
        next_year(wb, ws)
        ws.cell(updates.FIRST_ROW + 9, 5, "５-２")  # a policy not yet in the sheets, typed full-width
        ws.cell(updates.FIRST_ROW + 9, 7, "1111")  # a new department

    updates.apply(ZUSHI, filled(ZUSHI, data, tmp_path / "z.xlsx", new_codes), MUNICIPALITIES, data_dir=data, db=db)
    row = next(r for r in updates.read_csv(data / "zushi" / "programs.csv") if r["fiscal_year"] == "2022")
    assert (row["policy_code"], row["department_code"]) == ("5-2", "1111")

    def bad_code(wb, ws):
        ws.cell(updates.FIRST_ROW, 7, "11")

    with pytest.raises(updates.ImportRefused) as refused:
        updates.apply(ZUSHI, filled(ZUSHI, data, tmp_path / "b.xlsx", bad_code), MUNICIPALITIES, data_dir=data, db=db)
    assert "“11” is not a code of the right form (for example 1110)" in refused.value.text("en")


@pytest.mark.parametrize(
    "edit,words",
    [
        (lambda wb, ws: setattr(ws.cell(updates.FIRST_ROW, 19), "value", "#REF!"), "An error value (#REF!)"),
        (
            lambda wb, ws: setattr(ws.cell(updates.FIRST_ROW + 1, 40), "value", "メモ"),
            "“メモ” is outside the template's",
        ),
        (
            lambda wb, ws: setattr(ws.cell(updates.FIRST_ROW, 28), "value", "asaka_green_plan_2026"),
            "not one of the codes",
        ),
    ],
)
def test_an_error_value_data_beside_the_template_or_another_citys_source_is_refused(store, tmp_path, edit, words):
    data, db = store
    with pytest.raises(updates.ImportRefused) as refused:
        updates.apply(ZUSHI, filled(ZUSHI, data, tmp_path / "z.xlsx", edit), MUNICIPALITIES, data_dir=data, db=db)
    assert words in refused.value.text("en")


NEW_SOURCE = [
    "zushi_2022_sheets", "document", "逗子市", "逗子市総合計画 実施計画 進行管理 事業評価シート 2022（令和4）年度",
    "Zushi City comprehensive plan: implementation-program evaluation sheets, FY2022", "逗子市", "Zushi City",
    "2022", "fiscal_year", None, "逗子市ウェブサイトの利用条件による", "Zushi City website terms",
    "逗子市「総合計画実施計画 進行管理 事業評価シート 2022（令和4）年度」", None, None, None,
]  # fmt: skip


def test_a_new_years_document_is_added_with_its_sheets_and_cited_by_them(store, tmp_path):
    data, db = store

    def with_source(wb, ws):
        next_year(wb, ws)
        for r in range(updates.FIRST_ROW + 9, ws.max_row + 1):
            ws.cell(r, 28, "zushi_2022_sheets")
        wb[updates.SOURCES_SHEET].append(NEW_SOURCE)

    path = filled(ZUSHI, data, tmp_path / "fy2022.xlsx", with_source)
    result = updates.apply(ZUSHI, path, MUNICIPALITIES, data_dir=data, db=db)
    assert len(result.added) == 9 and result.lines("en")[-1] == f"Source added: {NEW_SOURCE[4]}"
    con = connect_read_only(db)
    try:
        cited = con.execute(
            "SELECT DISTINCT p.source_id, s.date_kind FROM zushi_programs p JOIN sources s USING (source_id) "
            "WHERE fiscal_year = 2022"
        ).fetchall()
    finally:
        con.close()
    assert cited == [("zushi_2022_sheets", "fiscal_year")]


def test_a_listed_source_cannot_be_changed_from_a_template_nor_one_of_another_city_added(store, tmp_path):
    data, db = store

    def changed(wb, ws):
        wb[updates.SOURCES_SHEET].cell(updates.FIRST_ROW, 4, "別の資料名")

    def elsewhere(wb, ws):
        wb[updates.SOURCES_SHEET].append([*NEW_SOURCE[:2], "朝霞市", *NEW_SOURCE[3:]])

    for edit, words in (
        (changed, "is already listed and this row differs"),
        (elsewhere, "adds sources of 逗子市 only"),
    ):
        before = snapshot(data, db)
        with pytest.raises(updates.ImportRefused) as refused:
            updates.apply(ZUSHI, filled(ZUSHI, data, tmp_path / "s.xlsx", edit), MUNICIPALITIES, data_dir=data, db=db)
        problem = refused.value.problems[0]
        assert problem.sheet == updates.SOURCES_SHEET and words in problem.text("en")
        assert snapshot(data, db) == before
