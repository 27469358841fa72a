"""Zushi (逗子市): progress and budgets of the comprehensive-plan programs (evaluation sheets)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from machi import fmt, zushi
from machi.build import load_csv
from machi.i18n import t
from machi.registry import Dataset, Headline, Module, PageSpec

PAGE = "pages/zushi.py"


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    folder = data_dir / "zushi"
    load_csv(con, "zushi_progress_scale", folder / "progress_scale.csv")
    load_csv(con, "zushi_evaluation_scale", folder / "evaluation_scale.csv")
    load_csv(con, "zushi_programs", folder / "programs.csv")
    load_csv(con, "zushi_kpis", folder / "kpis.csv")


def headline(run_query, lang: str) -> Headline | None:
    programs = run_query("zushi_programs")
    if programs.empty:
        return None
    year = int(programs.fiscal_year.max())
    h = zushi.headline(programs[programs.fiscal_year == year])
    return Headline(
        label=t("zushi.home_headline", lang),
        value=f"{h.by_progress['delayed']} / {h.programs}",
        source_id="zushi_2021_sheets",
        page=PAGE,
        note=t("zushi.home_headline_note", lang, year=fmt.fiscal_year(year, lang)),
    )


MODULE = Module(
    key="zushi",
    order=10,
    group_key="nav.group.zushi",
    schema=("schema_zushi",),
    load=load,
    datasets=(
        Dataset(
            "zushi_programs",
            "zushi_programs",
            "Zushi comprehensive-plan programs: progress, evaluation, 2021 spending (yen), plan budget (thousand yen), full sheet text",
            "逗子市 総合計画 実施計画の事業：進捗状況・評価区分・事業費（円）・計画事業費（千円）・シート全文",
        ),
        Dataset(
            "zushi_kpis",
            "zushi_kpis",
            "Zushi programs with a numeric target: baseline, 2021 value, target",
            "逗子市 数値目標のある事業：基準値・2021年度値・目標値",
        ),
    ),
    pages=(PageSpec(PAGE, "zushi.nav", "zushi"),),
    headline=headline,
)
