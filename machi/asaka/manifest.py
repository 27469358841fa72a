"""Asaka (朝霞市) in the dashboard: its tables, datasets and home-page headline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from machi.core import fmt
from machi.core.manifest import Dataset, Headline, Manifest
from machi.core.text import t

if TYPE_CHECKING:
    from pathlib import Path

    import duckdb

PAGE = "pages/asaka.py"


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    from machi.core.build import BuildError, load_csv  # here: the command line starts without DuckDB

    folder = data_dir / "asaka"
    load_csv(con, "asaka_indicators", folder / "indicators.csv")
    load_csv(con, "asaka_green_cover", folder / "green_cover.csv")
    load_csv(con, "asaka_measures", folder / "measures.csv")
    load_csv(con, "asaka_facts", folder / "facts.csv")
    load_csv(con, "asaka_actuals", folder / "actuals.csv")
    load_csv(con, "asaka_defaults", folder / "defaults.csv")
    orphans = con.execute(
        "SELECT node_id, parent_id FROM asaka_measures m WHERE parent_id IS NOT NULL "
        "AND parent_id NOT IN (SELECT node_id FROM asaka_measures)"
    ).fetchall()
    if orphans:
        raise BuildError(f"measures.csv: node {orphans[0][0]}, column parent_id: no node {orphans[0][1]!r}")
    outside = con.execute(
        "SELECT a.indicator_id, a.year FROM asaka_actuals a JOIN asaka_indicators i USING (indicator_id) "
        "WHERE a.year <= i.baseline_year - 50 OR a.year > i.target_year + 50"
    ).fetchall()
    if outside:
        raise BuildError(
            f"actuals.csv: indicator {outside[0][0]}, column year: {outside[0][1]} is far outside the plan period"
        )


def headline(run_query, lang: str) -> Headline | None:
    from machi.asaka import logic  # here: the command line starts without pandas

    everything = run_query("asaka/indicators")
    indicators = everything.set_index("indicator_id")
    if "park_area_per_person" not in indicators.index:
        return None
    i = indicators.loc["park_area_per_person"]
    counts = logic.status_counts(everything, run_query("asaka/actuals"), lang)
    d, unit = int(i.decimals), logic.unit_of(i, lang).strip()
    return Headline(
        label=t("asaka.home_headline", lang),
        value=f"{i.baseline_value:.{d}f} → {i.target_value:.{d}f} {unit}",
        source_id=i.source_id,
        page=PAGE,
        note=t(
            "asaka.home_headline_note",
            lang,
            pace=fmt.signed(logic.pace_needed(i), d + 2, lang=lang),
            unit=unit,
            base=fmt.fiscal_year(int(i.baseline_year), lang),
            target=fmt.fiscal_year(int(i.target_year), lang),
        ),
        link=t("asaka.home_link", lang),
        query=(("tab", "overview"),),
        status=t("asaka.home_status", lang, counts=counts),
    )


def _update_kind():
    from machi.asaka.updates import KIND

    return KIND


MANIFEST = Manifest(
    key="asaka",
    area_code="11227",
    page=PAGE,
    source="asaka_green_plan_2026",
    schema=("asaka/schema",),
    load=load,
    datasets=(
        Dataset(
            "asaka_indicators",
            "asaka/indicators",
            "Asaka green-plan indicators: value at the end of FY2025 and target at the end of FY2035",
            "朝霞市みどりの基本計画の指標：令和7年度末の現況値と令和17年度末の目標値",
        ),
        Dataset(
            "asaka_indicator_path",
            "asaka/indicator_path",
            "Derived: the value on the straight line from baseline to target for every year 2025–2035",
            "派生値：現況値から目標値までの直線上の各年度の値（2025〜2035年度）",
        ),
        Dataset(
            "asaka_actuals",
            "asaka/actuals",
            "Actual yearly observations of the indicators (empty until published)",
            "指標の実績値（公表され次第追加）",
        ),
        Dataset(
            "asaka_green_cover",
            "asaka/green_cover",
            "Green cover (みどり) of the city area, 1973 and 2023 (a wider measure than the green-space share)",
            "みどりの割合（1973年・2023年。緑地の割合とは別の指標）",
        ),
        Dataset(
            "asaka_measures",
            "asaka/measures",
            "Priority-measure structure: basic policies, pillars, basic measures (★ priority), individual "
            "measures, targets",
            "施策の体系：基本方針・施策の柱・基本施策（★重点）・個別施策と目標",
        ),
    ),
    headline=headline,
    updates=(_update_kind(),),
)
