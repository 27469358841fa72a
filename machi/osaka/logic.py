"""Osaka (大阪市): the ward tables the page shows, formatted (pure; pages cache them per input)."""

from __future__ import annotations

import pandas as pd

from machi.core import fmt
from machi.core.text import in_language, t

WARD_TABLE_COLUMNS = [
    "ward_ja",
    "dwellings_total",
    "vacant_total",
    "vacancy_rate_pct",
    "vacant_other",
    "vacant_other_rate_pct",
    "vacant_rental",
    "vacant_for_sale",
    "vacant_secondary",
]
_COUNTS = ("dwellings_total", "vacant_total", "vacant_other", "vacant_rental", "vacant_for_sale", "vacant_secondary")


def ward_names(df: pd.DataFrame, lang: str) -> pd.Series:
    """Ward names as the pages show them: 西成区; in English "Nishinari (西成区)"."""
    if "ward_en" not in df:
        return df.ward_ja.astype(str)
    english = df.ward_en.fillna(df.ward_ja).astype(str)
    return pd.Series(
        [t("osaka.ward_name", lang, ja=ja, en=en) for ja, en in zip(df.ward_ja.astype(str), english)],
        index=df.index,
        dtype=object,
    )


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
    return (
        wards[WARD_TABLE_COLUMNS]
        .assign(
            vacancy_rate_pct=wards.vacancy_rate_pct.map(lambda v: fmt.percent(v, 1, lang=lang)),
            vacant_other_rate_pct=wards.vacant_other_rate_pct.map(lambda v: fmt.percent(v, 1, lang=lang)),
            **{c: wards[c].map(lambda v: fmt.number(v, lang=lang)) for c in _COUNTS},
        )
        .rename(columns={c: t(f"osaka.col.{c}", lang) for c in WARD_TABLE_COLUMNS})
    )


def then_now_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Vacancy rate per area (rows) and survey year (columns); a year an area has no published rate
    says so ("公表値なし") instead of leaving a blank."""
    years = sorted(rows.survey_year.unique())
    pivot = rows.pivot_table(
        index=["area_code", "area_ja"], columns="survey_year", values="vacancy_rate_pct", aggfunc="first"
    ).reindex(columns=years)
    table = pivot.reset_index().drop(columns="area_code")
    for y in years:
        table[y] = table[y].map(
            lambda v: fmt.percent(v, 1, lang=lang) if not fmt.is_missing(v) else t("osaka.not_published", lang)
        )
    table.columns = [t("osaka.col.area", lang)] + [fmt.calendar_year(int(y), lang) for y in years]
    return table


def headline_figures(
    refs: pd.DataFrame, wards: pd.DataFrame, year: int, lang: str
) -> list[tuple[str, str, str | None]]:
    """The city's cards of a survey year: its vacancy rate, vacant dwellings, the rate of kind 221, and
    the ward with the highest rate (rates derived from the counts). refs: the year's rows by row_kind."""
    city = refs.loc["city"]
    highest = wards.vacancy_rate_pct.idxmax()
    return [
        (
            t("osaka.city_rate", lang, year=year),
            fmt.percent(city.vacancy_rate_pct, 1, lang=lang),
            t("osaka.rate_help", lang),
        ),
        (
            t("osaka.city_vacant", lang),
            f"{fmt.number(city.vacant_total, lang=lang)} {t('osaka.unit_dwellings', lang)}",
            None,
        ),
        (
            t("osaka.city_other_rate", lang),
            fmt.percent(city.vacant_other_rate_pct, 1, lang=lang),
            t("osaka.other_help", lang),
        ),
        (
            t("osaka.highest_ward", lang),
            f"{ward_names(wards, lang)[highest]} {fmt.percent(wards.vacancy_rate_pct.max(), 1, lang=lang)}",
            None,
        ),
    ]


def metric_label(metric: str, lang: str) -> str:
    """The name of a measure the wards are drawn by (vacancy_rate_pct or vacant_other_rate_pct)."""
    return t("osaka.metric.rate" if metric == "vacancy_rate_pct" else "osaka.metric.other_rate", lang)


def rank_label(spec: dict, rank: str, lang: str) -> str:
    """A rank of a part as the danger-score picker shows it: 'B（50.0 点）', or none."""
    if rank == "none":
        return t("osaka.rank_none", lang)
    return f"{rank}（{fmt.number(spec['ranks'][rank]['points'], 1, lang=lang)} {t('osaka.points', lang)}）"


def danger_rows(result: dict, parts: dict, lang: str) -> list[dict]:
    """The danger score's table: each part, its rank, its points and the clause they come from."""
    return [
        {
            t("osaka.col.part", lang): in_language(parts[r["part"]], "name", lang),
            t("osaka.col.rank", lang): r["rank"] or "—",
            t("osaka.points", lang): r["points"],
            t("osaka.col.citation", lang): r["citation"],
        }
        for r in result["rules"]
    ]


#: the measures the wards are ranked, mapped and ordered by
METRICS = ("vacancy_rate_pct", "vacant_other_rate_pct")
#: the areas compared when the reader has chosen none: the city, Zushi, Asaka, Yao, the prefecture, Japan
COMPARED_BY_DEFAULT = ("27100", "14208", "11227", "27212", "27000", "00000")
#: a danger level's colour, always beside its number and words
LEVEL_COLOURS = {0: "green", 1: "blue", 2: "orange", 3: "red"}


def danger_figures(result: dict, lang: str) -> list[tuple[str, str, str | None]]:
    """The danger score's cards: the score (the sum of the parts' points) and the level with its rule."""
    return [
        (t("osaka.score", lang), fmt.number(result["score"], 1, lang=lang), t("osaka.score_help", lang)),
        (t("osaka.level", lang), f"{result['level']}", in_language(result, "level_rule", lang)),
    ]


def danger_verdict(result: dict, lang: str) -> str:
    """The level as a coloured badge (with its number: never colour alone) and the next step, in Markdown."""
    badge = t("osaka.level_badge", lang, level=result["level"])
    return f":{LEVEL_COLOURS[result['level']]}-badge[{badge}] " + fmt.md_text(in_language(result, "next_step", lang))


def enforcement_cards(path: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """The staged enforcement A → F as cards: (stage, its name with the English beside, its article)."""
    return [
        (
            s.stage,
            t("common.name_beside", lang, ja=s.name_ja, en=s.name_en),
            s.article_ja or t("osaka.no_article", lang),
        )
        for s in path.itertuples()
    ]


def enforcement_lines(stages: pd.DataFrame, lang: str) -> tuple[list[str], list[str]]:
    """What each stage does and the fines, a Markdown line each, as the policy words them."""
    path = stages[stages.stage.str.len() == 1]
    detail = [
        f"**{s.stage} {s.name_ja}**（{s.article_ja or t('osaka.no_article', lang)}）: {fmt.md_text(s.consequence_ja)}"
        for s in path.itertuples()
    ]
    fines = [
        f"**{f.name_ja}**{f'（{f.article_ja}）' if f.article_ja else ''}: {fmt.md_text(f.consequence_ja)}"
        for f in stages[stages.stage.str.len() > 1].itertuples()
    ]
    return detail, fines


def comparison_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The compared areas as a table to read: dwellings, vacant dwellings and both rates (derived)."""
    return pd.DataFrame(
        {
            t("osaka.col.area", lang): [f"{a.area_ja}（{a.area_code}）" for a in areas.itertuples()],
            t("osaka.col.dwellings_total", lang): [fmt.number(v, lang=lang) for v in areas.dwellings_total],
            t("osaka.col.vacant_total", lang): [fmt.number(v, lang=lang) for v in areas.vacant_total],
            t("osaka.col.vacancy_rate_pct", lang): [fmt.percent(v, 1, lang=lang) for v in areas.vacancy_rate_pct],
            t("osaka.col.vacant_other_rate_pct", lang): [
                fmt.percent(v, 1, lang=lang) for v in areas.vacant_other_rate_pct
            ],
        }
    )
