"""Osaka (大阪市): the ward tables the page shows, formatted (pure; pages cache them per input)."""

from __future__ import annotations

import pandas as pd

from machi import fmt
from machi.i18n import t

WARD_TABLE_COLUMNS = ["ward_ja", "dwellings_total", "vacant_total", "vacancy_rate_pct", "vacant_other",
                      "vacant_other_rate_pct", "vacant_rental", "vacant_for_sale", "vacant_secondary"]
_COUNTS = ("dwellings_total", "vacant_total", "vacant_other", "vacant_rental", "vacant_for_sale", "vacant_secondary")


def ward_names(df: pd.DataFrame, lang: str) -> pd.Series:
    """Ward names as the pages show them: 西成区; in English "Nishinari (西成区)"."""
    if lang == "en" and "ward_en" in df:
        return df.ward_en.fillna(df.ward_ja).astype(str) + " (" + df.ward_ja.astype(str) + ")"
    return df.ward_ja.astype(str)


def ward_shapes(geojson: dict) -> dict:
    """{area code (N03_007): geometry} of the boundary file's features."""
    return {f["properties"]["N03_007"]: f["geometry"] for f in geojson["features"]}


def wards_without_boundary(wards: pd.DataFrame, geojson: dict, lang: str) -> list[str]:
    """The wards (as the pages name them) that the boundary file has no shape for: the map cannot draw
    them, and says so rather than failing."""
    shapes = ward_shapes(geojson)
    return [name for code, name in zip(wards.area_code, ward_names(wards, lang)) if code not in shapes]


def ward_table(wards: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The wards in the given order: counts with thousands separators, both rates to one decimal
    (derived), headers in the chosen language."""
    return wards[WARD_TABLE_COLUMNS].assign(
        vacancy_rate_pct=wards.vacancy_rate_pct.map(lambda v: fmt.percent(v, 1)),
        vacant_other_rate_pct=wards.vacant_other_rate_pct.map(lambda v: fmt.percent(v, 1)),
        **{c: wards[c].map(fmt.number) for c in _COUNTS},
    ).rename(columns={c: t(f"osaka.col.{c}", lang) for c in WARD_TABLE_COLUMNS})


def then_now_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Vacancy rate per area (rows) and survey year (columns); a year an area has no published rate
    says so ("公表値なし") instead of leaving a blank."""
    years = sorted(rows.survey_year.unique())
    pivot = rows.pivot_table(index=["area_code", "area_ja"], columns="survey_year", values="vacancy_rate_pct",
                             aggfunc="first").reindex(columns=years)
    table = pivot.reset_index().drop(columns="area_code")
    for y in years:
        table[y] = table[y].map(lambda v: fmt.percent(v, 1) if not fmt.is_missing(v) else t("osaka.not_published", lang))
    table.columns = [t("osaka.col.area", lang)] + [fmt.calendar_year(int(y), lang) for y in years]
    return table
