"""Osaka (大阪市): ward vacancy statistics, the dangerous-vacant-house policy and its danger score."""

import streamlit as st

from machi import charts, danger, fmt, osaka, ui
from machi.i18n import t

WARDS_GEOJSON = "osaka/osaka_city_wards_n03_2020.geojson"
MAP_TOLERANCE_DEG = 0.0002  # boundaries drawn to about 20 m; the map shows about 17 km in 570 px, 30 m a pixel

lang = ui.current_language()
ja = lang == "ja"
rows = ui.query("osaka_wards")
year = int(rows[rows.row_kind == "ward"].dropna(subset=["dwellings_total"]).survey_year.max())
now = rows[rows.survey_year == year]
wards = now[now.row_kind == "ward"]
refs = now.set_index("row_kind")

st.title(t("osaka.title", lang))
st.markdown(t("osaka.subtitle", lang, year=fmt.calendar_year(year, lang)))
with st.expander(t("osaka.how_to_read", lang)):
    st.markdown(t("osaka.how_to_read_body", lang))

city = refs.loc["city"]
ui.metric_row([
    (t("osaka.city_rate", lang, year=year), fmt.percent(city.vacancy_rate_pct, 1), t("osaka.rate_help", lang)),
    (t("osaka.city_vacant", lang), f"{fmt.number(city.vacant_total)} {t('osaka.unit_dwellings', lang)}", None),
    (t("osaka.city_other_rate", lang), fmt.percent(city.vacant_other_rate_pct, 1), t("osaka.other_help", lang)),
    (t("osaka.highest_ward", lang), f"{osaka.ward_names(wards, lang)[wards.vacancy_rate_pct.idxmax()]} "
     f"{fmt.percent(wards.vacancy_rate_pct.max(), 1)}", None),
])


# --- the sections, one tab each: only the open tab is computed and drawn ----------------------------
def metric_label(metric: str) -> str:
    return t("osaka.metric.rate" if metric == "vacancy_rate_pct" else "osaka.metric.other_rate", lang)


def pick_metric() -> str:
    """The measure the ranking, the map and the kinds are drawn by (one state for the three tabs)."""
    return ui.url_choice(t("osaka.metric", lang), ["vacancy_rate_pct", "vacant_other_rate_pct"], "metric",
                         format_func=metric_label, widget="radio")


@st.fragment
def ranking():
    """The 24 wards ranked: the measure radio reruns only this part."""
    st.subheader(t("osaka.ranking", lang, year=year))
    metric = pick_metric()
    reference = [(t(f"osaka.ref.{k}", lang), refs.loc[k][metric]) for k in ("city", "prefecture", "national")]
    ui.chart(charts.ward_ranking, wards, reference, metric, lang, key="ranking")
    st.caption(t("osaka.derived_rates", lang))


@st.fragment
def ward_map():
    """The wards on a map of our own boundaries: the measure radio reruns only this part."""
    st.subheader(t("osaka.map", lang, year=year))
    metric = pick_metric()
    boundaries = ui.data_json(WARDS_GEOJSON, simplify=MAP_TOLERANCE_DEG)
    ui.chart(charts.ward_map, wards, boundaries, metric, metric_label(metric), lang, key="map")
    if missing := ui.memo(osaka.wards_without_boundary, wards, boundaries, lang):
        st.warning(t("osaka.no_boundary", lang, wards=t("common.item_sep", lang).join(missing)))
    st.caption(t("osaka.map_credit", lang))
    st.caption(t("osaka.derived_rates", lang))


@st.fragment
def kinds():
    """Kinds of vacancy per ward, ordered by the chosen measure."""
    st.subheader(t("osaka.kinds", lang, year=year))
    st.caption(t("osaka.kinds_note", lang))
    metric = pick_metric()
    ordered = wards.sort_values(metric, ascending=False)
    ui.chart(charts.vacancy_kinds, ordered, lang, key="kinds")
    with ui.on_demand(t("osaka.ward_table", lang, n=len(ordered)), key="osaka_ward_table") as shown:
        if shown:
            st.dataframe(ui.memo(osaka.ward_table, ordered, lang), hide_index=True)
    ui.download_csv(rows, "osaka_wards", lang, key="download_wards")


def then_now():
    st.subheader(t("osaka.then_now", lang))
    st.caption(t("osaka.then_now_note", lang))
    st.dataframe(ui.memo(osaka.then_now_table, rows, lang), hide_index=True)


@st.fragment
def comparison():
    """Any municipality compared: the picker reruns only this part."""
    st.subheader(t("osaka.compare", lang, year=year))
    areas = ui.query("housing_areas")
    names = dict(zip(areas.area_code, areas.area_ja))
    chosen = ui.url_multiselect(t("osaka.compare_pick", lang), list(names), "areas",
                                format_func=lambda c: f"{names[c]}（{c}）", where=st)
    codes = chosen or ["27100", "14208", "11227", "27212", "27000", "00000"]
    if not chosen:
        st.caption(t("osaka.compare_default", lang))
    compared = ui.query("housing_area_compare", codes=codes, year=year)
    ui.chart(charts.area_comparison, compared, lang, key="compare")


def policy():
    """The city's policy: the four categories and the staged enforcement."""
    st.subheader(t("osaka.policy", lang))
    categories = ui.query("osaka_tokutei_categories")
    st.markdown(f"**{t('osaka.categories', lang)}**")
    cols = st.columns(4)
    for col, (key, group) in zip(cols, categories.groupby("category", sort=False)):
        first = group.iloc[0]
        with col.container(border=True):
            st.markdown(f"**{first.category} {first.name_ja}**" + ("" if ja else f"  \n*{first.name_en}*"))
            st.caption(fmt.md_text(first.state_ja))
            with st.expander(t("osaka.examples", lang, n=len(group))):
                st.markdown("\n".join(f"- {fmt.md_text(r.example_ja or r.item_ja)}" for r in group.itertuples()))

    stages = ui.query("osaka_enforcement")
    st.markdown(f"**{t('osaka.enforcement', lang)}**")
    path = stages[stages.stage.str.len() == 1]
    per_row = 3  # wide enough cards for the English names (six in a row broke words mid-word)
    stages_in_order = list(path.itertuples())
    for i, s in enumerate(stages_in_order):
        if i % per_row == 0:
            cols = st.columns([3, 1] * per_row)
        with cols[2 * (i % per_row)].container(border=True):
            st.markdown(f"### {s.stage}")
            st.markdown(f"**{s.name_ja}**" + ("" if ja else f"  \n*{s.name_en}*"))
            st.caption(s.article_ja or t("osaka.no_article", lang))
        if i < len(stages_in_order) - 1:
            cols[2 * (i % per_row) + 1].markdown("## →")
    with st.expander(t("osaka.enforcement_detail", lang)):
        for s in path.itertuples():
            st.markdown(f"**{s.stage} {s.name_ja}**（{s.article_ja or t('osaka.no_article', lang)}）: {fmt.md_text(s.consequence_ja)}")
    for f in stages[stages.stage.str.len() > 1].itertuples():
        st.warning(f"**{f.name_ja}**{'（' + f.article_ja + '）' if f.article_ja else ''}: {fmt.md_text(f.consequence_ja)}")


@st.fragment
def danger_score():
    """The danger-score calculator: a choice reruns only this part."""
    st.subheader(t("osaka.danger", lang))
    st.caption(t("osaka.danger_note", lang))
    rules = danger.load_rules()
    choice = {}
    cols = st.columns(3)
    for col, (part, spec) in zip(cols, rules.parts.items()):
        options = ["none", *spec["ranks"]]
        picked = ui.url_choice(spec["name_ja"] if ja else spec["name_en"], options, f"d_{part}", where=col,
                               format_func=lambda r, spec=spec: t("osaka.rank_none", lang) if r == "none" else
                               f"{r}（{fmt.number(spec['ranks'][r]['points'], 1)} {t('osaka.points', lang)}）")
        choice[part] = None if picked == "none" else picked
        if picked != "none":
            col.caption(spec["ranks"][picked]["description_ja" if ja else "description_en"])
    harm = ui.url_choice(t("osaka.third_party", lang), ["no", "yes"], "d_harm",
                         format_func=lambda v: t(f"osaka.harm.{v}", lang), widget="radio")
    result = danger.evaluate({**choice, "third_party_harm": harm == "yes"})
    level_colour = {0: "green", 1: "blue", 2: "orange", 3: "red"}[result["level"]]
    ui.metric_row([
        (t("osaka.score", lang), fmt.number(result["score"], 1), t("osaka.score_help", lang)),
        (t("osaka.level", lang), f"{result['level']}", result["level_rule_ja"] if ja else result["level_rule_en"]),
    ])
    st.markdown(f":{level_colour}-badge[{t('osaka.level_badge', lang, level=result['level'])}] "
                + fmt.md_text(result["next_step_ja"] if ja else result["next_step_en"]))
    st.caption(f"{t('common.source', lang)}: {result.get('next_step_citation', '')}")
    st.dataframe([{t("osaka.col.part", lang): r["part_ja"] if ja else rules.parts[r["part"]]["name_en"], t("osaka.col.rank", lang): r["rank"] or "—",
                   t("osaka.points", lang): r["points"], t("osaka.col.citation", lang): r["citation"]}
                  for r in result["rules"]], hide_index=True)


SECTIONS = {"ranking": ranking, "map": ward_map, "kinds": kinds, "then_now": then_now, "compare": comparison,
            "policy": policy, "danger": danger_score}
ui.tab_sections(SECTIONS, "osaka", lang)

ui.source_footer(["estat_jyutaku2023_t1_2", "osaka_city_h25_page", "osaka_akiya_policy", "mlit_n03_2020"], lang)
