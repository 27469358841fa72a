"""Zushi (逗子市) in the dashboard: its tables, datasets and home-page headline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from machi.core import fmt
from machi.core.manifest import Dataset, Headline, Manifest
from machi.core.text import t

if TYPE_CHECKING:
    from pathlib import Path

    import duckdb

PAGE = "pages/zushi.py"


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    from machi.core.build import load_csv  # here: the command line starts without DuckDB

    folder = data_dir / "zushi"
    load_csv(con, "zushi_progress_scale", folder / "progress_scale.csv")
    load_csv(con, "zushi_evaluation_scale", folder / "evaluation_scale.csv")
    load_csv(con, "zushi_programs", folder / "programs.csv")
    load_csv(con, "zushi_kpis", folder / "kpis.csv")


def headline(run_query, lang: str) -> Headline | None:
    from machi.zushi import logic  # here: the command line starts without pandas

    programs = run_query("zushi/programs")
    if programs.empty:
        return None
    year = int(programs.fiscal_year.max())
    h = logic.headline(programs[programs.fiscal_year == year])
    return Headline(
        label=t("zushi.home_headline", lang),
        value=f"{h.by_progress['delayed']} / {h.programs}",
        source_id="zushi_2021_sheets",
        page=PAGE,
        note=t("zushi.home_headline_note", lang, year=fmt.fiscal_year(year, lang)),
        link=t("zushi.home_link", lang, n=h.by_progress["delayed"]),
        query=(("fy", str(year)), ("progress", "delayed")),
    )


def _update_kind():
    from machi.zushi.updates import KIND

    return KIND


MANIFEST = Manifest(
    key="zushi",
    area_code="14208",
    page=PAGE,
    source="zushi_2021_sheets",
    schema=("zushi/schema",),
    load=load,
    datasets=(
        Dataset(
            "zushi_programs",
            "zushi/programs",
            "Zushi comprehensive-plan programs: progress, evaluation, 2021 spending (yen), plan budget "
            "(thousand yen), full sheet text",
            "逗子市 総合計画 実施計画の事業：進捗状況・評価区分・事業費（円）・計画事業費（千円）・シート全文",
        ),
        Dataset(
            "zushi_kpis",
            "zushi/kpis",
            "Zushi programs with a numeric target: baseline, 2021 value, target",
            "逗子市 数値目標のある事業：基準値・2021年度値・目標値",
        ),
    ),
    headline=headline,
    updates=(_update_kind(),),
)
