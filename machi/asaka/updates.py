"""Asaka's published actuals of the plan's indicators, as staff keep them (data/asaka/actuals.csv).

The file holds the whole table: an actual added is a new row; changing or removing one already loaded
needs the user to ask to replace."""

from __future__ import annotations

import functools
from pathlib import Path

from machi.core.text import t
from machi.core.updates import DATA_SHEET, Column, Problem, Record, UpdateKind, read_csv, source_column


def choices(data_dir: Path) -> dict[str, dict[str, str]]:
    return {
        "indicator_id": {r["indicator_id"]: r["name_ja"] for r in read_csv(data_dir / "asaka" / "indicators.csv")},
        "source_id": {
            r["source_id"]: r["title_ja"]
            for r in read_csv(data_dir / "sources.csv")
            if r["municipality_ja"] == "朝霞市"
        },
    }


COLUMNS = (
    Column(
        "indicator_id",
        "指標",
        "Indicator",
        "choice",
        by_label=True,
        width=30,
        note_ja="指標の名称を一覧から選ぶ",
        note_en="pick the indicator's (Japanese) name from the list",
    ),
    Column(
        "year",
        "年度",
        "Fiscal year",
        "int",
        lo=2025,
        hi=2035,
        number_format="0",
        width=8,
        note_ja="年度末の値の年度（計画期間 2025〜2035）",
        note_en="the fiscal year whose year-end value it is (2025–2035)",
    ),
    Column(
        "value",
        "実績値",
        "Actual value",
        "float",
        width=12,
        note_ja="公表された値をそのまま（単位は指標のとおり）",
        note_en="as published, in the indicator's unit",
    ),
    source_column(
        note_ja="値を公表した資料（出典一覧に登録済みのもの）",
        note_en="the document that published it (one of the listed sources)",
        width=24,
    ),
    Column("note_ja", "備考", "Note", required=False, width=40),
)


def check(records: list[Record], data_dir: Path) -> list[Problem]:
    """A value inside its indicator's scale (a share 0–100, the satisfaction rating −1.0 to +1.0, an area
    or a count from 0)."""
    scales = {r["indicator_id"]: r for r in read_csv(data_dir / "asaka" / "indicators.csv")}
    value_col = COLUMNS[2]
    problems = []
    for rec in records:
        s = scales.get(rec.values["indicator_id"])
        if s is None or rec.values["value"] in ("", None):
            continue
        v, lo = float(rec.values["value"]), float(s["scale_min"])
        hi = float(s["scale_max"]) if s["scale_max"] else None
        if v < lo or (hi is not None and v > hi):
            shown = {"lo": f"{lo:g}", "hi": "" if hi is None else f"{hi:g}"}
            problems.append(
                Problem(
                    t(
                        "updates.outside_scale",
                        "ja",
                        value=f"{v:g}",
                        name=s["name_ja"],
                        range=t("updates.range", "ja", **shown),
                    ),
                    t(
                        "updates.outside_scale",
                        "en",
                        value=f"{v:g}",
                        name=s["name_en"],
                        range=t("updates.range", "en", **shown),
                    ),
                    sheet=DATA_SHEET,
                    row=rec.row,
                    column_ja=value_col.ja,
                    column_en=value_col.en,
                )
            )
    return problems


def describe(row: dict, lang: str) -> str:
    """'一人当たりの都市公園の面積 2026（令和8）年度': how the preview names an actual."""
    from machi.core import fmt

    ind = _indicators(paths_data() / "asaka" / "indicators.csv").get(row["indicator_id"])
    name = ind[f"name_{lang}"] if ind else row["indicator_id"]
    return t("asaka.update_row", lang, name=name, year=fmt.fiscal_year(int(row["year"]), lang))


def _indicators(path: Path) -> dict[str, dict]:
    """{indicator_id: row} of the indicators file, read once per version of it (a preview names every row)."""
    return _indicators_of(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _indicators_of(path: str, mtime_ns: int) -> dict[str, dict]:
    return {r["indicator_id"]: r for r in read_csv(Path(path))}


def paths_data() -> Path:
    from machi.core import paths

    return paths.data_dir()


KIND = UpdateKind(
    key="asaka-actuals",
    title_ja="朝霞市 みどりの指標の実績値",
    title_en="Asaka green-plan indicators: published actuals",
    csv="asaka/actuals.csv",
    columns=COLUMNS,
    key_columns=("indicator_id", "year"),
    choices=choices,
    check=check,
    describe=describe,
    municipality_ja="朝霞市",
    instructions_ja="1 行が 1 つの実績値（指標・年度）です。公表された値を、その出典とともに入力します。"
    "読み込み済みの値を変える・消すときは「置き換える」を選びます。",
    instructions_en="One row per published actual (indicator and fiscal year), with the document that "
    "published it. Changing or removing a value already loaded needs you to choose to replace.",
)
