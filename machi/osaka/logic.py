"""Osaka (大阪市): the ward tables the page shows, formatted (pure; pages cache them per input)."""

from __future__ import annotations

import pandas as pd

from machi.core import fmt
from machi.core.text import has, in_language, t

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
            ward_ja=ward_names(wards, lang),  # in English "Nishinari (西成区)", as the charts name it
            vacancy_rate_pct=wards.vacancy_rate_pct.map(lambda v: fmt.percent(v, 1, lang=lang)),
            vacant_other_rate_pct=wards.vacant_other_rate_pct.map(lambda v: fmt.percent(v, 1, lang=lang)),
            **{c: wards[c].map(lambda v: fmt.number(v, lang=lang)) for c in _COUNTS},
        )
        .rename(columns={c: t(f"osaka.col.{c}", lang) for c in WARD_TABLE_COLUMNS})
    )


def ward_figures(wards: pd.DataFrame, rows: pd.DataFrame, code: str, metric: str, lang: str) -> list[tuple]:
    """One ward's cards: its rank among the wards by the chosen measure, its vacancy rate (derived) with
    its counts (as published), its rate of kind 221 (derived), and its 2013 rate where a document states
    one (else that none is published)."""
    w = wards.set_index("area_code").loc[code]
    rank = int(wards[metric].rank(ascending=False, method="min")[wards.area_code == code].iloc[0])
    then = rows[(rows.area_code == code) & (rows.survey_year != w.survey_year)].dropna(subset=["vacancy_rate_pct"])
    earlier = (
        (
            fmt.percent(then.iloc[0].vacancy_rate_pct, 1, lang=lang),
            fmt.calendar_year(int(then.iloc[0].survey_year), lang),
        )
        if len(then)
        else (t("osaka.not_published", lang), fmt.calendar_year(2013, lang))
    )
    return [
        (
            t("osaka.ward_rank", lang, metric=metric_label(metric, lang)),
            t("osaka.rank_of", lang, n=rank, of=len(wards)),
            None,
        ),
        (
            t("osaka.metric.rate", lang),
            fmt.percent(w.vacancy_rate_pct, 1, lang=lang),
            t(
                "osaka.ward_counts",
                lang,
                vacant=fmt.number(w.vacant_total, lang=lang),
                total=fmt.number(w.dwellings_total, lang=lang),
            ),
        ),
        (
            t("osaka.metric.other_rate", lang),
            fmt.percent(w.vacant_other_rate_pct, 1, lang=lang),
            t("osaka.other_help", lang),
        ),
        (t("osaka.ward_then", lang, year=earlier[1]), earlier[0], None),
    ]


def then_now_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Vacancy rate per area (rows) and survey year (columns); a year an area has no published rate
    says so ("公表値なし") instead of leaving a blank."""
    years = sorted(rows.survey_year.unique())
    pivot = rows.pivot_table(
        index="area_code", columns="survey_year", values="vacancy_rate_pct", aggfunc="first"
    ).reindex(columns=years)
    named = rows.drop_duplicates("area_code").set_index("area_code")
    names = {code: area_name(r, lang) for code, r in zip(named.index, named.reset_index().itertuples())}
    table = pivot.reset_index()
    table.insert(0, "area", table.area_code.map(names))
    table = table.drop(columns="area_code")
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
            t("osaka.col.points", lang): fmt.number(r["points"], 1, lang=lang),
            t("osaka.col.citation", lang): in_language(r, "citation", lang),
        }
        for r in result["rules"]
    ]


#: the measures the wards are ranked, mapped and ordered by
METRICS = ("vacancy_rate_pct", "vacant_other_rate_pct")
#: the sources of the 2013 vs 2023 chart: the 2023 table, and the 2013 rates the city's page and policy state
THEN_NOW_SOURCES = ("estat_jyutaku2023_t1_2", "osaka_city_h25_page", "osaka_akiya_policy")
#: the references every comparison keeps: the city, the prefecture, Japan
REFERENCES = ("27100", "27000", "00000")
#: the areas compared beside them when the reader has chosen none: the dashboard's other municipalities
COMPARED_BY_DEFAULT = ("14208", "11227", "27212")
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


def category_example(row, lang: str) -> str:
    """An example state of a category (or, where the policy gives none, its item), in the reader's language."""
    return in_language(row, "example", lang) if row.example_ja else in_language(row, "item", lang)


def category_cards(categories: pd.DataFrame, lang: str) -> list[tuple[str, str, str, str]]:
    """The four categories of a specified vacant house as cards: (its name with the other language beside,
    its state, the label of its folded list, the list of its example states), in Markdown."""
    cards = []
    for _, group in categories.groupby("category", sort=False):
        first = group.iloc[0]
        cards.append(
            (
                t("common.name_beside", lang, ja=f"{first.category} {first.name_ja}", en=first.name_en),
                t("osaka.translated", lang, text=fmt.md_text(in_language(first, "state", lang))),
                t("osaka.examples", lang, n=len(group)),
                "\n".join(f"- {fmt.md_text(category_example(r, lang))}" for r in group.itertuples()),
            )
        )
    return cards


def enforcement_cards(path: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """The staged enforcement A → F as cards: (stage, its name with the English beside, its article)."""
    return [
        (
            s.stage,
            t("common.name_beside", lang, ja=s.name_ja, en=s.name_en),
            in_language(s, "article", lang) if s.article_ja else t("osaka.no_article", lang),
        )
        for s in path.itertuples()
    ]


def enforcement_lines(stages: pd.DataFrame, lang: str) -> tuple[list[str], list[str]]:
    """What each stage does and the fines, a Markdown line each, as the policy words them."""
    path = stages[stages.stage.str.len() == 1]

    def article(s) -> str:
        return in_language(s, "article", lang) if s.article_ja else ""

    detail = [
        t(
            "osaka.stage_line",
            lang,
            name=f"{s.stage} {fmt.md_text(in_language(s, 'name', lang))}",
            article=fmt.md_text(article(s) or t("osaka.no_article", lang)),
            text=fmt.md_text(in_language(s, "consequence", lang)),
        )
        for s in path.itertuples()
    ]
    fines = [
        t(
            "osaka.fine_line" if f.article_ja else "osaka.fine_line_plain",
            lang,
            name=fmt.md_text(in_language(f, "name", lang)),
            article=fmt.md_text(article(f)),
            text=fmt.md_text(in_language(f, "consequence", lang)),
        )
        for f in stages[stages.stage.str.len() > 1].itertuples()
    ]
    return detail, fines


def area_choices(areas: pd.DataFrame) -> dict[str, str]:
    """The areas a reader can add to a comparison, {code: "堺市　堺区（27141）"} (the official table's
    names; the references are always shown, so not offered)."""
    return {c: f"{name}（{c}）" for c, name in zip(areas.area_code, areas.area_ja) if c not in REFERENCES}


def compared_codes(chosen: list[str]) -> list[str]:
    """The areas a comparison shows: the references always, then the reader's choice (or, with none, the
    dashboard's other municipalities), each once."""
    return list(dict.fromkeys([*REFERENCES, *(chosen or COMPARED_BY_DEFAULT)]))


def area_name(row, lang: str) -> str:
    """An area of the survey as the comparison names it: in Japanese as the table prints it (堺市　堺区);
    in English the English name where the dashboard has one (the references, its municipalities, Osaka's
    wards), with the Japanese beside, else the Japanese name alone (the table has no English names)."""
    if has(key := f"osaka.area.{row.area_code}"):
        return t(key, lang)
    if isinstance(getattr(row, "ward_en", None), str):
        return t("osaka.ward_name", lang, ja=row.area_ja, en=row.ward_en)
    return str(row.area_ja)


def comparison_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The compared areas as a table to read: the area, its code, dwellings and vacant dwellings (as
    published) and both rates (derived)."""
    return pd.DataFrame(
        {
            t("osaka.col.area", lang): [area_name(a, lang) for a in areas.itertuples()],
            t("osaka.col.area_code", lang): areas.area_code.astype(str).tolist(),
            t("osaka.col.dwellings_total", lang): [fmt.number(v, lang=lang) for v in areas.dwellings_total],
            t("osaka.col.vacant_total", lang): [fmt.number(v, lang=lang) for v in areas.vacant_total],
            t("osaka.col.vacancy_rate_pct", lang): [fmt.percent(v, 1, lang=lang) for v in areas.vacancy_rate_pct],
            t("osaka.col.vacant_other_rate_pct", lang): [
                fmt.percent(v, 1, lang=lang) for v in areas.vacant_other_rate_pct
            ],
        }
    )
