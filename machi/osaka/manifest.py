"""Osaka (大阪市) in the dashboard: its tables (the Housing and Land Survey, the policy), datasets, home-page
headline and its CLI commands (the survey-table importer, the danger score)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from machi.core import fmt
from machi.core.manifest import Dataset, Headline, Manifest
from machi.core.text import t
from machi.osaka import danger

if TYPE_CHECKING:
    from pathlib import Path

    import duckdb

PAGE = "pages/osaka.py"


def load(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    from machi.core.build import load_csv  # here: the command line starts without DuckDB
    from machi.osaka import housing

    housing.load(con, data_dir)
    load_csv(con, "osaka_enforcement", data_dir / "osaka" / "enforcement.csv")
    load_csv(con, "osaka_tokutei_categories", data_dir / "osaka" / "tokutei_categories.csv")


def headline(run_query, lang: str) -> Headline | None:
    city = run_query("osaka/housing_area_compare", codes=["27100"], year=2023)
    if city.empty:
        return None
    c = city.iloc[0]
    return Headline(
        label=t("osaka.home_headline", lang),
        value=fmt.percent(c.vacancy_rate_pct, 1, lang=lang),
        source_id=c.source_id,
        page=PAGE,
        note=t(
            "osaka.home_headline_note",
            lang,
            vacant=fmt.number(c.vacant_total, lang=lang),
            total=fmt.number(c.dwellings_total, lang=lang),
        ),
        link=t("osaka.home_link", lang),
        query=(("tab", "ranking"),),
    )


def _import_housing(args) -> int:
    from machi.osaka import housing  # here: the command line starts without the importer's libraries

    return housing.cli_import(args)


def cli(subparsers) -> None:
    """`import-housing FILE` and `danger [FILE|-]`."""
    p = subparsers.add_parser(
        "import-housing",
        help="import an e-Stat 第1-2表 (.xlsx) of the Housing and Land Survey; prints table<TAB>year<TAB>rows",
        description=(
            "Validate FILE (e-Stat 住宅・土地統計調査 第1-2表, sheet e001_2), replace its survey year in "
            "housing_vacancy all-or-nothing and keep a copy in data/osaka/ for later rebuilds."
        ),
    )
    p.add_argument("file", help="the .xlsx file as downloaded from e-Stat")
    p.set_defaults(func=_import_housing)
    danger.register_cli(subparsers)


MANIFEST = Manifest(
    key="osaka",
    area_code="27100",
    area_compare=(("tab", "compare"), ("areas", "{code}")),
    page=PAGE,
    source="estat_jyutaku2023_t1_2",
    schema=("osaka/schema_housing", "osaka/schema_policy"),
    load=load,
    datasets=(
        Dataset(
            "housing_vacancy",
            "osaka/housing_vacancy",
            "Housing and Land Survey: dwellings and vacant dwellings by kind for every area of every imported table",
            "住宅・土地統計調査：取り込んだ表のすべての地域の住宅数・空き家数（種類別）",
        ),
        Dataset(
            "osaka_wards",
            "osaka/wards",
            "Osaka City's 24 wards plus the city, prefecture and national rows, for each survey year",
            "大阪市 24 区と市・府・全国（調査年ごと）",
        ),
    ),
    headline=headline,
    cli=cli,
)
