"""Zushi's evaluation sheets as staff keep them: the template's columns, its drop-down lists, its key.

One row per evaluation sheet and fiscal year (the columns of data/zushi/programs.csv). A file holds whole
fiscal years: importing it replaces those years (a year already loaded only when the user asks)."""

from __future__ import annotations

from pathlib import Path

from machi.core.updates import Column, UpdateKind, read_csv, source_column

#: the text columns that hold a sheet's paragraphs: wide, wrapped
_LONG = 40


def choices(data_dir: Path) -> dict[str, dict[str, str]]:
    """The codes the template's lists offer: progress ア–エ and evaluation a–c with their wording, the
    departments and policies already in the sheets, the sources of kind document."""
    folder = data_dir / "zushi"
    programs = read_csv(folder / "programs.csv")
    return {
        "progress_code": {r["code"]: r["label_ja"] for r in read_csv(folder / "progress_scale.csv")},
        "evaluation_code": {r["code"]: r["label_ja"] for r in read_csv(folder / "evaluation_scale.csv")},
        "department_code": {r["department_code"]: r["department_ja"] for r in programs},
        "policy_code": {r["policy_code"]: r["policy_ja"] for r in programs},
        "source_id": {
            r["source_id"]: r["title_ja"]
            for r in read_csv(data_dir / "sources.csv")
            if r["kind"] == "document" and r["municipality_ja"] == "逗子市"
        },
    }


COLUMNS = (
    Column(
        "fiscal_year",
        "年度",
        "Fiscal year",
        "int",
        lo=2019,
        hi=2100,
        number_format="0",
        width=8,
        note_ja="西暦（2022 など）",
        note_en="in the Western calendar (2022, …)",
    ),
    Column("sheet_no", "シート番号", "Sheet number", "int", lo=1, hi=999, number_format="0", width=8),
    Column("section_no", "節", "Section number", "int", lo=1, hi=99, number_format="0", width=6),
    Column("section_ja", "節の名称", "Section (Japanese)", width=24),
    Column(
        "policy_code",
        "施策コード",
        "Policy code",
        "choice",
        strict=False,
        pattern=r"[0-9]+-[0-9]+",
        example="5-2",
        width=10,
        note_ja="一覧にない施策も入力できます（例 5-2）",
        note_en="a policy not in the list may be typed (e.g. 5-2)",
    ),
    Column("policy_ja", "施策の名称", "Policy (Japanese)", width=24),
    Column(
        "department_code",
        "所管課コード",
        "Department code",
        "choice",
        strict=False,
        pattern=r"[0-9]{4}",
        example="1110",
        width=10,
        note_ja="4 桁。一覧にない課も入力できます",
        note_en="4 digits; a department not in the list may be typed",
    ),
    Column("department_ja", "所管課", "Department (Japanese)", width=14),
    Column(
        "order_in_policy", "施策内の順番", "Order within the policy", "int", lo=1, hi=99, number_format="0", width=8
    ),
    Column("program_type_ja", "事業の種類", "Program type", required=False, width=12),
    Column(
        "label_ja",
        "事業の短い名称",
        "Short label (Japanese)",
        width=28,
        note_ja="シートの文言からとった短い名称",
        note_en="a short label from the sheet's own words",
    ),
    Column("purpose_ja", "目的", "Purpose", width=_LONG),
    Column("target_group_ja", "対象", "Target group", width=_LONG),
    Column("means_ja", "手段", "Means", width=_LONG),
    Column("target_year", "目標の年度", "Target year", "int", lo=2000, hi=2100, number_format="0", width=8),
    Column("target_ja", "目標", "Target (as stated)", width=_LONG),
    Column("baseline_ja", "現状", "Baseline (as stated)", width=_LONG),
    Column("plan_items_ja", "年度別計画", "Plan by year", width=_LONG),
    Column("results_ja", "実施結果", "Results", width=_LONG),
    Column("problems_ja", "反省点・問題点", "Problems", required=False, width=_LONG),
    Column("circumstances_ja", "個別事情", "Circumstances", required=False, width=_LONG),
    Column("innovations_ja", "工夫している点", "Innovations", required=False, width=_LONG),
    Column("council_opinion_ja", "審議会・懇話会等の意見", "Council opinion", required=False, width=_LONG),
    Column("progress_code", "進捗状況", "Progress (ア–エ)", "choice", width=8),
    Column("evaluation_code", "評価区分", "Evaluation (a–c)", "choice", width=8),
    Column(
        "actual_cost_yen",
        "事業費（円）",
        "Spending (yen)",
        "int",
        required=False,
        lo=0,
        hi=10**12,
        number_format='#,##0" 円"',
        width=14,
        note_ja="記載がなければ空欄",
        note_en="empty where the sheet has none",
    ),
    Column(
        "plan_cost_kyen",
        "計画事業費（千円）",
        "Plan budget (thousand yen)",
        "int",
        lo=0,
        hi=10**10,
        number_format='#,##0" 千円"',
        width=14,
    ),
    source_column(
        note_ja="新しい年度のシートは、シート「出典 Sources」に資料の行を追加し、その出典コードを入力します",
        note_en="a new year's sheets: add the document as a row of the sheet “出典 Sources” and enter its id",
        width=18,
    ),
    Column("section_en", "節の名称（英語）", "Section (English)", required=False, width=24),
    Column("policy_en", "施策の名称（英語）", "Policy (English)", required=False, width=24),
    Column("department_en", "所管課（英語）", "Department (English)", required=False, width=16),
    Column("label_en", "短い名称（英語）", "Short label (English)", required=False, width=28),
)


def describe(row: dict, lang: str) -> str:
    """'2022（令和4）年度 シート 1 （仮称）自治基本条例（案）の施行・運用': how the preview names a sheet."""
    from machi.core import fmt
    from machi.core.text import t

    year = fmt.fiscal_year(int(row["fiscal_year"]), lang)
    label = row.get(f"label_{lang}") or row.get("label_ja") or ""
    return t("zushi.update_row", lang, year=year, sheet=row["sheet_no"], label=label)


KIND = UpdateKind(
    key="zushi",
    title_ja="逗子市 事業評価シート",
    title_en="Zushi evaluation sheets",
    csv="zushi/programs.csv",
    columns=COLUMNS,
    key_columns=("fiscal_year", "sheet_no"),
    scope="fiscal_year",
    choices=choices,
    describe=describe,
    municipality_ja="逗子市",
    instructions_ja="1 行が 1 枚の事業評価シートです。新しい年度は行を追加して入力します。ファイルにある年度は、"
    "その年度のデータがファイルの内容で置き換わります（読み込み済みの年度を変えるときは「置き換える」を選びます）。",
    instructions_en="One row per evaluation sheet. Add rows for a new fiscal year. The fiscal years in the file "
    "replace those years' data (a year already loaded is changed only when you choose to replace it).",
)
