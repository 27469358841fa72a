"""Osaka (大阪市): ward vacancy statistics (Housing and Land Survey), the official-table importer, and
the dangerous-vacant-house tools (danger score, staged enforcement)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from machi import danger, fmt, housing
from machi.build import load_csv
from machi.i18n import t
from machi.registry import Dataset, Headline, Module, PageSpec

PAGE = "pages/osaka.py"


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    housing.load(con, data_dir)
    load_csv(con, "osaka_enforcement", data_dir / "osaka" / "enforcement.csv")
    load_csv(con, "osaka_tokutei_categories", data_dir / "osaka" / "tokutei_categories.csv")


def headline(run_query, lang: str) -> Headline | None:
    city = run_query("housing_area_compare", codes=["27100"], year=2023)
    if city.empty:
        return None
    c = city.iloc[0]
    return Headline(
        label=t("osaka.home_headline", lang),
        value=fmt.percent(c.vacancy_rate_pct, 1),
        source_id=c.source_id,
        page=PAGE,
        note=t("osaka.home_headline_note", lang, vacant=fmt.number(c.vacant_total), total=fmt.number(c.dwellings_total)),
    )


def cli(subparsers) -> None:
    housing.register_cli(subparsers)
    danger.register_cli(subparsers)


MODULE = Module(
    key="osaka",
    order=30,
    group_key="nav.group.osaka",
    schema=("schema_housing", "schema_osaka_policy"),
    load=load,
    datasets=(
        Dataset("housing_vacancy", "housing_vacancy",
                "Housing and Land Survey: dwellings and vacant dwellings by kind for every area of every imported table",
                "住宅・土地統計調査：取り込んだ表のすべての地域の住宅数・空き家数（種類別）"),
        Dataset("osaka_wards", "osaka_wards",
                "Osaka City's 24 wards plus the city, prefecture and national rows, for each survey year",
                "大阪市 24 区と市・府・全国（調査年ごと）"),
    ),
    pages=(PageSpec(PAGE, "osaka.nav", "osaka"),),
    headline=headline,
    cli=cli,
)
